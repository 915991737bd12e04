import type { UserRole } from '@qj/persistence';

export type Role = UserRole;

/** The signed-in user a request acts for, as guards and handlers see it (read from the database on each request). */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** The unit (责任单位) an owner belongs to; null for most reviewers and admins. */
  unitId: string | null;
  /** The user's token generation, which the request's token carried (see AccessTokenPayload.gen). */
  tokenGeneration: number;
}

/**
 * What the token carries. The guard trusts only `sub` and `gen` and re-reads the rest, so a role change or deactivation
 * applies at once; a token whose `gen` is not the user's current generation (raised by a password change, sign-out,
 * deactivation, a new role or unit) is refused.
 */
export interface AccessTokenPayload {
  sub: string;
  gen: number;
  username: string;
  role: Role;
  unitId: string | null;
}

/** 12 hours covers a working day; there is no refresh token: signing in again is cheap. */
export const ACCESS_TOKEN_TTL_SECONDS = 12 * 60 * 60;
