import type { EntityManager } from 'typeorm';
import { columnsBut, entityFromRow, insertValues, referenceSql } from '@sillok/database';
import { TESTIMONY_REFERENCE, type firstRevision } from './new-testimony.js';
import { TestimonyRevision } from './testimony-revision.entity.js';
import { Testimony } from './testimony.entity.js';

/** A new testimony's own fields, as the create request and the witness give them. */
export type NewTestimonyFields = Pick<Testimony, 'caseId' | 'witnessId' | 'forum' | 'originalLanguage' | 'createdBy'> &
  Partial<
    Pick<
      Testimony,
      | 'interviewDate'
      | 'interviewCity'
      | 'interviewCountry'
      | 'interviewerIds'
      | 'interpreterUsed'
      | 'interpreterLanguages'
    >
  >;

// Given back from what was sent, not read back: the long texts would cross the wire twice.
const CONTENT_COLUMNS = ['title', 'summary', 'narrative'] as const;

/**
 * Writes a new testimony, its reference drawn from the sequence, and its revision 1 in one
 * statement (three round trips and two TypeORM saves before; this is every create's hot path).
 * Returns the testimony as a save would have left it: what was written and the columns'
 * defaults (id, status, version, timestamps).
 */
export async function insertNewTestimony(
  manager: EntityManager,
  fields: NewTestimonyFields,
  first: ReturnType<typeof firstRevision>,
): Promise<Testimony> {
  const { title, summary, narrative } = first.content;
  const testimony = insertValues(manager, Testimony, [
    {
      ...fields,
      reference: () =>
        `(SELECT ${referenceSql(TESTIMONY_REFERENCE, 'n')} FROM nextval('${TESTIMONY_REFERENCE.sequence}') AS n)`,
      title,
      summary,
      narrative,
    },
  ]);
  const revision = insertValues(
    manager,
    TestimonyRevision,
    [
      {
        testimonyId: () => '(SELECT id FROM t)',
        revision: 1,
        content: first.content,
        contentSha256: first.contentSha256,
        changedFields: first.changedFields,
        reason: null,
        createdBy: fields.createdBy,
      },
    ],
    testimony.parameters.length + 1,
  );
  const rows: Array<Record<string, unknown>> = await manager.query(
    `WITH t AS (
       INSERT INTO testimonies (${testimony.columns.join(', ')}) VALUES ${testimony.tuples.join(', ')}
       RETURNING ${columnsBut(manager, Testimony, CONTENT_COLUMNS).join(', ')}),
     r AS (INSERT INTO testimony_revisions (${revision.columns.join(', ')}) VALUES ${revision.tuples.join(', ')})
     SELECT * FROM t`,
    [...testimony.parameters, ...revision.parameters],
  );
  return Object.assign(entityFromRow(manager, Testimony, rows[0]), { title, summary, narrative });
}
