import { ApiProperty } from '@nestjs/swagger';
import type { Page } from './page-query.dto.js';

/**
 * The OpenAPI shape of one page of `item`, declared once: a route's page class extends it
 * (`class UserPageResponse extends PageResponseOf(UserResponse) {}`) and keeps its own schema name.
 */
export function PageResponseOf<T>(item: abstract new (...args: never[]) => T) {
  abstract class PageResponse implements Page<T> {
    @ApiProperty({ type: [item] })
    items: T[];

    @ApiProperty()
    total: number;

    @ApiProperty()
    limit: number;

    @ApiProperty()
    offset: number;
  }
  return PageResponse;
}
