import fc from 'fast-check';
import {
  completedYtdFen,
  countRate,
  DEFAULT_INVESTMENT_LIGHT_RULES,
  figuresMonthOf,
  investmentLight,
  monthlySeries,
  projectInvestmentFigures,
  rankByValue,
  rateHundredths,
  registrationLight,
  scheduleHundredths,
  scheduleRate,
  startedOn,
  startLight,
  summariseInvestment,
  worstLight,
  type ProjectInvestmentInput,
} from './investment';
import { formatFen, toFen } from './amount';
import { monthEnd } from './report-month';

const rules = DEFAULT_INVESTMENT_LIGHT_RULES;
const report = (month: string, completedInvestment: string, status = 'submitted') => ({ month, completedInvestment, status });

describe('money in 分', () => {
  it('reads and writes 万元 with at most two decimals, exactly', () => {
    expect(toFen('297')).toBe(29700n);
    expect(toFen('405.34')).toBe(40534n);
    expect(toFen('0.5')).toBe(50n);
    expect(toFen('9999999999.99')).toBe(999999999999n);
    expect(formatFen(29700n)).toBe('297.00');
    expect(formatFen(5n)).toBe('0.05');
    expect(formatFen(0n)).toBe('0.00');
    for (const bad of ['1.234', 'abc', '', '1e3', '.5']) expect(() => toFen(bad)).toThrow(RangeError);
  });

  it('adds 0.1 + 0.2 as 0.30, not 0.30000000000000004', () => {
    expect(formatFen(toFen('0.1') + toFen('0.2'))).toBe('0.30');
  });
});

describe('rates (DOMAIN.md examples)', () => {
  it('投资完成率 297 ÷ 405.34 = 73.27%', () => {
    expect(rateHundredths(toFen('297'), toFen('405.34'))).toBe(7327n);
  });

  it('开工率 57 ÷ 67 = 85.07% and 206 ÷ 255 = 80.78%', () => {
    expect(countRate(57, 67, 'x')).toEqual({ numerator: 57, denominator: 67, rate: 85.07, label: 'x' });
    expect(countRate(206, 255, 'x').rate).toBe(80.78);
    expect(countRate(0, 0, 'x').rate).toBeNull();
  });

  it('rounds half up: 1 ÷ 8 = 12.50%, 1 ÷ 16 = 6.25%, 1 ÷ 800 = 0.13% (0.125)', () => {
    expect(rateHundredths(1n, 8n)).toBe(1250n);
    expect(rateHundredths(1n, 800n)).toBe(13n);
    expect(rateHundredths(1n, 3n)).toBe(3333n);
    expect(rateHundredths(2n, 3n)).toBe(6667n);
  });

  it('has no rate without a plan (0 planned)', () => {
    expect(rateHundredths(100n, 0n)).toBeNull();
  });

  it('agrees with exact rational rounding on random amounts', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 13n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (n, d) => {
        const h = rateHundredths(n, d) as bigint;
        // h − 1/2 ≤ n·10000/d < h + 1/2
        expect(2n * n * 10000n >= (2n * h - 1n) * d).toBe(true);
        expect(2n * n * 10000n < (2n * h + 1n) * d).toBe(true);
      }),
    );
  });

  it('序时进度 is m ÷ 12: 83.33 for October, 75 for September, 66.67 for August, 100 for December', () => {
    expect(scheduleRate(10)).toBe(83.33);
    expect(scheduleRate(9)).toBe(75);
    expect(scheduleRate(8)).toBe(66.67);
    expect(scheduleRate(12)).toBe(100);
    expect(() => scheduleHundredths(13)).toThrow(RangeError);
  });
});

describe('the month figures are shown for by default', () => {
  it('is last month, the one being reported, kept within 2026–2030', () => {
    expect(figuresMonthOf('2026-11-28')).toEqual({ year: 2026, month: 10 });
    expect(figuresMonthOf('2027-01-03')).toEqual({ year: 2026, month: 12 });
    expect(figuresMonthOf('2026-01-15')).toEqual({ year: 2026, month: 1 });
    expect(figuresMonthOf('2025-06-01')).toEqual({ year: 2026, month: 1 });
    expect(figuresMonthOf('2031-03-01')).toEqual({ year: 2030, month: 12 });
  });
});

