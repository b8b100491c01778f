import type { EntityManager } from 'typeorm';

/**
 * The content SHA-256 of each testimony's current revision, by testimony id: the read port through
 * which the libraries above (exports, which seals them into a case file) read revisions, instead of
 * querying this library's tables themselves.
 */
export async function currentRevisionHashes(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = (await manager.query(
    `SELECT r.testimony_id AS id, r.content_sha256 AS sha256
       FROM testimony_revisions r JOIN testimonies t ON t.id = r.testimony_id AND t.revision = r.revision
      WHERE t.id = ANY($1::uuid[])`,
    [ids],
  )) as Array<{ id: string; sha256: string }>;
  return new Map(rows.map((row) => [row.id, row.sha256]));
}
