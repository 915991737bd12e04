/** What other features use: the signed-in user, the decorators, and the access rules. */
export { assertCanEditProject, canEditProject, canReadEverything, forbidden, PERMISSIONS, readScopeOf, refuseOutsideUnit, unauthenticated } from './access';
export type { Permission } from './access';
export { RequireAccess, SelfService } from './require-access.decorator';
export type { AuthUser, Role } from './auth-user';
export { CurrentUser } from './current-user.decorator';
export { DEFAULT_DEMO_PASSWORD, ensureDemoAccounts } from './demo-accounts';
export { hashPassword, verifyPassword } from './password-hasher';
export { Public } from './public.decorator';
export { Roles } from './roles.decorator';
