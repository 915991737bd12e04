import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { unauthenticated } from './access';
import type { AuthUser } from './auth-user';

export interface AuthenticatedRequest {
  user?: AuthUser;
}

/** The signed-in user of the request (set by AuthGuard). Used on a @Public() route without a token, it answers 401. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw unauthenticated();
  return user;
});
