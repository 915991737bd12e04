import { createConfig, lintFromString } from '@redocly/openapi-core';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bootTestApp, TestApp } from '../support/test-app';

/**
 * The contract clients generate from: the document the app serves at /api/docs/openapi.json lints clean with
 * Redocly's recommended rules, every operation says what it answers (a schema, a file or 204) and what it refuses
 * (problem details), every parameter has a type, security follows the guard, and the console's generated types
 * (apps/web/src/api/schema.d.ts) are what this document generates. `npm run api:types` rewrites them.
 */

const PROBLEM = '#/components/schemas/ProblemDetailsDto';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
/** The routes the guard lets through without a token: sign-in, the mail's unsubscribe link, the probes. */
const OPEN = ['POST /api/auth/login', 'GET /api/unsubscribe', 'POST /api/unsubscribe', 'GET /health', 'GET /health/ready'];
const GENERATED = join(__dirname, '../../apps/web/src/api/schema.d.ts');
const GENERATOR = join(__dirname, '../../apps/web/generate-api-types.mjs');

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  [key: string]: unknown;
}
interface Response {
  content?: Record<string, { schema?: Schema }>;
}
interface Operation {
  operationId: string;
  parameters?: Array<{ name: string; in: string; schema?: Schema }>;
  responses: Record<string, Response>;
  security?: unknown[];
}
interface Document {
  security?: unknown[];
  servers?: Array<{ url: string }>;
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  components: { schemas: Record<string, Schema> };
}

describe('the OpenAPI contract', () => {
  let t: TestApp;
  let document: Document;
  let operations: Array<{ key: string; operation: Operation }>;

  beforeAll(async () => {
    t = await bootTestApp({ emptyCatalog: true });
    document = (await t.http.get('/api/docs/openapi.json').expect(200)).body;
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.flatMap((method) => (item[method] ? [{ key: `${method.toUpperCase()} ${path}`, operation: item[method] as Operation }] : [])),
    );
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lints with 0 errors under Redocly’s recommended rules', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: 'openapi.json', config });
    const errors = problems.filter((problem) => problem.severity === 'error');
    const warnings = problems.filter((problem) => problem.severity === 'warn');
    console.log(
      `openapi lint: ${operations.length} operations, ${errors.length} errors, ${warnings.length} warnings` +
        warnings.map((w) => `\n  warn ${w.ruleId}: ${w.message} ${w.location[0]?.pointer ?? ''}`).join(''),
    );
    expect(errors.map((e) => `${e.ruleId}: ${e.message} ${e.location[0]?.pointer ?? ''}`)).toEqual([]);
  });

  it('names its server and where the JSON is, and /api-json leads there instead of to the console', async () => {
    expect(document.servers).toEqual([{ url: '/' }]);
    // Swagger UI at /api/docs shows the document's description, which links the JSON.
    expect((await t.http.get('/api/docs/swagger-ui-init.js').expect(200)).text).toContain('[/api/docs/openapi.json](/api/docs/openapi.json)');
    await t.http.get('/api-json').expect(308).expect('Location', '/api/docs/openapi.json');
  });

  it('every operation documents a success with a schema (or a file, or 204) and its refusals as problem details', () => {
    const faults: string[] = [];
    for (const { key, operation } of operations) {
      const successes = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
      if (!successes.length) faults.push(`${key}: no 2xx response`);
      for (const [status, response] of successes) {
        const contents = Object.entries(response.content ?? {});
        if (status === '204') continue;
        if (!contents.length) faults.push(`${key} ${status}: no content`);
        for (const [type, { schema }] of contents) {
          const binary = schema?.type === 'string' && schema.format === 'binary';
          const ref = schema?.$ref ? document.components.schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;
          if (!schema || (!binary && !ref?.type && !ref?.properties)) faults.push(`${key} ${status} ${type}: no schema`);
        }
      }
      for (const [status, response] of Object.entries(operation.responses).filter(([s]) => Number(s) >= 400)) {
        if (response.content?.['application/problem+json']?.schema?.$ref !== PROBLEM) faults.push(`${key} ${status}: not problem details`);
      }
    }
    expect(faults).toEqual([]);
  });

  it('every parameter and every property has a type; paths checked as UUIDs say so', () => {
    const faults: string[] = [];
    for (const { key, operation } of operations) {
      for (const parameter of operation.parameters ?? []) {
        const schema = parameter.schema ?? {};
        const ref = schema.$ref ?? (schema.allOf as Schema[] | undefined)?.[0]?.$ref;
        const resolved = ref ? document.components.schemas[ref.replace('#/components/schemas/', '')] : schema;
        if (!resolved?.type || ref === '#/components/schemas/Object') faults.push(`${key}: ${parameter.in} parameter ${parameter.name} has no type`);
      }
    }
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      for (const [property, value] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
        if (!value.type && !value.$ref && !value.allOf && !value.enum) faults.push(`${name}.${property} has no type`);
      }
    }
    expect(faults).toEqual([]);
    expect(document.components.schemas.Object).toBeUndefined();
    const detail = document.paths['/api/projects/{id}'].get as Operation;
    expect(detail.parameters?.find((p) => p.name === 'id')?.schema).toEqual({ type: 'string', format: 'uuid' });
    const list = document.paths['/api/projects'].get as Operation;
    expect(list.parameters?.find((p) => p.name === 'pageSize')?.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 200 });
  });

  it('security follows the guard: bearer everywhere, open only where a request without a token gets through', async () => {
    expect(document.security).toEqual([{ bearer: [] }]);
    const open = operations.filter(({ operation }) => operation.security?.length === 0).map(({ key }) => key);
    expect(open.sort()).toEqual([...OPEN].sort());
    for (const { key, operation } of operations) {
      if (OPEN.includes(key)) continue;
      expect([key, operation.security]).toEqual([key, undefined]);
      expect([key, Boolean(operation.responses['401'])]).toEqual([key, true]);
    }
    // And the guard agrees: a documented-protected read answers 401 without a token.
    for (const path of ['/api/projects', '/api/plan', '/api/indicators']) await t.http.get(path).expect(401);
  });

  it('the console’s generated types are what this document generates (npm run api:types)', () => {
    const generated = execFileSync(process.execPath, [GENERATOR], { input: JSON.stringify(document), encoding: 'utf8' });
    if (process.env.UPDATE_API_TYPES === '1') writeFileSync(GENERATED, generated);
    expect(readFileSync(GENERATED, 'utf8') === generated).toBe(true);
    // Every response of every route is typed: no 2xx without content but 204s.
    expect(generated).not.toMatch(/content: \{\s*"application\/json": unknown/);
  });
});
