import type { AuditFacts } from '@qj/persistence';
import { monthText } from '../report-reminders/report-messages';
import type { WorkflowMessage } from './workflow-messages';

const field = (audit: AuditFacts, side: 'before' | 'after', name: string): string | null => {
  const value = audit[side]?.[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
};

/** A monthly report returned by a reviewer (月报退回): the unit's owners hear which, by whom and why. */
export function reportReturned(projectName: string, month: string, audit: AuditFacts): WorkflowMessage {
  const amount = field(audit, 'after', 'completedInvestment');
  return {
    title: `【月报退回】${projectName} ${monthText(month)}月报已被退回`,
    body: `「${projectName}」${monthText(month)}的月报${amount === null ? '' : `（本月完成投资 ${amount} 万元）`}已被 ${audit.actorName} 退回，退回意见：${audit.comment ?? '无'}。请修改后重新报送。`,
  };
}

/** An annual plan adjusted (中期调整): the unit's owners hear the new amount, the old one and the reason. */
export function planAdjusted(projectName: string, year: number, audit: AuditFacts): WorkflowMessage {
  const before = field(audit, 'before', 'plannedInvestment');
  const after = field(audit, 'after', 'plannedInvestment');
  const version = field(audit, 'after', 'version');
  const amounts = before === after ? `仍为 ${after} 万元` : `由 ${before ?? '未填'} 万元调整为 ${after} 万元`;
  const moved = (
    [
      ['plannedStartMonth', '计划开工月份'],
      ['plannedCompletionMonth', '计划竣工月份'],
    ] as const
  )
    .filter(([name]) => field(audit, 'before', name) !== field(audit, 'after', name))
    .map(([name, label]) => `${label}由 ${monthLabel(field(audit, 'before', name))} 调整为 ${monthLabel(field(audit, 'after', name))}`);
  return {
    title: `【计划调整】${projectName} ${year} 年度计划投资${before === after ? '已调整' : `调整为 ${after} 万元`}`,
    body: `「${projectName}」${year} 年度计划投资${amounts}${moved.length ? `，${moved.join('，')}` : ''}（第 ${version ?? '?'} 版）。调整原因：${audit.comment ?? '未说明'}。操作人：${audit.actorName}。`,
  };
}

const monthLabel = (month: string | null): string => (month === null ? '未填' : `${month} 月`);
