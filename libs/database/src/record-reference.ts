import type { EntityManager } from 'typeorm';

/** A record's human reference (T-000042): its prefix and the PostgreSQL sequence its numbers come from. */
export interface ReferenceSequence {
  prefix: string;
  sequence: string;
}

/** `prefix-` and the number, zero-padded to six digits and never cut past them. */
export function formatReference({ prefix }: ReferenceSequence, n: number | string): string {
  return `${prefix}-${String(n).padStart(6, '0')}`;
}

/** The next reference of the sequence, taken inside the caller's transaction. */
export async function nextReference(manager: EntityManager, reference: ReferenceSequence): Promise<string> {
  const [{ number }] = await manager.query(`SELECT nextval('${reference.sequence}') AS number`);
  return formatReference(reference, number);
}

/** formatReference in SQL, for a number `n` a set-based insert drew with `nextval(sequence)`. */
export function referenceSql({ prefix }: ReferenceSequence, n = 's.n'): string {
  return `'${prefix}-' || lpad(${n}::text, greatest(6, length(${n}::text)), '0')`;
}
