import { say } from '@qj/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PLAN_YEARS, REPORT_MONTHS } from '@qj/domain';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const yearMessage = say(
  `year 必须是规划期内的年份（${PLAN_YEARS.from}–${PLAN_YEARS.to}）`,
  `year must be a year of the plan period (${PLAN_YEARS.from}–${PLAN_YEARS.to})`,
);
const monthMessage = say(
  `month 必须是规划期内的月份，格式 YYYY-MM（${REPORT_MONTHS.from} 至 ${REPORT_MONTHS.to}）`,
  `month must be a month of the plan period as YYYY-MM (${REPORT_MONTHS.from} to ${REPORT_MONTHS.to})`,
);
const MONTH_PATTERN = /^(202[6-9]|2030)-(0[1-9]|1[0-2])$/;

export class ReportYearQueryDto {
  @ApiProperty({ type: 'integer', minimum: PLAN_YEARS.from, maximum: PLAN_YEARS.to })
  @Type(() => Number)
  @IsInt(yearMessage)
  @Min(PLAN_YEARS.from, yearMessage)
  @Max(PLAN_YEARS.to, yearMessage)
  year: number;
}

export class ReportGridQueryDto {
  @ApiProperty({ pattern: MONTH_PATTERN.source, example: '2027-03', description: 'YYYY-MM, 2026-01 … 2030-12, not after the current month' })
  @Matches(MONTH_PATTERN, monthMessage)
  month: string;
}

export class ReportImportQueryDto {
  @ApiPropertyOptional({ pattern: MONTH_PATTERN.source, description: 'the month of rows whose 月份 is blank (or the form field `month`)' })
  @IsOptional()
  @Matches(MONTH_PATTERN, monthMessage)
  month?: string;

  @ApiPropertyOptional({ description: 'true: submit (报送) every report of the file once saved' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean(say('submit 必须是 true 或 false', 'submit must be true or false'))
  submit?: boolean;
}

export class ReportTemplateQueryDto {
  @ApiProperty({ pattern: MONTH_PATTERN.source, example: '2027-03', description: 'YYYY-MM, 2026-01 … 2030-12, not after the current month' })
  @Matches(MONTH_PATTERN, monthMessage)
  month: string;
}
