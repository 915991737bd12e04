import { Injectable } from '@nestjs/common';
import { Clock } from '@qj/config';
import { addDays, isoWeekOf, weekLabel } from '@qj/domain';
import type { Language } from '@qj/http';
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

  /** Each week with its label as the mails name it (第48周（11月23日—29日）), in `language`. */
  async trend(language: Language) {
    return { items: (await this.rollups.districtTrend()).map((week) => ({ ...week, weekLabel: weekLabel(week.week, language) })) };
  }

  async history(by: RollupDimensionName, key: string) {
    return { by, key, items: await this.rollups.history(by, key) };
  }
}
