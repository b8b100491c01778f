import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DomainError } from '../errors/domain-error.js';

/** The largest value of a PostgreSQL integer: anything above cannot exist and must not reach SQL. */
export const MAX_INT32 = 2_147_483_647;

/** A route or query parameter that must be a UUID: a 400 naming the parameter, never a database error. */
@Injectable()
export class ParseIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    const field = metadata.data ?? 'id';
    if (typeof value !== 'string' || !isUUID(value)) {
      throw DomainError.validation([{ field, reason: `${field} must be a UUID` }]);
    }
    return value;
  }
}

/** A whole number from 1 (a revision, a sequence number): a 400 naming the parameter when it is not one. */
@Injectable()
export class ParsePositiveIntPipe implements PipeTransform<unknown, number> {
  transform(value: unknown, metadata: ArgumentMetadata): number {
    const field = metadata.data ?? 'value';
    // The global validation pipe may already have turned the text into a number.
    const text = typeof value === 'number' || typeof value === 'string' ? String(value) : '';
    const number = /^[0-9]{1,10}$/.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(number) || number < 1 || number > MAX_INT32) {
      throw DomainError.validation([{ field, reason: `${field} must be a whole number from 1 to ${MAX_INT32}` }]);
    }
    return number;
  }
}
