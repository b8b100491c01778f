import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import copyStreams from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';
import { AuditAction, AuditService, type AuditRecorder } from '@sillok/audit';
import { CaseAccessPolicy } from '@sillok/cases';
import { DomainError, ErrorCode, Permission, type Actor } from '@sillok/core';
import { csvRecords } from './formats/csv-records.js';
import { jsonlRecords } from './formats/jsonl-records.js';
import type { ImportFormat } from './formats/source-record.js';
import type { ImportRecordType, RecordTypeName, RowProblem } from './record-types/import-record-type.js';
import { IMPORT_RECORD_TYPES } from './record-types/record-types.js';
import { RowParser } from './row-parser.js';
import { copyValue } from './staging/copy-text.js';
import { AFTER_STAGING_SQL, copyIntoStagingSql, createStagingSql, stagingColumns } from './staging/staging-table.js';
import { writeInBatch } from './staging/batch-write.js';
import { resolveTermNames } from './staging/term-names.js';
import type { ImportReportResponse, InvalidRowResponse } from './http/import.responses.js';

/** What an import did, or (written: false) why it wrote nothing; the HTTP answer adds dryRun. */
export type ImportReport = Omit<ImportReportResponse, 'dryRun'>;

export interface ImportRequest {
  caseId: string;
  type: RecordTypeName;
  format: ImportFormat;
  /** The file's bytes, read once, a chunk at a time. */
  source: AsyncIterable<Buffer | string>;
  /** Write the valid rows and report the invalid ones, instead of writing nothing. */
  skipInvalid?: boolean;
  /** Run every check and report, but write nothing (no records, no audit events). */
  dryRun?: boolean;
  /** Called as records are read (count so far). */
  onProgress?: (rows: number) => void;
}

// Rows per COPY write: large enough to keep the round trips few, small enough to stay flat in memory.
const LINES_PER_CHUNK = 500;

