import { PROJECT_STATUS_LABELS } from './stage';
import { isProblemCategory, PROBLEM_CATEGORY_LABELS } from './problem';
import { SECTOR_LABELS } from './sector';

/** An audit row as people read it: what was done, to what, by whom. */
export interface AuditChange {
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  comment?: string | null;
  actorName?: string | null;
  /** The milestone's name, when the row is about one (the audit row holds only its id). */
  milestoneName?: string | null;
}

const MILESTONE_FIELDS: ReadonlyArray<[string, string]> = [
  ['baselineDate', '基线日期'],
  ['forecastDate', '预计日期'],
  ['actualDate', '实际日期'],
  ['status', '状态'],
];

const MILESTONE_STATUS: Record<string, string> = { pending: '未完成', done: '已完成', not_applicable: '不适用' };

/** 前期研究 for `study`; a value we have no label for reads as 「未知阶段」, never as its code. */
export function stageText(stage: unknown): string {
  return typeof stage === 'string' && stage in PROJECT_STATUS_LABELS ? PROJECT_STATUS_LABELS[stage as keyof typeof PROJECT_STATUS_LABELS].zh : '未知阶段';
}

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);
const dateText = (value: unknown): string => str(value) ?? '未填';
const fieldText = (field: string, value: unknown): string => (field === 'status' ? (MILESTONE_STATUS[String(value)] ?? '未知') : dateText(value));
const withComment = (sentence: string, comment: unknown, label = '意见'): string => (str(comment) ? `${sentence}（${label}：${str(comment)}）` : sentence);

/**
 * 「施工许可 预计日期 2027-03-31 → 2027-06-30，状态 未完成 → 已完成」; only the fields that changed, and an approval's
 * files when the row records them (「附件 1 个 → 2 个」).
 */
export function milestoneFieldChanges(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined): string[] {
  if (!after) return [];
  const fields = MILESTONE_FIELDS.filter(([field]) => field in after && (before?.[field] ?? null) !== (after[field] ?? null)).map(
    ([field, label]) => `${label} ${fieldText(field, before?.[field] ?? null)} → ${fieldText(field, after[field] ?? null)}`,
  );
  const [was, is] = [before?.fileIds, after.fileIds];
  if (Array.isArray(is) && Array.isArray(was) && (is.length !== was.length || is.some((id) => !was.includes(id)))) {
    fields.push(`附件 ${was.length} 个 → ${is.length} 个`);
  }
  return fields;
}

const problemCategoryText = (value: unknown): string => (isProblemCategory(value) ? PROBLEM_CATEGORY_LABELS[value] : '其他');
const wanyuan = (value: unknown): string => (str(value) ? `${str(value)} 万元` : '未填');
/** A scalar as text (a year, a month); anything else as nothing. */
const scalar = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

const FACT_LABELS: ReadonlyArray<[string, string]> = [
  ['projectCode', '项目代码'],
  ['totalInvestment', '总投资'],
  ['investmentType', '投资类型'],
  ['constructionStartYear', '建设起始年'],
  ['constructionEndYear', '建设结束年'],
  ['constructionScope', '建设内容'],
  ['statisticsRegisteredOn', '入库纳统日期'],
];
const INVESTMENT_TYPE_LABELS: Record<string, string> = { government: '政府投资', enterprise: '企业投资' };

/** 「总投资 未填 → 1234.50 万元」 for each investment fact the row changed. */
function factChanges(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined): string[] {
  if (!after) return [];
  const text = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '未填';
    if (field === 'totalInvestment') return wanyuan(value);
    if (field === 'investmentType') return INVESTMENT_TYPE_LABELS[scalar(value)] ?? '未知';
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '已更新';
  };
  return FACT_LABELS.filter(([field]) => field in after).map(([field, label]) => `${label} ${text(field, before?.[field])} → ${text(field, after[field])}`);
}

/** The roles as the console names them (用户与单位). */
const ROLE_TEXT: Record<string, string> = { owner: '项目责任单位', reviewer: '审核人（区发展改革委）', leader: '区领导', admin: '管理员' };
const roleText = (value: unknown): string => ROLE_TEXT[scalar(value)] ?? '未知角色';
const orNone = (value: unknown): string => str(value) ?? '无';

