import type { Server, ServerResponse } from 'node:http';

export interface RequestCount {
  /** Requests whose response has not yet closed. */
  running(): number;
}

/** Counts the requests in flight from now on, so a drain can say how many it had to cut. */
export function countRequests(server: Server): RequestCount {
  let running = 0;
  server.on('request', (_request, response: ServerResponse) => {
    running += 1;
    response.once('close', () => (running -= 1));
  });
  return { running: () => running };
}

/**
 * Stops accepting connections and waits for the requests in flight to finish, up to
 * `deadlineMs`. Idle keep-alive connections are closed as they appear (a client would
 * otherwise hold the server open with a connection it is not using), and answers sent
 * while draining say `Connection: close`. At the deadline every connection is cut.
 * Resolves with the number of requests that were cut.
 */
export async function drainHttpServer(server: Server, requests: RequestCount, deadlineMs: number): Promise<number> {
  server.prependListener('request', (_request, response: ServerResponse) => {
    if (!response.headersSent) response.setHeader('connection', 'close');
  });
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'deadline'>((resolve) => (timer = setTimeout(() => resolve('deadline'), deadlineMs)));
  try {
    if ((await Promise.race([closed, deadline])) !== 'deadline') return 0;
    const cut = requests.running();
    server.closeAllConnections();
    await closed;
    return cut;
  } finally {
    clearInterval(sweep);
    clearTimeout(timer);
  }
}
