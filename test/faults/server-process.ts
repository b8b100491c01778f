import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { exited, freePort, startServer, waitForHealthy } from '../support/processes.js';
import { TEST_SECRETS } from '../support/test-app.js';

export interface ServerProcess {
  child: ChildProcess & { output: () => string };
  port: number;
  dataDir: string;
  url(path: string): string;
  /** Sends the signal and resolves with the exit code (null when a signal ended it). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Kills it if still running and removes its data directory. */
  dispose(): Promise<void>;
}

/**
 * The built API as its own process on `databaseUrl` (the tests' database, seeded by an
 * in-process test app): faults such as signals and killed connections need a real process.
 */
export async function startServerProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
  options: { dataDir?: string } = {},
): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sillok-fault-'));
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const child = startServer({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    DATABASE_URL: databaseUrl,
    SILLOK_DATA_DIR: dataDir,
    PORT: String(port),
    ...TEST_SECRETS,
    ...env,
  });
  await waitForHealthy(port).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${child.output()}`);
  });
  return {
    child,
    port,
    dataDir,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    stop: async (signal = 'SIGTERM') => {
      const code = exited(child);
      child.kill(signal);
      return code;
    },
    dispose: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited(child);
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
