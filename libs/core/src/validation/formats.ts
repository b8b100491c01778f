import { DomainError } from '../errors/domain-error.js';

/** Any RFC 9562 UUID (not only v4), either case. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A BCP 47 language tag such as ko, en or zh-Hant. */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** An ISO 3166-1 alpha-2 country code such as KR. */
export const COUNTRY = /^[A-Z]{2}$/;

/** Ids must be uuids: anything else is the caller's mistake, named by `field`. Repeats dropped. */
export function requireUuids(ids: string[], field: string): string[] {
  if (ids.some((id) => !isUuid(id))) throw DomainError.validation([{ field, reason: 'each id must be a UUID' }]);
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}
