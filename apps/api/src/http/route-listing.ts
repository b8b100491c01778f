import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { ROUTE_ACCESS_KEY, type RouteAccess } from '@sillok/core';

export interface ListedRoute {
  /** `GET /cases/:id` */
  route: string;
  method: string;
  /** `/cases/:id` */
  path: string;
  controller: string;
  handler: string;
  access: RouteAccess | undefined;
}

/**
 * Every HTTP route of the running application with its access declaration, read from the
 * controllers Nest registered (the same metadata the guards read: method first, then class).
 */
export function listRoutes(app: INestApplication): ListedRoute[] {
  const reflector = new Reflector();
  const routes: ListedRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const base = pathsOf(Reflect.getMetadata(PATH_METADATA, controller));
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const access = reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS_KEY, [handler, controller]);
        for (const prefix of base) {
          for (const path of pathsOf(Reflect.getMetadata(PATH_METADATA, handler))) {
            const full = `/${[prefix, path]
              .map((p) => p.replace(/^\/+|\/+$/g, ''))
              .filter(Boolean)
              .join('/')}`;
            routes.push({
              route: `${RequestMethod[method]} ${full}`,
              method: RequestMethod[method],
              path: full,
              controller: controller.name,
              handler: name,
              access,
            });
          }
        }
      }
    }
  }
  return routes.sort((a, b) => a.route.localeCompare(b.route));
}

function pathsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return [typeof value === 'string' ? value : ''];
}

/** The snapshot form of a declaration: `public`, `authenticated` or `permission:<name>`. */
export function describeAccess(access: RouteAccess | undefined): string {
  if (!access) return 'UNDECLARED';
  return access.kind === 'permission' ? `permission:${access.permission}` : access.kind;
}
