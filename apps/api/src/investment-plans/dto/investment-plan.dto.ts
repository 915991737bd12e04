import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Amount, Trim, say } from '@qj/http';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { amount, dateTime, int } from '../../catalog/dto/project.response.dto';

export const REASON_MAX = 500;

const monthOfYear = (field: string) => say(`${field} 必须是 1–12 之间的月份`, `${field} must be a month from 1 to 12`);
function NullableMonthOfYear(field: string): PropertyDecorator {
  return (target, key) =>
    [
      IsOptional(),
      ValidateIf((_: unknown, value: unknown) => value !== null),
      IsInt(monthOfYear(field)),
      Min(1, monthOfYear(field)),
      Max(12, monthOfYear(field)),
    ].forEach((decorate) => decorate(target, key));
}

/**
 * PUT /api/projects/:id/investment-plans/:year: the year's plan as a whole (an absent month is none). The first
 * issue is the original; a later one with other values is an adjustment (中期调整) and needs its reason.
 */
export class IssueInvestmentPlanDto {
  @ApiProperty({
    type: String,
    example: '1200.00',
    description: '年度计划投资 (万元), ≥ 0, ≤ 100000000, at most two decimals; a JSON number is accepted too',
  })
  @Amount()
  plannedInvestment: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 12, nullable: true, description: '计划开工月份 (this year)' })
  @NullableMonthOfYear('plannedStartMonth')
  plannedStartMonth?: number | null;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 12, nullable: true, description: '计划竣工月份 (this year), not before the start month' })
  @NullableMonthOfYear('plannedCompletionMonth')
  plannedCompletionMonth?: number | null;

  @ApiPropertyOptional({ maxLength: REASON_MAX, description: '调整原因: required for an adjustment (a plan for the year exists already)' })
  @IsOptional()
  @Trim()
  @IsString(say('reason 必须是文字', 'reason must be text'))
  @MinLength(1, say('reason 不能为空', 'reason may not be empty'))
  @MaxLength(REASON_MAX, say(`reason 不能超过 ${REASON_MAX} 个字符`, `reason may not exceed ${REASON_MAX} characters`))
  reason?: string;
}

/** A project's current plan for a year, with the original amount beside the current one. */
export class InvestmentPlanDto {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty(int) year: number;
  @ApiProperty({ ...int, description: '1 for the original plan; each adjustment (中期调整) adds one' }) version: number;
  @ApiProperty({ ...amount, description: '年度计划投资 now (万元)' }) plannedInvestment: string;
  @ApiProperty({ ...amount, description: 'the original plan’s amount (万元), kept through adjustments' }) originalInvestment: string;
  @ApiProperty({ ...int, nullable: true, minimum: 1, maximum: 12 }) plannedStartMonth: number | null;
  @ApiProperty({ ...int, nullable: true, minimum: 1, maximum: 12 }) plannedCompletionMonth: number | null;
  @ApiProperty({ description: 'the plan has been adjusted (version > 1)' }) adjusted: boolean;
  @ApiProperty(dateTime) updatedAt: string;
}

/** One issue of the plan: who issued it, when, and why (null for the original). */
export class InvestmentPlanVersionDto {
  @ApiProperty(int) version: number;
  @ApiProperty({ enum: ['original', 'adjustment'], description: 'original (年初下达) or adjustment (中期调整)' }) kind: string;
  @ApiProperty(amount) plannedInvestment: string;
  @ApiProperty({ ...int, nullable: true }) plannedStartMonth: number | null;
  @ApiProperty({ ...int, nullable: true }) plannedCompletionMonth: number | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) issuedBy: string | null;
  @ApiProperty({ type: String, nullable: true, example: '区发展改革委审核员' }) issuedByName: string | null;
  @ApiProperty(dateTime) issuedAt: string;
}

export class InvestmentPlanVersionListDto {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty(int) year: number;
  @ApiProperty({ type: [InvestmentPlanVersionDto], description: 'oldest first' }) items: InvestmentPlanVersionDto[];
}
