import { projectWorkflowDefinitions } from '@qj/workflow';
import { domainEvent, eventDataProblems, isTransitionEvent } from './events';
import { payloadProblems } from './job-payloads';
import { JOB_PAYLOAD_CLASSES } from './jobs';
import { runWithRequestId } from './request-context';

const ID = '3f2b8c1e-5d4a-4b6c-9e8f-0a1b2c3d4e5f';
const MILESTONE = { baselineDate: '2027-03-31', forecastDate: null, actualDate: null, status: 'pending', notApplicableReason: null, version: 1 };

describe('domain event catalogue', () => {
  it.each(projectWorkflowDefinitions.map((definition) => definition.version))('holds every event of workflow version %i, as a transition event', (version) => {
    const definition = projectWorkflowDefinitions.find((d) => d.version === version)!;
    const names = [
      definition.requestedEvent,
      definition.rejectedEvent,
      definition.withdrawnEvent,
      ...definition.adminOverride.emits,
      ...definition.transitions.flatMap((t) => t.emits),
    ];
    expect(names.filter((name) => !isTransitionEvent(name))).toEqual([]);
  });

  it('an event built in a request carries its id; outside one, null', () => {
    const event = () => domainEvent('rebaseline.withdrawn', { aggregateId: ID, actorId: ID, data: { rebaselineRequestId: ID, milestoneId: ID } });
    expect(runWithRequestId('req-42', event)).toEqual({
      name: 'rebaseline.withdrawn',
      aggregateId: ID,
      actorId: ID,
      requestId: 'req-42',
      data: { rebaselineRequestId: ID, milestoneId: ID },
    });
    expect(event().requestId).toBeNull();
  });

  it('checks data against the class of the event named', () => {
    expect(eventDataProblems('milestone.updated', { milestoneId: ID, code: 'permit', before: MILESTONE, after: MILESTONE })).toBeNull();
    expect(eventDataProblems('milestone.updated', { milestoneId: ID, code: 'permit', before: MILESTONE })).toMatch(/^data.after: /);
    const renamed = eventDataProblems('rebaseline.withdrawn', { requestId: ID, milestoneId: ID });
    expect(renamed).toContain('data.requestId: property requestId should not exist');
    expect(renamed).toContain('data.rebaselineRequestId: rebaselineRequestId must be a UUID');
    expect(eventDataProblems('project.probe', {})).toBe('no event is named "project.probe"');
  });

  it('a domain event job is checked as an envelope and by its data', () => {
    const job = {
      outboxId: '7',
      name: 'project.unit_reassigned',
      aggregateId: ID,
      actorId: ID,
      occurredAt: new Date().toISOString(),
      requestId: 'req-42',
      data: { previousUnitId: ID, unitId: ID },
    };
    expect(payloadProblems(JOB_PAYLOAD_CLASSES['domain.event'], job)).toBeNull();
    expect(payloadProblems(JOB_PAYLOAD_CLASSES['domain.event'], { ...job, payload: job.data })).toMatch(/payload: property payload should not exist/);
    expect(payloadProblems(JOB_PAYLOAD_CLASSES['notifications.event'], { ...job, data: { unitId: ID } })).toMatch(/data: data.previousUnitId: /);
    expect(payloadProblems(JOB_PAYLOAD_CLASSES['domain.event'], { ...job, name: 'project.probe' })).toMatch(/name: name must be one of/);
  });
});

// Compile-time checks: an event is built only with its own data.
export function typeChecks(): void {
  domainEvent('project.unit_reassigned', { aggregateId: ID, actorId: null, data: { previousUnitId: ID, unitId: ID } });
  // @ts-expect-error data of another event
  domainEvent('project.unit_reassigned', { aggregateId: ID, actorId: null, data: { rebaselineRequestId: ID, milestoneId: ID } });
  // @ts-expect-error a name the catalogue does not hold
  domainEvent('project.renamed', { aggregateId: ID, actorId: null, data: {} });
}
