import type { Client } from 'pg';
import type { TestApp } from '../support/test-app';

/** Helpers of the security suites: the routes as the served OpenAPI document lists them, and "did anything change". */

export const MUTATING_METHODS = ['post', 'put', 'patch', 'delete'] as const;
export const ALL_METHODS = ['get', ...MUTATING_METHODS] as const;

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

export interface JsonSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  $ref?: string;
  allOf?: JsonSchema[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}

export interface Operation {
  /** `PATCH /api/milestones/{id}` */
  key: string;
  method: (typeof ALL_METHODS)[number];
  path: string;
  parameters: OpenApiParameter[];
  /** The JSON body's schema (references resolved one level), or undefined when the document gives none. */
  bodySchema?: JsonSchema;
  multipart: boolean;
  permission?: string;
}

export interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { parameters?: OpenApiParameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> }; 'x-permission'?: string }>
  >;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** Every operation of the document the app serves (not a copy in the repository: routes added later are included). */
export async function servedOperations(t: TestApp): Promise<{ document: OpenApiDocument; operations: Operation[] }> {
  const res = await t.http.get('/api/docs/openapi.json').expect(200);
  const document = res.body as OpenApiDocument;
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ALL_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const content = operation.requestBody?.content ?? {};
      const json = content['application/json']?.schema;
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method,
        path,
        parameters: operation.parameters ?? [],
        bodySchema: json ? resolve(document, json) : undefined,
        multipart: Boolean(content['multipart/form-data']),
        permission: operation['x-permission'],
      });
    }
  }
  return { document, operations };
}

/** A schema with `$ref`s replaced by the component they name (recursively, as far as the document nests). */
export function resolve(document: OpenApiDocument, schema: JsonSchema, depth = 0): JsonSchema {
  if (depth > 8) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(document, document.components?.schemas?.[name] ?? {}, depth + 1);
  }
  if (schema.allOf?.length) return resolve(document, Object.assign({}, ...schema.allOf.map((part) => resolve(document, part, depth + 1))), depth + 1);
  const resolved: JsonSchema = { ...schema };
  if (schema.properties) {
    resolved.properties = Object.fromEntries(Object.entries(schema.properties).map(([name, property]) => [name, resolve(document, property, depth + 1)]));
  }
  if (schema.items) resolved.items = resolve(document, schema.items, depth + 1);
  return resolved;
}

/** A path with its `{param}`s filled in. */
export function fill(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    if (!(name in params)) throw new Error(`no value for {${name}} in ${path}`);
    return encodeURIComponent(params[name]);
  });
}

const FINGERPRINTED_TABLES = [
  'project',
  'milestone',
  'transition_request',
  'rebaseline_request',
  'app_user',
  'unit',
  'audit_event',
  'outbox_event',
  'notification',
  'notification_preference',
  'mail_outbox',
  'digest',
  'investment_plan',
  'investment_plan_version',
  'monthly_report',
  'bulletin',
  'investment_snapshot',
  'problem',
  'problem_reply',
  'problem_escalation',
  'supervision_notice',
  'supervision_sequence',
  'file',
  'file_attachment',
  'demo_run',
];

/** Each table's row count and a hash of every row: equal before and after means nothing at all changed. */
export async function fingerprint(db: Client): Promise<Record<string, string>> {
  const parts = FINGERPRINTED_TABLES.map(
    (table) => `SELECT '${table}' AS name, count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS print FROM ${table} t`,
  );
  const { rows } = await db.query<{ name: string; print: string }>(parts.join(' UNION ALL '));
  return Object.fromEntries(rows.map((row) => [row.name, row.print]));
}
