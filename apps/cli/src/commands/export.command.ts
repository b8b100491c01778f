import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Command } from 'commander';
import { DataSource } from 'typeorm';
import { AuditModule } from '@sillok/audit';
import { AuthModule, UserService } from '@sillok/auth';
import { requestContext, type Actor } from '@sillok/core';
import type { ExportProfileName } from '@sillok/exports';
import { previewLines } from '../output/export-preview-lines.js';
import { userByEmail } from '../accounts.js';
import { CliError, withServices } from '../cli-runtime.js';
import { progressLine } from '../progress.js';
import { PRIVATE_FILE_MODE } from '../output/private-file.js';

interface ExportOptions {
  includeUnapproved?: boolean;
  confirmEmpty?: boolean;
  case: string;
  profile: ExportProfileName;
  recipient: string;
  as: string;
  out?: string;
  dryRun?: boolean;
  testimony?: string[];
  includeIdentities?: boolean;
  identityReason?: string;
}

export function exportCommand(): Command {
  return new Command('export')
    .description('export a signed case-file bundle (BagIt in a ZIP) of a case under a profile, for a named recipient')
    .requiredOption('--case <reference>', 'the case, e.g. CASE-2026-0001')
    .requiredOption('--profile <name>', 'un-submission, prosecution, public-anonymised or internal (see README)')
    .requiredOption('--recipient <name>', 'who receives the bundle (recorded and written into the bag)')
    .requiredOption('--as <email>', 'the account the export is made by (its role and case membership decide)')
    .option('--out <file>', 'where to write the ZIP (never overwritten); required unless --dry-run')
    .option('--dry-run', 'list what would be included, withheld (and why) and warned about; writes nothing')
    .option('--testimony <reference...>', 'only these testimonies (T-000123), default all of the case')
    .option('--include-identities', 'add witness identities (prosecution, internal; needs witness.identity.read)')
    .option('--identity-reason <text>', 'why identities go out (required with --include-identities)')
    .option('--include-unapproved', 'also send testimonies not approved and incidents not confirmed, marked as such')
    .option('--confirm-empty', 'export even when nothing would go out or an attachment is 0 bytes')
    .action(async (options: ExportOptions) => {
      const out = options.dryRun ? null : options.out;
      if (!options.dryRun && !out) throw new CliError('--out <file> is required (or --dry-run)');
      if (out && existsSync(out)) throw new CliError(`${out} exists; exports are never overwritten`);
      // Loaded here, not at start: PDF and font code would slow down every other command.
      const { EXPORT_PROFILE_NAMES, ExportService, ExportsModule } = await import('@sillok/exports');
      if (!EXPORT_PROFILE_NAMES.includes(options.profile))
        throw new CliError(`--profile must be one of ${EXPORT_PROFILE_NAMES.join(', ')}`);
      await withServices([AuditModule, AuthModule, ExportsModule], async (context) => {
        const user = await userByEmail(context.get(UserService), options.as);
        if (user.status !== 'active') throw new CliError(`the account ${options.as} is ${user.status}`);
        const actor: Actor = { userId: user.id, role: user.role };
        const dataSource = context.get(DataSource);
        const caseId = await idByReference(dataSource, { table: 'cases', reference: options.case, option: '--case' });
        const testimonyIds = options.testimony
          ? await Promise.all(
              options.testimony.map((reference) =>
                idByReference(dataSource, { table: 'testimonies', reference, option: '--testimony', caseId }),
              ),
            )
          : undefined;
        const exports = context.get(ExportService);
        const body = {
          profile: options.profile,
          recipient: options.recipient,
          testimonyIds,
          includeIdentities: options.includeIdentities,
          identityReason: options.identityReason,
          includeUnapproved: options.includeUnapproved,
          confirmEmpty: options.confirmEmpty,
        };
        if (!out) {
          for (const line of previewLines(await exports.preview(actor, caseId, body))) console.log(line);
          return;
        }
        const progress = progressLine('export (attachment bytes)');
        // Audit rows name the account the export was made as, as if it came through the API.
        await requestContext.run({ requestId: `cli-${randomUUID()}`, actor }, async () => {
          const created = await exports.create(actor, caseId, body, (bytes, total) =>
            progress.update(Math.min(bytes, total), total),
          );
          progress.finish();
          const download = await exports.openDownload(actor, created.id, { reason: options.identityReason });
          if (download.kind === 'unsatisfiable') throw new CliError('the stored export could not be read');
          await pipeline(download.body, createWriteStream(out, { flags: 'wx', mode: PRIVATE_FILE_MODE }));
          console.log(
            `export ${created.id}: ${created.testimonyIds.length} testimonies, ${created.attachmentIds.length} attachments, ` +
              `${created.withheld.length} withheld; ${created.size} bytes written to ${out}`,
          );
        });
      });
    });
}

interface ReferenceLookup {
  table: 'cases' | 'testimonies';
  reference: string;
  /** The command-line option that named it, for the error. */
  option: string;
  /** A testimony must belong to this case. */
  caseId?: string;
}

async function idByReference(
  dataSource: DataSource,
  { table, reference, option, caseId }: ReferenceLookup,
): Promise<string> {
  const rows = (await dataSource.query(
    `SELECT id FROM ${table} WHERE reference = $1${caseId ? ' AND case_id = $2' : ''}`,
    caseId ? [reference, caseId] : [reference],
  )) as Array<{ id: string }>;
  if (!rows.length)
    throw new CliError(`${option}: no ${table === 'cases' ? 'case' : 'testimony of that case'} ${reference}`);
  return rows[0].id;
}
