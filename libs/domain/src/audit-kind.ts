/** A name in each language the console speaks. */
export interface LabelText {
  readonly zh: string;
  readonly en: string;
}

/**
 * 操作日志: every kind of audit row (its `action`) with what people call it: changes to projects, and administrators'
 * changes to users and units. The operation log, its filter and its Excel
 * export name kinds this way, never by code; a row whose action is not listed reads as 「其他变更」.
 */
export const AUDIT_KINDS = {
  'transition.requested': { zh: '提交阶段转换申请', en: 'Stage change requested' },
  'transition.approved': { zh: '批准阶段转换', en: 'Stage change approved' },
  'transition.rejected': { zh: '退回阶段转换申请', en: 'Stage change rejected' },
  'transition.withdrawn': { zh: '撤回阶段转换申请', en: 'Stage change request withdrawn' },
  'transition.overridden': { zh: '管理员调整阶段', en: 'Stage set by an administrator' },
  'milestone.updated': { zh: '更新里程碑', en: 'Milestone updated' },
  'milestone.rebaselined': { zh: '调整基线', en: 'Baseline moved' },
  'milestone.marked_not_applicable': { zh: '标记不适用', en: 'Marked not applicable' },
  'milestone.applicable_again': { zh: '恢复适用', en: 'Applicable again' },
  'rebaseline.requested': { zh: '申请调整基线', en: 'Re-baselining requested' },
  'rebaseline.rejected': { zh: '退回基线调整申请', en: 'Re-baselining rejected' },
  'rebaseline.withdrawn': { zh: '撤回基线调整申请', en: 'Re-baselining request withdrawn' },
  'project.unit_reassigned': { zh: '变更责任单位', en: 'Responsible unit changed' },
  'project.facts_updated': { zh: '更新投资信息', en: 'Investment facts updated' },
  'investment_plan.issued': { zh: '下达年度计划', en: 'Annual plan issued' },
  'investment_plan.adjusted': { zh: '调整年度计划', en: 'Annual plan adjusted' },
  'monthly_report.saved': { zh: '保存月报', en: 'Monthly report saved' },
  'monthly_report.submitted': { zh: '报送月报', en: 'Monthly report submitted' },
  'monthly_report.returned': { zh: '退回月报', en: 'Monthly report returned' },
  'problem.raised': { zh: '提出问题', en: 'Problem raised' },
  'problem.assigned': { zh: '交办问题', en: 'Problem assigned' },
  'problem.replied': { zh: '回复问题', en: 'Problem replied to' },
  'problem.closed': { zh: '问题销号', en: 'Problem closed' },
  'problem.reopened': { zh: '重新打开问题', en: 'Problem reopened' },
  'file.uploaded': { zh: '上传附件', en: 'File uploaded' },
  'file.removed': { zh: '删除附件', en: 'File removed' },
  'user.created': { zh: '新建用户', en: 'User created' },
  'user.updated': { zh: '修改用户信息', en: 'User details changed' },
  'user.disabled': { zh: '停用用户', en: 'User disabled' },
  'user.enabled': { zh: '启用用户', en: 'User enabled' },
  'user.password_reset': { zh: '重置密码', en: 'Password reset' },
  'unit.created': { zh: '新建单位', en: 'Unit created' },
  'unit.renamed': { zh: '单位更名', en: 'Unit renamed' },
  'unit.sectors_changed': { zh: '调整单位默认行业', en: 'Unit sectors changed' },
  'unit.disabled': { zh: '停用单位', en: 'Unit disabled' },
  'unit.enabled': { zh: '启用单位', en: 'Unit enabled' },
} as const satisfies Record<string, LabelText>;

export type AuditKind = keyof typeof AUDIT_KINDS;
export const AUDIT_KIND_CODES = Object.keys(AUDIT_KINDS) as AuditKind[];
export const OTHER_AUDIT_KIND: LabelText = { zh: '其他变更', en: 'Other change' };

export function isAuditKind(value: unknown): value is AuditKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(AUDIT_KINDS, value);
}

/** The kind's name in both languages; an unknown action as 「其他变更」, never as its code. */
export function auditKindLabel(action: string): LabelText {
  return isAuditKind(action) ? AUDIT_KINDS[action] : OTHER_AUDIT_KIND;
}
