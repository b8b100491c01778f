/**
 * The web client's Content-Security-Policy: only this origin's scripts (no inline script, no
 * eval), styles and fonts; no framing (clickjacking); no plugins; forms and <base> pinned.
 * Images, media and frames also take blob: URLs (attachment previews made by the client).
 * Stricter than the API default helmet sets, which the OpenAPI UI needs.
 */
export const WEB_CLIENT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  // PDF previews: the attachment's bytes, fetched with the bearer token, framed as a blob: URL.
  'frame-src blob:',
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
