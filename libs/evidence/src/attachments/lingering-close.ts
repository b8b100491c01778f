import type { IncomingMessage, ServerResponse } from 'node:http';

/** How long a refused upload's remaining body is still read (and discarded) after the answer. */
export const LINGER_MS = 2_000;

/**
 * Every upload answer says `Connection: close`: a refused upload (413, 503, a bad form) is
 * answered before its body has been read, so the connection cannot carry another request.
 * Node then destroys the socket as soon as the answer is written; with the client still
 * sending, that resets the connection and the client may lose the answer to EPIPE. So, as
 * web servers do ("lingering close"), keep the half-closed socket reading and discarding
 * what is still in flight, and close it for good after `lingerMs` whatever the client does.
 */
export function lingerAfterAnswer(request: IncomingMessage, response: ServerResponse, lingerMs = LINGER_MS): void {
  response.setHeader('Connection', 'close');
  response.once('finish', () => {
    if (request.complete) return;
    const socket = request.socket;
    // Node has half-closed the socket and scheduled its destruction once the answer is flushed.
    socket.removeListener('finish', socket.destroy);
    request.resume();
    const timer = setTimeout(() => socket.destroy(), lingerMs);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  });
}
