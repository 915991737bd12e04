import { describeChange } from './change-text';

describe('describeChange', () => {
  it('says which milestone fields changed, with their Chinese names', () => {
    expect(
      describeChange({
        action: 'milestone.updated',
        milestoneName: '施工许可',
        before: { baselineDate: '2027-01-31', forecastDate: '2027-03-31', actualDate: null, status: 'pending', version: 1 },
        after: { baselineDate: '2027-01-31', forecastDate: '2027-06-30', actualDate: null, status: 'pending', version: 2 },
      }),
    ).toBe('施工许可 预计日期 2027-03-31 → 2027-06-30');
    expect(
      describeChange({
        action: 'milestone.updated',
        milestoneName: '开工',
        before: { actualDate: null, status: 'pending' },
        after: { actualDate: '2026-11-25', status: 'done' },
      }),
    ).toBe('开工 实际日期 未填 → 2026-11-25，状态 未完成 → 已完成');
    // An approval's files, when the row records them: a change of the set, not of its order.
    const approval = { actualDate: null, status: 'pending', fileIds: ['a'] };
    expect(describeChange({ action: 'milestone.updated', milestoneName: '环评批复', before: approval, after: { ...approval, fileIds: ['a', 'b'] } })).toBe(
      '环评批复 附件 1 个 → 2 个',
    );
    expect(
      describeChange({
        action: 'milestone.updated',
        milestoneName: '环评批复',
        before: { ...approval, fileIds: ['a', 'b'] },
        after: { ...approval, fileIds: ['b', 'a'] },
      }),
    ).toBe('环评批复 已更新');
  });

  it('says a stage change and its decision', () => {
    expect(describeChange({ action: 'transition.approved', before: { stage: 'study' }, after: { stage: 'start' } })).toBe('前期研究 → 开工建设，已批准');
    expect(describeChange({ action: 'transition.approved', before: { stage: 'study' }, after: { stage: 'start' }, comment: '材料齐全' })).toBe(
      '前期研究 → 开工建设，已批准（意见：材料齐全）',
    );
    expect(describeChange({ action: 'transition.overridden', before: { stage: 'start' }, after: { stage: 'on_hold' }, comment: '资金未落实' })).toBe(
      '开工建设 → 暂缓，由管理员直接调整（理由：资金未落实）',
    );
    expect(describeChange({ action: 'transition.requested', after: { to: 'complete', reason: '已竣工' } })).toBe('申请转为建成投用（理由：已竣工）');
    expect(describeChange({ action: 'transition.rejected', after: { status: 'rejected', from: 'study', to: 'start' }, comment: '缺施工许可' })).toBe(
      '前期研究 → 开工建设 的申请已退回（意见：缺施工许可）',
    );
    expect(describeChange({ action: 'transition.rejected', after: { status: 'rejected' } })).toBe('阶段转换申请已退回');
  });

  it('never shows a code, even for an action or a value it does not know', () => {
    const sentences = [
      describeChange({ action: 'project.something_new' }),
      describeChange({ action: 'transition.approved', before: { stage: 'weird_stage' }, after: { stage: 'start' } }),
      describeChange({ action: 'milestone.updated', before: { status: 'odd.value' }, after: { status: 'done' } }),
      describeChange({ action: 'rebaseline.rejected' }),
      describeChange({ action: 'milestone.marked_not_applicable', milestoneName: '施工许可', comment: '改扩建项目无需施工许可' }),
    ];
    for (const sentence of sentences) expect(sentence).not.toMatch(/[a-z_]+\.[a-z_]+|[a-z]+_[a-z]+/);
    expect(sentences[4]).toBe('施工许可 标记为不适用（理由：改扩建项目无需施工许可）');
  });

  it('tells the investment entry in words: facts, the annual plan and its adjustment, monthly reports', () => {
    expect(
      describeChange({
        action: 'project.facts_updated',
        before: { totalInvestment: null, investmentType: null },
        after: { totalInvestment: '1234.50', investmentType: 'government' },
      }),
    ).toBe('投资信息已更新：总投资 未填 → 1234.50 万元，投资类型 未填 → 政府投资');
    expect(describeChange({ action: 'investment_plan.issued', after: { year: 2027, plannedInvestment: '1200.00' } })).toBe(
      '下达 2027 年度计划：计划投资 1200.00 万元',
    );
    expect(
      describeChange({
        action: 'investment_plan.adjusted',
        before: { year: 2027, plannedInvestment: '1200.00' },
        after: { year: 2027, plannedInvestment: '1500.50' },
        comment: '新增征地拆迁投资',
      }),
    ).toBe('调整 2027 年度计划：计划投资 1200.00 万元 → 1500.50 万元（原因：新增征地拆迁投资）');
    expect(describeChange({ action: 'monthly_report.submitted', after: { month: '2027-03', completedInvestment: '0.00', late: true } })).toBe(
      '报送 2027-03 月报：本月完成投资 0.00 万元（逾期报送）',
    );
    expect(describeChange({ action: 'monthly_report.returned', after: { month: '2027-03' }, comment: '请核实' })).toBe('2027-03 月报已退回（意见：请核实）');
  });

  it('names the user or unit an administrator changed and what changed, in words, never a role or sector code', () => {
    const li = { username: 'li_si', displayName: '李四' };
    expect(describeChange({ action: 'user.created', after: { ...li, role: 'owner', unitId: 'u1', unitName: '区水利局', email: null } })).toBe(
      '新建用户 李四（li_si），角色 项目责任单位，单位 区水利局',
    );
    expect(describeChange({ action: 'user.created', after: { ...li, role: 'leader', unitId: null, unitName: null } })).toBe(
      '新建用户 李四（li_si），角色 区领导',
    );
    expect(
      describeChange({
        action: 'user.updated',
        before: { ...li, role: 'owner', unitId: 'u1', unitName: '区水利局', email: null },
        after: { username: 'li_si', displayName: '李四光', role: 'reviewer', unitId: null, unitName: null, email: 'li@qj.gov.cn' },
      }),
    ).toBe('修改用户 李四（li_si）：姓名 李四 → 李四光，角色 项目责任单位 → 审核人（区发展改革委），单位 区水利局 → 无，邮箱 未填 → li@qj.gov.cn');
    // The display name is always carried, to name the user; only a field that differs is listed.
    expect(describeChange({ action: 'user.updated', before: { ...li, email: 'a@qj.gov.cn' }, after: { ...li, email: 'b@qj.gov.cn' } })).toBe(
      '修改用户 李四（li_si）：邮箱 a@qj.gov.cn → b@qj.gov.cn',
    );
    expect(describeChange({ action: 'user.disabled', before: { ...li, active: true }, after: { ...li, active: false } })).toBe(
      '停用用户 李四（li_si），其登录立即失效',
    );
    expect(describeChange({ action: 'user.enabled', before: { ...li, active: false }, after: { ...li, active: true } })).toBe('启用用户 李四（li_si）');
    expect(describeChange({ action: 'user.password_reset', after: li })).toBe('重置用户 李四（li_si） 的密码，其所有登录已失效');

    const unit = { code: 'energy_office', name: '区能源办' };
    expect(describeChange({ action: 'unit.created', after: { ...unit, sectors: ['energy', 'digital'] } })).toBe(
      '新建单位 区能源办（energy_office），默认行业：能源、数字经济',
    );
    expect(describeChange({ action: 'unit.renamed', before: unit, after: { ...unit, name: '区能源局' } })).toBe(
      '单位 区能源办（energy_office） 更名为 区能源局',
    );
    expect(describeChange({ action: 'unit.sectors_changed', before: { ...unit, sectors: [] }, after: { ...unit, sectors: ['energy'] } })).toBe(
      '单位 区能源办（energy_office） 默认行业 无 → 能源',
    );
    expect(describeChange({ action: 'unit.disabled', before: { ...unit, active: true }, after: { ...unit, active: false } })).toBe(
      '停用单位 区能源办（energy_office）',
    );
    expect(describeChange({ action: 'unit.enabled', before: { ...unit, active: false }, after: { ...unit, active: true } })).toBe(
      '启用单位 区能源办（energy_office）',
    );
    expect(describeChange({ action: 'user.updated', before: { role: 'superuser' }, after: { role: 'owner' } })).toBe(
      '修改用户 用户：角色 未知角色 → 项目责任单位',
    );
  });
});
