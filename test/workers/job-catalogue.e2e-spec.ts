import { Job, Queue } from 'bullmq';
import { QUEUES, QueueName, redisConnection } from '@qj/queue';
import { ProcessorsModule } from '../../apps/worker/src/processors.module';
import { drainQueues } from '../support/queues';
import { bootTestApp, TestApp } from '../support/test-app';

/**
 * A job the catalogue does not name, or whose payload its class refuses, fails on its first attempt
 * (UnrecoverableError) with a reason saying why, instead of being retried eight times into the same error.
 * The jobs are added to real queues, with the processors running.
 */
describe('job catalogue at run time', () => {
  let t: TestApp;
  const queues = new Map<QueueName, Queue>();
  const queue = (name: QueueName) => {
    if (!queues.has(name)) queues.set(name, new Queue(name, { connection: redisConnection(t.env.REDIS_URL), prefix: t.env.QUEUE_PREFIX }));
    return queues.get(name) as Queue;
  };
  /** The job once the processors have taken everything, which must have left it in `state`. */
  const inState = async (name: QueueName, id: string, state: 'failed' | 'completed') => {
    await drainQueues(t);
    expect([id, await queue(name).getJobState(id)]).toEqual([id, state]);
    return (await Job.fromId(queue(name), id)) as Job;
  };
  const failed = (name: QueueName, id: string) => inState(name, id, 'failed');

  beforeAll(async () => {
    t = await bootTestApp({ modules: [ProcessorsModule] });
  });
  afterAll(async () => {
    for (const q of queues.values()) await q.close();
    await t.close();
  });

  it('an unknown job name fails at once, naming the job', async () => {
    await queue(QUEUES.alerts).add('alerts.rescan-everything', {}, { jobId: 'unknown-name' });
    const job = await failed(QUEUES.alerts, 'unknown-name');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toBe('alerts queue has no handler for job "alerts.rescan-everything"');
  });

  it('a job name of another queue fails at once too', async () => {
    await queue(QUEUES.alerts).add('mail.send', { mailId: '1' }, { jobId: 'foreign-name' });
    const job = await failed(QUEUES.alerts, 'foreign-name');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toBe('alerts queue has no handler for job "mail.send"');
  });

  it('an invalid payload fails at once, naming each bad field', async () => {
    await queue(QUEUES.alerts).add('alerts.scan-project', { projectId: 'not-a-uuid', extra: true }, { jobId: 'bad-payload' });
    const job = await failed(QUEUES.alerts, 'bad-payload');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toMatch(/^job "alerts.scan-project" has an invalid payload: /);
    expect(job.failedReason).toContain('projectId: projectId must be a UUID');
    expect(job.failedReason).toContain('extra: property extra should not exist');
  });

  it("a domain event whose data is not its name's fails at once, on both consumers", async () => {
    const event = {
      outboxId: '1',
      name: 'milestone.updated',
      aggregateId: '3f2b8c1e-5d4a-4b6c-9e8f-0a1b2c3d4e5f',
      actorId: null,
      occurredAt: new Date().toISOString(),
      requestId: null,
      data: { requestId: 'an older shape' },
    };
    await queue(QUEUES.events).add('domain.event', event, { jobId: 'bad-event' });
    await queue(QUEUES.notifications).add('notifications.event', event, { jobId: 'bad-notify' });
    for (const [name, id] of [
      [QUEUES.events, 'bad-event'],
      [QUEUES.notifications, 'bad-notify'],
    ] as const) {
      const job = await failed(name, id);
      expect(job.attemptsMade).toBe(1);
      expect(job.failedReason).toContain('data.milestoneId: milestoneId must be a UUID');
      expect(job.failedReason).toContain('data.requestId: property requestId should not exist');
    }
  });

  it('a valid job of the same queue still runs', async () => {
    const { rows } = await t.db.query(`SELECT id FROM project ORDER BY plan_order LIMIT 1`);
    await queue(QUEUES.alerts).add('alerts.scan-project', { projectId: rows[0].id }, { jobId: 'good-payload' });
    const job = await inState(QUEUES.alerts, 'good-payload', 'completed');
    expect(job.returnvalue).toEqual(expect.objectContaining({ alerts: expect.any(Number) }));
  });
});
