import { JOB_QUEUE, JobName } from '@qj/queue';
import { PROCESSORS } from './processors.module';

/** The jobs a processor's dispatch table names; built without its dependencies, which the table only uses when a job runs. */
const handled = (processor: (typeof PROCESSORS)[number]): string[] => Object.keys(new (processor as unknown as new () => { handlers: object })().handlers);

describe('job catalogue', () => {
  const jobs = Object.keys(JOB_QUEUE) as JobName[];

  it.each(jobs)('job %s has exactly one handler, on its own queue', (job) => {
    const handlers = PROCESSORS.filter((processor) => handled(processor).includes(job));
    expect(handlers).toHaveLength(1);
    expect(handlers[0].queue).toBe(JOB_QUEUE[job]);
  });

  it('no processor handles a job the catalogue does not name', () => {
    expect(PROCESSORS.flatMap(handled).filter((job) => !jobs.includes(job as JobName))).toEqual([]);
  });

  it('one processor per queue', () => {
    expect(new Set(PROCESSORS.map((processor) => processor.queue)).size).toBe(PROCESSORS.length);
  });
});
