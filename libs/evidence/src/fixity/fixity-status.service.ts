import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { OCCURRED_AT_SQL_FORMAT } from '@sillok/audit';
import { Case } from '@sillok/cases';
import type {
  FixityRunSummaryResponse,
  FixityStatusFailureResponse,
  FixityStatusResponse,
} from './fixity-status.responses.js';

export const FIXITY_FAILURES_SHOWN = 200;
const EARLIER_RUNS = 5;

const utc = (sql: string) => `to_char(${sql} AT TIME ZONE 'UTC', ${OCCURRED_AT_SQL_FORMAT})`;

const RUN_SUMMARY = `
  SELECT run_id AS "runId", ${utc('min(checked_at)')} AS "startedAt",
         ${utc('max(checked_at)')} AS "finishedAt", count(*)::int AS checked,
         (count(*) FILTER (WHERE NOT ok AND NOT missing))::int AS mismatched,
         (count(*) FILTER (WHERE missing))::int AS missing
    FROM fixity_checks WHERE run_id = ANY($1::uuid[]) GROUP BY run_id ORDER BY max(checked_at) DESC`;

/**
 * The evidence store's fixity status from the recorded checks (fixity_checks): what the latest
 * runs found, which attachments failed, and which were never checked. Reading it checks nothing:
 * the checks are made by `sillok fixity:check` or the scheduled run.
 */
@Injectable()
export class FixityStatusService {
  constructor(private readonly dataSource: DataSource) {}

  async status(): Promise<FixityStatusResponse> {
    const manager = this.dataSource.manager;
    const [{ attachments, neverChecked }] = await manager.query(
      `SELECT count(*)::int AS attachments,
              (count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM fixity_checks f WHERE f.attachment_id = a.id)))::int
                AS "neverChecked"
         FROM attachments a`,
    );
    // Runs one after another by their last check, each found through the index on checked_at.
    const runIds: Array<{ run_id: string }> = await manager.query(
      `WITH RECURSIVE runs (run_id, started, n) AS (
         SELECT l.run_id, (SELECT min(checked_at) FROM fixity_checks WHERE run_id = l.run_id), 1
           FROM (SELECT run_id FROM fixity_checks ORDER BY checked_at DESC LIMIT 1) l
         UNION ALL
         SELECT p.run_id, (SELECT min(checked_at) FROM fixity_checks WHERE run_id = p.run_id), r.n + 1
           FROM runs r
           CROSS JOIN LATERAL (SELECT run_id FROM fixity_checks WHERE checked_at < r.started
                                ORDER BY checked_at DESC LIMIT 1) p
          WHERE r.n <= $1)
       SELECT run_id FROM runs ORDER BY n`,
      [EARLIER_RUNS],
    );
    if (runIds.length === 0) return { attachments, neverChecked, latestRun: null, earlierRuns: [] };
    const runs: FixityRunSummaryResponse[] = await manager.query(RUN_SUMMARY, [runIds.map((r) => r.run_id)]);
    const [latest, ...earlierRuns] = runs;
    const [{ notChecked }] = await manager.query(
      `SELECT count(*)::int AS "notChecked" FROM attachments a
        WHERE NOT EXISTS (SELECT 1 FROM fixity_checks f WHERE f.attachment_id = a.id AND f.run_id = $1)`,
      [latest.runId],
    );
    return {
      attachments,
      neverChecked,
      latestRun: { ...latest, notChecked, failures: await this.failuresOf(latest.runId) },
      earlierRuns,
    };
  }

  private async failuresOf(runId: string): Promise<FixityStatusFailureResponse[]> {
    const rows: Array<Omit<FixityStatusFailureResponse, 'caseReference'>> = await this.dataSource.query(
      `SELECT f.attachment_id AS "attachmentId", a.case_id AS "caseId", a.owner_type AS "ownerType", f.missing,
              a.sha256 AS "expectedSha256", f.observed_sha256 AS "observedSha256", a.size::float8 AS "expectedSize",
              f.observed_size::float8 AS "observedSize", ${utc('f.checked_at')} AS "checkedAt"
         FROM fixity_checks f JOIN attachments a ON a.id = f.attachment_id
        WHERE f.run_id = $1 AND NOT f.ok
        ORDER BY f.checked_at, f.attachment_id
        LIMIT $2`,
      [runId, FIXITY_FAILURES_SHOWN],
    );
    const caseIds = [...new Set(rows.map((r) => r.caseId))];
    const cases = caseIds.length
      ? await this.dataSource
          .getRepository(Case)
          .find({ where: { id: In(caseIds) }, select: { id: true, reference: true } })
      : [];
    const references = new Map(cases.map((c) => [c.id, c.reference]));
    return rows.map((row) => ({ ...row, caseReference: references.get(row.caseId) ?? null }));
  }
}
