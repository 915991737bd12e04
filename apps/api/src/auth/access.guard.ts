import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessRepository } from '@qj/persistence';
import type { Request } from 'express';
import { domainError, isUuid } from '@qj/http';
import { forbidden, PERMISSIONS, THE_PROJECT, unauthenticated } from './access';
import type { Role } from './auth-user';
import type { AuthenticatedRequest } from './current-user.decorator';
import { REQUIRED_ACCESS, RequiredAccess } from './require-access.decorator';

/**
 * Runs after AuthGuard and RolesGuard, before pipes and interceptors: a route marked @RequireAccess(permission, param)
 * answers 403 to a role the permission does not list, and to an owner when the resource the path names belongs to
 * another unit, whatever the body says.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: AccessRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const required = this.reflector.get<RequiredAccess | undefined>(REQUIRED_ACCESS, context.getHandler());
    if (!required || context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const user = request.user;
    if (!user) throw unauthenticated();
    const policy: { roles: readonly Role[]; resource?: Parameters<AccessRepository['unitsOf']>[0] } = PERMISSIONS[required.permission];
    if (!policy.roles.includes(user.role)) throw forbidden();
    if (user.role !== 'owner' || !policy.resource || !required.param) return true;
    const id = request.params[required.param];
    // Not an id at all: the route's own pipe answers 400 naming the parameter; an unknown id, the handler's 404.
    if (!isUuid(id)) return true;
    const unitIds = await this.access.unitsOf(policy.resource, id);
    if (unitIds !== undefined && !unitIds.includes(user.unitId ?? '')) {
      throw domainError('outside_unit', { subject: THE_PROJECT }, { extensions: { [`${policy.resource}Id`]: id, action: required.permission } });
    }
    return true;
  }
}
