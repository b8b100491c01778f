import type { MigrationInterface } from 'typeorm';

/** Migrations are listed as classes (not globbed), so tests and the build load the same set. */
export type MigrationList = Array<new () => MigrationInterface>;
