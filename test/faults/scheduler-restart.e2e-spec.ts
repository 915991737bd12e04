import { JobName, QUEUES, redisConnection } from '@qj/queue';
import { Queue } from 'bullmq';
import { Launched, launchWorker, waitFor } from '../support/processes';
import { bootTestApp, TestApp } from '../support/test-app';

const EVERY_MS = 15_000;
const CRON = '*/15 * * * * *';

/** The scheduled jobs and their queues: each registered by every worker at start. */
const SCHEDULED: Array<[JobName, string]> = [
  ['alerts.scan', QUEUES.alerts],
  ['alerts.scan-problems', QUEUES.alerts],
  ['rollups.reconcile', QUEUES.rollups],
  ['rollups.snapshot', QUEUES.rollups],
  ['digest.fanout', QUEUES.digest],
  ['reports.scan', QUEUES.reports],
];

/**
 * No firing lost: a worker stops just before its schedules fire and another starts just after, while the
 * firing waits untaken. Registering the schedules again at that start must not replace the firing already
 * due (an unconditional upsert would move it to the next instant): each runs once, and the next one too.
 */
describe('a worker restarted as its schedules fall due', () => {
  let t: TestApp;
  const workers: Launched[] = [];
  const queues = new Map<string, Queue>();
  const env = {
    ALERT_SCAN_CRON: CRON,
    ROLLUP_RECONCILE_CRON: CRON,
    ROLLUP_SNAPSHOT_CRON: CRON,
    DIGEST_CRON: CRON,
    REPORT_REMINDER_CRON: CRON,
    DIGEST_PERIOD: 'firing',
    LOG_LEVEL: 'warn',
  };
  const output = () => workers.map((w) => w.output()).join('\n---\n');

  /** The scheduled firings (their `prevMillis`) of one job that ran to completion. */
  const completedFirings = async (name: JobName, queue: string): Promise<number[]> =>
    (await (queues.get(queue) as Queue).getJobs(['completed'], 0, -1))
      .filter((job) => job.name === name && job.opts.prevMillis !== undefined)
      .map((job) => job.opts.prevMillis as number)
      .sort((a, b) => a - b);

  beforeAll(async () => {
    t = await bootTestApp();
    // No digest recipients: the fan-out runs and counts nobody, so only its scheduling is under test.
    await t.db.query(`UPDATE app_user SET active = false WHERE role IN ('owner', 'reviewer', 'leader')`);
    for (const [, name] of SCHEDULED) {
      if (!queues.has(name)) queues.set(name, new Queue(name, { connection: redisConnection(t.env.REDIS_URL), prefix: t.env.QUEUE_PREFIX }));
    }
  });
  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    for (const queue of queues.values()) await queue.close();
    await t?.close();
  });

  it('runs the firing that fell due between the stop and the start once, and the next one', async () => {
    const first = launchWorker(t.env, env);
    workers.push(first);
    const schedulers = await waitFor(
      'every schedule registered',
      async () => {
        const found = await Promise.all(SCHEDULED.map(([name, queue]) => (queues.get(queue) as Queue).getJobScheduler(name)));
        return found.every(Boolean) ? found : undefined;
      },
      90_000,
      100,
    ).catch((error) => Promise.reject(new Error(`${error.message}\n${output()}`)));
    expect(new Set(schedulers.map((s) => s?.pattern))).toEqual(new Set([CRON]));

    // The firing to lose: at least 8 s ahead, so the first worker is surely gone before it.
    let due = Math.ceil((Date.now() + 1) / EVERY_MS) * EVERY_MS;
    if (due - Date.now() < 8_000) due += EVERY_MS;
    await new Promise((done) => setTimeout(done, due - Date.now() - 6_000));
    first.child.kill('SIGTERM');
    await first.exited;
    expect(Date.now()).toBeLessThan(due);
    for (const [name, queue] of SCHEDULED) expect(await completedFirings(name, queue)).not.toContain(due);

    // The firing falls due with nobody to take it; then a worker starts and registers the schedules again.
    await new Promise((done) => setTimeout(done, due - Date.now() + 1_000));
    const second = launchWorker(t.env, env);
    workers.push(second);

    for (const [name, queue] of SCHEDULED) {
      const firings = await waitFor(
        `${name}: the firing after the restart`,
        async () => {
          const done = await completedFirings(name, queue);
          return done.includes(due + EVERY_MS) ? done : undefined;
        },
        90_000,
      ).catch((error) => Promise.reject(new Error(`${error.message}\n${output()}`)));
      // The firing due at the restart ran, once, and so did the next: none lost, none doubled.
      expect(firings.filter((at) => at === due)).toHaveLength(1);
      expect(firings.filter((at) => at === due + EVERY_MS)).toHaveLength(1);
      expect(new Set(firings).size).toBe(firings.length);
    }
  }, 240_000);
});
