import { DomainException } from '@qj/http';
import { ALL_UNITS, oneUnit, unitOfScope } from '@qj/persistence';
import { assertCanEditProject, canEditProject, canReadEverything, PERMISSIONS, readScopeOf, refuseOutsideUnit } from './access';
import type { AuthUser } from './auth-user';

const user = (role: AuthUser['role'], unitId: string | null = null): AuthUser => ({
  id: `id-${role}`,
  username: role,
  displayName: role,
  role,
  unitId,
  tokenGeneration: 0,
});
const transport = { id: 'p-1', unitId: 'unit-transport' };

describe('access rules', () => {
  it('an owner edits only the projects of their own unit; an admin edits any; a reviewer none', () => {
    expect(canEditProject(user('owner', 'unit-transport'), transport)).toBe(true);
    expect(canEditProject(user('owner', 'unit-water'), transport)).toBe(false);
    expect(canEditProject(user('owner', null), transport)).toBe(false);
    expect(canEditProject(user('admin'), transport)).toBe(true);
    expect(canEditProject(user('reviewer'), transport)).toBe(false);
  });

  it('reviewers and admins read everything, owners do not', () => {
    expect(canReadEverything(user('reviewer'))).toBe(true);
    expect(canReadEverything(user('admin'))).toBe(true);
    expect(canReadEverything(user('owner', 'unit-transport'))).toBe(false);
  });

  it('refusing an owner outside their unit is 403 outside_unit naming project and action', () => {
    let thrown: unknown;
    try {
      refuseOutsideUnit('p-1', 'request_transition');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainException);
    expect(thrown).toMatchObject({
      code: 'outside_unit',
      message: expect.stringContaining('无权'),
      extensions: { projectId: 'p-1', action: 'request_transition' },
    });
    expect((thrown as DomainException).getStatus()).toBe(403);
  });

  it('assertCanEditProject passes, refuses an owner outside their unit, and refuses a reviewer by role', () => {
    expect(() => assertCanEditProject(user('owner', 'unit-transport'), transport, 'edit')).not.toThrow();
    expect(() => assertCanEditProject(user('owner', 'unit-water'), transport, 'edit')).toThrow(expect.objectContaining({ code: 'outside_unit' }));
    expect(() => assertCanEditProject(user('reviewer'), transport, 'edit')).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it('a read scope is every unit for reviewers and admins, the own unit for an owner, and refused for an owner without one', () => {
    expect(readScopeOf(user('reviewer'))).toEqual(ALL_UNITS);
    expect(readScopeOf(user('admin'))).toEqual(ALL_UNITS);
    expect(readScopeOf(user('owner', 'unit-water'))).toEqual(oneUnit('unit-water'));
    expect(() => readScopeOf(user('owner', null))).toThrow(expect.objectContaining({ code: 'no_unit' }));
  });

  it('a repository read without a scope fails closed instead of reading every unit', () => {
    expect(unitOfScope(ALL_UNITS)).toBeNull();
    expect(unitOfScope(oneUnit('unit-water'))).toBe('unit-water');
    expect(() => unitOfScope(undefined)).toThrow(/unit scope/);
    expect(() => unitOfScope({ kind: 'unit' } as never)).toThrow(/unit scope/);
    expect(() => unitOfScope({ kind: 'unit', unitId: '' })).toThrow(/unit scope/);
  });

  it('admin-only permissions list admins alone; only milestone updates, imports, transition requests and their withdrawal, project facts, problem replies and evidence uploads admit reviewers and owners both', () => {
    const both = Object.entries(PERMISSIONS).filter(
      ([, rule]) => (rule.roles as readonly string[]).includes('owner') && (rule.roles as readonly string[]).includes('reviewer'),
    );
    expect(both.map(([name]) => name).sort()).toEqual([
      'file.upload',
      'milestone.import',
      'milestone.update',
      'problem.reply',
      'project.facts.update',
      'project.transition.request',
      'transition.withdraw',
    ]);
    // The annual plan is the DRC's; monthly reports are the owners' (admins may act for them), returned by the DRC.
    expect(PERMISSIONS['investment-plan.issue'].roles).toEqual(['reviewer', 'admin']);
    expect(PERMISSIONS['investment-plan.import'].roles).toEqual(['reviewer', 'admin']);
    for (const name of ['monthly-report.update', 'monthly-report.submit', 'monthly-report.import'] as const)
      expect(PERMISSIONS[name].roles).toEqual(['owner', 'admin']);
    expect(PERMISSIONS['monthly-report.return'].roles).toEqual(['reviewer', 'admin']);
    // Problems: the project's owners raise them; assigning, closing (销号) and reopening are the DRC's.
    expect(PERMISSIONS['problem.raise'].roles).toEqual(['owner', 'admin']);
    for (const name of ['problem.assign', 'problem.close', 'problem.reopen'] as const) expect(PERMISSIONS[name].roles).toEqual(['reviewer', 'admin']);
    for (const name of [
      'user.create',
      'user.update',
      'user.password.reset',
      'unit.create',
      'unit.update',
      'digest.preview',
      'job.retry',
      'job.discard',
      'queue-dashboard.session',
      'project.override',
      'file.remove',
    ] as const) {
      expect(PERMISSIONS[name].roles).toEqual(['admin']);
    }
  });
});
