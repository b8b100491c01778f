import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { SENSITIVE_SETTINGS, settingNames } from '@sillok/config';
import { buildProgram } from '../../apps/cli/src/program.js';
import { ROOT } from '../support/processes.js';

// The README is the front door: it must name every setting and every command that exists.
const readme = readFileSync(`${ROOT}README.md`, 'utf8');
const program = await buildProgram();

describe('README', () => {
  it('documents every setting in the configuration table', () => {
    const names = [...new Set([...settingNames(), ...SENSITIVE_SETTINGS.keys()])];
    expect(names.filter((name) => !readme.includes(`| \`${name}\``))).toEqual([]);
  });

  it('documents every command of the CLI', () => {
    const commands = program.commands.map((c) => c.name());
    expect(commands.filter((name) => !readme.includes(`\`sillok ${name}`))).toEqual([]);
  });

  it('shows the two commands at the top', () => {
    const top = readme.slice(0, 1500);
    expect(top).toContain('npm install && npm start');
    expect(top).toContain('npm test');
  });
});
