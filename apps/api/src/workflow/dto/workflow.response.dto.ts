import { FileRefDto } from '../../files/dto/file.response.dto';
import { ApiProperty } from '@nestjs/swagger';
import { PROJECT_STATUSES } from '@qj/domain';
import { USER_ROLES } from '@qj/persistence';
import { dateTime, int, projectStatus } from '../../catalog/dto/project.response.dto';

export const requestStatus = { enum: ['pending', 'approved', 'rejected', 'withdrawn'], enumName: 'RequestStatus' } as const;

export class TransitionRequestViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() projectName: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: 'begin_construction' }) transitionId: string;
  @ApiProperty({ ...int, description: 'the workflow version it was filed under, and is decided by' }) workflowVersion: number;
  @ApiProperty(projectStatus) fromStage: string;
  @ApiProperty(projectStatus) toStage: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'the evidence as filed (document numbers, YYYY-MM-DD dates)' })
  evidence: Record<string, string>;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty(requestStatus) status: string;
  @ApiProperty({ format: 'uuid' }) requestedBy: string;
  @ApiProperty() requestedByName: string;
  @ApiProperty(dateTime) requestedAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) decidedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedByName: string | null;
  @ApiProperty({ ...dateTime, nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionComment: string | null;
  @ApiProperty({ type: [FileRefDto], description: 'evidence files attached, in upload order' }) files: FileRefDto[];
}

export class TransitionRequestPageDto {
  @ApiProperty({ type: [TransitionRequestViewDto] }) items: TransitionRequestViewDto[];
  @ApiProperty(int) total: number;
}

export class LocalizedNameDto {
  @ApiProperty({ example: '开工' }) zh: string;
  @ApiProperty({ example: 'Begin construction' }) en: string;
}

/** One milestone of a guard's checklist, as it stands before the form. */
export class ChecklistItemDto {
  @ApiProperty({ description: 'milestone code' }) milestone: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['done', 'not_applicable', 'by_evidence', 'needs_evidence', 'pending', 'untracked'], enumName: 'ChecklistState' }) state: string;
  @ApiProperty({ type: [String], required: false, description: 'needs_evidence: the evidence date fields that complete it' }) evidence?: string[];
}

export class GuardStateDto {
  @ApiProperty({ example: 'milestonesSettled' }) guard: string;
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: String, nullable: true }) detail: string | null;
  @ApiProperty({ type: [ChecklistItemDto] }) checklist: ChecklistItemDto[];
}

export class AllowedTransitionDto {
  @ApiProperty({ example: 'begin_construction' }) transitionId: string;
  @ApiProperty({ type: LocalizedNameDto }) name: LocalizedNameDto;
  @ApiProperty(projectStatus) to: string;
  @ApiProperty({ description: 'the signed-in user may request it now' }) canRequest: boolean;
  @ApiProperty({ description: 'the signed-in user may approve such a request' }) canApprove: boolean;
  @ApiProperty() requiresApproval: boolean;
  @ApiProperty({ enum: USER_ROLES, enumName: 'Role', isArray: true }) approverRoles: string[];
  @ApiProperty({ type: [String], description: 'evidence fields the request must carry' }) requiredEvidence: string[];
  @ApiProperty() requiresReason: boolean;
  @ApiProperty({ type: [GuardStateDto], description: 'each guard with its checklist: what the owner reads first' }) guards: GuardStateDto[];
}

export class TransitionsDto {
  @ApiProperty(projectStatus) currentStage: string;
  @ApiProperty({ ...int, description: 'the project version' }) version: number;
  @ApiProperty({ ...int, description: 'the workflow version new requests are filed under' }) workflowVersion: number;
  @ApiProperty({ type: [AllowedTransitionDto] }) transitions: AllowedTransitionDto[];
  @ApiProperty({ ...projectStatus, isArray: true, description: 'admins: the stages an override may move to' }) overrideTargets: string[];
}

export class OverrideResultDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty(projectStatus) stage: string;
  @ApiProperty({ type: String, enum: PROJECT_STATUSES, nullable: true }) previousStage: string | null;
  @ApiProperty(int) version: number;
}

export class UnitReassignmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty(int) version: number;
}

/** One audited change: who, when, before and after. */
export class HistoryEventDto {
  @ApiProperty({ description: 'the audit row’s number (a bigint, as a string)' }) id: string;
  @ApiProperty(dateTime) at: string;
  @ApiProperty({ example: 'milestone' }) entityType: string;
  @ApiProperty() entityId: string;
  @ApiProperty({ example: 'milestone.updated' }) action: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId: string | null;
  @ApiProperty() actorName: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) before: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) after: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
}

export class HistoryDto {
  @ApiProperty({ type: [HistoryEventDto] }) items: HistoryEventDto[];
}
