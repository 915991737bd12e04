import type { JobSchedulerTemplateOptions } from 'bullmq';
import type { CataloguedQueue } from './enqueue';
import type { JobName, JobPayloads, QueueOfJob } from './jobs';

/** When a scheduled job fires: a cron pattern in a time zone, or every so many milliseconds. */
export type Schedule = { pattern: string; tz: string } | { every: number };

/**
 * Registers the job scheduler `name` (its id and job name are the same), but only when it is missing or its
 * schedule changed. Every worker calls this at start; re-registering an unchanged scheduler would replace its
 * next firing, so one already due but not yet taken would be lost. Returns whether it registered.
 */
export async function ensureJobScheduler<J extends JobName>(
  queue: CataloguedQueue<NoInfer<QueueOfJob<J>>>,
  name: J,
  schedule: Schedule,
  template: { data: JobPayloads[J]; opts?: JobSchedulerTemplateOptions } = { data: {} as JobPayloads[J] },
): Promise<boolean> {
  const registered = await queue.getJobScheduler(name);
  const wanted =
    'every' in schedule ? { pattern: undefined, every: schedule.every, tz: undefined } : { pattern: schedule.pattern, every: undefined, tz: schedule.tz };
  if (registered && registered.pattern === wanted.pattern && registered.every === wanted.every && registered.tz === wanted.tz) return false;
  await queue.upsertJobScheduler(name, schedule, { name, ...template });
  return true;
}
