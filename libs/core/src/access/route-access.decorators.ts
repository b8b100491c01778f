import { SetMetadata } from '@nestjs/common';
import type { Permission } from './permission.js';

/**
 * Every route declares exactly one of these; the global guards (libs/auth) deny a
 * route that declares none, and a test lists every route with its declaration.
 */
export const ROUTE_ACCESS_KEY = 'sillok:route-access';

export type RouteAccess =
  { kind: 'public' } | { kind: 'authenticated' } | { kind: 'permission'; permission: Permission };

/** No login needed (login, token refresh, health). */
export const Public = () => SetMetadata(ROUTE_ACCESS_KEY, { kind: 'public' } satisfies RouteAccess);

/** Any logged-in user, acting on their own account (own sessions, own password). */
export const Authenticated = () => SetMetadata(ROUTE_ACCESS_KEY, { kind: 'authenticated' } satisfies RouteAccess);

/** A logged-in user whose role grants the permission. */
export const RequirePermission = (permission: Permission) =>
  SetMetadata(ROUTE_ACCESS_KEY, { kind: 'permission', permission } satisfies RouteAccess);
