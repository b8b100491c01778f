// Fixity check rate against `sha256sum` of the same files (target: at least 0.8 of the raw rate).
//   node bench/fixity.bench.mjs [--files 32] [--file-mb 8]      (after npm run build)
// Stores seeded attachments of the chosen size in the filesystem object store of a scratch
// installation, then times FixityService.run (read, hash, compare, record and audit each check) and
// `sha256sum` over the same object files, both with the files in the page cache. Prints one JSON line.
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Transform } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditModule, AuditVerifier } from '../dist/libs/audit/src/index.js';
import { AuthModule, UserService } from '../dist/libs/auth/src/index.js';
import { CaseService, CasesModule } from '../dist/libs/cases/src/index.js';
import { EvidenceModule, FixityService, newObjectKey, OBJECT_STORE } from '../dist/libs/evidence/src/index.js';
import { benchOption, round } from './support/bench-args.mjs';
import { withBenchApp } from './support/bench-app.mjs';
import { CaseDataGenerator } from './support/data-generator.mjs';

const files = benchOption('files', 32);
const fileBytes = Math.round(benchOption('file-mb', 8) * 1024 * 1024);
const dataDir = mkdtempSync(join(tmpdir(), 'sillok-bench-fixity-'));

/** Every regular file under `dir`. */
function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

try {
  const modules = [AuditModule, AuthModule, CasesModule, EvidenceModule];
  const env = { SILLOK_DATA_DIR: dataDir, OBJECT_STORE: 'filesystem' };
  await withBenchApp(
    'sillok_bench_fixity',
    modules,
    async (app) => {
      const { user } = await app.get(UserService).create({
        email: 'bench@example.org',
        displayName: 'bench',
        role: 'coordinator',
        password: 'bench-Password-7f3k9Qz!',
      });
      const { id: caseId } = await app
        .get(CaseService)
        .create({ userId: user.id, role: user.role }, { title: 'fixity' });
      const store = app.get(OBJECT_STORE);
      const generator = new CaseDataGenerator(11, {});
      for (let i = 0; i < files; i++) {
        const sha256 = createHash('sha256');
        const md5 = createHash('md5');
        const hashing = new Transform({
          transform(chunk, _encoding, done) {
            sha256.update(chunk);
            md5.update(chunk);
            done(null, chunk);
          },
        });
        const key = newObjectKey();
        const { size } = await store.put(key, generator.attachment(fileBytes).pipe(hashing), { size: fileBytes });
        await app.get(DataSource).query(
          `INSERT INTO attachments (id, case_id, owner_type, owner_id, object_key, original_file_name,
                                    detected_media_type, size, sha256, md5, kind, uploaded_by)
           VALUES ($1, $2, 'case', $2, $3, $4, 'application/octet-stream', $5, $6, $7, 'other', $8)`,
          [randomUUID(), caseId, key, `recording-${i}.bin`, size, sha256.digest('hex'), md5.digest('hex'), user.id],
        );
      }
      const paths = filesUnder(join(dataDir, 'objects'));
      if (paths.length !== files) throw new Error(`expected ${files} object files, found ${paths.length}`);
      spawnSync('cat', paths, { stdio: ['ignore', 'ignore', 'inherit'] }); // into the page cache

      let started = performance.now();
      const raw = spawnSync('sha256sum', paths, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const rawSeconds = (performance.now() - started) / 1000;
      if (raw.status !== 0) throw new Error(`sha256sum failed: ${raw.stderr}`);

      started = performance.now();
      const report = await app.get(FixityService).run();
      const fixitySeconds = (performance.now() - started) / 1000;
      if (report.failures.length || report.checked !== files) throw new Error('the fixity check failed');

      const mb = (files * fileBytes) / 1e6;
      console.log(
        JSON.stringify({
          name: 'fixity',
          files,
          totalMB: round(mb),
          fixityMBps: round(mb / fixitySeconds),
          sha256sumMBps: round(mb / rawSeconds),
          ratio: round(rawSeconds / fixitySeconds, 3),
          checked: report.checked,
          chainOk: (await app.get(AuditVerifier).verify()).ok,
        }),
      );
    },
    env,
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
