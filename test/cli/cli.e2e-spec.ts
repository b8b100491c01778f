import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildProgram, COMMANDS } from '../../apps/cli/src/program.js';
import { CLI_ENTRY, runNode } from '../support/processes.js';
import { createEmptyDatabase, type TestDatabase } from '../support/test-database.js';
import { TEST_SECRETS } from '../support/test-app.js';

// Every command's modules, loaded as the file loads (not inside a test's time limit).
const { commands } = await buildProgram();

describe('the sillok command line', () => {
  it('answers --help for itself and every command', async () => {
    const top = await runNode([CLI_ENTRY, '--help'], {});
    expect(top.code).toBe(0);
    // One process start per command costs seconds each on a loaded 2-core machine (35 commands
    // took over 2 minutes), so each command's help is read in process, and one command's --help
    // is run for real to prove the exit code and the output stream.
    // A run loads only the command its first word names, by the name it is listed under here.
    expect(Object.keys(COMMANDS)).toEqual(commands.map((command) => command.name()));
    for (const command of commands) {
      expect(top.stdout).toContain(command.name());
      expect({ command: command.name(), help: command.helpInformation() }).toEqual({
        command: command.name(),
        help: expect.stringContaining(`Usage: sillok ${command.name()}`),
      });
      expect(command.description()).not.toBe('');
    }
    const one = await runNode([CLI_ENTRY, 'export', '--help'], {});
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('Usage: sillok export');
  });

  it('refuses an unknown command with a non-zero exit', async () => {
    const result = await runNode([CLI_ENTRY, 'no-such-command'], {});
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("unknown command 'no-such-command'");
  });

  describe('migrate', () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createEmptyDatabase();
    });
    afterAll(async () => {
      await database.drop();
    });

    it('applies pending migrations, then reports the database up to date', async () => {
      const env = { ...TEST_SECRETS, DATABASE_URL: database.url };
      const first = await runNode([CLI_ENTRY, 'migrate'], env);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/^applied \d+: /);
      const second = await runNode([CLI_ENTRY, 'migrate'], env);
      expect(second.stdout.trim()).toBe('database is up to date');
    });

    it('fails with one line when the database is unreachable', async () => {
      const result = await runNode([CLI_ENTRY, 'migrate'], {
        ...TEST_SECRETS,
        DATABASE_URL: 'postgres://x@127.0.0.1:1/none',
      });
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toMatch(/^sillok: cannot reach the database at 127\.0\.0\.1:1\/none/);
    });
  });
});
