/**
 * `attachment` with the original file name: an ASCII fallback in `filename` (quotes,
 * backslashes, controls and non-ASCII replaced) and the exact name in `filename*`
 * (RFC 6266 with RFC 8187/5987 percent-encoded UTF-8), so no name can inject a header.
 */
export function contentDisposition(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() || 'attachment';
  const fallback = base.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(base).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
