import { bootTestApp, TestApp } from '../support/test-app';

describe('one error shape', () => {
  let t: TestApp;
  beforeAll(async () => (t = await bootTestApp()));
  afterAll(() => t.close());

  it('an unknown route is 404 application/problem+json', async () => {
    const res = await t.http.get('/api/no-such-thing').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, title: '未找到', instance: '/api/no-such-thing' });
    expect(res.body.type).toMatch(/^https?:\/\//);
    expect(res.body.detail).toContain('/api/no-such-thing');
  });

  it('a malformed JSON body is 400 naming the body', async () => {
    const res = await t.http.post('/api/no-such-thing').set('content-type', 'application/json').send('{"a": ').expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'body' })]);
  });

  it('the OpenAPI document is served at /api/docs', async () => {
    const res = await t.http.get('/api/docs/openapi.json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/health', '/health/ready']));
    await t.http.get('/api/docs').expect(200);
  });
});
