import type { Queue } from 'bullmq';
import { CataloguedQueue, enqueue } from './enqueue';
import { payloadProblems } from './job-payloads';
import { JOB_PAYLOAD_CLASSES, JOB_QUEUE, JobName, projectScanJob } from './jobs';

const PROJECT = '3f2b8c1e-5d4a-4b6c-9e8f-0a1b2c3d4e5f';

describe('job payloads', () => {
  it('every job has a payload class', () => {
    expect(Object.keys(JOB_PAYLOAD_CLASSES).sort()).toEqual((Object.keys(JOB_QUEUE) as JobName[]).sort());
  });

  it('a valid payload has no problems', () => {
    expect(payloadProblems(JOB_PAYLOAD_CLASSES['alerts.scan-project'], { projectId: PROJECT })).toBeNull();
    expect(payloadProblems(JOB_PAYLOAD_CLASSES['digest.send'], { userId: PROJECT, week: '2026-W48' })).toBeNull();
    expect(payloadProblems(JOB_PAYLOAD_CLASSES['digest.send'], { userId: PROJECT, week: '2026-W48-20261123T010000Z' })).toBeNull();
    expect(payloadProblems(JOB_PAYLOAD_CLASSES['mail.sweep'], {})).toBeNull();
    expect(payloadProblems(JOB_PAYLOAD_CLASSES['rollups.refresh'], { projectId: PROJECT })).toBeNull();
    expect(payloadProblems(JOB_PAYLOAD_CLASSES['rollups.refresh'], { projectId: PROJECT, formerUnitId: PROJECT })).toBeNull();
  });

  it('names each field that is missing, malformed or unknown', () => {
    expect(payloadProblems(JOB_PAYLOAD_CLASSES['alerts.scan-project'], {})).toMatch(/^projectId: /);
    expect(payloadProblems(JOB_PAYLOAD_CLASSES['mail.send'], { mailId: 'abc' })).toMatch(/^mailId: /);
    expect(payloadProblems(JOB_PAYLOAD_CLASSES['mail.sweep'], { extra: 1 })).toMatch(/extra: property extra should not exist/);
    expect(payloadProblems(JOB_PAYLOAD_CLASSES['mail.send'], 'mail-1')).toBe('the payload is not an object');
    expect(payloadProblems(JOB_PAYLOAD_CLASSES['mail.send'], null)).toBe('the payload is not an object');
  });

  it("the project scan job is one per project and minute, due at the minute's end", () => {
    const scan = projectScanJob(PROJECT, 90_000);
    expect(scan).toEqual({ data: { projectId: PROJECT }, opts: { jobId: `alerts-scan-${PROJECT}-1`, delay: 30_000 } });
  });
});

// Compile-time checks (tsc runs over specs): a job goes only to its own queue, with its own payload.
export function typeChecks(alerts: CataloguedQueue<'alerts'>, mail: CataloguedQueue<'mail'>, raw: Queue): void {
  void enqueue(alerts, 'alerts.scan-project', { projectId: PROJECT });
  void enqueue(mail, 'mail.send', { mailId: '1' });
  // @ts-expect-error a mail job on the alerts queue
  void enqueue(alerts, 'mail.send', { mailId: '1' });
  // @ts-expect-error the wrong payload
  void enqueue(alerts, 'alerts.scan-project', { mailId: '1' });
  // @ts-expect-error a job the catalogue does not name
  void enqueue(alerts, 'alerts.unknown', {});
  // @ts-expect-error a queue injected without its name
  void enqueue(raw, 'alerts.scan', {});
}
