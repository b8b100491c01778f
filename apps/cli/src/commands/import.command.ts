import { createReadStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Transform } from 'node:stream';
import { Command, Option } from 'commander';
import { DataSource } from 'typeorm';
import { AuditModule } from '@sillok/audit';
import { AuthModule, UserService, UserStatus } from '@sillok/auth';
import { DomainError } from '@sillok/core';
import {
  IMPORT_FORMATS,
  ImportService,
  ImportsModule,
  RECORD_TYPES,
  type ImportFormat,
  type ImportReport,
  type RecordTypeName,
} from '@sillok/imports';
import { CliError, withServices } from '../cli-runtime.js';
import { progressLine } from '../progress.js';
import { PRIVATE_FILE_MODE } from '../output/private-file.js';
import { csvCell } from '../output/spreadsheet-cell.js';

interface ImportOptions {
  case: string;
  as: string;
  type?: RecordTypeName;
  format?: ImportFormat;
  skipInvalid?: boolean;
  dryRun?: boolean;
  rejects?: string;
}

export function importCommand(): Command {
  return new Command('import')
    .description('import witnesses, testimonies, tags or incidents into a case from a CSV or JSON Lines file')
    .argument('<file>', 'the file (templates in README, examples in examples/import/)')
    .requiredOption('--case <reference>', 'the case to import into (CASE-2026-0001)')
    .requiredOption('--as <email>', 'the account the records are created by (a member of the case)')
    .addOption(new Option('--type <type>', 'the template of the file (default: from its name)').choices(RECORD_TYPES))
    .addOption(new Option('--format <format>', 'default: from the file extension').choices(IMPORT_FORMATS))
    .option('--skip-invalid', 'write the valid rows; list the invalid ones (with --rejects) instead of writing nothing')
    .option('--dry-run', 'check every row and print the report; write nothing (exit 1 if a row is invalid)')
    .option('--rejects <file>', 'with --skip-invalid: write the invalid rows (line, field, reason) to this CSV file')
    .action(async (file: string, options: ImportOptions) => {
      if (options.rejects && !options.skipInvalid) throw new CliError('--rejects goes with --skip-invalid');
      const type = options.type ?? typeFromName(file);
      const format = options.format ?? formatFromName(file);
      const size = (await stat(file).catch(() => null))?.size;
      if (size === undefined) throw new CliError(`cannot read ${file}`);
      await withServices([AuditModule, AuthModule, ImportsModule], async (context) => {
        const user = await context.get(UserService).findByEmail(options.as);
        if (!user || user.status !== UserStatus.Active)
          throw new CliError(`no active user with the email ${options.as}`);
        const [found] = await context
          .get(DataSource)
          .query(`SELECT id FROM cases WHERE reference = $1`, [options.case]);
        if (!found) throw new CliError(`no case ${options.case}`);
        const progress = progressLine(`import ${basename(file)} (bytes)`);
        let read = 0;
        const counted = createReadStream(file).pipe(
          new Transform({
            transform(chunk: Buffer, _encoding, done) {
              read += chunk.length;
              progress.update(read, size);
              done(null, chunk);
            },
          }),
        );
        let report: ImportReport;
        try {
          report = await context.get(ImportService).run(
            { userId: user.id, role: user.role },
            {
              caseId: found.id,
              type,
              format,
              source: counted,
              skipInvalid: options.skipInvalid,
              dryRun: options.dryRun,
            },
          );
        } catch (error) {
          const rejected = (error as DomainError).extensions?.report as ImportReport | undefined;
          if (error instanceof DomainError && rejected) {
            progress.finish();
            printReport(rejected);
            throw new CliError(`${error.detail} (${rejected.invalid.length} problems above)`);
          }
          throw error;
        }
        progress.finish();
        printReport(report);
        if (options.dryRun) {
          const what = `checked ${report.rows} ${type} rows for ${options.case}: ${report.rows - report.rejected} valid, ${report.rejected} invalid; nothing written (dry run)`;
          if (report.rejected > 0) throw new CliError(what);
          console.log(what);
          return;
        }
        if (options.rejects) await writeRejects(options.rejects, report);
        console.log(
          `imported ${report.rows} ${type} rows into ${options.case}: ${report.created} created, ` +
            `${report.unchanged} unchanged, ${report.rejected} rejected (import ${report.importId})`,
        );
      });
    });
}

function printReport(report: ImportReport): void {
  for (const row of report.invalid) console.log(`INVALID  line ${row.line}: ${row.field}: ${row.reason}`);
  for (const name of report.unmatchedNames) {
    console.log(`UNMATCHED ${name.field} "${name.name}": no ${name.scheme} term (${name.rows} rows)`);
  }
}

async function writeRejects(path: string, report: ImportReport): Promise<void> {
  const lines = report.invalid.map((r) => [r.line, r.externalId, r.field, r.reason].map(csvCell).join(','));
  const text = ['line,external_id,field,reason', ...lines].join('\n') + '\n';
  await writeFile(path, text, { flag: 'wx', mode: PRIVATE_FILE_MODE }).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(
      error.code === 'EEXIST' ? `${path} exists; not overwritten` : `cannot write ${path}: ${error.message}`,
    );
  });
}

function typeFromName(file: string): RecordTypeName {
  const found = RECORD_TYPES.find((type) => basename(file).toLowerCase().includes(type));
  if (!found) throw new CliError(`say --type (${RECORD_TYPES.join(', ')}): the file name does not name one`);
  return found;
}

function formatFromName(file: string): ImportFormat {
  if (/\.csv$/i.test(file)) return 'csv';
  if (/\.(jsonl|ndjson)$/i.test(file)) return 'jsonl';
  throw new CliError('say --format (csv or jsonl): the file name does not end in .csv or .jsonl');
}
