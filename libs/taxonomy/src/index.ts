export * from './taxonomy-schemes.js';
export * from './taxonomy-term.entity.js';
export * from './taxonomy-term.view.js';
export * from './taxonomy.service.js';
export * from './taxonomy-manage.service.js';
export * from './taxonomy.module.js';
export * from './taxonomy.responses.js';
