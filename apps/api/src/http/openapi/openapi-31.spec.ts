import { describe, expect, it } from '@jest/globals';
import type { OpenAPIObject } from '@nestjs/swagger';
import { toOpenApi31 } from './openapi-31.js';

describe('toOpenApi31', () => {
  it('turns every nullable into a real null type, beside a $ref as well', () => {
    const converted = toOpenApi31({
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: {},
      components: {
        schemas: {
          Row: {
            type: 'object',
            properties: {
              label: { type: 'string', nullable: true },
              precision: { type: 'string', enum: ['exact', 'year'], nullable: true },
              withdrawn: { type: 'object', nullable: true, description: 'why', allOf: [{ $ref: '#/x' }] },
              required: { type: 'string', nullable: false },
            },
          },
        },
      },
    } as OpenAPIObject);
    expect(converted.openapi).toBe('3.1.0');
    expect(converted.components!.schemas!.Row).toEqual({
      type: 'object',
      properties: {
        label: { type: ['string', 'null'] },
        precision: { type: ['string', 'null'], enum: ['exact', 'year', null] },
        withdrawn: { description: 'why', anyOf: [{ $ref: '#/x' }, { type: 'null' }] },
        required: { type: 'string' },
      },
    });
  });
});
