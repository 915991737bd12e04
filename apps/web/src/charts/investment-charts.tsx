import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import type { InvestmentSummaryItem, ProjectInvestment } from '../api/types';
import { useI18n } from '../i18n';
import { EChart } from './echart';

/** A project's months (GET /api/projects/:id/investment `months`): completed each month as bars, the cumulative as a line. */
export function ProjectMonthsChart({ months }: { months: ProjectInvestment['months'] }) {
  const { t } = useI18n();
  const monthly = t('invest.chart.monthly');
  const cumulative = t('invest.chart.cumulative');
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months.map((m) => t('invest.chart.month', { m: m.month })) },
      yAxis: { type: 'value', name: t('invest.unitWan') },
      series: [
        { name: monthly, type: 'bar', itemStyle: { color: '#1f4e79' }, data: months.map((m) => Number(m.completed)) },
        { name: cumulative, type: 'line', itemStyle: { color: '#fa8c16' }, data: months.map((m) => Number(m.cumulative)) },
      ],
    }),
    [months, monthly, cumulative, t],
  );
  return <EChart option={option} height={240} ariaLabel={t('invest.chart.bars')} testId="chart-project-months" />;
}

/**
 * The district's cumulative 投资完成率 month by month (the summary of months 1…m, each as the API gives it) against the
 * 序时进度 line (m ÷ 12, also the API's): both in %, so the browser draws the server's figures and computes none.
 */
export function DistrictCurveChart({ points }: { points: InvestmentSummaryItem[] }) {
  const { t } = useI18n();
  const rate = t('invest.completionRate');
  const schedule = t('invest.scheduleRate');
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value: unknown) => (typeof value === 'number' ? `${value.toFixed(2)}%` : '—'),
      },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', boundaryGap: false, data: points.map((_, i) => t('invest.chart.month', { m: i + 1 })) },
      yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      series: [
        {
          name: rate,
          type: 'line',
          symbolSize: 8,
          lineStyle: { width: 3 },
          itemStyle: { color: '#1f4e79' },
          areaStyle: { opacity: 0.08 },
          data: points.map((p) => p.completionRate),
        },
        {
          name: schedule,
          type: 'line',
          symbol: 'none',
          lineStyle: { type: 'dashed', width: 2 },
          itemStyle: { color: '#8c8c8c' },
          data: points.map((p) => p.scheduleRate),
        },
      ],
    }),
    [points, rate, schedule, t],
  );
  return <EChart option={option} height={280} ariaLabel={t('invest.curve')} testId="chart-district-curve" />;
}