/** 「李四（li_si）」: an administrator's row names the user as they were before the change, and the username, which never changes. */
function userText(change: AuditChange): string {
  const name = str(change.before?.displayName) ?? str(change.after?.displayName) ?? '用户';
  const username = str(change.after?.username) ?? str(change.before?.username);
  return username ? `${name}（${username}）` : name;
}

/** 「区交通局（transport）」, named as it was before the change. */
function unitText(change: AuditChange): string {
  const name = str(change.before?.name) ?? str(change.after?.name) ?? '单位';
  const code = str(change.after?.code) ?? str(change.before?.code);
  return code ? `${name}（${code}）` : name;
}

const sectorsText = (value: unknown): string =>
  Array.isArray(value) && value.length ? value.map((sector) => SECTOR_LABELS[String(sector)] ?? '其他').join('、') : '无';

const USER_FIELDS: ReadonlyArray<[string, string, (value: unknown) => string]> = [
  ['displayName', '姓名', orNone],
  ['role', '角色', roleText],
  ['unitName', '单位', orNone],
  ['email', '邮箱', (value) => str(value) ?? '未填'],
];

/** 「角色 审核人（区发展改革委） → 管理员，单位 无 → 区交通局」: the user's fields the row changed (a unit by its id, shown by name). */
function userFieldChanges(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined): string[] {
  if (!after) return [];
  const differs = (field: string) =>
    field === 'unitName'
      ? 'unitId' in after && (before?.unitId ?? null) !== (after.unitId ?? null)
      : field in after && (before?.[field] ?? null) !== (after[field] ?? null);
  return USER_FIELDS.filter(([field]) => differs(field)).map(([field, label, text]) => `${label} ${text(before?.[field])} → ${text(after[field])}`);
}

/** 「前期研究 → 开工建设」 from whatever the row carries: `stage` before and after, or a request's `from`/`to`. */
function stageMove(change: AuditChange): string {
  const from = change.before?.stage ?? change.after?.from ?? change.after?.fromStage;
  const to = change.after?.stage ?? change.after?.to ?? change.after?.toStage;
  if (from && to) return `${stageText(from)} → ${stageText(to)}`;
  return to ? `转为${stageText(to)}` : '阶段转换';
}

/** 「前期研究 → 开工建设 的申请」, or 「阶段转换申请」 when the row does not say which stages. */
function requestOf(change: AuditChange): string {
  const move = stageMove(change);
  return move === '阶段转换' ? '阶段转换申请' : `${move} 的申请`;
}

/**
 * One Chinese sentence for one audit row: the digest, the notifications and the console's history all say
 * what happened this way, never with an action code. An action this function does not know reads as a
 * plain 「项目信息已更新」 rather than as its code.
 */
