import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { ROUTE_ACCESS_KEY, type RouteAccess } from '@sillok/core';

/** The route's declaration (method first, then controller), or undefined when it has none. */
export function routeAccessOf(reflector: Reflector, context: ExecutionContext): RouteAccess | undefined {
  return reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS_KEY, [
    context.getHandler(),
    context.getClass(),
  ]);
}
