import { Alert, Card, Col, Input, Radio, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../api/client';
import type {
  InvestmentSummary,
  InvestmentSummaryItem,
  ProjectFiguresItem,
  ProjectFiguresPage,
  RankedUnit,
  RankingMetric,
  Rankings,
  ReportGrid,
  ReportGridRow,
  UnrankedUnit,
} from '../api/types';
import { DistrictCurveChart } from '../charts/investment-charts';
import { LightReasons, LIGHT_COLORS, ReportStatusTag, useGapText } from '../components/investment-tags';
import { MonthPicker } from '../components/month-picker';
import { PlanImport } from '../components/plan-import';
import { PageError, ProblemAlert } from '../components/problem-alert';
import { useI18n } from '../i18n';
import { currentMonth, defaultReportMonth, formatAmount, formatRate, yearMonthOf } from '../lib/investment';
import { projectListLink } from '../lib/project-filters';
import { useAsync } from '../lib/use-async';

interface Loaded {
  /** The district's summary of months 1, 2, … m: the curve; the last is the month shown. */
  curve: InvestmentSummaryItem[];
  chapters: InvestmentSummary;
  units: InvestmentSummary;
  grid: ReportGrid;
}

const RED_PAGE_SIZE = 10;

const summaryOf = (year: number, month: number, by: string, signal: AbortSignal) =>
  api.get<InvestmentSummary>('/api/investment/summary', { year, month, by }, signal);

/**
 * 投资调度 (reviewers, admins): the district's 完成率 against 序时进度 for a month, its cumulative curve, units ranked,
 * chapters, the red list and who has not reported. Every figure is the API's; rows open the list or the project.
 */
export default function InvestmentPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const gapText = useGapText();
  const [params, setParams] = useSearchParams();
  const requested = params.get('month');
  const selected = requested && /^\d{4}-\d{2}$/.test(requested) && requested >= '2026-01' && requested <= currentMonth() ? requested : defaultReportMonth();
  const { year, month } = yearMonthOf(selected);
  const [metric, setMetric] = useState<RankingMetric>('completion_rate');
  const [missingQuery, setMissingQuery] = useState('');
  // The red list's page, back to the first when the month changes.
  const [redPaging, setRedPaging] = useState({ month: selected, page: 1 });
  const redPage = redPaging.month === selected ? redPaging.page : 1;

  const state = useAsync<Loaded>(
    async (signal) => {
      const [curve, chapters, units, grid] = await Promise.all([
        Promise.all(Array.from({ length: month }, (_, i) => summaryOf(year, i + 1, 'district', signal).then((s) => s.items[0]))),
        summaryOf(year, month, 'chapter', signal),
        summaryOf(year, month, 'unit', signal),
        api.get<ReportGrid>('/api/monthly-reports', { month: selected }, signal),
      ]);
      return { curve, chapters, units, grid };
    },
    [year, month],
  );
  const rankings = useAsync((signal) => api.get<Rankings>('/api/rankings', { year, month, metric }, signal), [year, month, metric]);
  const data = state.data;
  // The red list is the server's (projects whose project light is red, worst first, a page at a time).
  const red = useAsync(
    (signal) => api.get<ProjectFiguresPage>('/api/investment/projects', { year, month, light: 'red', page: redPage, pageSize: RED_PAGE_SIZE }, signal),
    [year, month, redPage],
  );

  if (state.error && !data) return <PageError error={state.error} onRetry={state.reload} />;

  const district = data?.curve[data.curve.length - 1];
  const missing = (data?.grid.items ?? []).filter((row) => row.status !== 'submitted');
  const needle = missingQuery.trim();
  const missingShown = needle ? missing.filter((row) => row.projectName.includes(needle) || row.unitName.includes(needle)) : missing;

  const chapterColumns: TableProps<InvestmentSummaryItem>['columns'] = [
    { title: t('list.chapter'), dataIndex: 'label', key: 'label' },
    { title: t('invest.projects'), dataIndex: 'projectCount', key: 'count', width: 90, align: 'right' },
    { title: t('invest.plannedWan'), key: 'plan', align: 'right', render: (_, item) => formatAmount(item.plannedInvestment) },
    { title: t('invest.completedWan'), key: 'completed', align: 'right', render: (_, item) => formatAmount(item.completedYtd) },
    { title: t('invest.completionRate'), key: 'rate', align: 'right', render: (_, item) => formatRate(item.completionRate) },
    { title: t('invest.gap'), key: 'gap', render: (_, item) => gapText(item.gapPoints) },
    {
      title: t('invest.lights'),
      key: 'lights',
      render: (_, item) => (
        <Space size={2}>
          {(['red', 'yellow', 'green'] as const).map((light) =>
            item.lightsBy.investment[light] ? (
              <Tag key={light} color={LIGHT_COLORS[light]}>
                {item.lightsBy.investment[light]}
              </Tag>
            ) : null,
          )}
        </Space>
      ),
    },
  ];

  const rankColumns: TableProps<RankedUnit>['columns'] = [
    { title: t('invest.rank'), dataIndex: 'rank', key: 'rank', width: 70 },
    { title: t('list.unit'), dataIndex: 'label', key: 'label' },
    { title: t('invest.rate'), key: 'rate', align: 'right', render: (_, item) => formatRate(item.rate) },
    {
      title: t('invest.numDen'),
      key: 'nd',
      align: 'right',
      render: (_, item) => `${item.numerator} / ${item.denominator}${rankings.data?.numeratorUnit === '个' ? '' : ` ${t('invest.unitWan')}`}`,
    },
  ];

  const redColumns: TableProps<ProjectFiguresItem>['columns'] = [
    { title: t('list.name'), dataIndex: 'name', key: 'name' },
    { title: t('list.unit'), dataIndex: 'unitName', key: 'unit' },
    { title: t('invest.completionRate'), key: 'rate', align: 'right', render: (_, item) => formatRate(item.completionRate) },
    { title: t('invest.gap'), key: 'gap', render: (_, item) => gapText(item.gapPoints) },
    { title: t('invest.reasons'), key: 'reasons', render: (_, item) => <LightReasons reasons={item.projectLightReasons} /> },
  ];

  const missingColumns: TableProps<ReportGridRow>['columns'] = [
    { title: t('list.name'), dataIndex: 'projectName', key: 'name' },
    { title: t('list.unit'), dataIndex: 'unitName', key: 'unit' },
    { title: t('report.status'), key: 'status', render: (_, row) => <ReportStatusTag status={row.status} overdue={row.overdue} /> },
  ];

  return (
    <>
      <Space align="center" wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('invest.title')}
        </Typography.Title>
        <MonthPicker value={selected} onChange={(next) => setParams({ month: next }, { replace: true })} testId="investment-page-month" />
      </Space>
      {state.error ? <ProblemAlert error={state.error} onRetry={state.reload} /> : null}
      {!data || !district ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          <Card
            size="small"
            style={{ marginBottom: 16, borderTop: `4px solid ${district.gapPoints !== null && district.gapPoints < 0 ? '#faad14' : '#52c41a'}` }}
          >
            <Row gutter={[24, 16]} data-testid="district-figures">
              <Col xs={12} md={6}>
                <div data-testid="district-rate" data-rate={district.completionRate ?? ''}>
                  <Statistic
                    title={t('invest.districtRate', { year, m: month })}
                    value={formatRate(district.completionRate)}
                    valueStyle={{ fontSize: 36, color: '#1f4e79' }}
                  />
                </div>
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('invest.scheduleRate')} value={formatRate(district.scheduleRate)} valueStyle={{ fontSize: 36 }} />
              </Col>
              <Col xs={24} md={12}>
                <Typography.Title level={4} style={{ marginTop: 8 }} data-testid="district-gap">
                  {gapText(district.gapPoints)}
                </Typography.Title>
                <Typography.Text type="secondary">
                  {t('invest.districtLine', {
                    completed: formatAmount(district.completedYtd),
                    planned: formatAmount(district.plannedInvestment),
                    original: formatAmount(district.originalPlannedInvestment),
                    n: district.projectCount,
                  })}
                </Typography.Text>
                <div style={{ marginTop: 4 }}>
                  <Typography.Text type="secondary">{district.startRateToDate.label}</Typography.Text>{' '}
                  <Typography.Text strong>{formatRate(district.startRateToDate.rate)}</Typography.Text>
                </div>
              </Col>
            </Row>
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card size="small" title={t('invest.curve')}>
                <DistrictCurveChart points={data.curve} />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card
                size="small"
                title={t('invest.rankings')}
                extra={
                  <Radio.Group size="small" value={metric} onChange={(e) => setMetric(e.target.value as RankingMetric)}>
                    <Radio.Button value="completion_rate">{t('invest.completionRate')}</Radio.Button>
                    <Radio.Button value="start_rate">{t('invest.startRate')}</Radio.Button>
                  </Radio.Group>
                }
                data-testid="rankings"
              >
                <ProblemAlert error={rankings.error} />
                {rankings.data ? (
                  <>
                    <Alert type="info" message={rankings.data.definition} style={{ marginBottom: 8 }} data-testid="ranking-definition" />
                    <Table<RankedUnit>
                      rowKey="key"
                      size="small"
                      columns={rankColumns}
                      dataSource={rankings.data.items}
                      pagination={false}
                      onRow={(item) => ({ onClick: () => void navigate(projectListLink({ unit: item.key })), style: { cursor: 'pointer' } })}
                    />
                    {rankings.data.unranked.length ? (
                      <div style={{ marginTop: 8 }} data-testid="unranked">
                        <Typography.Text type="secondary">{t('invest.unranked')}</Typography.Text>
                        <div>
                          {rankings.data.unranked.map((unit: UnrankedUnit) => (
                            <Tag key={unit.key} style={{ cursor: 'pointer', marginTop: 4 }} onClick={() => void navigate(projectListLink({ unit: unit.key }))}>
                              {unit.label}（{unit.reason}）
                            </Tag>
                          ))}
                        </div>
                      </div>
                    ) : null}
                  </>
                ) : (
                  <Skeleton active />
                )}
              </Card>
            </Col>
          </Row>
          <Card
            size="small"
            title={t('invest.chapters')}
            style={{ marginTop: 16 }}
            extra={<Typography.Text type="secondary">{t('invest.multiCounted', { n: data.chapters.multiCounted })}</Typography.Text>}
          >
            <Table<InvestmentSummaryItem>
              rowKey="key"
              size="small"
              columns={chapterColumns}
              dataSource={data.chapters.items}
              pagination={false}
              scroll={{ x: 800 }}
              data-testid="chapter-table"
              onRow={(item) => ({ onClick: () => void navigate(projectListLink({ chapter: Number(item.key) })), style: { cursor: 'pointer' } })}
            />
          </Card>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('invest.redList', { n: district.lights.red })} data-testid="red-list">
                <Typography.Paragraph type="secondary">{t('invest.redListHint')}</Typography.Paragraph>
                <ProblemAlert error={red.error} />
                <Table<ProjectFiguresItem>
                  rowKey="projectId"
                  size="small"
                  loading={red.loading}
                  columns={redColumns}
                  dataSource={red.data?.items ?? []}
                  pagination={{ current: redPage, pageSize: RED_PAGE_SIZE, total: red.data?.total ?? 0, hideOnSinglePage: true, showSizeChanger: false }}
                  onChange={(pagination) => setRedPaging({ month: selected, page: pagination.current ?? 1 })}
                  locale={{ emptyText: t('invest.redNone') }}
                  onRow={(item) => ({ onClick: () => void navigate(`/projects/${item.projectId}`), style: { cursor: 'pointer' } })}
                />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('invest.notReported', { n: missing.length, month: selected })} data-testid="not-reported">
                <Input.Search
                  allowClear
                  placeholder={t('invest.findMissing')}
                  onChange={(e) => setMissingQuery(e.target.value)}
                  style={{ marginBottom: 8 }}
                  data-testid="not-reported-search"
                />
                <Table<ReportGridRow>
                  rowKey="projectId"
                  size="small"
                  columns={missingColumns}
                  dataSource={missingShown}
                  pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
                  locale={{ emptyText: t('invest.allReported') }}
                  onRow={(row) => ({ onClick: () => void navigate(`/projects/${row.projectId}`), style: { cursor: 'pointer' } })}
                />
              </Card>
            </Col>
          </Row>
          <PlanImport year={year} />
        </>
      )}
    </>
  );
}
