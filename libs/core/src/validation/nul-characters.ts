import { DomainError, type FieldError } from '../errors/domain-error.js';

/**
 * The paths of every string in `value` that holds a NUL character. PostgreSQL text cannot
 * store one, so such input would fail in the database (a 500) after validation passed.
 */
export function fieldsWithNul(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path || 'value'] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => fieldsWithNul(item, `${path}[${index}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) =>
      fieldsWithNul(item, path ? `${path}.${key}` : key),
    );
  }
  return [];
}

/** Refuses input holding a NUL character with a 400 naming each field. */
export function refuseNulCharacters(value: unknown, path = ''): void {
  const fields = fieldsWithNul(value, path);
  if (fields.length === 0) return;
  const errors: FieldError[] = fields.map((field) => ({ field, reason: 'must not contain the NUL character' }));
  throw DomainError.validation(errors);
}
