import { ApiPropertyOptional } from '@nestjs/swagger';
import { SECTORS, STAGES } from '@qj/catalog';
import { PLAN_YEARS, PROJECT_STATUSES } from '@qj/domain';
import { PROJECT_SORTS } from '@qj/persistence';
import { Trim, say } from '@qj/http';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const RAG_LEVELS = ['green', 'amber', 'red'];
const SORT_VALUES = PROJECT_SORTS.flatMap((sort) => [sort, `-${sort}`]);
const oneOf = (field: string, values: readonly string[]) =>
  say(`${field} 必须是以下之一：${values.join('、')}`, `${field} must be one of: ${values.join(', ')}`);
function IntIn(field: string, min: number, max: number): PropertyDecorator {
  const options = () => say(`${field} 必须是 ${min}–${max} 之间的整数`, `${field} must be an integer from ${min} to ${max}`);
  return (target, key) => [IsInt(options()), Min(min, options()), Max(max, options())].forEach((decorate) => decorate(target, key));
}

/** Filters, sort and page of GET /api/projects. The plan has 12 parts (篇), 36 chapters (章) and 26 columns (专栏). */
export class ListProjectsQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 12, description: '篇 number (1–12); matches every part that names the project' })
  @IsOptional()
  @Type(() => Number)
  @IntIn('part', 1, 12)
  part?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 36, description: '章 number (1–36)' })
  @IsOptional()
  @Type(() => Number)
  @IntIn('chapter', 1, 36)
  chapter?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 26, description: '专栏 number (1–26)' })
  @IsOptional()
  @Type(() => Number)
  @IntIn('column', 1, 26)
  column?: number;

  @ApiPropertyOptional({ enum: SECTORS })
  @IsOptional()
  @IsIn(SECTORS, oneOf('sector', SECTORS))
  sector?: string;

  @ApiPropertyOptional({ enum: PROJECT_STATUSES, description: 'current stage' })
  @IsOptional()
  @IsIn(PROJECT_STATUSES, oneOf('stage', PROJECT_STATUSES))
  stage?: string;

  @ApiPropertyOptional({ enum: STAGES, description: 'what the plan wants by 2030' })
  @IsOptional()
  @IsIn(STAGES, oneOf('target', STAGES))
  target?: string;

  @ApiPropertyOptional({ pattern: '^[A-Za-z0-9_-]{1,64}$', description: 'responsible unit (责任单位): its id or code, e.g. transport' })
  @IsOptional()
  @IsString(say('unit 必须是单位编号或代码', 'unit must be a unit id or code'))
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, say('unit 必须是单位编号或代码', 'unit must be a unit id or code'))
  unit?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'search in names, full pinyin and pinyin initials (渝贵, yuguigaotie, yggt)' })
  @IsOptional()
  @Trim()
  @IsString(say('q 必须是文字', 'q must be text'))
  @MaxLength(100, say('q 不能超过 100 个字符', 'q may not exceed 100 characters'))
  q?: string;

  @ApiPropertyOptional({ enum: RAG_LEVELS, description: '红黄绿灯' })
  @IsOptional()
  @IsIn(RAG_LEVELS, oneOf('rag', RAG_LEVELS))
  rag?: string;

  @ApiPropertyOptional({ description: 'true: has an overdue milestone; false: has none' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean(say('overdue 必须是 true 或 false', 'overdue must be true or false'))
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'true: stale (no update for 30 days, not completed or cancelled); false: not stale' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean(say('stale 必须是 true 或 false', 'stale must be true or false'))
  stale?: boolean;

  @ApiPropertyOptional({
    enum: SORT_VALUES,
    description:
      'sort key; a leading "-" sorts descending. Unset: plan order, or with q the best matches first (whole-name pinyin initials, then an initials prefix, then the name or its pinyin, then initials within)',
    default: 'plan',
  })
  @IsOptional()
  @IsIn(SORT_VALUES, oneOf('sort', SORT_VALUES))
  sort?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: PLAN_YEARS.from,
    maximum: PLAN_YEARS.to,
    description: 'year of the investment figures (年度计划, 累计完成, 完成率); default: the current report month’s (last month)',
  })
  @IsOptional()
  @Type(() => Number)
  @IntIn('year', PLAN_YEARS.from, PLAN_YEARS.to)
  year?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 12,
    description: 'figures for months 1–m of the year, not after the current month; default: the current report month (December of a past year)',
  })
  @IsOptional()
  @Type(() => Number)
  @IntIn('month', 1, 12)
  month?: number;

  @ApiPropertyOptional({ type: 'integer', default: 1, minimum: 1, maximum: 1_000_000 })
  @IsOptional()
  @Type(() => Number)
  @IntIn('page', 1, 1_000_000)
  page = 1;

  @ApiPropertyOptional({ type: 'integer', default: 20, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IntIn('pageSize', 1, 200)
  pageSize = 20;
}
