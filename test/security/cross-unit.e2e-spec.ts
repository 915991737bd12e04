import { addDays, todayIn } from '@qj/domain';
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import type Test from 'supertest/lib/test';
import { bootTestApp, TestApp } from '../support/test-app';
import { fill, fingerprint, MUTATING_METHODS, Operation, servedOperations } from './openapi';

/**
 * Authorization on every write: for each mutating operation of the OpenAPI document the app serves, the roles
 * that may not use it, and an owner on another unit's resource, get 401/403/404, and nothing in the database
 * changes (every row of every table that a write touches is hashed before and after). A mutating route that is
 * not classified below fails the suite, so a new one cannot slip in unprotected.
 */

type Role = 'anonymous' | 'owner' | 'reviewer' | 'leader' | 'admin';
const SIGNED_IN: Record<Exclude<Role, 'anonymous'>, string> = { owner: 'owner_transport', reviewer: 'reviewer', leader: 'leader', admin: 'admin' };
/** The owner of another unit, acting on the transport unit's resources. */
const OTHER_UNIT_OWNER = 'owner_water';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const today = () => todayIn('Asia/Shanghai');

/** Writes on the caller's own data only, open to every signed-in user (or to anyone, to sign in): why each is safe. */
const SELF_SERVICE: Record<string, string> = {
  'POST /api/auth/login': 'public: signing in; answers the same for any wrong credentials',
  'POST /api/auth/logout': "ends the caller's own session",
  'POST /api/auth/password': "changes the caller's own password and needs the current one",
  'POST /api/notifications/read-all': "marks the caller's own notifications read (every query is scoped by the user's id)",
  'POST /api/notifications/{id}/read': "marks one of the caller's own notifications read; another user's is 404 (tested below)",
  'PUT /api/me/notification-preferences': "the caller's own e-mail switches",
  'POST /api/unsubscribe':
    "public mail link's confirmation (and RFC 8058 one-click): turns off one kind of mail for the user its HMAC-signed token names; a bad token is 400 (test/notifications)",
};

interface Fixture {
  transportUnitId: string;
  waterUnitId: string;
  /** A pending milestone of a transport project, for updates. */
  milestoneId: string;
  /** An open approval (前期手续) of the same project. */
  approvalId: string;
  /** A transport project in study, without pending requests (transition requests, override, unit). */
  projectId: string;
  /** A pending transition request on another transport project. */
  transitionRequestId: string;
  /** A pending re-baselining request on another transport milestone. */
  rebaselineRequestId: string;
  ownerUserId: string;
  /** A notification of owner_transport. */
  notificationId: string;
  /** The transport unit's import template, as a reviewer downloads it. */
  template: Buffer;
  /** The district's annual plan template for 2027, as a reviewer downloads it. */
  planTemplate: Buffer;
  /** The transport unit's monthly report template for the current month, as its owner downloads it. */
  reportTemplate: Buffer;
  /** The current month: `projectId` has a draft report of it. */
  month: string;
  /** A month for which `projectId` has a submitted report (to return). */
  submittedMonth: string;
  /** A draft bulletin (of 2026-02), ready to publish. */
  bulletinId: string;
  /** An open problem raised on `projectId` (not assigned to the water unit, so its owner is a stranger to it). */
  problemId: string;
  /** A closed problem of `projectId`, to reopen. */
  closedProblemId: string;
  /** An evidence file of owner_transport, attached to `projectId`'s report of `month`. */
  fileId: string;
}

interface Attempt {
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  file?: Buffer;
}

interface Rule {
  /** The roles the permission admits (an owner only on their own unit's resources when `unitScoped`). */
  allowed: ReadonlyArray<Exclude<Role, 'anonymous'>>;
  unitScoped: boolean;
  params: (f: Fixture) => Record<string, string>;
  /** Requests that would succeed and change something, were the caller allowed. */
  attempts: (f: Fixture, t: TestApp) => Promise<Attempt[]>;
}

/** Writes whose resources the uploaded file names, row by row. */
const FILE_NAMES_RESOURCES = ['POST /api/milestones/import', 'POST /api/monthly-reports/import'];

const milestoneVersion = async (t: TestApp, id: string) => (await t.db.query(`SELECT version FROM milestone WHERE id = $1`, [id])).rows[0].version as number;
const projectVersion = async (t: TestApp, id: string) => (await t.db.query(`SELECT version FROM project WHERE id = $1`, [id])).rows[0].version as number;

