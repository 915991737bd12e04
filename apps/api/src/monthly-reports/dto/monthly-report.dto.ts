import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Amount, MAX_INT32, Trim, say } from '@qj/http';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { amount, calendarDate, dateTime, int } from '../../catalog/dto/project.response.dto';
import { FieldErrorDto } from '../../openapi/problem-details.dto';
import { FileIds } from '../../files/dto/file-ids.dto';
import { FileRefDto } from '../../files/dto/file.response.dto';

export const REPORT_TEXT_MAX = 2000;
export const REPORT_STATUSES = ['draft', 'submitted', 'returned'] as const;
const reportStatus = { enum: REPORT_STATUSES, enumName: 'MonthlyReportStatus' } as const;

/** PUT /api/projects/:id/monthly-reports/:month: the month's report as a whole, saved as a draft. Zero is a report. */
export class SaveMonthlyReportDto {
  @ApiProperty({
    type: String,
    example: '320.00',
    description: '本月完成投资 (万元), ≥ 0 (zero is a report), ≤ 100000000, at most two decimals; a JSON number is accepted too',
  })
  @Amount()
  completedInvestment: string;

  @ApiPropertyOptional({ maxLength: REPORT_TEXT_MAX, description: '形象进度, in words' })
  @IsOptional()
  @Trim()
  @IsString(say('progress 必须是文字', 'progress must be text'))
  @MaxLength(REPORT_TEXT_MAX, say(`progress 不能超过 ${REPORT_TEXT_MAX} 个字符`, `progress may not exceed ${REPORT_TEXT_MAX} characters`))
  progress?: string;

  @ApiPropertyOptional({ maxLength: REPORT_TEXT_MAX, description: '存在问题' })
  @IsOptional()
  @Trim()
  @IsString(say('problems 必须是文字', 'problems must be text'))
  @MaxLength(REPORT_TEXT_MAX, say(`problems 不能超过 ${REPORT_TEXT_MAX} 个字符`, `problems may not exceed ${REPORT_TEXT_MAX} characters`))
  problems?: string;

  @FileIds('the report’s files (形象进度 photos), the whole list: files left out are detached; omitted: the files stay as they are')
  fileIds?: string[];

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_INT32, description: 'the report version you saw: 409 if it changed since' })
  @IsOptional()
  @IsInt(say('version 必须是正整数', 'version must be a positive integer'))
  @Min(1, say('version 必须是正整数', 'version must be a positive integer'))
  @Max(MAX_INT32, say('version 必须是正整数', 'version must be a positive integer'))
  version?: number;
}

export class SubmitMonthlyReportDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_INT32, description: 'the report version you saw: 409 if it changed since' })
  @IsOptional()
  @IsInt(say('version 必须是正整数', 'version must be a positive integer'))
  @Min(1, say('version 必须是正整数', 'version must be a positive integer'))
  @Max(MAX_INT32, say('version 必须是正整数', 'version must be a positive integer'))
  version?: number;
}

export class ReturnMonthlyReportDto {
  @ApiProperty({ maxLength: REPORT_TEXT_MAX, description: 'why the report goes back to its unit (退回意见)' })
  @Trim()
  @IsString(say('comment 必须是文字', 'comment must be text'))
  @MinLength(1, say('请填写退回意见（comment）', 'Say why it is returned (comment)'))
  @MaxLength(REPORT_TEXT_MAX, say(`comment 不能超过 ${REPORT_TEXT_MAX} 个字符`, `comment may not exceed ${REPORT_TEXT_MAX} characters`))
  comment: string;
}

