import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { forbidden, unauthenticated } from './access';
import type { Role } from './auth-user';
import type { AuthenticatedRequest } from './current-user.decorator';
import { ROLES } from './roles.decorator';

/** Runs after AuthGuard: a route marked @Roles(...) answers 403 to a signed-in user of another role. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, [context.getHandler(), context.getClass()]);
    if (!roles || context.getType() !== 'http') return true;
    const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
    if (!user) throw unauthenticated();
    if (!roles.includes(user.role)) throw forbidden();
    return true;
  }
}
