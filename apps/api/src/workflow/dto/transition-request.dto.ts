import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROJECT_STATUSES } from '@qj/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { IsCalendarDate, MAX_INT32, Trim, say } from '@qj/http';
import { FileIds } from '../../files/dto/file-ids.dto';

/** Evidence filed with a stage change (dates are Asia/Shanghai calendar dates). Which fields are required depends on the transition. */
export class EvidenceDto {
  @ApiPropertyOptional({ description: '批复文号' })
  @IsOptional()
  @Trim()
  @IsString(say('evidence.approvalDocNo 必须是文字', 'evidence.approvalDocNo must be text'))
  @MinLength(1, say('evidence.approvalDocNo 不能为空', 'evidence.approvalDocNo may not be empty'))
  @MaxLength(200)
  approvalDocNo?: string;

  @ApiPropertyOptional({ description: '批复日期 YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDate(say('evidence.approvalDate 必须是有效日期，格式 YYYY-MM-DD', 'evidence.approvalDate must be a valid date such as 2026-03-31'))
  approvalDate?: string;

  @ApiPropertyOptional({ description: '施工许可证号' })
  @IsOptional()
  @Trim()
  @IsString(say('evidence.constructionPermitNo 必须是文字', 'evidence.constructionPermitNo must be text'))
  @MinLength(1, say('evidence.constructionPermitNo 不能为空', 'evidence.constructionPermitNo may not be empty'))
  @MaxLength(200)
  constructionPermitNo?: string;

  @ApiPropertyOptional({ description: '施工许可日期 YYYY-MM-DD: marks 施工许可 done on this date when it is still open' })
  @IsOptional()
  @IsCalendarDate(
    say('evidence.constructionPermitDate 必须是有效日期，格式 YYYY-MM-DD', 'evidence.constructionPermitDate must be a valid date such as 2026-03-31'),
  )
  constructionPermitDate?: string;

  @ApiPropertyOptional({ description: '实际开工日期 YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDate(say('evidence.actualStartDate 必须是有效日期，格式 YYYY-MM-DD', 'evidence.actualStartDate must be a valid date such as 2026-03-31'))
  actualStartDate?: string;

  @ApiPropertyOptional({ description: '竣工验收日期 YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDate(say('evidence.acceptanceDate 必须是有效日期，格式 YYYY-MM-DD', 'evidence.acceptanceDate must be a valid date such as 2026-03-31'))
  acceptanceDate?: string;

  @ApiPropertyOptional({ description: '投入使用日期 YYYY-MM-DD (the acceptance date when absent)' })
  @IsOptional()
  @IsCalendarDate(say('evidence.inServiceDate 必须是有效日期，格式 YYYY-MM-DD', 'evidence.inServiceDate must be a valid date such as 2026-03-31'))
  inServiceDate?: string;
}

const TO_MESSAGE = say(`to 必须是以下之一：${PROJECT_STATUSES.join('、')}`, `to must be one of: ${PROJECT_STATUSES.join(', ')}`);

export class CreateTransitionRequestDto {
  @ApiProperty({ enum: PROJECT_STATUSES, description: 'the stage asked for' })
  @IsIn(PROJECT_STATUSES, TO_MESSAGE)
  to: string;

  @ApiPropertyOptional({ type: EvidenceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EvidenceDto)
  evidence?: EvidenceDto;

  @ApiPropertyOptional({ description: 'required for on_hold and cancelled' })
  @IsOptional()
  @Trim()
  @IsString(say('reason 必须是文字', 'reason must be text'))
  @MaxLength(2000, say('reason 不能超过 2000 个字符', 'reason may not exceed 2000 characters'))
  reason?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString(say('comment 必须是文字', 'comment must be text'))
  @MaxLength(2000, say('comment 不能超过 2000 个字符', 'comment may not exceed 2000 characters'))
  comment?: string;

  @FileIds('evidence files (the scanned 批复, the permit) uploaded with POST /api/files')
  fileIds?: string[];

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_INT32, description: 'the project version the owner saw; a newer one gives 409' })
  @IsOptional()
  @IsInt(say('version 必须是正整数', 'version must be a positive integer'))
  @Min(1, say('version 必须是正整数', 'version must be a positive integer'))
  @Max(MAX_INT32, say('version 必须是正整数', 'version must be a positive integer'))
  version?: number;
}

export class DecisionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString(say('comment 必须是文字', 'comment must be text'))
  @MaxLength(2000, say('comment 不能超过 2000 个字符', 'comment may not exceed 2000 characters'))
  comment?: string;
}

export class OverrideDto {
  @ApiProperty({ enum: PROJECT_STATUSES })
  @IsIn(PROJECT_STATUSES, TO_MESSAGE)
  to: string;

  @ApiProperty({ description: 'why the workflow is bypassed; recorded in the history' })
  @Trim()
  @IsString(say('reason 必须是文字', 'reason must be text'))
  @MinLength(1, say('reason 不能为空', 'reason may not be empty'))
  @MaxLength(2000)
  reason: string;
}

export class ListTransitionRequestsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "one project's requests" })
  @IsOptional()
  @IsUUID('all', say('projectId 必须是项目编号（UUID）', 'projectId must be a project id (UUID)'))
  projectId?: string;

  @ApiPropertyOptional({ enum: ['pending', 'approved', 'rejected'] })
  @IsOptional()
  @IsIn(['pending', 'approved', 'rejected'], say('status 必须是以下之一：pending、approved、rejected', 'status must be one of: pending, approved, rejected'))
  status?: string;

  @ApiPropertyOptional({ type: 'integer', default: 1, minimum: 1, maximum: 1_000_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt(say('page 必须是正整数', 'page must be a positive integer'))
  @Min(1, say('page 必须是正整数', 'page must be a positive integer'))
  @Max(1_000_000, say('page 不能大于 1000000', 'page may not be greater than 1000000'))
  page = 1;

  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt(say('pageSize 必须是 1–200 之间的整数', 'pageSize must be an integer from 1 to 200'))
  @Min(1, say('pageSize 必须是 1–200 之间的整数', 'pageSize must be an integer from 1 to 200'))
  @Max(200, say('pageSize 必须是 1–200 之间的整数', 'pageSize must be an integer from 1 to 200'))
  pageSize = 50;
}

export class ReassignUnitDto {
  @ApiProperty({ format: 'uuid', description: 'the new responsible unit (责任单位)' })
  @IsUUID('all', say('unitId 必须是单位编号（UUID）', 'unitId must be a unit id (UUID)'))
  unitId: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_INT32, description: 'the project version the admin saw' })
  @IsInt(say('version 必须是正整数', 'version must be a positive integer'))
  @Min(1, say('version 必须是正整数', 'version must be a positive integer'))
  @Max(MAX_INT32, say('version 必须是正整数', 'version must be a positive integer'))
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString(say('comment 必须是文字', 'comment must be text'))
  @MaxLength(2000, say('comment 不能超过 2000 个字符', 'comment may not exceed 2000 characters'))
  comment?: string;
}
