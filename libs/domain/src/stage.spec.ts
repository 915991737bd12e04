import { compareStages, isProjectStatus, isStage, nextStage, PROJECT_STATUS_LABELS, STAGE_LABELS, stageOfStatus, STAGES } from './stage';

describe('stage', () => {
  it('orders study → start → complete', () => {
    expect([...STAGES].reverse().sort(compareStages)).toEqual(['study', 'start', 'complete']);
    expect(nextStage('study')).toBe('start');
    expect(nextStage('start')).toBe('complete');
    expect(nextStage('complete')).toBeNull();
  });

  it('labels every status in Chinese and English', () => {
    expect(STAGE_LABELS.study.zh).toBe('前期研究');
    expect(STAGE_LABELS.start.zh).toBe('开工建设');
    expect(STAGE_LABELS.complete.zh).toBe('建成投用');
    expect(PROJECT_STATUS_LABELS.on_hold.zh).toBe('暂缓');
    expect(PROJECT_STATUS_LABELS.cancelled.zh).toBe('取消');
  });

  it('tells stages from statuses', () => {
    expect(isStage('start')).toBe(true);
    expect(isStage('on_hold')).toBe(false);
    expect(isProjectStatus('on_hold')).toBe(true);
    expect(isProjectStatus('done')).toBe(false);
  });

  it('reports a held project under the stage it left', () => {
    expect(stageOfStatus('start')).toBe('start');
    expect(stageOfStatus('on_hold', 'study')).toBe('study');
    expect(stageOfStatus('on_hold')).toBeNull();
    expect(stageOfStatus('cancelled', 'start')).toBeNull();
  });
});
