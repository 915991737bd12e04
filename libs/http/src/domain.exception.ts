import { HttpException } from '@nestjs/common';
import { ERRORS, type ErrorCode, type ErrorParam, type ErrorParams, type Language, type LocalizedText, localize, renderError } from './error-catalogue';
import type { FieldError } from './problem-details';

/** A field error as thrown: its message may read differently per language; the problem filter picks one. */
export interface FieldErrorInput {
  field: string;
  message: string | LocalizedText;
}

export interface DomainExceptionOptions {
  /** Members of the problem body beyond the standard ones (current stage, allowed transitions, …). */
  extensions?: Record<string, unknown>;
  errors?: FieldErrorInput[];
}

/**
 * A refusal the API explains to its user: a code of the catalogue (`error-catalogue.ts`), which fixes the HTTP
 * status and the message in each language, the params its message needs, and any extension members.
 */
export class DomainException extends HttpException {
  readonly extensions: Record<string, unknown>;
  readonly fieldErrors?: FieldErrorInput[];

  constructor(
    readonly code: ErrorCode,
    readonly params: Readonly<Record<string, ErrorParam>> = {},
    options: DomainExceptionOptions = {},
  ) {
    super(renderError(code, params, 'zh'), ERRORS[code].status);
    this.extensions = options.extensions ?? {};
    this.fieldErrors = options.errors;
  }

  detailIn(language: Language): string {
    return renderError(this.code, this.params, language);
  }

  errorsIn(language: Language): FieldError[] | undefined {
    return this.fieldErrors?.map((error) => ({ field: error.field, message: localize(error.message, language) }));
  }
}

type Arguments<C extends ErrorCode> = [keyof ErrorParams<C>] extends [never]
  ? [params?: Record<string, never>, options?: DomainExceptionOptions]
  : [params: ErrorParams<C>, options?: DomainExceptionOptions];

/** The typed way to refuse: `throw domainError('project_not_found', { id })` — a code not in the catalogue, or a missing param, does not compile. */
export function domainError<C extends ErrorCode>(code: C, ...[params, options]: Arguments<C>): DomainException {
  return new DomainException(code, params ?? {}, options);
}

/** 400 naming each invalid field. */
export class ValidationFailedException extends DomainException {
  constructor(errors: FieldErrorInput[]) {
    const fields = errors.map((error) => error.field);
    super('validation_failed', { fields: { zh: fields.join('、'), en: fields.join(', ') } }, { errors });
  }
}

/** 400 for a body that is not JSON at all. */
export class MalformedJsonException extends DomainException {
  constructor(parserMessage: string) {
    super(
      'malformed_json',
      {},
      { errors: [{ field: 'body', message: { zh: `请求体不是合法的 JSON：${parserMessage}`, en: `The request body is not valid JSON: ${parserMessage}` } }] },
    );
  }
}

/** 429: try again in `retryAfterSeconds` (sent as the Retry-After header as well as in the body). */
export class TooManyRequestsException extends DomainException {
  constructor(
    code: ErrorCode,
    params: Readonly<Record<string, ErrorParam>>,
    readonly retryAfterSeconds: number,
  ) {
    super(code, params, { extensions: { retryAfterSeconds } });
  }
}
