import type { BulletinData, BulletinFigures } from '../../apps/worker/src/bulletin/bulletin-data';

const figures = (over: Partial<BulletinFigures> = {}): BulletinFigures => ({
  projectCount: 3,
  plannedInvestment: '405.34',
  originalPlannedInvestment: '405.34',
  completedYtd: '297.00',
  completionRate: 73.27,
  completionRateOriginal: 73.27,
  scheduleRate: 75,
  gapPoints: -1.73,
  startsPlannedToDate: 67,
  startedToDate: 57,
  startRateToDate: 85.07,
  startsPlannedYear: 255,
  startedYear: 206,
  startRateYear: 80.78,
  completionsPlannedYear: 4,
  completedYear: 1,
  completionRateYear: 25,
  lights: { green: 1, yellow: 1, red: 1 },
  ...over,
});

/** A September bulletin with the figures of DOMAIN.md's published examples (297 ÷ 405.34 = 73.27%). */
export function sampleBulletinData(): BulletinData {
  return {
    month: '2026-09',
    year: 2026,
    monthNo: 9,
    generatedOn: '2026-10-08',
    district: { ...figures({ originalPlannedInvestment: '500.00', completionRateOriginal: 59.4 }), totalInvestment: '250000.00' },
    inPreparation: 2,
    underConstruction: 1,
    byInvestmentType: [
      { ...figures({ projectCount: 2, plannedInvestment: '305.34', completedYtd: '250.00' }), key: 'government', label: '政府投资' },
      { ...figures({ projectCount: 1, plannedInvestment: '100.00', completedYtd: '47.00' }), key: 'enterprise', label: '企业投资' },
    ],
    byChapter: [{ ...figures(), key: '5', label: '第五章 建设现代化基础设施体系' }],
    rankingDefinition: '按投资完成率（1—9月累计完成投资 ÷ 年度计划投资）排序；无年度计划投资的单位不参与排名。',
    ranked: [
      { rank: 1, unit: '区交通局', completionRate: 83.33, plannedInvestment: '300.00', completedYtd: '250.00' },
      { rank: 2, unit: '区水利局', completionRate: 44.75, plannedInvestment: '105.34', completedYtd: '47.00' },
    ],
    unranked: ['区文化旅游委'],
    behind: [
      {
        name: '渝贵高铁綦江段',
        unit: '区交通局',
        plannedInvestment: '105.34',
        completedYtd: '30.00',
        completionRate: 28.48,
        gapPoints: -46.52,
        light: 'red',
        reasons: ['投资完成率 28.48%，低于序时进度 46.52 个百分点'],
      },
    ],
    lateReports: [
      { name: '藻渡水库', unit: '区水利局', submittedOn: '2026-10-07' },
      { name: '綦江港', unit: '区交通局', submittedOn: null },
    ],
    adjustments: [{ name: '渝贵高铁綦江段', unit: '区交通局', originalInvestment: '200.00', plannedInvestment: '105.34', reason: '征地拆迁滞后，年中调减' }],
    problems: {
      from: '2026-09-01',
      asOf: '2026-09-30',
      total: { key: 'district', label: '全区合计', opened: 3, closed: 1, openAtEnd: 4, overdueAtEnd: 2 },
      byCategory: [
        { key: 'land', label: '用地', opened: 2, closed: 0, openAtEnd: 3, overdueAtEnd: 2 },
        { key: 'funding', label: '资金', opened: 1, closed: 1, openAtEnd: 1, overdueAtEnd: 0 },
      ],
      byUnit: [
        { key: 'u-plan', label: '区规划自然资源局', opened: 2, closed: 0, openAtEnd: 3, overdueAtEnd: 2 },
        { key: 'unassigned', label: '未交办', opened: 1, closed: 1, openAtEnd: 1, overdueAtEnd: 0 },
      ],
      overdue: [
        { title: '綦江港用地指标未落实', projectName: '綦江港', category: '用地', unitName: '区规划自然资源局', dueDate: '2026-09-10', overdueDays: 20 },
        {
          title: '渝贵高铁綦江段红线调整',
          projectName: '渝贵高铁綦江段',
          category: '用地',
          unitName: '区规划自然资源局',
          dueDate: '2026-09-25',
          overdueDays: 5,
        },
      ],
      notices: [
        {
          number: '督办〔2026〕1号',
          problemTitle: '綦江港用地指标未落实',
          projectName: '綦江港',
          unitName: '区规划自然资源局',
          issuedOn: '2026-09-13',
          replyBy: '2026-09-18',
        },
      ],
    },
    prework: {
      district: { label: '全区', projects: 2, required: 20, done: 9, notApplicable: 2, rate: 50 },
      byUnit: [
        { label: '区交通局', projects: 1, required: 12, done: 6, notApplicable: 0, rate: 50 },
        { label: '区水利局', projects: 1, required: 8, done: 3, notApplicable: 2, rate: 50 },
      ],
    },
  };
}
