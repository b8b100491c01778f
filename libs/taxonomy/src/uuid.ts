import { DomainError } from '@sillok/core';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Ids must be uuids: anything else is the caller's mistake, named by `field`. Repeats dropped. */
export function requireUuids(ids: string[], field: string): string[] {
  if (ids.some((id) => !isUuid(id))) throw DomainError.validation([{ field, reason: 'each id must be a UUID' }]);
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}
