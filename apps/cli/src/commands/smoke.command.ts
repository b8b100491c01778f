import { Command } from 'commander';
import { printReportLine } from '../report-line.js';
import { CliError } from '../cli-runtime.js';
import { runSmoke } from '../smoke/smoke-run.js';

/** Over HTTP only: no settings, no database. */
export function smokeCommand(): Command {
  return new Command('smoke')
    .description(
      'check a deployment end to end over HTTP: log in, scratch coordinator and case, upload, read back, export, ' +
        'verify the bundle, clean up; one line per step, exit 1 when one fails',
    )
    .requiredOption('--url <base-url>', 'where the API answers, e.g. https://sillok.example.org')
    .requiredOption(
      '--email <email>',
      'an administrator without a second factor (create one for this and disable it after)',
    )
    .option('--password-stdin', 'read the administrator password from standard input (default: SILLOK_SMOKE_PASSWORD)')
    .action(async (options: { url: string; email: string; passwordStdin?: boolean }) => {
      const password = options.passwordStdin
        ? (await readStdin()).replace(/\r?\n$/, '')
        : process.env.SILLOK_SMOKE_PASSWORD;
      if (!password)
        throw new CliError('give the administrator password on stdin (--password-stdin) or in SILLOK_SMOKE_PASSWORD');
      let url: URL;
      try {
        url = new URL(options.url);
      } catch {
        throw new CliError(`--url ${options.url}: not a URL`);
      }
      if (!(await runSmoke({ url: url.href, email: options.email, password }, printReportLine))) {
        throw new CliError(`smoke test of ${url.origin} failed`);
      }
      console.log(`smoke test of ${url.origin} passed`);
    });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}
