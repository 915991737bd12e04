import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';

export class MilestoneTemplateQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'reviewers and admins: one unit’s milestones (owners always get their own unit’s)' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId 必须是单位编号（UUID）' })
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'one project’s milestones' })
  @IsOptional()
  @IsUUID('all', { message: 'projectId 必须是项目编号（UUID）' })
  projectId?: string;
}

export class MilestoneImportQueryDto {
  @ApiPropertyOptional({ description: 'true: validate and preview only, change nothing' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'dryRun 必须是 true 或 false' })
  dryRun?: boolean;
}
