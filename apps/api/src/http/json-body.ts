import type { IncomingMessage } from 'node:http';
import { DomainError, ErrorCode } from '@sillok/core';

/** Deeper than any request the API defines; far shallower than what overflows class-transformer's stack. */
export const MAX_JSON_DEPTH = 32;
export const MAX_JSON_BYTES = '2mb';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The JSON body parser's options: a body must be UTF-8 and nest at most MAX_JSON_DEPTH levels,
 * both checked on the raw bytes before JSON.parse, so neither a replacement character is
 * stored in place of what the witness said nor a deep body reaches the transformer.
 */
export function jsonBodyOptions() {
  return {
    limit: MAX_JSON_BYTES,
    type: 'application/json',
    verify: (_request: IncomingMessage, _response: unknown, body: Buffer, charset: string | undefined) => {
      if (charset && charset.toLowerCase().replace('-', '') !== 'utf8')
        throw new DomainError(ErrorCode.UnsupportedMediaType, 'send JSON as UTF-8 (charset=utf-8)');
      try {
        strictUtf8.decode(body);
      } catch {
        throw DomainError.validation([{ field: 'body', reason: 'is not valid UTF-8' }]);
      }
      if (exceedsJsonDepth(body, MAX_JSON_DEPTH))
        throw DomainError.validation([{ field: 'body', reason: `nests deeper than ${MAX_JSON_DEPTH} levels` }]);
    },
  };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }

/** Whether the arrays and objects of a JSON text nest deeper than `limit` (brackets inside strings do not count). */
export function exceedsJsonDepth(json: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const byte = json[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (OPENERS.has(byte)) {
      if (++depth > limit) return true;
    } else if (CLOSERS.has(byte)) {
      depth--;
    }
  }
  return false;
}

/**
 * Express middleware after the JSON parser: every request body of this API is a JSON object, so
 * an array answers 400 naming the body (class-validator would otherwise name its items as unknown
 * properties, "property 0 should not exist", which tells the caller nothing).
 */
export function refuseNonObjectBody(
  request: { body?: unknown },
  _response: unknown,
  next: (error?: unknown) => void,
): void {
  next(
    Array.isArray(request.body)
      ? DomainError.validation([{ field: 'body', reason: 'must be a JSON object' }])
      : undefined,
  );
}

// class-transformer throws a TypeError (a 500) on an object with a `constructor` key, and
// `__proto__` is the prototype-pollution key: no request of this API names either.
const RESERVED_KEYS = new Set(['constructor', '__proto__']);

/**
 * Express middleware after the JSON parser: a body holding a reserved key anywhere answers 400
 * naming its path, before guards, pipes or class-transformer see it. Depth is already bounded
 * by the parser's check, so the walk cannot overflow.
 */
export function refuseReservedKeys(
  request: { body?: unknown },
  _response: unknown,
  next: (error?: unknown) => void,
): void {
  const path = reservedKeyPath(request.body, '');
  next(path === undefined ? undefined : DomainError.validation([{ field: path, reason: 'is a reserved name' }]));
}

export function reservedKeyPath(value: unknown, path: string): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  for (const key of Object.keys(value)) {
    const here = path ? `${path}.${key}` : key;
    if (RESERVED_KEYS.has(key)) return here;
    const found = reservedKeyPath((value as Record<string, unknown>)[key], here);
    if (found !== undefined) return found;
  }
  return undefined;
}
