// Jest loads global setup outside its ESM module graph, so this file uses the compiled
// build (npm test builds first) rather than the TypeScript sources; a unit-only run
// (`npm run test:unit`) needs neither the build nor a database.
import { databaseUrl, testServer, withAdminClient } from './test-postgres.mjs';
import { startThrowawayPostgres } from './throwaway-postgres.mjs';

/**
 * Migrates one template database per run; every test file then clones it
 * (test/support/test-database.ts), so files never see each other's rows.
 */
export default async function globalSetup() {
  if (unitOnly(process.argv)) return;
  const { runMigrations } = await import('../../dist/libs/database/src/index.js');
  const { MIGRATIONS } = await import('../../dist/migrations/index.js');
  const { adminUrl, embedded, throwaway } = await runServer();
  const template = `sillok_tpl_${process.pid}`;
  await withAdminClient(adminUrl, async (client) => {
    await dropLeftoversOfDeadRuns(client);
    await client.query(`CREATE DATABASE ${template}`);
  });
  await runMigrations(databaseUrl(adminUrl, template), MIGRATIONS);
  process.env.SILLOK_TEST_ADMIN_URL = adminUrl;
  process.env.SILLOK_TEST_TEMPLATE = template;
  // On the run's own cluster a DROP DATABASE is cheap (no sync), so a file's database goes when it ends.
  if (throwaway) process.env.SILLOK_TEST_DROP_AT_ONCE = '1';
  globalThis.sillokTestServer = embedded;
}

/**
 * TEST_DATABASE_URL when set; else a throwaway cluster of this run's own (test/setup/throwaway-postgres.mjs:
 * in /dev/shm, fsync, full_page_writes and synchronous_commit off) where PostgreSQL's server binaries are
 * installed; else the machine's server or an embedded one (test-postgres.mjs). SILLOK_TEST_OWN_POSTGRES=0
 * skips the throwaway cluster.
 */
async function runServer() {
  if (!process.env.TEST_DATABASE_URL && process.env.SILLOK_TEST_OWN_POSTGRES !== '0') {
    try {
      const own = await startThrowawayPostgres();
      if (own) return { adminUrl: own.url, embedded: own, throwaway: true };
    } catch (error) {
      process.stderr.write(`no throwaway PostgreSQL for the tests (${error.message}); using the machine's\n`);
    }
  }
  return testServer();
}

/**
 * `--selectProjects unit` (npm run test:unit): the unit specs run on the TypeScript sources and
 * touch no database. Jest does not pass the selection to global setup, so it is read from argv.
 */
function unitOnly(argv) {
  const at = argv.indexOf('--selectProjects');
  if (at < 0) return false;
  const selected = argv
    .slice(at + 1)
    .filter((arg, i, rest) => !arg.startsWith('-') && rest.slice(0, i).every((a) => !a.startsWith('-')));
  return selected.length > 0 && selected.every((name) => name === 'unit');
}

/** Databases of runs that crashed before their teardown: their setup pid is gone. */
async function dropLeftoversOfDeadRuns(client) {
  const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname ~ '^sillok_(tpl|t)_[0-9]+'`);
  for (const { datname } of rows) {
    const pid = Number(datname.split('_')[2]);
    if (!isAlive(pid)) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
