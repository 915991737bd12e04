import { CheckCircleOutlined, CompressOutlined, ExpandOutlined, FilePdfOutlined, FileImageOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Col, ConfigProvider, Empty, Grid, Row, Segmented, Skeleton, Space, theme, Tooltip } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../api/client';
import { DashboardData, loadDashboard, RollupDimension, RollupRow } from '../api/rollups';
import type { PreworkSummary, ProblemSummary, ProjectPage, ProjectStatus } from '../api/types';
import { PROJECT_STATUSES, STAGES } from '../api/types';
import { ChartClick, EChart, loadECharts } from '../charts/echart';
import { OverdueByUnitChart } from '../charts/overdue-by-unit-chart';
import { PreworkByUnitChart } from '../charts/prework-by-unit-chart';
import { ProblemsChart } from '../charts/problems-chart';
import { WALL_AXIS as AXIS, WALL_SPLIT as SPLIT } from '../charts/wall-theme';
import { loadWeeklyTrend, WeeklyTrendChart } from '../charts/weekly-trend-chart';
import { DemoLoadPrompt } from '../components/demo-data';
import { PageError, ProblemAlert } from '../components/problem-alert';
import { RAG_COLORS, STAGE_COLORS } from '../components/tags';
import { useI18n } from '../i18n';
import { formatDateTime, trackerToday } from '../lib/dates';
import { nodeToPng, pngToA4Pdf, saveDataUrl } from '../lib/export-image';
import { projectListLink } from '../lib/project-filters';
import { useAsync } from '../lib/use-async';

const DIMENSIONS: RollupDimension[] = ['chapter', 'sector', 'part', 'unit'];
const REFRESH_MS = 5 * 60_000;

/** The list filter a row of each dimension stands for. */
function filterFor(by: RollupDimension, key: string) {
  return { [by]: key } as Record<string, string>;
}

function Kpi({ label, value, sub, color, to }: { label: string; value: ReactNode; sub?: string; color?: string; to: string }) {
  const navigate = useNavigate();
  return (
    <button type="button" className="wall-panel kpi" onClick={() => navigate(to)} data-testid="kpi">
      <div className="kpi-label">{label}</div>
      <div className="kpi-value" style={color ? { color } : undefined}>
        {value}
      </div>
      {sub ? <div className="kpi-sub">{sub}</div> : null}
    </button>
  );
}

