/** One ECharts line chart of a watch area (loaded lazily); the table on the page is its alternative. */
import { useEffect, useRef, useState } from 'react';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import {
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ChartOption } from './monitorCharts';

echarts.use([
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  MarkLineComponent,
  MarkPointComponent,
  DataZoomComponent,
  CanvasRenderer,
]);

type Props = { option: ChartOption; label: string; height: number };

export default function MonitorEChart({ option, label, height }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!el.current) return;
    let c: echarts.ECharts;
    try {
      c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    } catch {
      setFailed(true);
      return;
    }
    chart.current = c;
    let ro: ResizeObserver | null = null;
    if (typeof ResizeObserver !== 'undefined') {
      ro = new ResizeObserver(() => c.resize());
      ro.observe(el.current);
    }
    return () => {
      ro?.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    try {
      chart.current?.setOption(option, true);
    } catch {
      setFailed(true);
    }
  }, [option]);

  if (failed)
    return (
      <p className="empty-state">The chart could not be drawn here; the table below has the same numbers.</p>
    );
  return <div ref={el} className="echart" style={{ height }} role="img" aria-label={label} />;
}