/** A project's report for a month. */
export class MonthlyReportDto {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ example: '2027-03', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }) month: string;
  @ApiProperty(int) year: number;
  @ApiProperty({ ...amount, description: '本月完成投资 (万元)' }) completedInvestment: string;
  @ApiProperty({ description: '形象进度' }) progress: string;
  @ApiProperty({ description: '存在问题' }) problems: string;
  @ApiProperty({ ...reportStatus, description: 'draft (saved), submitted (报送, counted in the figures), returned (退回 by a reviewer)' }) status: string;
  @ApiProperty({ description: 'first submitted after its due day' }) late: boolean;
  @ApiProperty({ ...dateTime, nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) submittedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) submittedByName: string | null;
  @ApiProperty({ ...dateTime, nullable: true }) returnedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) returnedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) returnedByName: string | null;
  @ApiProperty({ type: String, nullable: true, description: '退回意见' }) returnComment: string | null;
  @ApiProperty(int) version: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) updatedBy: string | null;
  @ApiProperty(dateTime) updatedAt: string;
  @ApiProperty({ type: [FileRefDto], description: 'files attached (形象进度 photos with their capture time and place when their EXIF has them)' })
  files: FileRefDto[];
  @ApiProperty({ ...calendarDate, description: 'the day the report is due (REPORT_DUE_DAY of the next month)' }) dueOn: string;
}

/** One month of a project's year: its report, or `missing`; when it is due and whether it is overdue. */
export class ReportMonthDto {
  @ApiProperty({ example: '2027-03' }) month: string;
  @ApiProperty({ enum: ['missing', ...REPORT_STATUSES], description: 'missing: no report saved for the month' }) status: string;
  @ApiProperty(calendarDate) dueOn: string;
  @ApiProperty({ description: 'not submitted and its due day has passed' }) overdue: boolean;
  @ApiProperty({ description: 'submitted after its due day' }) late: boolean;
  @ApiProperty({ description: 'the month’s bulletin is published: its report can no longer change' }) locked: boolean;
  @ApiProperty({ type: MonthlyReportDto, nullable: true }) report: MonthlyReportDto | null;
}

export class ReportYearDto {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty(int) year: number;
  @ApiProperty({ ...int, description: 'REPORT_DUE_DAY: reports are due on this day of the next month' }) dueDay: number;
  @ApiProperty({ type: [ReportMonthDto], description: 'January to December' }) months: ReportMonthDto[];
}

/** One project of the caller's scope with its report for the month (or none). */
export class ReportGridRowDto {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() projectName: string;
  @ApiProperty({ type: String, nullable: true }) projectCode: string | null;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ enum: ['missing', ...REPORT_STATUSES] }) status: string;
  @ApiProperty({ description: 'not submitted and its due day has passed' }) overdue: boolean;
  @ApiProperty({ type: MonthlyReportDto, nullable: true }) report: MonthlyReportDto | null;
}

export class ReportGridDto {
  @ApiProperty({ example: '2027-03' }) month: string;
  @ApiProperty(calendarDate) dueOn: string;
  @ApiProperty() locked: boolean;
  @ApiProperty({ type: [ReportGridRowDto], description: 'every project of the caller’s scope (an owner: their unit), in plan order' })
  items: ReportGridRowDto[];
}

/** One row of the uploaded report sheet, as checked. */
export class ReportImportRowDto {
  @ApiProperty({ ...int, description: 'the row number in the sheet' }) row: number;
  @ApiProperty({ type: String, nullable: true }) projectId: string | null;
  @ApiProperty({ type: String, nullable: true }) projectName: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2027-03' }) month: string | null;
  @ApiProperty({ enum: ['saved', 'unchanged', 'skipped', 'error'], description: 'skipped: no amount filled in (no report for the project)' }) status: string;
  @ApiProperty({ description: 'submitted (报送) by this import' }) submitted: boolean;
  @ApiProperty({ type: [FieldErrorDto] }) errors: FieldErrorDto[];
}

export class ReportImportSummaryDto {
  @ApiProperty(int) total: number;
  @ApiProperty(int) saved: number;
  @ApiProperty(int) unchanged: number;
  @ApiProperty(int) skipped: number;
  @ApiProperty(int) submitted: number;
  @ApiProperty(int) error: number;
}

export class ReportImportResultDto {
  @ApiProperty({ description: 'true: every row written (in one transaction)' }) applied: boolean;
  @ApiProperty({ description: 'submit=true: the reports were submitted too' }) submitted: boolean;
  @ApiProperty({ type: [ReportImportRowDto] }) rows: ReportImportRowDto[];
  @ApiProperty({ type: ReportImportSummaryDto }) summary: ReportImportSummaryDto;
}