/** 领导驾驶舱: the pipeline at a glance, for the DRC's wall. Every chart opens the matching project list. */
export default function DashboardPage() {
  const { t, tv } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const by = (DIMENSIONS.includes(params.get('by') as RollupDimension) ? params.get('by') : 'chapter') as RollupDimension;
  const [wall, setWall] = useState(false);
  const { message } = App.useApp();
  const wallRef = useRef<HTMLDivElement>(null);
  const [exporting, setExporting] = useState<'png' | 'pdf'>();
  // On a phone the chapter names would take the whole width: shorter labels, a scrolling legend.
  const narrow = !Grid.useBreakpoint().md;
  const [fresh, setFresh] = useState(0);

  const data = useAsync<DashboardData>((signal) => loadDashboard(by, signal), [by, fresh]);
  const red = useAsync((signal) => api.get<ProjectPage>('/api/projects', { rag: 'red', pageSize: 8, sort: '-updatedAt' }, signal), [fresh]);
  const units = useAsync<DashboardData>((signal) => loadDashboard('unit', signal), [fresh]);
  const trend = useAsync((signal) => loadWeeklyTrend(signal), [fresh]);
  const prework = useAsync((signal) => api.get<PreworkSummary>('/api/prework/summary', { by: 'unit' }, signal), [fresh]);
  const problems = useAsync((signal) => api.get<ProblemSummary>('/api/problems/summary', undefined, signal), [fresh]);

  // Fetch ECharts alongside the data instead of after it: the charts mount only once the numbers are in.
  useEffect(() => void loadECharts(), []);
  useEffect(() => {
    const timer = setInterval(() => setFresh((n) => n + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (!wall) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setWall(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [wall]);

  const labelOf = (row: RollupRow) => (by === 'sector' ? tv('sector', row.key) : row.label);
  const rows = useMemo(() => (data.data?.rows ?? []).filter((row) => row.total > 0), [data.data]);

  const stageBars = useMemo<EChartsCoreOption>(() => {
    const labels = rows.map(labelOf);
    const horizontal = by !== 'sector';
    const category = {
      type: 'category',
      data: labels,
      inverse: horizontal,
      axisLabel: { color: AXIS, width: horizontal ? (narrow ? 96 : 170) : undefined, overflow: 'truncate', interval: 0, rotate: horizontal ? 0 : 30 },
      axisLine: { lineStyle: { color: SPLIT } },
      axisTick: { show: false },
    };
    const value = { type: 'value', axisLabel: { color: AXIS }, splitLine: { lineStyle: { color: SPLIT } }, minInterval: 1 };
    return {
      backgroundColor: 'transparent',
      animationDuration: 600,
      legend: { type: 'scroll', top: 0, textStyle: { color: AXIS }, pageTextStyle: { color: AXIS }, data: PROJECT_STATUSES.map((s) => tv('stage', s)) },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: PROJECT_STATUSES.map((stage) => ({
        name: tv('stage', stage),
        type: 'bar',
        stack: 'stage',
        barMaxWidth: 22,
        itemStyle: { color: STAGE_COLORS[stage] },
        emphasis: { focus: 'series' },
        data: rows.map((row) => row.byStage[stage] ?? 0),
      })),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, by, tv, narrow]);

  const totals = data.data?.totals;
  const ragDonut = useMemo<EChartsCoreOption>(
    () => ({
      backgroundColor: 'transparent',
      tooltip: { trigger: 'item', formatter: `{b}${t('common.colon')}{c} ({d}%)` },
      legend: { bottom: 0, textStyle: { color: AXIS } },
      series: [
        {
          type: 'pie',
          radius: ['48%', '72%'],
          center: ['50%', '45%'],
          itemStyle: { borderColor: '#0a1e38', borderWidth: 3 },
          label: { color: '#e6f1ff', formatter: '{b}\n{c}', fontSize: 14 },
          data: (['green', 'amber', 'red'] as const).map((rag) => ({
            name: tv('rag', rag),
            value: totals?.rag[rag] ?? 0,
            rag,
            itemStyle: { color: RAG_COLORS[rag] },
          })),
        },
      ],
    }),
    [totals, t, tv],
  );

  const funnel = useMemo<EChartsCoreOption>(() => {
    const all = (totals?.total ?? 0) - (totals?.byStage.cancelled ?? 0);
    const started = (totals?.byStage.start ?? 0) + (totals?.byStage.complete ?? 0);
    const completed = totals?.byStage.complete ?? 0;
    return {
      backgroundColor: 'transparent',
      tooltip: { trigger: 'item', formatter: `{b}${t('common.colon')}{c}` },
      series: [
        {
          type: 'funnel',
          left: '8%',
          right: '8%',
          top: 10,
          bottom: 10,
          sort: 'none',
          minSize: '22%',
          gap: 4,
          label: { position: 'inside', color: '#fff', fontSize: 14, formatter: '{b}  {c}' },
          itemStyle: { borderWidth: 0 },
          data: [
            { name: t('dash.funnelAll'), value: all, stage: undefined, itemStyle: { color: STAGE_COLORS.study } },
            { name: t('dash.funnelStarted'), value: started, stage: 'start', itemStyle: { color: STAGE_COLORS.start } },
            { name: t('dash.funnelCompleted'), value: completed, stage: 'complete', itemStyle: { color: STAGE_COLORS.complete } },
          ],
        },
      ],
    };
  }, [totals, t]);

  const targets = useMemo<EChartsCoreOption>(
    () => ({
      backgroundColor: 'transparent',
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, textStyle: { color: AXIS } },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: STAGES.map((s) => tv('target', s)), axisLabel: { color: AXIS }, axisLine: { lineStyle: { color: SPLIT } } },
      yAxis: { type: 'value', axisLabel: { color: AXIS }, splitLine: { lineStyle: { color: SPLIT } }, minInterval: 1 },
      series: [
        {
          name: t('dash.targetCount'),
          type: 'bar',
          barMaxWidth: 28,
          itemStyle: { color: 'rgba(64, 169, 255, 0.35)', borderColor: '#40a9ff' },
          label: { show: true, position: 'top', color: AXIS },
          data: STAGES.map((s) => totals?.targets[s] ?? 0),
        },
        {
          name: t('dash.reached'),
          type: 'bar',
          barMaxWidth: 28,
          itemStyle: { color: '#36cfc9' },
          label: { show: true, position: 'top', color: '#e6f1ff' },
          data: STAGES.map((s) => totals?.reached[s] ?? 0),
        },
      ],
    }),
    [totals, t, tv],
  );

  const openStageBar = (params: ChartClick) => {
    const row = rows[params.dataIndex ?? -1];
    const stage = PROJECT_STATUSES[params.seriesIndex ?? -1] as ProjectStatus | undefined;
    if (row) void navigate(projectListLink({ ...filterFor(by, row.key), stage }));
  };

  if (data.error && !data.data) {
    return (
      <div className="wall">
        <PageError error={data.error} onRetry={data.reload} />
      </div>
    );
  }

  /** 导出 PNG / PDF: the dashboard as it is on screen (大屏模式 or not), named for today, for a meeting's slides or handouts. */
  const exportAs = async (kind: 'png' | 'pdf') => {
    if (!wallRef.current) return;
    setExporting(kind);
    try {
      const image = await nodeToPng(wallRef.current);
      const name = `${t('dash.fileName')}-${trackerToday()}`;
      if (kind === 'png') saveDataUrl(image.dataUrl, `${name}.png`);
      else await pngToA4Pdf(image, `${name}.pdf`);
    } catch (error) {
      void message.error(t('dash.exportFailed', { detail: error instanceof Error ? error.message : String(error) }));
    } finally {
      setExporting(undefined);
    }
  };

  const overdueLabel = t('dash.overdueMilestones');
  const pct = (n: number) => (totals?.total ? `${Math.round((n / totals.total) * 100)}%` : '');
  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm, token: { colorBgContainer: 'transparent' } }}>
      <div className={`wall${wall ? ' fullscreen' : ''}`} data-testid="dashboard" ref={wallRef}>
        <div className="wall-title">
          <div>
            <h1>{t('dash.title')}</h1>
            <div className="wall-meta">
              {data.data ? t('dash.asOf', { time: formatDateTime(data.data.asOf) }) : t('common.loading')}
              {data.data ? ` · ${t('dash.sourceRollups')}` : ''} · {t('dash.clickHint')}
            </div>
          </div>
          <Space wrap className="no-print" data-export-skip="true">
            <Button
              icon={<FileImageOutlined />}
              loading={exporting === 'png'}
              disabled={!!exporting || !totals}
              onClick={() => void exportAs('png')}
              data-testid="export-png"
            >
              {t('dash.exportPng')}
            </Button>
            <Button
              icon={<FilePdfOutlined />}
              loading={exporting === 'pdf'}
              disabled={!!exporting || !totals}
              onClick={() => void exportAs('pdf')}
              data-testid="export-pdf"
            >
              {t('dash.exportPdf')}
            </Button>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print">
              {t('dash.print')}
            </Button>
            <Tooltip title={t('dash.refresh')}>
              <Button icon={<ReloadOutlined />} onClick={() => setFresh((n) => n + 1)} loading={data.loading} aria-label={t('dash.refresh')} />
            </Tooltip>
            <Button icon={wall ? <CompressOutlined /> : <ExpandOutlined />} onClick={() => setWall((w) => !w)}>
              {wall ? t('dash.exitFullscreen') : t('dash.fullscreen')}
            </Button>
          </Space>
        </div>

        <DemoLoadPrompt />
        {!totals ? (
          <Skeleton active paragraph={{ rows: 10 }} />
        ) : (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Row gutter={[16, 16]}>
              <Col xs={12} md={8} xl={4}>
                <Kpi label={t('dash.total')} value={totals.total} to="/projects" />
              </Col>
              <Col xs={12} md={8} xl={4}>
                <Kpi
                  label={t('dash.study')}
                  value={totals.byStage.study}
                  sub={pct(totals.byStage.study)}
                  color="#b39dff"
                  to={projectListLink({ stage: 'study' })}
                />
              </Col>
              <Col xs={12} md={8} xl={4}>
                <Kpi
                  label={t('dash.start')}
                  value={totals.byStage.start}
                  sub={pct(totals.byStage.start)}
                  color="#69b1ff"
                  to={projectListLink({ stage: 'start' })}
                />
              </Col>
              <Col xs={12} md={8} xl={4}>
                <Kpi
                  label={t('dash.complete')}
                  value={totals.byStage.complete}
                  sub={pct(totals.byStage.complete)}
                  color="#5cdbd3"
                  to={projectListLink({ stage: 'complete' })}
                />
              </Col>
              <Col xs={12} md={8} xl={4}>
                <Kpi
                  label={t('dash.redAmber')}
                  value={
                    <>
                      <span style={{ color: '#ff7875' }}>{totals.rag.red}</span>
                      <span style={{ color: AXIS, fontWeight: 400, margin: '0 6px' }}>/</span>
                      <span style={{ color: '#ffd666' }}>{totals.rag.amber}</span>
                    </>
                  }
                  sub={t('dash.greenCount', { n: totals.rag.green })}
                  to={projectListLink({ rag: totals.rag.red ? 'red' : 'amber' })}
                />
              </Col>
              <Col xs={12} md={8} xl={4}>
                <Kpi
                  label={overdueLabel}
                  value={totals.overdueMilestones}
                  sub={t('dash.pendingCount', { n: totals.pendingRequests })}
                  color={totals.overdueMilestones ? '#ffd666' : undefined}
                  to={projectListLink({ overdue: 'true' })}
                />
              </Col>
            </Row>

            <Row gutter={[16, 16]}>
              <Col xs={24} xl={16}>
                <div className="wall-panel">
                  <h3>
                    <span>{t('dash.byStage', { by: t(`dash.by.${by}`) })}</span>
                    <Segmented
                      size="small"
                      value={by}
                      onChange={(value) => setParams(value === 'chapter' ? {} : { by: String(value) })}
                      options={DIMENSIONS.map((d) => ({ value: d, label: t(`dash.by.${d}`) }))}
                      data-testid="dimension-switch"
                    />
                  </h3>
                  {rows.length ? (
                    <EChart
                      option={stageBars}
                      height={by === 'sector' ? 380 : Math.max(380, rows.length * 26 + 60)}
                      onClick={openStageBar}
                      ariaLabel={t('dash.byStage', { by: t(`dash.by.${by}`) })}
                      testId="chart-stages"
                    />
                  ) : (
                    <Empty />
                  )}
                  {data.data?.multiCounted ? (
                    <div className="wall-meta" data-testid="multi-counted">
                      {t('dash.multiCounted', { n: data.data.multiCounted, by: t(`dash.by.${by}`) })}
                    </div>
                  ) : null}
                </div>
              </Col>
              <Col xs={24} xl={8}>
                <Space direction="vertical" size={16} style={{ width: '100%' }}>
                  <div className="wall-panel">
                    <h3>
                      <span>{t('dash.rag')}</span>
                    </h3>
                    <EChart
                      option={ragDonut}
                      height={260}
                      onClick={(p) => navigate(projectListLink({ rag: (p.data as { rag?: string })?.rag }))}
                      ariaLabel={t('dash.rag')}
                      testId="chart-rag"
                    />
                  </div>
                  <div className="wall-panel">
                    <h3>
                      <span>{t('dash.alerts')}</span>
                      <Link to={projectListLink({ rag: 'red' })} style={{ fontSize: 12 }}>
                        {totals.rag.red ? t('common.total', { n: totals.rag.red }) : ''}
                      </Link>
                    </h3>
                    {red.data?.items.length ? (
                      <ul className="alert-list" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                        {red.data.items.map((p) => (
                          <li key={p.id}>
                            <Link to={`/projects/${p.id}`}>{p.name}</Link>
                            <span style={{ color: AXIS, whiteSpace: 'nowrap' }}>{p.unitName}</span>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <div style={{ color: '#95de64', padding: '12px 0', display: 'flex', alignItems: 'center', gap: 8 }}>
                        <CheckCircleOutlined /> {red.loading ? t('common.loading') : t('dash.noAlerts')}
                      </div>
                    )}
                  </div>
                </Space>
              </Col>
            </Row>

            <Row gutter={[16, 16]}>
              <Col xs={24} md={12} xxl={5}>
                <div className="wall-panel">
                  <h3>
                    <span>{t('dash.funnel')}</span>
                  </h3>
                  <EChart
                    option={funnel}
                    height={260}
                    onClick={(p) => navigate(projectListLink({ stage: (p.data as { stage?: string })?.stage }))}
                    ariaLabel={t('dash.funnel')}
                    testId="chart-funnel"
                  />
                </div>
              </Col>
              <Col xs={24} md={12} xxl={5}>
                <div className="wall-panel">
                  <h3>
                    <span>{t('dash.targets')}</span>
                  </h3>
                  <EChart
                    option={targets}
                    height={260}
                    onClick={(p) => navigate(projectListLink({ target: STAGES[p.dataIndex ?? -1] }))}
                    ariaLabel={t('dash.targets')}
                    testId="chart-targets"
                  />
                </div>
              </Col>
              <Col xs={24} xl={10} xxl={6}>
                <div className="wall-panel">
                  <h3>
                    <span>{t('dash.overdueByUnit')}</span>
                  </h3>
                  {units.data ? (
                    <OverdueByUnitChart rows={units.data.rows} />
                  ) : units.error ? (
                    <ProblemAlert error={units.error} onRetry={units.reload} />
                  ) : (
                    <Skeleton active paragraph={{ rows: 5 }} />
                  )}
                </div>
              </Col>
              <Col xs={24} xl={10} xxl={6}>
                <div className="wall-panel">
                  <h3>
                    <span>{t('dash.preworkByUnit')}</span>
                  </h3>
                  {prework.data ? (
                    <PreworkByUnitChart items={prework.data.items} />
                  ) : prework.error ? (
                    <ProblemAlert error={prework.error} onRetry={prework.reload} />
                  ) : (
                    <Skeleton active paragraph={{ rows: 5 }} />
                  )}
                </div>
              </Col>
              <Col xs={24} xl={14} xxl={8}>
                <div className="wall-panel">
                  <h3>
                    <span>{t('dash.trend')}</span>
                  </h3>
                  {trend.data ? (
                    <WeeklyTrendChart points={trend.data} />
                  ) : trend.error ? (
                    <ProblemAlert error={trend.error} onRetry={trend.reload} />
                  ) : (
                    <Skeleton active paragraph={{ rows: 5 }} />
                  )}
                </div>
              </Col>
              <Col xs={24} xl={10} xxl={8}>
                <div className="wall-panel">
                  <h3>
                    <span>{t('dash.problems')}</span>
                    <Link to="/problems" style={{ fontSize: 12 }}>
                      {t('problems.openAll')}
                    </Link>
                  </h3>
                  {problems.data ? (
                    <ProblemsChart summary={problems.data} />
                  ) : problems.error ? (
                    <ProblemAlert error={problems.error} onRetry={problems.reload} />
                  ) : (
                    <Skeleton active paragraph={{ rows: 5 }} />
                  )}
                </div>
              </Col>
            </Row>
          </Space>
        )}
      </div>
    </ConfigProvider>
  );
}
