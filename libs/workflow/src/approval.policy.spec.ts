import { approvalRuleOf, canApprove } from './approval.policy';
import { projectWorkflow } from './project-workflow.definition';

describe('canApprove', () => {
  const request = { transitionId: 'begin_construction', requestedBy: 'u-owner' };

  it('lets a reviewer approve someone else’s request', () => {
    expect(canApprove(projectWorkflow, request, { id: 'u-rev', roles: ['reviewer'] })).toEqual({ ok: true });
  });

  it('refuses one’s own request, even to a reviewer', () => {
    const check = canApprove(projectWorkflow, { ...request, requestedBy: 'u-rev' }, { id: 'u-rev', roles: ['reviewer', 'owner'] });
    expect(check).toMatchObject({ ok: false, code: 'own_request' });
  });

  it('refuses an actor without the approver role', () => {
    expect(canApprove(projectWorkflow, request, { id: 'u-x', roles: ['owner', 'admin'] })).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('refuses an unknown transition', () => {
    expect(canApprove(projectWorkflow, { ...request, transitionId: 'teleport' }, { id: 'u-rev', roles: ['reviewer'] })).toMatchObject({
      ok: false,
      code: 'unknown_transition',
    });
  });

  it('exposes the approval rule', () => {
    expect(approvalRuleOf(projectWorkflow, 'hold')).toEqual({ required: true, by: ['reviewer'] });
    expect(approvalRuleOf(projectWorkflow, 'nope')).toBeNull();
  });
});
