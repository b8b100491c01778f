import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { OpenApiContract, type OpenApiDocument } from './openapi-contract.js';

/**
 * Where a run keeps the OpenAPI documents its apps served, one a set of settings: named after the
 * run's template database (one a run), removed by the global teardown.
 */
export function servedDocumentsDir(template = process.env.SILLOK_TEST_TEMPLATE): string | undefined {
  return template ? join(tmpdir(), `sillok-openapi-${template}`) : undefined;
}

const contracts = new Map<string, OpenApiContract>();

/**
 * The contract of the document an app with these settings serves. The first app of the run with
 * them is asked for its document (GET /api/openapi.json, which builds it: about 1 s of CPU), and
 * the text is kept for the run; later apps, in any worker, are the same code with the same
 * settings, so they take it from there instead of each building the document again.
 */
export async function runContract(server: Server, env: Record<string, string> = {}): Promise<OpenApiContract> {
  const dir = servedDocumentsDir();
  const key = createHash('sha256')
    .update(JSON.stringify(Object.entries(env).sort(([a], [b]) => a.localeCompare(b))))
    .digest('hex');
  const file = dir && join(dir, `${key}.json`);
  let text = file ? readIfThere(file) : undefined;
  if (text === undefined) {
    text = (await request(server).get('/api/openapi.json').expect(200)).text;
    if (dir && file) {
      mkdirSync(dir, { recursive: true });
      // Written whole, then renamed: another worker never reads half a document.
      const partial = `${file}.${process.pid}`;
      writeFileSync(partial, text);
      renameSync(partial, file);
    }
  }
  let contract = contracts.get(text);
  if (!contract) {
    contract = new OpenApiContract(JSON.parse(text) as OpenApiDocument);
    contracts.set(text, contract);
  }
  return contract;
}

function readIfThere(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
