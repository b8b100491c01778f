import { Command } from 'commander';
import { revertLastMigration, runMigrations } from '@sillok/database';
import { MIGRATIONS } from '@sillok/migrations';
import { withDatabase } from '../cli-runtime.js';

export function migrateCommand(): Command {
  return new Command('migrate')
    .description('apply every pending database migration (or revert the last one with --revert)')
    .option('--revert', 'revert the most recently applied migration')
    .action(async (options: { revert?: boolean }) => {
      await withDatabase(async ({ database }) => {
        if (options.revert) {
          const reverted = await revertLastMigration(database.url, MIGRATIONS);
          console.log(reverted ? `reverted ${reverted}` : 'no migration to revert');
          return;
        }
        const applied = await runMigrations(database.url, MIGRATIONS);
        console.log(applied.length ? `applied ${applied.length}: ${applied.join(', ')}` : 'database is up to date');
      });
    });
}
