import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { say } from '@qj/http';

export class MilestoneTemplateQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'reviewers and admins: one unit’s milestones (owners always get their own unit’s)' })
  @IsOptional()
  @IsUUID('all', say('unitId 必须是单位编号（UUID）', 'unitId must be a unit id (UUID)'))
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'one project’s milestones' })
  @IsOptional()
  @IsUUID('all', say('projectId 必须是项目编号（UUID）', 'projectId must be a project id (UUID)'))
  projectId?: string;
}

export class MilestoneImportQueryDto {
  @ApiPropertyOptional({ description: 'true: validate and preview only, change nothing' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean(say('dryRun 必须是 true 或 false', 'dryRun must be true or false'))
  dryRun?: boolean;
}
