import { randomUUID } from 'node:crypto';
import { DomainError } from '@sillok/core';

/**
 * The only key shape any adapter accepts: `objects/<yyyy>/<mm>/<uuid v4>`. Random, never
 * derived from user input (file names and such stay in the database), so a key can
 * neither collide with another object nor climb out of the store's root.
 */
const OBJECT_UUID = '[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';
export const OBJECT_KEY_PATTERN = new RegExp(`^objects/\\d{4}/(0[1-9]|1[0-2])/${OBJECT_UUID}$`);
/** The last part of an object key: a lower-case v4 UUID, as `randomUUID()` writes it. */
export const OBJECT_UUID_PATTERN = new RegExp(`^${OBJECT_UUID}$`);

/** Prefixes accepted by list(): `objects/`, `objects/2026/`, `objects/2026/11/`, or a key. */
const LIST_PREFIX_PATTERN = /^(objects\/(\d{4}\/((0[1-9]|1[0-2])\/([0-9a-f-]{0,36}))?)?)?$/;

export function newObjectKey(now: Date = new Date()): string {
  const year = String(now.getUTCFullYear()).padStart(4, '0');
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `objects/${year}/${month}/${randomUUID()}`;
}

export function isValidObjectKey(key: unknown): key is string {
  return typeof key === 'string' && OBJECT_KEY_PATTERN.test(key);
}

export function assertValidObjectKey(key: unknown): asserts key is string {
  if (!isValidObjectKey(key)) {
    throw DomainError.validation([{ field: 'key', reason: 'is not an object key made by newObjectKey()' }]);
  }
}

export function assertValidListPrefix(prefix: string): void {
  if (!LIST_PREFIX_PATTERN.test(prefix)) {
    throw DomainError.validation([{ field: 'prefix', reason: 'must be a leading part of an object key' }]);
  }
}
