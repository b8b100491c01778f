import type { MigrationList } from '@sillok/database';
import { EnableExtensions1764270000000 } from './1764270000000-enable-extensions.js';
import { CreateAuditEvents1764280000000 } from './1764280000000-create-audit-events.js';

/** Every migration, oldest first. Append new ones; never edit one that has landed. */
export const MIGRATIONS: MigrationList = [EnableExtensions1764270000000, CreateAuditEvents1764280000000];
