import { Command } from 'commander';
import { checkApplicationRole, grantApplicationRole, revertLastMigration, runMigrations } from '@sillok/database';
import { MIGRATIONS } from '@sillok/migrations';
import { CliError, withDatabase } from '../cli-runtime.js';

export function migrateCommand(): Command {
  return new Command('migrate')
    .description('apply every pending database migration (or revert the last one with --revert)')
    .option('--revert', 'revert the most recently applied migration')
    .option(
      '--grant-to <role>',
      'then grant the API database role read and write on the tables, but only SELECT on audit_events and INSERT on audit_pending',
    )
    .action(async (options: { revert?: boolean; grantTo?: string }) => {
      await withDatabase(async ({ database }) => {
        if (options.revert) {
          const reverted = await revertLastMigration(database.url, MIGRATIONS);
          console.log(reverted ? `reverted ${reverted}` : 'no migration to revert');
          return;
        }
        const asCliError = (error: Error) => Promise.reject(new CliError(error.message));
        // A wrong role is refused before anything is migrated.
        if (options.grantTo) await checkApplicationRole(database.url, options.grantTo).catch(asCliError);
        const applied = await runMigrations(database.url, MIGRATIONS);
        console.log(applied.length ? `applied ${applied.length}: ${applied.join(', ')}` : 'database is up to date');
        if (options.grantTo) {
          await grantApplicationRole(database.url, options.grantTo).catch(asCliError);
          console.log(
            `granted ${options.grantTo}: tables read and write, audit_events SELECT only, audit_pending INSERT only`,
          );
        }
      });
    });
}
