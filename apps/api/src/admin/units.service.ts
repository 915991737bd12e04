import { Injectable, Logger } from '@nestjs/common';
import { domainError } from '@qj/http';
import { UnitRepository, UnitSummary } from '@qj/persistence';
import type { AuthUser } from '../auth';
import type { CreateUnitDto, UpdateUnitDto } from './dto/unit.dto';

/** The responsible units (责任单位): listed for everyone; created, renamed and disabled by admins, each change logged with the admin. */
@Injectable()
export class UnitsService {
  private readonly logger = new Logger('Units');

  constructor(private readonly units: UnitRepository) {}

  async list() {
    return { items: await this.units.listWithProjectCounts() };
  }

  async create(admin: AuthUser, dto: CreateUnitDto): Promise<UnitSummary> {
    const id = await this.units.create({ code: dto.code, name: dto.name, sectors: dto.sectors ?? [] });
    if (!id) throw domainError('unit_code_taken', { code: dto.code }, { extensions: { unitCode: dto.code } });
    this.logger.log({ adminId: admin.id, unitId: id, code: dto.code }, 'unit created');
    return (await this.units.findSummary(id)) as UnitSummary;
  }

  /** Renames, changes sectors, disables or enables; disabling a unit that a project or an enabled user belongs to is 409 `unit_in_use`. */
  async update(admin: AuthUser, id: string, dto: UpdateUnitDto): Promise<UnitSummary> {
    const outcome = await this.units.update(id, { name: dto.name, sectors: dto.sectors, active: dto.active });
    if (!outcome) throw domainError('unit_not_found', { id });
    if (!outcome.updated) {
      const { projectCount, userCount } = outcome.use;
      throw domainError('unit_in_use', { projects: projectCount, users: userCount }, { extensions: { projectCount, userCount } });
    }
    const changed = (Object.keys(dto) as Array<keyof UpdateUnitDto>).filter((key) => dto[key] !== undefined);
    this.logger.log({ adminId: admin.id, unitId: id, changed }, 'unit updated');
    return (await this.units.findSummary(id)) as UnitSummary;
  }
}
