import { Injectable } from '@nestjs/common';
import {
  hundredthsToNumber,
  lightsOf,
  projectInvestmentFigures,
  rankByValue,
  rankingDefinition,
  rateHundredths,
  type InvestmentLightRules,
  type LightReason,
} from '@qj/domain';
import { domainError, type Language } from '@qj/http';
import { ALL_UNITS, InvestmentFiguresRepository, type InvestmentDimension } from '@qj/persistence';
import { AuthUser, canReadEverything, forbidden, readScopeOf, refuseOutsideUnit } from '../auth';
import type { ProjectFiguresQueryDto, RankingMetric } from './dto/investment.query.dto';
import { InvestmentPeriod } from './investment-period';

/** Reasons in the language the request asks for (the domain words each in Chinese and English). */
function reasonsIn(reasons: readonly LightReason[], language: Language) {
  return reasons.map((reason) => ({ code: reason.code, level: reason.level, text: language === 'en' ? reason.en : reason.text }));
}

/** The investment figures of the monthly 调度: one project's, the summaries, the unit rankings. Rules: libs/domain/src/investment.ts. */
@Injectable()
export class InvestmentService {
  constructor(
    private readonly figures: InvestmentFiguresRepository,
    private readonly period: InvestmentPeriod,
  ) {}

  private rules(): InvestmentLightRules {
    return this.period.rules();
  }

  private assertPast(year: number, month: number): void {
    this.period.assertPast(year, month);
  }

  /** One project's figures. Owners read their own unit's projects only (403 outside_unit), like every scoped read. */
  async project(user: AuthUser, projectId: string, year: number, month: number, language: Language) {
    this.assertPast(year, month);
    const facts = await this.figures.projectFacts(projectId, year);
    if (!facts) throw domainError('project_not_found', { id: projectId });
    const scope = readScopeOf(user);
    if (scope.kind === 'unit' && scope.unitId !== facts.unitId) refuseOutsideUnit(projectId, 'investment.read');
    const figures = projectInvestmentFigures(facts, year, month, this.rules());
    return {
      projectId,
      year,
      month,
      ...figures,
      lightReasons: reasonsIn(figures.lightReasons, language),
      projectLightReasons: reasonsIn(figures.projectLightReasons, language),
      plannedStartMonth: facts.plan?.plannedStartMonth ?? null,
      plannedCompletionMonth: facts.plan?.plannedCompletionMonth ?? null,
      statisticsRegisteredOn: facts.statisticsRegisteredOn,
    };
  }

  /**
   * The projects of the year's 调度 by light (the red list), with their figures and every reason of their lights: the
   * SQL rendering decides the lights and the page, the domain's `lightsOf` words the reasons from the same facts.
   * Owners: their own unit's projects (another unit named: 403 outside_unit).
   */
  async projects(user: AuthUser, query: ProjectFiguresQueryDto, language: Language) {
    const scope = readScopeOf(user);
    if (scope.kind === 'unit' && query.unitId !== undefined && query.unitId !== scope.unitId) {
      throw domainError('outside_unit', { subject: { zh: '该单位', en: 'the unit' } }, { extensions: { unitId: query.unitId, action: 'investment.read' } });
    }
    this.assertPast(query.year, query.month);
    const { year, month, kind, light, unitId, chapter, page, pageSize } = query;
    const rules = this.rules();
    const { items, total } = await this.figures.projectFigures({ year, month, rules, scope, kind, light, unitId, chapter, page, pageSize });
    return {
      year,
      month,
      kind,
      light: light ?? null,
      total,
      page,
      pageSize,
      items: items.map((row) => {
        const rate = row.rateHundredths === null ? null : BigInt(row.rateHundredths);
        const schedule = BigInt(row.scheduleHundredths);
        const facts = { rate, schedule, plannedStartMonth: row.plannedStartMonth, startedOn: row.startedOn, registeredOn: row.registeredOn };
        const lights = lightsOf(facts, year, month, rules);
        return {
          projectId: row.projectId,
          name: row.name,
          unitId: row.unitId,
          unitName: row.unitName,
          plannedInvestment: row.plannedInvestment,
          originalInvestment: row.originalInvestment,
          planVersion: row.planVersion,
          completedYtd: row.completedYtd,
          completionRate: rate === null ? null : hundredthsToNumber(rate),
          scheduleRate: hundredthsToNumber(schedule),
          gapPoints: rate === null ? null : hundredthsToNumber(rate - schedule),
          light: row.lights.investment,
          lights: row.lights,
          projectLight: row.light,
          projectLightReasons: reasonsIn(lights.reasons, language),
          plannedStartMonth: row.plannedStartMonth,
          startedOn: row.startedOn,
          statisticsRegisteredOn: row.registeredOn,
        };
      }),
    };
  }

  /**
   * The summary by a dimension. Reviewers and admins read the district; an owner reads its own unit's projects only
   * (in any dimension but `district`, whose one row would claim to be the district's: 403).
   */
  async summary(user: AuthUser, year: number, month: number, by: InvestmentDimension) {
    this.assertPast(year, month);
    const scope = readScopeOf(user);
    if (scope.kind !== 'all' && by === 'district') throw forbidden();
    const { items, multiCounted } = await this.figures.summary({ year, month, by, scope, rules: this.rules() });
    return { year, month, by, scope: scope.kind === 'all' ? 'district' : 'unit', multiCounted, items };
  }

  /** Units ranked by 投资完成率 or 开工率 (reviewers and admins: a ranking compares every unit). */
  async rankings(user: AuthUser, year: number, month: number, metric: RankingMetric, basis: 'to_date' | 'year') {
    if (!canReadEverything(user)) throw forbidden();
    this.assertPast(year, month);
    const [{ items }, units] = await Promise.all([
      this.figures.summary({ year, month, by: 'unit', scope: ALL_UNITS, rules: this.rules() }),
      this.figures.units(ALL_UNITS),
    ]);
    const byKey = new Map(items.map((item) => [item.key, item]));
    const candidates = units.map((unit) => {
      const row = byKey.get(unit.key);
      if (metric === 'completion_rate') {
        const value = row && row.completionRate !== null ? BigInt(Math.round(row.completionRate * 100)) : null;
        return { ...unit, value, numerator: row?.completedYtd ?? '0.00', denominator: row?.plannedInvestment ?? '0.00', reason: '无年度计划投资' };
      }
      const counts = basis === 'year' ? row?.startRateYear : row?.startRateToDate;
      const value = counts ? rateHundredths(BigInt(counts.numerator), BigInt(counts.denominator)) : null;
      return {
        ...unit,
        value,
        numerator: String(counts?.numerator ?? 0),
        denominator: String(counts?.denominator ?? 0),
        reason: basis === 'year' ? `${year} 年无计划开工项目` : `1—${month} 月无计划开工项目`,
      };
    });
    const { ranked, unranked } = rankByValue(candidates);
    return {
      year,
      month,
      metric,
      basis: metric === 'completion_rate' ? 'to_date' : basis,
      definition: rankingDefinition(metric, basis, year, month),
      numeratorUnit: metric === 'completion_rate' ? '万元' : '个',
      items: ranked.map((item) => ({
        rank: item.rank,
        key: item.key,
        label: item.label,
        rate: Number(item.value) / 100,
        numerator: item.numerator,
        denominator: item.denominator,
      })),
      unranked: unranked.map((item) => ({ key: item.key, label: item.label, reason: item.reason })),
    };
  }
}
