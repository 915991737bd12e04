import { addDays } from './calendar-date';
import { describeChange } from './change-text';
import {
  countProblems,
  isProblemCategory,
  PROBLEM_AGE_BUCKETS,
  PROBLEM_CATEGORIES,
  problemAgeBucket,
  PROBLEM_CATEGORY_LABELS,
  problemEscalationLevels,
  problemOverdueDaysOn,
  problemStatusOn,
  reopenedStatus,
  supervisionNoticeNumber,
} from './problem';
import { isProblemOverdue, problemOverdueDays } from './rules';

describe('problems (问题清单)', () => {
  it('names every category in Chinese, the district’s seven', () => {
    expect(PROBLEM_CATEGORIES.map((category) => PROBLEM_CATEGORY_LABELS[category])).toEqual([
      '用地',
      '征地拆迁',
      '资金',
      '审批',
      '水电气等要素',
      '规划',
      '其他',
    ]);
    expect(isProblemCategory('land')).toBe(true);
    expect(isProblemCategory('用地')).toBe(false);
  });

  it('is overdue from the day after its due date until it is closed; without a due date never', () => {
    const assigned = { status: 'assigned', dueDate: '2027-03-31' };
    expect(isProblemOverdue(assigned, '2027-03-31')).toBe(false);
    expect(problemOverdueDays(assigned, '2027-04-01')).toBe(1);
    expect(problemOverdueDays(assigned, '2027-04-10')).toBe(10);
    expect(isProblemOverdue({ ...assigned, status: 'closed' }, '2027-04-10')).toBe(false);
    expect(isProblemOverdue({ status: 'open', dueDate: null }, '2030-12-31')).toBe(false);
  });

  it('reopens to its unit when it had one, else to the DRC', () => {
    expect(reopenedStatus({ assignedUnitId: 'u' })).toBe('assigned');
    expect(reopenedStatus({ assignedUnitId: null })).toBe('open');
  });

  it('tells each change in Chinese for the history', () => {
    expect(describeChange({ action: 'problem.raised', after: { title: '用地指标', category: 'land', neededBy: '2027-03-31' } })).toBe(
      '提出问题「用地指标」（用地），希望 2027-03-31 前解决',
    );
    expect(describeChange({ action: 'problem.assigned', after: { title: '用地指标', assignedUnitName: '区规划自然资源局', dueDate: '2027-02-28' } })).toBe(
      '问题「用地指标」交办区规划自然资源局，办结时限 2027-02-28',
    );
    expect(describeChange({ action: 'problem.closed', after: { title: '用地指标' }, comment: '指标已下达' })).toBe(
      '问题「用地指标」已销号（说明：指标已下达）',
    );
  });
});

describe('problem escalation (督办)', () => {
  it('is told the day after the due date, and becomes a 督办单 after SUPERVISION_AFTER_DAYS', () => {
    expect(problemEscalationLevels(0, 3)).toEqual([]);
    expect(problemEscalationLevels(1, 3)).toEqual(['overdue']);
    expect(problemEscalationLevels(2, 3)).toEqual(['overdue']);
    expect(problemEscalationLevels(3, 3)).toEqual(['overdue', 'supervision']);
    expect(problemEscalationLevels(1, 1)).toEqual(['overdue', 'supervision']);
  });

  it('numbers a 督办单 the district’s way', () => {
    expect(supervisionNoticeNumber(2027, 3)).toBe('督办〔2027〕3号');
  });

  describe('over a period (the bulletin’s month, the digest’s week)', () => {
    const september = { from: '2026-09-01', to: '2026-09-30' };
    const problem = (raisedOn: string, closedOn: string | null, dueDate: string | null) => ({
      status: closedOn ? 'closed' : dueDate ? 'assigned' : 'open',
      dueDate,
      raisedOn,
      closedOn,
    });

    it('a problem closed after the period was open at its end, and overdue by the one rule on that day', () => {
      const late = problem('2026-08-20', '2026-10-05', '2026-09-20');
      expect(problemStatusOn(late, '2026-09-30')).toBe('open');
      expect(problemStatusOn(late, '2026-10-05')).toBe('closed');
      expect(problemStatusOn(late, '2026-08-19')).toBeNull();
      expect(problemOverdueDaysOn(late, '2026-09-30')).toBe(10);
      expect(problemOverdueDaysOn(late, '2026-10-06')).toBe(0);
      // Due on the last day: not yet overdue on it.
      expect(problemOverdueDaysOn(problem('2026-09-01', null, '2026-09-30'), '2026-09-30')).toBe(0);
    });

    it('counts raised and closed within the days, both ends included, and open and overdue as on the day given', () => {
      const problems = [
        problem('2026-08-31', null, '2026-09-10'), // before; open and overdue at the end
        problem('2026-09-01', '2026-09-30', '2026-09-05'), // raised and closed in it
        problem('2026-09-30', null, null), // raised on the last day, not assigned
        problem('2026-10-01', null, '2026-10-02'), // after: nothing
        problem('2026-07-01', '2026-08-31', '2026-08-01'), // closed before: nothing
        problem('2026-08-01', '2026-10-03', '2026-09-29'), // closed after the end: open and overdue then
      ];
      expect(countProblems(problems, september, september.to)).toEqual({ opened: 2, closed: 1, openAtEnd: 3, overdueAtEnd: 2 });
      // Mid-period (the month not over yet): as on that day.
      expect(countProblems(problems, september, '2026-09-15')).toEqual({ opened: 2, closed: 1, openAtEnd: 3, overdueAtEnd: 2 });
      expect(countProblems([], september, september.to)).toEqual({ opened: 0, closed: 0, openAtEnd: 0, overdueAtEnd: 0 });
    });
  });

  it('buckets an open problem by the days since it was raised: up to 7, 8–30, 31–90, more than 90', () => {
    const age = (days: number) => problemAgeBucket(addDays('2027-06-30', -days), '2027-06-30');
    expect([0, 7, 8, 30, 31, 90, 91, 400].map(age)).toEqual(['week', 'week', 'month', 'month', 'quarter', 'quarter', 'older', 'older']);
    expect(PROBLEM_AGE_BUCKETS.map((b) => b.label)).toEqual(['7天以内', '8–30天', '31–90天', '90天以上']);
  });
});
