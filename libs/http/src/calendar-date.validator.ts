import { isCalendarDate } from '@qj/domain';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => isCalendarDate(value),
        defaultMessage: (args) => `${args?.property} 必须是有效日期，格式 YYYY-MM-DD`,
      },
    },
    options,
  );
}
