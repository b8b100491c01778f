import { extname } from 'node:path';

/**
 * A file name that is safe in any ZIP tool and in a manifest line: letters (any script),
 * digits, dot, dash and underscore; everything else becomes `_`; no leading dot.
 */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^[._]+/, '');
  return Array.from(cleaned).slice(-120).join('') || 'file';
}

/** For anonymised bags: the kind and extension only, since uploaders' file names can name people. */
export function anonymousFileName(kind: string, originalName: string): string {
  return safeFileName(`${kind}${extname(originalName).slice(0, 12)}`);
}
