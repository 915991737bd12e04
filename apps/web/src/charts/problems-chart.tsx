import { CheckCircleOutlined } from '@ant-design/icons';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ProblemSummary } from '../api/types';
import { useI18n } from '../i18n';
import { EChart } from './echart';
import { WALL_AXIS, WALL_SPLIT } from './wall-theme';

/** Older buckets in warmer colours: the problems open for long are the ones the bulletin names. */
const AGE_COLORS = ['#95de64', '#ffd666', '#ff9c6e', '#ff4d4f'];

/**
 * 未销号问题: the open problems of the district (GET /api/problems/summary) by category — not yet overdue and overdue,
 * stacked, a bar opening that category in the problem list — and how long they have been open.
 */
export function ProblemsChart({ summary }: { summary: ProblemSummary }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const rows = useMemo(() => summary.byCategory.filter((row) => row.open > 0), [summary]);
  const notOverdue = t('dash.problemsNotOverdue');
  const overdue = t('dash.problemsOverdueSeries');

  const option = useMemo<EChartsCoreOption>(
    () => ({
      backgroundColor: 'transparent',
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, textStyle: { color: WALL_AXIS }, itemWidth: 12, itemHeight: 8 },
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { color: WALL_AXIS }, splitLine: { lineStyle: { color: WALL_SPLIT } } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((row) => t(`problems.category.${row.category}`)),
        axisLabel: { color: WALL_AXIS, width: 110, overflow: 'truncate', interval: 0 },
        axisLine: { lineStyle: { color: WALL_SPLIT } },
        axisTick: { show: false },
      },
      series: [
        {
          name: notOverdue,
          type: 'bar',
          stack: 'open',
          barMaxWidth: 18,
          itemStyle: { color: '#4096ff' },
          data: rows.map((row) => ({ value: row.open - row.overdue, category: row.category })),
        },
        {
          name: overdue,
          type: 'bar',
          stack: 'open',
          barMaxWidth: 18,
          itemStyle: { color: '#ff7a45', borderRadius: [0, 3, 3, 0] },
          data: rows.map((row) => ({ value: row.overdue, category: row.category, overdue: true })),
        },
      ],
    }),
    [rows, t, notOverdue, overdue],
  );

  return (
    <div data-testid="dash-problems">
      <div className="wall-meta" style={{ display: 'flex', gap: 16, flexWrap: 'wrap', marginBottom: 8 }}>
        <span data-testid="dash-problems-open">{t('dash.problemsOpen', { n: summary.open })}</span>
        <span data-testid="dash-problems-overdue" style={{ color: summary.overdue ? '#ff7875' : undefined }}>
          {t('dash.problemsOverdue', { n: summary.overdue })}
        </span>
      </div>
      {rows.length ? (
        <EChart
          option={option}
          height={Math.max(160, rows.length * 30 + 48)}
          onClick={(p) => {
            const data = p.data as { category?: string; overdue?: boolean } | undefined;
            if (data?.category) void navigate(`/problems?category=${data.category}${data.overdue ? '&overdue=true' : ''}`);
          }}
          ariaLabel={t('dash.problems')}
          testId="chart-problems"
        />
      ) : (
        <div className="wall-empty ok" data-testid="chart-problems-empty">
          <CheckCircleOutlined /> {t('dash.problemsNone')}
        </div>
      )}
      <div className="wall-meta" style={{ marginTop: 8 }}>
        {t('dash.problemsAge')}
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: 8, marginTop: 4 }}>
        {summary.byAge.map((age, i) => (
          <div
            key={age.bucket}
            data-testid={`dash-problems-age-${age.bucket}`}
            style={{ borderLeft: `3px solid ${AGE_COLORS[i]}`, paddingLeft: 8, minWidth: 0 }}
          >
            <div style={{ fontSize: 20, fontWeight: 600, color: '#e6f1ff' }}>{age.open}</div>
            <div className="wall-meta" style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
              {t(`problems.age.${age.bucket}`)}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
