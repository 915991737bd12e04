import { Injectable, Logger } from '@nestjs/common';
import { DomainException, domainError, ValidationFailedException } from '@qj/http';
import { AuditEntry, AuditRepository, UserPatch, UserRepository, UserRole, UserView } from '@qj/persistence';
import { hashPassword } from '../auth/password-hasher';
import { assertPasswordPolicy } from '../auth/password-policy';
import type { AuthUser } from '../auth';
import type { CreateUserDto } from './dto/create-user.dto';
import type { UpdateUserDto } from './dto/update-user.dto';

/**
 * Managing who may sign in and what they may do. Every change leaves audit rows (操作日志) in its own transaction, naming the
 * admin who made it; never a password or its hash.
 */
@Injectable()
export class AdminUsersService {
  private readonly logger = new Logger('AdminUsers');

  constructor(
    private readonly users: UserRepository,
    private readonly audit: AuditRepository,
  ) {}

  list(): Promise<UserView[]> {
    return this.users.list();
  }

  async create(admin: AuthUser, dto: CreateUserDto): Promise<UserView> {
    const unitId = dto.unitId ?? null;
    // Checked first, as it was, so a request wrong in both names its unit; checked again under the lock below.
    await assertUnitFits(this.users, dto.role, unitId);
    assertPasswordPolicy(dto.password, dto.username, 'password');
    const passwordHash = await hashPassword(dto.password);
    const created = await this.users.transaction(async (users, tx) => {
      await assertUnitFits(users, dto.role, unitId);
      const id = await users.create({ username: dto.username, displayName: dto.displayName, role: dto.role, unitId, passwordHash, email: dto.email ?? null });
      if (!id) throw domainError('username_taken', { username: dto.username }, { extensions: { username: dto.username } });
      const user = (await users.findView(id)) as UserView;
      await this.audit.record(tx, [userEntry(admin, user, 'user.created', null, snapshot(user))]);
      return user;
    });
    this.logger.log({ adminId: admin.id, userId: created.id, username: dto.username, role: dto.role, unitId }, 'user created');
    return created;
  }

  /**
   * Applies the change in one transaction that locks the user and every active admin: of two admins removing each
   * other at the same moment, the second sees the first's change and gets 409, so an active admin always remains.
   * A new password, role or unit, and (de)activation end the user's sessions: their tokens stop working at once, and a
   * reactivated user's old tokens stay dead.
   */
  async update(admin: AuthUser, id: string, dto: UpdateUserDto): Promise<UserView> {
    const current = await this.users.findView(id);
    if (!current) throw userNotFound(id);
    if (dto.password !== undefined) assertPasswordPolicy(dto.password, current.username, 'password');
    // Hashed before the transaction: scrypt's tenth of a second is not spent holding the admins' locks.
    const passwordHash = dto.password === undefined ? undefined : await hashPassword(dto.password);
    const { endedSessions, user } = await this.users.transaction(async (users, tx) => {
      const locked = await users.lockForAdminChange(id);
      const target = locked.find((row) => row.id === id);
      if (!target) throw userNotFound(id);
      const next = { role: dto.role ?? target.role, active: dto.active ?? target.active, unitId: dto.unitId === undefined ? target.unitId : dto.unitId };
      // A new role or unit, or enabling, must fit the unit as it is now: enabling a user of a disabled unit is refused too.
      if (dto.role !== undefined || dto.unitId !== undefined || (next.active && !target.active)) {
        await assertUnitFits(users, next.role, next.unitId);
      }
      const otherAdmins = locked.filter((row) => row.id !== id && row.role === 'admin' && row.active).length;
      if (target.role === 'admin' && target.active && !(next.role === 'admin' && next.active) && otherAdmins === 0) {
        throw domainError('last_admin');
      }
      const endSessions = passwordHash !== undefined || next.role !== target.role || next.unitId !== target.unitId || next.active !== target.active;
      const patch: UserPatch = {
        displayName: dto.displayName,
        role: dto.role,
        unitId: dto.unitId,
        active: dto.active,
        email: dto.email,
        passwordHash,
        mustChangePassword: passwordHash === undefined ? undefined : false,
      };
      const before = (await users.findView(id)) as UserView;
      await users.update(id, patch, { endSessions });
      const after = (await users.findView(id)) as UserView;
      await this.audit.record(tx, userChanges(admin, before, after, passwordHash !== undefined));
      return { endedSessions: endSessions, user: after };
    });
    const changed = (Object.keys(dto) as Array<keyof UpdateUserDto>).filter((key) => dto[key] !== undefined);
    this.logger.log({ adminId: admin.id, userId: id, username: current.username, changed, endedSessions }, 'user updated');
    return user;
  }
}

