/** What a coordinator may send when adding a local term. */
export interface NewTermInput {
  code: string;
  labelEn: string;
  labelKo?: string | null;
  parentId?: string | null;
  aliases?: string[];
  notes?: string | null;
  attributes?: Record<string, unknown>;
}

/** An edit: `version` is the version the editor saw (optimistic locking). */
export interface TermEditInput {
  version: number;
  labelEn?: string | null;
  labelKo?: string | null;
  parentId?: string | null;
  aliases?: string[];
  notes?: string | null;
  attributes?: Record<string, unknown>;
}

export interface DeprecateTermInput {
  version: number;
  reason: string;
}

export type EditableField = Exclude<keyof TermEditInput, 'version'>;

export const EDITABLE_FIELDS: readonly EditableField[] = [
  'labelEn',
  'labelKo',
  'parentId',
  'aliases',
  'notes',
  'attributes',
];

/**
 * Seeded terms are shared facts (a legal text, a published list, a camp's names): their code,
 * labels, parent and attributes stay as shipped; coordinators may add aliases and notes.
 */
export const SEED_EDITABLE_FIELDS: readonly EditableField[] = ['aliases', 'notes'];

/** Aliases trimmed, blanks and repeats dropped, order kept. */
export function cleanAliases(aliases: string[]): string[] {
  return [...new Set(aliases.map((a) => a.trim()).filter((a) => a.length > 0))];
}

/** Deep equality for the JSON values terms hold (strings, arrays, plain objects). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value ?? null;
}
