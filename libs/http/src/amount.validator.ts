import { amountRefusalText, parseAmount } from '@qj/domain';
import { Transform } from 'class-transformer';
import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * An amount in 万元 (`@Amount() plannedInvestment: string`): a JSON number or a decimal string, at most two decimals,
 * not negative, at most 10⁸. A valid one arrives in the DTO as the exact string `"1234.50"`; an invalid one is
 * refused naming the field with what is wrong. `null` and `undefined` pass through (pair with `@IsOptional` /
 * `@ValidateIf` where the field may be absent or cleared).
 */
function refusalOf(property: string, value: unknown, language: 'zh' | 'en'): string {
  const parsed = parseAmount(value);
  return amountRefusalText(property, parsed.ok ? 'not_a_number' : parsed.reason, language);
}

export function Amount(options?: ValidationOptions): PropertyDecorator {
  const transform = Transform(({ value }: { value: unknown }) => {
    if (value === null || value === undefined) return value;
    const parsed = parseAmount(value);
    // An invalid value stays as sent, for the validator to say what is wrong with it.
    return parsed.ok ? parsed.value : value;
  });
  const validate = ValidateBy(
    {
      name: 'isAmount',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseAmount(value).ok,
        defaultMessage: (args) => refusalOf(args?.property ?? 'amount', args?.value, 'zh'),
      },
    },
    // The English twin depends on the value as well: validationFieldErrors calls it with the refused value.
    { ...options, context: { en: (property: string, value: unknown) => refusalOf(property, value, 'en') } },
  );
  return (target, key) => {
    transform(target, key);
    validate(target, key);
  };
}
