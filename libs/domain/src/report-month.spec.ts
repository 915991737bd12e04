import {
  isLateSubmission,
  isPlanMonth,
  isPlanYear,
  isReportOverdue,
  lastDueMonth,
  monthsOfYear,
  nextMonth,
  previousMonth,
  reportDueOn,
  reportNoticesDue,
} from './report-month';

describe('report months (月报)', () => {
  it('are YYYY-MM within 2026-01 … 2030-12, years 2026–2030', () => {
    expect(isPlanMonth('2026-01')).toBe(true);
    expect(isPlanMonth('2030-12')).toBe(true);
    for (const month of ['2025-12', '2031-01', '2026-13', '2026-1', '2026-00', 2026, null]) expect([month, isPlanMonth(month)]).toEqual([month, false]);
    expect(isPlanYear(2026)).toBe(true);
    expect(isPlanYear(2031)).toBe(false);
    expect(isPlanYear(2026.5)).toBe(false);
  });

  it('are due on the due day of the next month, December in January', () => {
    expect(nextMonth('2027-12')).toBe('2028-01');
    expect(reportDueOn('2027-03', 5)).toBe('2027-04-05');
    expect(reportDueOn('2027-12', 28)).toBe('2028-01-28');
    expect(monthsOfYear(2027)).toHaveLength(12);
    expect(monthsOfYear(2027)[11]).toBe('2027-12');
  });

  it('a submission on the due day is on time, the day after late; unsubmitted past the due day is overdue', () => {
    expect(isLateSubmission('2027-03', '2027-04-05', 5)).toBe(false);
    expect(isLateSubmission('2027-03', '2027-04-06', 5)).toBe(true);
    expect(isReportOverdue('2027-03', false, '2027-04-05', 5)).toBe(false);
    expect(isReportOverdue('2027-03', false, '2027-04-06', 5)).toBe(true);
    expect(isReportOverdue('2027-03', true, '2027-04-06', 5)).toBe(false);
  });

  it('remind from three days before the due day to the due day, and are late from the day after', () => {
    expect(previousMonth('2028-01')).toBe('2027-12');
    expect(reportNoticesDue('2027-04-01', 5)).toEqual({ reminder: null, late: '2027-02' });
    expect(reportNoticesDue('2027-04-02', 5)).toEqual({ reminder: '2027-03', late: '2027-02' });
    expect(reportNoticesDue('2027-04-05', 5)).toEqual({ reminder: '2027-03', late: '2027-02' });
    expect(reportNoticesDue('2027-04-06', 5)).toEqual({ reminder: null, late: '2027-03' });
    expect(reportNoticesDue('2027-04-30', 5)).toEqual({ reminder: null, late: '2027-03' });
    // An early due day reminds in the month being reported.
    expect(reportNoticesDue('2027-03-29', 1)).toEqual({ reminder: '2027-03', late: '2027-02' });
    expect(reportNoticesDue('2027-04-02', 1)).toEqual({ reminder: null, late: '2027-03' });
    // Nothing before the plan period.
    expect(reportNoticesDue('2026-02-03', 5)).toEqual({ reminder: '2026-01', late: null });
    expect(lastDueMonth('2027-04-05', 5)).toBe('2027-02');
    expect(lastDueMonth('2027-04-06', 5)).toBe('2027-03');
  });
});
