import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { APPROVAL_STATUSES, type ApprovalStatus } from '@qj/domain';
import { IsCalendarDate, MAX_INT32, say, Trim } from '@qj/http';
import { PREWORK_DIMENSIONS, type PreworkDimension } from '@qj/persistence';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { calendarDate, dateTime, int, stage } from '../../catalog/dto/project.response.dto';
import { FileIds } from '../../files/dto/file-ids.dto';
import { FileRefDto } from '../../files/dto/file.response.dto';

const approvalStatus = { enum: APPROVAL_STATUSES, enumName: 'ApprovalStatus' } as const;
const rate = {
  type: Number,
  nullable: true,
  example: 66.67,
  description: '前期手续办结率 = done ÷ (required − notApplicable) × 100, two decimals; null when nothing is left to require',
} as const;
const oneOf = (field: string, values: readonly string[]) =>
  say(`${field} 必须是以下之一：${values.join('、')}`, `${field} must be one of: ${values.join(', ')}`);

/**
 * PATCH /api/approvals/:id: the approval's new state. 已办结 needs its document number and date; 不适用 its reason;
 * 未启动 and 办理中 clear them. The approving department comes from the catalogue and is not edited here.
 */
export class UpdateApprovalDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_INT32, description: 'the approval version the client saw' })
  @IsInt(say('version 必须是正整数', 'version must be a positive integer'))
  @Min(1, say('version 必须是正整数', 'version must be a positive integer'))
  @Max(MAX_INT32, say('version 必须是正整数', 'version must be a positive integer'))
  version: number;

  @ApiProperty({ ...approvalStatus, description: 'not_started 未启动, in_progress 办理中, done 已办结, not_applicable 不适用' })
  @IsIn(APPROVAL_STATUSES, oneOf('status', APPROVAL_STATUSES))
  status: ApprovalStatus;

  @ApiPropertyOptional({ description: '批复文号 (required for done)', example: '綦江发改投〔2026〕12号' })
  @ValidateIf((o: UpdateApprovalDto) => o.status === 'done' || o.documentNo !== undefined)
  @Trim()
  @IsString(say('已办结须填写批复文号（documentNo）', 'A done approval needs its document number (documentNo)'))
  @MinLength(1, say('已办结须填写批复文号（documentNo）', 'A done approval needs its document number (documentNo)'))
  @MaxLength(200, say('documentNo 不能超过 200 个字符', 'documentNo may not exceed 200 characters'))
  documentNo?: string;

  @ApiPropertyOptional({ ...calendarDate, description: '批复日期 YYYY-MM-DD, not after today (required for done)' })
  @ValidateIf((o: UpdateApprovalDto) => o.status === 'done' || o.documentDate !== undefined)
  @IsCalendarDate(say('已办结须填写批复日期（documentDate），格式 YYYY-MM-DD', 'A done approval needs its document date (documentDate) such as 2026-03-31'))
  documentDate?: string;

  @ApiPropertyOptional({ description: '不适用的原因 (required for not_applicable)' })
  @ValidateIf((o: UpdateApprovalDto) => o.status === 'not_applicable' || o.reason !== undefined)
  @Trim()
  @IsString(say('标记不适用须说明原因（reason）', 'Marking an approval not applicable needs a reason'))
  @MinLength(1, say('标记不适用须说明原因（reason）', 'Marking an approval not applicable needs a reason'))
  @MaxLength(2000, say('reason 不能超过 2000 个字符', 'reason may not exceed 2000 characters'))
  reason?: string;

  @FileIds('the approval’s files (the 批复 scan), the whole list: files left out are detached; omitted: the files stay as they are')
  fileIds?: string[];
}

export class PreworkSummaryQueryDto {
  @ApiPropertyOptional({ enum: PREWORK_DIMENSIONS, enumName: 'PreworkDimension', default: 'district' })
  @IsOptional()
  @IsIn(PREWORK_DIMENSIONS, oneOf('by', PREWORK_DIMENSIONS))
  by: PreworkDimension = 'district';
}

/** One approval (要件) of a project's checklist. */
export class ApprovalDto {
  @ApiProperty({ format: 'uuid', description: 'the milestone id: the milestone routes (dates, re-baselining) serve it too' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ example: 'eia' }) code: string;
  @ApiProperty({ example: '环评批复' }) name: string;
  @ApiProperty({ type: String, nullable: true, example: '区生态环境局', description: '审批部门' }) department: string | null;
  @ApiProperty({ ...stage, description: 'the stage the approval serves' }) stage: string;
  @ApiProperty(int) sortOrder: number;
  @ApiProperty({ type: String, nullable: true, example: 'assessments', description: 'approvals sharing a group may run in parallel (并联审批)' })
  parallelGroup: string | null;
  @ApiProperty(approvalStatus) status: string;
  @ApiProperty({ type: String, nullable: true, description: '批复文号' }) documentNo: string | null;
  @ApiProperty({ ...calendarDate, nullable: true, description: '批复日期 (the milestone’s actual date)' }) documentDate: string | null;
  @ApiProperty({ type: String, nullable: true }) notApplicableReason: string | null;
  @ApiProperty({ ...calendarDate, nullable: true }) baselineDate: string | null;
  @ApiProperty({ ...calendarDate, nullable: true }) forecastDate: string | null;
  @ApiProperty({ description: 'realises the 2030 target (never 不适用)' }) realisesTarget: boolean;
  @ApiProperty(int) version: number;
  @ApiProperty(dateTime) updatedAt: string;
  @ApiProperty({ type: [FileRefDto], description: 'files attached (the 批复 scan), in upload order' }) files: FileRefDto[];
}

export class ProjectTypeDto {
  @ApiProperty({ example: 'government_infrastructure' }) code: string;
  @ApiProperty({ example: '政府投资基础设施' }) label: string;
}

export class ApprovalCountsDto {
  @ApiProperty(int) required: number;
  @ApiProperty(int) done: number;
  @ApiProperty(int) notApplicable: number;
  @ApiProperty(rate) rate: number | null;
}

/** GET /api/projects/:id/approvals: the checklist in path order, with the project's type and its 办结率. */
export class ProjectApprovalsDto {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ type: ProjectTypeDto, nullable: true }) projectType: ProjectTypeDto | null;
  @ApiProperty({ type: ApprovalCountsDto }) counts: ApprovalCountsDto;
  @ApiProperty({ type: [ApprovalDto] }) items: ApprovalDto[];
}

export class PreworkSummaryItemDto extends ApprovalCountsDto {
  @ApiProperty({ example: 'district', description: 'part/chapter/column number, sector code, unit code; district' }) key: string;
  @ApiProperty({ example: '全区' }) label: string;
  @ApiProperty({ ...int, description: 'projects in preparation counted' }) projects: number;
}

/** GET /api/prework/summary: 前期手续 of the projects in preparation (前期研究), by a dimension. */
export class PreworkSummaryDto {
  @ApiProperty({ enum: PREWORK_DIMENSIONS, enumName: 'PreworkDimension' }) by: string;
  @ApiProperty({ enum: ['district', 'unit'], description: 'district: every unit’s projects; unit: an owner’s own' }) scope: string;
  @ApiProperty({ type: [PreworkSummaryItemDto] }) items: PreworkSummaryItemDto[];
}
