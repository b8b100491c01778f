import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ROOT } from '../support/processes.js';

interface Service {
  image?: string;
  command?: string | string[];
  environment?: Record<string, string>;
  networks?: string[];
  ports?: string[];
  deploy?: { replicas?: number };
}
interface ComposeFile {
  services: Record<string, Service>;
  networks?: Record<string, { internal?: boolean; ipam?: { config?: Array<{ subnet?: string }> } }>;
}

// No Docker engine runs here: the scale-out stack is checked by reading it (and its Caddyfiles were checked with
// `caddy validate`, see README "Running several API processes").
const read = (path: string): string => readFileSync(`${ROOT}${path}`, 'utf8');
const scaleText = read('docker/compose.scale.yml');
const scale = parse(scaleText, { merge: true }) as ComposeFile;
const single = parse(read('docker/compose.yml'), { merge: true }) as ComposeFile;
const { api, jobs, proxy } = scale.services;

describe('docker/compose.scale.yml', () => {
  it('runs two or more API replicas that only the proxy reaches', () => {
    expect(api.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(api.ports).toBeUndefined();
    const published = Object.entries(scale.services).filter(([, s]) => s.ports?.length);
    expect(published.map(([name]) => name)).toEqual(['proxy']);
    expect(proxy.image).toMatch(/^caddy:\d+\.\d+\.\d+-alpine$/);
    expect(proxy.networks).toEqual(['proxy']);
    const caddyfile = read('docker/caddy/Caddyfile');
    expect(caddyfile).toMatch(/dynamic a \{\s*name api\s*port 3000/);
    expect(caddyfile).not.toMatch(/^\s*trusted_proxies/m); // clients' own X-Forwarded-For is never passed on
  });

  it('trusts X-Forwarded-For from exactly the proxy network', () => {
    const subnet = scale.networks?.proxy?.ipam?.config?.[0]?.subnet;
    expect(subnet).toBe('${PROXY_SUBNET:-172.28.8.0/24}');
    expect(api.environment?.TRUST_PROXY).toBe(subnet);
    expect(api.networks).toEqual(expect.arrayContaining(['proxy', 'backend']));
    // Nothing else joins the proxy network, so no other container can claim to be the proxy.
    const onProxyNetwork = Object.entries(scale.services).filter(([, s]) => s.networks?.includes('proxy'));
    expect(onProxyNetwork.map(([name]) => name).sort()).toEqual(['api', 'proxy']);
    expect(scale.networks?.backend?.internal).toBe(true);
  });

  it('runs scheduled jobs in one process only', () => {
    expect(api.environment?.FIXITY_INTERVAL_HOURS).toBe('0');
    expect(jobs.deploy?.replicas ?? 1).toBe(1);
    expect(jobs.environment?.FIXITY_INTERVAL_HOURS).toBe('${FIXITY_INTERVAL_HOURS:-24}');
    const { FIXITY_INTERVAL_HOURS: _apiHours, ...apiRest } = api.environment ?? {};
    const { FIXITY_INTERVAL_HOURS: _jobsHours, ...jobsRest } = jobs.environment ?? {};
    expect(jobsRest).toEqual(apiRest);
  });

  it('distributes MinIO over four erasure-coded nodes behind one S3 address', () => {
    const nodes = Object.entries(scale.services).filter(([, s]) => s.image?.startsWith('quay.io/minio/minio:'));
    expect(nodes.map(([name]) => name)).toEqual(['minio1', 'minio2', 'minio3', 'minio4']);
    for (const [, node] of nodes)
      expect(node.command).toBe('server --console-address :9001 http://minio{1...4}:9000/data');
    expect(read('docker/caddy/minio.Caddyfile')).toMatch(
      /reverse_proxy minio1:9000 minio2:9000 minio3:9000 minio4:9000/,
    );
    expect(api.environment?.S3_ENDPOINT).toBe('minio');
  });

  it('configures the API as the single-host stack does, apart from the proxy and the jobs', () => {
    const { TRUST_PROXY: _trust, FIXITY_INTERVAL_HOURS: _hours, ...scaled } = api.environment ?? {};
    expect(scaled).toEqual(single.services.api.environment);
    expect(scale.services['minio-init'].environment).toEqual({
      ...single.services['minio-init'].environment,
    });
  });

  it('takes every value it references from the documented env file', () => {
    const documented = new Set([...read('docker/.env.example').matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
    const referenced = new Set([...scaleText.matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]));
    expect([...referenced].filter((name) => !documented.has(name))).toEqual([]);
  });
});
