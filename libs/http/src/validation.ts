import { ArgumentMetadata, ParseUUIDPipe, PipeTransform, ValidationError, ValidationPipe } from '@nestjs/common';
import { Transform } from 'class-transformer';
import type { NextFunction, Request, Response } from 'express';
import type { ValidationOptions } from 'class-validator';
import { DomainException, type FieldErrorInput, MalformedJsonException, ValidationFailedException } from './domain.exception';
import { type ErrorCode, type ErrorParam, type Language, type LocalizedText, localize, renderError } from './error-catalogue';
import type { FieldError } from './problem-details';

/**
 * A validation decorator's message in Chinese and English, spread into its options:
 * `@IsString(say('comment 必须是文字', 'comment must be text'))`, or `{ ...say(zh, en), each: true }`. The Chinese is the
 * decorator's `message`; the English rides in its `context` (class-validator hands it back in `ValidationError.contexts`).
 */
export function say(zh: string, en: string): ValidationOptions;
export function say(text: LocalizedText): ValidationOptions;
export function say(zh: string | LocalizedText, en?: string): ValidationOptions {
  const text = typeof zh === 'string' ? { zh, en: en ?? zh } : zh;
  return { message: text.zh, context: { en: text.en } };
}

/**
 * class-validator's nested errors as one field error per field (dotted paths), its distinct messages joined, in both
 * languages: a decorator's own message in Chinese with its English from `say()`; without a message of its own,
 * class-validator's (English) message for both; an unknown field named in each language.
 */
export function validationFieldErrors(errors: ValidationError[], parent = ''): FieldErrorInput[] {
  return errors.flatMap((error) => {
    // An empty key (`?=x`, `{"": 1}`) is still named: as "" rather than as nothing.
    const property = error.property === '' ? '""' : error.property;
    const field = parent ? `${parent}.${property}` : property;
    const texts = Object.entries(error.constraints ?? {}).map(([type, message]) =>
      constraintText(type, message, field, error.contexts?.[type] as object | undefined, error),
    );
    const joined = (language: Language, separator: string) => [...new Set(texts.map((text) => text[language]))].join(separator);
    const own = texts.length ? [{ field, message: { zh: joined('zh', '；'), en: joined('en', '; ') } }] : [];
    return [...own, ...validationFieldErrors(error.children ?? [], field)];
  });
}

/** The same field errors in one language (the milestone import writes Chinese into its sheet). */
export function flattenValidationErrors(errors: ValidationError[], language: Language = 'zh'): FieldError[] {
  return validationFieldErrors(errors).map((error) => ({ field: error.field, message: localize(error.message, language) }));
}

function constraintText(type: string, message: string, field: string, context: { en?: unknown } | undefined, error: ValidationError): LocalizedText {
  if (type === 'whitelistValidation') {
    return { zh: `不允许的字段 ${field}（property ${field} should not exist）`, en: `Field ${field} is not allowed (property ${field} should not exist)` };
  }
  // A message that depends on the refused value gives its English as a function of the property and the value.
  const en = typeof context?.en === 'function' ? (context.en as (property: string, value: unknown) => unknown)(error.property, error.value) : context?.en;
  return { zh: message, en: typeof en === 'string' ? en : message };
}

/** The global pipe: whitelist, forbid unknown fields, transform; failures become problem+json naming each field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new ValidationFailedException(validationFieldErrors(errors)),
  });
}

/** The body size the JSON parser accepts. */
export const MAX_JSON_BYTES = 2 * 1024 * 1024;

/**
 * Express error middleware after the JSON parser: each of its refusals becomes problem+json naming `body`, in
 * Chinese (body-parser's own messages are English and name nothing).
 */
export function namedBodyErrors(error: unknown, _req: Request, _res: Response, next: NextFunction): void {
  const bodyError = (code: ErrorCode, params: Record<string, ErrorParam> = {}) =>
    new DomainException(code, params, { errors: [{ field: 'body', message: { zh: renderError(code, params, 'zh'), en: renderError(code, params, 'en') } }] });
  switch ((error as { type?: string } | undefined)?.type) {
    case 'entity.parse.failed':
      return next(new MalformedJsonException((error as Error).message));
    case 'entity.too.deep':
      return next(bodyError('body_too_deep', { depth: MAX_JSON_DEPTH }));
    case 'entity.too.large':
      return next(bodyError('body_too_large', { megabytes: MAX_JSON_BYTES / 1024 / 1024 }));
    case 'charset.unsupported':
      return next(bodyError('unsupported_charset'));
    case 'encoding.unsupported':
      return next(bodyError('unsupported_encoding'));
    case 'request.aborted':
    case 'request.size.invalid':
      return next(bodyError('body_incomplete'));
    default:
      return next(error);
  }
}

/** A UUID route parameter; anything else is a 400 naming the parameter, like every other invalid field. */
export function uuidParam(field: string, noun = '编号'): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => new ValidationFailedException([{ field, message: { zh: `${field} 必须是${noun}（UUID）`, en: `${field} must be an id (UUID)` } }]),
  });
}

/** JSON nested deeper than this is refused at parse time: no request of this API nests more than three levels. */
export const MAX_JSON_DEPTH = 32;
/** PostgreSQL's integer: versions and counts stored in an int4 column are at most this. */
export const MAX_INT32 = 2_147_483_647;

/**
 * body-parser's `verify` hook: counts the nesting of the raw JSON before it is parsed (strings skipped), so a body
 * nested 10,000 deep is refused in one pass instead of overflowing a recursive validator's stack.
 */
export function refuseDeepJson(_req: unknown, _res: unknown, body: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i += 1) {
    const byte = body[i];
    if (inString) {
      if (byte === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) {
      depth += 1;
      if (depth > MAX_JSON_DEPTH) throw Object.assign(new Error('JSON nested too deep'), { type: 'entity.too.deep' });
    } else if (byte === 0x7d || byte === 0x5d) depth -= 1;
  }
}

/** Trims a string before it is validated, so a whitespace-only value fails `MinLength(1)` / `IsNotEmpty()`. */
export function Trim(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
}

/**
 * The first place in a parsed value where text has a NUL byte or a lone UTF-16 surrogate (PostgreSQL refuses
 * the one, and the other is not text at all), as a dotted path; keys count too. Undefined when clean.
 */
export function findUnsafeText(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return UNSAFE_TEXT.test(value) ? path : undefined;
  if (typeof value !== 'object' || value === null || depth > MAX_JSON_DEPTH) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const childPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (UNSAFE_TEXT.test(key)) return childPath;
    const found = findUnsafeText(child, childPath, depth + 1);
    if (found) return found;
  }
  return undefined;
}

// NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Runs before the ValidationPipe on every body, query and route parameter a handler takes: text with a NUL byte or
 * a lone surrogate is a 400 naming the field (the body's dotted path, the query key, the parameter's name).
 */
export class UnsafeTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query' && metadata.type !== 'param') return value;
    const found = findUnsafeText(value, metadata.data ?? '');
    if (found !== undefined) {
      const field = found || metadata.type;
      throw new ValidationFailedException([
        {
          field,
          message: {
            zh: `${field} 含有不允许的字符（NUL 或不成对的 UTF-16 代理项）`,
            en: `${field} has characters that are not allowed (NUL or an unpaired UTF-16 surrogate)`,
          },
        },
      ]);
    }
    return value;
  }
}
