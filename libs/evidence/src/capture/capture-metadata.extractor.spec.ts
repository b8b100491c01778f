import { describe, expect, it } from '@jest/globals';
import { exifJpeg, mvhdMp4 } from '../../../../test/evidence/exif-jpeg.js';
import { extractCaptureMetadata } from './capture-metadata.extractor.js';

const PHOTO = {
  make: 'Canon',
  model: 'EOS 5D',
  dateTimeOriginal: '2019:03:14 09:26:53',
  latitude: { ref: 'N' as const, dms: [39, 40, 12.5] as [number, number, number] },
  longitude: { ref: 'E' as const, dms: [126, 51, 30] as [number, number, number] },
};

describe('extractCaptureMetadata', () => {
  it('reads EXIF DateTimeOriginal, GPS and camera from a JPEG', () => {
    const m = extractCaptureMetadata(exifJpeg(PHOTO));
    expect(m).toMatchObject({
      source: 'exif',
      cameraMake: 'Canon',
      cameraModel: 'EOS 5D',
      errors: null,
    });
    expect(m?.capturedAt?.toISOString()).toBe('2019-03-14T09:26:53.000Z');
    expect(m?.gpsLatitude).toBeCloseTo(39 + 40 / 60 + 12.5 / 3600, 6);
    expect(m?.gpsLongitude).toBeCloseTo(126 + 51 / 60 + 30 / 3600, 6);
    expect(m?.raw).toMatchObject({ GPSLatitudeRef: 'N', GPSLongitudeRef: 'E' });
  });

  it('signs southern and western coordinates', () => {
    const m = extractCaptureMetadata(
      exifJpeg({ ...PHOTO, latitude: { ref: 'S', dms: [10, 0, 0] }, longitude: { ref: 'W', dms: [20, 30, 0] } }),
    );
    expect(m?.gpsLatitude).toBe(-10);
    expect(m?.gpsLongitude).toBe(-20.5);
  });

  it('reports an EXIF segment cut off by the buffered prefix instead of throwing', () => {
    const jpeg = exifJpeg(PHOTO);
    const m = extractCaptureMetadata(jpeg.subarray(0, 60));
    expect(m?.source).toBe('exif');
    expect(m?.errors).toMatch(/beyond the bytes read/);
  });

  it('reads the mvhd creation time of an MP4', () => {
    const m = extractCaptureMetadata(mvhdMp4(new Date('2021-06-01T12:00:00Z')));
    expect(m).toMatchObject({ source: 'mvhd', gpsLatitude: null, errors: null });
    expect(m?.capturedAt?.toISOString()).toBe('2021-06-01T12:00:00.000Z');
  });

  it('says so when the movie header is past the buffered prefix', () => {
    const mp4 = mvhdMp4(new Date('2021-06-01T12:00:00Z'));
    expect(extractCaptureMetadata(mp4.subarray(0, 30))?.errors).toMatch(/moov/);
  });

  it('returns null for files of other kinds and JPEGs without EXIF', () => {
    expect(extractCaptureMetadata(Buffer.from('%PDF-1.7\n'))).toBeNull();
    expect(extractCaptureMetadata(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0xff, 0xd9]))).toBeNull();
    expect(extractCaptureMetadata(Buffer.alloc(0))).toBeNull();
  });
});
