import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';

export interface SlowUpload {
  /** Resolves once the headers and the first chunk are on the wire. */
  started: Promise<void>;
  answer: Promise<{ status: number; body: Record<string, unknown> }>;
  /** Every byte of the file as sent. */
  bytes: Buffer;
}

/**
 * A multipart upload that trickles `chunks` pieces of `chunkSize` bytes, one every
 * `intervalMs`: the request is still in flight for chunks x intervalMs.
 */
export function slowUpload(
  url: string,
  token: string,
  options: { chunks: number; chunkSize: number; intervalMs: number },
): SlowUpload {
  const boundary = `slow-${randomBytes(6).toString('hex')}`;
  const pieces = Array.from({ length: options.chunks }, () => randomBytes(options.chunkSize));
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nother\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.bin"\r\n` +
    `Content-Type: application/octet-stream\r\n\r\n`;
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const answer = new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
    const req = httpRequest(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'transfer-encoding': 'chunked',
      },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} });
      });
    });
    req.write(head);
    let next = 0;
    const sendNext = () => {
      if (next === pieces.length) {
        req.end(`\r\n--${boundary}--\r\n`);
        return;
      }
      req.write(pieces[next++]);
      if (next === 1) markStarted();
      setTimeout(sendNext, options.intervalMs);
    };
    sendNext();
  });
  return { started, answer, bytes: Buffer.concat(pieces) };
}
