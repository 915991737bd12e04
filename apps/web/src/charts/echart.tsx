import { Skeleton } from 'antd';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { CSSProperties, useEffect, useRef, useState } from 'react';

type ECharts = (typeof import('./echarts-setup'))['echarts'];
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

/**
 * A chart that follows its container's size; `onClick` receives ECharts' click parameters. Once ECharts has
 * finished drawing the current option (animation included) the element carries `data-rendered="true"` and a
 * `chart-rendered:<testId>` performance mark is set; the option's first frame sets `chart-drawn:<testId>`.
 * The browser tests and the render benchmark (test/bench/web.bench.ts) wait for these.
 */
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
  const [rendered, setRendered] = useState(false);
  const testIdRef = useRef(testId);
  testIdRef.current = testId;
  const drawn = useRef(false);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    let printMedia: MediaQueryList | undefined;
    let onPrint: (() => void) | undefined;
    void loadECharts().then((echarts) => {
      if (disposed || !element.current) return;
      const instance = echarts.init(element.current, undefined, { renderer: 'canvas' });
      chart.current = instance;
      instance.on('click', (params) => clickRef.current?.(params as ChartClick));
      instance.on('rendered', () => {
        if (drawn.current) return;
        drawn.current = true;
        if (testIdRef.current) performance.mark(`chart-drawn:${testIdRef.current}`);
      });
      instance.on('finished', () => {
        setRendered(true);
        if (testIdRef.current) performance.mark(`chart-rendered:${testIdRef.current}`);
      });
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(element.current);
      // Printing lays the page out at the paper's width: the canvas is redrawn to it (and back), else it is cut or blurred.
      printMedia = window.matchMedia('print');
      onPrint = () => instance.resize();
      printMedia.addEventListener('change', onPrint);
      window.addEventListener('beforeprint', onPrint);
      window.addEventListener('afterprint', onPrint);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      if (onPrint) {
        printMedia?.removeEventListener('change', onPrint);
        window.removeEventListener('beforeprint', onPrint);
        window.removeEventListener('afterprint', onPrint);
      }
      chart.current?.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    if (!ready || !chart.current) return;
    setRendered(false);
    drawn.current = false;
    chart.current.setOption(option, { notMerge: true });
  }, [option, ready]);

  return (
    <div
      style={{ position: 'relative', height, ...style }}
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
      data-ready={ready ? 'true' : 'false'}
      data-rendered={rendered ? 'true' : 'false'}
    >
      <div ref={element} style={{ position: 'absolute', inset: 0, cursor: onClick ? 'pointer' : undefined }} />
      {!ready ? <Skeleton active paragraph={{ rows: 4 }} style={{ padding: 16 }} /> : null}
    </div>
  );
}
