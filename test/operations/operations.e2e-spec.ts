import { validateEnv } from '@qj/config';
import { heartbeatKey, QueueName, QUEUES } from '@qj/queue';
import Redis from 'ioredis';
import { QueueDashboardAccess } from '../../apps/api/src/operations/queue-dashboard-access';
import { bootTestApp, TestApp } from '../support/test-app';
import { apiQueue, FAILURE_REASON, failForGood } from './dead-letters';

/**
 * Queue operations against a real Redis and PostgreSQL: the bull-board dashboard behind its admin-only cookie, the
 * Prometheus metrics, and the dead-letter view. The API runs no worker, so a job stays where the test puts it; jobs are
 * made to fail for good by a BullMQ Worker of the test's own that throws.
 */
jest.setTimeout(120_000);

const ALL_QUEUES = Object.values(QUEUES);

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parseMetrics(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a Prometheus sample: ${line}`);
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
      return { name: match[1], labels, value: match[3] === '+Inf' ? Infinity : Number(match[3]) };
    });
}

function sample(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  return samples.find((s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value))?.value;
}

describe('queue operations', () => {
  let t: TestApp;
  let redis: Redis;
  const queue = (name: QueueName) => apiQueue(t, name);

  beforeAll(async () => {
    t = await bootTestApp();
    redis = new Redis(t.env.REDIS_URL);
  });

  afterAll(async () => {
    redis?.disconnect();
    await t?.close();
  });

  describe('queue dashboard at /admin/queues', () => {
    it('answers 401 to nobody (problem+json for clients, a Chinese page for a browser tab) and 403 to owners and reviewers', async () => {
      const anonymous = await t.http.get('/admin/queues').set('Accept', 'application/json').expect(401);
      expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(anonymous.body).toMatchObject({ status: 401, code: 'unauthenticated' });
      const page = await t.http.get('/admin/queues').set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8').expect(401);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('请先以管理员身份登录控制台');
      expect(page.text).toContain('30 分钟内有效');
      await t.http.get('/admin/queues/api/queues').expect(401);

      for (const username of ['owner_transport', 'reviewer']) {
        const refused = await t.http
          .get('/admin/queues/api/queues')
          .set('Authorization', `Bearer ${await t.token(username)}`)
          .expect(403);
        expect(refused.body).toMatchObject({ status: 403, code: 'forbidden' });
        await t.as(username).post('/api/admin/queue-dashboard/session').expect(403);
      }
      await t.http.post('/api/admin/queue-dashboard/session').expect(401);
    });

    it('lets an admin in with a short-lived HttpOnly, SameSite=Strict cookie scoped to /admin/queues; its API lists every queue', async () => {
      const session = await t.as('admin').post('/api/admin/queue-dashboard/session').expect(200);
      expect(session.body.url).toBe('/admin/queues');
      const expiresIn = Date.parse(session.body.expiresAt) - Date.now();
      expect(expiresIn).toBeGreaterThan(25 * 60_000);
      expect(expiresIn).toBeLessThanOrEqual(30 * 60_000);
      const setCookie = ([] as string[]).concat(session.headers['set-cookie'] ?? []);
      expect(setCookie).toHaveLength(1);
      expect(setCookie[0]).toMatch(/^qj_queue_dashboard=[^;]+;/);
      expect(setCookie[0]).toMatch(/; Path=\/admin\/queues/);
      expect(setCookie[0]).toMatch(/; HttpOnly/);
      expect(setCookie[0]).toMatch(/; SameSite=Strict/);
      const cookie = setCookie[0].split(';')[0];

      const html = await t.http.get('/admin/queues').set('Cookie', cookie).expect(200);
      expect(html.headers['content-type']).toMatch(/^text\/html/);
      expect(html.text).toContain('队列看板');
      expect(html.text).toMatch(/<div id="root"/);
      // Its scripts are served under the same path (outside the global prefix `api`), behind the same cookie.
      const script = /<script defer src="(static\/js\/main\.[^"]+\.js)"/.exec(html.text)?.[1];
      expect(script).toBeDefined();
      const asset = await t.http.get(`/admin/queues/${script}`).set('Cookie', cookie).expect(200);
      expect(asset.headers['content-type']).toMatch(/javascript/);
      await t.http.get(`/admin/queues/${script}`).expect(401);
      await t.http.get('/api/admin/queues').set('Cookie', cookie).expect(404);

      const api = await t.http.get('/admin/queues/api/queues').set('Cookie', cookie).set('Accept', 'application/json').expect(200);
      const queues = api.body.queues as Array<{ name: string; description: string }>;
      expect(queues.map((q) => q.name).sort()).toEqual([...ALL_QUEUES].sort());
      // Each queue is described by its Redis keys, so an operator sees which environment's queues these are.
      for (const q of queues) expect(q.description).toBe(`${t.env.QUEUE_PREFIX}:${q.name}`);

      // The console's Bearer token works as well (curl, scripts).
      await t.http
        .get('/admin/queues/api/queues')
        .set('Authorization', `Bearer ${await t.token('admin')}`)
        .expect(200);
    });

    it('refuses a tampered or expired cookie, and an admin deactivated since the cookie was issued', async () => {
      const access = t.app.get(QueueDashboardAccess);
      const { rows } = await t.db.query(`SELECT id, token_generation AS "tokenGeneration" FROM app_user WHERE username = 'admin'`);
      const adminId: string = rows[0].id;
      const { token } = access.issueSession(rows[0]);
      await t.http.get('/admin/queues/api/queues').set('Cookie', `qj_queue_dashboard=${token}`).expect(200);

      const tampered = token.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
      await t.http.get('/admin/queues/api/queues').set('Cookie', `qj_queue_dashboard=${tampered}`).expect(401);
      const expired = access.issueSession(rows[0], Date.now() - 31 * 60_000).token;
      await t.http.get('/admin/queues/api/queues').set('Cookie', `qj_queue_dashboard=${expired}`).expect(401);
      // An access token is not a session cookie.
      await t.http
        .get('/admin/queues/api/queues')
        .set('Cookie', `qj_queue_dashboard=${await t.token('admin')}`)
        .expect(401);

      await t.db.query(`UPDATE app_user SET active = false WHERE id = $1`, [adminId]);
      try {
        await t.http.get('/admin/queues/api/queues').set('Cookie', `qj_queue_dashboard=${token}`).expect(401);
      } finally {
        await t.db.query(`UPDATE app_user SET active = true WHERE id = $1`, [adminId]);
      }
    });

    it('does not let the session cookie act as an API token', async () => {
      const { rows } = await t.db.query(`SELECT id, token_generation AS "tokenGeneration" FROM app_user WHERE username = 'admin'`);
      const { token } = t.app.get(QueueDashboardAccess).issueSession(rows[0]);
      await t.http.get('/api/admin/outbox').set('Authorization', `Bearer ${token}`).expect(401);
    });
  });

  describe('dead letters at /api/admin/jobs', () => {
    beforeAll(async () => {
      await failForGood(t, QUEUES.digest, [
        { id: 'dead-digest-1', name: 'digest.send', data: { userId: '00000000-0000-4000-8000-000000000001', week: '2026-W01' } },
        { id: 'dead-digest-2', name: 'digest.send', data: { userId: '00000000-0000-4000-8000-000000000002', week: '2026-W01' } },
      ]);
      await failForGood(t, QUEUES.mail, [{ id: 'dead-mail-1', name: 'mail.send', data: { mailId: '1' } }]);
    });

    it('lists jobs that failed for good with what an admin needs to decide, by queue and by page', async () => {
      const all = await t.as('admin').get('/api/admin/jobs/failed').expect(200);
      expect(all.body.total).toBe(3);
      expect(all.body.counts).toMatchObject({ digest: 2, mail: 1, events: 0 });
      expect(Object.keys(all.body.counts).sort()).toEqual([...ALL_QUEUES].sort());
      const mail = all.body.items.find((job: { id: string }) => job.id === 'dead-mail-1');
      expect(mail).toMatchObject({
        queue: 'mail',
        name: 'mail.send',
        data: { mailId: '1' },
        failedReason: FAILURE_REASON,
        attemptsMade: 1,
        attempts: 1,
      });
      for (const field of ['createdAt', 'processedAt', 'failedAt']) expect(Number.isNaN(Date.parse(mail[field]))).toBe(false);
      expect(mail.stacktraceHead).toMatch(/^Error: 测试：投递失败/);

      const digestOnly = await t.as('admin').get('/api/admin/jobs/failed').query({ queue: 'digest' }).expect(200);
      expect(digestOnly.body.items.map((job: { id: string }) => job.id).sort()).toEqual(['dead-digest-1', 'dead-digest-2']);

      const pages = await Promise.all([1, 2].map((page) => t.as('admin').get('/api/admin/jobs/failed').query({ page, pageSize: 2 }).expect(200)));
      expect(pages.map((p) => p.body.items.length)).toEqual([2, 1]);
      const ids = pages.flatMap((p) => p.body.items.map((job: { id: string }) => job.id));
      expect(new Set(ids).size).toBe(3);
    });

    it('is for admins only, and names the field of a bad query', async () => {
      const before = (await t.as('admin').get('/api/admin/jobs/failed').expect(200)).body.total;
      await t.as('reviewer').get('/api/admin/jobs/failed').expect(403);
      await t.as('owner_transport').post('/api/admin/jobs/digest/dead-digest-1/retry').expect(403);
      await t.as('reviewer').delete('/api/admin/jobs/digest/dead-digest-1').expect(403);

      const badQueue = await t.as('admin').get('/api/admin/jobs/failed').query({ queue: 'nope' }).expect(400);
      expect(badQueue.body.errors.map((e: { field: string }) => e.field)).toEqual(['queue']);
      const badPage = await t.as('admin').get('/api/admin/jobs/failed').query({ pageSize: 1000 }).expect(400);
      expect(badPage.body.errors.map((e: { field: string }) => e.field)).toEqual(['pageSize']);
      for (const call of [t.as('admin').post('/api/admin/jobs/nope/dead-digest-1/retry'), t.as('admin').delete('/api/admin/jobs/nope/dead-digest-1')]) {
        const refused = await call.expect(400);
        expect(refused.body.errors).toEqual([{ field: 'queue', message: expect.stringContaining('digest') }]);
      }
      const unknown = await t.as('admin').post('/api/admin/jobs/digest/no-such-job/retry').expect(404);
      expect(unknown.body).toMatchObject({ code: 'job_not_found', queue: 'digest', jobId: 'no-such-job' });
      await t.as('admin').delete('/api/admin/jobs/mail/no-such-job').expect(404);
      // Nothing changed.
      expect((await t.as('admin').get('/api/admin/jobs/failed').expect(200)).body.total).toBe(before);
    });

    it('retries a failed job (back in its queue, attempts reset) and refuses to retry or discard it again', async () => {
      await failForGood(t, QUEUES.digest, [
        { id: 'retried-digest-1', name: 'digest.send', data: { userId: '00000000-0000-4000-8000-000000000003', week: '2026-W01' } },
      ]);
      const retried = await t.as('admin').post('/api/admin/jobs/digest/retried-digest-1/retry').expect(200);
      expect(retried.body).toEqual({ queue: 'digest', id: 'retried-digest-1', state: 'waiting' });
      const job = await queue(QUEUES.digest).getJob('retried-digest-1');
      expect(job?.attemptsMade).toBe(0);
      expect(await job?.getState()).toBe('waiting');

      const again = await t.as('admin').post('/api/admin/jobs/digest/retried-digest-1/retry').expect(409);
      expect(again.body).toMatchObject({ code: 'job_not_failed', state: 'waiting' });
      await t.as('admin').delete('/api/admin/jobs/digest/retried-digest-1').expect(409);
      const list = await t.as('admin').get('/api/admin/jobs/failed').query({ queue: 'digest' }).expect(200);
      expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain('retried-digest-1');
    });

    it('discards a failed job for good', async () => {
      await failForGood(t, QUEUES.digest, [
        { id: 'discarded-digest-1', name: 'digest.send', data: { userId: '00000000-0000-4000-8000-000000000004', week: '2026-W01' } },
      ]);
      await t.as('admin').delete('/api/admin/jobs/digest/discarded-digest-1').expect(204);
      expect(await queue(QUEUES.digest).getJob('discarded-digest-1')).toBeUndefined();
      await t.as('admin').delete('/api/admin/jobs/digest/discarded-digest-1').expect(404);
      const list = await t.as('admin').get('/api/admin/jobs/failed').expect(200);
      expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain('discarded-digest-1');
      expect(list.body.items.map((item: { id: string }) => item.id)).toContain('dead-mail-1');
    });
  });

  it('tells the 运维 page where mail goes and which queue prefix it operates (admins only)', async () => {
    const settings = await t.as('admin').get('/api/admin/operations/settings').expect(200);
    expect(settings.body).toEqual({ mailTransport: 'eml', emlDirectory: 'var/outbox', queuePrefix: t.env.QUEUE_PREFIX });
    await t.as('reviewer').get('/api/admin/operations/settings').expect(403);
  });

  describe('GET /metrics', () => {
    it('counts every queue by state exactly as BullMQ does, the failed jobs among them', async () => {
      await failForGood(t, QUEUES.alerts, [{ id: 'dead-alerts-1', name: 'alerts.scan', data: {} }]);
      await queue(QUEUES.rollups).add('rollups.reconcile', {}, { jobId: 'waiting-rollups-1' });
      await queue(QUEUES.rollups).add('rollups.reconcile', {}, { jobId: 'delayed-rollups-1', delay: 3_600_000 });

      const response = await t.http.get('/metrics').expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      const samples = parseMetrics(response.text);
      for (const name of ALL_QUEUES) {
        const counts = await queue(name).getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed');
        for (const [state, count] of Object.entries(counts))
          expect([name, state, sample(samples, 'qj_queue_jobs', { queue: name, state })]).toEqual([name, state, count]);
        expect(sample(samples, 'qj_queue_jobs', { queue: name, state: 'paused' })).toBe(0);
        expect(sample(samples, 'qj_queue_failed_jobs', { queue: name })).toBe(counts.failed);
      }
      expect(sample(samples, 'qj_queue_failed_jobs', { queue: 'alerts' })).toBe(1);
      expect(sample(samples, 'qj_queue_jobs', { queue: 'rollups', state: 'waiting' })).toBe(1);
      expect(sample(samples, 'qj_queue_jobs', { queue: 'rollups', state: 'delayed' })).toBe(1);
      // Default process metrics are there too.
      expect(sample(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    });

    it('shows a paused queue’s waiting jobs as paused', async () => {
      await queue(QUEUES.rollups).add('rollups.reconcile', {}, { jobId: 'paused-rollups-1' });
      const { waiting } = await queue(QUEUES.rollups).getJobCounts('waiting');
      expect(waiting).toBeGreaterThanOrEqual(1);
      await queue(QUEUES.rollups).pause();
      try {
        const samples = parseMetrics((await t.http.get('/metrics').expect(200)).text);
        expect(sample(samples, 'qj_queue_jobs', { queue: 'rollups', state: 'paused' })).toBe(waiting);
      } finally {
        await queue(QUEUES.rollups).resume();
      }
    });

    it('reports the outbox backlog and the mail outbox by status as PostgreSQL has them', async () => {
      await t.db.query(
        `INSERT INTO mail_outbox (to_address, kind, dedupe_key, subject, html, text, status)
         VALUES ('a@example.test', 'alert', 'metrics-1', '测试', '<p>测试</p>', '测试', 'failed'),
                ('b@example.test', 'alert', 'metrics-2', '测试', '<p>测试</p>', '测试', 'pending')`,
      );
      const samples = parseMetrics((await t.http.get('/metrics').expect(200)).text);
      const { rows: backlog } = await t.db.query(`SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL`);
      expect(sample(samples, 'qj_outbox_backlog')).toBe(backlog[0].n);
      const { rows } = await t.db.query(`SELECT status, count(*)::int AS n FROM mail_outbox GROUP BY status`);
      for (const status of ['pending', 'sending', 'sent', 'failed', 'skipped']) {
        expect([status, sample(samples, 'qj_mail_outbox', { status })]).toEqual([status, rows.find((row) => row.status === status)?.n ?? 0]);
      }
      expect(sample(samples, 'qj_mail_outbox', { status: 'failed' })).toBeGreaterThanOrEqual(1);
    });

    it('reports the seconds since the last worker heartbeat, +Inf before any', async () => {
      await redis.del(heartbeatKey(t.env.QUEUE_PREFIX));
      expect(sample(parseMetrics((await t.http.get('/metrics').expect(200)).text), 'qj_worker_heartbeat_age_seconds')).toBe(Infinity);
      await redis.set(heartbeatKey(t.env.QUEUE_PREFIX), new Date(Date.now() - 42_000).toISOString());
      const age = sample(parseMetrics((await t.http.get('/metrics').expect(200)).text), 'qj_worker_heartbeat_age_seconds');
      expect(age).toBeGreaterThanOrEqual(42);
      // Generous: the scrape itself may be slow on a busy machine.
      expect(age).toBeLessThan(42 + 60);
    });

    it('needs Authorization: Bearer <METRICS_TOKEN> when the token is set', async () => {
      const secret = 'metrics-token-for-the-test-0123';
      const guarded = await bootTestApp({ env: { METRICS_TOKEN: secret }, emptyCatalog: true });
      try {
        const refused = await guarded.http.get('/metrics').expect(401);
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
        await guarded.http.get('/metrics').set('Authorization', 'Bearer wrong-token-of-some-length').expect(401);
        await guarded.http
          .get('/metrics')
          .set('Authorization', `Bearer ${await guarded.token('admin')}`)
          .expect(401);
        const scraped = await guarded.http.get('/metrics').set('Authorization', `Bearer ${secret}`).expect(200);
        expect(scraped.text).toContain('qj_queue_jobs{');
      } finally {
        await guarded.close();
      }
      expect(() => validateEnv({ METRICS_TOKEN: 'short' })).toThrow(/^METRICS_TOKEN must be at least 16 characters \(got "short"\)$/);
    });
  });
});
