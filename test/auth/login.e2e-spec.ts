import { JwtService } from '@nestjs/jwt';
import { bootTestApp, DEMO_PASSWORD, TestApp } from '../support/test-app';

const PROBLEM = /^application\/problem\+json/;

describe('signing in', () => {
  let t: TestApp;
  beforeAll(async () => (t = await bootTestApp()));
  afterAll(() => t.close());

  describe('POST /api/auth/login', () => {
    it('returns a token and the user, with their unit', async () => {
      const res = await t.http.post('/api/auth/login').send({ username: 'owner_transport', password: DEMO_PASSWORD }).expect(200);
      expect(res.body.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(res.body.user).toEqual({
        id: expect.any(String),
        username: 'owner_transport',
        displayName: '区交通局项目负责人',
        role: 'owner',
        unit: { id: expect.any(String), code: 'transport', name: '区交通局' },
        // The demo password is below the password policy: the console asks for a new one.
        mustChangePassword: true,
        timeZone: 'Asia/Shanghai',
      });
      expect(JSON.stringify(res.body)).not.toMatch(/scrypt|passwordHash|password_hash/);
    });

    it('signs a 12-hour HS256 token with sub, the token generation, username, role and unitId', async () => {
      const res = await t.http.post('/api/auth/login').send({ username: 'owner_water', password: DEMO_PASSWORD }).expect(200);
      const [header] = res.body.accessToken.split('.');
      expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toMatchObject({ alg: 'HS256', typ: 'JWT' });
      const payload = new JwtService({ secret: t.env.JWT_SECRET }).verify(res.body.accessToken);
      expect(payload).toMatchObject({ sub: res.body.user.id, gen: 0, username: 'owner_water', role: 'owner', unitId: res.body.user.unit.id });
      expect(payload.exp - payload.iat).toBe(12 * 60 * 60);
    });

    it('accepts the username in any case', async () => {
      const res = await t.http.post('/api/auth/login').send({ username: 'Reviewer', password: DEMO_PASSWORD }).expect(200);
      expect(res.body.user).toMatchObject({ username: 'reviewer', role: 'reviewer', displayName: '区发展改革委审核员', unit: null });
    });

    it('answers a wrong password and an unknown user alike: 401 problem+json 用户名或密码错误', async () => {
      const wrongPassword = await t.http.post('/api/auth/login').send({ username: 'reviewer', password: 'not-the-password' }).expect(401);
      const unknownUser = await t.http.post('/api/auth/login').send({ username: 'nobody', password: DEMO_PASSWORD }).expect(401);
      for (const res of [wrongPassword, unknownUser]) {
        expect(res.headers['content-type']).toMatch(PROBLEM);
        expect(res.body).toMatchObject({ status: 401, code: 'invalid_credentials', detail: '用户名或密码错误' });
        expect(res.body.accessToken).toBeUndefined();
      }
      const { instance: _a, ...first } = wrongPassword.body;
      const { instance: _b, ...second } = unknownUser.body;
      expect(first).toEqual(second);
    });

    it.each([
      [{ password: DEMO_PASSWORD }, 'username'],
      [{ username: '', password: DEMO_PASSWORD }, 'username'],
      [{ username: 42, password: DEMO_PASSWORD }, 'username'],
      [{ username: 'reviewer' }, 'password'],
      [{ username: 'reviewer', password: DEMO_PASSWORD, remember: true }, 'remember'],
    ])('%j is 400 problem+json naming %s', async (body, field) => {
      const res = await t.http.post('/api/auth/login').send(body).expect(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
      expect(res.body.detail).toContain(field);
    });

    it('a deactivated user cannot sign in, and the answer does not say why', async () => {
      await t.db.query(`UPDATE app_user SET active = false WHERE username = 'owner_emergency'`);
      const res = await t.http.post('/api/auth/login').send({ username: 'owner_emergency', password: DEMO_PASSWORD }).expect(401);
      expect(res.body.detail).toBe('用户名或密码错误');
    });
  });

  describe('GET /api/auth/me', () => {
    it('is the signed-in user with their unit', async () => {
      const res = await t.as('owner_health').get('/api/auth/me').expect(200);
      expect(res.body).toEqual({
        id: expect.any(String),
        username: 'owner_health',
        displayName: '区卫生健康委项目负责人',
        role: 'owner',
        unit: { id: expect.any(String), code: 'health', name: '区卫生健康委' },
        mustChangePassword: true,
        timeZone: 'Asia/Shanghai',
      });
    });

    it('a reviewer and an admin have no unit', async () => {
      expect((await t.as('reviewer').get('/api/auth/me').expect(200)).body).toMatchObject({ username: 'reviewer', role: 'reviewer', unit: null });
      expect((await t.as('admin').get('/api/auth/me').expect(200)).body).toMatchObject({ username: 'admin', role: 'admin', unit: null });
    });

    it("carries the tracker's time zone (APP_TIMEZONE), in which the console shows dates", async () => {
      const elsewhere = await bootTestApp({ env: { APP_TIMEZONE: 'Asia/Urumqi' } });
      try {
        expect((await elsewhere.as('reviewer').get('/api/auth/me').expect(200)).body.timeZone).toBe('Asia/Urumqi');
      } finally {
        await elsewhere.close();
      }
    });

    it('is 401 without a token', async () => {
      const res = await t.http.get('/api/auth/me').expect(401);
      expect(res.body).toMatchObject({ status: 401, code: 'unauthenticated', detail: '未登录或登录已过期' });
    });
  });
});
