import { HttpStatus } from '@nestjs/common';

/** One invalid field of a request. `field` is a dotted path (`evidence.approvalDate`). */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details: the one shape of every 4xx and 5xx this API returns. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** Machine-readable code of a domain refusal (e.g. `transition_not_allowed`). */
  code?: string;
  errors?: FieldError[];
  /** Set on 500s: the id under which the error is in the log. */
  errorId?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Titles in Chinese first: the users are Chongqing government staff; `detail` carries the specifics. */
export const STATUS_TITLES: Record<number, string> = {
  [HttpStatus.BAD_REQUEST]: '请求无效',
  [HttpStatus.UNAUTHORIZED]: '未登录或登录已过期',
  [HttpStatus.FORBIDDEN]: '无权执行此操作',
  [HttpStatus.NOT_FOUND]: '未找到',
  [HttpStatus.METHOD_NOT_ALLOWED]: '不支持的请求方法',
  [HttpStatus.CONFLICT]: '与当前状态冲突',
  [HttpStatus.PAYLOAD_TOO_LARGE]: '请求内容过大',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: '不支持的内容类型',
  [HttpStatus.UNPROCESSABLE_ENTITY]: '无法处理的请求',
  [HttpStatus.URI_TOO_LONG]: '请求地址过长',
  431: '请求头过大',
  [HttpStatus.TOO_MANY_REQUESTS]: '请求过于频繁',
  [HttpStatus.INTERNAL_SERVER_ERROR]: '服务器内部错误',
  [HttpStatus.SERVICE_UNAVAILABLE]: '服务暂时不可用',
};

export const STATUS_TITLES_EN: Record<number, string> = {
  [HttpStatus.BAD_REQUEST]: 'Bad request',
  [HttpStatus.UNAUTHORIZED]: 'Not signed in',
  [HttpStatus.FORBIDDEN]: 'Forbidden',
  [HttpStatus.NOT_FOUND]: 'Not found',
  [HttpStatus.METHOD_NOT_ALLOWED]: 'Method not allowed',
  [HttpStatus.CONFLICT]: 'Conflict with the current state',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'Payload too large',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'Unsupported media type',
  [HttpStatus.UNPROCESSABLE_ENTITY]: 'Unprocessable request',
  [HttpStatus.URI_TOO_LONG]: 'URI too long',
  431: 'Request header fields too large',
  [HttpStatus.TOO_MANY_REQUESTS]: 'Too many requests',
  [HttpStatus.INTERNAL_SERVER_ERROR]: 'Internal server error',
  [HttpStatus.SERVICE_UNAVAILABLE]: 'Service unavailable',
};

export function problemType(slug: string): string {
  return `https://qijiang-tracker.local/problems/${slug}`;
}