const RULES: Record<string, Rule> = {
  'PATCH /api/milestones/{id}': {
    allowed: ['owner', 'reviewer', 'admin'],
    unitScoped: true,
    params: (f) => ({ id: f.milestoneId }),
    attempts: async (f, t) => {
      const version = await milestoneVersion(t, f.milestoneId);
      const { rows } = await t.db.query(`SELECT baseline_date::text AS baseline FROM milestone WHERE id = $1`, [f.milestoneId]);
      return [
        { body: { version, comment: '仅备注' } },
        { body: {}, headers: { 'If-Match': `"${version}"` } },
        { body: { version, baselineDate: rows[0].baseline } },
        { body: { version, forecastDate: addDays(today(), 30), comment: '改预计日期' } },
        { body: { version, actualDate: today() } },
        { body: { version, baselineDate: '2029-06-30', comment: '调整基线' } },
        // Refused before the body is validated: a stranger learns nothing from 400s.
        { body: { version: -1, forecastDate: 'not-a-date', colour: 'red' } },
      ];
    },
  },
  'PATCH /api/approvals/{id}': {
    allowed: ['owner', 'admin'],
    unitScoped: true,
    params: (f) => ({ id: f.approvalId }),
    attempts: async (f, t) => {
      const version = await milestoneVersion(t, f.approvalId);
      return [
        { body: { version, status: 'in_progress' } },
        { body: { version, status: 'done', documentNo: '綦发改〔2026〕1号', documentDate: today() } },
        { body: { version, status: 'not_applicable', reason: '本项目不需要' } },
        // Refused before the body is validated.
        { body: { version, status: 'finished' } },
      ];
    },
  },
  'POST /api/milestones/{id}/rebaseline-requests': {
    allowed: ['owner', 'admin'],
    unitScoped: true,
    params: (f) => ({ id: f.milestoneId }),
    attempts: async () => [{ body: { baselineDate: '2029-06-30', reason: '用地报批延后' } }],
  },
  'POST /api/milestones/{id}/not-applicable': {
    allowed: ['owner', 'admin'],
    unitScoped: true,
    params: (f) => ({ id: f.milestoneId }),
    attempts: async (f, t) => [{ body: { version: await milestoneVersion(t, f.milestoneId), reason: '本项目不需要' } }],
  },
  'POST /api/milestones/{id}/applicable': {
    allowed: ['owner', 'admin'],
    unitScoped: true,
    params: (f) => ({ id: f.milestoneId }),
    attempts: async (f, t) => [{ body: { version: await milestoneVersion(t, f.milestoneId) } }],
  },
  'POST /api/rebaseline-requests/{id}/withdraw': {
    allowed: ['owner', 'admin'],
    unitScoped: true,
    params: (f) => ({ id: f.rebaselineRequestId }),
    attempts: async () => [{ body: { comment: '撤回' } }],
  },
  'POST /api/transition-requests/{id}/withdraw': {
    allowed: ['owner', 'reviewer', 'admin'],
    unitScoped: true,
    params: (f) => ({ id: f.transitionRequestId }),
    attempts: async () => [{ body: { comment: '撤回' } }],
  },
  'POST /api/milestones/import': {
    allowed: ['owner', 'reviewer', 'admin'],
    unitScoped: true,
    params: () => ({}),
    attempts: async (f, t) => [{ file: await withForecast(f.template, f.milestoneId, addDays(today(), 40), await milestoneVersion(t, f.milestoneId)) }],
  },
  'PATCH /api/projects/{id}': {
    allowed: ['owner', 'reviewer', 'admin'],
    unitScoped: true,
    params: (f) => ({ id: f.projectId }),
    attempts: async (f, t) => [
      { body: { version: await projectVersion(t, f.projectId), totalInvestment: 99, projectCode: '2501-500110-04-01-999999' } },
      { body: { totalInvestment: -1, colour: 'red' }, headers: { 'If-Match': '"1"' } },
    ],
  },
  'PUT /api/projects/{id}/investment-plans/{year}': {
    allowed: ['reviewer', 'admin'],
    unitScoped: false,
    params: (f) => ({ id: f.projectId, year: '2027' }),
    attempts: async () => [{ body: { plannedInvestment: 100, plannedStartMonth: 3 } }, { body: { plannedInvestment: -1 } }],
  },
  'POST /api/investment-plans/import': {
    allowed: ['reviewer', 'admin'],
    unitScoped: false,
    params: () => ({}),
    attempts: async (f) => [{ file: await withCell(f.planTemplate, '年度计划', f.projectId, '计划投资（万元）', 321) }],
  },
  'PUT /api/projects/{id}/monthly-reports/{month}': {
    allowed: ['owner', 'admin'],
    unitScoped: true,
    params: (f) => ({ id: f.projectId, month: f.month }),
    attempts: async () => [{ body: { completedInvestment: 10, progress: '路基施工' } }, { body: { completedInvestment: -1, colour: 'red' } }],
  },
  'POST /api/projects/{id}/monthly-reports/{month}/submit': {
    allowed: ['owner', 'admin'],
    unitScoped: true,
    params: (f) => ({ id: f.projectId, month: f.month }),
    attempts: async () => [{ body: {} }],
  },
  'POST /api/projects/{id}/monthly-reports/{month}/return': {
    allowed: ['reviewer', 'admin'],
    unitScoped: false,
    params: (f) => ({ id: f.projectId, month: f.submittedMonth }),
    attempts: async () => [{ body: { comment: '请核实' } }],
  },
  'POST /api/monthly-reports/import': {
    allowed: ['owner', 'admin'],
    unitScoped: true,
    params: () => ({}),
    attempts: async (f) => [{ file: await withCell(f.reportTemplate, '月报', f.projectId, '本月完成投资（万元）', 77) }],
  },
  'POST /api/rebaseline-requests/{id}/approve': {
    allowed: ['reviewer', 'admin'],
    unitScoped: false,
    params: (f) => ({ id: f.rebaselineRequestId }),
    attempts: async () => [{ body: { comment: '同意' } }],
  },
  'POST /api/rebaseline-requests/{id}/reject': {
    allowed: ['reviewer', 'admin'],
    unitScoped: false,
    params: (f) => ({ id: f.rebaselineRequestId }),
    attempts: async () => [{ body: { comment: '不同意' } }],
  },
  'POST /api/projects/{id}/transition-requests': {
    allowed: ['owner', 'reviewer'],
    unitScoped: true,
    params: (f) => ({ id: f.projectId }),
    attempts: async () => [{ body: { to: 'on_hold', reason: '资金未落实' } }, { body: { to: 'cancelled', reason: '规划调整' } }],
  },
  'POST /api/transition-requests/{id}/approve': {
    allowed: ['reviewer', 'admin'],
    unitScoped: false,
    params: (f) => ({ id: f.transitionRequestId }),
    attempts: async () => [{ body: { comment: '同意' } }],
  },
  'POST /api/transition-requests/{id}/reject': {
    allowed: ['reviewer', 'admin'],
    unitScoped: false,
    params: (f) => ({ id: f.transitionRequestId }),
    attempts: async () => [{ body: { comment: '不同意' } }],
  },
  'POST /api/projects/{id}/override': {
    allowed: ['admin'],
    unitScoped: false,
    params: (f) => ({ id: f.projectId }),
    attempts: async () => [{ body: { to: 'on_hold', reason: '越权' } }],
  },
  'PATCH /api/projects/{id}/unit': {
    allowed: ['admin'],
    unitScoped: false,
    params: (f) => ({ id: f.projectId }),
    attempts: async (f, t) => [{ body: { unitId: f.waterUnitId, version: await projectVersion(t, f.projectId) } }],
  },
  'POST /api/bulletins': {
    allowed: ['reviewer', 'admin'],
    unitScoped: false,
    params: () => ({}),
    attempts: async () => [{ body: { month: '2026-03' } }],
  },
  'POST /api/bulletins/{id}/publish': {
    allowed: ['reviewer', 'admin'],
    unitScoped: false,
    params: (f) => ({ id: f.bulletinId }),
    attempts: async () => [{}],
  },
  'POST /api/projects/{id}/problems': {
    allowed: ['owner', 'admin'],
    unitScoped: true,
    params: (f) => ({ id: f.projectId }),
    attempts: async () => [
      { body: { title: '用地指标未落实', description: '影响开工', category: 'land', neededBy: addDays(today(), 30) } },
      { body: { title: '', category: 'weather', neededBy: 'soon' } },
    ],
  },
  'POST /api/problems/{id}/assign': {
    allowed: ['reviewer', 'admin'],
    unitScoped: false,
    params: (f) => ({ id: f.problemId }),
    attempts: async (f) => [{ body: { unitId: f.waterUnitId, dueDate: addDays(today(), 10) } }],
  },
  'POST /api/problems/{id}/replies': {
    allowed: ['owner', 'reviewer', 'leader', 'admin'],
    unitScoped: true,
    params: (f) => ({ id: f.problemId }),
    attempts: async () => [{ body: { text: '已协调' } }, { body: { text: '' } }],
  },
  'POST /api/problems/{id}/close': {
    allowed: ['reviewer', 'admin'],
    unitScoped: false,
    params: (f) => ({ id: f.problemId }),
    attempts: async () => [{ body: { note: '已解决' } }],
  },
  'POST /api/problems/{id}/reopen': {
    allowed: ['reviewer', 'admin'],
    unitScoped: false,
    params: (f) => ({ id: f.closedProblemId }),
    attempts: async () => [{ body: { note: '仍未解决' } }],
  },
  'POST /api/files': {
    allowed: ['owner', 'reviewer', 'admin'],
    unitScoped: false,
    params: () => ({}),
    attempts: async () => [{ file: Buffer.from('%PDF-1.4\n%%EOF\n') }],
  },
  'DELETE /api/files/{id}': {
    allowed: ['admin'],
    unitScoped: false,
    params: (f) => ({ id: f.fileId }),
    attempts: async () => [{}],
  },
  'POST /api/admin/users': {
    allowed: ['admin'],
    unitScoped: false,
    params: () => ({}),
    attempts: async () => [{ body: { username: 'intruder', displayName: '冒名', role: 'admin', password: 'Qj-Intruder-2031!x' } }],
  },
  'PATCH /api/admin/users/{id}': {
    allowed: ['admin'],
    unitScoped: false,
    params: (f) => ({ id: f.ownerUserId }),
    attempts: async () => [{ body: { role: 'admin', unitId: null } }, { body: { active: false } }],
  },
  'POST /api/admin/users/{id}/password': {
    allowed: ['admin'],
    unitScoped: false,
    params: (f) => ({ id: f.ownerUserId }),
    attempts: async () => [{ body: { password: 'Qj-Intruder-2031!x' } }],
  },
  'POST /api/units': {
    allowed: ['admin'],
    unitScoped: false,
    params: () => ({}),
    attempts: async () => [{ body: { code: 'intruder_unit', name: '冒名单位' } }],
  },
  'PATCH /api/units/{id}': {
    allowed: ['admin'],
    unitScoped: false,
    params: (f) => ({ id: f.waterUnitId }),
    attempts: async () => [{ body: { name: '冒名单位' } }, { body: { active: false } }],
  },
  'POST /api/admin/digests/preview': {
    allowed: ['admin'],
    unitScoped: false,
    params: () => ({}),
    attempts: async (f) => [{ query: { userId: f.ownerUserId } }],
  },
  'POST /api/admin/jobs/{queue}/{jobId}/retry': {
    allowed: ['admin'],
    unitScoped: false,
    params: () => ({ queue: 'mail', jobId: 'mail-1' }),
    attempts: async () => [{}],
  },
  'DELETE /api/admin/jobs/{queue}/{jobId}': {
    allowed: ['admin'],
    unitScoped: false,
    params: () => ({ queue: 'mail', jobId: 'mail-1' }),
    attempts: async () => [{}],
  },
  'POST /api/admin/queue-dashboard/session': {
    allowed: ['admin'],
    unitScoped: false,
    params: () => ({}),
    attempts: async () => [{}],
  },
  // The demo history: an admin's alone (refused here before the tracker's activity is even looked at).
  'POST /api/admin/demo': {
    allowed: ['admin'],
    unitScoped: false,
    params: () => ({}),
    attempts: async () => [{}],
  },
  'DELETE /api/admin/demo': {
    allowed: ['admin'],
    unitScoped: false,
    params: () => ({}),
    attempts: async () => [{}],
  },
};

