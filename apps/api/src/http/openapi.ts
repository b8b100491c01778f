import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { declareErrorResponses } from './openapi/error-responses.js';
import { toOpenApi31 } from './openapi/openapi-31.js';
import { listRoutes } from './route-listing.js';

export const OPENAPI_JSON_PATH = 'api/openapi.json';
export const OPENAPI_UI_PATH = 'api/docs';

/** The served document: what the decorators say, plus the error responses derived from the guards and inputs. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Sillok API')
    .setDescription(
      'Testimony and evidence documentation. Errors are RFC 9457 problem details (application/problem+json) with a requestId; dates are ISO 8601.',
    )
    .setVersion('0.1.0')
    // Same origin as the document: wherever it is served from.
    .addServer('/')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  declareErrorResponses(document, listRoutes(app));
  return toOpenApi31(document);
}

/** Serves the document as JSON and a browsable UI. */
export function serveOpenApi(app: INestApplication): void {
  SwaggerModule.setup(OPENAPI_UI_PATH, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    raw: ['json'],
  });
}
