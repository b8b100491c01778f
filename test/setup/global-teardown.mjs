import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withAdminClient } from './test-postgres.mjs';

export default async function globalTeardown() {
  const adminUrl = process.env.SILLOK_TEST_ADMIN_URL;
  const template = process.env.SILLOK_TEST_TEMPLATE;
  // The run's throwaway cluster goes whole with its databases; on a shared server they are dropped one by one.
  if (adminUrl && template && !process.env.SILLOK_TEST_DROP_AT_ONCE) {
    await withAdminClient(adminUrl, async (client) => {
      const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
        `sillok_t_${process.pid}_%`,
      ]);
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    });
  }
  await globalThis.sillokTestServer?.stop();
  // The OpenAPI documents the run's apps served (test/support/run-contract.ts, servedDocumentsDir).
  if (template) rmSync(join(tmpdir(), `sillok-openapi-${template}`), { recursive: true, force: true });
}
