import type { Request, Response } from 'express';

/**
 * The browser's refresh token: an HttpOnly cookie (scripts, including injected ones, cannot
 * read it), Secure, SameSite=Strict (never sent on a request started by another site), and
 * scoped to the browser-session routes, so no other request ever carries it.
 */
export const REFRESH_COOKIE_NAME = 'sillok_refresh';
export const REFRESH_COOKIE_PATH = '/auth/browser';

export function setRefreshCookie(response: Response, token: string, expiresAt: string): void {
  response.cookie(REFRESH_COOKIE_NAME, token, {
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
    expires: new Date(expiresAt),
  });
}

export function clearRefreshCookie(response: Response): void {
  response.clearCookie(REFRESH_COOKIE_NAME, {
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
  });
}

/** The cookie's value, parsed from the header (no cookie-parser middleware for one cookie). */
export function readRefreshCookie(request: Request): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() !== REFRESH_COOKIE_NAME) continue;
    const value = part.slice(separator + 1).trim();
    try {
      return decodeURIComponent(value) || undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
