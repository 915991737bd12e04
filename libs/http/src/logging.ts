import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';

/** Structured JSON logs with the request id on every line; pretty in the embedded single-machine mode. */
export function loggerParams(options: { level: string; pretty: boolean }): Params {
  return {
    pinoHttp: {
      level: options.level,
      // Accept a caller's id so a request can be followed across services; echo it back.
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      quietReqLogger: true,
      customAttributeKeys: { reqId: 'requestId' },
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' || req.url === '/health/ready' },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      transport: options.pretty ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:standard' } } : undefined,
    },
  };
}
