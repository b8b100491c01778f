import { extname } from 'node:path';

/** File name extensions each detected media type is known by; the first is the one a renamed file gets. */
const EXTENSIONS: Record<string, string[]> = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg', '.jpe'],
  'image/gif': ['.gif'],
  'image/webp': ['.webp'],
  'image/tiff': ['.tif', '.tiff'],
  'audio/wav': ['.wav'],
  'audio/mpeg': ['.mp3'],
  'audio/ogg': ['.ogg', '.oga', '.opus'],
  'video/quicktime': ['.mov', '.qt'],
  'video/mp4': ['.mp4', '.m4v', '.m4a', '.3gp', '.heic', '.heif', '.avif'],
  'video/webm': ['.webm'],
  'application/zip': ['.zip', '.docx', '.xlsx', '.pptx', '.odt', '.ods', '.odp', '.epub'],
};

/**
 * The file name with an extension its bytes bear out: a PNG uploaded as `scan.pdf` goes out as
 * `scan.png`, so the recipient's tools open it as what it is (and a viewer for the wrong type
 * is never handed it). Names of types without a fixed extension (text, unknown bytes) stay.
 */
export function withTrueExtension(name: string, detectedMediaType: string): string {
  const known = EXTENSIONS[detectedMediaType];
  const extension = extname(name);
  if (!known || known.includes(extension.toLowerCase())) return name;
  return `${extension ? name.slice(0, -extension.length) : name}${known[0]}`;
}
