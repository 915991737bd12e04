import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { Env } from '@qj/config';
import { json, type Request, type Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  answerClientErrorsAsProblems,
  createValidationPipe,
  MAX_JSON_BYTES,
  namedBodyErrors,
  ProblemDetailsFilter,
  QuietFrameworkLogger,
  refuseDeepJson,
  requestIdOf,
  UnsafeTextPipe,
} from '@qj/http';
import { Logger } from 'nestjs-pino';
import { sqlStatementCounter } from '@qj/persistence';
import { runWithRequestId } from '@qj/queue';
import { ApiModule } from './app.module';
import { createOpenApiDocument, OPENAPI_JSON_PATH } from './openapi/openapi-document';
import { securityHeaders } from './security-headers';
import { SqlStatementsInterceptor } from './sql-statements.interceptor';

/** Builds the HTTP application the same way for production, the embedded mode and the end-to-end tests. */
export async function createApiApp(env: Env, extraModules: DynamicModule['imports'] = []): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(env, extraModules), { bufferLogs: true, bodyParser: false });
  app.useLogger(new QuietFrameworkLogger(app.get(Logger)));
  // First, so every response carries them (helmet also removes X-Powered-By).
  app.use(securityHeaders());
  // A debugging aid for counting queries per request; off by default, as it tells an outsider about the queries.
  if (env.DEBUG_SQL_COUNT) app.use((_req: unknown, _res: unknown, next: () => void) => sqlStatementCounter.run(next));
  app.use(json({ limit: MAX_JSON_BYTES, verify: refuseDeepJson }), namedBodyErrors);
  // The request id in the request context, for the events the request writes (and the jobs they cause). After the body
  // parser: it calls `next` from the request stream's callbacks, which would not run in the context.
  app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => runWithRequestId(requestIdOf(req, res), next));
  // The queue dashboard (OperationsModule) is opened in a browser tab at /admin/queues; `{/*path}` also matches /admin/queues itself.
  app.setGlobalPrefix('api', { exclude: ['health', 'health/ready', 'admin/queues{/*path}'] });
  app.useGlobalPipes(new UnsafeTextPipe(), createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  if (env.DEBUG_SQL_COUNT) app.useGlobalInterceptors(new SqlStatementsInterceptor());
  app.set('trust proxy', 'loopback');
  answerClientErrorsAsProblems(app.getHttpServer());

  // The JSON is linked from the docs page; /api-json (Nest's usual place) is sent there rather than to the console.
  app.use('/api-json', (_req: Request, res: Response) => res.redirect(308, OPENAPI_JSON_PATH));
  SwaggerModule.setup('api/docs', app, createOpenApiDocument(app), { jsonDocumentUrl: OPENAPI_JSON_PATH.slice(1) });
  return app;
}
