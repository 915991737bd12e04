import { escapeHtml, mailLayout } from '@qj/mail';
import type { RaisedReportReminder } from '@qj/persistence';

/** What a report notice says: its title (the mail's subject), one paragraph, and the projects it lists. */
export interface ReportMessage {
  title: string;
  body: string;
}

/** 2027-03 → 2027年3月 */
export const monthText = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** How many project names a paragraph lists before it says 等 N 个. */
const LISTED = 20;

const STATUS_NOTE: Record<string, string> = { draft: '（已存草稿，未报送）', returned: '（被退回，待重新报送）' };

const names = (projects: readonly RaisedReportReminder[], withStatus: boolean): string => {
  const listed = projects.slice(0, LISTED).map((p) => `「${p.projectName}」${withStatus && p.status ? STATUS_NOTE[p.status] : ''}`);
  return listed.join('、') + (projects.length > LISTED ? ` 等 ${projects.length} 个项目` : '');
};

/** To a unit's owners, before the due day: their projects not yet reported. */
export function unitReminder(unitName: string, month: string, dueOn: string, projects: readonly RaisedReportReminder[]): ReportMessage {
  return {
    title: `【月报提醒】${unitName} ${monthText(month)}月报还有 ${projects.length} 个项目未报送`,
    body: `${monthText(month)}的月报将于 ${dueOn} 截止。本单位以下 ${projects.length} 个项目尚未报送：${names(projects, true)}。请在截止日前填报并报送。`,
  };
}

/** To a unit's owners, after the due day: their projects still not reported. */
export function unitLate(unitName: string, month: string, dueOn: string, projects: readonly RaisedReportReminder[]): ReportMessage {
  return {
    title: `【月报逾期】${unitName} ${monthText(month)}月报有 ${projects.length} 个项目逾期未报`,
    body: `${monthText(month)}的月报已于 ${dueOn} 截止。本单位以下 ${projects.length} 个项目仍未报送：${names(projects, true)}。请尽快报送，截止后报送的月报将标记为迟报。`,
  };
}

/** To the reviewers, after the due day: one summary of the units and their projects not reported. */
export function reviewersLate(month: string, dueOn: string, projects: readonly RaisedReportReminder[]): ReportMessage {
  const units = new Map<string, RaisedReportReminder[]>();
  for (const project of projects) units.set(project.unitName, [...(units.get(project.unitName) ?? []), project]);
  const lines = [...units].map(([unitName, list]) => `${unitName}（${list.length} 个）：${names(list, false)}`);
  return {
    title: `【月报逾期】${monthText(month)}月报：${units.size} 个单位 ${projects.length} 个项目逾期未报`,
    body: `${monthText(month)}的月报已于 ${dueOn} 截止，以下项目仍未报送：${lines.join('；')}。`,
  };
}

/** The mail: the paragraph, then every project with a link to its page, and the unsubscribe foot. */
export function reportMail(
  message: ReportMessage,
  projects: readonly RaisedReportReminder[],
  publicUrl: string,
  unsubscribeLink: string,
): { html: string; text: string } {
  const link = (p: RaisedReportReminder) => `${publicUrl}/projects/${p.projectId}`;
  const label = (p: RaisedReportReminder) => `${p.projectName}（${p.unitName}）`;
  const html = mailLayout(
    message.title,
    `<p>${escapeHtml(message.body)}</p><ul>${projects.map((p) => `<li><a href="${escapeHtml(link(p))}">${escapeHtml(label(p))}</a></li>`).join('')}</ul>`,
    unsubscribeLink,
  );
  const text =
    `${message.title}\n\n${message.body}\n\n` + projects.map((p) => `  - ${label(p)}  ${link(p)}`).join('\n') + `\n\n退订此类邮件：${unsubscribeLink}\n`;
  return { html, text };
}
