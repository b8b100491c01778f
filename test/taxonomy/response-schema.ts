/** The parts of an OpenAPI 3 document that describe response bodies. */
export interface OpenApiSchema {
  $ref?: string;
  /** OpenAPI 3.1's nullable object: anyOf [{$ref}, {type: 'null'}]. */
  anyOf?: OpenApiSchema[];
  type?: string | string[];
  format?: string;
  nullable?: boolean;
  enum?: unknown[];
  items?: OpenApiSchema;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
}

export interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: OpenApiSchema }> }> }>
  >;
  components: { schemas: Record<string, OpenApiSchema> };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Where a response body differs from the schema the document declares for it (`path` as in
 * the document, e.g. /taxonomy/terms/{id}): fields not described, described required fields
 * missing, wrong types, values outside an enum. Empty when the document tells the truth.
 */
export function responseMismatches(
  doc: OpenApiDocument,
  method: string,
  path: string,
  status: number,
  body: unknown,
): string[] {
  const schema =
    doc.paths[path]?.[method.toLowerCase()]?.responses[String(status)]?.content?.['application/json']?.schema;
  if (!schema) return [`${method.toUpperCase()} ${path} ${status}: no response schema`];
  const problems: string[] = [];
  check(doc, schema, body, '$', problems);
  return problems;
}

function check(doc: OpenApiDocument, schema: OpenApiSchema, value: unknown, at: string, problems: string[]): void {
  if (schema.anyOf) {
    const each = schema.anyOf.map((alternative) => {
      const found: string[] = [];
      check(doc, alternative, value, at, found);
      return found;
    });
    if (!each.some((found) => found.length === 0)) problems.push(...each[0]);
    return;
  }
  if (schema.$ref) {
    const resolved = doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
    if (!resolved) problems.push(`${at}: unresolved ${schema.$ref}`);
    else check(doc, resolved, value, at, problems);
    return;
  }
  const types = ([] as string[]).concat(schema.type ?? []);
  if (value === null) {
    if (!schema.nullable && !types.includes('null')) problems.push(`${at}: null, not described as nullable`);
    return;
  }
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${at}: ${JSON.stringify(value)} not in the enum`);
  if (types.includes('array') || schema.items) {
    if (!Array.isArray(value)) problems.push(`${at}: not an array`);
    else if (schema.items) value.forEach((item, i) => check(doc, schema.items!, item, `${at}[${i}]`, problems));
    return;
  }
  if (types.includes('object') || schema.properties) {
    if (typeof value !== 'object' || Array.isArray(value)) {
      problems.push(`${at}: not an object`);
      return;
    }
    // An object without described properties is free-form (e.g. a term's attributes).
    if (!schema.properties) return;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!(key in schema.properties)) problems.push(`${at}.${key}: not described`);
      else check(doc, schema.properties[key], record[key], `${at}.${key}`, problems);
    }
    for (const key of schema.required ?? []) if (!(key in record)) problems.push(`${at}.${key}: required, missing`);
    return;
  }
  const expected = types.find((t) => t !== 'null');
  const fits =
    expected === 'string'
      ? typeof value === 'string' &&
        (schema.format !== 'date-time' || !Number.isNaN(Date.parse(value))) &&
        (schema.format !== 'uuid' || UUID.test(value))
      : expected === 'integer'
        ? Number.isInteger(value)
        : expected === 'number' || expected === 'boolean'
          ? typeof value === expected
          : true;
  if (!fits)
    problems.push(`${at}: ${JSON.stringify(value)} is not ${expected}${schema.format ? ` (${schema.format})` : ''}`);
}
