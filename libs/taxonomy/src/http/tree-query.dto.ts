import { QueryBooleanField } from './term-fields.js';

export class TreeQueryDto {
  @QueryBooleanField()
  includeDeprecated?: boolean;
}
