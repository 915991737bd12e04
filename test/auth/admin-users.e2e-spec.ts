import { loadCatalog } from '@qj/catalog';
import { ensureDemoAccounts } from '../../apps/api/src/auth';
import { bootTestApp, DEMO_PASSWORD, TestApp } from '../support/test-app';

const PROBLEM = /^application\/problem\+json/;
const UNITS = loadCatalog().units;

describe('people and units', () => {
  let t: TestApp;
  let unitIds: Record<string, string>;
  beforeAll(async () => {
    t = await bootTestApp();
    const { rows } = await t.db.query(`SELECT id, code FROM unit`);
    unitIds = Object.fromEntries(rows.map((row) => [row.code, row.id]));
  });
  afterAll(() => t.close());

  const login = (username: string, password: string) => t.http.post('/api/auth/login').send({ username, password });

  describe('roles', () => {
    it.each(['owner_transport', 'reviewer'])('%s gets 403 problem+json on GET /api/admin/users', async (username) => {
      const res = await t.as(username).get('/api/admin/users').expect(403);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ status: 403, code: 'forbidden', detail: '无权执行此操作' });
    });

    it('an owner cannot create or change users either', async () => {
      await t.as('owner_transport').post('/api/admin/users').send({}).expect(403);
      const { rows } = await t.db.query(`SELECT id FROM app_user WHERE username = 'owner_transport'`);
      await t.as('owner_transport').patch(`/api/admin/users/${rows[0].id}`).send({ role: 'admin' }).expect(403);
    });
  });

  describe('GET /api/admin/users', () => {
    it('lists the demo accounts: admin, reviewer and one owner per unit, with unit and role, never a password', async () => {
      const res = await t.as('admin').get('/api/admin/users').expect(200);
      const usernames = res.body.items.map((user: { username: string }) => user.username);
      expect(usernames.slice(0, 2)).toEqual(['admin', 'reviewer']);
      const owners = usernames.filter((name: string) => name.startsWith('owner_'));
      expect(owners).toHaveLength(13);
      expect(owners.sort()).toEqual(UNITS.map((unit) => `owner_${unit.code}`).sort());
      const transport = res.body.items.find((user: { username: string }) => user.username === 'owner_transport');
      expect(transport).toMatchObject({
        displayName: '区交通局项目负责人',
        role: 'owner',
        active: true,
        unit: { id: unitIds.transport, code: 'transport', name: '区交通局' },
      });
      expect(res.body.items[0]).toMatchObject({ username: 'admin', role: 'admin', unit: null });
      // mustChangePassword is a flag; no password nor hash is ever listed.
      expect(JSON.stringify(res.body)).not.toMatch(/scrypt|"password"|passwordHash|password_hash/i);
    });
  });

  describe('POST /api/admin/users', () => {
    it('creates a user who can then sign in; the username is stored lower-case', async () => {
      const created = await t
        .as('admin')
        .post('/api/admin/users')
        .send({ username: 'Zhang_San', displayName: '张三', role: 'owner', unitId: unitIds.water, password: 'Water#Plan2030', email: 'zs@qj.gov.cn' })
        .expect(201);
      expect(created.body).toMatchObject({
        username: 'zhang_san',
        displayName: '张三',
        role: 'owner',
        unit: { code: 'water' },
        email: 'zs@qj.gov.cn',
        active: true,
      });
      expect(JSON.stringify(created.body)).not.toMatch(/scrypt|"password"|passwordHash|password_hash/i);
      const signedIn = await login('zhang_san', 'Water#Plan2030').expect(200);
      expect(signedIn.body.user).toMatchObject({ id: created.body.id, unit: { code: 'water' } });
      const { rows } = await t.db.query(`SELECT password_hash FROM app_user WHERE username = 'zhang_san'`);
      expect(rows[0].password_hash).toMatch(/^scrypt\$/);
      expect(rows[0].password_hash).not.toContain('Water#Plan2030');
    });

    it('a reviewer needs no unit', async () => {
      const res = await t
        .as('admin')
        .post('/api/admin/users')
        .send({ username: 'li_si', displayName: '李四', role: 'reviewer', password: 'Review#2030plan' })
        .expect(201);
      expect(res.body).toMatchObject({ role: 'reviewer', unit: null, email: null });
    });

    it('a duplicate username is 409, whatever its case', async () => {
      const body = { displayName: '重复', role: 'reviewer', password: 'password-123' };
      const res = await t
        .as('admin')
        .post('/api/admin/users')
        .send({ ...body, username: 'REVIEWER' })
        .expect(409);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ status: 409, code: 'username_taken' });
      expect(res.body.detail).toContain('reviewer');
      // The existing account is untouched.
      await login('reviewer', DEMO_PASSWORD).expect(200);
    });

    it.each([
      [{ role: 'owner' }, 'unitId'],
      [{ role: 'owner', unitId: 'transport' }, 'unitId'],
      [{ password: 'short' }, 'password'],
      [{ role: 'superuser' }, 'role'],
      [{ username: 'a b' }, 'username'],
      [{ username: undefined }, 'username'],
      [{ displayName: '' }, 'displayName'],
      [{ email: 'not-an-email' }, 'email'],
      [{ isAdmin: true }, 'isAdmin'],
    ])('%j is 400 naming %s', async (change, field) => {
      const body = { username: 'wang_wu', displayName: '王五', role: 'reviewer', password: 'wangwu-2030', ...change };
      const res = await t.as('admin').post('/api/admin/users').send(body).expect(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
    });

    it('an owner of a unit that does not exist is 400 naming unitId', async () => {
      const res = await t
        .as('admin')
        .post('/api/admin/users')
        .send({ username: 'wang_wu', displayName: '王五', role: 'owner', unitId: '00000000-0000-4000-8000-000000000000', password: 'wangwu-2030' })
        .expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'unitId' })]);
    });
  });

  describe('PATCH /api/admin/users/:id', () => {
    let created = 0;
    /** An education owner of the test's own (`zhao_liu_<n>`, password Edu-Owner#2030), so no test meets another's changes. */
    const newOwner = async (): Promise<{ id: string; username: string }> => {
      const username = `zhao_liu_${(created += 1)}`;
      const res = await t
        .as('admin')
        .post('/api/admin/users')
        .send({ username, displayName: '赵六', role: 'owner', unitId: unitIds.education, password: 'Edu-Owner#2030' })
        .expect(201);
      return { id: res.body.id, username };
    };

    it('changes display name, role and unit', async () => {
      const { id } = await newOwner();
      const res = await t.as('admin').patch(`/api/admin/users/${id}`).send({ displayName: '赵六（教委）', unitId: unitIds.health }).expect(200);
      expect(res.body).toMatchObject({ displayName: '赵六（教委）', role: 'owner', unit: { code: 'health' } });
      const promoted = await t.as('admin').patch(`/api/admin/users/${id}`).send({ role: 'reviewer', unitId: null }).expect(200);
      expect(promoted.body).toMatchObject({ role: 'reviewer', unit: null });
    });

    it('sets a new password', async () => {
      const { id, username } = await newOwner();
      await t.as('admin').patch(`/api/admin/users/${id}`).send({ password: 'Another-Pass#2030' }).expect(200);
      await login(username, 'Edu-Owner#2030').expect(401);
      await login(username, 'Another-Pass#2030').expect(200);
    });

    it('deactivates: no more sign-in', async () => {
      const { id, username } = await newOwner();
      await login(username, 'Edu-Owner#2030').expect(200);
      await t.as('admin').patch(`/api/admin/users/${id}`).send({ active: false }).expect(200);
      await login(username, 'Edu-Owner#2030').expect(401);
      const list = await t.as('admin').get('/api/admin/users').expect(200);
      expect(list.body.items.find((user: { id: string }) => user.id === id).active).toBe(false);
    });

    it('an owner without a unit is 400 naming unitId', async () => {
      const { id } = await newOwner();
      const res = await t.as('admin').patch(`/api/admin/users/${id}`).send({ role: 'owner', unitId: null }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'unitId' })]);
    });

    it.each([
      [{ displayName: null }, 'displayName'],
      [{ active: 'yes' }, 'active'],
      [{ password: 'short' }, 'password'],
      [{ username: 'renamed' }, 'username'],
    ])('%j is 400 naming %s', async (body, field) => {
      const { id } = await newOwner();
      const res = await t.as('admin').patch(`/api/admin/users/${id}`).send(body).expect(400);
      expect(res.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
    });

    it('404 for an unknown id, 400 naming id for a malformed one', async () => {
      const missing = await t.as('admin').patch('/api/admin/users/00000000-0000-4000-8000-000000000000').send({ active: true }).expect(404);
      expect(missing.body.code).toBe('user_not_found');
      const bad = await t.as('admin').patch('/api/admin/users/nope').send({ active: true }).expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
    });

    it('refuses to leave the platform without an active admin (409)', async () => {
      const { rows } = await t.db.query(`SELECT id FROM app_user WHERE username = 'admin'`);
      const res = await t.as('admin').patch(`/api/admin/users/${rows[0].id}`).send({ active: false }).expect(409);
      expect(res.body.code).toBe('last_admin');
      await t.as('admin').patch(`/api/admin/users/${rows[0].id}`).send({ role: 'reviewer' }).expect(409);
      await t.as('admin').get('/api/admin/users').expect(200);
    });
  });

  describe('GET /api/units', () => {
    it('lists every unit with its sectors and number of projects, for any signed-in user', async () => {
      const res = await t.as('owner_water').get('/api/units').expect(200);
      expect(res.body.items).toHaveLength(UNITS.length);
      const transport = res.body.items.find((unit: { code: string }) => unit.code === 'transport');
      const { rows: users } = await t.db.query(`SELECT count(*)::int AS n FROM app_user WHERE unit_id = $1 AND active`, [unitIds.transport]);
      expect(transport).toEqual({
        id: unitIds.transport,
        code: 'transport',
        name: '区交通局',
        sectors: ['transport'],
        projectCount: expect.any(Number),
        active: true,
        userCount: users[0].n,
      });
      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM project`);
      expect(res.body.items.reduce((sum: number, unit: { projectCount: number }) => sum + unit.projectCount, 0)).toBe(rows[0].n);
      const list = await t.as('owner_water').get('/api/projects').query({ unit: 'transport' }).expect(200);
      expect(transport.projectCount).toBe(list.body.total);
    });
  });

  describe('demo accounts', () => {
    it('are idempotent: a second run creates nothing and keeps a changed password', async () => {
      const { rows } = await t.db.query(`SELECT id FROM app_user WHERE username = 'owner_commerce'`);
      await t.as('admin').patch(`/api/admin/users/${rows[0].id}`).send({ password: 'commerce-own-2030' }).expect(200);
      const before = await t.db.query(`SELECT id, username, password_hash, updated_at FROM app_user ORDER BY username`);
      expect(await ensureDemoAccounts(t.app, DEMO_PASSWORD)).toEqual({ created: [] });
      expect(await ensureDemoAccounts(t.app, 'a-different-demo-password')).toEqual({ created: [] });
      const after = await t.db.query(`SELECT id, username, password_hash, updated_at FROM app_user ORDER BY username`);
      expect(after.rows).toEqual(before.rows);
      await login('owner_commerce', DEMO_PASSWORD).expect(401);
      await login('owner_commerce', 'commerce-own-2030').expect(200);
    });

    it('recreates only a missing one', async () => {
      await t.db.query(`DELETE FROM app_user WHERE username = 'owner_agriculture'`);
      expect(await ensureDemoAccounts(t.app, DEMO_PASSWORD)).toEqual({ created: ['owner_agriculture'] });
      await login('owner_agriculture', DEMO_PASSWORD).expect(200);
    });

    it('two runs at once create each account once', async () => {
      await t.db.query(`DELETE FROM app_user WHERE username IN ('owner_culture_tourism', 'owner_economy')`);
      const [a, b] = await Promise.all([ensureDemoAccounts(t.app, DEMO_PASSWORD), ensureDemoAccounts(t.app, DEMO_PASSWORD)]);
      expect([...a.created, ...b.created].sort()).toEqual(['owner_culture_tourism', 'owner_economy']);
    });
  });
});
