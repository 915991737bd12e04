import { type INestApplication, ParseUUIDPipe, type Type } from '@nestjs/common';
import { PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { OperationObject, ParameterObject, ReferenceObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { isOpenRoute } from '../auth/auth.guard';
import { problemResponse } from './api-problems.decorator';
import { ProblemDetailsDto } from './problem-details.dto';

/** Where the document is served (Swagger UI at /api/docs reads it; clients generate from it). */
export const OPENAPI_JSON_PATH = '/api/docs/openapi.json';
const BEARER = 'bearer';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** What the document cannot see in the decorators: whether the guard lets a route through, and which path parameters a pipe holds to UUIDs. */
interface RouteFacts {
  open: boolean;
  uuidParams: string[];
}

/** Every controller method by its operation id (Nest's default: `<Controller>_<method>`). */
function routeFacts(app: INestApplication): Map<string, RouteFacts> {
  const reflector = app.get(Reflector);
  const facts = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller?.prototype) continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        const handler: unknown = (controller.prototype as Record<string, unknown>)[method];
        if (method === 'constructor' || typeof handler !== 'function' || !Reflect.hasMetadata(PATH_METADATA, handler)) continue;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, { data?: unknown; pipes?: unknown[] }>;
        const uuidParams = Object.entries(args)
          .filter(([key, arg]) => key.startsWith(`${RouteParamtypes.PARAM}:`) && arg.pipes?.some((pipe) => pipe instanceof ParseUUIDPipe))
          .map(([, arg]) => String(arg.data));
        facts.set(`${controller.name}_${method}`, { open: isOpenRoute(reflector, handler, controller), uuidParams });
      }
    }
  }
  return facts;
}

const isParameter = (parameter: ParameterObject | ReferenceObject): parameter is ParameterObject => !('$ref' in parameter);

/**
 * Completes each operation from what holds for every route, so controllers declare only what is theirs:
 * security (bearer at the document's level; `security: []` where the guard lets a caller through without a token),
 * problem details on every 4xx and 5xx, 401 and 503 wherever a token is checked (the guard reads the user from
 * PostgreSQL on every request), 400 wherever a parameter or body is validated, 413 wherever a JSON body is read
 * (2 MB), and `format: uuid` on path parameters a ParseUUIDPipe checks.
 */
function completeOperation(operation: OperationObject, facts: RouteFacts | undefined): void {
  if (!facts) throw new Error(`OpenAPI: no controller method for operation ${operation.operationId}`);
  const responses = operation.responses;
  const add = (status: number) => (responses[status] ??= problemResponse(status));
  // A refusal declared with a description only (ApiForbiddenResponse and the like) is problem details too.
  for (const [status, response] of Object.entries(responses)) {
    if (Number(status) >= 400 && response && !('$ref' in response) && !response.content) response.content = problemResponse(Number(status)).content;
  }
  if (facts.open) operation.security = [];
  else {
    delete operation.security;
    add(401);
    add(503);
  }
  const parameters = (operation.parameters ?? []).filter(isParameter);
  for (const parameter of parameters) {
    if (parameter.in === 'path' && facts.uuidParams.includes(parameter.name)) parameter.schema = { type: 'string', format: 'uuid' };
  }
  if (parameters.length || operation.requestBody) add(400);
  if (operation.requestBody && 'content' in operation.requestBody && operation.requestBody.content['application/json']) add(413);
}

type Schema = Record<string, unknown> & { nullable?: boolean; enum?: unknown[]; allOf?: unknown[]; type?: unknown };

/**
 * OpenAPI 3.0.3 reads `nullable` only beside a `type`, and a nullable enum must list null: Nest writes a nullable
 * reference as `{ nullable, allOf: [ref] }` and a nullable enum without null, which validators then refuse null for.
 */
function spellNullable(schema: Schema): void {
  if (schema.nullable && schema.allOf && schema.type === undefined) schema.type = 'object';
  if (schema.nullable && schema.enum && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
  for (const value of Object.values(schema)) {
    if (value && typeof value === 'object')
      for (const child of Array.isArray(value) ? value : [value]) if (child && typeof child === 'object') spellNullable(child as Schema);
  }
}

/** The API's OpenAPI document, as served at /api/docs/openapi.json. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('綦江区“十五五”重大项目调度平台 API')
      .setDescription(
        'Qijiang 15th Five-Year Plan major-project tracker. Every route but sign-in, unsubscribe and health needs `Authorization: Bearer <token>` ' +
          `(POST /api/auth/login). Errors are application/problem+json (RFC 9457). This document as JSON: [${OPENAPI_JSON_PATH}](${OPENAPI_JSON_PATH}).`,
      )
      .setVersion('1')
      .addServer('/')
      .addBearerAuth(undefined, BEARER)
      .addSecurityRequirements(BEARER)
      .build(),
    { extraModels: [ProblemDetailsDto] },
  );
  // Refusals carry members of their own (the import's rows and summary, a health check's checks): clients ignore what they do not know.
  Object.assign(document.components?.schemas?.[ProblemDetailsDto.name] ?? {}, { additionalProperties: true });
  for (const schema of Object.values(document.components?.schemas ?? {})) spellNullable(schema as Schema);
  const facts = routeFacts(app);
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) completeOperation(operation, facts.get(operation.operationId ?? ''));
    }
  }
  return document;
}
