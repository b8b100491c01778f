import pg from 'pg';

/** One statement on its own short connection (the backup and restore steps run outside Nest). */
export async function queryDatabase<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Ids of the identity keys that sealed stored witness identities and abductee names. */
export async function storedIdentityKeyIds(url: string): Promise<string[]> {
  const rows = await queryDatabase<{ key_id: string }>(
    url,
    `SELECT key_id FROM witness_identities
     UNION SELECT name_key_id FROM abductees WHERE name_key_id IS NOT NULL
     ORDER BY 1`,
  );
  return rows.map((row) => row.key_id);
}

/** Whether the database holds any table of its own (a restore goes into an empty one only). */
export async function databaseHasTables(url: string): Promise<boolean> {
  const rows = await queryDatabase<{ n: string }>(
    url,
    `SELECT count(*) AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
  );
  return Number(rows[0].n) > 0;
}
