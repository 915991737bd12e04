import { say } from '@qj/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIGHTS, PLAN_YEARS, type Light } from '@qj/domain';
import { INVESTMENT_DIMENSIONS, type InvestmentDimension } from '@qj/persistence';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

const oneOf = (field: string, values: readonly string[]) =>
  say(`${field} 必须是以下之一：${values.join('、')}`, `${field} must be one of: ${values.join(', ')}`);
const intIn = (field: string, min: number, max: number) =>
  say(`${field} 必须是 ${min}–${max} 之间的整数`, `${field} must be a whole number from ${min} to ${max}`);

/** The period of the figures: months 1–m of year Y (the month must not be after the current one). */
export class InvestmentPeriodQueryDto {
  @ApiProperty({ type: 'integer', minimum: PLAN_YEARS.from, maximum: PLAN_YEARS.to, example: 2026, description: 'the plan year (2026–2030)' })
  @Type(() => Number)
  @IsInt(intIn('year', PLAN_YEARS.from, PLAN_YEARS.to))
  @Min(PLAN_YEARS.from, intIn('year', PLAN_YEARS.from, PLAN_YEARS.to))
  @Max(PLAN_YEARS.to, intIn('year', PLAN_YEARS.from, PLAN_YEARS.to))
  year: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 12, example: 10, description: 'figures for months 1–m of the year; not after the current month' })
  @Type(() => Number)
  @IsInt(intIn('month', 1, 12))
  @Min(1, intIn('month', 1, 12))
  @Max(12, intIn('month', 1, 12))
  month: number;
}

export class InvestmentSummaryQueryDto extends InvestmentPeriodQueryDto {
  @ApiPropertyOptional({ enum: INVESTMENT_DIMENSIONS, enumName: 'InvestmentDimension', default: 'district' })
  @IsOptional()
  @IsIn(INVESTMENT_DIMENSIONS, oneOf('by', INVESTMENT_DIMENSIONS))
  by: InvestmentDimension = 'district';
}

export const RANKING_METRICS = ['completion_rate', 'start_rate'] as const;
export type RankingMetric = (typeof RANKING_METRICS)[number];
export const RATE_BASES = ['to_date', 'year'] as const;

export class RankingsQueryDto extends InvestmentPeriodQueryDto {
  @ApiProperty({ enum: RANKING_METRICS, enumName: 'RankingMetric', description: 'completion_rate: 投资完成率; start_rate: 开工率' })
  @IsIn(RANKING_METRICS, oneOf('metric', RANKING_METRICS))
  metric: RankingMetric;

  @ApiPropertyOptional({
    enum: RATE_BASES,
    enumName: 'RateBasis',
    default: 'to_date',
    description: 'start_rate only: divide by the projects planned to start by month m (to_date) or in the whole year (year)',
  })
  @IsOptional()
  @IsIn(RATE_BASES, oneOf('basis', RATE_BASES))
  basis: (typeof RATE_BASES)[number] = 'to_date';
}

export const LIGHT_KINDS = ['project', 'investment', 'start', 'registration'] as const;

/** GET /api/investment/projects: the projects of the year's 调度 by light (the red list), scoped like every figure. */
export class ProjectFiguresQueryDto extends InvestmentPeriodQueryDto {
  @ApiPropertyOptional({ enum: LIGHTS, enumName: 'InvestmentLight', description: 'only projects whose light (of `kind`) is this one' })
  @IsOptional()
  @IsIn(LIGHTS, oneOf('light', LIGHTS))
  light?: Light;

  @ApiPropertyOptional({
    enum: LIGHT_KINDS,
    enumName: 'LightKind',
    default: 'project',
    description: 'which light `light` filters on and the list is ordered by: the project light (worst of the three) or one of them',
  })
  @IsOptional()
  @IsIn(LIGHT_KINDS, oneOf('kind', LIGHT_KINDS))
  kind: (typeof LIGHT_KINDS)[number] = 'project';

  @ApiPropertyOptional({ format: 'uuid', description: 'one unit’s projects (an owner: their own unit only)' })
  @IsOptional()
  @IsUUID('all', say('unitId 必须是单位编号（UUID）', 'unitId must be a unit id (UUID)'))
  unitId?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 36, description: '章 number: the projects it names' })
  @IsOptional()
  @Type(() => Number)
  @IsInt(intIn('chapter', 1, 36))
  @Min(1, intIn('chapter', 1, 36))
  @Max(36, intIn('chapter', 1, 36))
  chapter?: number;

  @ApiPropertyOptional({ type: 'integer', default: 1, minimum: 1, maximum: 1_000_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt(intIn('page', 1, 1_000_000))
  @Min(1, intIn('page', 1, 1_000_000))
  @Max(1_000_000, intIn('page', 1, 1_000_000))
  page = 1;

  @ApiPropertyOptional({ type: 'integer', default: 20, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt(intIn('pageSize', 1, 200))
  @Min(1, intIn('pageSize', 1, 200))
  @Max(200, intIn('pageSize', 1, 200))
  pageSize = 20;
}
