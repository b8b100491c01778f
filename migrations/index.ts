import type { MigrationList } from '@sillok/database';
import { EnableExtensions1764270000000 } from './1764270000000-enable-extensions.js';

/** Every migration, oldest first. Append new ones; never edit one that has landed. */
export const MIGRATIONS: MigrationList = [EnableExtensions1764270000000];
