import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Response } from 'supertest';
import { seedPlan, seedReports } from '../support/investment';
import { bootTestApp, TestApp } from '../support/test-app';

/**
 * The document describes what the API answers: real answers of every kind of route (reads as each role, writes,
 * refusals) validate against the schema the document gives for their status and content type. A DTO that says a
 * field is a number, or never null, or always there, while the answer says otherwise fails here.
 */

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}

/** OpenAPI 3.0's `nullable: true` means "or null" whatever else the schema says (an allOf included); JSON Schema spells that anyOf. */
function asJsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asJsonSchema);
  if (!value || typeof value !== 'object') return value;
  const { nullable, ...rest } = value as Record<string, unknown>;
  const schema = Object.fromEntries(Object.entries(rest).map(([key, child]) => [key, asJsonSchema(child)]));
  return nullable ? { anyOf: [{ type: 'null' }, schema] } : schema;
}

describe('answers match the OpenAPI document', () => {
  let t: TestApp;
  let paths: Record<string, Record<string, Operation>>;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validators = new Map<string, ValidateFunction>();
  const checked: string[] = [];
  const faults: string[] = [];

  /** Checks an answer against the document's schema for `METHOD /path/{template}` and its status. */
  function conforms(key: string, res: Response): Response {
    const [method, template] = key.split(' ');
    const response = paths[template]?.[method.toLowerCase()]?.responses[String(res.status)];
    const type = String(res.headers['content-type'] ?? '').split(';')[0];
    const ref = response?.content?.[type]?.schema?.$ref;
    if (!ref) {
      faults.push(`${key} ${res.status} ${type}: not in the document`);
      return res;
    }
    if (!validators.has(ref)) validators.set(ref, ajv.compile({ $ref: `openapi.json${ref}` }));
    const validate = validators.get(ref) as ValidateFunction;
    if (!validate(res.body)) faults.push(`${key} ${res.status}: ${ajv.errorsText(validate.errors, { dataVar: 'body' })}`);
    checked.push(`${key} ${res.status}`);
    return res;
  }

  beforeAll(async () => {
    t = await bootTestApp();
    const document = (await t.http.get('/api/docs/openapi.json').expect(200)).body;
    paths = document.paths;
    ajv.addSchema({ components: asJsonSchema(document.components) }, 'openapi.json');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('reads, writes and refusals answer what the document says', async () => {
    const admin = t.as('admin');
    const reviewer = t.as('reviewer');
    const { body: list } = conforms('GET /api/projects', await reviewer.get('/api/projects').query({ pageSize: 5, sort: '-updatedAt' }));
    const project = list.items[0];
    const owner = t.as(`owner_${project.unitCode}`);
    conforms('GET /api/projects/{id}', await reviewer.get(`/api/projects/${project.id}`));
    conforms('GET /api/projects/{id}', await reviewer.get('/api/projects/00000000-0000-4000-8000-000000000000'));
    conforms('GET /api/projects/{id}', await reviewer.get('/api/projects/not-a-uuid'));
    conforms('GET /api/projects', await t.http.get('/api/projects'));
    for (const path of [
      '/api/plan',
      '/api/indicators',
      '/api/auth/me',
      '/api/units',
      '/api/rollups/trend',
      '/api/notifications',
      '/api/me/notification-preferences',
    ]) {
      conforms(`GET ${path}`, await reviewer.get(path));
    }
    conforms('GET /api/me/digest-preview', await reviewer.get('/api/me/digest-preview'));
    for (const path of ['/api/admin/users', '/api/admin/outbox', '/api/admin/jobs/failed', '/api/admin/operations/settings']) {
      conforms(`GET ${path}`, await admin.get(path));
    }
    conforms('GET /api/admin/users', await reviewer.get('/api/admin/users'));
    conforms('GET /health', await t.http.get('/health'));
    conforms('GET /health/ready', await t.http.get('/health/ready'));
    const rollups = conforms('GET /api/rollups', await reviewer.get('/api/rollups').query({ by: 'unit' })).body;
    conforms('GET /api/rollups/history', await reviewer.get('/api/rollups/history').query({ by: 'unit', key: rollups.items[0].key }));

    // Investment figures of a seeded plan and report, and their refusals.
    await seedPlan(t.db, project.id, 2026, { planned: '100', plannedStartMonth: 1, plannedCompletionMonth: 12 });
    await seedReports(t.db, project.id, 2026, ['10.5']);
    conforms('GET /api/projects/{id}/investment', await reviewer.get(`/api/projects/${project.id}/investment`).query({ year: 2026, month: 1 }));
    conforms('GET /api/projects/{id}/investment', await reviewer.get(`/api/projects/${project.id}/investment`).query({ year: 2025, month: 1 }));
    conforms('GET /api/investment/summary', await reviewer.get('/api/investment/summary').query({ year: 2026, month: 1, by: 'unit' }));
    conforms('GET /api/investment/summary', await owner.get('/api/investment/summary').query({ year: 2026, month: 1 }));
    conforms('GET /api/rankings', await reviewer.get('/api/rankings').query({ year: 2026, month: 1, metric: 'completion_rate' }));
    conforms('GET /api/rankings', await owner.get('/api/rankings').query({ year: 2026, month: 1, metric: 'start_rate' }));

    const { body: milestones } = conforms('GET /api/projects/{id}/milestones', await owner.get(`/api/projects/${project.id}/milestones`));
    const [first, second] = milestones.items;
    const updated = conforms(
      'PATCH /api/milestones/{id}',
      await owner.patch(`/api/milestones/${first.id}`).send({ version: first.version, forecastDate: '2029-03-31' }),
    ).body;
    conforms('PATCH /api/milestones/{id}', await owner.patch(`/api/milestones/${first.id}`).send({ version: first.version, forecastDate: '2029-04-30' }));
    const marked = conforms(
      'POST /api/milestones/{id}/not-applicable',
      await owner.post(`/api/milestones/${second.id}/not-applicable`).send({ version: second.version, reason: '改扩建项目，无需单独立项' }),
    ).body;
    conforms('POST /api/milestones/{id}/applicable', await owner.post(`/api/milestones/${second.id}/applicable`).send({ version: marked.version }));
    const rebaseline = conforms(
      'POST /api/milestones/{id}/rebaseline-requests',
      await owner.post(`/api/milestones/${first.id}/rebaseline-requests`).send({ version: updated.version, baselineDate: '2029-06-30', reason: '征地延后' }),
    ).body;
    conforms('GET /api/rebaseline-requests', await reviewer.get('/api/rebaseline-requests').query({ status: 'pending' }));
    conforms(
      'POST /api/rebaseline-requests/{id}/reject',
      await reviewer.post(`/api/rebaseline-requests/${rebaseline.id}/reject`).send({ comment: '请补充材料' }),
    );
    conforms('POST /api/rebaseline-requests/{id}/withdraw', await owner.post(`/api/rebaseline-requests/${rebaseline.id}/withdraw`).send({}));

    const state = conforms('GET /api/projects/{id}/transitions', await owner.get(`/api/projects/${project.id}/transitions`)).body;
    const filed = conforms(
      'POST /api/projects/{id}/transition-requests',
      await owner.post(`/api/projects/${project.id}/transition-requests`).send({ to: 'on_hold', reason: '资金未落实', version: state.version }),
    ).body;
    conforms(
      'POST /api/projects/{id}/transition-requests',
      await owner.post(`/api/projects/${project.id}/transition-requests`).send({ to: 'complete', version: state.version }),
    );
    conforms('GET /api/transition-requests', await reviewer.get('/api/transition-requests').query({ projectId: project.id }));
    conforms('GET /api/transition-requests/{id}', await reviewer.get(`/api/transition-requests/${filed.id}`));
    conforms('POST /api/transition-requests/{id}/withdraw', await owner.post(`/api/transition-requests/${filed.id}/withdraw`).send({}));
    conforms('POST /api/transition-requests/{id}/approve', await reviewer.post(`/api/transition-requests/${filed.id}/approve`).send({}));
    const moved = conforms(
      'POST /api/projects/{id}/override',
      await admin.post(`/api/projects/${project.id}/override`).send({ to: 'on_hold', reason: '区政府决定暂缓' }),
    ).body;
    const units = (await reviewer.get('/api/units')).body.items as Array<{ id: string }>;
    const other = units.find((unit) => unit.id !== project.unitId) as { id: string };
    conforms('PATCH /api/projects/{id}/unit', await admin.patch(`/api/projects/${project.id}/unit`).send({ unitId: other.id, version: moved.version }));
    conforms('GET /api/projects/{id}/history', await reviewer.get(`/api/projects/${project.id}/history`));

    // The investment entry: facts, the annual plan, monthly reports (writes, reads and refusals).
    const facts = conforms(
      'PATCH /api/projects/{id}',
      await admin.patch(`/api/projects/${project.id}`).send({ version: moved.version + 1, totalInvestment: 1234.5, investmentType: 'government' }),
    ).body;
    conforms('PATCH /api/projects/{id}', await admin.patch(`/api/projects/${project.id}`).send({ version: 1, totalInvestment: 1 }));
    conforms('PATCH /api/projects/{id}', await owner.patch(`/api/projects/${project.id}`).send({ version: facts.version, totalInvestment: 1 }));
    conforms('PATCH /api/projects/{id}', await reviewer.patch(`/api/projects/${project.id}`).send({ version: facts.version, totalInvestment: -1 }));
    conforms('GET /api/projects/{id}', await reviewer.get(`/api/projects/${project.id}`));
    const planUrl = `/api/projects/${project.id}/investment-plans/2027`;
    conforms('GET /api/projects/{id}/investment-plans/{year}', await reviewer.get(planUrl));
    conforms('PUT /api/projects/{id}/investment-plans/{year}', await reviewer.put(planUrl).send({ plannedInvestment: 100, plannedStartMonth: 2 }));
    conforms('PUT /api/projects/{id}/investment-plans/{year}', await reviewer.put(planUrl).send({ plannedInvestment: 120 }));
    conforms('PUT /api/projects/{id}/investment-plans/{year}', await reviewer.put(planUrl).send({ plannedInvestment: 120, reason: '中期调整' }));
    conforms('PUT /api/projects/{id}/investment-plans/{year}', await owner.put(planUrl).send({ plannedInvestment: 1 }));
    conforms('GET /api/projects/{id}/investment-plans/{year}', await reviewer.get(planUrl));
    conforms('GET /api/projects/{id}/investment-plans/{year}', await owner.get(planUrl));
    conforms('GET /api/projects/{id}/investment-plans/{year}/versions', await reviewer.get(`${planUrl}/versions`));
    const month = '2026-10';
    const reportUrl = `/api/projects/${project.id}/monthly-reports/${month}`;
    conforms('PUT /api/projects/{id}/monthly-reports/{month}', await admin.put(reportUrl).send({ completedInvestment: 0, progress: '前期工作' }));
    conforms('PUT /api/projects/{id}/monthly-reports/{month}', await admin.put(reportUrl).send({ completedInvestment: 1.234 }));
    conforms('POST /api/projects/{id}/monthly-reports/{month}/submit', await admin.post(`${reportUrl}/submit`).send({}));
    conforms('POST /api/projects/{id}/monthly-reports/{month}/submit', await admin.post(`${reportUrl}/submit`).send({}));
    conforms('POST /api/projects/{id}/monthly-reports/{month}/return', await reviewer.post(`${reportUrl}/return`).send({ comment: '请核实' }));
    conforms('POST /api/projects/{id}/monthly-reports/{month}/return', await reviewer.post(`${reportUrl}/return`).send({ comment: '请核实' }));
    conforms('GET /api/projects/{id}/monthly-reports', await reviewer.get(`/api/projects/${project.id}/monthly-reports`).query({ year: 2026 }));
    conforms('GET /api/monthly-reports', await reviewer.get('/api/monthly-reports').query({ month }));
    conforms('GET /api/monthly-reports', await reviewer.get('/api/monthly-reports').query({ month: '2031-01' }));

    conforms('POST /api/notifications/read-all', await reviewer.post('/api/notifications/read-all'));
    conforms('POST /api/notifications/{id}/read', await reviewer.post('/api/notifications/999999/read'));
    conforms('PUT /api/me/notification-preferences', await reviewer.put('/api/me/notification-preferences').send({ digest: false }));
    const user = conforms(
      'POST /api/admin/users',
      await admin.post('/api/admin/users').send({ username: 'contract_check', displayName: '契约检查', role: 'reviewer', password: 'Qj-contract-2030!' }),
    ).body;
    conforms('PATCH /api/admin/users/{id}', await admin.patch(`/api/admin/users/${user.id}`).send({ email: 'contract@qj.gov.cn' }));
    conforms(
      'POST /api/admin/users',
      await admin.post('/api/admin/users').send({ username: 'contract_check', displayName: '契约检查', role: 'reviewer', password: 'Qj-contract-2030!' }),
    );
    conforms('POST /api/admin/digests/preview', await admin.post('/api/admin/digests/preview').query({ userId: user.id }));
    conforms('POST /api/admin/queue-dashboard/session', await admin.post('/api/admin/queue-dashboard/session'));
    conforms('POST /api/admin/jobs/{queue}/{jobId}/retry', await admin.post('/api/admin/jobs/mail/nope/retry'));
    conforms('POST /api/auth/login', await t.http.post('/api/auth/login').send({ username: 'reviewer', password: 'qijiang2030' }));
    conforms('POST /api/auth/login', await t.http.post('/api/auth/login').send({ username: 'reviewer', password: 'wrong-password' }));

    console.log(`answers checked against the document: ${checked.length} (${new Set(checked.map((c) => c.replace(/ \d+$/, ''))).size} operations)`);
    expect(faults).toEqual([]);
  });
});
