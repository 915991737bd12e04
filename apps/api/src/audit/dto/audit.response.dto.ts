import { ApiProperty } from '@nestjs/swagger';
import { AUDIT_KIND_CODES } from '@qj/domain';
import { UnitRefDto } from '../../auth/dto/auth-responses.dto';
import { dateTime, int } from '../../catalog/dto/project.response.dto';

/** A name in both languages the console speaks. */
export class LabelTextDto {
  @ApiProperty({ example: '批准阶段转换' }) zh: string;
  @ApiProperty({ example: 'Stage change approved' }) en: string;
}

export class AuditProjectDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true, description: '项目代码, when known' }) code: string | null;
}

export class AuditActorDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for the system' }) id: string | null;
  @ApiProperty({ description: 'the name as it was when they acted' }) name: string;
}

/** One row of the operation log (操作日志). */
export class AuditLogItemDto {
  @ApiProperty({ description: 'the audit row id (bigint, as a string)' }) id: string;
  @ApiProperty(dateTime) at: string;
  @ApiProperty({ type: String, description: `the action code: one of ${AUDIT_KIND_CODES.join(', ')}, or another (labelled 其他变更)` }) kind: string;
  @ApiProperty({ type: LabelTextDto }) kindLabel: LabelTextDto;
  @ApiProperty({ type: AuditActorDto }) actor: AuditActorDto;
  @ApiProperty({
    type: UnitRefDto,
    nullable: true,
    description: "the project's unit; for an admin's change to a user or unit, that user's unit or the unit; for another row about no project, the actor's",
  })
  unit: UnitRefDto | null;
  @ApiProperty({ type: AuditProjectDto, nullable: true }) project: AuditProjectDto | null;
  @ApiProperty({ description: 'what happened, in one Chinese sentence (as in the project history); never a password' }) summary: string;
}

export class AuditLogPageDto {
  @ApiProperty({ type: [AuditLogItemDto], description: 'newest first' }) items: AuditLogItemDto[];
  @ApiProperty({ ...int, description: 'rows matching the filters' }) total: number;
  @ApiProperty(int) page: number;
  @ApiProperty(int) pageSize: number;
}

export class AuditKindDto {
  @ApiProperty({ enum: AUDIT_KIND_CODES, enumName: 'AuditKind' }) code: string;
  @ApiProperty({ type: LabelTextDto }) label: LabelTextDto;
}

export class AuditKindListDto {
  @ApiProperty({ type: [AuditKindDto] }) items: AuditKindDto[];
}

/** Someone who appears in the log, as they are named now. */
export class AuditActorOptionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() username: string;
  @ApiProperty({ type: UnitRefDto, nullable: true }) unit: UnitRefDto | null;
}

export class AuditActorListDto {
  @ApiProperty({ type: [AuditActorOptionDto] }) items: AuditActorOptionDto[];
}
