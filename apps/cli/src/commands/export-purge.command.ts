import { Command } from 'commander';
import { AuditModule } from '@sillok/audit';
import { AuthModule } from '@sillok/auth';
import { withServices } from '../cli-runtime.js';

/** Run daily (cron, or a scheduled container): stored exports with identities do not outlive their days. */
export function exportPurgeCommand(): Command {
  return new Command('export:purge')
    .description(
      'erase the key (and remove the object) of every stored export with witness identities past EXPORT_IDENTITY_RETENTION_DAYS; audited',
    )
    .action(async () => {
      // Loaded here, not at start: PDF and font code would slow down every other command.
      const { ExportService, ExportsModule } = await import('@sillok/exports');
      await withServices([AuditModule, AuthModule, ExportsModule], async (context) => {
        const purged = await context.get(ExportService).purgeExpired();
        for (const id of purged) console.log(`purged export ${id}`);
        console.log(`${purged.length} expired export(s) with identities purged`);
      });
    });
}
