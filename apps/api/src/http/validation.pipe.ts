import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { DomainError, flattenValidationErrors, refuseNulCharacters } from '@sillok/core';
import { cacheValidationMetadata } from './validation-metadata-cache.js';

/**
 * Unknown fields are refused, types are converted, and each failure names its field.
 * Strings holding a NUL character are refused first, whatever the DTO says: PostgreSQL
 * cannot store them.
 */
class SillokValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    refuseNulCharacters(value, metadata.type === 'param' || metadata.type === 'query' ? (metadata.data ?? '') : '');
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new SillokValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => DomainError.validation(flattenValidationErrors(errors)),
  });
}
