import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@qj/config';
import {
  addDays,
  countProblems,
  datedProblem,
  describeChange,
  isoWeekOf,
  isPlanMonth,
  lastDueMonth,
  mondayOfIsoWeek,
  problemOverdueDays,
  reportDueOn,
  stageText,
  supervisionNoticeNumber,
  weekLabel,
  type ProblemPeriodCounts,
} from '@qj/domain';
import {
  ALL_UNITS,
  DigestRecipient,
  DigestRepository,
  oneUnit,
  OwnerDigestData,
  ProblemRepository,
  ReportGap,
  ReportReminderRepository,
  ReviewerDigestData,
  RollupRepository,
  RollupRow,
  SupervisionRepository,
  type UnitScope,
} from '@qj/persistence';
import { escapeHtml, mailLayout, unsubscribeUrl } from '@qj/mail';

export interface ComposedMail {
  subject: string;
  html: string;
  text: string;
}

const STATUS: Record<string, string> = { pending: '待审批', approved: '已批准', rejected: '已退回', withdrawn: '已撤回' };

/** A section: a heading and lines, written once for HTML and once for text. */
interface Section {
  title: string;
  lines: Array<{ text: string; link?: string }>;
  empty?: string;
}

function render(title: string, intro: string, sections: Section[], unsubscribeLink: string): ComposedMail {
  const html = mailLayout(
    title,
    `<p>${escapeHtml(intro)}</p>` +
      sections
        .map(
          (section) =>
            `<h3 style="font-size:15px">${escapeHtml(section.title)}</h3>` +
            (section.lines.length
              ? `<ul>${section.lines.map((line) => `<li>${line.link ? `<a href="${escapeHtml(line.link)}">${escapeHtml(line.text)}</a>` : escapeHtml(line.text)}</li>`).join('')}</ul>`
              : `<p style="color:#888">${escapeHtml(section.empty ?? '无')}</p>`),
        )
        .join('\n'),
    unsubscribeLink,
  );
  const text =
    `${title}\n\n${intro}\n\n` +
    sections
      .map(
        (section) =>
          `■ ${section.title}\n${section.lines.length ? section.lines.map((line) => `  - ${line.text}${line.link ? `  ${line.link}` : ''}`).join('\n') : `  ${section.empty ?? '无'}`}`,
      )
      .join('\n\n') +
    `\n\n退订每周简报：${unsubscribeLink}\n`;
  return { subject: title, html, text };
}

/** The last month whose reports are due (月报), and the projects that did not report it on time. */
export interface DigestReports {
  month: string;
  dueOn: string;
  gaps: ReportGap[];
}

const monthText = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** The owner's 月报 section: each of the unit's projects not reported, or reported late, for the last due month. */
function ownerReports(reports: DigestReports, link: (projectId: string) => string): Section {
  return {
    title: `月报（${monthText(reports.month)}，${reports.dueOn} 截止）：未报 ${reports.gaps.filter((g) => g.gap === 'missing').length} 个，迟报 ${reports.gaps.filter((g) => g.gap === 'late').length} 个`,
    lines: reports.gaps.map((g) => ({ text: `${g.projectName}：${g.gap === 'missing' ? '未报送' : '迟报'}`, link: link(g.projectId) })),
    empty: '均已按时报送',
  };
}

/** The reviewer's 月报 section: per unit, how many projects did not report the last due month, and how many late. */
function reviewerReports(reports: DigestReports): Section {
  const units = new Map<string, { missing: number; late: number }>();
  for (const g of reports.gaps) {
    const unit = units.get(g.unitName) ?? { missing: 0, late: 0 };
    unit[g.gap] += 1;
    units.set(g.unitName, unit);
  }
  const missing = reports.gaps.filter((g) => g.gap === 'missing').length;
  return {
    title: `月报（${monthText(reports.month)}，${reports.dueOn} 截止）：未报 ${missing} 个，迟报 ${reports.gaps.length - missing} 个`,
    lines: [...units]
      .sort(([, a], [, b]) => b.missing + b.late - (a.missing + a.late))
      .map(([unitName, n]) => ({ text: `${unitName}：未报 ${n.missing} 个，迟报 ${n.late} 个` })),
    empty: '均已按时报送',
  };
}

/**
 * The 问题清单 of the digest's week (the seven days before its day, as every section counts "this week"): problems raised
 * and closed (销号) in those days and those overdue on its day, with the 督办单 issued in them; within the reader's scope.
 */
export interface DigestProblems {
  from: string;
  to: string;
  counts: ProblemPeriodCounts;
  overdue: Array<{ projectId: string; projectName: string; title: string; unitName: string | null; days: number }>;
  notices: Array<{ projectId: string; number: string; problemTitle: string; projectName: string; unitName: string; replyBy: string }>;
}

