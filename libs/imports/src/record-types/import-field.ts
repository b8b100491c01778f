import { isCalendarDate } from '@sillok/core';
import type { TaxonomyScheme } from '@sillok/taxonomy';

/** A value that cannot be imported, with the reason (never the value: it may identify someone). */
export class FieldProblem extends Error {}

export type StagingType = 'text' | 'integer' | 'boolean' | 'date' | 'text[]' | 'jsonb';

/**
 * One field of an import template: its CSV column (snake_case, spreadsheet-friendly) and its
 * JSON Lines key (camelCase, as the API names it), how a raw value becomes a stored one, and the
 * type of its column in the staging table.
 */
export interface ImportField {
  column: string;
  key: string;
  type: StagingType;
  parse: (raw: unknown) => unknown;
  required?: boolean;
  /** Free-text names resolved through this vocabulary's codes, labels and aliases. */
  scheme?: TaxonomyScheme;
  /** Only in JSON Lines (structured values such as translations). */
  jsonOnly?: boolean;
  /** What the README's template table says about it. */
  note: string;
}

const isBlank = (raw: unknown) => raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');

/** A parser that passes blanks as null and hands the rest to `parse`. */
function optional<T>(parse: (raw: unknown) => T): (raw: unknown) => T | null {
  return (raw) => (isBlank(raw) ? null : parse(raw));
}

export function text(max: number): (raw: unknown) => string | null {
  return optional((raw) => {
    if (typeof raw !== 'string' && typeof raw !== 'number') throw new FieldProblem('must be text');
    const value = String(raw);
    if (value.length > max) throw new FieldProblem(`must be at most ${max} characters`);
    return value;
  });
}

export function integer(min: number, max: number): (raw: unknown) => number | null {
  return optional((raw) => {
    const value = typeof raw === 'number' ? raw : /^\s*-?\d+\s*$/.test(String(raw)) ? Number(raw) : NaN;
    if (!Number.isInteger(value) || value < min || value > max)
      throw new FieldProblem(`must be a whole number from ${min} to ${max}`);
    return value;
  });
}

const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);

export function boolean(): (raw: unknown) => boolean | null {
  return optional((raw) => {
    if (typeof raw === 'boolean') return raw;
    const value = String(raw).trim().toLowerCase();
    if (TRUE.has(value)) return true;
    if (FALSE.has(value)) return false;
    throw new FieldProblem('must be true or false (yes/no, 1/0)');
  });
}

export function date(): (raw: unknown) => string | null {
  return optional((raw) => {
    const value = String(raw).trim();
    if (!isCalendarDate(value)) throw new FieldProblem('must be a real date such as 1997-01-31');
    return value;
  });
}

export function oneOf<T extends string>(values: readonly T[]): (raw: unknown) => T | null {
  return optional((raw) => {
    const value = String(raw).trim();
    if (!(values as readonly string[]).includes(value)) throw new FieldProblem(`must be one of ${values.join(', ')}`);
    return value as T;
  });
}

export function matching(pattern: RegExp, example: string): (raw: unknown) => string | null {
  return optional((raw) => {
    const value = String(raw).trim();
    if (!pattern.test(value)) throw new FieldProblem(`must look like ${example}`);
    return value;
  });
}

/** A list: a JSON array, or in CSV the items separated by semicolons. */
export function list(item: (raw: unknown) => unknown, max: number): (raw: unknown) => unknown[] | null {
  return optional((raw) => {
    const items = Array.isArray(raw)
      ? raw
      : String(raw)
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean);
    if (items.length > max) throw new FieldProblem(`must hold at most ${max} items`);
    return items.map((value) => {
      const parsed = item(value);
      if (parsed === null) throw new FieldProblem('must not hold empty items');
      return parsed;
    });
  });
}

export const EXTERNAL_ID: ImportField = {
  column: 'external_id',
  key: 'externalId',
  type: 'text',
  parse: text(200),
  required: true,
  note: "the record's id in the archive it comes from; importing it again changes nothing",
};
