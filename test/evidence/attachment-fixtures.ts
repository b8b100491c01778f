import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { bearer, type LoggedInUser } from '../support/auth-fixtures.js';
import type { TestApp } from '../support/test-app.js';
import { finalPath } from './filesystem-layout.js';
import { streamUpload } from './multipart-upload.js';

/** A witness and a testimony of theirs in `caseId`, made through the API by `member`. */
export async function makeTestimony(t: TestApp, member: LoggedInUser, caseId: string): Promise<string> {
  const witness = await t
    .http()
    .post('/witnesses')
    .set(bearer(member))
    .send({ caseId, sex: 'female', languages: ['ko'] });
  if (witness.status !== 201) throw new Error(JSON.stringify(witness.body));
  const testimony = await t.http().post('/testimonies').set(bearer(member)).send({
    witnessId: witness.body.id,
    forum: 'confidential_interview',
    originalLanguage: 'ko',
    title: 'interview',
  });
  if (testimony.status !== 201) throw new Error(JSON.stringify(testimony.body));
  return testimony.body.id as string;
}

export async function countRows(t: TestApp, table: string): Promise<number> {
  const client = new pg.Client({ connectionString: t.database.url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
    return (rows[0] as { n: number }).n;
  } finally {
    await client.end();
  }
}

/** Downloads an attachment's content over a socket, hashing it as it arrives (never held whole). */
export function downloadSha256(
  t: TestApp,
  id: string,
  token: string,
): Promise<{ status: number; sha256: string; size: number; headers: Record<string, unknown> }> {
  const server = t.app.getHttpServer() as { address(): AddressInfo | null; listen(port: number): void };
  if (!server.address()) server.listen(0);
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      path: `/attachments/${id}/content`,
      headers: { authorization: `Bearer ${token}` },
    });
    req.on('response', (res) => {
      const hash = createHash('sha256');
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        size += chunk.length;
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, sha256: hash.digest('hex'), size, headers: res.headers }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Uploads each text as a small `document` attachment of `testimony`; returns their ids in order. */
export async function uploadTexts(
  t: TestApp,
  user: LoggedInUser,
  testimony: string,
  texts: string[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const text of texts) {
    const res = await streamUpload(
      t,
      `/testimonies/${testimony}/attachments`,
      user.token,
      { kind: 'document' },
      {
        stream: Readable.from([Buffer.from(text)]),
        fileName: `${text}.txt`,
      },
    );
    if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
    ids.push(res.body.id as string);
  }
  return ids;
}

/** Changes one bit of an attachment's stored object on disk (the filesystem store): fixity must notice. */
export async function flipFirstByte(t: TestApp, attachmentId: string): Promise<void> {
  const path = await objectPathOf(t, attachmentId);
  await chmod(path, 0o640);
  const bytes = await readFile(path);
  bytes[0] ^= 0x01;
  await writeFile(path, bytes);
}

/** Where the filesystem store keeps an attachment's object. */
export async function objectPathOf(t: TestApp, attachmentId: string): Promise<string> {
  const [{ object_key }] = await t.app
    .get(DataSource)
    .query('SELECT object_key FROM attachments WHERE id = $1', [attachmentId]);
  return finalPath(join(t.settings.SILLOK_DATA_DIR, 'objects'), object_key);
}