/** The template with one row's forecast changed (and its version as now), as an owner would fill it in. */
async function withForecast(template: Buffer, milestoneId: string, forecast: string, version: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('里程碑更新') as ExcelJS.Worksheet;
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  sheet.eachRow((row, number) => {
    if (number === 1 || String(row.getCell(header.indexOf('里程碑ID')).value) !== milestoneId) return;
    row.getCell(header.indexOf('当前预计日期')).value = new Date(`${forecast}T00:00:00Z`);
    row.getCell(header.indexOf('版本号')).value = version;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A template with one project's cell (by header) set, as a user would fill it in. */
async function withCell(template: Buffer, sheetName: string, projectId: string, header: string, value: ExcelJS.CellValue): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(sheetName) as ExcelJS.Worksheet;
  const headers = (sheet.getRow(1).values as unknown[]).map(String);
  sheet.eachRow((row, number) => {
    if (number > 1 && String(row.getCell(headers.indexOf('项目ID')).value) === projectId) row.getCell(headers.indexOf(header)).value = value;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('authorization on every write (cross-unit and by role), from the OpenAPI document', () => {
  let t: TestApp;
  let operations: Operation[];
  let f: Fixture;

  const send = (who: string, operation: Operation, path: string, attempt: Attempt): Test => {
    const username = who === 'anonymous' ? undefined : (SIGNED_IN[who as keyof typeof SIGNED_IN] ?? who);
    const client = username ? t.as(username) : t.http;
    let request = client[operation.method](path);
    if (attempt.query) request = request.query(attempt.query);
    for (const [name, value] of Object.entries(attempt.headers ?? {})) request = request.set(name, value);
    if (attempt.file) return request.attach('file', attempt.file, { filename: '里程碑更新.xlsx', contentType: XLSX });
    return attempt.body === undefined ? request : request.send(attempt.body as object);
  };

  /** Sends the attempt and asserts a refusal that changed nothing, and no cookie either. */
  const refused = async (who: string, operation: Operation, attempt: Attempt, statuses: number[]) => {
    const path = fill(operation.path, RULES[operation.key].params(f));
    const before = await fingerprint(t.db);
    const res = await send(who, operation, path, attempt);
    const what = `${who} ${operation.method.toUpperCase()} ${path} ${JSON.stringify(attempt.body ?? attempt.query ?? (attempt.file ? 'file' : {}))}`;
    expect({ what, status: statuses.includes(res.status) ? 'refused' : res.status }).toEqual({ what, status: 'refused' });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect({ what, after: await fingerprint(t.db) }).toEqual({ what, after: before });
  };

  beforeAll(async () => {
    t = await bootTestApp();
    // A first sign-in records on app_user whether the password meets the policy: sign everyone in before any fingerprint.
    await Promise.all(['owner_transport', 'owner_water', 'reviewer', 'leader', 'admin'].map((username) => t.token(username)));
    ({ operations } = await servedOperations(t));
    const unit = async (code: string) => (await t.db.query(`SELECT id FROM unit WHERE code = $1`, [code])).rows[0].id as string;
    const transportUnitId = await unit('transport');
    const projects = (
      await t.db.query(`SELECT id FROM project WHERE unit_id = $1 AND stage = 'study' ORDER BY plan_order LIMIT 3`, [transportUnitId])
    ).rows.map((row) => row.id as string);
    const pendingOf = async (projectId: string) =>
      (await t.db.query(`SELECT id FROM milestone WHERE project_id = $1 AND status = 'pending' ORDER BY sort_order`, [projectId])).rows.map(
        (row) => row.id as string,
      );
    const [milestoneId] = await pendingOf(projects[0]);
    const approvalId = (
      await t.db.query(`SELECT id FROM milestone WHERE project_id = $1 AND kind = 'approval' AND status = 'pending' ORDER BY sort_order DESC LIMIT 1`, [
        projects[0],
      ])
    ).rows[0].id as string;
    const [rebaselined] = await pendingOf(projects[1]);

    const transition = await t
      .as('owner_transport')
      .post(`/api/projects/${projects[2]}/transition-requests`)
      .send({ to: 'on_hold', reason: '等待资金' })
      .expect(201);
    const rebaseline = await t
      .as('owner_transport')
      .post(`/api/milestones/${rebaselined}/rebaseline-requests`)
      .send({ baselineDate: '2029-12-31', reason: '征地延后' })
      .expect(201);
    const ownerUserId = (await t.db.query(`SELECT id FROM app_user WHERE username = 'owner_transport'`)).rows[0].id as string;
    const notification = await t.db.query(`INSERT INTO notification (user_id, kind, title, body) VALUES ($1, 'alert', '里程碑逾期', '测试') RETURNING id`, [
      ownerUserId,
    ]);
    const template = (
      await t.as('reviewer').get('/api/milestones/import-template.xlsx').query({ unitId: transportUnitId }).buffer(true).parse(binary).expect(200)
    ).body as Buffer;
    const month = today().slice(0, 7);
    const submittedMonth = '2026-01';
    const file = await t.as('owner_transport').post('/api/files').attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), '形象进度.pdf').expect(201);
    await t
      .as('owner_transport')
      .put(`/api/projects/${projects[0]}/monthly-reports/${month}`)
      .send({ completedInvestment: 1, fileIds: [file.body.id] })
      .expect(200);
    await t.as('owner_transport').put(`/api/projects/${projects[0]}/monthly-reports/${submittedMonth}`).send({ completedInvestment: 2 }).expect(200);
    await t.as('owner_transport').post(`/api/projects/${projects[0]}/monthly-reports/${submittedMonth}/submit`).expect(200);
    const planTemplate = (await t.as('reviewer').get('/api/investment-plans/template.xlsx').query({ year: 2027 }).buffer(true).parse(binary).expect(200))
      .body as Buffer;
    const reportTemplate = (await t.as('owner_transport').get('/api/monthly-reports/template.xlsx').query({ month }).buffer(true).parse(binary).expect(200))
      .body as Buffer;
    const bulletin = await t.db.query(
      `INSERT INTO bulletin (month, status, document, annex, figures, generated_at) VALUES ('2026-02', 'draft', '\\x00', '\\x00', '{}', now()) RETURNING id`,
    );
    const problem = async (title: string) =>
      (
        await t
          .as('owner_transport')
          .post(`/api/projects/${projects[0]}/problems`)
          .send({ title, description: '待协调', category: 'funding', neededBy: addDays(today(), 20) })
          .expect(201)
      ).body.id as string;
    const problemId = await problem('资金未到位');
    const closedProblemId = await problem('电力接入');
    await t.as('reviewer').post(`/api/problems/${closedProblemId}/close`).send({ note: '已接入' }).expect(200);
    f = {
      problemId,
      closedProblemId,
      bulletinId: bulletin.rows[0].id,
      fileId: file.body.id,
      planTemplate,
      reportTemplate,
      month,
      submittedMonth,
      transportUnitId,
      waterUnitId: await unit('water'),
      milestoneId,
      approvalId,
      projectId: projects[0],
      transitionRequestId: transition.body.id,
      rebaselineRequestId: rebaseline.body.id,
      ownerUserId,
      notificationId: String(notification.rows[0].id),
      template,
    };
  });
  afterAll(() => t.close());

  it('every mutating operation in the document is classified: protected by a permission, or self-service with a reason', () => {
    const mutating = operations.filter((operation) => (MUTATING_METHODS as readonly string[]).includes(operation.method));
    expect(mutating.length).toBeGreaterThanOrEqual(Object.keys(RULES).length);
    const unclassified = mutating.filter((operation) => !RULES[operation.key] && !SELF_SERVICE[operation.key]).map((operation) => operation.key);
    expect(unclassified).toEqual([]);
    // The table does not outlive the routes it describes.
    const served = new Set(mutating.map((operation) => operation.key));
    expect(Object.keys(RULES).filter((key) => !served.has(key))).toEqual([]);
    // The document states each protected write's permission, and marks the self-service ones.
    for (const operation of mutating) {
      if (RULES[operation.key])
        expect({ key: operation.key, permission: operation.permission }).toEqual({ key: operation.key, permission: expect.any(String) });
    }
  });

  it('without a token, every protected write is 401 and changes nothing', async () => {
    for (const operation of operations.filter((o) => RULES[o.key])) {
      for (const attempt of await RULES[operation.key].attempts(f, t)) await refused('anonymous', operation, attempt, [401]);
    }
  });

  it('each role the permission does not admit gets 403 (even an owner on their own unit; a leader on every write but a problem reply), and nothing changes', async () => {
    let tried = 0;
    for (const operation of operations.filter((o) => RULES[o.key])) {
      const rule = RULES[operation.key];
      for (const role of (['owner', 'reviewer', 'leader', 'admin'] as const).filter((r) => !rule.allowed.includes(r))) {
        for (const attempt of await rule.attempts(f, t)) {
          await refused(role, operation, attempt, [403]);
          tried += 1;
        }
      }
    }
    expect(tried).toBeGreaterThan(20);
  });

  it("an owner of another unit gets 403/404 on every unit-scoped write of the transport unit's resources, whatever the body, and nothing changes", async () => {
    let tried = 0;
    for (const operation of operations.filter((o) => RULES[o.key]?.unitScoped)) {
      for (const attempt of await RULES[operation.key].attempts(f, t)) {
        // The imports name their milestones or projects in the file, not the path: the rows are refused (422) and nothing is applied.
        await refused(OTHER_UNIT_OWNER, operation, attempt, FILE_NAMES_RESOURCES.includes(operation.key) ? [403, 404, 422] : [403, 404]);
        tried += 1;
      }
    }
    expect(tried).toBeGreaterThanOrEqual(9);
  });

  it('the comment-only cross-unit PATCH is 403 outside_unit: no version bump, no audit row, no change of last activity', async () => {
    const version = await milestoneVersion(t, f.milestoneId);
    const audit = async () => (await t.db.query(`SELECT count(*)::int AS n FROM audit_event`)).rows[0].n as number;
    const activity = async () => (await t.db.query(`SELECT last_activity_at FROM project WHERE id = $1`, [f.projectId])).rows[0].last_activity_at;
    const [auditBefore, activityBefore] = [await audit(), await activity()];
    const res = await t.as(OTHER_UNIT_OWNER).patch(`/api/milestones/${f.milestoneId}`).send({ version, comment: '我来改一下' }).expect(403);
    expect(res.body).toMatchObject({ code: 'outside_unit', status: 403 });
    expect(await milestoneVersion(t, f.milestoneId)).toBe(version);
    expect(await audit()).toBe(auditBefore);
    expect(await activity()).toEqual(activityBefore);
  });

  it('a reviewer may only re-baseline (with a reason): a comment alone, an unchanged baseline or a forecast is 403 and writes nothing', async () => {
    const version = await milestoneVersion(t, f.milestoneId);
    const { rows } = await t.db.query(`SELECT baseline_date::text AS baseline FROM milestone WHERE id = $1`, [f.milestoneId]);
    const operation = operations.find((o) => o.key === 'PATCH /api/milestones/{id}') as Operation;
    for (const attempt of [
      { body: { version, comment: '仅备注' } },
      { body: {}, headers: { 'If-Match': String(version) } },
      { body: { version, baselineDate: rows[0].baseline, comment: '原样' } },
      { body: { version, forecastDate: addDays(today(), 20) } },
      { body: { version, baselineDate: '2029-03-31', forecastDate: addDays(today(), 20), comment: '一并修改' } },
    ]) {
      await refused('reviewer', operation, attempt, [403]);
    }
  });

  it("the unit's own owner: a request that changes nothing answers 200 with the milestone as it is and writes nothing", async () => {
    const version = await milestoneVersion(t, f.milestoneId);
    const { rows } = await t.db.query(`SELECT forecast_date::text AS forecast FROM milestone WHERE id = $1`, [f.milestoneId]);
    for (const body of [
      { version, comment: '仅备注' },
      { version, forecastDate: rows[0].forecast },
    ]) {
      const before = await fingerprint(t.db);
      const res = await t.as('owner_transport').patch(`/api/milestones/${f.milestoneId}`).send(body).expect(200);
      expect(res.body).toMatchObject({ id: f.milestoneId, version, forecastDate: rows[0].forecast });
      expect(await fingerprint(t.db)).toEqual(before);
    }
    // A real change still goes through, audited.
    const changed = await t
      .as('owner_transport')
      .patch(`/api/milestones/${f.milestoneId}`)
      .send({ version, forecastDate: addDays(today(), 50), comment: '顺延' })
      .expect(200);
    expect(changed.body.version).toBe(version + 1);
  });

  it("self-service writes touch the caller's own data only: another user's notification is 404 and stays unread", async () => {
    const operation = operations.find((o) => o.key === 'POST /api/notifications/{id}/read') as Operation;
    const before = await fingerprint(t.db);
    const res = await t
      .as(OTHER_UNIT_OWNER)
      .post(fill(operation.path, { id: f.notificationId }))
      .expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    await t.as('reviewer').post('/api/notifications/read-all').expect(200);
    expect(await fingerprint(t.db)).toEqual(before);
  });
});