/**
 * Imports one file of one record type into a case, all or nothing: every row is parsed and
 * checked first (streamed into a staging table, so memory stays flat whatever the file
 * size), and only when no row is bad (or skipInvalid) are the records written, with one audit
 * event each, by set-based statements in the same transaction. Rows whose external id the case
 * already holds are left alone, so importing a file again changes nothing.
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly audit: AuditService,
    private readonly policy: CaseAccessPolicy,
  ) {}

  /**
   * May `actor` import records of `type` into the case? 404 for a case they cannot see. The
   * HTTP route asks before it reads a byte of the body; run() asks again for every other caller.
   */
  async requireAccess(actor: Actor, caseId: string, type: RecordTypeName): Promise<ImportRecordType> {
    const recordType = Object.hasOwn(IMPORT_RECORD_TYPES, type) ? IMPORT_RECORD_TYPES[type] : null;
    if (!recordType)
      throw DomainError.validation([
        { field: 'type', reason: `must be one of ${Object.keys(IMPORT_RECORD_TYPES).join(', ')}` },
      ]);
    await this.policy.requireCaseAccess(actor, caseId, Permission.ImportCreate);
    await this.policy.requireCaseAccess(actor, caseId, recordType.permission);
    return recordType;
  }

  async run(actor: Actor, request: ImportRequest): Promise<ImportReport> {
    const recordType = await this.requireAccess(actor, request.caseId, request.type);
    const parser = new RowParser(recordType, request.format);
    const report: ImportReport = {
      importId: randomUUID(),
      caseId: request.caseId,
      type: request.type,
      format: request.format,
      rows: 0,
      created: 0,
      unchanged: 0,
      rejected: 0,
      written: false,
      invalid: [],
      unmatchedNames: [],
    };
    const invalid = (problem: RowProblem, externalId: string | null): InvalidRowResponse => ({
      line: problem.line,
      externalId,
      field: problem.column === 'line' ? 'line' : parser.nameOf(problem.column),
      reason: problem.reason,
    });

    await this.audit.transaction(async (manager, audit) => {
      const columns = stagingColumns(recordType);
      for (const sql of createStagingSql(columns)) await manager.query(sql);
      const records = request.format === 'csv' ? csvRecords(request.source) : jsonlRecords(request.source);
      const client = (await manager.queryRunner!.connect()) as PoolClient;
      await pipeline(
        async function* () {
          let chunk: string[] = [];
          for await (const record of records) {
            report.rows++;
            if (report.rows % 1000 === 0) request.onProgress?.(report.rows);
            const row = parser.parse(record);
            if (row.ok) {
              chunk.push(
                [row.line, 'f', ...columns.map((c) => copyValue(row.values[c.column], c.type))].join('\t') + '\n',
              );
            } else {
              for (const p of row.problems) report.invalid.push(invalid({ line: row.line, ...p }, row.externalId));
              // Staged only for the duplicate check: a repeated external id is bad whatever the first row held.
              const ids = columns.map((c) => (c.column === 'external_id' ? copyValue(row.externalId, 'text') : '\\N'));
              chunk.push([row.line, 't', ...ids].join('\t') + '\n');
            }
            if (chunk.length >= LINES_PER_CHUNK) {
              yield chunk.join('');
              chunk = [];
            }
          }
          if (chunk.length) yield chunk.join('');
        },
        client.query(copyStreams.from(copyIntoStagingSql(columns))),
      );
      request.onProgress?.(report.rows);
      for (const sql of AFTER_STAGING_SQL) await manager.query(sql);

      const problems = await this.databaseProblems(manager, recordType, request.caseId);
      const terms = await resolveTermNames(manager, recordType.fields);
      report.unmatchedNames = terms.unmatched.map(({ column, ...name }) => ({ field: parser.nameOf(column), ...name }));
      const externalIds = await this.externalIdsOf(manager, [...problems, ...terms.problems]);
      for (const p of [...problems, ...terms.problems])
        report.invalid.push(invalid(p, externalIds.get(p.line) ?? null));
      report.invalid.sort((a, b) => a.line - b.line);
      const badLines = [...new Set(report.invalid.map((r) => r.line))];
      report.rejected = badLines.length;
      // A dry run's transaction holds only the temporary staging tables: it ends here, having written nothing.
      if (request.dryRun) return;
      if (badLines.length && !request.skipInvalid) throw rejected(report);

      await manager.query(`UPDATE import_rows SET bad = true WHERE line = ANY($1::int[])`, [badLines]);
      report.created = await writeInBatch(manager, recordType, request.caseId, () =>
        this.audit.recordPerRow(manager, {
          ...recordType.write,
          params: [request.caseId, actor.userId],
          event: { ...recordType.audit, caseId: request.caseId, actor: { userId: actor.userId, role: actor.role } },
          detailValues: { importId: report.importId },
        }),
      );
      const [{ valid }] = await manager.query(`SELECT count(*)::int AS valid FROM import_rows WHERE NOT bad`);
      report.unchanged = valid - report.created;
      report.written = true;
      this.recordRun(audit, actor, report);
    });
    return report;
  }

  /**
   * What only the database can tell: an external id repeated in the file, or a reference to a
   * record the case does not hold. Locks come first so the checks see what will be written to.
   */
  private async databaseProblems(
    manager: EntityManager,
    recordType: ImportRecordType,
    caseId: string,
  ): Promise<RowProblem[]> {
    if (recordType.lock) await manager.query(recordType.lock, [caseId]);
    const found: Array<{ line: number; col: string; reason: string }> = await manager.query(
      `SELECT s.line, 'external_id' AS col, 'repeats the external id of line ' || first.line AS reason
         FROM import_rows s
         JOIN LATERAL (SELECT min(o.line) AS line FROM import_rows o WHERE o.external_id = s.external_id) first ON true
        WHERE first.line < s.line`,
    );
    for (const check of recordType.checks) {
      // Rows already bad hold no values to check.
      const onValidRows = `SELECT c.* FROM (${check}) c JOIN import_rows v ON v.line = c.line AND NOT v.bad`;
      found.push(...(await manager.query(onValidRows, [caseId])));
    }
    return found.map((r) => ({ line: r.line, column: r.col, reason: r.reason }));
  }

  private async externalIdsOf(manager: EntityManager, problems: RowProblem[]): Promise<Map<number, string>> {
    if (!problems.length) return new Map();
    const rows: Array<{ line: number; external_id: string }> = await manager.query(
      `SELECT line, external_id FROM import_rows WHERE line = ANY($1::int[])`,
      [[...new Set(problems.map((p) => p.line))]],
    );
    return new Map(rows.map((r) => [r.line, r.external_id]));
  }

  private recordRun(audit: AuditRecorder, actor: Actor, report: ImportReport): void {
    audit({
      actor: { userId: actor.userId, role: actor.role },
      action: AuditAction.ImportRun,
      subjectType: 'case',
      subjectId: report.caseId,
      caseId: report.caseId,
      details: {
        importId: report.importId,
        type: report.type,
        format: report.format,
        rows: report.rows,
        created: report.created,
        unchanged: report.unchanged,
        rejected: report.rejected,
      },
    });
  }
}

/** Nothing was written: a 400 whose problem details carry the whole report. */
function rejected(report: ImportReport): DomainError {
  const lines = report.rejected;
  return new DomainError(
    ErrorCode.Validation,
    `${lines} row${lines === 1 ? ' is' : 's are'} invalid; nothing was written`,
    {
      errors: report.invalid.map((r) => ({ field: `line ${r.line}: ${r.field}`, reason: r.reason })),
      report,
    },
  );
}
