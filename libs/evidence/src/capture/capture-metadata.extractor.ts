import { readTiffExif } from './tiff-exif-reader.js';

/** How many leading bytes of an upload are kept to read capture metadata from (never the whole file). */
export const CAPTURE_METADATA_HEAD_BYTES = 256 * 1024;

export interface ExtractedCaptureMetadata {
  source: 'exif' | 'mvhd';
  capturedAt: Date | null;
  gpsLatitude: number | null;
  gpsLongitude: number | null;
  cameraMake: string | null;
  cameraModel: string | null;
  raw: Record<string, unknown>;
  errors: string | null;
}

/**
 * Reads when and where a photo or recording was made from the first bytes of the file: EXIF of
 * JPEG (APP1) and TIFF, the `mvhd` creation time of MP4/MOV when it lies in those bytes. Null when
 * the file is of another kind or carries none. Never throws: unreadable parts land in `errors`.
 */
export function extractCaptureMetadata(head: Buffer): ExtractedCaptureMetadata | null {
  try {
    if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return fromJpeg(head);
    const order = head.toString('latin1', 0, 4);
    if (order === 'II*\0' || order === 'MM\0*') return fromExif(head, []);
    if (head.toString('latin1', 4, 8) === 'ftyp') return fromIsoMedia(head);
    return null;
  } catch (error) {
    return { ...empty('exif'), errors: `unreadable: ${(error as Error).message}` };
  }
}

function empty(source: ExtractedCaptureMetadata['source']): ExtractedCaptureMetadata {
  return {
    source,
    capturedAt: null,
    gpsLatitude: null,
    gpsLongitude: null,
    cameraMake: null,
    cameraModel: null,
    raw: {},
    errors: null,
  };
}

function fromJpeg(head: Buffer): ExtractedCaptureMetadata | null {
  let offset = 2;
  while (offset + 4 <= head.length) {
    if (head[offset] !== 0xff) return null;
    const marker = head[offset + 1];
    if (marker === 0xd9 || marker === 0xda) return null; // end of image or start of scan: no EXIF before the pixels
    const length = head.readUInt16BE(offset + 2);
    const start = offset + 4;
    if (marker === 0xe1 && head.toString('latin1', start, start + 6) === 'Exif\0\0') {
      const errors = start + length - 2 > head.length ? ['EXIF segment continues beyond the bytes read'] : [];
      return fromExif(head.subarray(start + 6, Math.min(start + length - 2, head.length)), errors);
    }
    offset = start + length - 2;
  }
  return null;
}

function fromExif(tiff: Buffer, errors: string[]): ExtractedCaptureMetadata {
  const tags = readTiffExif(tiff);
  const allErrors = [...errors, ...tags.errors];
  return {
    source: 'exif',
    capturedAt: exifDate(tags.dateTimeOriginal, tags.offsetTimeOriginal),
    gpsLatitude: tags.gpsLatitude ?? null,
    gpsLongitude: tags.gpsLongitude ?? null,
    cameraMake: tags.make ?? null,
    cameraModel: tags.model ?? null,
    raw: tags.raw,
    errors: allErrors.length > 0 ? allErrors.join('; ') : null,
  };
}

/** EXIF dates carry no zone unless OffsetTimeOriginal is set; without one the clock time is read as UTC. */
function exifDate(value: string | undefined, offset: string | undefined): Date | null {
  const match = value?.match(/^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/);
  if (!match) return null;
  const zone = offset && /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : 'Z';
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

const MP4_EPOCH_MS = Date.UTC(1904, 0, 1);

/** The movie header's creation time (seconds since 1904 UTC); null when `moov` is past the bytes read. */
function fromIsoMedia(head: Buffer): ExtractedCaptureMetadata | null {
  const moov = findBox(head, 0, head.length, 'moov');
  if (!moov) return { ...empty('mvhd'), errors: 'movie header (moov) not within the bytes read' };
  const mvhd = findBox(head, moov.start, moov.end, 'mvhd');
  if (!mvhd || mvhd.start + 20 > head.length) {
    return { ...empty('mvhd'), errors: 'movie header (mvhd) not within the bytes read' };
  }
  const version = head[mvhd.start];
  const seconds = version === 1 ? Number(head.readBigUInt64BE(mvhd.start + 4)) : head.readUInt32BE(mvhd.start + 4);
  const result = empty('mvhd');
  result.capturedAt = seconds > 0 ? new Date(MP4_EPOCH_MS + seconds * 1000) : null;
  result.raw = { mvhdVersion: version, creationTime: seconds };
  return result;
}

function findBox(buffer: Buffer, from: number, to: number, type: string): { start: number; end: number } | null {
  let offset = from;
  while (offset + 8 <= Math.min(to, buffer.length)) {
    let size = buffer.readUInt32BE(offset);
    let header = 8;
    if (size === 1 && offset + 16 <= buffer.length) {
      size = Number(buffer.readBigUInt64BE(offset + 8));
      header = 16;
    } else if (size === 0) {
      size = to - offset;
    }
    if (size < header) return null;
    if (buffer.toString('latin1', offset + 4, offset + 8) === type) {
      return { start: offset + header, end: Math.min(offset + size, to) };
    }
    offset += size;
  }
  return null;
}
