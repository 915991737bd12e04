import type { ConfigService } from '@nestjs/config';
import type { Env } from '@qj/config';
import type {
  DigestRecipient,
  DigestRepository,
  OwnerDigestData,
  ProblemRepository,
  ReportGap,
  ReportReminderRepository,
  RollupRepository,
  SupervisionRepository,
  UnitScope,
} from '@qj/persistence';
import { DigestComposer } from './digest-composer';

const empty: OwnerDigestData = {
  newlyOverdue: [],
  stillOverdue: [],
  dueSoon: [],
  changes: { total: 0, latest: [] },
  requestsWaiting: [],
  requestsDecided: [],
  staleProjects: [],
};

const owner = (id: string, unitId: string): DigestRecipient => ({ id, username: id, displayName: id, role: 'owner', unitId, unitName: '交通局', email: null });

describe('DigestComposer data reads', () => {
  let reads: string[];
  let gapReads: string[];
  let problemReads: string[];
  let composer: DigestComposer;

  beforeEach(() => {
    reads = [];
    gapReads = [];
    problemReads = [];
    const digests = {
      ownerData: async (unitId: string) => {
        reads.push(unitId);
        return { ...empty, changes: { total: reads.length, latest: [] } };
      },
      reviewerData: async () => ({ turnedRed: [], approvalsWaiting: { total: 0, oldest: [] }, topUnits: [], stageChanges: [] }),
    } as unknown as DigestRepository;
    const rollups = { list: async () => [], snapshotOf: async () => new Map() } as unknown as RollupRepository;
    const settings: Record<string, string | number> = {
      PUBLIC_URL: 'http://tracker.test',
      JWT_SECRET: 'x'.repeat(32),
      APP_TIMEZONE: 'Asia/Shanghai',
      REPORT_DUE_DAY: 5,
    };
    const config = { get: (key: string) => settings[key] } as unknown as ConfigService<Env, true>;
    const gaps: ReportGap[] = [
      { projectId: 'p1', projectName: '渝贵高铁', unitId: 'unit-a', unitName: '交通局', gap: 'missing' },
      { projectId: 'p2', projectName: '綦江大桥', unitId: 'unit-a', unitName: '交通局', gap: 'late' },
    ];
    const reportReminders = {
      gaps: async (month: string, unitId: string | null) => {
        gapReads.push(`${month} ${unitId}`);
        return gaps.filter((g) => unitId === null || g.unitId === unitId);
      },
    } as unknown as ReportReminderRepository;
    // unit-a has one problem overdue on 2026-11-23 (due 11-13) raised in the week; unit-b none.
    const problems = {
      list: async (scope: UnitScope, _filter: object, today: string) => {
        problemReads.push(`${scope.kind === 'unit' ? scope.unitId : 'all'} ${today}`);
        if (scope.kind === 'unit' && scope.unitId === 'unit-b') return [];
        return [
          {
            projectId: 'p1',
            projectName: '渝贵高铁',
            title: '用地指标未落实',
            assignedUnitName: '规划自然资源局',
            status: 'assigned',
            dueDate: '2026-11-13',
            createdAt: new Date('2026-11-16T01:00:00Z'),
            closedAt: null,
          },
        ];
      },
    } as unknown as ProblemRepository;
    const supervision = { issued: async () => [] } as unknown as SupervisionRepository;
    composer = new DigestComposer(digests, rollups, reportReminders, problems, supervision, config);
  });

  it('sending the week shares one read per unit between its recipients, and each digest still greets its own', async () => {
    const [a, b, c] = await Promise.all([
      composer.compose(owner('u1', 'unit-a'), '2026-W48'),
      composer.compose(owner('u2', 'unit-a'), '2026-W48'),
      composer.compose(owner('u3', 'unit-b'), '2026-W48'),
    ]);
    expect(reads).toEqual(['unit-a', 'unit-b']);
    expect(problemReads).toEqual(['unit-a 2026-11-23', 'unit-b 2026-11-23']);
    expect(gapReads).toEqual(['2026-10 unit-a', '2026-10 unit-b']);
    expect(a.text).toContain('u1，您好');
    expect(b.text).toContain('u2，您好');
    expect(c.text).toContain('u3，您好');
  });

  it('a preview (asOf given) always reads afresh', async () => {
    await composer.compose(owner('u1', 'unit-a'), '2026-W48', '2026-11-25');
    const second = await composer.compose(owner('u1', 'unit-a'), '2026-W48', '2026-11-25');
    expect(reads).toEqual(['unit-a', 'unit-a']);
    expect(second.subject).toContain('第48周（11月23日—29日）');
    expect(second.subject).not.toContain('2026-W48');
    expect(second.text).toContain('本周变更（2）');
  });

  it('the owner’s 月报 section lists the unit’s projects not reported or late for the last due month, with links', async () => {
    // Monday 2026-11-23: October's reports were due on 2026-11-05.
    const mail = await composer.compose(owner('u1', 'unit-a'), '2026-W48', '2026-11-23');
    expect(mail.text).toContain('■ 月报（2026年10月，2026-11-05 截止）：未报 1 个，迟报 1 个');
    expect(mail.text).toContain('  - 渝贵高铁：未报送  http://tracker.test/projects/p1');
    expect(mail.text).toContain('  - 綦江大桥：迟报  http://tracker.test/projects/p2');
    const quiet = await composer.compose(owner('u3', 'unit-b'), '2026-W48', '2026-11-23');
    expect(quiet.text).toContain('■ 月报（2026年10月，2026-11-05 截止）：未报 0 个，迟报 0 个\n  均已按时报送');
  });

  it('the 问题清单 section counts the seven days before the digest’s day and lists the overdue ones; the subject names them only when there are', async () => {
    const mail = await composer.compose(owner('u1', 'unit-a'), '2026-W48', '2026-11-23');
    expect(mail.subject).toBe('【每周简报】交通局 第48周（11月23日—29日）：逾期 0 项，14 天内到期 0 项，逾期问题 1 个');
    expect(mail.text).toContain('■ 问题清单（11月16日—22日）：新增 1 个，销号 0 个；目前未销号 1 个，其中逾期 1 个');
    expect(mail.text).toContain('  - 用地指标未落实（渝贵高铁）：交办 规划自然资源局，逾期 10 天  http://tracker.test/projects/p1');
    expect(mail.text).toContain('■ 督办单（11月16日—22日印发 0 份）\n  11月16日—22日未印发督办单。');
    const quiet = await composer.compose(owner('u3', 'unit-b'), '2026-W48', '2026-11-23');
    expect(quiet.subject).toBe('【每周简报】交通局 第48周（11月23日—29日）：逾期 0 项，14 天内到期 0 项');
    expect(quiet.text).toContain('11月16日—22日没有新增或销号的问题，目前也没有逾期问题。');
    expect(quiet.html).toContain('11月16日—22日没有新增或销号的问题，目前也没有逾期问题。');
    expect(quiet.html).not.toContain('<ul></ul>');
  });

  it('an owner without a unit reads no one’s problems (the scope fails closed)', async () => {
    const mail = await composer.compose({ ...owner('u9', 'unit-a'), unitId: null }, '2026-W48', '2026-11-23');
    expect(problemReads).toEqual([]);
    expect(mail.text).toContain('分章节进展');
    expect(mail.text).not.toContain('问题清单');
    const reviewer = await composer.compose({ ...owner('r1', 'unit-a'), role: 'reviewer', unitId: null }, '2026-W48', '2026-11-23');
    expect(problemReads).toEqual(['all 2026-11-23']);
    expect(reviewer.text).toContain('■ 问题清单（11月16日—22日）：新增 1 个');
  });
});