export function describeChange(change: AuditChange): string {
  const milestone = str(change.milestoneName) ?? str(change.after?.milestone) ?? '里程碑';
  switch (change.action) {
    case 'transition.requested':
      return withComment(`申请${stageMove(change).startsWith('转为') ? '' : ' '}${stageMove(change)}`, change.after?.reason ?? change.comment, '理由');
    case 'transition.approved':
      return withComment(`${stageMove(change)}，已批准`, change.comment);
    case 'transition.rejected':
      return withComment(`${requestOf(change)}已退回`, change.comment);
    case 'transition.withdrawn':
      return `${requestOf(change)}已撤回`;
    case 'transition.overridden':
      return withComment(`${stageMove(change)}，由管理员直接调整`, change.comment, '理由');
    case 'rebaseline.requested':
      return withComment(
        `申请调整 ${milestone} 基线日期 ${dateText(change.before?.baselineDate)} → ${dateText(change.after?.baselineDate)}`,
        change.comment,
        '理由',
      );
    case 'rebaseline.rejected':
      return withComment(`${milestone} 基线调整申请已退回`, change.comment);
    case 'rebaseline.withdrawn':
      return `${milestone} 基线调整申请已撤回`;
    case 'milestone.rebaselined':
    case 'milestone.updated': {
      const fields = milestoneFieldChanges(change.before, change.after);
      const sentence = `${milestone} ${fields.length ? fields.join('，') : '已更新'}`;
      return change.action === 'milestone.rebaselined' ? withComment(`${sentence}（基线调整）`, change.comment) : withComment(sentence, change.comment, '说明');
    }
    case 'milestone.marked_not_applicable':
      return withComment(`${milestone} 标记为不适用`, change.comment ?? change.after?.reason, '理由');
    case 'milestone.applicable_again':
      return withComment(`${milestone} 恢复为适用`, change.comment);
    case 'project.unit_reassigned':
      return withComment('责任单位已调整', change.comment, '说明');
    case 'project.facts_updated':
      return `投资信息已更新：${factChanges(change.before, change.after).join('，') || '已更新'}`;
    case 'investment_plan.issued':
      return `下达 ${scalar(change.after?.year)} 年度计划：计划投资 ${wanyuan(change.after?.plannedInvestment)}`;
    case 'investment_plan.adjusted':
      return withComment(
        `调整 ${scalar(change.after?.year)} 年度计划：计划投资 ${wanyuan(change.before?.plannedInvestment)} → ${wanyuan(change.after?.plannedInvestment)}`,
        change.comment,
        '原因',
      );
    case 'monthly_report.saved':
      return `保存 ${scalar(change.after?.month)} 月报：本月完成投资 ${wanyuan(change.after?.completedInvestment)}`;
    case 'monthly_report.submitted':
      return `报送 ${scalar(change.after?.month)} 月报：本月完成投资 ${wanyuan(change.after?.completedInvestment)}${change.after?.late ? '（逾期报送）' : ''}`;
    case 'monthly_report.returned':
      return withComment(`${scalar(change.after?.month)} 月报已退回`, change.comment);
    case 'problem.raised':
      return `提出问题「${scalar(change.after?.title)}」（${problemCategoryText(change.after?.category)}），希望 ${dateText(change.after?.neededBy)} 前解决`;
    case 'problem.assigned':
      return `问题「${scalar(change.after?.title)}」交办${str(change.after?.assignedUnitName) ?? '责任单位'}，办结时限 ${dateText(change.after?.dueDate)}`;
    case 'problem.replied':
      return withComment(`回复问题「${scalar(change.after?.title)}」`, change.comment, '内容');
    case 'problem.closed':
      return withComment(`问题「${scalar(change.after?.title)}」已销号`, change.comment, '说明');
    case 'problem.reopened':
      return withComment(`问题「${scalar(change.after?.title)}」重新打开`, change.comment, '原因');
    case 'file.uploaded':
      return `上传附件「${scalar(change.after?.name)}」`;
    case 'file.removed':
      return withComment(`附件「${scalar(change.before?.name)}」已由管理员删除`, change.comment, '原因');
    case 'user.created': {
      const unit = str(change.after?.unitName);
      return `新建用户 ${userText(change)}，角色 ${roleText(change.after?.role)}${unit ? `，单位 ${unit}` : ''}`;
    }
    case 'user.updated':
      return `修改用户 ${userText(change)}：${userFieldChanges(change.before, change.after).join('，') || '已更新'}`;
    case 'user.disabled':
      return `停用用户 ${userText(change)}，其登录立即失效`;
    case 'user.enabled':
      return `启用用户 ${userText(change)}`;
    case 'user.password_reset':
      return `重置用户 ${userText(change)} 的密码，其所有登录已失效`;
    case 'unit.created':
      return `新建单位 ${unitText(change)}，默认行业：${sectorsText(change.after?.sectors)}`;
    case 'unit.renamed':
      return `单位 ${unitText(change)} 更名为 ${orNone(change.after?.name)}`;
    case 'unit.sectors_changed':
      return `单位 ${unitText(change)} 默认行业 ${sectorsText(change.before?.sectors)} → ${sectorsText(change.after?.sectors)}`;
    case 'unit.disabled':
      return `停用单位 ${unitText(change)}`;
    case 'unit.enabled':
      return `启用单位 ${unitText(change)}`;
    default:
      return '项目信息已更新';
  }
}
