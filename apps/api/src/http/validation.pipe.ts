import { ValidationPipe } from '@nestjs/common';
import { DomainError, flattenValidationErrors } from '@sillok/core';

/** Unknown fields are refused, types are converted, and each failure names its field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => DomainError.validation(flattenValidationErrors(errors)),
  });
}
