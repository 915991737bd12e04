import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiForbiddenResponse } from '@nestjs/swagger';
import type { Permission } from './access';

export const REQUIRED_ACCESS = 'auth:required-access';

export interface RequiredAccess {
  permission: Permission;
  /** The route parameter naming the resource (for permissions on a resource). */
  param?: string;
}

/**
 * The permission a write needs, on the resource its path names: checked by AccessGuard before the body is looked at.
 * The OpenAPI document carries it as `x-permission`.
 */
export const RequireAccess = (permission: Permission, param?: string): MethodDecorator =>
  applyDecorators(
    SetMetadata(REQUIRED_ACCESS, { permission, param } satisfies RequiredAccess),
    ApiExtension('x-permission', permission),
    ApiForbiddenResponse({ description: '无权执行此操作 (role, or a resource of another unit)' }),
  );

/** A write on the signed-in user's own data only (their notifications, their preferences): every query is scoped by their id. */
export const SelfService = (): MethodDecorator => ApiExtension('x-permission', 'self');
