import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { requestAs, type LoggedInUser } from '../support/auth-fixtures.js';
import { createTestimony, createWitness, recordConsent } from '../support/testimony-fixtures.js';
import type { TestApp } from '../support/test-app.js';
import { streamUpload } from '../evidence/multipart-upload.js';

export { recordConsent };

export const at = (text: string, quote: string) => ({
  start: text.indexOf(quote),
  end: text.indexOf(quote) + quote.length,
  quote,
});

export async function uploadFile(
  t: TestApp,
  user: LoggedInUser,
  path: string,
  fields: Record<string, string>,
  bytes: Buffer,
  fileName: string,
): Promise<{ id: string; sha256: string }> {
  const res = await streamUpload(t, path, user.token, fields, { stream: Readable.from([bytes]), fileName });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; sha256: string };
}

/** A witness with consent `scopes` and one testimony of theirs. */
export async function witnessWithTestimony(
  t: TestApp,
  user: LoggedInUser,
  caseId: string,
  scopes: string[],
  narrative: string,
  translations: Array<{ language: string; text: string }> = [],
) {
  const witnessId = await createWitness(t, user, caseId);
  await recordConsent(t, user, witnessId, scopes);
  const testimony = await createTestimony(t, user, witnessId, { narrative, translations });
  const witness = await requestAs(t, user, 'get', `/witnesses/${witnessId}`);
  const full = await requestAs(t, user, 'get', `/testimonies/${testimony.id}`);
  return {
    witnessId,
    pseudonym: witness.body.pseudonym as string,
    id: testimony.id,
    reference: full.body.reference as string,
  };
}

/** The bundle's bytes; `reason` is required for a bundle with witness identities. */
export async function downloadBundle(
  t: TestApp,
  user: LoggedInUser,
  exportId: string,
  reason?: string,
  headers: Record<string, string> = {},
) {
  const query = reason ? `?reason=${encodeURIComponent(reason)}` : '';
  return requestAs(t, user, 'get', `/exports/${exportId}/download${query}`)
    .set(headers)
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });
}

export interface UnzippedBag {
  zip: string;
  /** The bag's directory (sillok-export-<id>). */
  root: string;
  files: string[];
  read(path: string): string;
}

/** Writes the ZIP to a temporary directory and unpacks it there with `unzip`. */
export function unzipBag(zip: Buffer): UnzippedBag {
  const dir = mkdtempSync(join(tmpdir(), 'sillok-bag-'));
  const file = join(dir, 'bundle.zip');
  writeFileSync(file, zip);
  const out = join(dir, 'out');
  const run = spawnSync('unzip', ['-q', file, '-d', out], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`unzip failed: ${run.stderr}`);
  const [top] = readdirSync(out);
  const root = join(out, top);
  const files = (
    readdirSync(root, { recursive: true, withFileTypes: true }) as Array<{
      isFile(): boolean;
      parentPath: string;
      name: string;
    }>
  )
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();
  return { zip: file, root, files, read: (path) => readFileSync(join(root, path), 'utf8') };
}

export function run(command: string, args: string[], cwd: string) {
  return spawnSync(command, args, { cwd, encoding: 'utf8' });
}

/** Moves a testimony on by one `action` of its review (submit, approve, …) as `user`, at its current version. */
export async function moveTestimony(
  t: TestApp,
  user: LoggedInUser,
  testimonyId: string,
  action: string,
): Promise<void> {
  const current = await requestAs(t, user, 'get', `/testimonies/${testimonyId}`);
  const res = await requestAs(t, user, 'post', `/testimonies/${testimonyId}/status`, {
    action,
    version: current.body.version,
  });
  if (res.status !== 201) throw new Error(`${action} failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Submits (as `submitter`) and approves (as `approver`, who holds testimony.approve) a testimony. */
export async function approveTestimony(
  t: TestApp,
  submitter: LoggedInUser,
  approver: LoggedInUser,
  testimonyId: string,
): Promise<void> {
  await moveTestimony(t, submitter, testimonyId, 'submit');
  await moveTestimony(t, approver, testimonyId, 'approve');
}
