import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportLine } from '../report-line.js';
import { SmokeClient } from './smoke-client.js';
import { signInAdministrator, signInScratchAccount } from './smoke-sign-in.js';

export interface SmokeOptions {
  url: string;
  email: string;
  password: string;
}

interface SmokeState {
  adminToken?: string;
  userId?: string;
  token?: string;
  caseId?: string;
  caseReference?: string;
  attachmentId?: string;
}

/**
 * Walks a deployment through what a documenter does, as a client over HTTP: logs in as the administrator it is
 * given, creates a scratch coordinator (administrators cannot create cases), a scratch case, uploads an attachment,
 * reads it back byte for byte (whole and a range), exports the case and verifies the bundle offline. Then it cleans
 * up what the product allows: Sillok deletes nothing, so the case is archived and the scratch account disabled;
 * their rows and audit events stay. Returns false when a step failed.
 */
export async function runSmoke(options: SmokeOptions, report: (line: ReportLine) => void): Promise<boolean> {
  const client = new SmokeClient(options.url);
  const run = randomBytes(4).toString('hex');
  const state: SmokeState = {};
  const file = randomBytes(256 * 1024 + 7);
  let ok = true;

  const step = async (operation: string, work: () => Promise<string>, always = false): Promise<void> => {
    if (!ok && !always) return report({ status: 'SKIP', operation, detail: 'an earlier step failed' });
    try {
      report({ status: 'OK', operation, detail: await work() });
    } catch (error) {
      ok = false;
      report({ status: 'FAIL', operation, detail: error instanceof Error ? error.message : String(error) });
    }
  };

  await step('health', async () => {
    const health = (await client.request('GET', '/health')).json<{ status: string }>();
    return `${options.url} answers "${health.status}"`;
  });
  await step('log in as the administrator', async () => {
    state.adminToken = await signInAdministrator(client, options.email, options.password);
    return options.email;
  });
  const email = `smoke-${run}@smoke-test.invalid`;
  const firstPassword = randomBytes(24).toString('base64url');
  await step('create a scratch coordinator', async () => {
    const created = await client.request('POST', '/users', {
      token: state.adminToken,
      json: { email, displayName: `Smoke test ${run}`, role: 'coordinator', password: firstPassword },
    });
    state.userId = created.json<{ user: { id: string } }>().user.id;
    return email;
  });
  await step('log in as the scratch coordinator', async () => {
    state.token = (await signInScratchAccount(client, email, firstPassword)).accessToken;
    return 'first password replaced (and a second factor enrolled where the role needs one)';
  });
  await step('create a scratch case', async () => {
    const created = await client.request('POST', '/cases', {
      token: state.token,
      json: { title: `Smoke test ${run} (scratch: archived by the smoke test)` },
    });
    ({ id: state.caseId, reference: state.caseReference } = created.json<{ id: string; reference: string }>());
    return state.caseReference ?? '';
  });
  await step('upload an attachment', async () => {
    const form = new FormData();
    form.append('kind', 'other');
    form.append('description', 'smoke test: random bytes');
    form.append('file', new Blob([file], { type: 'application/octet-stream' }), `smoke-${run}.bin`);
    const uploaded = await client.request('POST', `/cases/${state.caseId}/attachments`, { token: state.token, form });
    const attachment = uploaded.json<{ id: string; sha256: string; size: number }>();
    state.attachmentId = attachment.id;
    if (attachment.sha256 !== sha256(file)) throw new Error(`the server computed sha256 ${attachment.sha256}`);
    return `${file.length} bytes, sha256 ${attachment.sha256.slice(0, 16)}… as computed here`;
  });
  await step('read it back', async () => {
    const path = `/attachments/${state.attachmentId}/content`;
    const whole = await client.request('GET', path, { token: state.token });
    if (!whole.body.equals(file)) throw new Error(`${whole.body.length} bytes came back, not the ${file.length} sent`);
    const ranged = await client.request('GET', path, {
      token: state.token,
      headers: { range: 'bytes=1000-1999' },
      expect: [206],
    });
    if (!ranged.body.equals(file.subarray(1000, 2000))) throw new Error('the range bytes=1000-1999 differs');
    return 'byte for byte, and a range (206)';
  });
  const directory = await mkdtemp(join(tmpdir(), 'sillok-smoke-'));
  try {
    await step('export and verify the bundle', async () => {
      const created = await client.request('POST', `/cases/${state.caseId}/exports`, {
        token: state.token,
        json: { profile: 'internal', recipient: 'Sillok smoke test' },
      });
      const exported = created.json<{ id: string; attachmentIds: string[]; publicKeyFingerprint: string }>();
      if (!exported.attachmentIds.includes(state.attachmentId ?? ''))
        throw new Error('the export left out the attachment');
      const download = await client.request('GET', `/exports/${exported.id}/download`, { token: state.token });
      const bundle = join(directory, 'bundle.zip');
      await writeFile(bundle, download.body, { mode: 0o600 });
      // Loaded here: PDF and font code would slow down every other command.
      const { verifyBagZip } = await import('@sillok/exports');
      const verification = await verifyBagZip(bundle);
      if (!verification.ok) throw new Error(`the bundle does not verify: ${verification.failures.join('; ')}`);
      return `${download.body.length} bytes, ${verification.payloadFiles} payload files, hashes and signature valid`;
    });
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
  await step('clean up', () => cleanUp(client, state), true);
  return ok;
}

/** What the product allows: archive the case, end the session, disable the account. Nothing is deleted. */
async function cleanUp(client: SmokeClient, state: SmokeState): Promise<string> {
  const done: string[] = [];
  if (state.caseId && state.token) {
    await client.request('PATCH', `/cases/${state.caseId}`, { token: state.token, json: { status: 'archived' } });
    done.push(`case ${state.caseReference} archived`);
  }
  if (state.token) await client.request('POST', '/auth/logout', { token: state.token });
  if (state.userId && state.adminToken) {
    await client.request('POST', `/users/${state.userId}/disable`, { token: state.adminToken });
    done.push('scratch coordinator disabled');
  }
  if (state.adminToken) await client.request('POST', '/auth/logout', { token: state.adminToken });
  return `${done.join(', ') || 'nothing was created'}; Sillok deletes nothing, so these records and their audit rows stay`;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
