import { Command } from 'commander';
import { withAccounts } from '../accounts.js';

export function userListCommand(): Command {
  return new Command('user:list')
    .description('list accounts: email, role, status, second factor, lock')
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { json?: boolean }) => {
      await withAccounts(async (users) => {
        const all = [];
        for (let offset = 0; ; offset += 200) {
          const page = await users.list({ limit: 200, offset });
          all.push(...page.items);
          if (all.length >= page.total || !page.items.length) break;
        }
        if (options.json) {
          console.log(JSON.stringify(all, null, 2));
          return;
        }
        const rows = all.map((u) => [
          u.email,
          u.role,
          u.status,
          u.mfaEnabled ? 'mfa' : '-',
          u.lockedUntil ? `locked until ${u.lockedUntil}` : '',
          u.id,
        ]);
        const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), 5));
        for (const row of rows) {
          console.log(
            row
              .map((cell, i) => (i < 4 ? cell.padEnd(widths[i]) : cell))
              .join('  ')
              .trimEnd(),
          );
        }
        if (!rows.length) console.log('no users yet: create the first with `sillok user:create --role admin ...`');
      });
    });
}
