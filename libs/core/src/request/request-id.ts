import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

// A caller-supplied id is kept only when it is short and plain, so it cannot inject into logs.
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Marks, in audit rows, a request id the client chose: evidence must not pass it off as Sillok's own. */
export const CLIENT_REQUEST_ID_PREFIX = 'client:';

export function requestIdFrom(header: string | string[] | undefined): string {
  return clientRequestId(header) ?? randomUUID();
}

/** The client's X-Request-Id when it is acceptable (8 to 128 of A-Z a-z 0-9 . _ : -), else undefined. */
export function clientRequestId(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value && ACCEPTABLE_REQUEST_ID.test(value) ? value : undefined;
}

/** The request id as an audit row records it: prefixed `client:` when the client supplied it. */
export function auditRequestId(context: { requestId: string; requestIdFromClient?: boolean }): string {
  return context.requestIdFromClient ? `${CLIENT_REQUEST_ID_PREFIX}${context.requestId}` : context.requestId;
}
