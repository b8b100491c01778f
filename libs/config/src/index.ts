export * from './settings.schema.js';
export * from './settings-error.js';
export * from './sensitive.decorator.js';
export * from './load-settings.js';
export * from './development-secrets.js';
export * from './config.module.js';
export * from './signing-key.js';
export * from './api-process-settings.js';
