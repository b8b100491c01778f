import { Command } from 'commander';
import { AuditModule } from '@sillok/audit';
import { AbducteeService, IncidentsModule } from '@sillok/incidents';
import { IdentityVaultService, TestimoniesModule } from '@sillok/testimonies';
import { withServices } from '../cli-runtime.js';
import { progressLine } from '../progress.js';

export function keysRotateCommand(): Command {
  return new Command('keys:rotate')
    .description(
      're-encrypt every witness identity (and sealed abductee name) not sealed with the first key of IDENTITY_ENCRYPTION_KEYS (resumable; each record audited)',
    )
    .option('--batch-size <n>', 'records per transaction', (v) => Number.parseInt(v, 10), 200)
    .action(async (options: { batchSize: number }) => {
      await withServices([AuditModule, TestimoniesModule, IncidentsModule], async (context) => {
        const progress = progressLine('re-encrypting identities');
        const done = await context.get(IdentityVaultService).rotate(progress.update, options.batchSize);
        progress.finish();
        console.log(
          done ? `re-encrypted ${done} identity records` : 'every identity record already uses the current key',
        );
        const names = progressLine('re-encrypting abductee names');
        const sealedNames = await context.get(AbducteeService).rotateNames(names.update, options.batchSize);
        names.finish();
        if (sealedNames) console.log(`re-encrypted ${sealedNames} sealed abductee names`);
      });
    });
}
