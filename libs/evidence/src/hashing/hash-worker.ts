import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** What the worker answers for one stream: every chunk acknowledged, then the digests. */
export interface HashJob {
  acknowledged(bytes: number): void;
  finished(digests: { sha256: string; md5: string }): void;
  failed(error: Error): void;
}

// The worker's own code, kept as source text (eval) so that it runs the same from dist/ and under
// Jest, which loads the TypeScript sources and has no compiled file to point a Worker at.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const jobs = new Map();
parentPort.on('message', (message) => {
  const { type, id } = message;
  if (type === 'chunk') {
    let job = jobs.get(id);
    if (!job) jobs.set(id, (job = { sha256: createHash('sha256'), md5: createHash('md5') }));
    job.sha256.update(message.chunk);
    job.md5.update(message.chunk);
    parentPort.postMessage({ type: 'ack', id, bytes: message.chunk.byteLength });
  } else if (type === 'end') {
    const job = jobs.get(id) ?? { sha256: createHash('sha256'), md5: createHash('md5') };
    jobs.delete(id);
    parentPort.postMessage({ type: 'digests', id, sha256: job.sha256.digest('hex'), md5: job.md5.digest('hex') });
  } else if (type === 'abort') {
    jobs.delete(id);
  }
});
`;

type WorkerAnswer =
  { type: 'ack'; id: number; bytes: number } | { type: 'digests'; id: number; sha256: string; md5: string };

/**
 * Hashing off the event loop: SHA-256 and MD5 of an upload run on another core while the main
 * thread parses the request and writes the object (issue 18: the upload ran at 0.35 of a direct
 * put, with both hashes on the one thread). One worker per thread of spare CPU, shared by every
 * upload of the process; a stream stays on one worker, so its chunks are hashed in order.
 */
export class HashWorkers {
  private readonly workers: Array<Worker | null>;
  private readonly jobs = new Map<number, HashJob>();
  private readonly jobWorker = new Map<number, number>();
  private nextId = 1;

  constructor(size = Math.max(1, availableParallelism() - 1)) {
    this.workers = Array.from({ length: size }, () => null);
  }

  /** Starts hashing one stream; returns its id for send(), end() and abort(). */
  open(job: HashJob): number {
    const id = this.nextId++;
    this.jobs.set(id, job);
    this.jobWorker.set(id, id % this.workers.length);
    return id;
  }

  /** Hands a copy of the chunk to the worker (the caller passes the original on to the store). */
  send(id: number, chunk: Buffer): void {
    const copy = new Uint8Array(chunk);
    this.worker(id)?.postMessage({ type: 'chunk', id, chunk: copy }, [copy.buffer]);
  }

  end(id: number): void {
    this.worker(id)?.postMessage({ type: 'end', id });
  }

  abort(id: number): void {
    if (!this.jobs.delete(id)) return;
    this.worker(id)?.postMessage({ type: 'abort', id });
    this.jobWorker.delete(id);
  }

  private worker(id: number): Worker | undefined {
    const index = this.jobWorker.get(id);
    if (index === undefined) return undefined;
    return (this.workers[index] ??= this.start(index));
  }

  private start(index: number): Worker {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    // An idle worker must not keep a CLI command or a test process alive.
    worker.unref();
    worker.on('message', (answer: WorkerAnswer) => {
      const job = this.jobs.get(answer.id);
      if (!job) return;
      if (answer.type === 'ack') return job.acknowledged(answer.bytes);
      this.jobs.delete(answer.id);
      this.jobWorker.delete(answer.id);
      job.finished({ sha256: answer.sha256, md5: answer.md5 });
    });
    // A worker that dies fails the streams it was hashing; the next stream starts a new one.
    const fail = (error: Error) => {
      if (this.workers[index] !== worker) return;
      this.workers[index] = null;
      for (const [id, at] of this.jobWorker)
        if (at === index) {
          const job = this.jobs.get(id);
          this.jobs.delete(id);
          this.jobWorker.delete(id);
          job?.failed(error);
        }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the hashing worker stopped (exit code ${code})`)));
    return worker;
  }
}

/** The process's hashing workers, started on first use. */
export const hashWorkers = new HashWorkers();
