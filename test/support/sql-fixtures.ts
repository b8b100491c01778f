import type pg from 'pg';

/** A test's connection to its database, as the specs below the services use it. */
export type SqlRows = (sql: string, params?: unknown[]) => Promise<pg.QueryResult['rows']>;

/** A coordinator, a case of theirs and a witness in it, written with plain SQL. */
export interface SqlCaseFixture {
  userId: string;
  caseId: string;
  witnessId: string;
}

/** For specs that work on the tables below the services (triggers, refreshes): no API, no audit. */
export async function insertCaseWithWitness(query: SqlRows, email: string): Promise<SqlCaseFixture> {
  const [{ id: userId }] = await query(
    `INSERT INTO users (email, display_name, role, password_hash) VALUES ($1, 'f', 'coordinator', 'x') RETURNING id`,
    [email],
  );
  const [{ id: caseId }] = await query(
    `INSERT INTO cases (reference, title, created_by) VALUES ('CASE-2026-0001', 'fixture', $1) RETURNING id`,
    [userId],
  );
  const [{ id: witnessId }] = await query(
    `INSERT INTO witnesses (case_id, pseudonym, created_by) VALUES ($1, 'W-000001', $2) RETURNING id`,
    [caseId, userId],
  );
  return { userId, caseId, witnessId };
}

/** A testimony of the fixture's witness, numbered `T-<number>`; returns its id. */
export async function insertTestimony(
  query: SqlRows,
  fixture: SqlCaseFixture,
  testimony: { number: number; language: string; title: string; narrative: string },
): Promise<string> {
  const [{ id }] = await query(
    `INSERT INTO testimonies (reference, case_id, witness_id, forum, original_language, title, narrative, created_by)
     VALUES ($1, $2, $3, 'other', $4, $5, $6, $7) RETURNING id`,
    [
      `T-${String(testimony.number).padStart(6, '0')}`,
      fixture.caseId,
      fixture.witnessId,
      testimony.language,
      testimony.title,
      testimony.narrative,
      fixture.userId,
    ],
  );
  return id as string;
}
