import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Amount, IsCalendarDate, MAX_INT32, Trim, say } from '@qj/http';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { amount, calendarDate, dateTime, int, INVESTMENT_TYPES } from './project.response.dto';

/** 项目代码 of the national 投资项目在线审批监管平台: year+month, 6-digit region code, industry, type, serial. */
export const PROJECT_CODE_PATTERN = /^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$/;
/** Construction periods of the plan's projects: some started long before 2026, some end long after 2030. */
export const CONSTRUCTION_YEARS = { from: 2000, to: 2050 } as const;
export const CONSTRUCTION_SCOPE_MAX = 500;

const amountInput = {
  type: String,
  example: '1234.50',
  description: '万元, ≥ 0, ≤ 100000000, at most two decimals; a JSON number is accepted too and answered as a decimal string',
} as const;

const nullableYear = (field: string) => [
  ValidateIf((_: unknown, value: unknown) => value !== null),
  IsInt(
    say(
      `${field} 必须是 ${CONSTRUCTION_YEARS.from}–${CONSTRUCTION_YEARS.to} 之间的年份`,
      `${field} must be a year from ${CONSTRUCTION_YEARS.from} to ${CONSTRUCTION_YEARS.to}`,
    ),
  ),
  Min(
    CONSTRUCTION_YEARS.from,
    say(
      `${field} 必须是 ${CONSTRUCTION_YEARS.from}–${CONSTRUCTION_YEARS.to} 之间的年份`,
      `${field} must be a year from ${CONSTRUCTION_YEARS.from} to ${CONSTRUCTION_YEARS.to}`,
    ),
  ),
  Max(
    CONSTRUCTION_YEARS.to,
    say(
      `${field} 必须是 ${CONSTRUCTION_YEARS.from}–${CONSTRUCTION_YEARS.to} 之间的年份`,
      `${field} must be a year from ${CONSTRUCTION_YEARS.from} to ${CONSTRUCTION_YEARS.to}`,
    ),
  ),
];
function NullableYear(field: string): PropertyDecorator {
  return (target, key) => [IsOptional(), ...nullableYear(field)].forEach((decorate) => decorate(target, key));
}

/**
 * PATCH /api/projects/:id: any of the investment facts; an absent field stays as it is, `null` clears it. Send the
 * project version you saw (or If-Match).
 */
export class UpdateProjectFactsDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_INT32, description: 'the project version the client saw (or send If-Match)' })
  @IsOptional()
  @IsInt(say('version 必须是正整数', 'version must be a positive integer'))
  @Min(1, say('version 必须是正整数', 'version must be a positive integer'))
  @Max(MAX_INT32, say('version 必须是正整数', 'version must be a positive integer'))
  version?: number;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2501-500110-04-01-123456', description: '项目代码 (投资项目在线审批监管平台), unique' })
  @IsOptional()
  @Trim()
  @ValidateIf((_, value) => value !== null)
  @IsString(say('projectCode 必须是文字', 'projectCode must be text'))
  @Matches(
    PROJECT_CODE_PATTERN,
    say(
      'projectCode 格式应为 2501-500110-04-01-123456（4位-6位行政区划代码-2位-2位-6位）',
      'projectCode must look like 2501-500110-04-01-123456 (4 digits, the 6-digit region code, 2, 2 and 6 digits)',
    ),
  )
  projectCode?: string | null;

  @ApiPropertyOptional({ ...amountInput, nullable: true, description: `总投资: ${amountInput.description}` })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Amount()
  totalInvestment?: string | null;

  @ApiPropertyOptional({ type: String, enum: INVESTMENT_TYPES, nullable: true, description: 'government 政府投资 / enterprise 企业投资' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsIn(INVESTMENT_TYPES, say('investmentType 必须是 government（政府投资）或 enterprise（企业投资）', 'investmentType must be government or enterprise'))
  investmentType?: string | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: CONSTRUCTION_YEARS.from, maximum: CONSTRUCTION_YEARS.to, description: '建设起始年' })
  @NullableYear('constructionStartYear')
  constructionStartYear?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: CONSTRUCTION_YEARS.from,
    maximum: CONSTRUCTION_YEARS.to,
    description: '建设结束年 (not before the start year)',
  })
  @NullableYear('constructionEndYear')
  constructionEndYear?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: CONSTRUCTION_SCOPE_MAX, description: '建设内容, a few sentences' })
  @IsOptional()
  @Trim()
  @ValidateIf((_, value) => value !== null)
  @IsString(say('constructionScope 必须是文字', 'constructionScope must be text'))
  @MaxLength(
    CONSTRUCTION_SCOPE_MAX,
    say(`constructionScope 不能超过 ${CONSTRUCTION_SCOPE_MAX} 个字符`, `constructionScope may not exceed ${CONSTRUCTION_SCOPE_MAX} characters`),
  )
  constructionScope?: string | null;

  @ApiPropertyOptional({ ...calendarDate, nullable: true, description: '入库纳统日期 (not after today); null: not registered yet' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsCalendarDate(say('statisticsRegisteredOn 必须是有效日期，格式 YYYY-MM-DD', 'statisticsRegisteredOn must be a valid date as YYYY-MM-DD'))
  statisticsRegisteredOn?: string | null;
}

/** A project's investment facts, as the list, the detail and the PATCH answer them. */
export class ProjectFactsFieldsDto {
  @ApiProperty({ type: String, nullable: true, example: '2501-500110-04-01-123456', description: '项目代码' }) projectCode: string | null;
  @ApiProperty({ ...amount, nullable: true, description: '总投资 (万元)' }) totalInvestment: string | null;
  @ApiProperty({ type: String, enum: INVESTMENT_TYPES, nullable: true }) investmentType: string | null;
  @ApiProperty({ ...int, nullable: true }) constructionStartYear: number | null;
  @ApiProperty({ ...int, nullable: true }) constructionEndYear: number | null;
  @ApiProperty({ type: String, nullable: true, description: '建设内容' }) constructionScope: string | null;
  @ApiProperty({ ...calendarDate, nullable: true, description: '入库纳统日期; null while not registered' }) statisticsRegisteredOn: string | null;
}

export class ProjectFactsDto extends ProjectFactsFieldsDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ ...int, description: 'the project version now' }) version: number;
  @ApiProperty(dateTime) updatedAt: string;
}
