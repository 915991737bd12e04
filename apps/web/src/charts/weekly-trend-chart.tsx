import { LineChartOutlined } from '@ant-design/icons';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import type { DistrictWeek, ProjectStatus, RollupTrend } from '../api/types';
import { STAGE_COLORS } from '../components/tags';
import { useI18n } from '../i18n';
import { projectListLink } from '../lib/project-filters';
import { EChart } from './echart';
import { WALL_AXIS, WALL_SPLIT } from './wall-theme';

/** The stages drawn as lines; cancelled projects are left out of a pipeline trend. */
const TREND_STAGES: ProjectStatus[] = ['study', 'start', 'complete', 'on_hold'];

/** One week of the district's totals (GET /api/rollups/trend). */
export type WeekPoint = DistrictWeek;

/** The district's weekly totals (every unit's snapshots summed per week, by the API). */
export async function loadWeeklyTrend(signal?: AbortSignal): Promise<WeekPoint[]> {
  return (await api.get<RollupTrend>('/api/rollups/trend', undefined, signal)).items;
}

/** 每周趋势: projects per stage (left axis) and overdue milestones (right axis) over the weekly snapshots. */
export function WeeklyTrendChart({ points }: { points: WeekPoint[] }) {
  const { t, tv } = useI18n();
  const navigate = useNavigate();
  const overdueName = t('dash.trendOverdue');

  const option = useMemo<EChartsCoreOption>(
    () => ({
      backgroundColor: 'transparent',
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0, textStyle: { color: WALL_AXIS }, pageTextStyle: { color: WALL_AXIS } },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        boundaryGap: false,
        // The API's label (第47周（11月16日—22日）, as the mails say it); the axis keeps its first words, the tooltip all of it.
        data: points.map((p) => p.weekLabel),
        axisLabel: { color: WALL_AXIS, formatter: (label: string) => label.replace(/\s*[（(].*$/, '') },
        axisLine: { lineStyle: { color: WALL_SPLIT } },
      },
      yAxis: [
        { type: 'value', minInterval: 1, axisLabel: { color: WALL_AXIS }, splitLine: { lineStyle: { color: WALL_SPLIT } } },
        { type: 'value', minInterval: 1, axisLabel: { color: '#ffc069' }, splitLine: { show: false } },
      ],
      series: [
        ...TREND_STAGES.map((stage) => ({
          name: tv('stage', stage),
          type: 'line',
          smooth: true,
          symbolSize: 7,
          lineStyle: { width: 3 },
          itemStyle: { color: stage === 'on_hold' ? '#bfbfbf' : STAGE_COLORS[stage] },
          data: points.map((p) => ({ value: p.byStage[stage], stage })),
        })),
        {
          name: overdueName,
          type: 'line',
          yAxisIndex: 1,
          symbolSize: 7,
          lineStyle: { width: 2, type: 'dashed' },
          itemStyle: { color: '#ffa940' },
          data: points.map((p) => ({ value: p.overdueMilestones, overdue: true })),
        },
      ],
    }),
    [points, tv, overdueName],
  );

  if (points.length < 2) {
    return (
      <div className="wall-empty" data-testid="chart-trend-empty">
        <LineChartOutlined /> {points.length ? t('dash.trendOneWeek', { week: points[0].weekLabel }) : t('dash.trendNone')}
      </div>
    );
  }
  return (
    <div data-weeks={points.length} data-testid="trend">
      <EChart
        option={option}
        height={260}
        onClick={(p) => {
          const data = p.data as { stage?: string; overdue?: boolean };
          void navigate(projectListLink(data?.overdue ? { overdue: 'true' } : { stage: data?.stage }));
        }}
        ariaLabel={t('dash.trend')}
        testId="chart-trend"
      />
    </div>
  );
}
