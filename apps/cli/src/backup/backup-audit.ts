import { AuditAction, AuditModule, AuditService } from '@sillok/audit';
import { withServices } from '../cli-runtime.js';
import { manifestSha256, type BackupManifest } from './backup-manifest.js';

/**
 * Records a backup or a restore in the audit trail of the database the command worked on (for
 * a restore: the restored one, so its trail tells it was restored, from what). Only hashes,
 * counts and sizes: a manifest names object keys and key ids, never a witness or a record.
 * Written after the work: a backup's row is not in its own dump, a restore's row is appended
 * to the restored chain (audit:verify covers it).
 */
export async function auditBackup(
  action: AuditAction.BackupCreate | AuditAction.BackupRestore,
  dir: string,
  manifest: BackupManifest,
): Promise<void> {
  const details = {
    manifestSha256: await manifestSha256(dir),
    backupCreatedAt: manifest.createdAt,
    databaseSha256: manifest.database.sha256,
    objects: manifest.objects.length,
    bytes: manifest.objects.reduce((sum, o) => sum + o.size, manifest.database.size),
    identityKeyIds: manifest.identityKeyIds,
  };
  await withServices([AuditModule], (context) =>
    context.get(AuditService).recordNow({ action, subjectType: 'backup', details }),
  );
}
