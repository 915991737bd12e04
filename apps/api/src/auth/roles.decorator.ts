import { SetMetadata } from '@nestjs/common';
import type { Role } from './auth-user';

export const ROLES = 'auth:roles';

/** Limits a route (or a controller) to the given roles; others get 403. A handler's own list replaces its controller's. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES, roles);
