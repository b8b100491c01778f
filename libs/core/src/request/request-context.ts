import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is acting: set by the authentication guard, read by audit and access checks. */
export interface Actor {
  userId: string;
  role: string;
  sessionId?: string;
}

/** What every layer may need to know about the request it serves (audit rows, logs). */
export interface RequestContext {
  requestId: string;
  /** The client sent requestId (X-Request-Id): audit rows mark it (auditRequestId). */
  requestIdFromClient?: boolean;
  clientAddress?: string;
  userAgent?: string;
  actor?: Actor;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(context: RequestContext, fn: () => T): T {
    return storage.run(context, fn);
  },
  current(): RequestContext | undefined {
    return storage.getStore();
  },
};
