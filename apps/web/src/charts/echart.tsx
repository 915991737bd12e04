import { Skeleton } from 'antd';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { CSSProperties, useEffect, useRef, useState } from 'react';

type ECharts = typeof import('./echarts-setup')['echarts'];
let loading: Promise<ECharts> | undefined;

/** ECharts arrives on first use (a dynamic import), never in the initial bundle. */
export function loadECharts(): Promise<ECharts> {
  loading ??= import('./echarts-setup').then((module) => module.echarts);
  return loading;
}

export interface ChartClick {
  seriesName?: string;
  seriesIndex?: number;
  name?: string;
  dataIndex?: number;
  data?: unknown;
  value?: unknown;
}

/** A chart that follows its container's size; `onClick` receives ECharts' click parameters. */
export function EChart({
  option,
  height = 320,
  onClick,
  style,
  ariaLabel,
  testId,
}: {
  option: EChartsCoreOption;
  height?: number | string;
  onClick?: (params: ChartClick) => void;
  style?: CSSProperties;
  ariaLabel?: string;
  testId?: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType>();
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    loadECharts().then((echarts) => {
      if (disposed || !element.current) return;
      const instance = echarts.init(element.current, undefined, { renderer: 'canvas' });
      chart.current = instance;
      instance.on('click', (params) => clickRef.current?.(params as ChartClick));
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(element.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    if (ready && chart.current) chart.current.setOption(option, { notMerge: true });
  }, [option, ready]);

  return (
    <div style={{ position: 'relative', height, ...style }} role="img" aria-label={ariaLabel} data-testid={testId} data-ready={ready ? 'true' : 'false'}>
      <div ref={element} style={{ position: 'absolute', inset: 0, cursor: onClick ? 'pointer' : undefined }} />
      {!ready ? <Skeleton active paragraph={{ rows: 4 }} style={{ padding: 16 }} /> : null}
    </div>
  );
}
