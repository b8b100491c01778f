import type { OpenAPIObject } from '@nestjs/swagger';

/** Keywords that describe a schema rather than constrain it: they stay outside the null union. */
const ANNOTATIONS = ['description', 'title', 'example', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly'];

/**
 * @nestjs/swagger 12 writes OpenAPI 3.0 with `nullable: true`, which 3.0.3 makes meaningless
 * beside `$ref`/`allOf` (strict readers then refuse the nulls the server sends). OpenAPI 3.1
 * is JSON Schema 2020-12 with a real null type, so the document is served as 3.1 and every
 * `nullable` becomes `type: [T, 'null']` or `anyOf: [schema, {type: 'null'}]`.
 */
export function toOpenApi31(document: OpenAPIObject): OpenAPIObject {
  const converted = rewrite(document) as OpenAPIObject;
  converted.openapi = '3.1.0';
  return converted;
}

function rewrite(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewrite);
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([key, child]) => [key, rewrite(child)] as const);
  const object = Object.fromEntries(entries) as Record<string, unknown>;
  return typeof object.nullable === 'boolean' ? withNull(object) : object;
}

function withNull(schema: Record<string, unknown>): Record<string, unknown> {
  const { nullable, ...rest } = schema;
  if (!nullable) return rest;
  const composed = ['$ref', 'allOf', 'anyOf', 'oneOf'].some((key) => key in rest);
  if (typeof rest.type === 'string' && !composed) {
    const enumeration = Array.isArray(rest.enum) && !rest.enum.includes(null) ? [...rest.enum, null] : rest.enum;
    return { ...rest, type: [rest.type, 'null'], ...(enumeration ? { enum: enumeration } : {}) };
  }
  const annotations = Object.fromEntries(Object.entries(rest).filter(([key]) => ANNOTATIONS.includes(key)));
  // Beside a composition, swagger's `type: 'object'` only repeats what the referenced schema says.
  const constraints = Object.fromEntries(
    Object.entries(rest).filter(([key]) => !ANNOTATIONS.includes(key) && !(composed && key === 'type')),
  );
  const inner = isSingleRefAllOf(constraints) ? constraints.allOf[0] : constraints;
  return { ...annotations, anyOf: [inner, { type: 'null' }] };
}

function isSingleRefAllOf(schema: Record<string, unknown>): schema is { allOf: [object] } {
  return Object.keys(schema).length === 1 && Array.isArray(schema.allOf) && schema.allOf.length === 1;
}