/** 11月16日—22日 (the days a section counts, as the week label writes them). */
function daysText(from: string, to: string): string {
  const [, m1, d1] = from.split('-').map(Number);
  const [, m2, d2] = to.split('-').map(Number);
  return `${m1}月${d1}日—${m1 === m2 ? '' : `${m2}月`}${d2}日`;
}

function problemSections(problems: DigestProblems, link: (projectId: string) => string): Section[] {
  const { counts, overdue, notices } = problems;
  const quiet = counts.opened === 0 && counts.closed === 0 && overdue.length === 0;
  const days = daysText(problems.from, problems.to);
  return [
    {
      title: `问题清单（${days}）：新增 ${counts.opened} 个，销号 ${counts.closed} 个；目前未销号 ${counts.openAtEnd} 个，其中逾期 ${counts.overdueAtEnd} 个`,
      lines: overdue.map((p) => ({ text: `${p.title}（${p.projectName}）：交办 ${p.unitName ?? '未交办'}，逾期 ${p.days} 天`, link: link(p.projectId) })),
      empty: quiet ? `${days}没有新增或销号的问题，目前也没有逾期问题。` : '目前没有逾期问题。',
    },
    {
      title: `督办单（${days}印发 ${notices.length} 份）`,
      lines: notices.map((n) => ({
        text: `${n.number}：${n.problemTitle}（${n.projectName}），督办 ${n.unitName}，要求 ${n.replyBy} 前书面回复`,
        link: link(n.projectId),
      })),
      empty: `${days}未印发督办单。`,
    },
  ];
}

/** The subject names overdue problems only when there are some. */
const overdueProblemsText = (problems: DigestProblems | undefined): string =>
  problems && problems.counts.overdueAtEnd > 0 ? `，逾期问题 ${problems.counts.overdueAtEnd} 个` : '';

const delta = (now: number, before: number | undefined): string =>
  before === undefined ? '' : now === before ? '（持平）' : `（${now > before ? '+' : ''}${now - before}）`;

/** The owner's digest: their unit's overdue and coming milestones, the week's changes, requests, stale projects. */
export function ownerDigest(input: {
  recipient: DigestRecipient;
  week: string;
  data: OwnerDigestData;
  /** The 月报 section; left out before the plan period's first due month. */
  reports?: DigestReports;
  problems?: DigestProblems;
  publicUrl: string;
  unsubscribeLink: string;
}): ComposedMail {
  const { recipient, week, data, publicUrl } = input;
  const link = (projectId: string) => `${publicUrl}/projects/${projectId}`;
  const overdueCount = data.newlyOverdue.length + data.stillOverdue.length;
  const title = `【每周简报】${recipient.unitName ?? ''} ${weekLabel(week)}：逾期 ${overdueCount} 项，14 天内到期 ${data.dueSoon.length} 项${overdueProblemsText(input.problems)}`;
  return render(
    title,
    `${recipient.displayName}，您好：以下是本单位项目${weekLabel(week)}的进展摘要。`,
    [
      {
        title: `本周新增逾期（${data.newlyOverdue.length}）`,
        lines: data.newlyOverdue.map((m) => ({ text: `${m.projectName} · ${m.milestoneName}：计划 ${m.due}，逾期 ${m.days} 天`, link: link(m.projectId) })),
      },
      {
        title: `持续逾期（${data.stillOverdue.length}）`,
        lines: data.stillOverdue.map((m) => ({ text: `${m.projectName} · ${m.milestoneName}：计划 ${m.due}，逾期 ${m.days} 天`, link: link(m.projectId) })),
      },
      {
        title: `未来 14 天内到期（${data.dueSoon.length}）`,
        lines: data.dueSoon.map((m) => ({ text: `${m.projectName} · ${m.milestoneName}：${m.due}（还有 ${m.days} 天）`, link: link(m.projectId) })),
      },
      {
        title: `本周变更（${data.changes.total}）`,
        lines: data.changes.latest.map((c) => ({ text: `${c.projectName}：${describeChange(c)}（${c.actorName}）`, link: link(c.projectId) })),
      },
      {
        title: `待审批申请（${data.requestsWaiting.length}）`,
        lines: data.requestsWaiting.map((r) => ({ text: `${r.projectName}：申请转为「${stageText(r.toStage)}」`, link: link(r.projectId) })),
      },
      {
        title: `本周已决定的申请（${data.requestsDecided.length}）`,
        lines: data.requestsDecided.map((r) => ({
          text: `${r.projectName}：「${stageText(r.toStage)}」${STATUS[r.status] ?? '已处理'}`,
          link: link(r.projectId),
        })),
      },
      {
        title: `长期未更新的项目（${data.staleProjects.length}）`,
        lines: data.staleProjects.map((p) => ({ text: `${p.projectName}：已 ${p.days} 天未更新`, link: link(p.projectId) })),
      },
      ...(input.reports ? [ownerReports(input.reports, link)] : []),
      ...(input.problems ? problemSections(input.problems, link) : []),
    ],
    input.unsubscribeLink,
  );
}

