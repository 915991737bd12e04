import { Logger } from '@nestjs/common';
import { DomainException } from '@qj/http';
import type { AuthUser } from './auth-user';

const logger = new Logger('Access');

/** 401: no token, or one that is tampered with, expired or of a deactivated user. */
export function unauthenticated(): DomainException {
  return new DomainException('unauthenticated', 401, '未登录或登录已过期');
}

/** 403: the user's role does not allow the action. */
export function forbidden(): DomainException {
  return new DomainException('forbidden', 403, '无权执行此操作');
}

/** Reviewers (区发展改革委) and admins read every unit's projects; an owner's reads may be scoped to their unit. */
export function canReadEverything(user: AuthUser): boolean {
  return user.role === 'reviewer' || user.role === 'admin';
}

/** An owner edits the projects of their own unit; an admin edits any; a reviewer approves but does not edit. */
export function canEditProject(user: AuthUser, project: { unitId: string }): boolean {
  if (user.role === 'admin') return true;
  return user.role === 'owner' && user.unitId !== null && user.unitId === project.unitId;
}

/**
 * Refuses an owner acting on another unit's project: 403 `outside_unit`, and a warning in the log naming who
 * tried what on which project (a pattern of these is worth a look).
 */
export function refuseOutsideUnit(user: AuthUser, projectId: string, action: string): never {
  logger.warn({ userId: user.id, username: user.username, unitId: user.unitId, projectId, action }, 'refused: project of another unit');
  throw new DomainException('outside_unit', 403, '无权执行此操作：该项目不属于您的单位', { projectId });
}

/** The usual check before an edit: passes, or throws 403 (`outside_unit` for an owner of another unit, `forbidden` otherwise). */
export function assertCanEditProject(user: AuthUser, project: { id: string; unitId: string }, action: string): void {
  if (canEditProject(user, project)) return;
  if (user.role === 'owner') refuseOutsideUnit(user, project.id, action);
  throw forbidden();
}
