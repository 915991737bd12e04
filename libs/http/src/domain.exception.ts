import { HttpException } from '@nestjs/common';
import type { FieldError } from './problem-details';

/**
 * A refusal the API explains to its user: a stable code, an HTTP status and a Chinese message,
 * plus any extension members (current stage, allowed transitions, …) that belong in the problem body.
 */
export class DomainException extends HttpException {
  constructor(
    readonly code: string,
    status: number,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
    readonly errors?: FieldError[],
  ) {
    super(detail, status);
  }
}

/** 400 naming each invalid field. */
export class ValidationFailedException extends DomainException {
  constructor(errors: FieldError[]) {
    super('validation_failed', 400, `请求参数有误：${errors.map((error) => error.field).join('、')}`, {}, errors);
  }
}

/** 400 for a body that is not JSON at all. */
export class MalformedJsonException extends DomainException {
  constructor(parserMessage: string) {
    super('malformed_json', 400, '请求体不是合法的 JSON', {}, [{ field: 'body', message: `请求体不是合法的 JSON：${parserMessage}` }]);
  }
}

/** 429: try again in `retryAfterSeconds` (sent as the Retry-After header as well as in the body). */
export class TooManyRequestsException extends DomainException {
  constructor(
    code: string,
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, 429, detail, { retryAfterSeconds });
  }
}
