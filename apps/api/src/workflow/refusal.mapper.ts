import { DomainException, domainError, type ErrorCode, type ErrorParam, FieldErrorInput, type LocalizedText } from '@qj/http';
import { isProjectStatus, PROJECT_STATUS_LABELS, type ProjectStatus } from '@qj/domain';
import { projectWorkflow, type ApprovalRefusalCode, type Refusal } from '@qj/workflow';

function evidenceLabel(field: string): LocalizedText {
  const label = (projectWorkflow.evidenceLabels as Record<string, { zh: string; en?: string }> | undefined)?.[field];
  return { zh: label?.zh ?? field, en: label?.en ?? field };
}

function statusLabel(state: string | null): LocalizedText {
  return state && isProjectStatus(state) ? PROJECT_STATUS_LABELS[state] : { zh: String(state), en: String(state) };
}

const joined = (texts: LocalizedText[]): LocalizedText => ({ zh: texts.map((t) => t.zh).join('、'), en: texts.map((t) => t.en).join(', ') });

/** The catalogue code and params of each refusal of the workflow engine. */
function codeOf(refusal: Refusal<ProjectStatus>): [ErrorCode, Record<string, ErrorParam>] {
  switch (refusal.code) {
    case 'version_conflict':
      return ['version_conflict', { subject: { zh: '项目', en: 'project' } }];
    case 'unknown_state':
      return ['unknown_state', { state: refusal.requestedState ?? refusal.currentState }];
    case 'terminal_state':
      return ['terminal_state', { state: statusLabel(refusal.currentState) }];
    case 'transition_not_allowed':
      return ['transition_not_allowed', { from: statusLabel(refusal.currentState), to: statusLabel(refusal.requestedState) }];
    case 'evidence_missing':
      return ['evidence_missing', { fields: joined(refusal.missingEvidence.map(evidenceLabel)) }];
    case 'guard_failed':
      // A guard's detail names milestones in the plan's words (Chinese in both languages).
      return ['guard_failed', { details: refusal.failedGuards.map((guard) => guard.detail).join('；') }];
    default:
      return [refusal.code, {}];
  }
}

/**
 * A workflow refusal as problem details: 409 with the current stage and what is allowed now, 422 naming
 * the failed guards and each missing evidence field, 403 for who may not.
 */
export function refusalToException(refusal: Refusal<ProjectStatus>): DomainException {
  const errors: FieldErrorInput[] = [
    ...refusal.missingEvidence.map((field) => {
      const label = evidenceLabel(field);
      return { field: `evidence.${field}`, message: { zh: `缺少${label.zh}（evidence.${field}）`, en: `${label.en} is missing (evidence.${field})` } };
    }),
    ...(refusal.code === 'reason_required' ? [{ field: 'reason', message: { zh: '请填写原因（reason）', en: 'Give a reason (reason)' } }] : []),
  ];
  const [code, params] = codeOf(refusal);
  return new DomainException(code, params, {
    extensions: {
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
    errors: errors.length ? errors : undefined,
  });
}

/** Why a request cannot be approved by this user (the approval policy's codes are catalogue codes). */
export function approvalRefusal(code: ApprovalRefusalCode, transitionId: string): DomainException {
  return code === 'unknown_transition' ? domainError('unknown_transition', { transitionId }) : new DomainException(code);
}
