import { NestFactory, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { NestPinoLogger } from '@sillok/core';
import { AppModule, type AppOptions } from './app.module.js';
import { ProblemDetailsFilter } from './http/problem-details.filter.js';
import { requestContextMiddleware } from './http/request-context.middleware.js';
import { createValidationPipe } from './http/validation.pipe.js';
import { httpLogging } from './http/http-logging.js';
import { jsonBodyOptions, refuseNonObjectBody, refuseReservedKeys } from './http/json-body.js';
import { RequestMediaTypeInterceptor } from './http/request-media-type.interceptor.js';
import { serveOpenApi } from './http/openapi.js';
import { noStore } from './http/no-store.js';
import { trustProxyValue } from './http/trust-proxy.js';
import { serveWebClient } from './web/serve-web-client.js';

/** Builds the configured application; main.ts and the end-to-end tests share it. */
export async function createApp(options: AppOptions & { logger: Logger }): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(options), {
    logger: new NestPinoLogger(options.logger),
    abortOnError: false,
    // JSON only: a form-encoded body on a JSON route is refused (415), never parsed into a DTO.
    bodyParser: false,
  });
  // Off unless configured: otherwise any local client could pick the address the rate limits count.
  app.set('trust proxy', trustProxyValue(options.settings.TRUST_PROXY));
  app.disable('x-powered-by');
  app.use(requestContextMiddleware);
  app.use(noStore);
  app.use(httpLogging(options.logger));
  app.use(
    helmet({
      // The OpenAPI UI loads its own scripts and styles from this origin only.
      contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'img-src': ["'self'", 'data:'] } },
    }),
  );
  app.useBodyParser('json', jsonBodyOptions());
  app.use(refuseNonObjectBody);
  app.use(refuseReservedKeys);
  app.useGlobalInterceptors(new RequestMediaTypeInterceptor(app.get(Reflector)));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter(options.logger));
  serveOpenApi(app);
  serveWebClient(app, options.logger);
  return app;
}
