import { Injectable } from '@nestjs/common';
import { UnitRepository } from '@qj/persistence';

/** The responsible units (责任单位) with their default sectors and how many projects each has. */
@Injectable()
export class UnitsService {
  constructor(private readonly units: UnitRepository) {}

  async list() {
    return { items: await this.units.listWithProjectCounts() };
  }
}
