import { isCalendarDate } from '@qj/domain';
import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * A real calendar date written YYYY-MM-DD (2026-02-30 is refused). Without a message of its own (`say()`), it says so
 * in both languages, naming the property.
 */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, property) =>
    ValidateBy(
      {
        name: 'isCalendarDate',
        validator: {
          validate: (value: unknown) => isCalendarDate(value),
          defaultMessage: (args) => `${args?.property} 必须是有效日期，格式 YYYY-MM-DD`,
        },
      },
      options?.message
        ? options
        : { ...options, context: { en: `${String(property)} must be a valid date such as 2026-03-31`, ...(options?.context as object | undefined) } },
    )(target, property);
}
