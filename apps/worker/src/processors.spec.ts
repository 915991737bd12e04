import { JOB_QUEUE, JobName } from '@qj/queue';
import { PROCESSORS } from './processors.module';

describe('job catalogue', () => {
  const jobs = Object.keys(JOB_QUEUE) as JobName[];

  it.each(jobs)('job %s has exactly one handler, on its own queue', (job) => {
    const handlers = PROCESSORS.filter((processor) => processor.handles.includes(job));
    expect(handlers).toHaveLength(1);
    expect(handlers[0].queue).toBe(JOB_QUEUE[job]);
  });

  it('no processor handles a job the catalogue does not name', () => {
    expect(PROCESSORS.flatMap((processor) => processor.handles).filter((job) => !jobs.includes(job))).toEqual([]);
  });
});
