import type { MigrationList } from '@sillok/database';
import { EnableExtensions1764270000000 } from './1764270000000-enable-extensions.js';
import { CreateAuditEvents1764280000000 } from './1764280000000-create-audit-events.js';
import { CreateWitnesses1764320000000 } from './1764320000000-create-witnesses.js';
import { CreateWitnessIdentities1764320000001 } from './1764320000001-create-witness-identities.js';
import { CreateTestimonies1764320000002 } from './1764320000002-create-testimonies.js';
import { CreateTestimonyRevisions1764320000003 } from './1764320000003-create-testimony-revisions.js';
import { CreateConsentRecords1764320000004 } from './1764320000004-create-consent-records.js';

/** Every migration, oldest first. Append new ones; never edit one that has landed. */
export const MIGRATIONS: MigrationList = [
  EnableExtensions1764270000000,
  CreateAuditEvents1764280000000,
  CreateWitnesses1764320000000,
  CreateWitnessIdentities1764320000001,
  CreateTestimonies1764320000002,
  CreateTestimonyRevisions1764320000003,
  CreateConsentRecords1764320000004,
];
