import type { NextFunction, Request, Response } from 'express';

/**
 * Every response says `Cache-Control: no-store`: tokens, witness identities and case content
 * must never rest in a browser's or proxy's cache, and one rule for all responses is the one
 * that cannot miss a route. (Nothing the API serves gains from caching enough to be worth a list.)
 */
export function noStore(request: Request, response: Response, next: NextFunction): void {
  // The web client's content-hashed build files hold code only, never case content: the static
  // handler marks them immutable (it leaves a Cache-Control already set alone).
  if (!request.path.startsWith('/assets/')) response.setHeader('Cache-Control', 'no-store');
  next();
}