describe('investment light', () => {
  const at = (rate: bigint, month = 9) => investmentLight(rate, scheduleHundredths(month), rules);

  it('完成率 73.3% at the end of September is 1.7 points below 75.0: green', () => {
    expect(at(7330n)).toEqual({ light: 'green', reasons: [] });
  });

  it('is green ahead of 序时进度 and less than 10 points behind', () => {
    expect(at(9000n).light).toBe('green');
    expect(at(6501n).light).toBe('green'); // 9.99 behind
  });

  it('is yellow from exactly 10 points behind to exactly 30', () => {
    expect(at(6500n)).toEqual({
      light: 'yellow',
      reasons: [
        {
          code: 'investment_behind',
          level: 'yellow',
          text: '投资完成率 65.00%，低于序时进度 10.00 个百分点',
          en: 'Completion rate 65.00%, 10.00 points behind schedule',
        },
      ],
    });
    expect(at(4500n).light).toBe('yellow'); // 30.00 behind
  });

  it('is red more than 30 points behind', () => {
    expect(at(4499n).light).toBe('red'); // 30.01 behind
    expect(investmentLight(4000n, scheduleHundredths(10), rules)).toEqual({
      light: 'red',
      reasons: [
        {
          code: 'investment_behind',
          level: 'red',
          text: '投资完成率 40.00%，低于序时进度 43.33 个百分点',
          en: 'Completion rate 40.00%, 43.33 points behind schedule',
        },
      ],
    });
  });

  it('follows the settings', () => {
    expect(investmentLight(7000n, 7500n, { yellowPoints: 5, redPoints: 5 }).light).toBe('yellow');
    expect(investmentLight(6999n, 7500n, { yellowPoints: 5, redPoints: 5 }).light).toBe('red');
  });

  it('is green, without reasons, when there is no rate', () => {
    expect(investmentLight(null, 8333n, rules)).toEqual({ light: 'green', reasons: [] });
  });
});

describe('starts and registration', () => {
  it('a project at study, or on hold from it, has not started whatever its milestone says', () => {
    expect(startedOn({ stage: 'study', groundbreakingOn: '2026-03-01' })).toBeNull();
    expect(startedOn({ stage: 'on_hold', previousStage: 'study', groundbreakingOn: '2026-03-01' })).toBeNull();
    expect(startedOn({ stage: 'start', groundbreakingOn: '2026-03-01' })).toBe('2026-03-01');
    expect(startedOn({ stage: 'on_hold', previousStage: 'start', groundbreakingOn: '2026-03-01' })).toBe('2026-03-01');
    expect(startedOn({ stage: 'start', groundbreakingOn: null })).toBeNull();
  });

  it('planned for March: green through March, yellow April and May, red from June', () => {
    const light = (month: number) => startLight(3, null, 2026, month).light;
    expect([1, 2, 3, 4, 5, 6, 7].map(light)).toEqual(['green', 'green', 'green', 'yellow', 'yellow', 'red', 'red']);
    expect(startLight(3, null, 2026, 4).reasons[0].text).toBe('计划 3 月开工，截至 4 月末仍未开工（已过 1 个月）');
  });

  it('a start counts by the end of the month it happened in, not before', () => {
    expect(startLight(3, '2026-05-31', 2026, 5).light).toBe('green');
    expect(startLight(3, '2026-06-01', 2026, 5).light).toBe('yellow');
    expect(startLight(3, '2026-06-01', 2026, 6).light).toBe('green');
    expect(startLight(null, null, 2026, 12).light).toBe('green');
  });

  it('started in March and not registered: green in March, yellow in April, red from May', () => {
    const light = (month: number) => registrationLight('2026-03-31', null, 2026, month).light;
    expect([2, 3, 4, 5, 6].map(light)).toEqual(['green', 'green', 'yellow', 'red', 'red']);
    expect(registrationLight('2026-03-31', null, 2026, 5).reasons[0].text).toBe('已于 2026-03-31 开工，2 个月仍未入库纳统');
    // Registered by then: green; registered only later: not yet.
    expect(registrationLight('2026-03-31', '2026-05-31', 2026, 5).light).toBe('green');
    expect(registrationLight('2026-03-31', '2026-06-01', 2026, 5).light).toBe('red');
    // Started in an earlier year and never registered.
    expect(registrationLight('2025-11-10', null, 2026, 1).light).toBe('red');
  });

  it('month ends', () => {
    expect(monthEnd(2026, 2)).toBe('2026-02-28');
    expect(monthEnd(2028, 2)).toBe('2028-02-29');
    expect(monthEnd(2026, 12)).toBe('2026-12-31');
  });

  it('the worst light wins', () => {
    expect(worstLight('green', 'yellow', 'green')).toBe('yellow');
    expect(worstLight('yellow', 'red')).toBe('red');
    expect(worstLight()).toBe('green');
  });
});

