import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import type { PreworkSummaryItem } from '../api/types';
import { useI18n } from '../i18n';
import { EChart } from './echart';
import { WALL_AXIS, WALL_SPLIT, wallCategoryAxis } from './wall-theme';

/**
 * 各单位前期手续办结率: the server's rate per unit (GET /api/prework/summary?by=unit), lowest first — the units whose
 * projects in preparation lag behind are the ones to chase. Units with nothing left to require show no bar.
 */
export function PreworkByUnitChart({ items }: { items: PreworkSummaryItem[] }) {
  const { t } = useI18n();
  const rated = useMemo(() => items.filter((item) => item.rate !== null).sort((a, b) => (a.rate ?? 0) - (b.rate ?? 0)), [items]);
  const name = t('dash.preworkRate');
  const option = useMemo<EChartsCoreOption>(
    () => ({
      backgroundColor: 'transparent',
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (value: number) => `${value.toFixed(2)}%`,
      },
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { color: WALL_AXIS, formatter: '{value}%' }, splitLine: { lineStyle: { color: WALL_SPLIT } } },
      yAxis: wallCategoryAxis(rated.map((item) => item.label)),
      series: [
        {
          name,
          type: 'bar',
          barMaxWidth: 16,
          label: { show: true, position: 'right', color: '#e6f1ff', formatter: '{c}%' },
          itemStyle: { borderRadius: [0, 3, 3, 0], color: '#36cfc9' },
          data: rated.map((item) => item.rate),
        },
      ],
    }),
    [rated, name],
  );
  if (!rated.length)
    return (
      <div className="wall-empty" data-testid="chart-prework-units-empty">
        {t('dash.noPrework')}
      </div>
    );
  return <EChart option={option} height={Math.max(200, rated.length * 26)} ariaLabel={name} testId="chart-prework-units" />;
}
