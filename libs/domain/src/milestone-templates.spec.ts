import fc from 'fast-check';
import { diffDays, fromEpochDay, toEpochDay } from './calendar-date';
import { defaultBaselines, MILESTONE_TEMPLATES, milestoneTemplatesOf, targetMilestoneCode } from './milestone-templates';
import { STAGES, type Stage } from './stage';

const codes = (list: { code: string }[]) => list.map((m) => m.code);

describe('milestone templates', () => {
  it('lists each stage’s milestones in order', () => {
    expect(milestoneTemplatesOf('study').map((t) => t.name.zh)).toEqual(['项目建议书', '可行性研究报告批复']);
    expect(milestoneTemplatesOf('start').map((t) => t.name.zh)).toEqual(['初步设计批复', '施工许可', '开工']);
    expect(milestoneTemplatesOf('complete').map((t) => t.name.zh)).toEqual(['主体完工', '竣工验收', '投入使用']);
    const orders = MILESTONE_TEMPLATES.map((t) => t.sortOrder);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(new Set(orders).size).toBe(orders.length);
  });

  it('names the milestone that realises each target', () => {
    expect(targetMilestoneCode('study')).toBe('feasibility_approval');
    expect(targetMilestoneCode('start')).toBe('groundbreaking');
    expect(targetMilestoneCode('complete')).toBe('in_service');
  });
});

describe('defaultBaselines', () => {
  it('complete target from study: all eight milestones, 投入使用 on 2030-12-31', () => {
    const plan = defaultBaselines('complete');
    expect(codes(plan)).toEqual(MILESTONE_TEMPLATES.map((t) => t.code));
    expect(plan.every((m) => !m.done && m.baselineDate !== null)).toBe(true);
    const inService = plan.find((m) => m.code === 'in_service')!;
    expect(inService).toMatchObject({ baselineDate: '2030-12-31', realisesTarget: true });
    expect(plan.filter((m) => m.realisesTarget)).toHaveLength(1);
  });

  it('start target: 开工 by 2030-12-31 and no complete-stage milestones', () => {
    const plan = defaultBaselines('start');
    expect(codes(plan)).toEqual(['proposal', 'feasibility_approval', 'preliminary_design_approval', 'construction_permit', 'groundbreaking']);
    expect(plan.find((m) => m.code === 'groundbreaking')).toMatchObject({ baselineDate: '2030-12-31', realisesTarget: true });
  });

  it('study target: only the study milestones, all within the plan', () => {
    const plan = defaultBaselines('study');
    expect(codes(plan)).toEqual(['proposal', 'feasibility_approval']);
    expect(plan.every((m) => m.baselineDate! > '2026-01-01' && m.baselineDate! <= '2030-12-31')).toBe(true);
    expect(plan[0].baselineDate! < plan[1].baselineDate!).toBe(true);
  });

  it('a project already under construction gets its passed milestones done, without baselines', () => {
    const plan = defaultBaselines('complete', '2026-01-01', '2030-12-31', 'start');
    expect(plan.filter((m) => m.done).map((m) => m.code)).toEqual([
      'proposal',
      'feasibility_approval',
      'preliminary_design_approval',
      'construction_permit',
      'groundbreaking',
    ]);
    expect(plan.filter((m) => m.done).every((m) => m.baselineDate === null)).toBe(true);
    expect(plan.filter((m) => !m.done).map((m) => m.baselineDate)).toEqual(['2029-10-01', '2030-05-17', '2030-12-31']);
  });

  it('a project past its target is all done', () => {
    const plan = defaultBaselines('study', undefined, undefined, 'complete');
    expect(plan).toHaveLength(8);
    expect(plan.every((m) => m.done && m.baselineDate === null)).toBe(true);
  });

  it('honours a custom window', () => {
    const plan = defaultBaselines('start', '2027-06-01', '2028-06-01');
    expect(plan.at(-1)!.baselineDate).toBe('2028-06-01');
    expect(plan[0].baselineDate! > '2027-06-01').toBe(true);
  });

  it('rejects a bad window or stage', () => {
    expect(() => defaultBaselines('start', '2030-12-31', '2026-01-01')).toThrow(RangeError);
    expect(() => defaultBaselines('start', '2026-02-30')).toThrow(RangeError);
    expect(() => defaultBaselines('finished' as Stage)).toThrow(RangeError);
  });

  it('always yields ordered baselines inside the window, the target milestone on its end', () => {
    const stage = fc.constantFrom(...STAGES);
    const window = fc
      .tuple(fc.integer({ min: toEpochDay('2020-01-01'), max: toEpochDay('2035-01-01') }), fc.integer({ min: 1, max: 4000 }))
      .map(([start, span]) => [fromEpochDay(start), fromEpochDay(start + span)] as const);
    fc.assert(
      fc.property(stage, stage, window, (target, current, [planStart, planEnd]) => {
        const plan = defaultBaselines(target, planStart, planEnd, current);
        const dated = plan.filter((m) => m.baselineDate !== null).map((m) => m.baselineDate!);
        expect(dated).toEqual([...dated].sort());
        for (const d of dated) {
          expect(diffDays(d, planStart)).toBeGreaterThanOrEqual(0);
          expect(diffDays(planEnd, d)).toBeGreaterThanOrEqual(0);
        }
        const realiser = plan.find((m) => m.realisesTarget);
        expect(realiser).toBeDefined();
        if (!realiser!.done) expect(realiser!.baselineDate).toBe(planEnd);
      }),
    );
  });
});
