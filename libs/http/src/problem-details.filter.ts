import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { DomainException, TooManyRequestsException } from './domain.exception';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, STATUS_TITLES, problemType } from './problem-details';

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
    const problem = this.toProblem(exception, request);
    if (problem.status === HttpStatus.FORBIDDEN) this.logDenial(problem, request);
    if (response.headersSent) return;
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

  private toProblem(exception: unknown, request: Request): ProblemDetails {
    const instance = request.originalUrl ?? request.url;
    if (exception instanceof DomainException) {
      // Extension members never override the standard ones.
      return {
        ...exception.extensions,
        type: problemType(exception.code.replace(/_/g, '-')),
        title: title(exception.getStatus()),
        status: exception.getStatus(),
        detail: exception.detail,
        instance,
        code: exception.code,
        ...(exception.errors ? { errors: exception.errors } : {}),
      };
    }
    // Express's router could not percent-decode a path parameter (`%ED%A0%80`, `%E0%A4%A`).
    if (exception instanceof Error && /^Failed to decode param/.test(exception.message)) {
      const detail = '请求地址含有无法解码的字符（无效的百分号编码）';
      return { type: problemType('400'), title: title(400), status: 400, detail, instance, errors: [{ field: 'path', message: detail }] };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { type: problemType(String(status)), title: title(status), status, detail: httpDetail(exception, request), instance };
    }
    const parserStatus = bodyParserStatus(exception);
    if (parserStatus) {
      const detail = `请求体无法处理：${title(parserStatus)}`;
      return {
        type: problemType(String(parserStatus)),
        title: title(parserStatus),
        status: parserStatus,
        detail,
        instance,
        errors: [{ field: 'body', message: detail }],
      };
    }
    if (isBackendUnavailable(exception)) {
      this.logger.warn({ err: exception, instance }, 'backend unavailable');
      return {
        type: problemType('service-unavailable'),
        title: title(HttpStatus.SERVICE_UNAVAILABLE),
        status: HttpStatus.SERVICE_UNAVAILABLE,
        detail: '数据库或队列服务暂时无法访问，请稍后重试',
        instance,
      };
    }
    const errorId = randomUUID();
    this.logger.error({ err: exception, errorId, instance }, 'unhandled error');
    return {
      type: problemType('internal'),
      title: title(HttpStatus.INTERNAL_SERVER_ERROR),
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      detail: `服务器内部错误，请联系管理员并提供错误编号 ${errorId}`,
      instance,
      errorId,
    };
  }
}

function title(status: number): string {
  return STATUS_TITLES[status] ?? (status >= 500 ? STATUS_TITLES[500] : STATUS_TITLES[400]);
}

function httpDetail(exception: HttpException, request: Request): string {
  const status = exception.getStatus();
  if (status === HttpStatus.NOT_FOUND && /^Cannot \w+ /.test(exception.message)) return `没有这个地址：${request.method} ${request.originalUrl}`;
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
