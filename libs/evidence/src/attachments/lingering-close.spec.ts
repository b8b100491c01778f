import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { lingerAfterAnswer } from './lingering-close.js';

// The race this guards against (a reset losing the answer) shows only under load; the
// s3 attachments e2e test, which stops the store mid-upload, is where it was seen.
describe('lingerAfterAnswer', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    // Answers 413 at the first chunk, as a refused upload does.
    server = createServer((req, res) => {
      lingerAfterAnswer(req, res, 300);
      req.once('data', () => {
        res.statusCode = 413;
        res.end('too large');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /**
   * A client that keeps sending whatever it is told and never closes: resolves with the answer
   * once the connection closed, which only the server can do (so no time bound is asserted;
   * a server that never closed would leave this pending until the test times out).
   */
  const relentlessUpload = () =>
    new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      let answer: { status: number; connection: string | undefined } | undefined;
      const req = request({ host: '127.0.0.1', port, method: 'POST', headers: { 'transfer-encoding': 'chunked' } });
      const chunk = Buffer.alloc(64 * 1024);
      const sending = setInterval(() => req.write(chunk), 2);
      req.on('response', (res) => {
        answer = { status: res.statusCode ?? 0, connection: res.headers.connection };
        res.resume();
      });
      req.on('error', () => undefined);
      req.on('close', () => {
        clearInterval(sending);
        if (!answer) return reject(new Error('closed without an answer'));
        resolve(answer);
      });
    });

  it('answers, says the connection closes, and closes it after the linger time even if the client never stops', async () => {
    const outcome = await relentlessUpload();
    expect(outcome).toEqual({ status: 413, connection: 'close' });
  });
});
