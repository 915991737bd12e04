import { bootTestApp, TestApp } from '../support/test-app';

describe('health', () => {
  let t: TestApp;
  beforeAll(async () => (t = await bootTestApp()));
  afterAll(() => t.close());

  it('GET /health answers 200 while the process is alive', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('GET /health/ready is 200 when PostgreSQL and Redis answer', async () => {
    const res = await t.http.get('/health/ready').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.details.database.status).toBe('up');
    expect(res.body.details.redis.status).toBe('up');
  });

  it('echoes a caller-given request id and makes one otherwise', async () => {
    const given = await t.http.get('/health').set('x-request-id', 'abc-123').expect(200);
    expect(given.headers['x-request-id']).toBe('abc-123');
    const made = await t.http.get('/health').expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('health when Redis does not answer', () => {
  let t: TestApp;
  // Port 1 on loopback refuses connections at once.
  beforeAll(async () => (t = await bootTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } })));
  afterAll(() => t.close());

  it('GET /health/ready is 503 problem+json naming redis, within a second and a half', async () => {
    const started = Date.now();
    const res = await t.http.get('/health/ready').expect(503);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 503, code: 'not_ready', failed: ['redis'] });
    expect(res.body.detail).toContain('redis');
    expect(res.body.checks.database.status).toBe('up');
  });
});
