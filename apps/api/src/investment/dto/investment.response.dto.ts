import { ApiProperty } from '@nestjs/swagger';
import { LIGHTS } from '@qj/domain';
import { INVESTMENT_DIMENSIONS } from '@qj/persistence';
import { calendarDate, int } from '../../catalog/dto/project.response.dto';
import { LIGHT_KINDS, RANKING_METRICS, RATE_BASES } from './investment.query.dto';

const light = { enum: LIGHTS, enumName: 'InvestmentLight' } as const;
const amount = { type: String, pattern: '^\\d+\\.\\d{2}$', example: '405.34', description: '万元, exact, two decimals' } as const;
const rate = { type: Number, example: 73.27, description: '%, two decimals' } as const;

/** Why a light is not green. */
export class LightReasonDto {
  @ApiProperty({ enum: ['investment_behind', 'start_overdue', 'not_registered'], enumName: 'InvestmentReasonCode' }) code: string;
  @ApiProperty({ enum: ['yellow', 'red'] }) level: string;
  @ApiProperty({ example: '投资完成率 40.00%，低于序时进度 43.33 个百分点', description: 'in the language Accept-Language asks for (en, else Chinese)' })
  text: string;
}

export class ProjectLightsDto {
  @ApiProperty({ ...light, description: '投资完成率 against 序时进度' }) investment: string;
  @ApiProperty({ ...light, description: '开工: planned start month passed without a start' }) start: string;
  @ApiProperty({ ...light, description: '入库纳统: started and not registered' }) registration: string;
}

export class InvestmentMonthDto {
  @ApiProperty({ ...int, minimum: 1, maximum: 12 }) month: number;
  @ApiProperty({ ...amount, description: 'completed that month (submitted report; 0.00 where none)' }) completed: string;
  @ApiProperty({ ...amount, description: 'completed in months 1–month' }) cumulative: string;
}

/** One project's investment figures for months 1–m of year Y. */
export class ProjectInvestmentDto {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty(int) year: number;
  @ApiProperty(int) month: number;
  @ApiProperty({ ...amount, nullable: true, description: '年度计划投资 (current plan); null without a plan for the year' }) plannedInvestment: string | null;
  @ApiProperty({ ...amount, nullable: true, description: 'the original plan (version 1)' }) originalInvestment: string | null;
  @ApiProperty({ ...int, nullable: true, description: 'version of the current plan (1: original; more: 中期调整)' }) planVersion: number | null;
  @ApiProperty({ ...amount, description: '本年累计完成投资: submitted reports of months 1–m' }) completedYtd: string;
  @ApiProperty({ ...rate, nullable: true, description: '投资完成率 = completedYtd ÷ plannedInvestment × 100; null without a plan or with a plan of 0' })
  completionRate: number | null;
  @ApiProperty({ ...rate, example: 83.33, description: '序时进度 = m ÷ 12 × 100' }) scheduleRate: number;
  @ApiProperty({ type: Number, nullable: true, example: -43.33, description: 'completionRate − scheduleRate, percentage points; negative when behind' })
  gapPoints: number | null;
  @ApiProperty({ ...light, description: 'the investment light' }) light: string;
  @ApiProperty({ type: [LightReasonDto] }) lightReasons: LightReasonDto[];
  @ApiProperty({ type: ProjectLightsDto }) lights: ProjectLightsDto;
  @ApiProperty({ ...light, description: 'the project light: the worst of investment, start and registration' }) projectLight: string;
  @ApiProperty({ type: [LightReasonDto], description: 'every reason of the three lights, worst first' }) projectLightReasons: LightReasonDto[];
  @ApiProperty({ ...int, nullable: true, description: '计划开工 month of the year' }) plannedStartMonth: number | null;
  @ApiProperty({ ...int, nullable: true, description: '计划竣工 month of the year' }) plannedCompletionMonth: number | null;
  @ApiProperty({ ...calendarDate, nullable: true, description: 'actual 开工 (null while not started)' }) startedOn: string | null;
  @ApiProperty({ ...calendarDate, nullable: true, description: 'actual 竣工 (null while not complete)' }) completedOn: string | null;
  @ApiProperty({ ...calendarDate, nullable: true, description: '入库纳统' }) statisticsRegisteredOn: string | null;
  @ApiProperty({ type: [InvestmentMonthDto], description: 'months 1–m: completed each month and cumulative (the console’s bars)' })
  months: InvestmentMonthDto[];
}

export class LightCountsDto {
  @ApiProperty(int) green: number;
  @ApiProperty(int) yellow: number;
  @ApiProperty(int) red: number;
}

export class LightCountsByKindDto {
  @ApiProperty({ type: LightCountsDto }) investment: LightCountsDto;
  @ApiProperty({ type: LightCountsDto }) start: LightCountsDto;
  @ApiProperty({ type: LightCountsDto }) registration: LightCountsDto;
}

/** A count rate (开工率, 竣工率) with what it divides and by which denominator. */
export class CountRateDto {
  @ApiProperty(int) numerator: number;
  @ApiProperty(int) denominator: number;
  @ApiProperty({ ...rate, nullable: true, example: 85.07, description: 'null when nothing was planned' }) rate: number | null;
  @ApiProperty({ example: '开工率＝截至 10 月末已开工项目数 ÷ 计划 1—10 月开工项目数（分母：截至本月计划开工）' }) label: string;
}

