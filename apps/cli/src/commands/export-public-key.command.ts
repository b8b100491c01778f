import { Command } from 'commander';
import { fillDevelopmentSecrets, loadSettings } from '@sillok/config';

/** For publishing: recipients check bags against this key, never the copy inside a bag. */
export function exportPublicKeyCommand(): Command {
  return new Command('export:public-key')
    .description(
      'print the PEM public key that verifies exported bags, and its SHA-256 fingerprint (no database needed)',
    )
    .action(async () => {
      const settings = loadSettings();
      if (settings.NODE_ENV !== 'production') fillDevelopmentSecrets(settings);
      // Loaded here, not at start: PDF and font code would slow down every other command.
      const { ExportSigningKey } = await import('@sillok/exports');
      const key = ExportSigningKey.fromSettings(settings);
      process.stdout.write(key.publicKeyPem);
      process.stderr.write(`fingerprint (SHA-256 of the DER public key): ${key.fingerprint}\n`);
    });
}
