import { describe, expect, it } from '@jest/globals';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { Permission, ROUTE_ACCESS_KEY } from '@sillok/core';
import { TaxonomyController } from './taxonomy.controller.js';

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD', 'SEARCH'];

function route(handler: object): string {
  const method = METHODS[Reflect.getMetadata(METHOD_METADATA, handler) as number];
  const segments = [
    Reflect.getMetadata(PATH_METADATA, TaxonomyController),
    Reflect.getMetadata(PATH_METADATA, handler),
  ];
  const path = segments
    .join('/')
    .split('/')
    .filter((s) => s.length > 0)
    .join('/');
  return `${method} /${path}`;
}

// Until the global guard lands (libs/auth) this keeps the permission mapping honest: every
// route of the controller and the one permission it declares.
describe('TaxonomyController route declarations', () => {
  const routes = Object.getOwnPropertyNames(TaxonomyController.prototype)
    .filter((name) => name !== 'constructor')
    .map((name) => TaxonomyController.prototype[name as keyof TaxonomyController] as object)
    .map((handler) => [route(handler), Reflect.getMetadata(ROUTE_ACCESS_KEY, handler)]);

  it('declares exactly these routes and permissions', () => {
    const read = { kind: 'permission', permission: Permission.TaxonomyRead };
    const manage = { kind: 'permission', permission: Permission.TaxonomyManage };
    expect(Object.fromEntries(routes)).toEqual({
      'GET /taxonomy': read,
      'GET /taxonomy/lookup': read,
      'GET /taxonomy/terms/:id': read,
      'GET /taxonomy/terms/:id/descendants': read,
      'GET /taxonomy/:scheme': read,
      'PATCH /taxonomy/terms/:id': manage,
      'POST /taxonomy/terms/:id/deprecate': manage,
      'POST /taxonomy/:scheme/terms': manage,
    });
  });
});
