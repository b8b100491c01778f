/**
 * Builds a minimal JPEG in code: SOI, an APP1 EXIF segment (big-endian TIFF with IFD0, an Exif IFD
 * and a GPS IFD), a tiny stand-in for the image data, EOI. Enough for capture-metadata readers.
 */
type Entry = { tag: number; ascii?: string; long?: number; rationals?: Array<[number, number]> };

function ifd(offset: number, entries: Entry[]): Buffer {
  const fixed = 2 + entries.length * 12 + 4;
  const table = Buffer.alloc(fixed);
  const data: Buffer[] = [];
  let dataOffset = offset + fixed;
  table.writeUInt16BE(entries.length, 0);
  entries.forEach((entry, i) => {
    const at = 2 + i * 12;
    table.writeUInt16BE(entry.tag, at);
    let payload: Buffer;
    if (entry.ascii !== undefined) {
      payload = Buffer.from(`${entry.ascii}\0`, 'latin1');
      table.writeUInt16BE(2, at + 2);
      table.writeUInt32BE(payload.length, at + 4);
    } else if (entry.rationals) {
      payload = Buffer.alloc(entry.rationals.length * 8);
      entry.rationals.forEach(([n, d], j) => {
        payload.writeUInt32BE(n, j * 8);
        payload.writeUInt32BE(d, j * 8 + 4);
      });
      table.writeUInt16BE(5, at + 2);
      table.writeUInt32BE(entry.rationals.length, at + 4);
    } else {
      table.writeUInt16BE(4, at + 2);
      table.writeUInt32BE(1, at + 4);
      table.writeUInt32BE(entry.long ?? 0, at + 8);
      return;
    }
    if (payload.length <= 4) {
      payload.copy(table, at + 8);
    } else {
      table.writeUInt32BE(dataOffset, at + 8);
      data.push(payload);
      dataOffset += payload.length;
    }
  });
  return Buffer.concat([table, ...data]);
}

export interface ExifJpegOptions {
  make: string;
  model: string;
  dateTimeOriginal: string; // 'YYYY:MM:DD HH:MM:SS'
  latitude: { ref: 'N' | 'S'; dms: [number, number, number] };
  longitude: { ref: 'E' | 'W'; dms: [number, number, number] };
}

export function exifJpeg(options: ExifJpegOptions, imageBytes = 2048): Buffer {
  const ifd0Entries = (exifAt: number, gpsAt: number): Entry[] => [
    { tag: 0x010f, ascii: options.make },
    { tag: 0x0110, ascii: options.model },
    { tag: 0x8769, long: exifAt },
    { tag: 0x8825, long: gpsAt },
  ];
  const ifd0Length = ifd(8, ifd0Entries(0, 0)).length;
  const exifAt = 8 + ifd0Length;
  const exif = ifd(exifAt, [{ tag: 0x9003, ascii: options.dateTimeOriginal }]);
  const gpsAt = exifAt + exif.length;
  const rational = (dms: [number, number, number]): Array<[number, number]> => [
    [dms[0], 1],
    [dms[1], 1],
    [Math.round(dms[2] * 100), 100],
  ];
  const gps = ifd(gpsAt, [
    { tag: 0x0001, ascii: options.latitude.ref },
    { tag: 0x0002, rationals: rational(options.latitude.dms) },
    { tag: 0x0003, ascii: options.longitude.ref },
    { tag: 0x0004, rationals: rational(options.longitude.dms) },
  ]);
  const tiff = Buffer.concat([
    Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]),
    ifd(8, ifd0Entries(exifAt, gpsAt)),
    exif,
    gps,
  ]);
  const app1Body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.alloc(4);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(app1Body.length + 2, 2);
  const scan = Buffer.alloc(imageBytes, 0x5a);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    app1,
    app1Body,
    Buffer.from([0xff, 0xda, 0x00, 0x02]),
    scan,
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** A minimal MP4: ftyp, then moov holding an mvhd (version 0) with the given creation time. */
export function mvhdMp4(createdAt: Date): Buffer {
  const box = (type: string, body: Buffer) => {
    const header = Buffer.alloc(8);
    header.writeUInt32BE(body.length + 8, 0);
    header.write(type, 4, 'latin1');
    return Buffer.concat([header, body]);
  };
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(Math.round((createdAt.getTime() - Date.UTC(1904, 0, 1)) / 1000), 4);
  const ftyp = box('ftyp', Buffer.from('isom\0\0\0\0isommp41', 'latin1'));
  return Buffer.concat([ftyp, box('moov', box('mvhd', mvhd)), box('mdat', Buffer.alloc(4096, 1))]);
}
