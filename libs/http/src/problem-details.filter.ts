import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { DomainException, TooManyRequestsException } from './domain.exception';
import { type ErrorCode, type ErrorParam, type Language, languageOf, renderError } from './error-catalogue';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, STATUS_TITLES, STATUS_TITLES_EN, problemType } from './problem-details';

/** What a 503 tells clients to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;

/** Errors that mean PostgreSQL or Redis cannot be reached right now: the client gets 503, not a stack trace. */
export function isBackendUnavailable(error: unknown): boolean {
  // Duck-typed, not `instanceof Error`: socket errors are made by Node's core, which in a VM context (Jest) is another realm.
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  const driverCode = (error as { driverError?: { code?: unknown } }).driverError?.code;
  const codes = [code, driverCode].filter((value): value is string => typeof value === 'string');
  if (codes.some((value) => ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN'].includes(value))) return true;
  // SQLSTATE class 08 (connection exception), 57P01-57P03 (shutdown, cannot connect now).
  if (codes.some((value) => /^08/.test(value) || /^57P0[123]$/.test(value))) return true;
  const message = (error as { message?: unknown }).message;
  return (
    typeof message === 'string' &&
    /Connection terminated|timeout exceeded when trying to connect|Connection is closed|Reached the max retries|MaxRetriesPerRequest|Stream isn't writeable|Query read timeout/i.test(
      message,
    )
  );
}

/** Maps every error to RFC 9457 problem details; a 500 hides its cause and carries an error id that is in the log. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const language = languageOf(request.headers['accept-language']);
    const problem = this.toProblem(exception, request, language);
    if (problem.status === HttpStatus.FORBIDDEN) this.logDenial(problem, request);
    if (response.headersSent) return;
    response.setHeader('Content-Language', language === 'en' ? 'en' : 'zh-CN');
    response.vary('Accept-Language');
    // Outages are short (a restart, a failover): tell clients when to try again rather than leave them guessing.
    if (problem.status === HttpStatus.SERVICE_UNAVAILABLE) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    if (exception instanceof TooManyRequestsException) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  /** Every refusal of a signed-in user, wherever it was decided (guard or use case), with who, what and where: a pattern is worth a look. */
  private logDenial(problem: ProblemDetails, request: Request): void {
    const user = (request as Request & { user?: { id: string; username: string; role: string; unitId: string | null } }).user;
    const { type: _type, title: _title, status: _status, detail: _detail, instance: _instance, errors: _errors, ...context } = problem;
    this.logger.warn(
      {
        userId: user?.id,
        username: user?.username,
        role: user?.role,
        unitId: user?.unitId,
        method: request.method,
        route: (request.route as { path?: string } | undefined)?.path,
        url: request.originalUrl,
        ...context,
      },
      'access denied',
    );
  }

  private toProblem(exception: unknown, request: Request, language: Language): ProblemDetails {
    const instance = request.originalUrl ?? request.url;
    const title = (status: number) => titleOf(status, language);
    const coded = (code: ErrorCode, params: Record<string, ErrorParam> = {}) => renderError(code, params, language);
    if (exception instanceof DomainException) {
      const errors = exception.errorsIn(language);
      // Extension members never override the standard ones.
      return {
        ...exception.extensions,
        type: problemType(exception.code.replace(/_/g, '-')),
        title: title(exception.getStatus()),
        status: exception.getStatus(),
        detail: exception.detailIn(language),
        instance,
        code: exception.code,
        ...(errors ? { errors } : {}),
      };
    }
    // Express's router could not percent-decode a path parameter (`%ED%A0%80`, `%E0%A4%A`).
    if (exception instanceof Error && /^Failed to decode param/.test(exception.message)) {
      const detail = coded('undecodable_path');
      return {
        type: problemType('400'),
        title: title(400),
        status: 400,
        detail,
        instance,
        code: 'undecodable_path',
        errors: [{ field: 'path', message: detail }],
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === HttpStatus.NOT_FOUND && /^Cannot \w+ /.test(exception.message)) {
        const detail = coded('route_not_found', { method: request.method, url: request.originalUrl });
        return { type: problemType('404'), title: title(404), status, detail, instance, code: 'route_not_found' };
      }
      return { type: problemType(String(status)), title: title(status), status, detail: httpDetail(exception), instance };
    }
    const parserStatus = bodyParserStatus(exception);
    if (parserStatus) {
      const detail = coded('body_unprocessable', { reason: title(parserStatus) });
      return {
        type: problemType(String(parserStatus)),
        title: title(parserStatus),
        status: parserStatus,
        detail,
        instance,
        code: 'body_unprocessable',
        errors: [{ field: 'body', message: detail }],
      };
    }
    if (isBackendUnavailable(exception)) {
      this.logger.warn({ err: exception, instance }, 'backend unavailable');
      return {
        type: problemType('service-unavailable'),
        title: title(HttpStatus.SERVICE_UNAVAILABLE),
        status: HttpStatus.SERVICE_UNAVAILABLE,
        detail: coded('backend_unavailable'),
        instance,
        code: 'backend_unavailable',
      };
    }
    const errorId = randomUUID();
    this.logger.error({ err: exception, errorId, instance }, 'unhandled error');
    return {
      type: problemType('internal'),
      title: title(HttpStatus.INTERNAL_SERVER_ERROR),
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      detail: coded('internal', { errorId }),
      instance,
      code: 'internal',
      errorId,
    };
  }
}

function titleOf(status: number, language: Language): string {
  const titles = language === 'en' ? STATUS_TITLES_EN : STATUS_TITLES;
  return titles[status] ?? (status >= 500 ? titles[500] : titles[400]);
}

/** An HttpException thrown by Nest or a library, not by this API's code (which throws catalogue codes). */
function httpDetail(exception: HttpException): string {
  const body = exception.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : exception.message;
}

/** body-parser reports oversized bodies and wrong charsets with an HTTP status on the error. */
function bodyParserStatus(exception: unknown): number | undefined {
  if (!(exception instanceof Error)) return undefined;
  const status = (exception as { status?: unknown; statusCode?: unknown }).status ?? (exception as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}
