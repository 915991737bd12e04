import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { freePort } from '@qj/config';
import { QUEUES, redisConnection } from '@qj/queue';
import { bootTestApp, TestApp } from '../support/test-app';
import { Launched, launchWorker, PrivateRedis, waitFor } from '../support/processes';

interface Milestone {
  id: string;
  version: number;
  forecastDate: string | null;
}

/**
 * The outbox: every state change writes its events in the same transaction; workers relay them to BullMQ.
 * A worker killed with SIGKILL and a Redis restarted mid-burst lose no event.
 */
describe('outbox relay and roll-ups', () => {
  const dir = mkdtempSync(join(tmpdir(), 'redis-'));
  let redis: PrivateRedis;
  let t: TestApp;
  const workers: Launched[] = [];

  const startWorker = () => {
    const worker = launchWorker(t.env, { REDIS_URL: redis.url, LOG_LEVEL: 'warn' });
    workers.push(worker);
    return worker;
  };
  const unpublished = async () => (await t.db.query(`SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL`)).rows[0].n as number;

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort(6500), dir);
    await redis.start();
    t = await bootTestApp({ env: { REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await t.close();
    await redis.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('relays every event once to the events queue and keeps the roll-ups current', async () => {
    startWorker();
    const before = await t.as('reviewer').get('/api/rollups').query({ by: 'sector' }).expect(200);
    const water = before.body.items.find((row: { key: string }) => row.key === 'water');
    const list = await t.as('reviewer').get('/api/projects').query({ sector: 'water', pageSize: 1 }).expect(200);
    const projectId = list.body.items[0].id;
    const requested = await t
      .as('owner_water')
      .post(`/api/projects/${projectId}/transition-requests`)
      .send({ to: 'on_hold', reason: '资金未落实' })
      .expect(201);
    await t.as('reviewer').post(`/api/transition-requests/${requested.body.id}/approve`).send({}).expect(200);

    await waitFor('the events to be relayed', async () => (await unpublished()) === 0, 20_000).catch((error) => {
      throw new Error(`${error.message}\nworker output:\n${workers.map((w) => w.output()).join('\n---\n')}`);
    });
    const after = await waitFor('the sector roll-up to count the project on hold', async () => {
      const res = await t.as('reviewer').get('/api/rollups').query({ by: 'sector' });
      const row = res.body.items.find((r: { key: string }) => r.key === 'water');
      return row.byStage.on_hold === water.byStage.on_hold + 1 ? row : undefined;
    });
    expect(after.byStage.study).toBe(water.byStage.study - 1);
    expect(after.total).toBe(water.total);
  });

  it('a worker killed with SIGKILL and a Redis restart during a burst lose no outbox event', async () => {
    const list = await t.as('reviewer').get('/api/projects').query({ sector: 'transport', pageSize: 40 }).expect(200);
    const milestones: Milestone[] = [];
    for (const project of list.body.items) {
      const res = await t.as('reviewer').get(`/api/projects/${project.id}/milestones`).expect(200);
      milestones.push(res.body.items[0]);
    }
    const update = (m: Milestone, i: number) =>
      t
        .as('owner_transport')
        .patch(`/api/milestones/${m.id}`)
        .send({ version: m.version, forecastDate: `2028-01-${String((i % 28) + 1).padStart(2, '0')}` })
        .expect(200);

    await Promise.all(milestones.slice(0, 10).map(update));
    workers[0].child.kill('SIGKILL');
    await Promise.all(milestones.slice(10, 20).map(update));
    await redis.kill();
    // Redis is away: the API still takes changes (they wait in the outbox).
    await Promise.all(milestones.slice(20, 30).map(update));
    await redis.start();
    startWorker();
    await Promise.all(milestones.slice(30, 40).map(update));

    await waitFor('the backlog to be relayed', async () => (await unpublished()) === 0, 90_000);
    const { rows } = await t.db.query(`SELECT id::text FROM outbox_event ORDER BY id`);
    const events = new Queue(QUEUES.events, { connection: redisConnection(redis.url), prefix: t.env.QUEUE_PREFIX });
    try {
      const missing = [];
      for (const row of rows) if (!(await events.getJob(`event-${row.id}`))) missing.push(row.id);
      expect(missing).toEqual([]);
      // 40 milestone updates, and the request and approval of the first test.
      expect(rows.length).toBe(40 + 2);
      await waitFor('the events to be consumed', async () => {
        const counts = await events.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        return Object.values(counts).every((count) => count === 0);
      });
      expect((await events.getJobCounts('failed')).failed).toBe(0);
    } finally {
      await events.close();
    }
  }, 180_000);

  it('incremental roll-ups equal a full recompute', async () => {
    const incremental = await t.as('reviewer').get('/api/rollups').query({ by: 'chapter' }).expect(200);
    await t.db.query(`DELETE FROM rollup`);
    const { RollupRepository } = await import('@qj/persistence');
    const { DataSource } = await import('typeorm');
    const { dataSourceOptions } = await import('@qj/persistence');
    const dataSource = await new DataSource(dataSourceOptions({ url: t.env.DATABASE_URL, schema: t.env.DATABASE_SCHEMA })).initialize();
    try {
      const { businessDay } = await import('@qj/domain');
      await new RollupRepository(dataSource).recomputeAll(businessDay('Asia/Shanghai'));
    } finally {
      await dataSource.destroy();
    }
    const full = await t.as('reviewer').get('/api/rollups').query({ by: 'chapter' }).expect(200);
    const strip = (items: Array<Record<string, unknown>>) => items.map(({ computedAt: _c, lastWeek: _l, ...row }) => row);
    expect(strip(incremental.body.items)).toEqual(strip(full.body.items));
  });
});
