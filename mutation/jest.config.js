// Jest for the mutation run: only the rules' unit specs, no global setup (no database).
import base from '../jest.config.js';
import { RULE_SPECS } from './rule-files.mjs';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
const { displayName, ...unit } = base.projects.find((project) => project.displayName === 'unit');

export default {
  ...unit,
  rootDir: '..',
  testMatch: RULE_SPECS,
  // findRelatedTests (each mutant runs only the specs that import its file) walks the dependencies of
  // every file Jest knows: knowing only libs/ and mutation/ (not apps/, test/, bench/) halves each run.
  roots: ['<rootDir>/libs', '<rootDir>/mutation'],
  // Every mutant is one Jest run that loads its specs afresh: lean barrels keep that to the rule
  // modules themselves (see mutation/lean-barrels/). Listed first: Jest takes the first mapping that matches.
  moduleNameMapper: {
    '^@sillok/(core|auth)$': '<rootDir>/mutation/lean-barrels/$1.mjs',
    ...unit.moduleNameMapper,
  },
};
