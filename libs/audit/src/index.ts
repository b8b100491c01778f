export * from './audit-action.js';
export * from './audit-event.input.js';
export * from './audit-chain.js';
export * from './canonical-json.js';
export * from './audit-chain.checker.js';
export * from './audit.service.js';
export * from './audit-verifier.service.js';
export * from './audit.module.js';
