// Jest for the mutation run: only the rules' unit specs, no global setup (no database).
import base from '../jest.config.js';
import { RULE_SPECS } from './rule-files.mjs';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
const { displayName, ...unit } = base.projects.find((project) => project.displayName === 'unit');

export default { ...unit, rootDir: '..', testMatch: RULE_SPECS };
