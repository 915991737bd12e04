import type { ConfigService } from '@nestjs/config';
import type { Env } from '@qj/config';
import type { DigestRecipient, DigestRepository, OwnerDigestData, ReportGap, ReportReminderRepository, RollupRepository } from '@qj/persistence';
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
  let composer: DigestComposer;

  beforeEach(() => {
    reads = [];
    gapReads = [];
    const digests = {
      ownerData: async (unitId: string) => {
        reads.push(unitId);
        return { ...empty, changes: { total: reads.length, latest: [] } };
      },
    } as unknown as DigestRepository;
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
    composer = new DigestComposer(digests, {} as RollupRepository, reportReminders, config);
  });

  it('sending the week shares one read per unit between its recipients, and each digest still greets its own', async () => {
    const [a, b, c] = await Promise.all([
      composer.compose(owner('u1', 'unit-a'), '2026-W48'),
      composer.compose(owner('u2', 'unit-a'), '2026-W48'),
      composer.compose(owner('u3', 'unit-b'), '2026-W48'),
    ]);
    expect(reads).toEqual(['unit-a', 'unit-b']);
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
});
