import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { bootTestApp, TestApp } from '../support/test-app';

/**
 * An administrator's changes to users and units in the operation log (操作日志): each change leaves exactly its rows, in
 * the change's transaction, naming the admin, the unit concerned and what changed; a refused request or one that changes
 * nothing leaves none; no password or hash is ever written; the kind and unit filters and the export find the rows, and
 * who may read them is who may read the log.
 */
interface AuditRow {
  action: string;
  actorId: string;
  actorName: string;
  projectId: string | null;
  unitId: string | null;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  comment: string | null;
}

interface LogItem {
  id: string;
  kind: string;
  kindLabel: { zh: string; en: string };
  actor: { id: string; name: string };
  unit: { id: string; code: string; name: string } | null;
  project: unknown;
  summary: string;
}

function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
  res.on('error', (error: Error) => callback(error, Buffer.alloc(0)));
}

const ADMIN_KINDS = [
  'user.created',
  'user.updated',
  'user.disabled',
  'user.enabled',
  'user.password_reset',
  'unit.created',
  'unit.renamed',
  'unit.sectors_changed',
  'unit.disabled',
  'unit.enabled',
];

describe('administrators’ changes to users and units in the operation log', () => {
  let t: TestApp;
  let unitIds: Record<string, string>;
  let adminId: string;
  beforeAll(async () => {
    t = await bootTestApp();
    const { rows } = await t.db.query(`SELECT id, code FROM unit`);
    unitIds = Object.fromEntries(rows.map((row) => [row.code, row.id]));
    adminId = (await t.db.query(`SELECT id FROM app_user WHERE username = 'admin'`)).rows[0].id;
  });
  afterAll(() => t?.close());

  const mark = async (): Promise<number> => Number((await t.db.query(`SELECT coalesce(max(id), 0) AS id FROM audit_event`)).rows[0].id);
  const rowsSince = async (since: number): Promise<AuditRow[]> =>
    (
      await t.db.query(
        `SELECT action, actor_id AS "actorId", actor_name AS "actorName", project_id AS "projectId", unit_id AS "unitId",
                entity_type AS "entityType", entity_id AS "entityId", before, after, comment
         FROM audit_event WHERE id > $1 ORDER BY id`,
        [since],
      )
    ).rows;
  /** The rows the request leaves: it runs, then every audit row written since it started. */
  const auditOf = async (request: () => Promise<unknown>): Promise<AuditRow[]> => {
    const since = await mark();
    await request();
    return rowsSince(since);
  };
  const log = async (query: Record<string, string>, as = 'admin'): Promise<LogItem[]> =>
    (
      await t
        .as(as)
        .get('/api/audit')
        .query({ pageSize: 100, ...query })
        .expect(200)
    ).body.items;
  const byAdmin = { actorId: expect.any(String), actorName: '平台管理员', projectId: null };

  describe('units', () => {
    let unitId: string;

    it('creating a unit leaves one unit.created row under the unit, which the kind and unit filters find in words', async () => {
      let created: Response | undefined;
      const rows = await auditOf(async () => {
        created = await t
          .as('admin')
          .post('/api/units')
          .send({ code: 'energy_office', name: '区能源办', sectors: ['energy'] })
          .expect(201);
      });
      unitId = created!.body.id;
      expect(rows).toEqual([
        {
          ...byAdmin,
          actorId: adminId,
          action: 'unit.created',
          unitId,
          entityType: 'unit',
          entityId: unitId,
          before: null,
          after: { code: 'energy_office', name: '区能源办', sectors: ['energy'] },
          comment: null,
        },
      ]);
      const [item] = await log({ kind: 'unit.created', unitId });
      expect(item).toMatchObject({
        kind: 'unit.created',
        kindLabel: { zh: '新建单位', en: 'Unit created' },
        actor: { id: adminId, name: '平台管理员' },
        unit: { id: unitId, code: 'energy_office', name: '区能源办' },
        project: null,
        summary: '新建单位 区能源办（energy_office），默认行业：能源',
      });
    });

    it('renaming and changing sectors in one request leaves a row for each; the same values again, or nothing sent, leave none', async () => {
      const rows = await auditOf(() =>
        t
          .as('admin')
          .patch(`/api/units/${unitId}`)
          .send({ name: '区能源局', sectors: ['energy', 'digital'] })
          .expect(200),
      );
      expect(rows.map((row) => [row.action, row.unitId, row.entityId])).toEqual([
        ['unit.renamed', unitId, unitId],
        ['unit.sectors_changed', unitId, unitId],
      ]);
      const summaries = (await log({ unitId })).map((item) => item.summary);
      expect(summaries).toContain('单位 区能源办（energy_office） 更名为 区能源局');
      expect(summaries).toContain('单位 区能源局（energy_office） 默认行业 能源 → 能源、数字经济');

      for (const body of [{ name: '区能源局' }, { sectors: ['digital', 'energy'] }, { active: true }, {}]) {
        expect(await auditOf(() => t.as('admin').patch(`/api/units/${unitId}`).send(body).expect(200))).toEqual([]);
      }
    });

    it('disabling and enabling leave unit.disabled and unit.enabled', async () => {
      const disabled = await auditOf(() => t.as('admin').patch(`/api/units/${unitId}`).send({ active: false }).expect(200));
      expect(disabled).toEqual([expect.objectContaining({ action: 'unit.disabled', unitId, before: expect.objectContaining({ active: true }) })]);
      const enabled = await auditOf(() => t.as('admin').patch(`/api/units/${unitId}`).send({ active: true }).expect(200));
      expect(enabled).toEqual([expect.objectContaining({ action: 'unit.enabled', unitId, after: expect.objectContaining({ active: true }) })]);
      expect((await log({ kind: 'unit.disabled' })).map((item) => item.summary)).toEqual(['停用单位 区能源局（energy_office）']);
      expect((await log({ kind: 'unit.enabled' })).map((item) => item.summary)).toEqual(['启用单位 区能源局（energy_office）']);
    });

    it('a refused request leaves no row: a unit in use (409), a taken code (409), a bad field (400), an unknown unit (404), a non-admin (403)', async () => {
      const rows = await auditOf(async () => {
        await t.as('admin').patch(`/api/units/${unitIds.transport}`).send({ name: '改名也不生效', active: false }).expect(409);
        await t.as('admin').post('/api/units').send({ code: 'transport', name: '另一个交通局' }).expect(409);
        await t.as('admin').post('/api/units').send({ code: 'fine_code', name: '  ' }).expect(400);
        await t.as('admin').patch(`/api/units/${unitId}`).send({ name: '又一个名字', active: 'no' }).expect(400);
        await t.as('admin').patch('/api/units/00000000-0000-4000-8000-000000000000').send({ name: '无此单位' }).expect(404);
        await t.as('reviewer').patch(`/api/units/${unitId}`).send({ name: '冒名' }).expect(403);
      });
      expect(rows).toEqual([]);
    });
  });

  describe('users', () => {
    let userId: string;
    const PASSWORDS = ['Water#Plan2030', 'Reset#Water2031', 'Patch#Water2032', 'Weak#1x'];

    it('creating a user leaves one user.created row under the user’s unit, naming them, their role and unit', async () => {
      let created: Response | undefined;
      const rows = await auditOf(async () => {
        created = await t
          .as('admin')
          .post('/api/admin/users')
          .send({ username: 'li_si', displayName: '李四', role: 'owner', unitId: unitIds.water, password: PASSWORDS[0], email: 'lisi@qj.gov.cn' })
          .expect(201);
      });
      userId = created!.body.id;
      expect(rows).toEqual([
        {
          ...byAdmin,
          action: 'user.created',
          unitId: unitIds.water,
          entityType: 'user',
          entityId: userId,
          before: null,
          after: { username: 'li_si', displayName: '李四', role: 'owner', unitId: unitIds.water, unitName: '区水利局', email: 'lisi@qj.gov.cn' },
          comment: null,
        },
      ]);
      const [item] = await log({ kind: 'user.created', unitId: unitIds.water });
      expect(item).toMatchObject({
        kindLabel: { zh: '新建用户', en: 'User created' },
        actor: { id: adminId, name: '平台管理员' },
        unit: { id: unitIds.water, name: '区水利局' },
        project: null,
        summary: '新建用户 李四（li_si），角色 项目责任单位，单位 区水利局',
      });
    });

    it('changing name, role, unit and e-mail leaves one user.updated row, under the new unit, saying what changed', async () => {
      const rows = await auditOf(() =>
        t.as('admin').patch(`/api/admin/users/${userId}`).send({ displayName: '李四光', unitId: unitIds.transport, email: null }).expect(200),
      );
      expect(rows).toEqual([
        expect.objectContaining({
          action: 'user.updated',
          unitId: unitIds.transport,
          entityId: userId,
          before: { username: 'li_si', displayName: '李四', unitId: unitIds.water, unitName: '区水利局', email: 'lisi@qj.gov.cn' },
          after: { username: 'li_si', displayName: '李四光', unitId: unitIds.transport, unitName: '区交通局', email: null },
        }),
      ]);
      const [item] = await log({ kind: 'user.updated', unitId: unitIds.transport });
      expect(item.summary).toBe('修改用户 李四（li_si）：姓名 李四 → 李四光，单位 区水利局 → 区交通局，邮箱 lisi@qj.gov.cn → 未填');
      expect(await log({ kind: 'user.updated', unitId: unitIds.water })).toEqual([]);

      const promoted = await auditOf(() => t.as('admin').patch(`/api/admin/users/${userId}`).send({ role: 'reviewer', unitId: null }).expect(200));
      // A user who leaves their unit is shown under the unit they left.
      expect(promoted).toEqual([expect.objectContaining({ action: 'user.updated', unitId: unitIds.transport })]);
      expect((await log({ kind: 'user.updated', unitId: unitIds.transport }))[0].summary).toBe(
        '修改用户 李四光（li_si）：角色 项目责任单位 → 审核人（区发展改革委），单位 区交通局 → 无',
      );
      await t.as('admin').patch(`/api/admin/users/${userId}`).send({ role: 'owner', unitId: unitIds.water }).expect(200);
    });

    it('a request that changes nothing leaves no row', async () => {
      for (const body of [{}, { displayName: '李四光' }, { role: 'owner', unitId: unitIds.water, active: true }]) {
        expect(await auditOf(() => t.as('admin').patch(`/api/admin/users/${userId}`).send(body).expect(200))).toEqual([]);
      }
    });

    it('disabling and enabling leave user.disabled and user.enabled under the user’s unit', async () => {
      const disabled = await auditOf(() => t.as('admin').patch(`/api/admin/users/${userId}`).send({ active: false }).expect(200));
      expect(disabled).toEqual([
        expect.objectContaining({
          action: 'user.disabled',
          unitId: unitIds.water,
          entityId: userId,
          before: { username: 'li_si', displayName: '李四光', active: true },
          after: { username: 'li_si', displayName: '李四光', active: false },
        }),
      ]);
      const enabled = await auditOf(() => t.as('admin').patch(`/api/admin/users/${userId}`).send({ active: true }).expect(200));
      expect(enabled).toEqual([expect.objectContaining({ action: 'user.enabled', unitId: unitIds.water })]);
      const [item] = await log({ kind: 'user.disabled', unitId: unitIds.water });
      expect(item).toMatchObject({
        kindLabel: { zh: '停用用户', en: 'User disabled' },
        unit: { id: unitIds.water },
        summary: '停用用户 李四光（li_si），其登录立即失效',
      });
    });

    it('a password reset, by its route or in a PATCH with other changes, leaves user.password_reset, and no password or hash is written', async () => {
      const reset = await auditOf(() => t.as('admin').post(`/api/admin/users/${userId}/password`).send({ password: PASSWORDS[1] }).expect(200));
      expect(reset).toEqual([
        expect.objectContaining({
          action: 'user.password_reset',
          unitId: unitIds.water,
          entityId: userId,
          before: null,
          after: { username: 'li_si', displayName: '李四光' },
        }),
      ]);
      const [item] = await log({ kind: 'user.password_reset' });
      expect(item).toMatchObject({ kindLabel: { zh: '重置密码', en: 'Password reset' }, summary: '重置用户 李四光（li_si） 的密码，其所有登录已失效' });

      const patched = await auditOf(() => t.as('admin').patch(`/api/admin/users/${userId}`).send({ password: PASSWORDS[2], active: false }).expect(200));
      expect(patched.map((row) => row.action)).toEqual(['user.disabled', 'user.password_reset']);
      await t.as('admin').patch(`/api/admin/users/${userId}`).send({ active: true }).expect(200);

      const { rows: hashes } = await t.db.query(`SELECT password_hash FROM app_user`);
      const everything = JSON.stringify((await t.db.query(`SELECT * FROM audit_event`)).rows);
      for (const secret of [...PASSWORDS, ...hashes.map((row) => row.password_hash as string)]) expect(everything).not.toContain(secret);
      expect(everything).not.toMatch(/"password|scrypt/i);
      const listed = JSON.stringify(await log({ unitId: unitIds.water }));
      for (const secret of PASSWORDS) expect(listed).not.toContain(secret);
    });

    it('a refused request leaves no row: a taken username, a weak password, a bad field, an unknown user, the last admin, a non-admin', async () => {
      const rows = await auditOf(async () => {
        await t.as('admin').post('/api/admin/users').send({ username: 'li_si', displayName: '重名', role: 'reviewer', password: 'Taken#Name2030' }).expect(409);
        await t.as('admin').post('/api/admin/users').send({ username: 'weak_one', displayName: '弱密码', role: 'reviewer', password: 'password1' }).expect(400);
        await t.as('admin').post(`/api/admin/users/${userId}/password`).send({ password: PASSWORDS[3] }).expect(400);
        await t.as('admin').patch(`/api/admin/users/${userId}`).send({ displayName: '新名字', role: 'superuser' }).expect(400);
        await t.as('admin').patch(`/api/admin/users/${userId}`).send({ displayName: '新名字', unitId: null }).expect(400);
        await t.as('admin').patch('/api/admin/users/00000000-0000-4000-8000-000000000000').send({ active: false }).expect(404);
        await t.as('admin').patch(`/api/admin/users/${adminId}`).send({ active: false }).expect(409);
        await t.as('reviewer').patch(`/api/admin/users/${userId}`).send({ active: false }).expect(403);
      });
      expect(rows).toEqual([]);
    });

    it('a user with no unit is under no unit, not the admin’s', async () => {
      // An admin who has a unit (given the demo password directly, to sign in as them).
      await t
        .as('admin')
        .post('/api/admin/users')
        .send({ username: 'water_admin', displayName: '水利局管理员', role: 'admin', unitId: unitIds.water, password: 'Rivers#Keeper2030' })
        .expect(201);
      await t.db.query(`UPDATE app_user SET password_hash = (SELECT password_hash FROM app_user WHERE username = 'admin') WHERE username = 'water_admin'`);
      const rows = await auditOf(() =>
        t
          .as('water_admin')
          .post('/api/admin/users')
          .send({ username: 'zhao_liu', displayName: '赵六', role: 'leader', password: 'Leader#Plan2030' })
          .expect(201),
      );
      expect(rows).toEqual([expect.objectContaining({ action: 'user.created', actorName: '水利局管理员', unitId: null })]);
      const [item] = await log({ kind: 'user.created', userId: (await t.db.query(`SELECT id FROM app_user WHERE username = 'water_admin'`)).rows[0].id });
      expect(item).toMatchObject({ unit: null, summary: '新建用户 赵六（zhao_liu），角色 区领导' });
      expect((await log({ unitId: unitIds.water })).map((entry) => entry.summary)).not.toContain(item.summary);
    });
  });

  describe('who reads them', () => {
    it('the kind filter offers every admin kind, labelled in both languages', async () => {
      const { items } = (await t.as('reviewer').get('/api/audit/kinds').expect(200)).body as {
        items: Array<{ code: string; label: { zh: string; en: string } }>;
      };
      expect(items.map((kind) => kind.code)).toEqual(expect.arrayContaining(ADMIN_KINDS));
      expect(items).toContainEqual({ code: 'user.password_reset', label: { zh: '重置密码', en: 'Password reset' } });
    });

    it('reviewers and leaders read them as admins do; owners get 403 however they ask, their own unit included', async () => {
      const asAdmin = await log({ unitId: unitIds.water });
      expect(asAdmin.map((item) => item.kind)).toEqual(expect.arrayContaining(['user.created', 'user.disabled', 'user.password_reset']));
      for (const reader of ['reviewer', 'leader']) expect(await log({ unitId: unitIds.water }, reader)).toEqual(asAdmin);
      for (const path of ['/api/audit', '/api/audit/export.xlsx', '/api/audit/kinds', '/api/audit/actors']) {
        await t.as('owner_water').get(path).query({ unitId: unitIds.water, kind: 'user.disabled' }).expect(403);
      }
      await t.http.get('/api/audit').query({ kind: 'user.disabled' }).expect(401);
    });

    it('the export lists them with the unit, no project, the kind and the sentence', async () => {
      const res = await t.as('leader').get('/api/audit/export.xlsx').query({ unitId: unitIds.water }).buffer(true).parse(binary).expect(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body as unknown as ExcelJS.Buffer);
      const sheet = workbook.getWorksheet('操作日志');
      if (!sheet) throw new Error('no 操作日志 sheet');
      const rows: string[][] = [];
      sheet.eachRow((row, n) => {
        if (n > 3) rows.push((row.values as unknown[]).slice(1).map((value) => (value == null ? '' : String(value))));
      });
      expect(res.headers['x-total-count']).toBe(String((await log({ unitId: unitIds.water })).length));
      expect(rows).toContainEqual([expect.any(String), '平台管理员', '区水利局', '', '', '停用用户', '停用用户 李四光（li_si），其登录立即失效']);
      expect(rows).toContainEqual([
        expect.any(String),
        '平台管理员',
        '区水利局',
        '',
        '',
        '新建用户',
        '新建用户 李四（li_si），角色 项目责任单位，单位 区水利局',
      ]);
      expect(rows).toContainEqual([expect.any(String), '平台管理员', '区水利局', '', '', '重置密码', expect.stringContaining('李四光（li_si）')]);
      expect(JSON.stringify(rows)).not.toMatch(/Water#Plan2030|Reset#Water2031|Patch#Water2032|scrypt/);
    });
  });

  it('each row is written in its change’s transaction: when the row cannot be written, the change does not happen either', async () => {
    await t.as('admin').post('/api/units').send({ code: 'tx_unit', name: '事务单位' }).expect(201);
    await t
      .as('admin')
      .post('/api/admin/users')
      .send({ username: 'tx_user', displayName: '事务用户', role: 'reviewer', password: 'Commit#Both2030' })
      .expect(201);
    const unit = (await t.db.query(`SELECT id, name, active FROM unit WHERE code = 'tx_unit'`)).rows[0];
    const user = (await t.db.query(`SELECT id, display_name, active, password_hash, token_generation FROM app_user WHERE username = 'tx_user'`)).rows[0];
    await t.db.query(`ALTER TABLE audit_event ADD CONSTRAINT refuse_admin_rows CHECK (entity_type NOT IN ('user', 'unit')) NOT VALID`);
    try {
      await t.as('admin').post('/api/units').send({ code: 'never_made', name: '不会创建' }).expect(500);
      await t.as('admin').patch(`/api/units/${unit.id}`).send({ name: '不会生效', active: false }).expect(500);
      await t
        .as('admin')
        .post('/api/admin/users')
        .send({ username: 'never_made', displayName: '不会创建', role: 'leader', password: 'Rolled#Back2030' })
        .expect(500);
      await t.as('admin').patch(`/api/admin/users/${user.id}`).send({ displayName: '不会生效', active: false }).expect(500);
      await t.as('admin').post(`/api/admin/users/${user.id}/password`).send({ password: 'Rolled#Back2030' }).expect(500);
    } finally {
      await t.db.query(`ALTER TABLE audit_event DROP CONSTRAINT refuse_admin_rows`);
    }
    expect((await t.db.query(`SELECT id, name, active FROM unit WHERE code = 'tx_unit'`)).rows).toEqual([unit]);
    expect((await t.db.query(`SELECT id, display_name, active, password_hash, token_generation FROM app_user WHERE username = 'tx_user'`)).rows).toEqual([
      user,
    ]);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM unit WHERE code = 'never_made'`)).rows[0].n).toBe(0);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM app_user WHERE username = 'never_made'`)).rows[0].n).toBe(0);
  });
});
