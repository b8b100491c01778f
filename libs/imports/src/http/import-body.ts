import type { IncomingMessage } from 'node:http';
import { DomainError, ErrorCode } from '@sillok/core';
import type { ImportFormat } from '../formats/source-record.js';

const FORMAT_BY_MEDIA_TYPE: Record<string, ImportFormat> = {
  'text/csv': 'csv',
  'application/csv': 'csv',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/jsonlines': 'jsonl',
};

/** The format of a raw import body: as asked, else from its media type; 415 otherwise. */
export function formatOfBody(request: IncomingMessage, asked?: ImportFormat): ImportFormat {
  if (asked) return asked;
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const format = FORMAT_BY_MEDIA_TYPE[mediaType];
  if (!format) {
    throw new DomainError(
      ErrorCode.UnsupportedMediaType,
      'send the file as text/csv, application/x-ndjson, or multipart/form-data with a part named file',
    );
  }
  return format;
}

/** The format of an uploaded file part: as asked, else from its name (.csv, .jsonl, .ndjson). */
export function formatOfFileName(fileName: string, asked?: ImportFormat): ImportFormat {
  if (asked) return asked;
  if (/\.csv$/i.test(fileName)) return 'csv';
  if (/\.(jsonl|ndjson)$/i.test(fileName)) return 'jsonl';
  throw DomainError.validation([
    { field: 'format', reason: 'name the format (csv or jsonl) or the file .csv or .jsonl' },
  ]);
}
