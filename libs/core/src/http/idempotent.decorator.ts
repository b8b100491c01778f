import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiConflictResponse, ApiHeader } from '@nestjs/swagger';

export const IDEMPOTENT_KEY = 'sillok:idempotent';

/**
 * A create route that honours an `Idempotency-Key` header: the same key with the same body
 * replays the first answer instead of creating again; with another body it is refused (409).
 * Only for routes whose service builds its answer inside one transaction (the answer is
 * stored there); never for routes that answer with secrets or identities.
 */
export const Idempotent = () =>
  applyDecorators(
    SetMetadata(IDEMPOTENT_KEY, true),
    ApiConflictResponse({ description: 'this Idempotency-Key was already used with another request body' }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Any unique string (a UUID) per record to create. Retrying with the same key and body within 24 hours ' +
        'answers the first result (header Idempotent-Replayed: true) instead of creating a duplicate.',
    }),
  );
