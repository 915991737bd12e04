import { JwtService } from '@nestjs/jwt';
import { bootTestApp, TestApp } from '../support/test-app';

const PROBLEM = /^application\/problem\+json/;

describe('every /api route but sign-in needs a token', () => {
  let t: TestApp;
  beforeAll(async () => (t = await bootTestApp()));
  afterAll(() => t.close());

  const unauthenticated = (res: { status: number; headers: Record<string, string>; body: Record<string, unknown> }) => {
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ status: 401, code: 'unauthenticated', detail: '未登录或登录已过期' });
  };

  it.each([
    ['get', '/api/projects'],
    ['get', '/api/projects/00000000-0000-4000-8000-000000000000'],
    ['get', '/api/plan'],
    ['get', '/api/indicators'],
    ['get', '/api/units'],
    ['get', '/api/auth/me'],
    ['get', '/api/admin/users'],
    ['post', '/api/admin/users'],
    ['patch', '/api/admin/users/00000000-0000-4000-8000-000000000000'],
    ['get', '/API/Projects'],
  ] as const)('%s %s without a token is 401 problem+json', async (method, url) => {
    unauthenticated(await t.http[method](url));
  });

  it('the health probes, the API docs and sign-in stay open', async () => {
    await t.http.get('/health').expect(200);
    await t.http.get('/health/ready').expect(200);
    await t.http.get('/api/docs').expect(200);
    await t.http.get('/api/docs/openapi.json').expect(200);
    await t.http.post('/api/auth/login').send({ username: 'reviewer', password: 'qijiang2030' }).expect(200);
  });

  it('sign-in still works when a stale token is sent along', async () => {
    await t.http.post('/api/auth/login').set('Authorization', 'Bearer not.a.token').send({ username: 'reviewer', password: 'qijiang2030' }).expect(200);
  });

  it('a valid token opens the route', async () => {
    const token = await t.token('reviewer');
    await t.http.get('/api/plan').set('Authorization', `Bearer ${token}`).expect(200);
    await t.http.get('/api/plan').set('Authorization', `bearer ${token}`).expect(200);
  });

  it('a tampered token is 401', async () => {
    const token = await t.token('owner_transport');
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const promoted = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    unauthenticated(await t.http.get('/api/units').set('Authorization', `Bearer ${header}.${promoted}.${signature}`));
    const flipped = signature.slice(0, -2) + (signature.endsWith('AA') ? 'BB' : 'AA');
    unauthenticated(await t.http.get('/api/units').set('Authorization', `Bearer ${header}.${payload}.${flipped}`));
    unauthenticated(await t.http.get('/api/units').set('Authorization', 'Bearer garbage'));
    unauthenticated(await t.http.get('/api/units').set('Authorization', token));
  });

  it('a token signed with another secret, or with alg none, is 401', async () => {
    const { rows } = await t.db.query(`SELECT id FROM app_user WHERE username = 'admin'`);
    const claims = { sub: rows[0].id, gen: 0, username: 'admin', role: 'admin', unitId: null };
    const foreign = new JwtService({ secret: 'x'.repeat(40) }).sign(claims);
    unauthenticated(await t.http.get('/api/units').set('Authorization', `Bearer ${foreign}`));
    const none = [
      { alg: 'none', typ: 'JWT' },
      { ...claims, iat: Math.floor(Date.now() / 1000) },
    ]
      .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
      .join('.');
    unauthenticated(await t.http.get('/api/units').set('Authorization', `Bearer ${none}.`));
  });

  it('an expired token is 401', async () => {
    const { rows } = await t.db.query(`SELECT id FROM app_user WHERE username = 'reviewer'`);
    const now = Math.floor(Date.now() / 1000);
    const expired = new JwtService({ secret: t.env.JWT_SECRET }).sign({
      sub: rows[0].id,
      username: 'reviewer',
      role: 'reviewer',
      unitId: null,
      iat: now - 13 * 3600,
      exp: now - 3600,
    });
    unauthenticated(await t.http.get('/api/units').set('Authorization', `Bearer ${expired}`));
    const fresh = new JwtService({ secret: t.env.JWT_SECRET }).sign({ sub: rows[0].id, gen: 0, username: 'reviewer', role: 'reviewer', unitId: null });
    await t.http.get('/api/units').set('Authorization', `Bearer ${fresh}`).expect(200);
  });

  it('a token of a user deactivated since stops working at once', async () => {
    const token = await t.token('owner_ecology');
    await t.http.get('/api/units').set('Authorization', `Bearer ${token}`).expect(200);
    await t.db.query(`UPDATE app_user SET active = false WHERE username = 'owner_ecology'`);
    unauthenticated(await t.http.get('/api/units').set('Authorization', `Bearer ${token}`));
  });

  it('a token whose subject is not a user id is 401, not 500', async () => {
    const odd = new JwtService({ secret: t.env.JWT_SECRET }).sign({ sub: "1' OR '1'='1", username: 'admin', role: 'admin', unitId: null });
    unauthenticated(await t.http.get('/api/units').set('Authorization', `Bearer ${odd}`));
    const gone = new JwtService({ secret: t.env.JWT_SECRET }).sign({
      sub: '00000000-0000-4000-8000-000000000000',
      username: 'admin',
      role: 'admin',
      unitId: null,
    });
    unauthenticated(await t.http.get('/api/units').set('Authorization', `Bearer ${gone}`));
  });

  it('the OpenAPI document marks protected routes with bearer auth and leaves sign-in open', async () => {
    const { body } = await t.http.get('/api/docs/openapi.json').expect(200);
    expect(body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    // Bearer is the document's default; an open route says so with an empty list.
    expect(body.security).toEqual([{ bearer: [] }]);
    expect(body.paths['/api/admin/users'].get.security).toBeUndefined();
    expect(body.paths['/api/auth/me'].get.security).toBeUndefined();
    expect(body.paths['/api/auth/login'].post.security).toEqual([]);
  });
});
