import { FieldError, DomainException } from '@qj/http';
import type { ProjectStatus } from '@qj/domain';
import { projectWorkflow, type Refusal } from '@qj/workflow';

const STATUS_BY_CODE: Record<Refusal<ProjectStatus>['code'], number> = {
  unknown_state: 409,
  stale_version: 409,
  terminal_state: 409,
  transition_not_allowed: 409,
  approval_required: 409,
  forbidden: 403,
  own_request: 403,
  reason_required: 422,
  evidence_missing: 422,
  guard_failed: 422,
};

function evidenceLabel(field: string): string {
  return (projectWorkflow.evidenceLabels as Record<string, { zh: string }> | undefined)?.[field]?.zh ?? field;
}

/**
 * A workflow refusal as problem details: 409 with the current stage and what is allowed now, 422 naming
 * the failed guards and each missing evidence field, 403 for who may not.
 */
export function refusalToException(refusal: Refusal<ProjectStatus>): DomainException {
  const errors: FieldError[] = [
    ...refusal.missingEvidence.map((field) => ({ field: `evidence.${field}`, message: `缺少${evidenceLabel(field)}（evidence.${field}）` })),
    ...(refusal.code === 'reason_required' ? [{ field: 'reason', message: '请填写原因（reason）' }] : []),
  ];
  return new DomainException(
    refusal.code,
    STATUS_BY_CODE[refusal.code],
    refusal.message,
    {
      currentStage: refusal.currentState,
      previousStage: refusal.previousState,
      allowed: refusal.allowed.map((transition) => ({
        transitionId: transition.transitionId,
        to: transition.to,
        name: transition.name.zh,
        canRequest: transition.canRequest,
        requiredEvidence: transition.requiredEvidence,
        requiresReason: transition.requiresReason,
      })),
      failedGuards: refusal.failedGuards,
      missingEvidence: refusal.missingEvidence,
    },
    errors.length ? errors : undefined,
  );
}
