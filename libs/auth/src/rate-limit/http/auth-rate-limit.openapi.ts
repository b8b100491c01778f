import { ApiTooManyRequestsResponse } from '@nestjs/swagger';

/** Declares the 429 of AuthRateLimitGuard on the controllers that use it. */
export const ApiAuthRateLimited = () =>
  ApiTooManyRequestsResponse({ description: 'too many requests from this address to this route; see Retry-After' });
