import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import supertest from 'supertest';
import { Role } from '@sillok/auth';
import { bearer, createUser, loginAllRoles, type LoggedInUser, type RoleLogins } from '../support/auth-fixtures.js';
import { createTwoCases } from '../support/case-fixtures.js';
import { SeededRandom } from '../support/seeded-random.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createTestimony, createWitness, termId } from '../support/testimony-fixtures.js';

// Deterministic: set FUZZ_SEED to replay a failure. Bounded in requests, never by the clock: a
// time budget would send fewer requests on a busy machine, so one seed would not replay one run.
const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const REQUESTS_PER_ROUTE = 14;
const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const;

type Schema = {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
};
type Operation = { requestBody?: { content?: Record<string, { schema?: Schema }> } };
interface Route {
  method: (typeof WRITE_METHODS)[number];
  path: string;
  mediaTypes: string[];
  schema?: Schema;
}

/**
 * Every write route of the served OpenAPI document, as authorised users, with random,
 * wrong-typed, null, deeply nested and truncated bodies and path parameters: no answer may
 * be a 5xx. Routes that end sessions (logout, revoke, password, second factor) run last.
 */
describe('fuzzing every write route of the OpenAPI document', () => {
  let t: TestApp;
  let as: RoleLogins;
  let ids: Record<string, string[]>;
  let components: Record<string, Schema>;
  let routes: Route[];

  beforeAll(async () => {
    t = await startTestApp({ env: { UPLOAD_MAX_BYTES: String(64 * 1024) } });
    as = await loginAllRoles(t);
    const { caseA, caseB } = await createTwoCases(t, as);
    const witness = await createWitness(t, as.investigator, caseA);
    const testimony = await createTestimony(t, as.investigator, witness, '요덕 수용소에서');
    const incident = await t
      .http()
      .post('/incidents')
      .set(bearer(as.investigator))
      .send({ caseId: caseA, title: 'Fuzz incident' });
    const victim = await createUser(t, Role.Analyst);
    const term = await termId(t, 'coi-violation', 'E.2');
    ids = {
      cases: [caseA, caseB],
      witnesses: [witness],
      testimonies: [testimony.id],
      incidents: [incident.body.id as string],
      users: [victim.id],
      terms: [term],
      any: [caseA, witness, testimony.id, term, victim.id],
    };
    const document = (await t.http().get('/api/openapi.json')).body as {
      paths: Record<string, Partial<Record<string, Operation>>>;
      components: { schemas: Record<string, Schema> };
    };
    components = document.components.schemas;
    routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      WRITE_METHODS.filter((method) => operations[method]).map((method) => {
        const content = operations[method]!.requestBody?.content ?? {};
        const mediaTypes = Object.keys(content);
        return { method, path, mediaTypes, schema: content['application/json']?.schema };
      }),
    );
    const endsSessions = (route: Route) => /^\/auth\/(logout|sessions|password|mfa)/.test(route.path);
    routes.sort((a, b) => Number(endsSessions(a)) - Number(endsSessions(b)));
  });
  afterAll(async () => t?.close());

  it('finds the write routes in the document', () => {
    expect(routes.length).toBeGreaterThanOrEqual(50);
  });

  it('answers no fuzzed write with a 5xx, and stays healthy', async () => {
    const random = new SeededRandom(SEED);
    const failures: string[] = [];
    for (const route of routes) {
      for (let i = 0; i < REQUESTS_PER_ROUTE; i++) {
        const user = random.pick([as.investigator, as.coordinator, as.admin, as.legal_reviewer]);
        const path = fillPath(route.path, random, ids);
        const { kind, contentType, body } = fuzzBody(route, random, components, ids);
        const res = await send(t, route, path, user, contentType, body);
        if (res.status >= 500) {
          failures.push(`${route.method.toUpperCase()} ${path} [${kind}] -> ${res.status}: ${body.slice(0, 200)}`);
        }
      }
    }
    expect({ seed: SEED, failures }).toEqual({ seed: SEED, failures: [] });
    expect((await t.http().get('/health')).status).toBe(200);
  }, 300_000);
});

function send(t: TestApp, route: Route, path: string, user: LoggedInUser, contentType: string, body: string) {
  // A body sent to a route that declares none is outside the document by definition, so the
  // contract check (which would flag any such body the server ignores) does not apply to it: those
  // requests go unchecked and only their status counts. Every other request is contract-checked.
  const client = route.mediaTypes.length === 0 ? supertest(t.app.getHttpServer()) : t.http();
  const request = client[route.method](path).set(bearer(user)).set('content-type', contentType);
  return body ? request.send(body) : request;
}

function fillPath(path: string, random: SeededRandom, ids: Record<string, string[]>): string {
  const collection = path.split('/')[1];
  const pool = collection === 'taxonomy' ? ids.terms : (ids[collection] ?? ids.any);
  return path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    if (name === 'scheme') return random.pick(['coi-violation', 'facility', 'nope', '%00', 'x'.repeat(300)]);
    const roll = random.next();
    if (roll < 0.6) return name === 'id' ? random.pick(pool) : random.pick(ids.any);
    if (roll < 0.8) return '00000000-0000-4000-8000-000000000000';
    return encodeURIComponent(random.pick(['not-a-uuid', '1e309', '-1', '\u0000', '요덕', 'x'.repeat(2000)]));
  });
}

