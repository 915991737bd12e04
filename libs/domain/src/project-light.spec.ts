import { combineProjectLight, lightOfRag } from './project-light';
import { investmentLight, registrationLight, scheduleHundredths, startLight, DEFAULT_INVESTMENT_LIGHT_RULES } from './investment';

describe('the project light', () => {
  const overdue = { code: 'milestone_overdue' as const, level: 'amber' as const, milestone: 'construction_permit', days: 12 };
  const outOfReach = { code: 'target_out_of_reach' as const, level: 'red' as const, milestone: 'acceptance', days: 40 };

  it('is the worst of the milestone RAG (amber counts as yellow) and the 调度’s light', () => {
    expect(lightOfRag('amber')).toBe('yellow');
    expect(combineProjectLight({ rag: 'amber', reasons: [overdue] }, { light: 'green', reasons: [] }).light).toBe('yellow');
    expect(combineProjectLight({ rag: 'green', reasons: [] }, { light: 'yellow', reasons: [] }).light).toBe('yellow');
    expect(combineProjectLight({ rag: 'red', reasons: [outOfReach] }, { light: 'yellow', reasons: [] }).light).toBe('red');
    expect(combineProjectLight({ rag: 'green', reasons: [] }, { light: 'green', reasons: [] })).toEqual({ light: 'green', reasons: [] });
  });

  it('lists every reason, worst first, with its source and its words in both languages', () => {
    const behind = investmentLight(4000n, scheduleHundredths(10), DEFAULT_INVESTMENT_LIGHT_RULES);
    const start = startLight(8, null, 2026, 10);
    const combined = combineProjectLight({ rag: 'amber', reasons: [overdue] }, { light: 'red', reasons: [...behind.reasons, ...start.reasons] });
    expect(combined.light).toBe('red');
    expect(combined.reasons).toEqual([
      {
        source: 'investment',
        code: 'investment_behind',
        level: 'red',
        text: { zh: '投资完成率 40.00%，低于序时进度 43.33 个百分点', en: 'Completion rate 40.00%, 43.33 points behind schedule' },
      },
      {
        source: 'milestones',
        code: 'milestone_overdue',
        level: 'yellow',
        text: { zh: '「施工许可」已逾期 12 天', en: '“Construction permit” is 12 days overdue' },
      },
      {
        source: 'start',
        code: 'start_overdue',
        level: 'yellow',
        text: {
          zh: '计划 8 月开工，截至 10 月末仍未开工（已过 2 个月）',
          en: 'Planned to start in month 8, not started by the end of month 10 (2 months late)',
        },
      },
    ]);
    const registration = registrationLight('2026-09-02', null, 2026, 10);
    const [reason] = combineProjectLight({ rag: 'red', reasons: [outOfReach] }, registration).reasons;
    expect(reason).toMatchObject({
      source: 'milestones',
      level: 'red',
      text: { en: '“Completion acceptance” is forecast 40 days after 2030: the target is out of reach' },
    });
    expect(combineProjectLight({ rag: 'red', reasons: [outOfReach] }, registration).reasons[1]).toMatchObject({
      source: 'registration',
      text: { zh: '已于 2026-09-02 开工，1 个月仍未入库纳统', en: 'Started on 2026-09-02, not registered for statistics 1 month later' },
    });
  });
});
