import { addDays, todayIn } from '@qj/domain';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import type { Response } from 'supertest';
import { projectOf } from '../support/factories';
import { waitFor } from '../support/processes';
import { bootTestApp, TestApp } from '../support/test-app';

/**
 * What the console's administration needs of the API: units created, renamed, disabled only when empty and enabled
 * again; an administrator's password reset, which ends the user's sessions; and the operation log (操作日志) across
 * projects with its filters and its Excel export.
 */
const PROBLEM = /^application\/problem\+json/;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fields = (res: Response) => (res.body.errors ?? []).map((error: { field: string }) => error.field);

/** supertest buffers JSON and text; an .xlsx must be collected as bytes. */
function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
  res.on('error', (error: Error) => callback(error, Buffer.alloc(0)));
}

async function sheetRows(body: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet('操作日志');
  if (!sheet) throw new Error('no 操作日志 sheet');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1).map((value) => (value == null ? '' : String(value)))));
  return rows;
}

/** How many other backends wait on a lock while running a statement that names `table`. */
async function lockWaiters(db: Client, table: string): Promise<number> {
  const { rows } = await db.query(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid() AND query ILIKE '%' || $1 || '%'`,
    [table],
  );
  return rows[0].n;
}

describe('administration: units, password resets and the operation log', () => {
  let t: TestApp;
  let unitIds: Record<string, string>;
  beforeAll(async () => {
    t = await bootTestApp();
    const { rows } = await t.db.query(`SELECT id, code FROM unit`);
    unitIds = Object.fromEntries(rows.map((row) => [row.code, row.id]));
  });
  afterAll(() => t?.close());

  const userId = async (username: string): Promise<string> => (await t.db.query(`SELECT id FROM app_user WHERE username = $1`, [username])).rows[0].id;

  describe('units (责任单位)', () => {
    it('only admins create and change units: 403 problem+json for everyone else, and nothing is written', async () => {
      for (const username of ['reviewer', 'leader', 'owner_transport']) {
        const created = await t.as(username).post('/api/units').send({ code: 'sneaky', name: '冒名单位' }).expect(403);
        expect(created.headers['content-type']).toMatch(PROBLEM);
        await t.as(username).patch(`/api/units/${unitIds.water}`).send({ name: '冒名' }).expect(403);
      }
      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM unit WHERE code = 'sneaky' OR name = '冒名'`);
      expect(rows[0].n).toBe(0);
    });

    it('an admin creates a unit, which everyone then lists as enabled with no projects and no users', async () => {
      const created = await t
        .as('admin')
        .post('/api/units')
        .send({ code: ' Energy_Office ', name: ' 区能源办 ', sectors: ['energy'] })
        .expect(201);
      expect(created.body).toMatchObject({ code: 'energy_office', name: '区能源办', sectors: ['energy'], active: true, projectCount: 0, userCount: 0 });
      const listed = await t.as('owner_water').get('/api/units').expect(200);
      expect(listed.body.items).toContainEqual(expect.objectContaining({ id: created.body.id, code: 'energy_office', active: true }));
      const transport = listed.body.items.find((unit: { code: string }) => unit.code === 'transport');
      expect(transport.projectCount).toBeGreaterThan(0);
      expect(transport.userCount).toBeGreaterThanOrEqual(1);
    });

    it('refuses a bad code, an empty name and an unknown sector with 400 naming each field, and a taken code with 409', async () => {
      const bad = await t
        .as('admin')
        .post('/api/units')
        .send({ code: '1-bad', name: '   ', sectors: ['spaceflight'] })
        .expect(400);
      expect(fields(bad).sort()).toEqual(['code', 'name', 'sectors']);
      const taken = await t.as('admin').post('/api/units').send({ code: 'transport', name: '另一个交通局' }).expect(409);
      expect(taken.body).toMatchObject({ code: 'unit_code_taken' });
      expect(taken.body.detail).toContain('transport');
    });

    it('renames a unit; an unknown unit is 404, a bad id 400 naming id', async () => {
      const created = await t.as('admin').post('/api/units').send({ code: 'rename_me', name: '旧名称' }).expect(201);
      const renamed = await t.as('admin').patch(`/api/units/${created.body.id}`).send({ name: '新名称' }).expect(200);
      expect(renamed.body).toMatchObject({ id: created.body.id, code: 'rename_me', name: '新名称', active: true });
      await t.as('admin').patch('/api/units/00000000-0000-4000-8000-000000000000').send({ name: 'x' }).expect(404);
      const badId = await t.as('admin').patch('/api/units/not-a-uuid').send({ name: 'x' }).expect(400);
      expect(fields(badId)).toEqual(['id']);
      const badBody = await t.as('admin').patch(`/api/units/${created.body.id}`).send({ name: '', active: 'no' }).expect(400);
      expect(fields(badBody).sort()).toEqual(['active', 'name']);
    });

    it('refuses to disable a unit in use (409 naming how many projects and enabled users), and changes nothing', async () => {
      const refused = await t.as('admin').patch(`/api/units/${unitIds.transport}`).send({ name: '改名也不生效', active: false }).expect(409);
      expect(refused.headers['content-type']).toMatch(PROBLEM);
      expect(refused.body).toMatchObject({ code: 'unit_in_use', projectCount: expect.any(Number), userCount: expect.any(Number) });
      expect(refused.body.projectCount).toBeGreaterThan(0);
      const { rows } = await t.db.query(`SELECT name, active FROM unit WHERE id = $1`, [unitIds.transport]);
      expect(rows[0]).toEqual({ name: '区交通局', active: true });
    });

    it('a unit with an enabled user but no project is in use until the user is disabled; a disabled unit takes no new user until enabled again', async () => {
      const unit = (await t.as('admin').post('/api/units').send({ code: 'staffed_unit', name: '有人的单位' }).expect(201)).body;
      const user = (
        await t
          .as('admin')
          .post('/api/admin/users')
          .send({ username: 'staffed_owner', displayName: '单位用户', role: 'owner', unitId: unit.id, password: 'Staffed#Unit2030' })
          .expect(201)
      ).body;
      const inUse = await t.as('admin').patch(`/api/units/${unit.id}`).send({ active: false }).expect(409);
      expect(inUse.body).toMatchObject({ code: 'unit_in_use', projectCount: 0, userCount: 1 });

      await t.as('admin').patch(`/api/admin/users/${user.id}`).send({ active: false }).expect(200);
      const disabled = await t.as('admin').patch(`/api/units/${unit.id}`).send({ active: false }).expect(200);
      expect(disabled.body).toMatchObject({ active: false, userCount: 0 });

      const refused = await t
        .as('admin')
        .post('/api/admin/users')
        .send({ username: 'late_owner', displayName: '迟来的用户', role: 'owner', unitId: unit.id, password: 'Staffed#Unit2030' })
        .expect(400);
      expect(fields(refused)).toEqual(['unitId']);
      expect(refused.body.errors[0].message).toContain('停用');
      // Nor is a user of it enabled again while it is disabled.
      const notEnabled = await t.as('admin').patch(`/api/admin/users/${user.id}`).send({ active: true }).expect(400);
      expect(fields(notEnabled)).toEqual(['unitId']);
      expect((await t.db.query(`SELECT active FROM app_user WHERE id = $1`, [user.id])).rows).toEqual([{ active: false }]);

      await t.as('admin').patch(`/api/units/${unit.id}`).send({ active: true }).expect(200);
      await t
        .as('admin')
        .post('/api/admin/users')
        .send({ username: 'late_owner', displayName: '迟来的用户', role: 'owner', unitId: unit.id, password: 'Staffed#Unit2030' })
        .expect(201);
    });

    it('a user created while the unit is being disabled waits for the disabling and is refused: no enabled user in a disabled unit', async () => {
      const unit = (await t.as('admin').post('/api/units').send({ code: 'closing_unit', name: '撤并中的单位' }).expect(201)).body;
      // Another transaction disables the unit and has not committed yet: the creation must wait for it, then see it.
      const other = new Client({ connectionString: t.env.DATABASE_URL, options: `-c search_path=${t.env.DATABASE_SCHEMA},public` });
      await other.connect();
      try {
        await other.query('BEGIN');
        await other.query(`UPDATE unit SET active = false WHERE id = $1`, [unit.id]);
        const creating = t
          .as('admin')
          .post('/api/admin/users')
          .send({ username: 'racing_owner', displayName: '赶在撤并时的用户', role: 'owner', unitId: unit.id, password: 'Racing#Unit2030' })
          .then((res) => res);
        // Asked on another connection: inside a transaction, pg_stat_activity keeps the snapshot it first read.
        await waitFor('the creation to wait on the unit', async () => (await lockWaiters(t.db, 'unit')) > 0, 10_000, 50);
        await other.query('COMMIT');
        const res = await creating;
        expect([res.status, fields(res)]).toEqual([400, ['unitId']]);
      } finally {
        await other.end();
      }
      expect((await t.db.query(`SELECT count(*)::int AS n FROM app_user WHERE username = 'racing_owner'`)).rows).toEqual([{ n: 0 }]);
    });
  });

  describe('POST /api/admin/users/:id/password (重置密码)', () => {
    it('sets the password, ends every session of the user at once (the old token gets 401), and the user signs in with the new one', async () => {
      await t
        .as('admin')
        .post('/api/admin/users')
        .send({ username: 'reset_me', displayName: '待重置', role: 'reviewer', password: 'Before#Reset2030' })
        .expect(201);
      const before = await t.http.post('/api/auth/login').send({ username: 'reset_me', password: 'Before#Reset2030' }).expect(200);
      const oldToken = before.body.accessToken as string;
      await t.http.get('/api/auth/me').set('Authorization', `Bearer ${oldToken}`).expect(200);

      const reset = await t
        .as('admin')
        .post(`/api/admin/users/${await userId('reset_me')}/password`)
        .send({ password: 'After#Reset2030' })
        .expect(200);
      expect(reset.body).toMatchObject({ username: 'reset_me', active: true });
      expect(JSON.stringify(reset.body)).not.toMatch(/After#Reset2030|scrypt/);

      const old = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${oldToken}`).expect(401);
      expect(old.headers['content-type']).toMatch(PROBLEM);
      await t.http.post('/api/auth/login').send({ username: 'reset_me', password: 'Before#Reset2030' }).expect(401);
      const after = await t.http.post('/api/auth/login').send({ username: 'reset_me', password: 'After#Reset2030' }).expect(200);
      expect(after.body.user).toMatchObject({ username: 'reset_me', mustChangePassword: false });
    });

    it('refuses a password below the policy with 400 naming password; a missing one too; an unknown user is 404', async () => {
      const id = await userId('owner_water');
      const weak = await t.as('admin').post(`/api/admin/users/${id}/password`).send({ password: 'short' }).expect(400);
      expect(fields(weak)).toEqual(['password']);
      const missing = await t.as('admin').post(`/api/admin/users/${id}/password`).send({}).expect(400);
      expect(fields(missing)).toEqual(['password']);
      await t.as('admin').post('/api/admin/users/00000000-0000-4000-8000-000000000000/password').send({ password: 'Unknown#User2030' }).expect(404);
    });

    it('is for admins only: a reviewer, a leader and an owner get 403 and the password stays', async () => {
      const id = await userId('owner_water');
      const { rows: before } = await t.db.query(`SELECT password_hash, token_generation FROM app_user WHERE id = $1`, [id]);
      for (const username of ['reviewer', 'leader', 'owner_transport', 'owner_water']) {
        await t.as(username).post(`/api/admin/users/${id}/password`).send({ password: 'Taken#Over2030x' }).expect(403);
      }
      const { rows: after } = await t.db.query(`SELECT password_hash, token_generation FROM app_user WHERE id = $1`, [id]);
      expect(after).toEqual(before);
    });
  });

  describe('GET /api/audit (操作日志)', () => {
    let transportProject: { id: string; name: string };
    let waterProject: { id: string; name: string };
    const today = () => todayIn('Asia/Shanghai');

    beforeAll(async () => {
      transportProject = await projectOf(t, 'transport', 3);
      waterProject = await projectOf(t, 'water', 3);
      await t.db.query(`UPDATE project SET project_code = '2601-500110-04-01-900001' WHERE id = $1`, [transportProject.id]);
      const problem = (title: string) => ({ title, description: '征地进度滞后', category: 'land', neededBy: addDays(today(), 20) });
      await t.as('owner_transport').post(`/api/projects/${transportProject.id}/problems`).send(problem('交通项目用地未落实')).expect(201);
      await t.as('owner_water').post(`/api/projects/${waterProject.id}/problems`).send(problem('水利项目用地未落实')).expect(201);
      // An older change, ten days ago, to filter by day.
      await t.db.query(
        `INSERT INTO audit_event (at, project_id, entity_type, entity_id, action, actor_id, actor_name, before, after, comment)
         VALUES (now() - interval '10 days', $1::uuid, 'project', $1::text, 'project.unit_reassigned', $2, '系统管理员', NULL, NULL, '按区政府分工调整')`,
        [transportProject.id, await userId('admin')],
      );
    });

    it('reviewers, leaders and admins read it; owners get 403 (they read their projects’ history instead)', async () => {
      for (const username of ['reviewer', 'leader', 'admin']) await t.as(username).get('/api/audit').expect(200);
      const owner = await t.as('owner_transport').get('/api/audit').expect(403);
      expect(owner.headers['content-type']).toMatch(PROBLEM);
      await t.as('owner_transport').get('/api/audit/export.xlsx').expect(403);
      await t.as('owner_transport').get('/api/audit/kinds').expect(403);
      await t.http.get('/api/audit').expect(401);
    });

    it('lists changes newest first with who, which unit, which project, the kind in both languages and what happened', async () => {
      const res = await t.as('reviewer').get('/api/audit').query({ unitId: unitIds.transport }).expect(200);
      expect(res.body.total).toBeGreaterThanOrEqual(2);
      const [first] = res.body.items;
      expect(first).toMatchObject({
        kind: 'problem.raised',
        kindLabel: { zh: '提出问题', en: 'Problem raised' },
        actor: { id: await userId('owner_transport'), name: '区交通局项目负责人' },
        unit: { id: unitIds.transport, code: 'transport', name: '区交通局' },
        project: { id: transportProject.id, name: transportProject.name, code: '2601-500110-04-01-900001' },
      });
      expect(first.summary).toContain('交通项目用地未落实');
      const times = res.body.items.map((item: { at: string }) => Date.parse(item.at));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(res.body.items.every((item: { unit: { code: string } }) => item.unit.code === 'transport')).toBe(true);
    });

    it('filters by user, kind and days (inclusive), and pages', async () => {
      const byUser = await t
        .as('leader')
        .get('/api/audit')
        .query({ userId: await userId('owner_water') })
        .expect(200);
      expect(byUser.body.items.map((item: { project: { id: string } }) => item.project.id)).toEqual([waterProject.id]);

      const byKind = await t.as('admin').get('/api/audit').query({ kind: 'project.unit_reassigned' }).expect(200);
      expect(byKind.body.items).toHaveLength(1);
      expect(byKind.body.items[0]).toMatchObject({ kindLabel: { zh: '变更责任单位' }, actor: { name: '系统管理员' } });
      expect(byKind.body.items[0].summary).toContain('按区政府分工调整');

      const tenDaysAgo = addDays(today(), -10);
      const thatDay = await t.as('reviewer').get('/api/audit').query({ from: tenDaysAgo, to: tenDaysAgo }).expect(200);
      expect(thatDay.body.items.map((item: { kind: string }) => item.kind)).toEqual(['project.unit_reassigned']);
      const sinceYesterday = await t
        .as('reviewer')
        .get('/api/audit')
        .query({ unitId: unitIds.transport, from: addDays(today(), -1) })
        .expect(200);
      expect(sinceYesterday.body.items.map((item: { kind: string }) => item.kind)).not.toContain('project.unit_reassigned');

      const page1 = await t.as('reviewer').get('/api/audit').query({ unitId: unitIds.transport, pageSize: 1 }).expect(200);
      const page2 = await t.as('reviewer').get('/api/audit').query({ unitId: unitIds.transport, pageSize: 1, page: 2 }).expect(200);
      expect(page1.body).toMatchObject({ page: 1, pageSize: 1, total: page2.body.total });
      expect(page1.body.items).toHaveLength(1);
      expect(page2.body.items[0].id).not.toBe(page1.body.items[0].id);
    });

    it('names every bad filter with 400: an unknown kind, an impossible day, to before from, a page out of range, a bad id', async () => {
      const kind = await t.as('reviewer').get('/api/audit').query({ kind: 'project.exploded' }).expect(400);
      expect(fields(kind)).toEqual(['kind']);
      const day = await t.as('reviewer').get('/api/audit').query({ from: '2026-02-30' }).expect(400);
      expect(fields(day)).toEqual(['from']);
      const order = await t.as('reviewer').get('/api/audit').query({ from: '2026-11-20', to: '2026-11-01' }).expect(400);
      expect(fields(order)).toEqual(['to']);
      const page = await t.as('reviewer').get('/api/audit').query({ page: 0, pageSize: 500 }).expect(400);
      expect(fields(page).sort()).toEqual(['page', 'pageSize']);
      const ids = await t.as('reviewer').get('/api/audit').query({ unitId: 'x', userId: 'y' }).expect(400);
      expect(fields(ids).sort()).toEqual(['unitId', 'userId']);
      const exported = await t.as('reviewer').get('/api/audit/export.xlsx').query({ kind: 'nope' }).expect(400);
      expect(fields(exported)).toEqual(['kind']);
    });

    it('lists who appears in the log as actors (the user filter’s options), owners refused', async () => {
      const res = await t.as('reviewer').get('/api/audit/actors').expect(200);
      expect(res.body.items).toContainEqual({
        id: await userId('owner_water'),
        name: '区水利局项目负责人',
        username: 'owner_water',
        unit: { id: unitIds.water, code: 'water', name: '区水利局' },
      });
      expect(res.body.items.map((item: { username: string }) => item.username)).not.toContain('owner_health');
      await t.as('owner_water').get('/api/audit/actors').expect(403);
    });

    it('names every kind of change in both languages (the filter’s options)', async () => {
      const res = await t.as('leader').get('/api/audit/kinds').expect(200);
      expect(res.body.items).toContainEqual({ code: 'transition.approved', label: { zh: '批准阶段转换', en: 'Stage change approved' } });
      expect(res.body.items.every((item: { label: { zh: string; en: string } }) => item.label.zh && item.label.en)).toBe(true);
    });

    it('exports the filtered log to Excel: title, the filters named, a header, one row per change newest first', async () => {
      const res = await t.as('reviewer').get('/api/audit/export.xlsx').query({ unitId: unitIds.transport }).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toBe(XLSX);
      expect(res.headers['content-disposition']).toContain(encodeURIComponent('操作日志_'));
      const listed = await t.as('reviewer').get('/api/audit').query({ unitId: unitIds.transport, pageSize: 100 }).expect(200);
      expect(res.headers['x-total-count']).toBe(String(listed.body.total));

      const rows = await sheetRows(res.body as Buffer);
      expect(rows[0][0]).toContain('操作日志');
      expect(rows[1][0]).toContain('单位：区交通局');
      expect(rows[1][0]).toContain(`共 ${listed.body.total} 条`);
      expect(rows[1][0]).not.toContain('仅导出');
      expect(rows[2]).toEqual(['时间', '操作人', '单位', '项目', '项目代码', '操作类型', '内容']);
      const data = rows.slice(3);
      expect(data).toHaveLength(listed.body.total);
      expect(data[0]).toEqual([
        expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
        '区交通局项目负责人',
        '区交通局',
        transportProject.name,
        '2601-500110-04-01-900001',
        '提出问题',
        expect.stringContaining('交通项目用地未落实'),
      ]);
      expect(data.map((row) => row[5])).toContain('变更责任单位');
      expect(data.every((row) => row[2] === '区交通局')).toBe(true);
    });

    it('cuts an export at 10,000 rows, newest first, and says so in the line under the title', async () => {
      const bulk = (
        await t
          .as('admin')
          .post('/api/admin/users')
          .send({ username: 'bulk_uploader', displayName: '批量上传人', role: 'reviewer', password: 'Bulk#Upload2030' })
          .expect(201)
      ).body;
      await t.db.query(
        `INSERT INTO audit_event (at, project_id, entity_type, entity_id, action, actor_id, actor_name, after)
         SELECT now() - make_interval(secs => 10006 - n), NULL, 'file', 'bulk-' || n, 'file.uploaded', $1, '批量上传人', jsonb_build_object('name', '照片' || n || '.jpg')
         FROM generate_series(1, 10005) AS n`,
        [bulk.id],
      );
      const res = await t.as('admin').get('/api/audit/export.xlsx').query({ userId: bulk.id }).buffer(true).parse(binary).expect(200);
      expect(res.headers['x-total-count']).toBe('10005');
      const rows = await sheetRows(res.body as Buffer);
      expect(rows[1][0]).toContain('操作人：批量上传人');
      expect(rows[1][0]).toContain('仅导出最新的 10000 条，共 10005 条符合条件');
      const data = rows.slice(3);
      expect(data).toHaveLength(10_000);
      expect(data[0][6]).toContain('照片10005.jpg');
      expect(data[9_999][6]).toContain('照片6.jpg');
      expect(data[0][5]).toBe('上传附件');
    });
  });
});
