import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import type { Request } from 'express';

/**
 * One line per request: method, path without its query (queries can hold search
 * terms about people), status, time. Bodies and headers are never logged.
 */
export function httpLogging(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req) => (req as unknown as { id: string }).id,
    serializers: {
      req: (req: Request & { raw?: Request }) => ({
        id: req.id,
        method: req.method,
        path: (req.url ?? '').split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    quietReqLogger: true,
  });
}