/** The reviewer's digest: the chapter roll-up week over week, projects turned red, approvals waiting, units most overdue. */
export function reviewerDigest(input: {
  recipient: DigestRecipient;
  week: string;
  chapters: RollupRow[];
  lastWeek: Map<string, Record<string, unknown>>;
  data: ReviewerDigestData;
  reports?: DigestReports;
  problems?: DigestProblems;
  publicUrl: string;
  unsubscribeLink: string;
}): ComposedMail {
  const { week, chapters, lastWeek, data, publicUrl } = input;
  const overdue = chapters.reduce((sum, row) => sum + row.overdueMilestones, 0);
  const title = `【每周简报】全区重大项目 ${weekLabel(week)}：红灯项目 ${data.turnedRed.length} 个新增，待审批 ${data.approvalsWaiting.total} 件${overdueProblemsText(input.problems)}`;
  return render(
    title,
    `${input.recipient.displayName}，您好：以下是“十五五”重大项目${weekLabel(week)}调度摘要，括号内为与上周相比的变化。逾期里程碑合计 ${overdue} 个（按章节计，跨章节项目重复计入）。`,
    [
      {
        title: '分章节进展',
        lines: chapters.map((row) => {
          const before = lastWeek.get(row.key) as { rag?: Record<string, number>; overdueMilestones?: number } | undefined;
          return {
            text: `${row.label}：共 ${row.total} 个，红灯 ${row.rag.red ?? 0}${delta(row.rag.red ?? 0, before?.rag?.red)}，逾期里程碑 ${row.overdueMilestones}${delta(row.overdueMilestones, before?.overdueMilestones)}`,
          };
        }),
      },
      {
        title: `本周阶段变更（${data.stageChanges.length}）`,
        lines: data.stageChanges.map((c) => ({
          text: `${c.projectName}（${c.unitName}）：${describeChange(c)}`,
          link: `${publicUrl}/projects/${c.projectId}`,
        })),
      },
      {
        title: `本周转为红灯的项目（${data.turnedRed.length}）`,
        lines: data.turnedRed.map((p) => ({ text: `${p.projectName}（${p.unitName}）：逾期 ${p.days} 天`, link: `${publicUrl}/projects/${p.projectId}` })),
      },
      {
        title: `待审批申请（${data.approvalsWaiting.total}）`,
        lines: data.approvalsWaiting.oldest.map((r) => ({
          text: `${r.projectName}：申请转为「${stageText(r.toStage)}」`,
          link: `${publicUrl}/projects/${r.projectId}`,
        })),
      },
      { title: '逾期里程碑最多的单位', lines: data.topUnits.map((u) => ({ text: `${u.unitName}：${u.overdueMilestones} 个` })) },
      ...(input.reports ? [reviewerReports(input.reports)] : []),
      ...(input.problems ? problemSections(input.problems, (projectId) => `${publicUrl}/projects/${projectId}`) : []),
    ],
    input.unsubscribeLink,
  );
}

/**
 * How long a sending worker reuses what it read for one unit (or for the reviewers): a week's fan-out sends
 * thousands of digests that differ only in the greeting, and re-reading the same unit's figures for each was
 * most of the database work per digest (docs/BENCHMARKS.md, digest).
 */
export const DIGEST_DATA_TTL_MS = 10_000;

/** The longest list a digest section prints (its count says how many there are). */
const LIST_LIMIT = 30;

type ReviewerInputs = [RollupRow[], Map<string, Record<string, unknown>>, ReviewerDigestData];
type SharedData = OwnerDigestData | ReviewerInputs | DigestReports | DigestProblems | undefined;

/** Gathers a recipient's digest from the database and renders it; the worker sends it, the admin preview shows it. */
@Injectable()
export class DigestComposer {
  /** Data reads of the sending path, by unit (or reviewers) and day, for DIGEST_DATA_TTL_MS; a handful of entries. */
  private readonly shared = new Map<string, { until: number; data: Promise<SharedData> }>();

  constructor(
    private readonly digests: DigestRepository,
    private readonly rollups: RollupRepository,
    private readonly reportReminders: ReportReminderRepository,
    private readonly problemList: ProblemRepository,
    private readonly supervision: SupervisionRepository,
    private readonly config: ConfigService<Env, true>,
  ) {}

