import { Injectable, Logger } from '@nestjs/common';
import { domainError } from '@qj/http';
import { AuditEntry, AuditRepository, UnitRepository, UnitSummary } from '@qj/persistence';
import type { AuthUser } from '../auth';
import type { CreateUnitDto, UpdateUnitDto } from './dto/unit.dto';

type UnitState = Pick<UnitSummary, 'id' | 'code' | 'name' | 'sectors' | 'active'>;

/**
 * The responsible units (责任单位): listed for everyone; created, renamed and disabled by admins. Each change leaves audit
 * rows (操作日志) in its own transaction, naming the admin.
 */
@Injectable()
export class UnitsService {
  private readonly logger = new Logger('Units');

  constructor(
    private readonly units: UnitRepository,
    private readonly audit: AuditRepository,
  ) {}

  async list() {
    return { items: await this.units.listWithProjectCounts() };
  }

  async create(admin: AuthUser, dto: CreateUnitDto): Promise<UnitSummary> {
    const created = await this.units.transaction(async (units, tx) => {
      const id = await units.create({ code: dto.code, name: dto.name, sectors: dto.sectors ?? [] });
      if (!id) throw domainError('unit_code_taken', { code: dto.code }, { extensions: { unitCode: dto.code } });
      const unit = (await units.findSummary(id)) as UnitSummary;
      await this.audit.record(tx, [unitEntry(admin, unit, 'unit.created', null, { code: unit.code, name: unit.name, sectors: unit.sectors })]);
      return unit;
    });
    this.logger.log({ adminId: admin.id, unitId: created.id, code: dto.code }, 'unit created');
    return created;
  }

  /**
   * Renames, changes sectors, disables or enables; disabling a unit that a project or an enabled user belongs to is 409 `unit_in_use`.
   * The unit is locked first, so the audit compares the change with what it replaced.
   */
  async update(admin: AuthUser, id: string, dto: UpdateUnitDto): Promise<UnitSummary> {
    const updated = await this.units.transaction(async (units, tx) => {
      const before = await units.lock(id);
      const outcome = before && (await units.update(id, { name: dto.name, sectors: dto.sectors, active: dto.active }));
      if (!outcome) throw domainError('unit_not_found', { id });
      if (!outcome.updated) {
        const { projectCount, userCount } = outcome.use;
        throw domainError('unit_in_use', { projects: projectCount, users: userCount }, { extensions: { projectCount, userCount } });
      }
      const after = (await units.findSummary(id)) as UnitSummary;
      await this.audit.record(tx, unitChanges(admin, before, after));
      return after;
    });
    const changed = (Object.keys(dto) as Array<keyof UpdateUnitDto>).filter((key) => dto[key] !== undefined);
    this.logger.log({ adminId: admin.id, unitId: id, changed }, 'unit updated');
    return updated;
  }
}

/** A row about the unit, shown under it. */
function unitEntry(admin: AuthUser, unit: UnitState, action: string, before: object | null, after: object): AuditEntry {
  return { projectId: null, unitId: unit.id, entityType: 'unit', entityId: unit.id, action, actorId: admin.id, actorName: admin.displayName, before, after };
}

/**
 * The rows of one change, compared as the unit was and is: a new name, new sectors (in any order, the same set is no
 * change), disabling or enabling, each a row naming the unit. A request that changes nothing leaves no row.
 */
function unitChanges(admin: AuthUser, before: UnitState, after: UnitState): AuditEntry[] {
  const named = (unit: UnitState) => ({ code: unit.code, name: unit.name });
  const entries: AuditEntry[] = [];
  if (before.name !== after.name) entries.push(unitEntry(admin, after, 'unit.renamed', named(before), named(after)));
  if ([...before.sectors].sort().join() !== [...after.sectors].sort().join()) {
    entries.push(unitEntry(admin, after, 'unit.sectors_changed', { ...named(after), sectors: before.sectors }, { ...named(after), sectors: after.sectors }));
  }
  if (before.active !== after.active) {
    entries.push(
      unitEntry(
        admin,
        after,
        after.active ? 'unit.enabled' : 'unit.disabled',
        { ...named(after), active: before.active },
        { ...named(after), active: after.active },
      ),
    );
  }
  return entries;
}
