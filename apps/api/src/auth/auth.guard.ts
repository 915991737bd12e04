import { CanActivate, ExecutionContext, Injectable, type Type } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { UserRepository } from '@qj/persistence';
import type { Request } from 'express';
import { HealthController } from '../health/health.controller';
import { unauthenticated } from './access';
import type { AccessTokenPayload } from './auth-user';
import type { AuthenticatedRequest } from './current-user.decorator';
import { IS_PUBLIC } from './public.decorator';
import { isUuid } from '@qj/http';

/**
 * Probes that orchestrators call without credentials (/health, /health/ready, outside /api). Exempted by
 * class rather than by URL, because Express matches paths case-insensitively and a URL test is easy to get wrong.
 */
const OPEN_CONTROLLERS: ReadonlySet<unknown> = new Set([HealthController]);

/** Whether a route answers without a token: the guard's rule, which the OpenAPI document's security follows too. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- Nest hands route handlers over as Function
export function isOpenRoute(reflector: Reflector, handler: Function, controller: Type): boolean {
  return OPEN_CONTROLLERS.has(controller) || reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler, controller]) === true;
}

/**
 * The global guard: every route needs `Authorization: Bearer <token>` unless it is @Public(). The token's
 * signature and expiry are checked, then the user is read afresh, so a deactivated user is out at once, and so is a
 * token issued before the user's sessions were ended (its generation is no longer the user's).
 * (Swagger's /api/docs is Express middleware, which guards never see.)
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UserRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const open = isOpenRoute(this.reflector, context.getHandler(), context.getClass());
    const token = bearerToken(request);
    if (!token) {
      if (open) return true;
      throw unauthenticated();
    }
    const user = await this.authenticate(token);
    if (user) request.user = user;
    // A public route works with a bad token too (e.g. signing in again after expiry).
    if (!user && !open) throw unauthenticated();
    return true;
  }

  private async authenticate(token: string) {
    let payload: Partial<AccessTokenPayload>;
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload>(token);
    } catch {
      return undefined;
    }
    if (!isUuid(payload.sub) || !Number.isInteger(payload.gen)) return undefined;
    const user = await this.users.findActiveSubject(payload.sub);
    // One primary-key read serves both checks: the user is active, and the token is of their current generation.
    return user?.tokenGeneration === payload.gen ? user : undefined;
  }
}

function bearerToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}
