import { DomainError, type FieldError } from './domain-error.js';
import { ErrorCode } from './error-code.js';

/**
 * Runs `work`; a validation error it throws names its fields below `prefix`, as the request
 * body has them (`tags.2.violationTermIds` for a tag given inside a testimony).
 */
export async function withFieldPrefix<T>(prefix: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== ErrorCode.Validation) throw error;
    const errors = (error.extensions.errors as FieldError[] | undefined) ?? [];
    throw DomainError.validation(errors.map((e) => ({ ...e, field: `${prefix}.${e.field}` })));
  }
}
