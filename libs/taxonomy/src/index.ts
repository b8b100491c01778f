export * from './taxonomy-schemes.js';
export * from './taxonomy.module.js';
