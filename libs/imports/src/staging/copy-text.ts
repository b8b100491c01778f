import type { StagingType } from '../record-types/import-field.js';

/** A value in PostgreSQL's COPY text format: \N for null, backslash escapes for the separators. */
export function copyValue(value: unknown, type: StagingType): string {
  if (value === null || value === undefined) return '\\N';
  switch (type) {
    case 'boolean':
      return value ? 't' : 'f';
    case 'text[]':
      return escape(`{${(value as string[]).map(arrayItem).join(',')}}`);
    case 'jsonb':
      return escape(typeof value === 'string' ? value : JSON.stringify(value));
    default:
      return escape(String(value));
  }
}

function arrayItem(item: string): string {
  return `"${item.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function escape(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}
