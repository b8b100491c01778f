/**
 * JSON in the RFC 8785 canonical form (JCS): object keys sorted by UTF-16 code units,
 * no whitespace, strings and numbers exactly as ECMAScript's JSON.stringify writes them.
 * Any JCS implementation (Python `jcs`, Go `webpki.org/jsoncanonicalizer`, ...) gives the
 * same bytes, which is what lets an auditor recompute audit hashes without Sillok.
 * Only plain JSON values are accepted: pass values through `toJsonValue` first.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('non-finite number in JSON');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(',')}}`;
}

/**
 * The JSON value as it will read back from a jsonb column: dates become strings,
 * undefined members disappear, NaN becomes null. Hashing this (not the caller's object)
 * keeps the hash computed at write time equal to the one recomputed from the stored row.
 */
export function toJsonValue<T>(value: T): T {
  return JSON.parse(JSON.stringify(value ?? null)) as T;
}
