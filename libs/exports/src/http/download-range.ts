import { parseRange, type RangeRequest } from '@sillok/evidence';

/** A stored bag's bytes never change, and its tag manifest hash names them: a strong entity tag. */
export function exportEtag(tagManifestSha256: string): string {
  return `"${tagManifestSha256}"`;
}

/**
 * Which bytes of a bag a download sends (RFC 9110 §13.1.5, §14.2). A Range is honoured only
 * when If-Range is absent or names this bag's ETag exactly (strong comparison): a date or
 * another tag means the client holds part of something else, so it gets the whole bag rather
 * than a piece to splice onto the wrong bytes. A bag stored encrypted (with identities) is
 * decrypted from its start and checked at its end, so it is always sent whole.
 */
export function downloadRange(
  headers: { range?: string; ifRange?: string },
  etag: string,
  size: number,
  seekable: boolean,
): RangeRequest {
  if (!headers.range || !seekable) return { kind: 'full' };
  if (headers.ifRange !== undefined && headers.ifRange.trim() !== etag) return { kind: 'full' };
  return parseRange(headers.range, size);
}