const STRINGS = [
  '',
  ' ',
  'x'.repeat(5000),
  '요덕 수용소',
  '2026-02-30',
  '1900-01-01T00:00:00Z',
  '-1',
  'NaN',
  '\u0000',
  '\ud800',
  '<script>',
  '00000000-0000-4000-8000-000000000000',
];
const NUMBERS = [0, -1, 1.5, 2 ** 31, 2 ** 53 + 1, 1e308, -1e308];

function randomValue(random: SeededRandom, ids: Record<string, string[]>, depth = 0): unknown {
  switch (random.int(depth > 2 ? 5 : 8)) {
    case 0:
      return null;
    case 1:
      return random.chance(0.5);
    case 2:
      return random.pick(NUMBERS);
    case 3:
      return random.pick(STRINGS);
    case 4:
      return random.pick(ids.any);
    case 5:
      return Array.from({ length: random.int(4) }, () => randomValue(random, ids, depth + 1));
    case 6:
      return { [random.pick(['a', 'id', '__proto__', 'constructor'])]: randomValue(random, ids, depth + 1) };
    default:
      return nested(1 + random.int(40), randomValue(random, ids, depth + 1));
  }
}

function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** A value of the type the schema asks for (so the request gets past the first checks), random within it. */
function typedValue(
  schema: Schema,
  random: SeededRandom,
  components: Record<string, Schema>,
  ids: Record<string, string[]>,
  depth = 0,
): unknown {
  const resolved = resolve(schema, components);
  if (resolved.enum) return random.chance(0.8) ? random.pick(resolved.enum) : random.pick(STRINGS);
  if (resolved.properties && depth < 4) return typedObject(resolved, random, components, ids, depth + 1);
  switch (resolved.type) {
    case 'string':
      return random.chance(0.5) ? random.pick(ids.any) : random.pick(STRINGS);
    case 'integer':
    case 'number':
      return random.pick(NUMBERS);
    case 'boolean':
      return random.chance(0.5);
    case 'array':
      return Array.from({ length: random.int(3) }, () =>
        resolved.items ? typedValue(resolved.items, random, components, ids, depth + 1) : randomValue(random, ids),
      );
    default:
      return randomValue(random, ids);
  }
}

function typedObject(
  schema: Schema,
  random: SeededRandom,
  components: Record<string, Schema>,
  ids: Record<string, string[]>,
  depth: number,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (random.chance(0.85)) body[name] = typedValue(property, random, components, ids, depth);
  }
  return body;
}

function resolve(schema: Schema, components: Record<string, Schema>): Schema {
  if (schema.$ref) return resolve(components[schema.$ref.split('/').pop()!] ?? {}, components);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((part) => resolve(part, components))) as Schema;
  return schema;
}

function fuzzBody(
  route: Route,
  random: SeededRandom,
  components: Record<string, Schema>,
  ids: Record<string, string[]>,
) {
  const takesJson = route.mediaTypes.length === 0 || route.mediaTypes.includes('application/json');
  if (!takesJson) {
    const contentType = random.chance(0.7) ? random.pick(route.mediaTypes) : 'multipart/form-data; boundary=zz';
    const withBoundary = contentType === 'multipart/form-data' ? 'multipart/form-data; boundary=zz' : contentType;
    const body = random.pick([
      '--zz\r\nContent-Disposition: form-data; name="file"; filename="t.csv"\r\n\r\nexternal_id\nx',
      '--zz\r\nContent-Disposition: form-data; name="kind"\r\n\r\ndocument\r\n--zz--\r\n',
      'external_id,sex\n"unterminated,female\n',
      '{"external_id": [[[[',
      '\u0000\u0001\u0002',
    ]);
    return { kind: 'form', contentType: withBoundary, body };
  }
  const schema = route.schema ? resolve(route.schema, components) : {};
  const kind = random.pick(['null', 'scalar', 'wrong-typed', 'typed', 'deep', 'truncated', 'empty']);
  const typed = () => typedObject(schema, random, components, ids, 0);
  let body: string;
  switch (kind) {
    case 'null':
      body = 'null';
      break;
    case 'scalar':
      body = JSON.stringify(randomValue(random, ids, 3));
      break;
    case 'wrong-typed':
      body = JSON.stringify(
        Object.fromEntries(Object.keys(schema.properties ?? { a: {} }).map((name) => [name, randomValue(random, ids)])),
      );
      break;
    case 'deep':
      body = JSON.stringify(
        Object.fromEntries(
          Object.keys(schema.properties ?? { a: {} }).map((name) => [name, nested(10 + random.int(30), typed())]),
        ),
      );
      break;
    case 'truncated': {
      const whole = JSON.stringify(typed());
      body = whole.slice(0, Math.max(1, random.int(whole.length)));
      break;
    }
    case 'empty':
      body = '{}';
      break;
    default:
      body = JSON.stringify(typed());
  }
  return { kind, contentType: 'application/json', body };
}
