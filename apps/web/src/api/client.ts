import createClient from 'openapi-fetch';
import { currentAccessToken, refreshAccessToken } from './access-token';
import type { paths } from './schema';

/**
 * fetch with the in-memory bearer token; on a 401 it refreshes once from the cookie and retries.
 * The request is cloned first because a body can be read only once.
 */
export async function authFetch(input: Request): Promise<Response> {
  const retry = input.clone();
  const first = await fetch(withBearer(input));
  if (first.status !== 401 || input.url.includes('/auth/browser/')) return first;
  if (!(await refreshAccessToken())) return first;
  return fetch(withBearer(retry));
}

function withBearer(request: Request): Request {
  const token = currentAccessToken();
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  return request;
}

/** The typed API client: paths, parameters and bodies checked against the OpenAPI document. */
export const api = createClient<paths>({ baseUrl: window.location.origin, fetch: authFetch });

export type Schemas = import('./schema').components['schemas'];
