import { CheckCircleOutlined } from '@ant-design/icons';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { RollupRow } from '../api/rollups';
import { useI18n } from '../i18n';
import { projectListLink } from '../lib/project-filters';
import { EChart } from './echart';
import { WALL_AXIS, WALL_SPLIT, wallCategoryAxis } from './wall-theme';

/** On the wall the units most behind matter; the rest are one click away in the list. */
const SHOWN_UNITS = 8;

/** 各单位逾期里程碑: units with anything overdue, most first; a bar opens that unit's overdue projects. */
export function OverdueByUnitChart({ rows }: { rows: RollupRow[] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const behind = useMemo(() => rows.filter((row) => row.overdueMilestones > 0).sort((a, b) => b.overdueMilestones - a.overdueMilestones), [rows]);
  const overdue = behind.slice(0, SHOWN_UNITS);
  const name = t('dash.overdueMilestones');

  const option = useMemo<EChartsCoreOption>(
    () => ({
      backgroundColor: 'transparent',
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { color: WALL_AXIS }, splitLine: { lineStyle: { color: WALL_SPLIT } } },
      yAxis: wallCategoryAxis(overdue.map((row) => row.label)),
      series: [
        {
          name,
          type: 'bar',
          barMaxWidth: 18,
          label: { show: true, position: 'right', color: '#e6f1ff', fontWeight: 600 },
          itemStyle: {
            borderRadius: [0, 3, 3, 0],
            color: {
              type: 'linear',
              x: 0,
              y: 0,
              x2: 1,
              y2: 0,
              colorStops: [
                { offset: 0, color: 'rgba(250, 173, 20, 0.35)' },
                { offset: 1, color: '#ff7a45' },
              ],
            },
          },
          data: overdue.map((row) => ({ value: row.overdueMilestones, unit: row.key })),
        },
      ],
    }),
    [overdue, name],
  );

  if (!overdue.length) {
    return (
      <div className="wall-empty ok" data-testid="chart-overdue-units-empty">
        <CheckCircleOutlined /> {t('dash.noOverdue')}
      </div>
    );
  }
  return (
    <>
      <EChart
        option={option}
        height={behind.length > SHOWN_UNITS ? 236 : 260}
        onClick={(p) => navigate(projectListLink({ unit: (p.data as { unit?: string })?.unit, overdue: 'true' }))}
        ariaLabel={t('dash.overdueByUnit')}
        testId="chart-overdue-units"
      />
      {behind.length > SHOWN_UNITS ? (
        <Link className="wall-more" to={projectListLink({ overdue: 'true' })}>
          {t('dash.moreUnits', { n: behind.length - SHOWN_UNITS })}
        </Link>
      ) : null}
    </>
  );
}
