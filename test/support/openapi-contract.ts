import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** The parts of an OpenAPI 3.1 document the contract check reads. */
interface MediaTypes {
  content?: Record<string, { schema?: object }>;
}
interface Operation {
  requestBody?: MediaTypes & { required?: boolean };
  responses: Record<string, MediaTypes>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, object> };
}

/** One HTTP exchange as the test client saw it. */
export interface Exchange {
  method: string;
  /** Path and query, e.g. `/cases/1b9.../testimonies?limit=5`. */
  url: string;
  status: number;
  responseType: string | undefined;
  /** The parsed JSON body, or the text for text types; undefined for an empty or binary body. */
  responseBody: unknown;
  responseEmpty: boolean;
  requestType?: string;
  /** The JSON or text sent; undefined when none (or multipart, whose parts are not checked). */
  requestBody?: unknown;
}

const DOCUMENT_ID = 'sillok-openapi.json';

/**
 * Checks exchanges against the served OpenAPI document with ajv (JSON Schema 2020-12, the
 * dialect of OpenAPI 3.1): every status, content type and JSON body the server answers must be
 * declared, and so must every request body it accepts.
 */
export class OpenApiContract {
  // The first error per body is enough to act on, and compiling without allErrors is much cheaper.
  private readonly ajv = new Ajv2020({ strict: false, allErrors: false });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly routes: { method: string; template: string; pattern: RegExp; operation: Operation }[];

  constructor(private readonly document: OpenApiDocument) {
    (addFormats as unknown as (ajv: Ajv2020) => void)(this.ajv);
    // OpenAPI's own formats: binary bodies are not checked byte by byte.
    for (const format of ['binary', 'byte', 'int32', 'int64', 'float', 'double', 'password']) {
      this.ajv.addFormat(format, true);
    }
    this.ajv.addSchema(document, DOCUMENT_ID);
    this.routes = Object.entries(document.paths)
      .flatMap(([template, item]) =>
        Object.entries(item).map(([method, operation]) => ({
          method,
          template,
          pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
          operation,
        })),
      )
      // A literal segment wins over a parameter (`/testimonies/search` before `/testimonies/{id}`).
      .sort((a, b) => parameterCount(a.template) - parameterCount(b.template));
  }

  /** Every way the exchange departs from the document; empty when it keeps to it. */
  violations(exchange: Exchange): string[] {
    const path = exchange.url.split('?')[0];
    const method = exchange.method.toLowerCase();
    const route = this.routes.find((candidate) => candidate.method === method && candidate.pattern.test(path));
    if (!route) return this.unroutedViolations(exchange);
    const where = `${method.toUpperCase()} ${route.template}`;
    const pointer = `#/paths/${escapePointer(route.template)}/${method}`;
    const problems = this.responseViolations(route.operation, pointer, exchange).map((p) => `${where}: ${p}`);
    if (exchange.status < 400) {
      problems.push(...this.requestViolations(route.operation, pointer, exchange).map((p) => `${where}: ${p}`));
    }
    return problems;
  }

  private responseViolations(operation: Operation, pointer: string, exchange: Exchange): string[] {
    const statusKey = [String(exchange.status), `${String(exchange.status)[0]}XX`, 'default'].find(
      (key) => key in operation.responses,
    );
    if (!statusKey) {
      return [`answered ${exchange.status}, which the document does not declare (${describe(exchange)})`];
    }
    const declared = operation.responses[statusKey].content;
    if (!declared) {
      return exchange.responseEmpty ? [] : [`answered ${exchange.status} with a body the document does not declare`];
    }
    const mediaType = matchMediaType(declared, exchange.responseType);
    if (!mediaType) {
      return [
        `answered ${exchange.status} as ${exchange.responseType ?? 'no content type'}; declared: ${Object.keys(declared).join(', ')}`,
      ];
    }
    const schema = declared[mediaType].schema;
    if (!schema || !isChecked(exchange.responseType)) return [];
    const schemaPointer = `${pointer}/responses/${statusKey}/content/${escapePointer(mediaType)}/schema`;
    return this.schemaViolations(schema, schemaPointer, exchange.responseBody, `${exchange.status} body`);
  }

  private requestViolations(operation: Operation, pointer: string, exchange: Exchange): string[] {
    if (exchange.requestBody === undefined) return [];
    const declared = operation.requestBody?.content;
    if (!declared) return [`accepted a request body the document does not declare`];
    const mediaType = matchMediaType(declared, exchange.requestType);
    if (!mediaType) {
      return [`accepted a ${exchange.requestType} body; declared: ${Object.keys(declared).join(', ')}`];
    }
    const schema = declared[mediaType].schema;
    if (!schema || !isChecked(exchange.requestType)) return [];
    const schemaPointer = `${pointer}/requestBody/content/${escapePointer(mediaType)}/schema`;
    return this.schemaViolations(schema, schemaPointer, exchange.requestBody, 'request body');
  }

  /** A path no operation serves (an unknown route's 404) still answers problem details. */
  private unroutedViolations(exchange: Exchange): string[] {
    if (exchange.status < 400 || exchange.responseType !== 'application/problem+json') return [];
    const problem = { $ref: '#/components/schemas/Problem' };
    const problems = this.schemaViolations(problem, problem.$ref, exchange.responseBody, 'problem');
    return problems.map((problem) => `${exchange.method} ${exchange.url}: ${problem}`);
  }

  /**
   * Validators are shared by identical schemas (most error responses are the one Problem
   * reference), since compiling one costs milliseconds and the suite meets hundreds.
   */
  private schemaViolations(schema: object, pointer: string, value: unknown, what: string): string[] {
    const key = JSON.stringify(schema);
    let validate = this.validators.get(key);
    if (!validate) {
      const ref = (schema as { $ref?: unknown }).$ref;
      const target = Object.keys(schema).length === 1 && typeof ref === 'string' ? ref : pointer;
      validate = this.ajv.compile({ $ref: `${DOCUMENT_ID}${target}` });
      this.validators.set(key, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map(
      (error) =>
        `${what} ${error.instancePath || '/'} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`,
    );
  }
}

function matchMediaType(declared: Record<string, unknown>, actual: string | undefined): string | undefined {
  if (!actual) return undefined;
  const [type] = actual.split('/');
  return [actual, `${type}/*`, '*/*'].find((candidate) => candidate in declared);
}

/** JSON bodies are checked against their schema; text and binary ones only for their type. */
function isChecked(mediaType: string | undefined): boolean {
  return Boolean(mediaType && /(^application\/json$)|(\+json$)/.test(mediaType));
}

function parameterCount(template: string): number {
  return (template.match(/\{/g) ?? []).length;
}

/** RFC 6901, then URI-encoded so ajv reads the pointer as a URI fragment. */
function escapePointer(segment: string): string {
  return encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));
}

function describe(exchange: Exchange): string {
  const body = JSON.stringify(exchange.responseBody);
  return `${exchange.responseType ?? 'no content type'} ${body === undefined ? '' : body.slice(0, 300)}`;
}
