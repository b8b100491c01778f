import { Command } from 'commander';
import { AuditSigningKey } from '@sillok/audit';
import { loadSettings, fillDevelopmentSecrets } from '@sillok/config';

export function auditPublicKeyCommand(): Command {
  return new Command('audit:public-key')
    .description('print the PEM public key that verifies audit checkpoints (no database needed)')
    .action(() => {
      const settings = loadSettings();
      if (settings.NODE_ENV !== 'production') fillDevelopmentSecrets(settings);
      process.stdout.write(AuditSigningKey.fromSettings(settings).publicKeyPem);
    });
}
