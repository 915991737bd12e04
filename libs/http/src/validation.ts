import { ParseUUIDPipe, ValidationError, ValidationPipe } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { MalformedJsonException, ValidationFailedException } from './domain.exception';
import type { FieldError } from './problem-details';

/** Flattens class-validator's nested errors into one entry per field (dotted paths), its distinct messages joined. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const messages = [...new Set(Object.values(error.constraints ?? {}).map((message) => unknownFieldMessage(message, field)))];
    const own = messages.length ? [{ field, message: messages.join('；') }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

function unknownFieldMessage(message: string, field: string): string {
  return /should not exist/.test(message) ? `不允许的字段 ${field}（property ${field} should not exist）` : message;
}

/** The global pipe: whitelist, forbid unknown fields, transform; failures become problem+json naming each field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new ValidationFailedException(flattenValidationErrors(errors)),
  });
}

/** Express error middleware after the JSON parser: a body that does not parse becomes a 400 naming the body. */
export function namedBodyErrors(error: unknown, _req: Request, _res: Response, next: NextFunction): void {
  const parseFailed = (error as { type?: string } | undefined)?.type === 'entity.parse.failed';
  next(parseFailed ? new MalformedJsonException((error as Error).message) : error);
}

/** A UUID route parameter; anything else is a 400 naming the parameter, like every other invalid field. */
export function uuidParam(field: string, noun = '编号'): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => new ValidationFailedException([{ field, message: `${field} 必须是${noun}（UUID）` }]) });
}
