import type { INestApplicationContext } from '@nestjs/common';
import { UnitRef, UnitRepository, UserRepository, UserRole } from '@qj/persistence';
import { hashPassword } from './password-hasher';

/** The password of the demo accounts unless DEMO_PASSWORD says otherwise. */
export const DEFAULT_DEMO_PASSWORD = 'qijiang2030';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: UserRole;
  unitId: string | null;
}

/** admin, reviewer (区发展改革委), leader (区领导), and one owner per unit named after its code: owner_transport, owner_water, … */
export function demoAccounts(units: UnitRef[]): DemoAccount[] {
  return [
    { username: 'admin', displayName: '平台管理员', role: 'admin', unitId: null },
    { username: 'reviewer', displayName: '区发展改革委审核员', role: 'reviewer', unitId: null },
    { username: 'leader', displayName: '区领导', role: 'leader', unitId: null },
    ...units.map((unit) => ({ username: `owner_${unit.code}`.toLowerCase(), displayName: `${unit.name}项目负责人`, role: 'owner' as const, unitId: unit.id })),
  ];
}

/**
 * Creates the demo accounts that are missing, all with `password`. Accounts that exist are left alone, so a
 * password someone changed is never reset; two processes starting together create each account once.
 */
export async function ensureDemoAccounts(app: Pick<INestApplicationContext, 'get'>, password: string): Promise<{ created: string[] }> {
  if (password.length < 8) throw new Error('the demo password must be at least 8 characters');
  const users = app.get(UserRepository);
  const wanted = demoAccounts(await app.get(UnitRepository).all());
  const existing = new Set(await users.existingUsernames(wanted.map((account) => account.username)));
  const missing = wanted.filter((account) => !existing.has(account.username));
  // Each account gets its own salt, even with one shared password: a later change is then like any other.
  const rows = await Promise.all(missing.map(async (account) => ({ ...account, passwordHash: await hashPassword(password) })));
  return { created: await users.createMissing(rows) };
}
