import { DomainException } from '@qj/http';

const REQUEST_STATUS_LABELS = { pending: '待审批', approved: '已批准', rejected: '已驳回', withdrawn: '已撤回' } as const;

/** 409 unless the request is still pending: a decided or withdrawn request is history. */
export function assertPending(request: { status: keyof typeof REQUEST_STATUS_LABELS; decidedByName?: string | null; decidedAt?: Date | null }): void {
  if (request.status === 'pending') return;
  throw new DomainException('request_already_decided', 409, `该申请已处理（${REQUEST_STATUS_LABELS[request.status]}）`, {
    requestStatus: request.status,
    decidedBy: request.decidedByName ?? null,
    decidedAt: request.decidedAt ?? null,
  });
}