export class InvestmentSummaryItemDto {
  @ApiProperty({ description: "'district', the part/chapter/column number, the sector code or the unit code" }) key: string;
  @ApiProperty({ example: '区交通局' }) label: string;
  @ApiProperty({ ...int, description: 'projects with a plan for the year under this key' }) projectCount: number;
  @ApiProperty({ ...amount, description: 'current plans (after 中期调整)' }) plannedInvestment: string;
  @ApiProperty({ ...amount, description: 'the original plans' }) originalPlannedInvestment: string;
  @ApiProperty(amount) completedYtd: string;
  @ApiProperty({ ...rate, nullable: true, description: 'of the sums; null when nothing is planned' }) completionRate: number | null;
  @ApiProperty({ ...rate, example: 83.33 }) scheduleRate: number;
  @ApiProperty({ type: Number, nullable: true }) gapPoints: number | null;
  @ApiProperty({ type: LightCountsDto, description: 'projects by their project light (worst of the three)' }) lights: LightCountsDto;
  @ApiProperty({ type: LightCountsByKindDto }) lightsBy: LightCountsByKindDto;
  @ApiProperty({ type: CountRateDto }) startRateToDate: CountRateDto;
  @ApiProperty({ type: CountRateDto }) startRateYear: CountRateDto;
  @ApiProperty({ type: CountRateDto }) completionRateToDate: CountRateDto;
  @ApiProperty({ type: CountRateDto }) completionRateYear: CountRateDto;
}

export class InvestmentSummaryDto {
  @ApiProperty(int) year: number;
  @ApiProperty(int) month: number;
  @ApiProperty({ enum: INVESTMENT_DIMENSIONS, enumName: 'InvestmentDimension' }) by: string;
  @ApiProperty({ enum: ['district', 'unit'], description: "district: every unit's projects; unit: an owner's own unit only" }) scope: string;
  @ApiProperty({ ...int, description: 'projects counted under more than one key (part, chapter, column), so the items add up to more' })
  multiCounted: number;
  @ApiProperty({ type: [InvestmentSummaryItemDto] }) items: InvestmentSummaryItemDto[];
}

export class RankedUnitDto {
  @ApiProperty({ ...int, description: 'ties share a rank (1, 1, 3)' }) rank: number;
  @ApiProperty({ description: 'unit code' }) key: string;
  @ApiProperty() label: string;
  @ApiProperty(rate) rate: number;
  @ApiProperty({ description: 'completed (万元) or projects started' }) numerator: string;
  @ApiProperty({ description: 'planned (万元) or projects planned to start' }) denominator: string;
}

export class UnrankedUnitDto {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty({ example: '无年度计划投资' }) reason: string;
}

export class RankingsDto {
  @ApiProperty(int) year: number;
  @ApiProperty(int) month: number;
  @ApiProperty({ enum: RANKING_METRICS, enumName: 'RankingMetric' }) metric: string;
  @ApiProperty({ enum: RATE_BASES, enumName: 'RateBasis' }) basis: string;
  @ApiProperty({ description: 'the formula and its denominator, in Chinese, to publish with the ranking' }) definition: string;
  @ApiProperty({ enum: ['万元', '个'], description: 'what numerator and denominator count' }) numeratorUnit: string;
  @ApiProperty({ type: [RankedUnitDto], description: 'highest first' }) items: RankedUnitDto[];
  @ApiProperty({ type: [UnrankedUnitDto], description: 'units with nothing to be measured against: listed apart, not ranked last' })
  unranked: UnrankedUnitDto[];
}

/** One project of GET /api/investment/projects: its figures and lights, as GET /api/projects/:id/investment gives them. */
export class ProjectFiguresItemDto {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: '区交通局' }) unitName: string;
  @ApiProperty({ ...amount, description: '年度计划投资 (current plan)' }) plannedInvestment: string;
  @ApiProperty({ ...amount, description: 'the original plan' }) originalInvestment: string;
  @ApiProperty(int) planVersion: number;
  @ApiProperty({ ...amount, description: '本年累计完成投资: submitted reports of months 1–m' }) completedYtd: string;
  @ApiProperty({ ...rate, nullable: true, description: 'null with a plan of 0' }) completionRate: number | null;
  @ApiProperty({ ...rate, example: 83.33 }) scheduleRate: number;
  @ApiProperty({ type: Number, nullable: true, example: -43.33 }) gapPoints: number | null;
  @ApiProperty({ ...light, description: 'the investment light' }) light: string;
  @ApiProperty({ type: ProjectLightsDto }) lights: ProjectLightsDto;
  @ApiProperty({ ...light, description: 'the project light: the worst of investment, start and registration' }) projectLight: string;
  @ApiProperty({ type: [LightReasonDto], description: 'every reason of the three lights, worst first' }) projectLightReasons: LightReasonDto[];
  @ApiProperty({ ...int, nullable: true }) plannedStartMonth: number | null;
  @ApiProperty({ ...calendarDate, nullable: true }) startedOn: string | null;
  @ApiProperty({ ...calendarDate, nullable: true }) statisticsRegisteredOn: string | null;
}

export class ProjectFiguresPageDto {
  @ApiProperty(int) year: number;
  @ApiProperty(int) month: number;
  @ApiProperty({ enum: LIGHT_KINDS, enumName: 'LightKind' }) kind: string;
  @ApiProperty({ ...light, nullable: true, description: 'the light filtered on; null: every project' }) light: string | null;
  @ApiProperty({ ...int, description: 'projects matching (0 past the last page)' }) total: number;
  @ApiProperty(int) page: number;
  @ApiProperty(int) pageSize: number;
  @ApiProperty({ type: [ProjectFiguresItemDto], description: 'worst first: by the light, then the furthest behind' }) items: ProjectFiguresItemDto[];
}
