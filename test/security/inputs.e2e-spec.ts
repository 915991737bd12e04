import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Response } from 'supertest';
import { bootTestApp, TestApp } from '../support/test-app';
import { fingerprint } from './openapi';

/** The inputs that answered 500 (or a bare status) in the attack on the tracker: each is now a 4xx problem+json naming the field. */

const PROBLEM = /^application\/problem\+json/;

function problem(res: Response, status: number, field: string): void {
  expect({ status: res.status, type: res.headers['content-type'] }).toEqual({ status, type: expect.stringMatching(PROBLEM) });
  expect(res.body.status).toBe(status);
  expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  // Chinese first: no body-parser or busboy English.
  expect(res.body.detail).toMatch(/[\u4e00-\u9fff]/);
}

describe('no 5xx from the inputs that produced them', () => {
  let t: TestApp;
  let milestone: { id: string; version: number };
  beforeAll(async () => {
    t = await bootTestApp();
    // A first sign-in records on app_user whether the password meets the policy: sign everyone in before any fingerprint.
    await Promise.all(['owner_transport', 'owner_water', 'reviewer', 'admin'].map((username) => t.token(username)));
    const { rows } = await t.db.query(
      `SELECT m.id, m.version FROM milestone m JOIN project p ON p.id = m.project_id JOIN unit u ON u.id = p.unit_id
       WHERE u.code = 'transport' AND m.status = 'pending' ORDER BY p.plan_order, m.sort_order LIMIT 1`,
    );
    milestone = rows[0];
  });
  afterAll(() => t.close());

  it('JSON nested 10,000 deep, on every JSON route and without signing in: 400 naming body, within a second', async () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const started = Date.now();
    problem(await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send(deep), 400, 'body');
    problem(
      await t
        .as('owner_transport')
        .patch(`/api/milestones/${milestone.id}`)
        .set('Content-Type', 'application/json')
        .send(`{"comment":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`),
      400,
      'body',
    );
    expect(Date.now() - started).toBeLessThan(1000);
    // 32 levels are allowed (and then refused by the DTO, naming the field).
    const ok = await t
      .as('owner_transport')
      .patch(`/api/milestones/${milestone.id}`)
      .set('Content-Type', 'application/json')
      .send(`{"version":1,"comment":${'['.repeat(31)}${']'.repeat(31)}}`);
    problem(ok, 400, 'comment');
  });

  it('a NUL byte or a lone surrogate in a body field, a query or a path parameter: 400 naming it, nothing written', async () => {
    const before = await fingerprint(t.db);
    problem(
      await t
        .as('owner_transport')
        .patch(`/api/milestones/${milestone.id}`)
        .send({ version: milestone.version, forecastDate: '2027-01-01', comment: 'a\u0000b' }),
      400,
      'comment',
    );
    problem(
      await t.as('owner_transport').patch(`/api/milestones/${milestone.id}`).set('Content-Type', 'application/json').send('{"version":1,"comment":"\\udc00"}'),
      400,
      'comment',
    );
    problem(
      await t
        .as('admin')
        .post('/api/admin/users')
        .send({ username: 'lone', displayName: '孤', role: 'reviewer', password: 'Qj-Lone-2031!x', email: 'a\ud800@qj.gov.cn' }),
      400,
      'email',
    );
    problem(await t.as('reviewer').post('/api/transition-requests/00000000-0000-4000-8000-000000000000/approve').send({ comment: '\u0000' }), 400, 'comment');
    problem(await t.as('reviewer').get('/api/projects?q=%00'), 400, 'q');
    // (A query cannot carry a lone surrogate: its invalid UTF-8 bytes decode to U+FFFD.)
    problem(await t.as('reviewer').get('/api/transition-requests?status=pending%00'), 400, 'status');
    problem(await t.as('reviewer').get('/api/projects/%ED%A0%80'), 400, 'path');
    problem(await t.as('reviewer').get('/api/projects/a%00b'), 400, 'id');
    problem(await t.as('admin').post('/api/admin/jobs/mail/a%00b/retry'), 400, 'jobId');
    problem(await t.as('reviewer').post('/api/notifications/1%00/read'), 400, 'id');
    problem(await t.as('reviewer').post('/api/notifications/not-a-number/read'), 400, 'id');
    problem(await t.as('reviewer').post('/api/notifications/99999999999999999999999/read'), 400, 'id');
    expect(await fingerprint(t.db)).toEqual(before);
  });

  it('integers past 2^31 in a version, a page or If-Match: 400 naming version or page', async () => {
    problem(
      await t
        .as('owner_transport')
        .patch(`/api/milestones/${milestone.id}`)
        .send({ version: 2 ** 31, forecastDate: '2027-01-01' }),
      400,
      'version',
    );
    problem(
      await t
        .as('owner_transport')
        .patch(`/api/milestones/${milestone.id}`)
        .send({ version: 2 ** 53 + 2, forecastDate: '2027-01-01' }),
      400,
      'version',
    );
    problem(
      await t.as('owner_transport').patch(`/api/milestones/${milestone.id}`).set('If-Match', '"9007199254740993"').send({ forecastDate: '2027-01-01' }),
      400,
      'version',
    );
    problem(await t.as('reviewer').get('/api/transition-requests?page=2147483648'), 400, 'page');
    problem(await t.as('reviewer').get('/api/rebaseline-requests?page=9007199254740993'), 400, 'page');
    problem(await t.as('reviewer').get('/api/projects?page=1e400'), 400, 'page');
    problem(await t.as('admin').get('/api/admin/jobs/failed?page=2147483648'), 400, 'page');
  });

  it('a whitespace-only reason or comment is trimmed first, and fails the check that it is not empty', async () => {
    problem(
      await t.as('owner_transport').post(`/api/milestones/${milestone.id}/rebaseline-requests`).send({ baselineDate: '2029-06-30', reason: '   \t ' }),
      400,
      'reason',
    );
    problem(
      await t.as('reviewer').patch(`/api/milestones/${milestone.id}`).send({ version: milestone.version, baselineDate: '2029-06-30', comment: '   ' }),
      400,
      'comment',
    );
  });

  it('multipart without a boundary, in another field, or with two files: 400 naming file', async () => {
    problem(await t.as('owner_transport').post('/api/milestones/import').set('Content-Type', 'multipart/form-data').send('--x\r\n'), 400, 'file');
    problem(await t.as('owner_transport').post('/api/milestones/import').attach('upload', Buffer.from('PK\u0003\u0004'), 'a.xlsx'), 400, 'file');
    problem(
      await t
        .as('owner_transport')
        .post('/api/milestones/import')
        .attach('file', Buffer.from('PK\u0003\u0004'), 'a.xlsx')
        .attach('file', Buffer.from('PK\u0003\u0004'), 'b.xlsx'),
      400,
      'file',
    );
    const cut = await t
      .as('owner_transport')
      .post('/api/milestones/import')
      .set('Content-Type', 'multipart/form-data; boundary=b')
      .send('--b\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK');
    problem(cut, 400, 'file');
  });

  it('a body over 2 MB is 413, an unsupported charset 415: problem+json naming body, in Chinese', async () => {
    const large = JSON.stringify({ comment: 'x'.repeat(2 * 1024 * 1024 + 10) });
    problem(await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send(large), 413, 'body');
    problem(await t.http.post('/api/auth/login').set('Content-Type', 'application/json; charset=koi8-r').send('{}'), 415, 'body');
    problem(await t.http.post('/api/auth/login').set('Content-Type', 'application/json').set('Content-Encoding', 'br2').send('{}'), 415, 'body');
  });

  it('a URL over 16 KB is 431 problem+json naming url (Node refuses it before Express; /health answers after)', async () => {
    const server = t.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: `/api/projects?q=${'x'.repeat(17 * 1024)}` }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(answer.status).toBe(431);
    expect(answer.type).toMatch(PROBLEM);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 431, errors: [{ field: 'url' }] });
    await t.http.get('/health').expect(200);
  });
});
