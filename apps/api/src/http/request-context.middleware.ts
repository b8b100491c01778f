import type { NextFunction, Request, Response } from 'express';
import { REQUEST_ID_HEADER, requestContext, requestIdFrom } from '@sillok/core';

/** Gives every request an id (echoed in the response header) and a context for audit rows and logs. */
export function requestContextMiddleware(request: Request, response: Response, next: NextFunction): void {
  const requestId = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
  (request as Request & { id: string }).id = requestId;
  response.setHeader(REQUEST_ID_HEADER, requestId);
  requestContext.run(
    { requestId, clientAddress: request.ip, userAgent: request.headers['user-agent']?.slice(0, 512) },
    next,
  );
}
