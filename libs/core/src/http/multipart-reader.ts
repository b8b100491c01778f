import type { IncomingMessage } from 'node:http';
import { PassThrough, type Readable } from 'node:stream';
import busboy, { type Busboy } from 'busboy';
import { DomainError } from '../errors/domain-error.js';
import { ErrorCode } from '../errors/error-code.js';

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
 * error: a bad or cut form, a client that aborts, or onFile failing. Every stream here has
 * an error listener from the start, so no body can raise an unhandled 'error' (which would
 * end the process). When the form fails while onFile is still at work, the answer waits
 * for onFile to finish: whatever it began (a temporary file, a transaction) is undone
 * before the client hears of the failure.
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
    let body: PassThrough | undefined;
    let working: Promise<unknown> | undefined;
    let settled = false;

    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      request.unpipe(parser);
      // Read (and discard) the rest of the body: a request left unread makes the server reset the
      // connection, and the client would lose the error answer to EPIPE.
      request.resume();
      // The consumer of the file sees the failure as its stream's error, and stops.
      if (file && !file.destroyed) file.destroy(error);
      const answer = () => reject(error);
      if (working) void working.then(answer, answer);
      else answer();
    };

    parser.on('field', (name, value, info) => {
      if (settled) return;
      if (file) return fail(formError(name, 'must come before the file part'));
      if (info.valueTruncated) return fail(formError(name, `is longer than ${MAX_FIELD_BYTES} bytes`));
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      // Listened to before anything else: busboy destroys the part with an error when the body is cut.
      // That is the body's fault (400); the consumer hears of it through its own stream.
      stream.on('error', (error) => {
        const refusal = error instanceof DomainError ? error : unreadable(error);
        if (body && !body.destroyed) body.destroy(refusal);
        fail(refusal);
      });
      // The parser may still hold parts of a form already refused: they must not start a store.
      if (settled) return void stream.resume();
      if (name !== 'file' || file) {
        stream.resume();
        return fail(formError(name, 'unexpected file part (send one part named file)'));
      }
      file = stream;
      // The consumer reads a stream of its own: when its store fails, it destroys that one, so the
      // store's error (503, 507) reaches the client instead of looking like a cut body (400).
      body = new PassThrough();
      // Its errors are ours or the consumer's own, and the consumer sees them through its pipeline;
      // a consumer that refused the form before reading must not leave one unhandled.
      body.on('error', () => undefined);
      stream.pipe(body);
      working = onFile({
        fields: { ...fields },
        fileName: info.filename ?? '',
        declaredMediaType: info.mimeType,
        stream: body,
      }).then(
        (result) => {
          if (settled) return;
          settled = true;
          resolve(result);
        },
        (error: Error) => {
          working = undefined;
          fail(error);
        },
      );
    });
    for (const limit of ['partsLimit', 'filesLimit', 'fieldsLimit'] as const) {
      parser.on(limit, () => fail(formError('file', 'send one file part and at most 20 fields')));
    }
    parser.on('error', (error) => fail(unreadable(error)));
    parser.on('close', () => {
      if (!file) fail(formError('file', 'is required'));
    });
    // A client that goes away is no fault of the server: a 400 nobody reads, never a logged 500.
    request.on('aborted', () => fail(formError('file', 'the upload ended before the form was complete')));
    request.on('error', () => fail(formError('file', 'the upload ended before the form was complete')));
    request.pipe(parser);
  });
}

function formError(field: string, reason: string): DomainError {
  return DomainError.validation([{ field, reason }]);
}

/** What the parser says of a malformed or cut body ("Unexpected end of form", "Malformed part header"). */
function unreadable(error: Error): DomainError {
  return formError('file', `the form could not be read: ${error.message}`);
}
