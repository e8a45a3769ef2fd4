/** ECharts, tree-shaken: bar, pie and line charts on canvas. Loaded lazily (see Chart.tsx). */
import { useEffect, useRef, useState } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ChartDatum, ChartKind } from './Chart';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  CanvasRenderer,
]);

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

function optionFor(
  kind: ChartKind,
  data: readonly ChartDatum[],
  valueLabel: string,
  labelWidth: number,
): echarts.EChartsCoreOption {
  const labels = data.map((d) => d.label);
  const values = data.map((d) => ({ value: d.value, itemStyle: d.colour ? { color: d.colour } : undefined }));
  const base = {
    aria: { enabled: true },
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: kind === 'pie' ? 'item' : 'axis' },
    animation: false,
  };
  if (kind === 'pie') {
    return {
      ...base,
      legend: { type: 'scroll', bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['30%', '55%'],
          center: ['50%', '46%'],
          // Labels aligned to the chart's edges stay inside it however narrow the column.
          label: { formatter: '{b}\n{c}', alignTo: 'edge', edgeDistance: 8, lineHeight: 15 },
          labelLine: { length: 12, length2: 0, maxSurfaceAngle: 80 },
          name: valueLabel,
          data: data.map((d) => ({
            name: d.label,
            value: d.value,
            ...(d.colour ? { itemStyle: { color: d.colour } } : {}),
          })),
        },
      ],
    };
  }
  if (kind === 'hbar') {
    return {
      ...base,
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, splitNumber: 4 },
      yAxis: {
        type: 'category',
        data: labels,
        inverse: true,
        axisLabel: { width: labelWidth, overflow: 'truncate', interval: 0 },
      },
      series: [{ type: 'bar', name: valueLabel, data: values, itemStyle: { color: '#2f5d8a' } }],
    };
  }
  return {
    ...base,
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      kind === 'line'
        ? {
            type: 'line',
            name: valueLabel,
            data: values,
            smooth: false,
            symbolSize: 6,
            itemStyle: { color: '#2f5d8a' },
            areaStyle: { opacity: 0.12 },
          }
        : { type: 'bar', name: valueLabel, data: values, itemStyle: { color: '#2f5d8a' } },
    ],
  };
}

type Props = {
  kind: ChartKind;
  data: readonly ChartDatum[];
  valueLabel: string;
  height: number;
  title: string;
  /** The most room for the category labels of horizontal bars, in pixels (never more than 40% of the chart). */
  labelWidth?: number;
};

export default function EChart({ kind, data, valueLabel, height, title, labelWidth = 160 }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    setWidth(el.current.clientWidth);
    let ro: ResizeObserver | null = null;
    if (typeof ResizeObserver !== 'undefined') {
      ro = new ResizeObserver((entries) => {
        c.resize();
        const w = entries[0]?.contentRect.width;
        if (w) setWidth(Math.round(w));
      });
      ro.observe(el.current);
    }
    return () => {
      ro?.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  // Labels take what they need up to `labelWidth`, but leave the bars most of a narrow chart.
  const labels = width > 0 ? Math.max(100, Math.min(labelWidth, Math.round(width * 0.4))) : labelWidth;
  useEffect(() => {
    chart.current?.setOption(optionFor(kind, data, valueLabel, labels), true);
  }, [kind, data, valueLabel, labels]);

  return (
    <div
      ref={el}
      className="echart"
      style={{ height }}
      role="img"
      aria-label={`${title} chart; the data table below lists the values`}
    />
  );
}
