import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { freePort } from '@qj/config';
import { businessDay } from '@qj/domain';
import { dataSourceOptions, RollupRepository } from '@qj/persistence';
import { QUEUES, redisConnection } from '@qj/queue';
import { bootTestApp, TestApp } from '../support/test-app';
import { Launched, launchWorker, PrivateRedis, waitFor } from '../support/processes';
import { drainQueues } from '../support/queues';

interface Milestone {
  id: string;
  version: number;
  forecastDate: string | null;
}

/**
 * The outbox: every state change writes its events in the same transaction; workers relay them to BullMQ.
 * A worker killed with SIGKILL and a Redis restarted mid-burst lose no event. Each test runs workers of its own.
 */
describe('outbox relay and roll-ups', () => {
  const dir = mkdtempSync(join(tmpdir(), 'redis-'));
  let redis: PrivateRedis;
  let t: TestApp;
  let workers: Launched[] = [];

  const startWorker = () => {
    const worker = launchWorker(t.env, { REDIS_URL: redis.url, LOG_LEVEL: 'warn' });
    workers.push(worker);
    return worker;
  };
  /** Drains the queues, showing what the workers said when they do not. */
  const drained = (timeoutMs?: number) =>
    drainQueues(t, { timeoutMs, promoteDelayed: true }).catch((error) => {
      throw new Error(`${error.message}\nworker output:\n${workers.map((w) => w.output()).join('\n---\n')}`);
    });
  /** The first milestone of each of `count` projects of a sector, as the list orders them. */
  const milestonesOf = async (sector: string, count: number, page = 1): Promise<Milestone[]> => {
    const list = await t.as('reviewer').get('/api/projects').query({ sector, pageSize: count, page }).expect(200);
    const milestones: Milestone[] = [];
    for (const project of list.body.items) milestones.push((await t.as('reviewer').get(`/api/projects/${project.id}/milestones`).expect(200)).body.items[0]);
    return milestones;
  };
  const update = (owner: string) => (m: Milestone, i: number) =>
    t
      .as(owner)
      .patch(`/api/milestones/${m.id}`)
      .send({ version: m.version, forecastDate: `2028-01-${String((i % 28) + 1).padStart(2, '0')}` })
      .expect(200);
  const lastOutboxId = async () => (await t.db.query(`SELECT coalesce(max(id), 0)::text AS id FROM outbox_event`)).rows[0].id as string;

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort(6500), dir);
    await redis.start();
    t = await bootTestApp({ env: { REDIS_URL: redis.url } });
  });
  afterEach(() => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    workers = [];
  });
  afterAll(async () => {
    await t.close();
    await redis.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('relays every event once to the events queue and keeps the roll-ups current', async () => {
    startWorker();
    const before = await t.as('reviewer').get('/api/rollups').query({ by: 'sector' }).expect(200);
    const water = before.body.items.find((row: { key: string }) => row.key === 'water');
    const list = await t.as('reviewer').get('/api/projects').query({ sector: 'water', stage: 'study', pageSize: 1 }).expect(200);
    const projectId = list.body.items[0].id;
    const requested = await t
      .as('owner_water')
      .post(`/api/projects/${projectId}/transition-requests`)
      .send({ to: 'on_hold', reason: '资金未落实' })
      .expect(201);
    await t.as('reviewer').post(`/api/transition-requests/${requested.body.id}/approve`).send({}).expect(200);

    await drained();
    const after = (await t.as('reviewer').get('/api/rollups').query({ by: 'sector' }).expect(200)).body.items.find(
      (row: { key: string }) => row.key === 'water',
    );
    expect(after.byStage.on_hold).toBe(water.byStage.on_hold + 1);
    expect(after.byStage.study).toBe(water.byStage.study - 1);
    expect(after.total).toBe(water.total);
  });

  it('a worker killed with SIGKILL and a Redis restart during a burst lose no outbox event', async () => {
    const since = await lastOutboxId();
    const milestones = await milestonesOf('transport', 40);
    const events = new Queue(QUEUES.events, { connection: redisConnection(redis.url), prefix: t.env.QUEUE_PREFIX });
    // Redis is stopped on purpose below: the queue's reconnection errors are expected.
    events.on('error', () => undefined);
    try {
      const first = startWorker();
      // A process starting, not the queues: the burst below must meet a worker that is consuming.
      await waitFor('the worker to be consuming', async () => (await events.getWorkers()).length > 0, 30_000);

      await Promise.all(milestones.slice(0, 10).map(update('owner_transport')));
      first.child.kill('SIGKILL');
      await Promise.all(milestones.slice(10, 20).map(update('owner_transport')));
      await redis.kill();
      // Redis is away: the API still takes changes (they wait in the outbox).
      await Promise.all(milestones.slice(20, 30).map(update('owner_transport')));
      await redis.start();
      startWorker();
      await Promise.all(milestones.slice(30, 40).map(update('owner_transport')));

      await drained(120_000);
      const { rows } = await t.db.query(`SELECT id::text FROM outbox_event WHERE id > $1 ORDER BY id`, [since]);
      expect(rows.length).toBe(40);
      const missing = [];
      for (const row of rows) if (!(await events.getJob(`event-${row.id}`))) missing.push(row.id);
      expect(missing).toEqual([]);
      expect((await events.getJobCounts('failed')).failed).toBe(0);
    } finally {
      await events.close();
    }
  }, 180_000);

  it('incremental roll-ups equal a full recompute', async () => {
    startWorker();
    // Changes of several kinds across units: milestone dates (lights, overdue), a stage change, a unit reassigned.
    await Promise.all((await milestonesOf('education', 10)).map(update('owner_education')));
    const [project] = (await t.as('reviewer').get('/api/projects').query({ sector: 'water', stage: 'study', pageSize: 1, page: 2 }).expect(200)).body.items;
    await t.as('admin').post(`/api/projects/${project.id}/override`).send({ to: 'cancelled', reason: '规划调整' }).expect(200);
    const units = (await t.as('admin').get('/api/units').expect(200)).body.items;
    const moved = (await t.as('reviewer').get(`/api/projects/${project.id}`).expect(200)).body;
    const health = units.find((u: { code: string }) => u.code === 'health');
    await t.as('admin').patch(`/api/projects/${project.id}/unit`).send({ unitId: health.id, version: moved.version }).expect(200);
    await drained();

    const incremental = await t.as('reviewer').get('/api/rollups').query({ by: 'chapter' }).expect(200);
    const byUnit = await t.as('reviewer').get('/api/rollups').query({ by: 'unit' }).expect(200);
    await t.db.query(`DELETE FROM rollup`);
    const dataSource = await new DataSource(dataSourceOptions({ url: t.env.DATABASE_URL, schema: t.env.DATABASE_SCHEMA })).initialize();
    try {
      await new RollupRepository(dataSource).recomputeAll(businessDay(t.env.APP_TIMEZONE));
    } finally {
      await dataSource.destroy();
    }
    const strip = (items: Array<Record<string, unknown>>) => items.map(({ computedAt: _c, lastWeek: _l, ...row }) => row);
    expect(strip(incremental.body.items)).toEqual(strip((await t.as('reviewer').get('/api/rollups').query({ by: 'chapter' }).expect(200)).body.items));
    expect(strip(byUnit.body.items)).toEqual(strip((await t.as('reviewer').get('/api/rollups').query({ by: 'unit' }).expect(200)).body.items));
  });
});
