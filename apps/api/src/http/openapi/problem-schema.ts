import type { SchemaObject } from '@nestjs/swagger';

export const PROBLEM_SCHEMA_NAME = 'Problem';
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
export const PROBLEM_REF = `#/components/schemas/${PROBLEM_SCHEMA_NAME}`;

/**
 * The one error body every route answers with (apps/api/src/http/problem-details.filter.ts):
 * RFC 9457 members, the request id, and the extension members domain errors add.
 */
export const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'RFC 9457 problem details. Extension members beyond those listed may appear.',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', description: '`urn:sillok:problem:<code>`, or `about:blank`' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    instance: { type: 'string', description: 'the request path' },
    requestId: { type: 'string', description: 'quote it when reporting a 500' },
    errors: {
      type: 'array',
      description: 'validation errors: one entry per field and reason',
      items: {
        type: 'object',
        required: ['field', 'reason'],
        properties: {
          field: { type: 'string', description: 'dotted path, e.g. `translations.0.language`' },
          reason: { type: 'string' },
        },
      },
    },
    currentVersion: { type: 'integer', description: 'on 409 stale version: the version to re-read' },
    maxBytes: { type: 'integer', description: 'on 413: the largest accepted size' },
  },
  additionalProperties: true,
};
