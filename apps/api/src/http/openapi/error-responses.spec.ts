import { describe, expect, it } from '@jest/globals';
import type { OpenAPIObject } from '@nestjs/swagger';
import { Permission, type RouteAccess } from '@sillok/core';
import type { ListedRoute } from '../route-listing.js';
import { declareErrorResponses } from './error-responses.js';

const ok = () => ({ 200: { description: '' } });

function documentWith(paths: OpenAPIObject['paths']): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths,
    components: {
      schemas: {
        Patch: { type: 'object', properties: { version: { type: 'integer' }, note: { type: 'string' } } },
        Create: { type: 'object', properties: { caseId: { type: 'string', format: 'uuid' } } },
      },
    },
  };
}

function route(method: string, path: string, access: RouteAccess): ListedRoute {
  return { route: `${method} ${path}`, method, path, controller: 'C', handler: 'h', access };
}

const json = (ref: string) => ({ required: true, content: { 'application/json': { schema: { $ref: ref } } } });

describe('declareErrorResponses', () => {
  it('derives each status from what produces it, and problem bodies for all of them', () => {
    const document = documentWith({
      '/health': { get: { responses: ok() } },
      '/things': { post: { requestBody: json('#/components/schemas/Create'), responses: ok() } },
      '/uploads': {
        post: {
          requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object' } } } },
          responses: ok(),
        },
      },
      '/things/{id}': {
        get: { parameters: [{ name: 'id', in: 'path', required: true }], responses: ok() },
        patch: {
          parameters: [{ name: 'id', in: 'path', required: true }],
          requestBody: json('#/components/schemas/Patch'),
          responses: { ...ok(), 416: { description: 'declared by the route' } },
        },
      },
    });
    const read: RouteAccess = { kind: 'permission', permission: Permission.CaseRead };
    declareErrorResponses(document, [
      route('GET', '/health', { kind: 'public' }),
      route('POST', '/things', read),
      route('GET', '/things/:id', read),
      route('PATCH', '/things/:id', read),
      route('POST', '/uploads', read),
    ]);
    const statuses = (path: string, method: 'get' | 'post' | 'patch') =>
      Object.keys(document.paths[path][method]!.responses).map(Number);

    expect(statuses('/health', 'get')).toEqual([200, 500, 503]);
    expect(statuses('/things', 'post')).toEqual([200, 400, 401, 403, 404, 413, 415, 500, 503]);
    expect(statuses('/things/{id}', 'get')).toEqual([200, 400, 401, 403, 404, 500, 503]);
    // An upload can meet a full disk.
    expect(statuses('/uploads', 'post')).toEqual([200, 400, 401, 403, 413, 415, 500, 503, 507]);
    expect(statuses('/things/{id}', 'patch')).toEqual([200, 400, 401, 403, 404, 409, 413, 415, 416, 500, 503]);
    expect(document.paths['/health'].get!.security).toEqual([]);
    expect(document.paths['/things/{id}'].get!.security).toEqual([{ bearer: [] }]);
    const declared = document.paths['/things/{id}'].patch!.responses[416] as { content: object };
    expect(declared.content).toEqual({
      'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
    });
    expect(document.components!.schemas!.Problem).toBeDefined();
  });

  it('refuses an operation that no declared route serves', () => {
    const document = documentWith({ '/ghost': { get: { responses: ok() } } });
    expect(() => declareErrorResponses(document, [])).toThrow('GET /ghost matches no declared route');
  });
});
