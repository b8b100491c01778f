import { DomainError } from '../errors/domain-error.js';

/**
 * Optional fields may be left out but not set to null where the column holds a value always
 * (class-validator's IsOptional lets null through): a 400 naming the field, not a 500.
 */
export function requireNonNull<T extends object>(dto: T, fields: ReadonlyArray<keyof T & string>): void {
  const errors = fields
    .filter((field) => dto[field] === null)
    .map((field) => ({ field, reason: `${field} cannot be null (leave it out to keep it)` }));
  if (errors.length) throw DomainError.validation(errors);
}

/** A date range must not end before it begins. */
export function requireDateOrder(
  dateFrom: string | null | undefined,
  dateTo: string | null | undefined,
  field = 'dateTo',
): void {
  if (dateFrom && dateTo && dateTo < dateFrom)
    throw DomainError.validation([{ field, reason: `${field} must not be before the start of the range` }]);
}
