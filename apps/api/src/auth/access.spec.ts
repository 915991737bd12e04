import { Logger } from '@nestjs/common';
import { DomainException } from '@qj/http';
import { assertCanEditProject, canEditProject, canReadEverything, refuseOutsideUnit } from './access';
import type { AuthUser } from './auth-user';

const user = (role: AuthUser['role'], unitId: string | null = null): AuthUser => ({ id: `id-${role}`, username: role, displayName: role, role, unitId, tokenGeneration: 0 });
const transport = { id: 'p-1', unitId: 'unit-transport' };

describe('access rules', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => (warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined)));
  afterEach(() => warn.mockRestore());

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

  it('refusing an owner outside their unit is 403 outside_unit and a warning naming user, project and action', () => {
    const owner = user('owner', 'unit-water');
    let thrown: unknown;
    try {
      refuseOutsideUnit(owner, 'p-1', 'request_transition');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainException);
    expect(thrown).toMatchObject({ code: 'outside_unit', detail: expect.stringContaining('无权') });
    expect((thrown as DomainException).getStatus()).toBe(403);
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ userId: owner.id, username: owner.username, projectId: 'p-1', action: 'request_transition' }),
      expect.any(String),
    );
  });

  it('assertCanEditProject passes, refuses an owner outside their unit, and refuses a reviewer by role', () => {
    expect(() => assertCanEditProject(user('owner', 'unit-transport'), transport, 'edit')).not.toThrow();
    expect(() => assertCanEditProject(user('owner', 'unit-water'), transport, 'edit')).toThrow(expect.objectContaining({ code: 'outside_unit' }));
    expect(() => assertCanEditProject(user('reviewer'), transport, 'edit')).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