  /**
   * `week` is an ISO week key; the digest speaks as of `asOf`, by default that week's Monday (when it is sent).
   * Without `asOf` (the worker sending the week's digests) reads are shared between recipients of the same unit
   * for a few seconds; a preview (`asOf` given) always reads afresh.
   */
  async compose(recipient: DigestRecipient, week: string, asOf?: string): Promise<ComposedMail> {
    const publicUrl = this.config.get('PUBLIC_URL', { infer: true });
    const unsubscribeLink = unsubscribeUrl(publicUrl, this.config.get('JWT_SECRET', { infer: true }) ?? '', recipient.id, 'digest');
    const today = asOf ?? mondayOfIsoWeek(week);
    const read = asOf === undefined ? this.sharedRead.bind(this) : <T>(_key: string, load: () => Promise<T>) => load();
    if (recipient.role === 'owner' && recipient.unitId) {
      const unitId = recipient.unitId;
      const data = await read(`owner ${unitId} ${today}`, () => this.digests.ownerData(unitId, today, this.config.get('APP_TIMEZONE', { infer: true })));
      const reports = await read(`reports ${unitId} ${today}`, () => this.reports(today, unitId));
      const problems = await read(`problems ${unitId} ${today}`, () => this.problems(today, oneUnit(unitId)));
      return ownerDigest({ recipient, week, data, reports, problems, publicUrl, unsubscribeLink });
    }
    const [chapters, lastWeek, data] = await read(`reviewer ${today}`, () =>
      Promise.all([this.rollups.list('chapter'), this.rollups.snapshotOf('chapter', isoWeekOf(addDays(today, -7)).key), this.digests.reviewerData(today)]),
    );
    const reports = await read(`reports all ${today}`, () => this.reports(today, null));
    // The district's problems are for reviewers and leaders; an owner without a unit reads none (as the list fails closed).
    const problems = recipient.role === 'owner' ? undefined : await read(`problems all ${today}`, () => this.problems(today, ALL_UNITS));
    return reviewerDigest({ recipient, week, chapters, lastWeek, data, reports, problems, publicUrl, unsubscribeLink });
  }

  /**
   * The week's 问题清单 in the reader's scope, read as GET /api/problems reads it (an owner: their unit's projects' problems
   * and those assigned to their unit) and counted by the domain's rules: the seven days before `today`, overdue on `today`.
   */
  private async problems(today: string, scope: UnitScope): Promise<DigestProblems> {
    const timeZone = this.config.get('APP_TIMEZONE', { infer: true });
    const period = { from: addDays(today, -7), to: addDays(today, -1) };
    const [rows, notices] = await Promise.all([this.problemList.list(scope, {}, today), this.supervision.issued(scope, period.from, period.to, timeZone)]);
    const dated = rows.map((row) => datedProblem(row, timeZone));
    const overdue = dated
      .map((row) => ({ row, days: problemOverdueDays(row, today) }))
      .filter(({ days }) => days > 0)
      .sort((a, b) => b.days - a.days);
    return {
      ...period,
      counts: countProblems(dated, period, today),
      overdue: overdue.slice(0, LIST_LIMIT).map(({ row, days }) => ({
        projectId: row.projectId,
        projectName: row.projectName,
        title: row.title,
        unitName: row.assignedUnitName,
        days,
      })),
      notices: notices.map((n) => ({
        projectId: n.projectId,
        number: supervisionNoticeNumber(n.year, n.sequence),
        problemTitle: n.problemTitle,
        projectName: n.projectName,
        unitName: n.unitName,
        replyBy: n.replyBy,
      })),
    };
  }

  /** The last month due as of `today` and its projects not reported on time (one unit's, or all); none before the plan period. */
  private async reports(today: string, unitId: string | null): Promise<DigestReports | undefined> {
    const dueDay = this.config.get('REPORT_DUE_DAY', { infer: true });
    const month = lastDueMonth(today, dueDay);
    if (!isPlanMonth(month)) return undefined;
    return { month, dueOn: reportDueOn(month, dueDay), gaps: await this.reportReminders.gaps(month, unitId) };
  }

  private sharedRead<T extends SharedData>(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.shared.get(key);
    if (hit && hit.until > now) return hit.data as Promise<T>;
    for (const [stale, entry] of this.shared) if (entry.until <= now) this.shared.delete(stale);
    const data = load();
    this.shared.set(key, { until: now + DIGEST_DATA_TTL_MS, data });
    // A failed read is not kept: the next recipient (or the retry) reads again.
    data.catch(() => this.shared.get(key)?.data === data && this.shared.delete(key));
    return data;
  }
}
