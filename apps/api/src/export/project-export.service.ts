import { Injectable } from '@nestjs/common';
import { Clock } from '@qj/config';
import { ProjectListItem, ProjectReadRepository } from '@qj/persistence';
import type { AuthUser } from '../auth';
import { CatalogService } from '../catalog/catalog.service';
import type { ListProjectsQueryDto } from '../catalog/dto/list-projects.query.dto';
import { describeFilters } from './ledger-labels';
import { buildLedgerWorkbook, PlanNames } from './project-ledger.workbook';

/** The largest page the list repository serves; the export walks the filtered list in pages of this size. */
export const EXPORT_PAGE_SIZE = 200;

interface PlanTree {
  parts: Array<{
    no: number;
    label: string;
    title: string;
    chapters: Array<{ no: number; label: string; title: string; columns: Array<{ no: number; label: string; title: string }> }>;
  }>;
}

/** 导出 Excel: the project list with the same filters and sort as GET /api/projects, every page of it. */
@Injectable()
export class ProjectExportService {
  constructor(
    private readonly projects: ProjectReadRepository,
    private readonly catalog: CatalogService,
    private readonly clock: Clock,
  ) {}

  async ledger(user: AuthUser, query: ListProjectsQueryDto): Promise<{ buffer: Buffer; count: number; fileName: string }> {
    const { page: _page, pageSize: _pageSize, ...filter } = query;
    // The list's own filter (sort, figures' period and scope), so the sheet's figures are the list's.
    const listFilter = this.catalog.listFilter(user, query);
    const { timeZone, today } = listFilter.day;

    const rows: ProjectListItem[] = [];
    for (let page = 1; ; page += 1) {
      const { items, total } = await this.projects.list({ ...listFilter, page, pageSize: EXPORT_PAGE_SIZE });
      rows.push(...items);
      if (items.length < EXPORT_PAGE_SIZE || rows.length >= total) break;
    }

    const names = planNames((await this.projects.planTree()) as PlanTree);
    const unitName = filter.unit !== undefined ? (rows[0]?.unitName ?? filter.unit) : undefined;
    const workbook = buildLedgerWorkbook(rows, {
      names,
      filterText: describeFilters({ ...filter, unit: unitName }, names),
      figures: listFilter.figures,
      exportedAt: this.clock.now(),
      timeZone,
    });
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    return { buffer, count: rows.length, fileName: `綦江区十五五重大项目台账_${today}.xlsx` };
  }
}

function planNames(tree: PlanTree): PlanNames {
  const parts = new Map<number, string>();
  const chapters = new Map<number, string>();
  const columns = new Map<number, string>();
  for (const part of tree.parts) {
    parts.set(part.no, `${part.label} ${part.title}`);
    for (const chapter of part.chapters) {
      chapters.set(chapter.no, `${chapter.label} ${chapter.title}`);
      for (const column of chapter.columns) columns.set(column.no, `${column.label} ${column.title}`);
    }
  }
  return {
    part: (no) => parts.get(no) ?? `第${no}篇`,
    chapter: (no) => chapters.get(no) ?? `第${no}章`,
    column: (no) => columns.get(no) ?? `专栏${no}`,
  };
}
