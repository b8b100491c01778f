import { existsSync, readFileSync } from 'node:fs';
import { Command } from 'commander';
import { CliError } from '../cli-runtime.js';

/** Offline: reads only the ZIP (and the key file); no settings, no database. */
export function verifyCommand(): Command {
  return new Command('verify')
    .description(
      'check an exported bundle offline: every hash, Payload-Oxum and the Ed25519 signature; exit 1 on any failure',
    )
    .argument('<bundle.zip>', 'the exported ZIP')
    .option(
      '--public-key <file>',
      "the sender's published PEM public key (default: the key inside the bag, with a warning)",
    )
    .action(async (bundle: string, options: { publicKey?: string }) => {
      if (!existsSync(bundle)) throw new CliError(`${bundle}: no such file`);
      if (options.publicKey && !existsSync(options.publicKey)) throw new CliError(`${options.publicKey}: no such file`);
      // Loaded here, not at start: PDF and font code would slow down every other command.
      const { verifyBagZip } = await import('@sillok/exports');
      const publicKeyPem = options.publicKey ? readFileSync(options.publicKey, 'utf8') : undefined;
      const report = await verifyBagZip(bundle, { publicKeyPem });
      for (const warning of report.warnings) process.stderr.write(`warning: ${warning}\n`);
      for (const failure of report.failures) console.log(`FAIL ${failure}`);
      const name = report.bagInfo['External-Identifier'] ?? report.root ?? bundle;
      if (!report.ok) throw new CliError(`bundle ${name}: ${report.failures.length} failure(s)`);
      console.log(
        `bundle ${name} OK: ${report.payloadFiles} payload files, Payload-Oxum ${report.bagInfo['Payload-Oxum']}, signature valid`,
      );
    });
}
