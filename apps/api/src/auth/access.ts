import { DomainException, domainError } from '@qj/http';
import { ALL_UNITS, oneUnit, UnitResource, UnitScope } from '@qj/persistence';
import type { AuthUser, Role } from './auth-user';

/** What an owner's refusals name: every resource an owner acts on belongs to a project. */
export const THE_PROJECT = { zh: '该项目', en: 'the project' } as const;

/** 401: no token, or one that is tampered with, expired or of a deactivated user. */
export function unauthenticated(): DomainException {
  return domainError('unauthenticated');
}

/** 403: the user's role does not allow the action. (Every 403 is logged with the user and the route by the problem filter.) */
export function forbidden(): DomainException {
  return domainError('forbidden');
}

/**
 * Every write the API offers, with who may do it and on what (in the style of Immich's `requireAccess`). A route
 * states its permission with `@RequireAccess(permission, param)`; AccessGuard checks the role, then, for an owner,
 * that the resource named in the path belongs to their unit, before any pipe, interceptor or handler reads the body.
 * The use case refines further (which transition, which date): this is the floor, not the whole rule.
 */
export const PERMISSIONS = {
  // Owners: forecast and actual dates of their unit's milestones; reviewers: only the baseline, with a reason; admins: any.
  'milestone.update': { roles: ['owner', 'reviewer', 'admin'], resource: 'milestone' },
  'milestone.rebaseline.request': { roles: ['owner', 'admin'], resource: 'milestone' },
  // 不适用 and back: the project's owners (and admins), never a reviewer.
  'milestone.settle': { roles: ['owner', 'admin'], resource: 'milestone' },
  // 前期手续: an approval is a milestone; its state and document are the project's owners' to set (and admins').
  'approval.update': { roles: ['owner', 'admin'], resource: 'milestone' },
  // Withdrawing: only the requester, which the service checks; the role and unit are checked here first.
  'rebaseline.withdraw': { roles: ['owner', 'admin'], resource: 'rebaselineRequest' },
  // Rows name their milestones in the file: each is checked against the same rules as milestone.update.
  'milestone.import': { roles: ['owner', 'reviewer', 'admin'] },
  'rebaseline.decide': { roles: ['reviewer', 'admin'], resource: 'rebaselineRequest' },
  // The roles the workflow lets request any transition; the engine decides which ones.
  'project.transition.request': { roles: ['owner', 'reviewer'], resource: 'project' },
  'transition.decide': { roles: ['reviewer', 'admin'], resource: 'transitionRequest' },
  'transition.withdraw': { roles: ['owner', 'reviewer', 'admin'], resource: 'transitionRequest' },
  'project.override': { roles: ['admin'], resource: 'project' },
  'project.unit.reassign': { roles: ['admin'], resource: 'project' },
  // Investment facts (项目代码, 总投资, …): the project's owners, and the DRC's reviewers and admins for any project.
  'project.facts.update': { roles: ['owner', 'reviewer', 'admin'], resource: 'project' },
  // The annual plan (年度计划) is the DRC's to issue and adjust, never an owner's.
  'investment-plan.issue': { roles: ['reviewer', 'admin'], resource: 'project' },
  'investment-plan.import': { roles: ['reviewer', 'admin'] },
  // Monthly reports (月报): the project's owners fill and submit them (admins may act for them); reviewers return them.
  'monthly-report.update': { roles: ['owner', 'admin'], resource: 'project' },
  'monthly-report.submit': { roles: ['owner', 'admin'], resource: 'project' },
  'monthly-report.return': { roles: ['reviewer', 'admin'], resource: 'project' },
  // Rows name their projects in the file: each is checked against the caller's unit.
  'monthly-report.import': { roles: ['owner', 'admin'] },
  // The month's 调度通报 is the DRC's: reviewers (and admins) generate and publish it; publishing locks the month.
  'bulletin.generate': { roles: ['reviewer', 'admin'] },
  'bulletin.publish': { roles: ['reviewer', 'admin'] },
  // The problem list (问题清单): a project's owners raise what blocks it (admins may act for them); the DRC assigns it to the
  // unit that can solve it, closes it (销号) and reopens it.
  'problem.raise': { roles: ['owner', 'admin'], resource: 'project' },
  'problem.assign': { roles: ['reviewer', 'admin'] },
  'problem.close': { roles: ['reviewer', 'admin'] },
  'problem.reopen': { roles: ['reviewer', 'admin'] },
  // The thread: owners of the project's unit and of the unit it is assigned to, the DRC, and the district's leaders (区领导:
  // their comment is the only write a leader has).
  'problem.reply': { roles: ['owner', 'reviewer', 'leader', 'admin'], resource: 'problem' },
  // Evidence files: anyone who files or reports uploads (what they may attach it to is checked there); only admins remove.
  'file.upload': { roles: ['owner', 'reviewer', 'admin'] },
  'file.remove': { roles: ['admin'] },
  'user.create': { roles: ['admin'] },
  'user.update': { roles: ['admin'] },
  // Resetting someone's password ends their sessions; units (责任单位) are created, renamed and disabled by admins.
  'user.password.reset': { roles: ['admin'] },
  'unit.create': { roles: ['admin'] },
  'unit.update': { roles: ['admin'] },
  'digest.preview': { roles: ['admin'] },
  'job.retry': { roles: ['admin'] },
  'job.discard': { roles: ['admin'] },
  'queue-dashboard.session': { roles: ['admin'] },
  // The demo history (演示数据): loading and clearing it are an administrator's.
  'demo.load': { roles: ['admin'] },
  'demo.clear': { roles: ['admin'] },
} as const satisfies Record<string, { roles: readonly Role[]; resource?: UnitResource }>;

export type Permission = keyof typeof PERMISSIONS;

/** Reviewers (区发展改革委), leaders (区领导) and admins read every unit's projects; an owner's reads may be scoped to their unit. */
export function canReadEverything(user: AuthUser): boolean {
  return user.role === 'reviewer' || user.role === 'leader' || user.role === 'admin';
}

/** The scope of a user's scoped reads: every unit for reviewers, leaders and admins, their own for an owner; an owner with no unit sees nothing. */
export function readScopeOf(user: AuthUser): UnitScope {
  if (canReadEverything(user)) return ALL_UNITS;
  if (user.role === 'owner' && user.unitId) return oneUnit(user.unitId);
  throw domainError('no_unit');
}

/** An owner edits the projects of their own unit; an admin edits any; a reviewer approves but does not edit. */
export function canEditProject(user: AuthUser, project: { unitId: string }): boolean {
  if (user.role === 'admin') return true;
  return user.role === 'owner' && user.unitId !== null && user.unitId === project.unitId;
}

/** Refuses an owner acting on another unit's project: 403 `outside_unit`, naming the project and the action refused. */
export function refuseOutsideUnit(projectId: string, action: string): never {
  throw domainError('outside_unit', { subject: THE_PROJECT }, { extensions: { projectId, action } });
}

/** The usual check before an edit: passes, or throws 403 (`outside_unit` for an owner of another unit, `forbidden` otherwise). */
export function assertCanEditProject(user: AuthUser, project: { id: string; unitId: string }, action: string): void {
  if (canEditProject(user, project)) return;
  if (user.role === 'owner') refuseOutsideUnit(project.id, action);
  throw forbidden();
}
