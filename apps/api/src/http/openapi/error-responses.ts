import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  PathItemObject,
  ReferenceObject,
  RequestBodyObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';
import type { RouteAccess } from '@sillok/core';
import type { ListedRoute } from '../route-listing.js';
import { PROBLEM_MEDIA_TYPE, PROBLEM_REF, PROBLEM_SCHEMA, PROBLEM_SCHEMA_NAME } from './problem-schema.js';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** Why each derived status can happen, as the document tells it. */
const DERIVED_REASONS: Record<number, string> = {
  400: 'a parameter or the body is invalid (errors[] names each field)',
  401: 'no valid access token',
  403: "the role lacks the route's permission, or the account must first change its password or enrol a second factor",
  404: 'no such record, or not in a case the caller is a member of (the same answer for both)',
  409: "the version sent is stale (currentVersion holds the one to re-read), or the record's state refuses the change",
  413: 'the body is larger than the server accepts',
  415: 'the body is not one of the declared media types',
  500: 'unexpected failure; quote the requestId',
  503: 'the database is unavailable; retry later',
  507: 'the disk of the object store (or of the database) is full; an administrator must free space',
};

/**
 * Declares every error status an operation can answer, derived in this one place from what
 * produces it: the global guards (401, 403), ids in the path, query or body (400, 404),
 * queries and bodies (400, 413, 415), a version field or a write to an existing record (409),
 * uploads (507: a full disk) and the server itself (500, 503). Statuses a route declares
 * itself (416 on ranges, 413 on uploads, 423 on lockout) keep their description. Every error
 * response gets the one problem-details schema, and the security requirement follows the
 * route's access declaration, so neither can drift from the guards.
 */
export function declareErrorResponses(document: OpenAPIObject, routes: ListedRoute[]): void {
  const accessOf = new Map(routes.map((route) => [operationKey(route.method, openApiPath(route.path)), route.access]));
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, [PROBLEM_SCHEMA_NAME]: PROBLEM_SCHEMA };

  for (const [path, item] of Object.entries<PathItemObject>(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const access = accessOf.get(operationKey(method, path));
      if (!access) throw new Error(`the OpenAPI operation ${method.toUpperCase()} ${path} matches no declared route`);
      applySecurity(operation, access);
      for (const status of derivedStatuses(method, operation, access, document)) {
        operation.responses[status] ??= { description: DERIVED_REASONS[status] ?? '' };
      }
      attachProblemBodies(operation);
    }
  }
}

function derivedStatuses(
  method: string,
  operation: OperationObject,
  access: RouteAccess,
  document: OpenAPIObject,
): number[] {
  const statuses = new Set<number>([500, 503]);
  if (access.kind !== 'public') [401, 403].forEach((status) => statuses.add(status));
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  const onRecord = parameters.some((parameter) => parameter.in === 'path');
  if (onRecord) [400, 404].forEach((status) => statuses.add(status));
  // A write to an existing record can meet its state: withdrawn, already linked, the last lead.
  if (onRecord && method !== 'get') statuses.add(409);
  if (parameters.some((parameter) => parameter.in === 'query')) statuses.add(400);
  // An id in the query or body names a record that may be missing or out of the caller's cases.
  if (parameters.some((parameter) => parameter.schema && refersToRecord(parameter.schema, document))) statuses.add(404);
  const body = operation.requestBody as RequestBodyObject | undefined;
  if (body) {
    [400, 413, 415].forEach((status) => statuses.add(status));
    // An upload streams into the object store, whose disk can fill up (ENOSPC answers 507).
    if (body.content['multipart/form-data']) statuses.add(507);
    const json = body.content['application/json']?.schema;
    if (json && hasProperty(json, 'version', document)) statuses.add(409);
    if (json && refersToRecord(json, document)) statuses.add(404);
  }
  return [...statuses].sort();
}

function applySecurity(operation: OperationObject, access: RouteAccess): void {
  // An empty list says "no authentication" explicitly, rather than leaving it unsaid.
  operation.security = access.kind === 'public' ? [] : [{ bearer: [] }];
}

/** Error responses without a body of their own answer problem details. */
function attachProblemBodies(operation: OperationObject): void {
  const responses = operation.responses as Record<string, ResponseObject | ReferenceObject>;
  for (const [status, response] of Object.entries(responses)) {
    if (Number(status) < 400 || '$ref' in response) continue;
    response.content ??= { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: PROBLEM_REF } } };
  }
}

/** Whether the schema holds a UUID anywhere (a property, an array item, a nested object). */
function refersToRecord(
  schema: SchemaObject | ReferenceObject,
  document: OpenAPIObject,
  seen = new Set<SchemaObject>(),
): boolean {
  const resolved = resolve(schema, document);
  if (!resolved || seen.has(resolved)) return false;
  seen.add(resolved);
  if (resolved.format === 'uuid') return true;
  const children = [
    ...Object.values(resolved.properties ?? {}),
    ...(resolved.items ? [resolved.items] : []),
    ...(resolved.allOf ?? []),
    ...(resolved.anyOf ?? []),
    ...(resolved.oneOf ?? []),
  ];
  return children.some((child) => refersToRecord(child, document, seen));
}

function resolve(schema: SchemaObject | ReferenceObject, document: OpenAPIObject): SchemaObject | undefined {
  const resolved = '$ref' in schema ? document.components?.schemas?.[schema.$ref.split('/').pop()!] : schema;
  return resolved && !('$ref' in resolved) ? resolved : undefined;
}

function hasProperty(schema: SchemaObject | ReferenceObject, name: string, document: OpenAPIObject): boolean {
  const properties = resolve(schema, document)?.properties;
  return Boolean(properties && name in properties);
}

/** `/cases/:id` as OpenAPI writes it: `/cases/{id}`. */
function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function operationKey(method: string, path: string): string {
  return `${method.toLowerCase()} ${path}`;
}
