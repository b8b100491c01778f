import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import busboy, { type Busboy } from 'busboy';
import { DomainError, ErrorCode } from '@sillok/core';

export interface IncomingFile {
  /** The form fields that came before the file part. */
  fields: Record<string, string>;
  /** As the client sent it (UTF-8), directories included: never used as a storage key. */
  fileName: string;
  declaredMediaType: string;
  stream: Readable;
}

const MAX_FIELD_BYTES = 16 * 1024;

/**
 * Reads a multipart/form-data request straight from the socket: the metadata fields first,
 * then one part named `file`, handed to `onFile` as a stream (nothing is buffered beyond
 * the parser's chunks). Fields sent after the file are refused: the file is stored as it
 * arrives, so its metadata must be known before it.
 *
 * Settles with onFile's result, or fails (and stops reading the request) on the first
 * error: a bad form, a client that aborts, or onFile failing.
 */
export function readMultipartFile<T>(request: IncomingMessage, onFile: (file: IncomingFile) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let parser: Busboy;
    try {
      parser = busboy({
        headers: request.headers,
        defParamCharset: 'utf8',
        preservePath: true,
        limits: { files: 1, fields: 20, parts: 21, fieldSize: MAX_FIELD_BYTES },
      });
    } catch {
      reject(new DomainError(ErrorCode.UnsupportedMediaType, 'send the file as multipart/form-data'));
      return;
    }
    const fields: Record<string, string> = {};
    let file: Readable | undefined;
    let settled = false;

    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      request.unpipe(parser);
      // Read (and discard) the rest of the body: a request left unread makes the server reset the
      // connection, and the client would lose the error answer to EPIPE.
      request.resume();
      file?.destroy();
      reject(error);
    };

    parser.on('field', (name, value, info) => {
      if (file) return fail(formError(name, 'must come before the file part'));
      if (info.valueTruncated) return fail(formError(name, `is longer than ${MAX_FIELD_BYTES} bytes`));
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || file) {
        stream.resume();
        return fail(formError(name, 'unexpected file part (send one part named file)'));
      }
      file = stream;
      onFile({
        fields: { ...fields },
        fileName: info.filename ?? '',
        declaredMediaType: info.mimeType,
        stream,
      }).then(
        (result) => {
          if (settled) return;
          settled = true;
          resolve(result);
        },
        (error: Error) => fail(error),
      );
    });
    for (const limit of ['partsLimit', 'filesLimit', 'fieldsLimit'] as const) {
      parser.on(limit, () => fail(formError('file', 'send one file part and at most 20 fields')));
    }
    parser.on('error', (error) => fail(DomainError.validation([{ field: 'file', reason: error.message }])));
    parser.on('close', () => {
      if (!file) fail(formError('file', 'is required'));
    });
    request.on('aborted', () => fail(new Error('the client aborted the upload')));
    request.on('error', (error) => fail(error));
    request.pipe(parser);
  });
}

function formError(field: string, reason: string): DomainError {
  return DomainError.validation([{ field, reason }]);
}
