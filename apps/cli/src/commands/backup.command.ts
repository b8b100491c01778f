import { Command } from 'commander';
import { AuditAction } from '@sillok/audit';
import { createObjectStore } from '@sillok/evidence';
import { withDatabase } from '../cli-runtime.js';
import { auditBackup } from '../backup/backup-audit.js';
import { writeBackup } from '../backup/write-backup.js';

export function backupCommand(): Command {
  return new Command('backup')
    .description(
      'back up the database (pg_dump) and every evidence object into a new directory, with a manifest of ' +
        'SHA-256 hashes; identity keys are NOT included (keep IDENTITY_ENCRYPTION_KEYS elsewhere)',
    )
    .requiredOption('--out <dir>', 'a new or empty directory to write the backup into')
    .option('--pg-bin <dir>', "directory of pg_dump (the server's major version or newer); default: PATH")
    .action(async (options: { out: string; pgBin?: string }) => {
      const manifest = await withDatabase(async ({ settings, database }) => {
        const store = await createObjectStore(settings);
        return writeBackup(options.out, { databaseUrl: database.url, store, pgTools: { binDir: options.pgBin } });
      });
      await auditBackup(AuditAction.BackupCreate, options.out, manifest);
      const bytes = manifest.objects.reduce((sum, o) => sum + o.size, manifest.database.size);
      console.log(
        `backed up the database and ${manifest.objects.length} objects (${bytes} bytes) to ${options.out}; ` +
          `a restore needs identity keys: ${manifest.identityKeyIds.join(', ') || 'none'}`,
      );
    });
}
