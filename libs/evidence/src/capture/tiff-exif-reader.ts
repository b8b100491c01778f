/**
 * A small reader of EXIF data in TIFF structure (the payload of a JPEG APP1 segment, or a TIFF
 * file itself). It reads only the tags it knows from IFD0, the Exif IFD and the GPS IFD, within
 * the bytes it is given, and never throws: what it cannot read is reported in `errors`.
 */
export interface ExifTags {
  make?: string;
  model?: string;
  dateTimeOriginal?: string;
  offsetTimeOriginal?: string;
  gpsLatitude?: number;
  gpsLongitude?: number;
  raw: Record<string, string | number | number[]>;
  errors: string[];
}

const TYPE_SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8 };
const MAX_RAW_STRING = 256;
const MAX_RAW_VALUES = 16;

const IFD0_NAMES: Record<number, string> = {
  0x010f: 'Make',
  0x0110: 'Model',
  0x0112: 'Orientation',
  0x0131: 'Software',
  0x0132: 'DateTime',
};
const EXIF_NAMES: Record<number, string> = {
  0x9003: 'DateTimeOriginal',
  0x9004: 'DateTimeDigitized',
  0x9010: 'OffsetTime',
  0x9011: 'OffsetTimeOriginal',
  0xa002: 'PixelXDimension',
  0xa003: 'PixelYDimension',
  0xa434: 'LensModel',
};
const GPS_NAMES: Record<number, string> = {
  0x0001: 'GPSLatitudeRef',
  0x0002: 'GPSLatitude',
  0x0003: 'GPSLongitudeRef',
  0x0004: 'GPSLongitude',
  0x0005: 'GPSAltitudeRef',
  0x0006: 'GPSAltitude',
  0x0007: 'GPSTimeStamp',
  0x001d: 'GPSDateStamp',
};
const EXIF_IFD_POINTER = 0x8769;
const GPS_IFD_POINTER = 0x8825;

type Value = string | number | number[];

export function readTiffExif(tiff: Buffer): ExifTags {
  const result: ExifTags = { raw: {}, errors: [] };
  const order = tiff.toString('latin1', 0, 2);
  if (tiff.length < 8 || (order !== 'II' && order !== 'MM')) {
    result.errors.push('not a TIFF header');
    return result;
  }
  const little = order === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const s32 = (at: number) => (little ? tiff.readInt32LE(at) : tiff.readInt32BE(at));

  const readValue = (type: number, count: number, at: number): Value | undefined => {
    if (type === 2) return tiff.toString('latin1', at, at + count).replace(/\0+$/, '');
    const items: number[] = [];
    for (let i = 0; i < Math.min(count, MAX_RAW_VALUES); i++) {
      const p = at + i * TYPE_SIZES[type];
      if (type === 1 || type === 7) items.push(tiff[p]);
      else if (type === 3) items.push(u16(p));
      else if (type === 4) items.push(u32(p));
      else if (type === 9) items.push(s32(p));
      else if (type === 5) items.push(u32(p + 4) === 0 ? 0 : u32(p) / u32(p + 4));
      else if (type === 10) items.push(s32(p + 4) === 0 ? 0 : s32(p) / s32(p + 4));
    }
    return items.length === 1 ? items[0] : items;
  };

  const readIfd = (offset: number, names: Record<number, string>, label: string): Map<number, Value> => {
    const tags = new Map<number, Value>();
    if (offset + 2 > tiff.length) {
      result.errors.push(`${label} lies beyond the bytes read`);
      return tags;
    }
    const entries = u16(offset);
    for (let i = 0; i < entries; i++) {
      const entry = offset + 2 + i * 12;
      if (entry + 12 > tiff.length) {
        result.errors.push(`${label} is cut short`);
        break;
      }
      const tag = u16(entry);
      const type = u16(entry + 2);
      const count = u32(entry + 4);
      const size = TYPE_SIZES[type];
      if (!size) continue;
      const length = size * count;
      const at = length <= 4 ? entry + 8 : u32(entry + 8);
      if (at + length > tiff.length) {
        result.errors.push(`${label} tag 0x${tag.toString(16)} lies beyond the bytes read`);
        continue;
      }
      // Maker notes and other opaque blobs stay out of the record.
      if (type === 7 && !names[tag]) continue;
      const value = readValue(type, count, at);
      if (value === undefined) continue;
      tags.set(tag, value);
      if (tag === EXIF_IFD_POINTER || tag === GPS_IFD_POINTER) continue;
      const name = names[tag] ?? `${label}.0x${tag.toString(16).padStart(4, '0')}`;
      result.raw[name] = typeof value === 'string' ? value.slice(0, MAX_RAW_STRING) : value;
    }
    return tags;
  };

  const ifd0 = readIfd(u32(4), IFD0_NAMES, 'IFD0');
  const exifPointer = ifd0.get(EXIF_IFD_POINTER);
  const gpsPointer = ifd0.get(GPS_IFD_POINTER);
  const exif = typeof exifPointer === 'number' ? readIfd(exifPointer, EXIF_NAMES, 'Exif') : new Map<number, Value>();
  const gps = typeof gpsPointer === 'number' ? readIfd(gpsPointer, GPS_NAMES, 'GPS') : new Map<number, Value>();

  const text = (value: Value | undefined) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  result.make = text(ifd0.get(0x010f));
  result.model = text(ifd0.get(0x0110));
  result.dateTimeOriginal = text(exif.get(0x9003));
  result.offsetTimeOriginal = text(exif.get(0x9011));
  result.gpsLatitude = coordinate(gps.get(0x0002), text(gps.get(0x0001)), 'S', 90);
  result.gpsLongitude = coordinate(gps.get(0x0004), text(gps.get(0x0003)), 'W', 180);
  for (const name of ['Make', 'Model', 'DateTimeOriginal', 'GPSLatitude', 'GPSLongitude']) delete result.raw[name];
  return result;
}

/** Degrees, minutes, seconds and a hemisphere letter to signed decimal degrees. */
function coordinate(value: Value | undefined, ref: string | undefined, negative: string, limit: number) {
  if (!Array.isArray(value) || value.length !== 3) return undefined;
  const [degrees, minutes, seconds] = value;
  const decimal = degrees + minutes / 60 + seconds / 3600;
  if (!Number.isFinite(decimal) || decimal > limit) return undefined;
  return Math.round((ref === negative ? -decimal : decimal) * 1e7) / 1e7;
}
