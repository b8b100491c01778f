export * from './search.module.js';
export * from './search.service.js';
export * from './search-filters.js';
// SearchService.search takes it (test/search/search-bounded.e2e-spec.ts builds one).
export { SearchQuery } from './http/search.query.js';
export * from './patterns/patterns.service.js';
export * from './patterns/patterns.view.js';
export * from './corroboration/corroboration-rule.js';
export * from './corroboration/corroboration.service.js';
export * from './text/search-text.js';
export * from './text/snippet.js';
export * from './search-facets.js';
export * from './search-statements.js';
export * from './search-cursor.js';
export * from './search-gate.js';
export * from './search-plan.js';
export * from './search-page.js';
