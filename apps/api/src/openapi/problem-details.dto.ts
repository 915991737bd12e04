import { ERRORS, type ErrorCode } from '@qj/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One invalid field: a dotted path (`evidence.approvalDate`, `rows[3].forecastDate`), or `body`, `file`, `path`, `url`, `token`. */
export class FieldErrorDto {
  @ApiProperty({ example: 'evidence.approvalDate' }) field: string;
  @ApiProperty({ example: '缺少批复日期（evidence.approvalDate）' }) message: string;
}

/** A guard of the workflow that refused a transition, with the milestones it misses. */
export class FailedGuardDto {
  @ApiProperty({ example: 'milestonesSettled' }) guard: string;
  @ApiProperty() detail: string;
  @ApiProperty({ type: [String], description: 'milestone codes' }) missing: string[];
}

/** A transition allowed now, as a 409 lists it. */
export class AllowedNowDto {
  @ApiProperty({ example: 'begin_construction' }) transitionId: string;
  @ApiProperty({ example: 'start' }) to: string;
  @ApiProperty({ example: '开工' }) name: string;
  @ApiProperty() canRequest: boolean;
  @ApiProperty({ type: [String] }) requiredEvidence: string[];
  @ApiProperty() requiresReason: boolean;
}

/**
 * RFC 9457 problem details (`application/problem+json`), the one shape of every 4xx and 5xx. Refusals add extension
 * members that belong to them (listed here as optional; others may appear, so clients must ignore unknown members).
 */
export class ProblemDetailsDto {
  @ApiProperty({ format: 'uri', example: 'https://qijiang-tracker.local/problems/validation-failed' }) type: string;
  @ApiProperty({ example: '请求无效' }) title: string;
  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 400 }) status: number;
  @ApiProperty({ example: '请求参数有误：version' }) detail: string;
  @ApiPropertyOptional({ description: 'the request path', example: '/api/milestones/6b0c…' }) instance?: string;
  @ApiPropertyOptional({
    description: 'machine-readable code of the refusal (the error catalogue: each code has one HTTP status and a message per language)',
    enum: Object.keys(ERRORS),
    enumName: 'ErrorCode',
    example: 'version_conflict',
  })
  code?: ErrorCode;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'one entry per invalid field' }) errors?: FieldErrorDto[];
  @ApiPropertyOptional({ format: 'uuid', description: '500 only: the id under which the error is in the log' }) errorId?: string;
  @ApiPropertyOptional({ type: 'integer', description: '429: seconds to wait (also the Retry-After header)' }) retryAfterSeconds?: number;
  @ApiPropertyOptional({ description: 'workflow refusals (409/422): the project’s stage now' }) currentStage?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'workflow refusals: the stage before on_hold' }) previousStage?: string | null;
  @ApiPropertyOptional({ type: [AllowedNowDto], description: 'workflow refusals: the transitions allowed now' }) allowed?: AllowedNowDto[];
  @ApiPropertyOptional({ type: [FailedGuardDto], description: 'guard_failed (422)' }) failedGuards?: FailedGuardDto[];
  @ApiPropertyOptional({ type: [String], description: 'evidence_missing (422): the evidence fields missing' }) missingEvidence?: string[];
  @ApiPropertyOptional({ type: 'integer', description: 'version_conflict (409) on a project: its version now' }) currentVersion?: number;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'version_conflict (409) on a milestone: the milestone as it is now' })
  current?: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'request_already_decided (409): approved, rejected or withdrawn' }) requestStatus?: string;
  @ApiPropertyOptional({ description: 'outside_unit (403): the permission refused', example: 'milestone.update' }) action?: string;
  @ApiPropertyOptional({ type: [String], description: 'not_ready (503): the services that did not answer' }) failed?: string[];
  @ApiPropertyOptional({ format: 'uuid', description: 'project_code_taken (409): the project that has the code; outside_unit (403): the project' })
  projectId?: string;
  @ApiPropertyOptional({ description: 'project_code_taken (409): the name of the project that has the code' }) projectName?: string;
  @ApiPropertyOptional({ description: 'project_code_taken (409): the 项目代码 asked for' }) projectCode?: string;
  @ApiPropertyOptional({ description: 'approval_on_checklist (422): the route that records the approval', example: '/api/approvals/{id}' }) route?: string;
}
