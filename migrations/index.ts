import type { MigrationList } from '@sillok/database';
import { EnableExtensions1764270000000 } from './1764270000000-enable-extensions.js';
import { CreateAuditEvents1764280000000 } from './1764280000000-create-audit-events.js';
import { CreateTaxonomyTerms1764300000000 } from './1764300000000-create-taxonomy-terms.js';
import { CreateTaxonomyTermKeys1764300001000 } from './1764300001000-create-taxonomy-term-keys.js';
import { SeedTaxonomyTerms1764300002000 } from './1764300002000-seed-taxonomy-terms.js';

/** Every migration, oldest first. Append new ones; never edit one that has landed. */
export const MIGRATIONS: MigrationList = [
  EnableExtensions1764270000000,
  CreateAuditEvents1764280000000,
  CreateTaxonomyTerms1764300000000,
  CreateTaxonomyTermKeys1764300001000,
  SeedTaxonomyTerms1764300002000,
];
