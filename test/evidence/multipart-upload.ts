import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { assertKeepsContract } from '../support/contract-checked-client.js';
import type { TestApp } from '../support/test-app.js';

export interface UploadAnswer {
  status: number;
  body: Record<string, unknown> & { errors?: Array<{ field: string }> };
  /** Bytes of the file that the client managed to write before the answer or the end. */
  sent: number;
}

/**
 * A real streamed multipart upload over a socket (supertest would buffer the body): the
 * fields, then the file part from `file`, written with backpressure. `abortAfter` cuts the
 * connection once that many file bytes are sent and, when given, `abortWhen` has resolved (e.g.
 * the server has begun to ingest: a cut before the request reaches the handler tests nothing). Resolves with the answer as soon as one
 * arrives, even while the body is still being sent (413 comes early).
 */
export function streamUpload(
  t: TestApp,
  path: string,
  token: string,
  fields: Record<string, string>,
  file: { stream: Readable; fileName: string; mediaType?: string },
  options: { abortAfter?: number; abortWhen?: Promise<unknown> } = {},
): Promise<UploadAnswer> {
  const server = t.app.getHttpServer() as { address(): AddressInfo | null; listen(port: number): void };
  if (!server.address()) server.listen(0);
  const { port } = server.address() as AddressInfo;
  const boundary = `sillok-${randomBytes(8).toString('hex')}`;
  let head = '';
  for (const [name, value] of Object.entries(fields)) {
    head += `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  }
  head +=
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.fileName}"\r\n` +
    `Content-Type: ${file.mediaType ?? 'application/octet-stream'}\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;

  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    let aborting = false;
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      path,
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'transfer-encoding': 'chunked',
      },
    });
    req.on('response', (res) => {
      answered = true;
      file.stream.destroy();
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const body = text ? (JSON.parse(text) as UploadAnswer['body']) : {};
        const status = res.statusCode ?? 0;
        try {
          const responseType = res.headers['content-type']?.split(';')[0];
          const exchange = {
            method: 'POST',
            url: path,
            status,
            responseType,
            responseBody: body,
            responseEmpty: !text,
          };
          assertKeepsContract(t.contract, exchange);
        } catch (violation) {
          reject(violation as Error);
          return;
        }
        resolve({ status, body, sent });
      });
    });
    req.on('error', (error) => {
      if (!answered && options.abortAfter === undefined) reject(error);
    });
    req.write(Buffer.from(head, 'utf8'));
    file.stream.on('data', (chunk: Buffer) => {
      if (answered || aborting) return;
      if (options.abortAfter !== undefined && sent + chunk.length > options.abortAfter) {
        aborting = true;
        file.stream.pause();
        void Promise.resolve(options.abortWhen).then(() => {
          file.stream.destroy();
          req.destroy();
          resolve({ status: 0, body: {}, sent });
        });
        return;
      }
      sent += chunk.length;
      if (!req.write(chunk)) {
        file.stream.pause();
        req.once('drain', () => file.stream.resume());
      }
    });
    file.stream.on('end', () => {
      if (!answered) req.end(tail);
    });
  });
}
