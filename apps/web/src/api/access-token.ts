/**
 * The access token lives here, in memory only: never in localStorage, sessionStorage or a
 * cookie a script can read. A reload loses it; the HttpOnly refresh cookie restores it.
 */
let accessToken: string | null = null;
let refreshing: Promise<boolean> | null = null;

export function currentAccessToken(): string | null {
  return accessToken;
}

export function setAccessToken(token: string | null): void {
  accessToken = token;
}

/** One refresh at a time: parallel 401s wait for the same one (the cookie is single use). */
export function refreshAccessToken(): Promise<boolean> {
  refreshing ??= fetch('/auth/browser/refresh', { method: 'POST', credentials: 'same-origin' })
    .then(async (response) => {
      if (!response.ok) {
        accessToken = null;
        return false;
      }
      const body = (await response.json()) as { accessToken: string };
      accessToken = body.accessToken;
      return true;
    })
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}
