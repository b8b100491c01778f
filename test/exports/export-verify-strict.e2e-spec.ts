import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import yazl from 'yazl';
import { verifyBagZip } from '@sillok/exports';
import { loginAllRoles, requestAs, type RoleLogins } from '../support/auth-fixtures.js';
import { createCase, createTwoCases } from '../support/case-fixtures.js';
import { CLI_ENTRY, runNode } from '../support/processes.js';
import { startTestApp, TEST_SECRETS, type TestApp } from '../support/test-app.js';
import {
  approveTestimony,
  downloadBundle,
  run,
  unzipBag,
  witnessWithTestimony,
  type UnzippedBag,
} from './export-fixtures.js';

/**
 * ZIPs a hostile sender or a man in the middle could build around a good bag: each must fail
 * `sillok verify`, and VERIFY.txt's own steps, followed with standard tools, must catch them too.
 */
describe('strict verification of exported bags', () => {
  let t: TestApp;
  let bag: UnzippedBag;
  let top: string;
  let publisherPem: string;
  let as: RoleLogins;

  const entries = () => bag.files.map((file) => ({ name: `${top}/${file}`, data: readFileSync(join(bag.root, file)) }));
  const altered = (data: Buffer) => Buffer.concat([data, Buffer.from(' ')]);

  async function zipOf(name: string, files: Array<{ name: string; data: Buffer }>): Promise<string> {
    const zip = new yazl.ZipFile();
    for (const file of files) zip.addBuffer(file.data, file.name, { compress: false });
    zip.end();
    const target = join(bag.root, '..', '..', name);
    await pipeline(zip.outputStream, createWriteStream(target));
    return target;
  }

  async function failuresOf(zip: string): Promise<string[]> {
    const report = await verifyBagZip(zip, { publicKeyPem: publisherPem });
    expect(report.ok).toBe(false);
    return report.failures;
  }

  beforeAll(async () => {
    t = await startTestApp();
    as = await loginAllRoles(t);
    const { caseA } = await createTwoCases(t, as);
    const witness = await witnessWithTestimony(t, as.investigator, caseA, ['internal', 'un_mechanisms'], 'To verify.');
    await approveTestimony(t, as.investigator, as.coordinator, witness.id);
    const res = await requestAs(t, as.coordinator, 'post', `/cases/${caseA}/exports`, {
      profile: 'un-submission',
      recipient: 'OHCHR Seoul',
    });
    expect(res.status).toBe(201);
    const zip = await downloadBundle(t, as.coordinator, res.body.id);
    bag = unzipBag(zip.body as Buffer);
    top = `sillok-export-${res.body.id}`;
    publisherPem = bag.read('export-signing-key.pem');
  }, 120_000);

  afterAll(async () => {
    rmSync(join(bag.root, '..', '..'), { recursive: true, force: true });
    await t.close();
  });

  it('accepts the bag as made, and the rebuilt ZIP of it', async () => {
    expect((await verifyBagZip(bag.zip, { publicKeyPem: publisherPem })).failures).toEqual([]);
    expect((await verifyBagZip(await zipOf('same.zip', entries()), { publicKeyPem: publisherPem })).ok).toBe(true);
  });

  it('refuses a second, altered bag directory beside the signed one', async () => {
    const second = entries().map((e) => ({
      name: e.name.replace(top, `${top}-copy`),
      data: e.name.endsWith('data/case.json') ? altered(e.data) : e.data,
    }));
    const failures = await failuresOf(await zipOf('two-bags.zip', [...entries(), ...second]));
    expect(failures).toContainEqual(expect.stringContaining('must hold one bag directory and nothing else'));
  });

  it('refuses a file outside the bag', async () => {
    const failures = await failuresOf(
      await zipOf('outside.zip', [...entries(), { name: 'READ-ME-FIRST.txt', data: Buffer.from('see inside') }]),
    );
    expect(failures).toContainEqual(expect.stringContaining('it holds READ-ME-FIRST.txt, sillok-export-'));
  });

  it('refuses a duplicated entry whose first copy (what unzip extracts) is altered', async () => {
    const caseJson = entries().find((e) => e.name.endsWith('/data/case.json'))!;
    const failures = await failuresOf(
      await zipOf('duplicate.zip', [{ name: caseJson.name, data: altered(caseJson.data) }, ...entries()]),
    );
    expect(failures).toContainEqual(`${caseJson.name}: in the ZIP more than once`);
  });

  it('refuses a name that a file system takes for another, and a tag file in no manifest', async () => {
    const caseJson = entries().find((e) => e.name.endsWith('/data/case.json'))!;
    const upper = await failuresOf(
      await zipOf('case.zip', [
        ...entries(),
        { name: caseJson.name.replace('case.json', 'CASE.json'), data: caseJson.data },
      ]),
    );
    expect(upper).toContainEqual(expect.stringContaining('names the same file as'));
    const extraTag = await failuresOf(
      await zipOf('tag.zip', [...entries(), { name: `${top}/README.txt`, data: Buffer.from('trust me') }]),
    );
    expect(extraTag).toEqual(['README.txt: a tag file not in tagmanifest-sha256.txt']);
  });

  it('VERIFY.txt, followed with standard tools, sends the reader to the published key and finds a planted file', async () => {
    const instructions = bag.read('VERIFY.txt');
    expect(instructions).toContain('Do not use export-signing-key.pem from this bag');
    const [, fingerprint] = /sha256sum {5}# must print ([0-9a-f]{64})/.exec(instructions)!;
    const published = await runNode([CLI_ENTRY, 'export:public-key'], { ...TEST_SECRETS, NODE_ENV: 'test' });
    expect(published.code).toBe(0);
    expect(published.stdout).toBe(publisherPem);
    expect(published.stderr).toContain(fingerprint);
    writeFileSync(join(bag.root, '..', 'publisher.pem'), published.stdout);
    const printed = run('bash', ['-c', 'openssl pkey -pubin -in ../publisher.pem -outform DER | sha256sum'], bag.root);
    expect(printed.stdout.split(' ')[0]).toBe(fingerprint);

    const completeness = instructions
      .split('\n')
      .find((line) => line.includes('diff <('))!
      .trim();
    expect(run('bash', ['-c', completeness], bag.root).stdout).toBe('COMPLETE\n');
    const [zipCheck, duplicateCheck] = instructions
      .split('\n')
      .filter((line) => line.includes('unzip -Z1'))
      .map((line) => line.trim().replace('bundle.zip', bag.zip));
    expect(run('bash', ['-c', zipCheck], bag.root).stdout).toBe(`${top}\n`);
    expect(run('bash', ['-c', duplicateCheck], bag.root).stdout).toBe('');

    const planted = join(bag.root, 'data', 'testimonies', 'T-000099.json');
    mkdirSync(dirname(planted), { recursive: true });
    writeFileSync(planted, '{"narrative":"planted"}');
    try {
      const check = run('bash', ['-c', completeness], bag.root);
      expect(check.status).not.toBe(0);
      expect(check.stdout).toContain('> data/testimonies/T-000099.json');
      expect(check.stdout).not.toContain('COMPLETE');
      // sha256sum -c alone passes it: that is why the completeness step is there.
      expect(run('sha256sum', ['-c', '--quiet', 'manifest-sha256.txt'], bag.root).status).toBe(0);
    } finally {
      rmSync(planted);
    }
  }, 60_000);

  it('exports an empty case only when the requester confirms it', async () => {
    const empty = await createCase(t, as.coordinator, { title: 'Nothing recorded yet' });
    const body = { profile: 'internal', recipient: 'Counsel' };
    const refused = await requestAs(t, as.coordinator, 'post', `/cases/${empty}/exports`, body);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      {
        field: 'confirmEmpty',
        reason: 'nothing would go out (no testimony, incident or attachment): set confirmEmpty to export anyway',
      },
    ]);
    expect((await requestAs(t, as.coordinator, 'get', `/cases/${empty}/exports`)).body).toEqual([]);
    const confirmed = await requestAs(t, as.coordinator, 'post', `/cases/${empty}/exports`, {
      ...body,
      confirmEmpty: true,
    });
    expect(confirmed.status).toBe(201);
    const zip = await downloadBundle(t, as.coordinator, confirmed.body.id);
    const emptyBag = unzipBag(zip.body as Buffer);
    expect(emptyBag.files.filter((f) => f.startsWith('data/testimonies/'))).toEqual([]);
    rmSync(join(emptyBag.root, '..', '..'), { recursive: true, force: true });
  }, 60_000);
});
