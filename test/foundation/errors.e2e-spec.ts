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

    it("a DTO's field messages in the language asked for, Chinese by default (each distinct message of a field joined)", async () => {
      const body = { username: 'Zhang San', displayName: 42, role: 'boss', password: 'x', unknown: 1 };
      const send = (language?: string) => {
        const request = t.as('admin').post('/api/admin/users');
        return (language ? request.set('Accept-Language', language) : request).send(body).expect(400);
      };
      const english = await send('en');
      expect(english.body).toMatchObject({ code: 'validation_failed', detail: 'Invalid request parameters: unknown, username, displayName, role' });
      expect(english.body.errors).toEqual([
        { field: 'unknown', message: 'Field unknown is not allowed (property unknown should not exist)' },
        { field: 'username', message: 'username must be 3–64 lower-case letters, digits, underscores, dots or hyphens, starting with a letter or digit' },
        { field: 'displayName', message: 'displayName may not exceed 64 characters; displayName must be text' },
        { field: 'role', message: 'role must be one of: owner, reviewer, leader, admin' },
      ]);
      for (const chinese of [await send(), await send('zh-CN')]) {
        expect(chinese.body.errors).toEqual([
          { field: 'unknown', message: '不允许的字段 unknown（property unknown should not exist）' },
          { field: 'username', message: 'username 须为 3–64 位小写字母、数字、下划线、点或连字符，并以字母或数字开头' },
          { field: 'displayName', message: 'displayName 不能超过 64 个字符；displayName 必须是文字' },
          { field: 'role', message: 'role 必须是以下之一：owner、reviewer、leader、admin' },
        ]);
      }
    });

    it('a nested DTO field (a date of a transition request) in English', async () => {
      const res = await t
        .as('owner_transport')
        .post(`/api/projects/${missing}/transition-requests`)
        .set('Accept-Language', 'en')
        .send({ to: 'start', evidence: { approvalDate: '2026-02-30' } })
        .expect(400);
      expect(res.body.errors).toEqual([{ field: 'evidence.approvalDate', message: 'evidence.approvalDate must be a valid date such as 2026-03-31' }]);
    });
  });
});
