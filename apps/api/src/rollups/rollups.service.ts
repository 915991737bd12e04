import { Injectable } from '@nestjs/common';
import { Clock } from '@qj/config';
import { addDays, isoWeekOf } from '@qj/domain';
import { ProjectReadRepository, RollupDimensionName, RollupRepository } from '@qj/persistence';

/** The roll-ups the workers keep, with last week's snapshot beside each row, and their weekly history. */
@Injectable()
export class RollupsService {
  constructor(
    private readonly rollups: RollupRepository,
    private readonly projects: ProjectReadRepository,
    private readonly clock: Clock,
  ) {}

  async list(by: RollupDimensionName) {
    const lastWeek = isoWeekOf(addDays(this.clock.today(), -7)).key;
    const [items, previous, multiCounted] = await Promise.all([this.rollups.list(by), this.rollups.snapshotOf(by, lastWeek), this.projects.multiCounted()]);
    return {
      by,
      lastWeek,
      multiCounted: multiCounted[by as keyof typeof multiCounted] ?? 0,
      items: items.map((item) => ({ ...item, lastWeek: previous.get(item.key) ?? null })),
    };
  }

  async trend() {
    return { items: await this.rollups.districtTrend() };
  }

  async history(by: RollupDimensionName, key: string) {
    return { by, key, items: await this.rollups.history(by, key) };
  }
}
