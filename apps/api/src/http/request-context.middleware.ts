import type { NextFunction, Request, Response } from 'express';
import { clientRequestId, REQUEST_ID_HEADER, requestContext } from '@sillok/core';
import { randomUUID } from 'node:crypto';

/** Gives every request an id (echoed in the response header) and a context for audit rows and logs. */
export function requestContextMiddleware(request: Request, response: Response, next: NextFunction): void {
  const fromClient = clientRequestId(request.headers[REQUEST_ID_HEADER]);
  const requestId = fromClient ?? randomUUID();
  (request as Request & { id: string }).id = requestId;
  response.setHeader(REQUEST_ID_HEADER, requestId);
  requestContext.run(
    {
      requestId,
      requestIdFromClient: fromClient !== undefined,
      clientAddress: request.ip,
      userAgent: request.headers['user-agent']?.slice(0, 512),
    },
    next,
  );
}
