export * from './audit-action.js';
export * from './audit-event.input.js';
export * from './audit-chain.js';
export * from './audit-chain.checker.js';
export * from './audit-signing-key.js';
export * from './audit-checkpoint.js';
export * from './audit-case-scope.js';
export * from './audit-event.filter.js';
export * from './audit-per-row.js';
export * from './audit.service.js';
export * from './audit-sealer.js';
export * from './audit-custody.js';
export * from './audit-verifier.service.js';
export * from './audit-checkpoint.service.js';
export * from './audit-read.service.js';
// The read route's controller and query: test/audit/audit-read.e2e-spec.ts calls them directly.
export { ListAuditEventsQuery } from './http/list-audit-events.query.js';
export { AuditController } from './http/audit.controller.js';
export * from './audit.module.js';
