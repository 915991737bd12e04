import { ApiProperty } from '@nestjs/swagger';
import { calendarDate, int } from '../../catalog/dto/project.response.dto';
import { FieldErrorDto } from '../../openapi/problem-details.dto';

export class ImportChangeDto {
  @ApiProperty({ enum: ['baselineDate', 'forecastDate', 'actualDate'] }) field: string;
  @ApiProperty({ ...calendarDate, nullable: true }) from: string | null;
  @ApiProperty({ ...calendarDate, nullable: true }) to: string | null;
}

/** One row of the uploaded template, as checked. */
export class ImportRowDto {
  @ApiProperty({ ...int, description: 'the row number in the sheet' }) row: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) milestoneId: string | null;
  @ApiProperty({ type: String, nullable: true }) projectKey: string | null;
  @ApiProperty({ type: String, nullable: true }) projectName: string | null;
  @ApiProperty({ type: String, nullable: true }) milestoneName: string | null;
  @ApiProperty({ enum: ['update', 'unchanged', 'error'] }) status: string;
  @ApiProperty({ type: [ImportChangeDto] }) changes: ImportChangeDto[];
  @ApiProperty({ type: [FieldErrorDto] }) errors: FieldErrorDto[];
}

export class ImportSummaryDto {
  @ApiProperty(int) total: number;
  @ApiProperty(int) update: number;
  @ApiProperty(int) unchanged: number;
  @ApiProperty(int) error: number;
}

export class MilestoneImportResultDto {
  @ApiProperty({ description: 'false for dryRun=true (and in the 422, which carries the same rows and summary)' }) applied: boolean;
  @ApiProperty({ type: [ImportRowDto] }) rows: ImportRowDto[];
  @ApiProperty({ type: ImportSummaryDto }) summary: ImportSummaryDto;
}
