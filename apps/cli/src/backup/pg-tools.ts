import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { describeDatabaseUrl } from '@sillok/database';
import { CliError } from '../cli-runtime.js';

/**
 * pg_dump and pg_restore against a connection URL. The password goes in PGPASSWORD, never
 * on the command line (where `ps` would show it), and never into an error message.
 */
export interface PgTools {
  /** Directory of pg_dump/pg_restore; unset: found on PATH. */
  binDir?: string;
}

type Child = ChildProcessByStdio<Writable | null, Readable, Readable>;

interface PgRun {
  program: 'pg_dump' | 'pg_restore';
  url: string;
  args: string[];
  /** pg_dump writes the dump to stdout; pg_restore writes nothing worth keeping there. */
  stdout: 'pipe' | 'ignore';
}

function run(tools: PgTools, { program, url, args, stdout }: PgRun): Child {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  const child = spawn(tools.binDir ? join(tools.binDir, program) : program, [...args, `--dbname=${parsed.href}`], {
    stdio: ['ignore', stdout === 'pipe' ? 'pipe' : 'ignore', 'pipe'],
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
  }) as unknown as Child;
  return child;
}

/** Resolves when the program exits 0; otherwise rejects naming it, the database and its last words. */
function finished(child: Child, program: string, url: string): Promise<void> {
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-2000)));
  return new Promise((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new CliError(
          error.code === 'ENOENT'
            ? `${program} was not found: install the PostgreSQL client tools of the server's major version ` +
                `or name their directory with --pg-bin`
            : `${program} could not run: ${error.message}`,
        ),
      ),
    );
    child.once('close', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new CliError(
            `${program} failed on ${describeDatabaseUrl(url)} (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`,
          ),
        );
    });
  });
}

/** The database as pg_dump's custom format, streamed: the caller pipes `output` where it wants. */
export function dumpDatabase(tools: PgTools, url: string): { output: Readable; done: Promise<void> } {
  const child = run(tools, {
    program: 'pg_dump',
    url,
    args: ['--format=custom', '--no-owner', '--no-privileges'],
    stdout: 'pipe',
  });
  return { output: child.stdout, done: finished(child, 'pg_dump', url) };
}

/** Restores a custom-format dump into `url` in one transaction: all of it or nothing. */
export function restoreDatabase(tools: PgTools, url: string, file: string): Promise<void> {
  const child = run(tools, {
    program: 'pg_restore',
    url,
    args: ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', file],
    stdout: 'ignore',
  });
  return finished(child, 'pg_restore', url);
}