/**
 * An owner needs a unit (the database checks this too); any unit named must exist and be enabled. Inside the change's
 * transaction, with the unit locked (FOR SHARE): a unit being disabled at the same moment either waits for this user
 * and then counts them (409 unit_in_use), or is disabled first and this change is refused.
 */
async function assertUnitFits(users: UserRepository, role: UserRole, unitId: string | null): Promise<void> {
  if (role === 'owner' && !unitId)
    throw new ValidationFailedException([
      { field: 'unitId', message: { zh: '项目负责人（owner）必须指定所属单位 unitId', en: 'An owner must belong to a unit: give unitId' } },
    ]);
  if (!unitId) return;
  const unit = await users.lockUnit(unitId);
  if (!unit) throw new ValidationFailedException([{ field: 'unitId', message: { zh: `没有编号为 ${unitId} 的单位`, en: `No unit with id ${unitId}` } }]);
  if (!unit.active)
    throw new ValidationFailedException([
      { field: 'unitId', message: { zh: '该单位已停用，不能分配用户', en: 'The unit is disabled: no user may be given it' } },
    ]);
}

function userNotFound(id: string): DomainException {
  return domainError('user_not_found', { id });
}

type UserSnapshot = Record<'username' | 'displayName' | 'role' | 'unitId' | 'unitName' | 'email', string | null>;

/** What an audit row keeps of a user: who they are, their role, unit (by id and by name, as it was then) and e-mail. */
function snapshot(user: UserView): UserSnapshot {
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitId: user.unit?.id ?? null,
    unitName: user.unit?.name ?? null,
    email: user.email,
  };
}

/** A row about the user, shown under their unit (the one they leave, if the change takes it away). */
function userEntry(admin: AuthUser, user: UserView, action: string, before: object | null, after: object, unitId = user.unit?.id ?? null): AuditEntry {
  return { projectId: null, unitId, entityType: 'user', entityId: user.id, action, actorId: admin.id, actorName: admin.displayName, before, after };
}

/**
 * The rows of one change, compared as the user was and is: the details changed (name, role, unit, e-mail) in one row,
 * disabling or enabling in another, a new password in a third. Each row names the user; a field that did not change
 * writes nothing, so a request that changes nothing leaves no row.
 */
function userChanges(admin: AuthUser, before: UserView, after: UserView, passwordReset: boolean): AuditEntry[] {
  const [was, is] = [snapshot(before), snapshot(after)];
  const who = (side: UserSnapshot) => ({ username: side.username, displayName: side.displayName });
  const unitId = after.unit?.id ?? before.unit?.id ?? null;
  const entries: AuditEntry[] = [];
  const changed = (['displayName', 'role', 'unitId', 'email'] as const).filter((field) => was[field] !== is[field]);
  if (changed.length) {
    const fields = changed.flatMap((field) => (field === 'unitId' ? (['unitId', 'unitName'] as const) : [field]));
    const pick = (side: UserSnapshot) => ({ ...who(side), ...Object.fromEntries(fields.map((field) => [field, side[field]])) });
    entries.push(userEntry(admin, after, 'user.updated', pick(was), pick(is), unitId));
  }
  if (before.active !== after.active) {
    entries.push(
      userEntry(
        admin,
        after,
        after.active ? 'user.enabled' : 'user.disabled',
        { ...who(is), active: before.active },
        { ...who(is), active: after.active },
        unitId,
      ),
    );
  }
  if (passwordReset) entries.push(userEntry(admin, after, 'user.password_reset', null, who(is), unitId));
  return entries;
}
