import { Injectable, Logger } from '@nestjs/common';
import { DomainException, ValidationFailedException } from '@qj/http';
import { UnitRepository, UserPatch, UserRepository, UserRole, UserView } from '@qj/persistence';
import { hashPassword } from '../auth/password-hasher';
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
    const id = await this.users.create({
      username: dto.username,
      displayName: dto.displayName,
      role: dto.role,
      unitId,
      passwordHash: await hashPassword(dto.password),
      email: dto.email ?? null,
    });
    if (!id) throw new DomainException('username_taken', 409, `用户名 ${dto.username} 已被使用`, { username: dto.username });
    this.logger.log({ adminId: admin.id, userId: id, username: dto.username, role: dto.role, unitId }, 'user created');
    return (await this.users.findView(id)) as UserView;
  }

  async update(admin: AuthUser, id: string, dto: UpdateUserDto): Promise<UserView> {
    const current = await this.users.findView(id);
    if (!current) throw new DomainException('user_not_found', 404, `没有编号为 ${id} 的用户`);
    const role = dto.role ?? current.role;
    const unitId = dto.unitId === undefined ? (current.unit?.id ?? null) : dto.unitId;
    if (dto.role !== undefined || dto.unitId !== undefined) await this.assertUnitFits(role, unitId);
    const stillAdmin = role === 'admin' && (dto.active ?? current.active);
    if (current.role === 'admin' && current.active && !stillAdmin && (await this.users.countOtherActiveAdmins(id)) === 0) {
      throw new DomainException('last_admin', 409, '至少需要保留一名启用的管理员');
    }
    const patch: UserPatch = {
      displayName: dto.displayName,
      role: dto.role,
      unitId: dto.unitId,
      active: dto.active,
      email: dto.email,
      passwordHash: dto.password === undefined ? undefined : await hashPassword(dto.password),
    };
    await this.users.update(id, patch);
    const changed = (Object.keys(dto) as Array<keyof UpdateUserDto>).filter((key) => dto[key] !== undefined);
    this.logger.log({ adminId: admin.id, userId: id, username: current.username, changed }, 'user updated');
    return (await this.users.findView(id)) as UserView;
  }

  /** An owner needs a unit (the database checks this too); any unit named must exist. */
  private async assertUnitFits(role: UserRole, unitId: string | null): Promise<void> {
    if (role === 'owner' && !unitId) throw new ValidationFailedException([{ field: 'unitId', message: '项目负责人（owner）必须指定所属单位 unitId' }]);
    if (unitId && !(await this.units.findRef(unitId))) throw new ValidationFailedException([{ field: 'unitId', message: `没有编号为 ${unitId} 的单位` }]);
  }
}
