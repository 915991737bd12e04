import { ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_KIND_CODES } from '@qj/domain';
import { IsCalendarDate, say } from '@qj/http';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

const intIn = (field: string, min: number, max: number) => say(`${field} 必须是 ${min}–${max} 之间的整数`, `${field} must be an integer from ${min} to ${max}`);

/** The operation log's filters (操作日志), shared by the page and its Excel export. Days are calendar days in APP_TIMEZONE, inclusive. */
export class AuditFilterDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'the unit (责任单位): rows about its projects, admins’ changes to it and to its users, and other rows about no project by its users',
  })
  @IsOptional()
  @IsUUID('all', say('unitId 必须是单位编号（UUID）', 'unitId must be a unit id (UUID)'))
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the user who acted' })
  @IsOptional()
  @IsUUID('all', say('userId 必须是用户编号（UUID）', 'userId must be a user id (UUID)'))
  userId?: string;

  @ApiPropertyOptional({ enum: AUDIT_KIND_CODES, enumName: 'AuditKind', description: 'the kind of change (GET /api/audit/kinds names each)' })
  @IsOptional()
  @IsIn(AUDIT_KIND_CODES, say('kind 不是已知的操作类型（见 GET /api/audit/kinds）', 'kind is not a known kind of change (see GET /api/audit/kinds)'))
  kind?: string;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-11-01', description: 'from this day (inclusive)' })
  @IsOptional()
  @IsCalendarDate(say('from 必须是有效日期，格式 YYYY-MM-DD', 'from must be a valid date such as 2026-11-01'))
  from?: string;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-11-30', description: 'to this day (inclusive); not before from' })
  @IsOptional()
  @IsCalendarDate(say('to 必须是有效日期，格式 YYYY-MM-DD', 'to must be a valid date such as 2026-11-30'))
  to?: string;
}

export class AuditQueryDto extends AuditFilterDto {
  @ApiPropertyOptional({ type: 'integer', default: 1, minimum: 1, maximum: 100_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt(intIn('page', 1, 100_000))
  @Min(1, intIn('page', 1, 100_000))
  @Max(100_000, intIn('page', 1, 100_000))
  page = 1;

  @ApiPropertyOptional({ type: 'integer', default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt(intIn('pageSize', 1, 100))
  @Min(1, intIn('pageSize', 1, 100))
  @Max(100, intIn('pageSize', 1, 100))
  pageSize = 20;
}
