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

  describe('in the language the client asks for (Accept-Language)', () => {
    const missing = '00000000-0000-4000-8000-000000000000';

    it('Chinese by default and for zh: detail, title and Content-Language', async () => {
      for (const language of [undefined, 'zh-CN,zh;q=0.9,en;q=0.8']) {
        const request = t.as('reviewer').get(`/api/projects/${missing}`);
        const res = await (language ? request.set('Accept-Language', language) : request).expect(404);
        expect(res.body).toMatchObject({ code: 'project_not_found', title: '未找到', detail: `没有编号为 ${missing} 的项目` });
        expect(res.headers['content-language']).toBe('zh-CN');
      }
    });

    it('English for en: a refusal of the API, a validation failure naming its field, and a route that does not exist', async () => {
      const notFound = await t.as('reviewer').get(`/api/projects/${missing}`).set('Accept-Language', 'en-US,en;q=0.9').expect(404);
      expect(notFound.body).toMatchObject({ code: 'project_not_found', title: 'Not found', detail: `No project with id ${missing}` });
      expect(notFound.headers['content-language']).toBe('en');
      expect(notFound.headers.vary).toMatch(/Accept-Language/i);

      const invalid = await t.as('reviewer').get('/api/projects/not-a-uuid').set('Accept-Language', 'en').expect(400);
      expect(invalid.body).toMatchObject({ code: 'validation_failed', title: 'Bad request', detail: 'Invalid request parameters: id' });
      expect(invalid.body.errors).toEqual([{ field: 'id', message: 'id must be an id (UUID)' }]);

      const anonymous = await t.http.get('/api/projects').set('Accept-Language', 'en').expect(401);
      expect(anonymous.body).toMatchObject({ code: 'unauthenticated', detail: 'Not signed in, or the session has expired' });

      const route = await t.http.get('/api/no-such-thing').set('Accept-Language', 'en').expect(404);
      expect(route.body).toMatchObject({ code: 'route_not_found', detail: 'No such address: GET /api/no-such-thing' });
    });
  });
});
