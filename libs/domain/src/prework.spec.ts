import fc from 'fast-check';
import { approvalStatusOf, APPROVAL_STATUSES, countApprovals, milestoneStateOf, preworkRate } from './prework';

describe('前期手续办结率', () => {
  it('is done ÷ (required − 不适用), in % with two decimals', () => {
    expect(preworkRate({ required: 10, done: 4, notApplicable: 1 })).toBe(44.44);
    expect(preworkRate({ required: 3, done: 2, notApplicable: 0 })).toBe(66.67);
    expect(preworkRate({ required: 7, done: 6, notApplicable: 1 })).toBe(100);
    expect(preworkRate({ required: 5, done: 0, notApplicable: 0 })).toBe(0);
  });

  it('is null when nothing is left to require', () => {
    expect(preworkRate({ required: 0, done: 0, notApplicable: 0 })).toBeNull();
    expect(preworkRate({ required: 2, done: 0, notApplicable: 2 })).toBeNull();
  });

  it('refuses counts that cannot be', () => {
    expect(() => preworkRate({ required: 2, done: 2, notApplicable: 1 })).toThrow(RangeError);
    expect(() => preworkRate({ required: -1, done: 0, notApplicable: 0 })).toThrow(RangeError);
    expect(() => preworkRate({ required: 1.5, done: 0, notApplicable: 0 })).toThrow(RangeError);
  });

  it('stays between 0 and 100 and is 100 exactly when every applicable approval is done', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...APPROVAL_STATUSES), { maxLength: 40 }), (statuses) => {
        const counts = countApprovals(statuses);
        const rate = preworkRate(counts);
        const applicable = statuses.filter((s) => s !== 'not_applicable');
        if (applicable.length === 0) return rate === null;
        return rate !== null && rate >= 0 && rate <= 100 && (rate === 100) === applicable.every((s) => s === 'done');
      }),
    );
  });
});

describe('approval status ↔ milestone state', () => {
  it('round-trips every status', () => {
    for (const status of APPROVAL_STATUSES) expect(approvalStatusOf(milestoneStateOf(status))).toBe(status);
  });

  it('keeps 办理中 open, as overdue and the workflow read it', () => {
    expect(milestoneStateOf('in_progress')).toEqual({ status: 'pending', inProgress: true });
    expect(approvalStatusOf({ status: 'pending', inProgress: false })).toBe('not_started');
  });
});
