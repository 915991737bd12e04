import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import type { Milestone } from '../api/types';
import { EChart } from '../charts/echart';
import { useI18n } from '../i18n';
import { trackerToday } from '../lib/dates';
import { milestoneName } from './milestone-table';

const PLAN_START = '2026-01-01';
const PLAN_END = '2030-12-31';
const ts = (date: string) => Date.parse(`${date}T00:00:00+08:00`);

/**
 * A small Gantt: for each milestone the planned span (from the previous milestone to its baseline), its
 * forecast and its actual date, against today and the plan's end (2030-12-31).
 */
export function MilestoneGantt({ milestones, planStart = PLAN_START }: { milestones: Milestone[]; planStart?: string }) {
  const { t, tv, language } = useI18n();
  const option = useMemo<EChartsCoreOption>(() => {
    const rows = [...milestones].sort((a, b) => a.sortOrder - b.sortOrder);
    const names = rows.map((m) => milestoneName(m, language, tv));
    const spans: Array<[number, number, number, string]> = [];
    let previous = planStart;
    rows.forEach((m, i) => {
      const end = m.baselineDate ?? m.actualDate;
      if (end) {
        const start = previous < end ? previous : end;
        spans.push([i, ts(start), ts(end), m.status]);
        previous = end;
      }
    });
    const today = trackerToday();
    const allDates = rows.flatMap((m) => [m.baselineDate, m.forecastDate, m.actualDate]).filter((d): d is string => !!d);
    const min = [planStart, ...allDates].sort()[0];
    const max = [PLAN_END, ...allDates].sort().reverse()[0];
    return {
      animation: false,
      grid: { left: 8, right: 24, top: 30, bottom: 24, containLabel: true },
      legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10, data: [t('gantt.plan'), t('gantt.forecast'), t('gantt.actual')] },
      tooltip: {
        trigger: 'item',
        formatter: (p: { seriesName: string; value: unknown[]; dataIndex: number }) => {
          const fmt = (v: unknown) => new Date(Number(v) + 8 * 3600_000).toISOString().slice(0, 10);
          if (p.seriesName === t('gantt.plan')) return `${names[Number(p.value[0])]}<br/>${fmt(p.value[1])} → ${fmt(p.value[2])}`;
          return `${names[Number(p.value[1])]}<br/>${p.seriesName}${t('common.colon')}${fmt(p.value[0])}`;
        },
      },
      xAxis: {
        type: 'time',
        min: ts(min) - 30 * 86_400_000,
        max: ts(max) + 30 * 86_400_000,
        axisLabel: { formatter: '{yyyy}-{MM}', hideOverlap: true },
        splitLine: { show: true, lineStyle: { color: '#f0f0f0' } },
      },
      yAxis: { type: 'category', data: names, inverse: true, axisTick: { show: false }, axisLabel: { width: 120, overflow: 'truncate' } },
      series: [
        {
          name: t('gantt.plan'),
          type: 'custom',
          encode: { x: [1, 2], y: 0 },
          data: spans,
          itemStyle: { color: '#91caff' },
          renderItem: (
            _params: unknown,
            api: {
              value(i: number): number | string;
              coord(v: [number, number]): [number, number];
              size(v: [number, number]): [number, number];
              style(): object;
            },
          ) => {
            const y = Number(api.value(0));
            const start = api.coord([Number(api.value(1)), y]);
            const end = api.coord([Number(api.value(2)), y]);
            const height = api.size([0, 1])[1] * 0.45;
            const done = api.value(3) === 'done';
            return {
              type: 'rect',
              shape: { x: start[0], y: start[1] - height / 2, width: Math.max(end[0] - start[0], 3), height, r: 3 },
              style: { ...api.style(), fill: done ? '#b7eb8f' : '#91caff' },
            };
          },
          markLine: {
            symbol: 'none',
            silent: true,
            label: { position: 'insideEndTop', fontSize: 11 },
            data: [
              { xAxis: ts(today), lineStyle: { color: '#f5222d', type: 'dashed' }, label: { formatter: t('gantt.today'), color: '#f5222d' } },
              { xAxis: ts(PLAN_END), lineStyle: { color: '#595959', type: 'solid' }, label: { formatter: t('gantt.deadline'), color: '#595959' } },
            ],
          },
        },
        {
          name: t('gantt.forecast'),
          type: 'scatter',
          symbol: 'diamond',
          symbolSize: 12,
          itemStyle: { color: '#fa8c16' },
          data: rows.map((m, i) => (m.forecastDate && m.status !== 'done' ? [ts(m.forecastDate), i] : null)).filter(Boolean),
        },
        {
          name: t('gantt.actual'),
          type: 'scatter',
          symbol: 'circle',
          symbolSize: 11,
          itemStyle: { color: '#389e0d' },
          data: rows.map((m, i) => (m.actualDate ? [ts(m.actualDate), i] : null)).filter(Boolean),
        },
      ],
    };
  }, [milestones, planStart, t, tv, language]);
  return <EChart option={option} height={Math.max(160, 60 + milestones.length * 34)} ariaLabel={t('detail.gantt')} testId="gantt" />;
}