describe('a project at month m', () => {
  const project = (overrides: Partial<ProjectInvestmentInput> = {}): ProjectInvestmentInput => ({
    stage: 'start',
    previousStage: null,
    groundbreakingOn: '2026-02-15',
    completionOn: null,
    statisticsRegisteredOn: '2026-03-01',
    plan: { plannedInvestment: '1000', originalInvestment: '1200', version: 2, plannedStartMonth: 2, plannedCompletionMonth: null },
    reports: [],
    ...overrides,
  });

  it('counts only the submitted reports of months 1–m of the year', () => {
    const reports = [
      report('2025-12', '999'),
      report('2026-01', '10.5'),
      report('2026-02', '20', 'draft'),
      report('2026-03', '30', 'returned'),
      report('2026-04', '40.25'),
      report('2026-11', '1000'),
    ];
    expect(formatFen(completedYtdFen(reports, 2026, 10))).toBe('50.75');
    expect(monthlySeries(reports, 2026, 4)).toEqual([
      { month: 1, completed: '10.50', cumulative: '10.50' },
      { month: 2, completed: '0.00', cumulative: '10.50' },
      { month: 3, completed: '0.00', cumulative: '10.50' },
      { month: 4, completed: '40.25', cumulative: '50.75' },
    ]);
  });

  it('Jan–Oct reports of 40 each against a plan of 1000 at October: 40.00%, 43.33 points behind, red', () => {
    const reports = Array.from({ length: 10 }, (_, i) => report(`2026-${String(i + 1).padStart(2, '0')}`, '40'));
    const figures = projectInvestmentFigures(project({ reports }), 2026, 10, rules);
    expect(figures).toMatchObject({
      plannedInvestment: '1000.00',
      originalInvestment: '1200.00',
      planVersion: 2,
      completedYtd: '400.00',
      completionRate: 40,
      scheduleRate: 83.33,
      gapPoints: -43.33,
      light: 'red',
      lightReasons: [{ code: 'investment_behind', level: 'red', text: '投资完成率 40.00%，低于序时进度 43.33 个百分点' }],
      lights: { investment: 'red', start: 'green', registration: 'green' },
      projectLight: 'red',
      startedOn: '2026-02-15',
    });
    expect(figures.months).toHaveLength(10);
    expect(figures.months[9]).toEqual({ month: 10, completed: '40.00', cumulative: '400.00' });
  });

  it('without a plan: no rate, no gap, green investment light', () => {
    const figures = projectInvestmentFigures(project({ plan: null, reports: [report('2026-01', '5')] }), 2026, 3, rules);
    expect(figures).toMatchObject({ plannedInvestment: null, planVersion: null, completedYtd: '5.00', completionRate: null, gapPoints: null, light: 'green' });
  });

  it('the project light combines the three, every reason listed worst first', () => {
    const figures = projectInvestmentFigures(
      project({
        stage: 'study',
        groundbreakingOn: null,
        plan: { plannedInvestment: '100', originalInvestment: '100', version: 1, plannedStartMonth: 5, plannedCompletionMonth: null },
        reports: [report('2026-01', '50')],
      }),
      2026,
      6,
      rules,
    );
    expect(figures.lights).toEqual({ investment: 'green', start: 'yellow', registration: 'green' });
    expect(figures.projectLight).toBe('yellow');
    const late = projectInvestmentFigures(
      project({
        statisticsRegisteredOn: null,
        plan: { plannedInvestment: '100', originalInvestment: '100', version: 1, plannedStartMonth: 1, plannedCompletionMonth: null },
      }),
      2026,
      9,
      rules,
    );
    expect(late.lights).toEqual({ investment: 'red', start: 'green', registration: 'red' });
    expect(late.projectLightReasons.map((r) => r.code)).toEqual(['investment_behind', 'not_registered']);
  });
});

describe('summaries and rankings', () => {
  it('divides the sums, counts lights per project and states each denominator', () => {
    const plan = (plannedInvestment: string, plannedStartMonth: number | null, plannedCompletionMonth: number | null = null) => ({
      plannedInvestment,
      originalInvestment: plannedInvestment,
      version: 1,
      plannedStartMonth,
      plannedCompletionMonth,
    });
    const base = { previousStage: null, completionOn: null, statisticsRegisteredOn: '2026-01-01' };
    const summary = summariseInvestment(
      [
        { ...base, stage: 'start', groundbreakingOn: '2026-02-01', plan: plan('300', 2), reports: [report('2026-01', '297')] },
        { ...base, stage: 'study', groundbreakingOn: null, plan: plan('105.34', 3), reports: [] },
        { ...base, stage: 'study', groundbreakingOn: null, plan: plan('0', 11), reports: [] },
        { ...base, stage: 'complete', groundbreakingOn: '2025-01-01', completionOn: '2026-04-30', plan: plan('0', null, 4), reports: [] },
        { ...base, stage: 'start', groundbreakingOn: '2025-01-01', plan: null, reports: [report('2026-01', '1000')] },
      ],
      2026,
      6,
      rules,
    );
    expect(summary).toMatchObject({
      projectCount: 4,
      plannedInvestment: '405.34',
      completedYtd: '297.00',
      completionRate: 73.27,
      scheduleRate: 50,
      gapPoints: 23.27,
      lights: { green: 3, yellow: 0, red: 1 },
      startRateToDate: { numerator: 1, denominator: 2, rate: 50 },
      startRateYear: { numerator: 1, denominator: 3, rate: 33.33 },
      completionRateToDate: { numerator: 1, denominator: 1, rate: 100 },
    });
    expect(summary.startRateYear.label).toContain('分母：全年计划开工');
  });

  it('ties share a rank, units without a value are apart', () => {
    const { ranked, unranked } = rankByValue([
      { key: 'a', value: 5000n },
      { key: 'b', value: 8000n },
      { key: 'c', value: null },
      { key: 'd', value: 5000n },
      { key: 'e', value: 100n },
    ]);
    expect(ranked.map((r) => [r.key, r.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['d', 2],
      ['e', 4],
    ]);
    expect(unranked.map((r) => r.key)).toEqual(['c']);
  });
});
