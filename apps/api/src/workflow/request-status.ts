import { domainError } from '@qj/http';

const REQUEST_STATUS_LABELS = {
  pending: { zh: '待审批', en: 'pending' },
  approved: { zh: '已批准', en: 'approved' },
  rejected: { zh: '已驳回', en: 'rejected' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
} as const;

/** 409 unless the request is still pending: a decided or withdrawn request is history. */
export function assertPending(request: { status: keyof typeof REQUEST_STATUS_LABELS; decidedByName?: string | null; decidedAt?: Date | null }): void {
  if (request.status === 'pending') return;
  throw domainError(
    'request_already_decided',
    { status: REQUEST_STATUS_LABELS[request.status] },
    { extensions: { requestStatus: request.status, decidedBy: request.decidedByName ?? null, decidedAt: request.decidedAt ?? null } },
  );
}
