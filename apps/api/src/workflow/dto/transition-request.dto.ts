import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROJECT_STATUSES } from '@qj/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { IsCalendarDate, MAX_INT32, Trim } from '@qj/http';

/** Evidence filed with a stage change (dates are Asia/Shanghai calendar dates). Which fields are required depends on the transition. */
export class EvidenceDto {
  @ApiPropertyOptional({ description: '批复文号' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'evidence.approvalDocNo 必须是文字' })
  @MinLength(1, { message: 'evidence.approvalDocNo 不能为空' })
  @MaxLength(200)
  approvalDocNo?: string;

  @ApiPropertyOptional({ description: '批复日期 YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDate({ message: 'evidence.approvalDate 必须是有效日期，格式 YYYY-MM-DD' })
  approvalDate?: string;

  @ApiPropertyOptional({ description: '施工许可证号' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'evidence.constructionPermitNo 必须是文字' })
  @MinLength(1, { message: 'evidence.constructionPermitNo 不能为空' })
  @MaxLength(200)
  constructionPermitNo?: string;

  @ApiPropertyOptional({ description: '施工许可日期 YYYY-MM-DD: marks 施工许可 done on this date when it is still open' })
  @IsOptional()
  @IsCalendarDate({ message: 'evidence.constructionPermitDate 必须是有效日期，格式 YYYY-MM-DD' })
  constructionPermitDate?: string;

  @ApiPropertyOptional({ description: '实际开工日期 YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDate({ message: 'evidence.actualStartDate 必须是有效日期，格式 YYYY-MM-DD' })
  actualStartDate?: string;

  @ApiPropertyOptional({ description: '竣工验收日期 YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDate({ message: 'evidence.acceptanceDate 必须是有效日期，格式 YYYY-MM-DD' })
  acceptanceDate?: string;

  @ApiPropertyOptional({ description: '投入使用日期 YYYY-MM-DD (the acceptance date when absent)' })
  @IsOptional()
  @IsCalendarDate({ message: 'evidence.inServiceDate 必须是有效日期，格式 YYYY-MM-DD' })
  inServiceDate?: string;
}

export class CreateTransitionRequestDto {
  @ApiProperty({ enum: PROJECT_STATUSES, description: 'the stage asked for' })
  @IsIn(PROJECT_STATUSES, { message: `to 必须是以下之一：${PROJECT_STATUSES.join('、')}` })
  to: string;

  @ApiPropertyOptional({ type: EvidenceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EvidenceDto)
  evidence?: EvidenceDto;

  @ApiPropertyOptional({ description: 'required for on_hold and cancelled' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'reason 必须是文字' })
  @MaxLength(2000, { message: 'reason 不能超过 2000 个字符' })
  reason?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString({ message: 'comment 必须是文字' })
  @MaxLength(2000, { message: 'comment 不能超过 2000 个字符' })
  comment?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_INT32, description: 'the project version the owner saw; a newer one gives 409' })
  @IsOptional()
  @IsInt({ message: 'version 必须是正整数' })
  @Min(1, { message: 'version 必须是正整数' })
  @Max(MAX_INT32, { message: 'version 必须是正整数' })
  version?: number;
}

export class DecisionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString({ message: 'comment 必须是文字' })
  @MaxLength(2000, { message: 'comment 不能超过 2000 个字符' })
  comment?: string;
}

export class OverrideDto {
  @ApiProperty({ enum: PROJECT_STATUSES })
  @IsIn(PROJECT_STATUSES, { message: `to 必须是以下之一：${PROJECT_STATUSES.join('、')}` })
  to: string;

  @ApiProperty({ description: 'why the workflow is bypassed; recorded in the history' })
  @Trim()
  @IsString({ message: 'reason 必须是文字' })
  @MinLength(1, { message: 'reason 不能为空' })
  @MaxLength(2000)
  reason: string;
}

export class ListTransitionRequestsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "one project's requests" })
  @IsOptional()
  @IsUUID('all', { message: 'projectId 必须是项目编号（UUID）' })
  projectId?: string;

  @ApiPropertyOptional({ enum: ['pending', 'approved', 'rejected'] })
  @IsOptional()
  @IsIn(['pending', 'approved', 'rejected'], { message: 'status 必须是以下之一：pending、approved、rejected' })
  status?: string;

  @ApiPropertyOptional({ type: 'integer', default: 1, minimum: 1, maximum: 1_000_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page 必须是正整数' })
  @Min(1, { message: 'page 必须是正整数' })
  @Max(1_000_000, { message: 'page 不能大于 1000000' })
  page = 1;

  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize 必须是 1–200 之间的整数' })
  @Min(1, { message: 'pageSize 必须是 1–200 之间的整数' })
  @Max(200, { message: 'pageSize 必须是 1–200 之间的整数' })
  pageSize = 50;
}

export class ReassignUnitDto {
  @ApiProperty({ format: 'uuid', description: 'the new responsible unit (责任单位)' })
  @IsUUID('all', { message: 'unitId 必须是单位编号（UUID）' })
  unitId: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_INT32, description: 'the project version the admin saw' })
  @IsInt({ message: 'version 必须是正整数' })
  @Min(1, { message: 'version 必须是正整数' })
  @Max(MAX_INT32, { message: 'version 必须是正整数' })
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString({ message: 'comment 必须是文字' })
  @MaxLength(2000, { message: 'comment 不能超过 2000 个字符' })
  comment?: string;
}
