import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { REQUEST_ID_PATTERN } from '@qj/queue';
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
