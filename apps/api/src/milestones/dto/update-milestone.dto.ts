import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, MAX_INT32, Trim, say } from '@qj/http';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

/** A milestone update. `null` clears a date; an absent field is left as it is. */
export class UpdateMilestoneDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_INT32, description: 'the milestone version the client saw (or send If-Match)' })
  @IsOptional()
  @IsInt(say('version 必须是正整数', 'version must be a positive integer'))
  @Min(1, say('version 必须是正整数', 'version must be a positive integer'))
  @Max(MAX_INT32, say('version 必须是正整数', 'version must be a positive integer'))
  version?: number;

  @ApiPropertyOptional({ description: '预计完成日期 YYYY-MM-DD', nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsCalendarDate(say('forecastDate 必须是有效日期，格式 YYYY-MM-DD', 'forecastDate must be a valid date such as 2026-03-31'))
  forecastDate?: string | null;

  @ApiPropertyOptional({ description: '实际完成日期 YYYY-MM-DD (not in the future); setting it marks the milestone done', nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsCalendarDate(say('actualDate 必须是有效日期，格式 YYYY-MM-DD', 'actualDate must be a valid date such as 2026-03-31'))
  actualDate?: string | null;

  @ApiPropertyOptional({ description: '基线日期 YYYY-MM-DD: re-baselining, by a reviewer only' })
  @IsOptional()
  @IsCalendarDate(say('baselineDate 必须是有效日期，格式 YYYY-MM-DD', 'baselineDate must be a valid date such as 2026-03-31'))
  baselineDate?: string;

  @ApiPropertyOptional({ description: 'what changed and why' })
  @IsOptional()
  @Trim()
  @IsString(say('comment 必须是文字', 'comment must be text'))
  @MaxLength(2000, say('comment 不能超过 2000 个字符', 'comment may not exceed 2000 characters'))
  comment?: string;
}

export class RebaselineRequestDto {
  @ApiProperty({ description: '拟调整的基线日期 YYYY-MM-DD' })
  @IsCalendarDate(say('baselineDate 必须是有效日期，格式 YYYY-MM-DD', 'baselineDate must be a valid date such as 2026-03-31'))
  baselineDate: string;

  @ApiProperty({ description: '调整原因' })
  @Trim()
  @IsString(say('reason 必须是文字', 'reason must be text'))
  @MinLength(1, say('reason 不能为空', 'reason may not be empty'))
  @MaxLength(2000, say('reason 不能超过 2000 个字符', 'reason may not exceed 2000 characters'))
  reason: string;
}

/** Marking a milestone 不适用 (not applicable to this project): its owner says why. */
export class MarkNotApplicableDto {
  @ApiProperty({ type: 'integer', description: 'the milestone version the client saw', minimum: 1, maximum: MAX_INT32 })
  @IsInt(say('version 必须是整数', 'version must be an integer'))
  @Min(1, say('version 必须是正整数', 'version must be a positive integer'))
  @Max(MAX_INT32, say('version 必须是正整数', 'version must be a positive integer'))
  version: number;

  @ApiProperty({ description: '不适用的原因（如：本项目为改扩建，无需单独立项）' })
  @Trim()
  @IsString(say('reason 必须是文字', 'reason must be text'))
  @MinLength(1, say('请填写不适用的原因（reason）', 'Please give the reason it does not apply (reason)'))
  @MaxLength(500, say('reason 不能超过 500 个字符', 'reason may not exceed 500 characters'))
  reason: string;
}

/** Reopening a milestone marked 不适用: it is pending again. */
export class MarkApplicableDto {
  @ApiProperty({ type: 'integer', description: 'the milestone version the client saw', minimum: 1, maximum: MAX_INT32 })
  @IsInt(say('version 必须是整数', 'version must be an integer'))
  @Min(1, say('version 必须是正整数', 'version must be a positive integer'))
  @Max(MAX_INT32, say('version 必须是正整数', 'version must be a positive integer'))
  version: number;

  @ApiPropertyOptional({ description: 'why it applies after all' })
  @IsOptional()
  @Trim()
  @IsString(say('comment 必须是文字', 'comment must be text'))
  @MaxLength(2000, say('comment 不能超过 2000 个字符', 'comment may not exceed 2000 characters'))
  comment?: string;
}
