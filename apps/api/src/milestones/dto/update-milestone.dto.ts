import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, MAX_INT32, Trim } from '@qj/http';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

/** A milestone update. `null` clears a date; an absent field is left as it is. */
export class UpdateMilestoneDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_INT32, description: 'the milestone version the client saw (or send If-Match)' })
  @IsOptional()
  @IsInt({ message: 'version 必须是正整数' })
  @Min(1, { message: 'version 必须是正整数' })
  @Max(MAX_INT32, { message: 'version 必须是正整数' })
  version?: number;

  @ApiPropertyOptional({ description: '预计完成日期 YYYY-MM-DD', nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsCalendarDate({ message: 'forecastDate 必须是有效日期，格式 YYYY-MM-DD' })
  forecastDate?: string | null;

  @ApiPropertyOptional({ description: '实际完成日期 YYYY-MM-DD (not in the future); setting it marks the milestone done', nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsCalendarDate({ message: 'actualDate 必须是有效日期，格式 YYYY-MM-DD' })
  actualDate?: string | null;

  @ApiPropertyOptional({ description: '基线日期 YYYY-MM-DD: re-baselining, by a reviewer only' })
  @IsOptional()
  @IsCalendarDate({ message: 'baselineDate 必须是有效日期，格式 YYYY-MM-DD' })
  baselineDate?: string;

  @ApiPropertyOptional({ description: 'what changed and why' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'comment 必须是文字' })
  @MaxLength(2000, { message: 'comment 不能超过 2000 个字符' })
  comment?: string;
}

export class RebaselineRequestDto {
  @ApiProperty({ description: '拟调整的基线日期 YYYY-MM-DD' })
  @IsCalendarDate({ message: 'baselineDate 必须是有效日期，格式 YYYY-MM-DD' })
  baselineDate: string;

  @ApiProperty({ description: '调整原因' })
  @Trim()
  @IsString({ message: 'reason 必须是文字' })
  @MinLength(1, { message: 'reason 不能为空' })
  @MaxLength(2000, { message: 'reason 不能超过 2000 个字符' })
  reason: string;
}

/** Marking a milestone 不适用 (not applicable to this project): its owner says why. */
export class MarkNotApplicableDto {
  @ApiProperty({ type: 'integer', description: 'the milestone version the client saw', minimum: 1, maximum: MAX_INT32 })
  @IsInt({ message: 'version 必须是整数' })
  @Min(1, { message: 'version 必须是正整数' })
  @Max(MAX_INT32, { message: 'version 必须是正整数' })
  version: number;

  @ApiProperty({ description: '不适用的原因（如：本项目为改扩建，无需单独立项）' })
  @Trim()
  @IsString({ message: 'reason 必须是文字' })
  @MinLength(1, { message: '请填写不适用的原因（reason）' })
  @MaxLength(500, { message: 'reason 不能超过 500 个字符' })
  reason: string;
}

/** Reopening a milestone marked 不适用: it is pending again. */
export class MarkApplicableDto {
  @ApiProperty({ type: 'integer', description: 'the milestone version the client saw', minimum: 1, maximum: MAX_INT32 })
  @IsInt({ message: 'version 必须是整数' })
  @Min(1, { message: 'version 必须是正整数' })
  @Max(MAX_INT32, { message: 'version 必须是正整数' })
  version: number;

  @ApiPropertyOptional({ description: 'why it applies after all' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'comment 必须是文字' })
  @MaxLength(2000, { message: 'comment 不能超过 2000 个字符' })
  comment?: string;
}
