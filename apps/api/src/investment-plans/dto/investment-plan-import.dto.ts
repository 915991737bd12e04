import { say } from '@qj/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PLAN_YEARS } from '@qj/domain';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { int } from '../../catalog/dto/project.response.dto';
import { FieldErrorDto } from '../../openapi/problem-details.dto';

const yearMessage = say(
  `year 必须是规划期内的年份（${PLAN_YEARS.from}–${PLAN_YEARS.to}）`,
  `year must be a year of the plan period (${PLAN_YEARS.from}–${PLAN_YEARS.to})`,
);

export class PlanTemplateQueryDto {
  @ApiProperty({ type: 'integer', minimum: PLAN_YEARS.from, maximum: PLAN_YEARS.to, description: 'the plan year' })
  @Type(() => Number)
  @IsInt(yearMessage)
  @Min(PLAN_YEARS.from, yearMessage)
  @Max(PLAN_YEARS.to, yearMessage)
  year: number;
}

export class PlanImportQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: PLAN_YEARS.from,
    maximum: PLAN_YEARS.to,
    description: 'the plan year (or the form field `year`, or the sheet’s 年度 column)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt(yearMessage)
  @Min(PLAN_YEARS.from, yearMessage)
  @Max(PLAN_YEARS.to, yearMessage)
  year?: number;
}

/** One row of the uploaded plan sheet, as checked. */
export class PlanImportRowDto {
  @ApiProperty({ ...int, description: 'the row number in the sheet' }) row: number;
  @ApiProperty({ type: String, nullable: true }) projectId: string | null;
  @ApiProperty({ type: String, nullable: true }) projectName: string | null;
  @ApiProperty({
    enum: ['issued', 'adjusted', 'unchanged', 'skipped', 'error'],
    description: 'issued: the year’s first plan; adjusted: 中期调整; skipped: no amount and no plan',
  })
  status: string;
  @ApiProperty({ type: [FieldErrorDto] }) errors: FieldErrorDto[];
}

export class PlanImportSummaryDto {
  @ApiProperty(int) total: number;
  @ApiProperty(int) issued: number;
  @ApiProperty(int) adjusted: number;
  @ApiProperty(int) unchanged: number;
  @ApiProperty(int) skipped: number;
  @ApiProperty(int) error: number;
}

export class PlanImportResultDto {
  @ApiProperty({ description: 'true: every issue and adjustment written (in one transaction)' }) applied: boolean;
  @ApiProperty(int) year: number;
  @ApiProperty({ type: [PlanImportRowDto] }) rows: PlanImportRowDto[];
  @ApiProperty({ type: PlanImportSummaryDto }) summary: PlanImportSummaryDto;
}
