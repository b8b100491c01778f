import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { ExportedAttachment } from '../collect/case-file.js';

/** An image attachment's bytes, to be drawn small in its testimony's PDF. */
export interface Thumbnail {
  /** The attachment's path in the bag (as the testimony lists it). */
  path: string;
  bytes: Buffer;
}

/** Media types pdfkit can draw. */
const DRAWABLE = new Set(['image/jpeg', 'image/png']);
/** Larger images are listed without a picture: pdfkit embeds a JPEG's bytes whole. */
export const THUMBNAIL_MAX_BYTES = 4 * 1024 * 1024;
/** At most this many pictures per testimony PDF; the rest are listed by name. */
export const THUMBNAILS_PER_TESTIMONY = 24;

/**
 * The images among a testimony's attachments in the bag, read from the store: only files that go
 * out in this bag (withheld files, and files with a capture location in a profile that withholds
 * location, never reach here), JPEG or PNG by their bytes, up to the bounds above. A file whose
 * stored bytes no longer match their hash gets no picture (the bag's own copy then fails the export).
 */
export async function thumbnailsOf(
  files: ExportedAttachment[],
  openObject: (key: string) => Promise<Readable>,
): Promise<Thumbnail[]> {
  const thumbnails: Thumbnail[] = [];
  for (const file of files) {
    if (thumbnails.length >= THUMBNAILS_PER_TESTIMONY) break;
    if (!DRAWABLE.has(file.mediaType) || file.size === 0 || file.size > THUMBNAIL_MAX_BYTES) continue;
    const chunks: Buffer[] = [];
    for await (const chunk of await openObject(file.objectKey)) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    if (createHash('sha256').update(bytes).digest('hex') !== file.sha256) continue;
    thumbnails.push({ path: file.path, bytes: file.mediaType === 'image/jpeg' ? jpegWithoutMetadata(bytes) : bytes });
  }
  return thumbnails;
}

/**
 * A JPEG without its metadata segments (APP1-APP13 and APP15: EXIF with GPS and camera, XMP, IPTC;
 * COM comments), keeping JFIF (APP0), Adobe (APP14, which says how to read the colours) and the
 * image itself. pdfkit embeds a JPEG's bytes as they are, so this is what the PDF would carry.
 * Bytes that are not a well-formed JPEG come back unchanged (pdfkit then refuses to draw them).
 */
export function jpegWithoutMetadata(jpeg: Buffer): Buffer {
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return jpeg;
  const kept: Buffer[] = [jpeg.subarray(0, 2)];
  let at = 2;
  while (at + 4 <= jpeg.length) {
    if (jpeg[at] !== 0xff) return jpeg;
    const marker = jpeg[at + 1]!;
    // Start of scan: the entropy-coded image data and the rest go as they are.
    if (marker === 0xda) {
      kept.push(jpeg.subarray(at));
      return Buffer.concat(kept);
    }
    const length = jpeg.readUInt16BE(at + 2);
    const end = at + 2 + length;
    if (length < 2 || end > jpeg.length) return jpeg;
    const metadata = (marker >= 0xe1 && marker <= 0xef && marker !== 0xee) || marker === 0xfe;
    if (!metadata) kept.push(jpeg.subarray(at, end));
    at = end;
  }
  return jpeg;
}
