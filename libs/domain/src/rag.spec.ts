import { addDays } from './calendar-date';
import { computeRag, type RagMilestone } from './rag';

const today = '2027-06-15';
const pending = (code: string, baselineDate: string | null, forecastDate?: string | null, sortOrder?: number): RagMilestone => ({
  code,
  baselineDate,
  forecastDate,
  done: false,
  sortOrder,
});

describe('computeRag', () => {
  it('is green with nothing overdue and forecasts within 30 days', () => {
    const result = computeRag({ today, milestones: [pending('proposal', '2027-06-15'), pending('feasibility_approval', '2027-09-01', '2027-10-01')] });
    expect(result).toEqual({ rag: 'green', reasons: [], overdueCount: 0, maxOverdueDays: 0 });
  });

  it('due today is not overdue; due yesterday is amber', () => {
    expect(computeRag({ today, milestones: [pending('proposal', today)] }).rag).toBe('green');
    expect(computeRag({ today, milestones: [pending('proposal', addDays(today, -1))] })).toEqual({
      rag: 'amber',
      reasons: [{ code: 'milestone_overdue', level: 'amber', milestone: 'proposal', days: 1 }],
      overdueCount: 1,
      maxOverdueDays: 1,
    });
  });

  it('exactly 30 days overdue is amber, 31 is red', () => {
    expect(computeRag({ today, milestones: [pending('proposal', addDays(today, -30))] }).rag).toBe('amber');
    const red = computeRag({ today, milestones: [pending('proposal', addDays(today, -31))] });
    expect(red.rag).toBe('red');
    expect(red.reasons).toEqual([{ code: 'milestone_overdue', level: 'red', milestone: 'proposal', days: 31 }]);
  });

  it('judges overdue by the forecast when there is one', () => {
    // Baseline 60 days ago but forecast next week: not overdue, but a 67-day slip.
    const result = computeRag({ today, milestones: [pending('proposal', addDays(today, -60), addDays(today, 7))] });
    expect(result.overdueCount).toBe(0);
    expect(result.rag).toBe('amber');
    expect(result.reasons).toEqual([{ code: 'forecast_slip', level: 'amber', milestone: 'proposal', days: 67 }]);
    // Forecast itself passed 31 days ago: red.
    expect(computeRag({ today, milestones: [pending('proposal', addDays(today, -90), addDays(today, -31))] }).rag).toBe('red');
  });

  it('a forecast exactly 30 days late is green, 31 is amber, early is fine', () => {
    const base = '2027-09-01';
    expect(computeRag({ today, milestones: [pending('proposal', base, addDays(base, 30))] }).rag).toBe('green');
    expect(computeRag({ today, milestones: [pending('proposal', base, addDays(base, 31))] }).reasons).toEqual([
      { code: 'forecast_slip', level: 'amber', milestone: 'proposal', days: 31 },
    ]);
    expect(computeRag({ today, milestones: [pending('proposal', base, addDays(base, -60))] }).rag).toBe('green');
  });

  it('ignores done milestones, however late', () => {
    const done: RagMilestone = { code: 'proposal', baselineDate: '2026-01-01', forecastDate: '2027-01-01', done: true };
    expect(computeRag({ today, milestones: [done] })).toEqual({ rag: 'green', reasons: [], overdueCount: 0, maxOverdueDays: 0 });
  });

  it('is red when the target milestone is forecast after 2030-12-31, not on it', () => {
    const onDeadline = pending('in_service', '2030-12-15', '2030-12-31');
    expect(computeRag({ today, target: 'complete', milestones: [onDeadline] }).rag).toBe('green');
    const late = pending('in_service', '2030-12-15', '2031-01-10');
    expect(computeRag({ today, target: 'complete', milestones: [late] }).reasons).toEqual([
      { code: 'target_out_of_reach', level: 'red', milestone: 'in_service', days: 10 },
    ]);
    // A baseline already past the deadline counts too.
    expect(computeRag({ today, target: 'start', milestones: [pending('groundbreaking', '2031-03-01')] }).rag).toBe('red');
    // Without a target the deadline rule does not apply.
    expect(computeRag({ today, milestones: [pending('in_service', '2031-01-01')] }).rag).toBe('green');
  });

  it('is red when a prerequisite of the target milestone is already past the deadline', () => {
    const milestones = [pending('groundbreaking', '2030-06-01', '2031-02-01', 50), pending('in_service', '2030-12-31', null, 80)];
    const result = computeRag({ today, target: 'complete', milestones });
    expect(result.rag).toBe('red');
    expect(result.reasons).toContainEqual({ code: 'target_out_of_reach', level: 'red', milestone: 'groundbreaking', days: 32 });
  });

  it('does not apply the deadline to milestones after the target', () => {
    // A start target: 投入使用 in 2032 is outside the plan and fine.
    const result = computeRag({
      today,
      target: 'start',
      milestones: [pending('groundbreaking', '2030-06-01', null, 50), pending('in_service', '2032-06-01', null, 80)],
    });
    expect(result.rag).toBe('green');
  });

  it('reports every rule that fired, worst first, with counts', () => {
    const result = computeRag({
      today,
      target: 'complete',
      milestones: [
        pending('proposal', addDays(today, -5)),
        pending('feasibility_approval', addDays(today, -45)),
        pending('preliminary_design_approval', '2027-08-01', '2027-10-01'),
        pending('in_service', '2030-12-31', '2031-02-28'),
      ],
    });
    expect(result.rag).toBe('red');
    expect(result.overdueCount).toBe(2);
    expect(result.maxOverdueDays).toBe(45);
    expect(result.reasons).toEqual([
      { code: 'target_out_of_reach', level: 'red', milestone: 'in_service', days: 59 },
      { code: 'milestone_overdue', level: 'red', milestone: 'feasibility_approval', days: 45 },
      { code: 'forecast_slip', level: 'amber', milestone: 'preliminary_design_approval', days: 61 },
      { code: 'forecast_slip', level: 'amber', milestone: 'in_service', days: 59 },
      { code: 'milestone_overdue', level: 'amber', milestone: 'proposal', days: 5 },
    ]);
  });

  it('takes configurable bounds', () => {
    const milestones = [pending('proposal', addDays(today, -10))];
    const lenient = computeRag({ today, milestones }, { amberOverdueDays: 14 });
    expect(lenient).toEqual({ rag: 'green', reasons: [], overdueCount: 1, maxOverdueDays: 10 });
    expect(computeRag({ today, milestones }, { redOverdueDays: 7 }).rag).toBe('red');
    expect(computeRag({ today, milestones: [pending('proposal', '2027-09-01', '2027-09-11')] }, { forecastSlipDays: 9 }).rag).toBe('amber');
    expect(() => computeRag({ today, milestones }, { amberOverdueDays: 40 })).toThrow(RangeError);
    expect(() => computeRag({ today, milestones }, { redOverdueDays: -1 })).toThrow(RangeError);
  });

  it('skips milestones with no date at all', () => {
    expect(computeRag({ today, target: 'complete', milestones: [pending('in_service', null)] }).rag).toBe('green');
  });
});
