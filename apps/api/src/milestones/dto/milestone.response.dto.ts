import { ApiProperty } from '@nestjs/swagger';
import { MILESTONE_STATUSES } from '@qj/domain';
import { calendarDate, dateTime, int, stage } from '../../catalog/dto/project.response.dto';
import { requestStatus } from '../../workflow/dto/workflow.response.dto';

/** A milestone with its three dates (基线, 预计, 实际). */
export class MilestoneDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ example: 'construction_permit' }) code: string;
  @ApiProperty({ example: '施工许可' }) name: string;
  @ApiProperty(stage) stage: string;
  @ApiProperty(int) sortOrder: number;
  @ApiProperty({ description: 'the milestone that realises the 2030 target (never 不适用)' }) realisesTarget: boolean;
  @ApiProperty({ ...calendarDate, nullable: true }) baselineDate: string | null;
  @ApiProperty({ ...calendarDate, nullable: true }) forecastDate: string | null;
  @ApiProperty({ ...calendarDate, nullable: true }) actualDate: string | null;
  @ApiProperty({ enum: MILESTONE_STATUSES, enumName: 'MilestoneStatus', description: 'not_applicable: 不适用, settled by its owner with a reason' })
  status: string;
  @ApiProperty({ type: String, nullable: true }) notApplicableReason: string | null;
  @ApiProperty({
    enum: ['milestone', 'approval'],
    enumName: 'MilestoneKind',
    description: 'approval: a 前期手续 (GET /api/projects/:id/approvals shows its document)',
  })
  kind: string;
  @ApiProperty(int) version: number;
  @ApiProperty(dateTime) updatedAt: string;
}

/** A milestone as a project's list shows it: with its days overdue today (0 unless overdue; see libs/domain/src/rules.ts). */
export class ListedMilestoneDto extends MilestoneDto {
  @ApiProperty(int) overdueDays: number;
}

export class MilestoneListDto {
  @ApiProperty({ type: [ListedMilestoneDto] }) items: ListedMilestoneDto[];
}

/** PATCH /api/milestones/:id: the milestone as it now is, and whether it is overdue today. */
export class UpdatedMilestoneDto extends MilestoneDto {
  @ApiProperty() overdue: boolean;
}

export class RebaselineRequestViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) milestoneId: string;
  @ApiProperty() milestoneName: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() projectName: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ ...calendarDate, nullable: true }) currentBaseline: string | null;
  @ApiProperty(calendarDate) proposedBaseline: string;
  @ApiProperty() reason: string;
  @ApiProperty(requestStatus) status: string;
  @ApiProperty({ format: 'uuid' }) requestedBy: string;
  @ApiProperty() requestedByName: string;
  @ApiProperty(dateTime) requestedAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) decidedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedByName: string | null;
  @ApiProperty({ ...dateTime, nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionComment: string | null;
}

export class RebaselineRequestPageDto {
  @ApiProperty({ type: [RebaselineRequestViewDto] }) items: RebaselineRequestViewDto[];
  @ApiProperty(int) total: number;
}
