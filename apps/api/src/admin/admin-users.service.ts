import { Injectable, Logger } from '@nestjs/common';
import { DomainException, domainError, ValidationFailedException } from '@qj/http';
import { UnitRepository, UserPatch, UserRepository, UserRole, UserView } from '@qj/persistence';
import { hashPassword } from '../auth/password-hasher';
import { assertPasswordPolicy } from '../auth/password-policy';
import type { AuthUser } from '../auth';
import type { CreateUserDto } from './dto/create-user.dto';
import type { UpdateUserDto } from './dto/update-user.dto';

/** Managing who may sign in and what they may do. Every change is logged with the admin who made it. */
@Injectable()
export class AdminUsersService {
  private readonly logger = new Logger('AdminUsers');

  constructor(
    private readonly users: UserRepository,
    private readonly units: UnitRepository,
  ) {}

  list(): Promise<UserView[]> {
    return this.users.list();
  }

  async create(admin: AuthUser, dto: CreateUserDto): Promise<UserView> {
    const unitId = dto.unitId ?? null;
    await this.assertUnitFits(dto.role, unitId);
    assertPasswordPolicy(dto.password, dto.username, 'password');
    const id = await this.users.create({
      username: dto.username,
      displayName: dto.displayName,
      role: dto.role,
      unitId,
      passwordHash: await hashPassword(dto.password),
      email: dto.email ?? null,
    });
    if (!id) throw domainError('username_taken', { username: dto.username }, { extensions: { username: dto.username } });
    this.logger.log({ adminId: admin.id, userId: id, username: dto.username, role: dto.role, unitId }, 'user created');
    return (await this.users.findView(id)) as UserView;
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
    const role = dto.role ?? current.role;
    const unitId = dto.unitId === undefined ? (current.unit?.id ?? null) : dto.unitId;
    if (dto.role !== undefined || dto.unitId !== undefined) await this.assertUnitFits(role, unitId);
    if (dto.password !== undefined) assertPasswordPolicy(dto.password, current.username, 'password');
    // Hashed before the transaction: scrypt's tenth of a second is not spent holding the admins' locks.
    const passwordHash = dto.password === undefined ? undefined : await hashPassword(dto.password);
    const endedSessions = await this.users.transaction(async (users) => {
      const locked = await users.lockForAdminChange(id);
      const target = locked.find((row) => row.id === id);
      if (!target) throw userNotFound(id);
      const next = { role: dto.role ?? target.role, active: dto.active ?? target.active, unitId: dto.unitId === undefined ? target.unitId : dto.unitId };
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
      await users.update(id, patch, { endSessions });
      return endSessions;
    });
    const changed = (Object.keys(dto) as Array<keyof UpdateUserDto>).filter((key) => dto[key] !== undefined);
    this.logger.log({ adminId: admin.id, userId: id, username: current.username, changed, endedSessions }, 'user updated');
    return (await this.users.findView(id)) as UserView;
  }

  /** An owner needs a unit (the database checks this too); any unit named must exist and be enabled. */
  private async assertUnitFits(role: UserRole, unitId: string | null): Promise<void> {
    if (role === 'owner' && !unitId)
      throw new ValidationFailedException([
        { field: 'unitId', message: { zh: '项目负责人（owner）必须指定所属单位 unitId', en: 'An owner must belong to a unit: give unitId' } },
      ]);
    if (unitId && !(await this.units.findRef(unitId)))
      throw new ValidationFailedException([{ field: 'unitId', message: { zh: `没有编号为 ${unitId} 的单位`, en: `No unit with id ${unitId}` } }]);
    if (unitId && !(await this.units.findActiveRef(unitId)))
      throw new ValidationFailedException([
        { field: 'unitId', message: { zh: '该单位已停用，不能分配用户', en: 'The unit is disabled: no user may be given it' } },
      ]);
  }
}

function userNotFound(id: string): DomainException {
  return domainError('user_not_found', { id });
}
