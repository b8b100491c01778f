import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { TestApp } from './test-app.js';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: Record<string, unknown> | undefined;
}

export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Sent as given: framing that lies (a Content-Length the body does not reach, a cut multipart) is the point. */
  body?: Buffer | string;
  /**
   * Half-close the socket after the body (a client that gives up). Default: keep it open, as
   * real clients do while they wait: Node's server drops a request whose client half-closes.
   */
  hangUp?: boolean;
}

/**
 * One HTTP/1.1 request written byte for byte on a socket, for bodies no well-behaved client
 * would send. Resolves with the answer, or rejects when the connection ends without one.
 */
export function rawRequest(t: TestApp, request: RawRequest): Promise<RawAnswer> {
  const server = t.app.getHttpServer() as { address(): AddressInfo | null; listen(port: number): void };
  if (!server.address()) server.listen(0);
  const { port } = server.address() as AddressInfo;
  const body = request.body === undefined ? Buffer.alloc(0) : Buffer.from(request.body);
  const headers: Record<string, string> = { host: '127.0.0.1', connection: 'close', ...lowerCased(request.headers) };
  if (!('content-length' in headers) && !('transfer-encoding' in headers))
    headers['content-length'] = String(body.length);
  const head =
    `${request.method} ${request.path} HTTP/1.1\r\n` +
    Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('') +
    '\r\n';

  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const answer = parseAnswer(Buffer.concat(chunks));
      if (answer) {
        socket.destroy();
        resolve(answer);
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const answer = parseAnswer(Buffer.concat(chunks), true);
      if (answer) resolve(answer);
      else reject(new Error(`${request.method} ${request.path}: the connection closed without an answer`));
    });
    socket.write(Buffer.concat([Buffer.from(head, 'latin1'), body]));
    if (request.hangUp) socket.end();
  });
}

function lowerCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

/** A complete answer once its headers and body (Content-Length or chunked) have arrived. */
function parseAnswer(bytes: Buffer, closed = false): RawAnswer | undefined {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine, ...lines] = bytes.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let rest = bytes.subarray(end + 4);
  if (headers['transfer-encoding'] === 'chunked') {
    const decoded: Buffer[] = [];
    for (;;) {
      const lineEnd = rest.indexOf('\r\n');
      if (lineEnd < 0) return undefined;
      const size = parseInt(rest.subarray(0, lineEnd).toString('latin1'), 16);
      if (size === 0) break;
      if (rest.length < lineEnd + 2 + size + 2) return undefined;
      decoded.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
      rest = rest.subarray(lineEnd + 2 + size + 2);
    }
    rest = Buffer.concat(decoded);
  } else if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length']);
    if (rest.length < length) return undefined;
    rest = rest.subarray(0, length);
  } else if (!closed) {
    return undefined;
  }
  const text = rest.toString('utf8');
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: Number(statusLine.split(' ')[1]), headers, text, json };
}
