import { ValidateBy, isISO8601 } from 'class-validator';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
// A full timestamp: what PostgreSQL's timestamptz input takes without guessing (no week dates, no bare hours).
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;

const realDate = (pattern: RegExp) => (value: unknown) =>
  typeof value === 'string' && pattern.test(value) && isISO8601(value, { strict: true });

/** A real calendar date written YYYY-MM-DD, as a PostgreSQL date column takes it (1997-02-30 is not). */
export const isCalendarDate = realDate(CALENDAR_DATE);

/**
 * A real calendar date written YYYY-MM-DD (1997-02-30 and 1997 are refused): ISO 8601 allows
 * more forms than a PostgreSQL date column takes, and those must answer 400, not 500.
 */
export function IsCalendarDate(example = '1997-01-01'): PropertyDecorator {
  return ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: isCalendarDate,
      defaultMessage: () => `$property must be a real date written like ${example}`,
    },
  });
}

/** A date or a date and time (2026-05-01, 2026-05-01T10:00:00Z), as PostgreSQL timestamptz takes it. */
export function IsTimestamp(): PropertyDecorator {
  return ValidateBy({
    name: 'isTimestamp',
    validator: {
      validate: realDate(TIMESTAMP),
      defaultMessage: () => '$property must be a real ISO 8601 date or date-time such as 2026-05-01T10:00:00Z',
    },
  });
}
