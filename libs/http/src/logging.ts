import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { REQUEST_ID_PATTERN } from '@qj/queue';
import { LoggerService, RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';

/**
 * The request's id: the caller's `x-request-id` when it is a sane token (so a request can be followed across
 * services), else a new UUID; echoed back. Kept on `req.id`, so pino-http and the request context share one id.
 */
export function requestIdOf(req: IncomingMessage & { id?: unknown }, res: ServerResponse): string {
  if (typeof req.id === 'string') return req.id;
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', id);
  req.id = id;
  return id;
}

/** Structured JSON logs with the request id on every line; pretty in the embedded single-machine mode. */
export function loggerParams(options: { level: string; pretty: boolean }): Params {
  return {
    // Every path, named as path-to-regexp 8 wants it: nestjs-pino's default '*' became '/api/*' under the global
    // prefix, which Nest converted with a warning at every start.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: options.level,
      genReqId: requestIdOf,
      quietReqLogger: true,
      customAttributeKeys: { reqId: 'requestId' },
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' || req.url === '/health/ready' },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      transport: options.pretty ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:standard' } } : undefined,
    },
  };
}

/** What Nest says about itself while starting: a line per module, controller and route (≈150 of them). */
const FRAMEWORK_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication', 'NestApplicationContext']);

/**
 * The application's logger with Nest's start-up narration moved to debug (LOG_LEVEL=debug shows it again): a start
 * then prints the banner and what matters. RoutesResolver's lines were also wrong for routes excluded from the
 * global prefix (it announced /api/health for /health). Warnings and errors pass whatever their context.
 */
export class QuietFrameworkLogger implements LoggerService {
  constructor(private readonly logger: LoggerService) {}

  log(message: unknown, ...rest: unknown[]): void {
    if (FRAMEWORK_CONTEXTS.has(rest[rest.length - 1] as string)) this.logger.debug?.(message, ...rest);
    else this.logger.log(message, ...rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.logger.error(message, ...rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.logger.warn(message, ...rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.logger.debug?.(message, ...rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.logger.verbose?.(message, ...rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    (this.logger.fatal ?? this.logger.error).call(this.logger, message, ...rest);
  }
}
