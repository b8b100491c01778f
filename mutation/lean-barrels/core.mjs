// @sillok/core as the mutation run sees it: only the pure modules the rule files and their specs
// use. The real index also loads NestJS, class-validator and pino, which cost each mutant's Jest
// run seconds. A rule that starts using more of core fails to link here (a missing export): loudly.
export * from '../../libs/core/src/errors/error-code.js';
export * from '../../libs/core/src/errors/domain-error.js';
export * from '../../libs/core/src/access/permission.js';
export * from '../../libs/core/src/validation/formats.js';
