import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';

/** Query strings carry text: 'true' and 'false' become booleans, anything else stays as sent (and fails IsBoolean). */
export const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/** A boolean that may come from a query string ('true' / 'false'); anything else is a 400 naming the field. */
export function ValidateBoolean(): PropertyDecorator {
  return applyDecorators(Transform(toBoolean), IsBoolean());
}
