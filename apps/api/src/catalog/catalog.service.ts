import { Injectable } from '@nestjs/common';
import { Clock } from '@qj/config';
import { domainError } from '@qj/http';
import { combineProjectLight, projectInvestmentFigures, type RagLevel, type RagReason } from '@qj/domain';
import { type Language } from '@qj/http';
import { ALL_UNITS, InvestmentFiguresRepository, oneUnit, ProjectReadRepository, ProjectSort, type ProjectListFilter, type UnitScope } from '@qj/persistence';
import { AuthUser, canReadEverything } from '../auth';
import { InvestmentPeriod } from '../investment/investment-period';
import type { ListProjectsQueryDto } from './dto/list-projects.query.dto';

/**
 * Whose investment figures a reader sees in the list: every project's (reviewers, admins) or their own unit's (an owner,
 * as `GET /api/projects/:id/investment` answers); none for an owner without a unit. The list itself is open to everyone.
 */
export function figuresScopeOf(user: AuthUser): UnitScope | null {
  if (canReadEverything(user)) return ALL_UNITS;
  return user.role === 'owner' && user.unitId ? oneUnit(user.unitId) : null;
}

/** Reading the plan catalog: the project list and detail, the plan tree, the indicators. */
@Injectable()
export class CatalogService {
  constructor(
    private readonly projects: ProjectReadRepository,
    private readonly figures: InvestmentFiguresRepository,
    private readonly clock: Clock,
    private readonly period: InvestmentPeriod,
  ) {}

  /** The list's filter from its query: sort direction, today for overdue and stale, the figures' period and scope. */
  listFilter(user: AuthUser, query: ListProjectsQueryDto): ProjectListFilter {
    // No sort given: plan order, or with `q` the best matches first (the repository ranks them).
    const { sort, year, month, ...filter } = query;
    const period = this.period.resolve(year, month);
    return {
      ...filter,
      day: this.clock.businessDay(),
      sort: sort?.replace(/^-/, '') as ProjectSort | undefined,
      descending: sort?.startsWith('-') ?? false,
      figures: { ...period, rules: this.period.rules(), scope: figuresScopeOf(user) },
    };
  }

  /**
   * A page of projects; `sort` with a leading "-" sorts descending; overdue and stale count as of today in APP_TIMEZONE;
   * each row with its investment figures of months 1–m (the period is in the answer).
   */
  async list(user: AuthUser, query: ListProjectsQueryDto) {
    const filter = this.listFilter(user, query);
    const result = await this.projects.list(filter);
    return { ...result, page: query.page, pageSize: query.pageSize, year: filter.figures.year, month: filter.figures.month };
  }

  /**
   * A project with its project light (`combineProjectLight`: the milestone RAG and the 调度's lights of the current
   * report month, every reason in the request's language); the light is null for an owner of another unit, who may not
   * read the project's figures.
   */
  async project(user: AuthUser, id: string, language: Language) {
    const project = await this.projects.findById(id);
    if (!project) throw domainError('project_not_found', { id });
    const scope = figuresScopeOf(user);
    const unitId = (project.unit as { id: string }).id;
    if (scope === null || (scope.kind === 'unit' && scope.unitId !== unitId)) return { ...project, light: null };
    const { year, month } = this.period.resolve();
    const facts = await this.figures.projectFacts(id, year);
    const investment = projectInvestmentFigures(facts!, year, month, this.period.rules());
    const combined = combineProjectLight(
      { rag: project.rag as RagLevel, reasons: (project.ragReasons as RagReason[] | null) ?? [] },
      { light: investment.projectLight, reasons: investment.projectLightReasons },
    );
    return {
      ...project,
      light: {
        level: combined.light,
        year,
        month,
        reasons: combined.reasons.map((reason) => ({ source: reason.source, code: reason.code, level: reason.level, text: reason.text[language] })),
      },
    };
  }

  planTree() {
    return this.projects.planTree();
  }

  async indicators() {
    return { items: await this.projects.indicators() };
  }
}
