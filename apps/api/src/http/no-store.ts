import type { NextFunction, Request, Response } from 'express';

/**
 * Every response says `Cache-Control: no-store`: tokens, witness identities and case content
 * must never rest in a browser's or proxy's cache, and one rule for all responses is the one
 * that cannot miss a route. (Nothing the API serves gains from caching enough to be worth a list.)
 */
export function noStore(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Cache-Control', 'no-store');
  next();
}
