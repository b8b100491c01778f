import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { WEB_CLIENT_CSP } from './web-client-csp.js';
import { findWebClientDir } from './web-client-dir.js';

/** Client routes live under /app so that none of them is also an API path (GET /cases is JSON). */
export const WEB_CLIENT_BASE = '/app';

/**
 * Serves the built web client: `/` and every `/app/...` path answer index.html (no-store, so a
 * new release is picked up at once), `/assets/...` the content-hashed files (immutable for a
 * year). Registered before Nest's routes; it touches no API path.
 */
export function serveWebClient(app: NestExpressApplication, logger: Logger): void {
  const dir = findWebClientDir();
  if (!dir) {
    logger.warn('web client not built (npm run build builds it): / is not served');
    return;
  }
  const indexHtml = readFileSync(join(dir, 'index.html'));
  const sendIndex = (_request: Request, response: Response) => {
    response.setHeader('Content-Security-Policy', WEB_CLIENT_CSP);
    response.setHeader('Cache-Control', 'no-store');
    response.type('html').send(indexHtml);
  };
  app.useStaticAssets(join(dir, 'assets'), {
    prefix: '/assets',
    immutable: true,
    maxAge: '365d',
    index: false,
    fallthrough: false,
    setHeaders: (response) => response.setHeader('Content-Security-Policy', WEB_CLIENT_CSP),
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (request.path === '/' || request.path === WEB_CLIENT_BASE || request.path.startsWith(WEB_CLIENT_BASE + '/')) {
      return sendIndex(request, response);
    }
    next();
  });
}
