/** How many leading bytes detectMediaType() needs. */
export const MEDIA_SNIFF_BYTES = 64;

type Signature = { type: string; test: (head: Buffer) => boolean };

const at = (offset: number, ascii: string) => (head: Buffer) =>
  head.length >= offset + ascii.length && head.toString('latin1', offset, offset + ascii.length) === ascii;
const bytes =
  (...values: number[]) =>
  (head: Buffer) =>
    head.length >= values.length && values.every((value, index) => head[index] === value);

/** Most specific first. Container formats answer their family (zip covers docx and xlsx). */
const SIGNATURES: Signature[] = [
  { type: 'application/pdf', test: at(0, '%PDF-') },
  { type: 'image/png', test: bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) },
  { type: 'image/jpeg', test: bytes(0xff, 0xd8, 0xff) },
  { type: 'image/gif', test: (h) => at(0, 'GIF87a')(h) || at(0, 'GIF89a')(h) },
  { type: 'image/webp', test: (h) => at(0, 'RIFF')(h) && at(8, 'WEBP')(h) },
  { type: 'audio/wav', test: (h) => at(0, 'RIFF')(h) && at(8, 'WAVE')(h) },
  { type: 'image/tiff', test: (h) => bytes(0x49, 0x49, 0x2a, 0x00)(h) || bytes(0x4d, 0x4d, 0x00, 0x2a)(h) },
  { type: 'audio/mpeg', test: (h) => at(0, 'ID3')(h) || (h.length >= 2 && h[0] === 0xff && (h[1] & 0xe0) === 0xe0) },
  { type: 'audio/ogg', test: at(0, 'OggS') },
  { type: 'video/quicktime', test: (h) => at(4, 'ftyp')(h) && at(8, 'qt  ')(h) },
  { type: 'video/mp4', test: at(4, 'ftyp') },
  { type: 'video/webm', test: bytes(0x1a, 0x45, 0xdf, 0xa3) },
  { type: 'application/zip', test: (h) => bytes(0x50, 0x4b, 0x03, 0x04)(h) || bytes(0x50, 0x4b, 0x05, 0x06)(h) },
];

/**
 * The media type of a file from its first bytes (magic numbers), never from its name or
 * the uploader's claim. Unknown content is text/plain when it decodes as UTF-8 text
 * without control characters, else application/octet-stream.
 */
export function detectMediaType(head: Buffer): string {
  for (const signature of SIGNATURES) if (signature.test(head)) return signature.type;
  if (head.length > 0 && looksLikeText(head)) return 'text/plain';
  return 'application/octet-stream';
}

function looksLikeText(head: Buffer): boolean {
  // The sniffed head may end inside a multi-byte character: ignore up to 3 trailing bytes.
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  const body = text.replace(/\uFFFD{1,3}$/, '');
  if (body.includes('\uFFFD')) return false;
  for (let i = 0; i < body.length; i++) if (isControl(body.charCodeAt(i))) return false;
  return true;
}

/** C0 controls other than tab, newline, vertical tab, form feed and carriage return; and DEL. */
function isControl(code: number): boolean {
  return code <= 0x08 || (code >= 0x0e && code <= 0x1f) || code === 0x7f;
}
