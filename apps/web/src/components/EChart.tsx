/** ECharts, tree-shaken: bar, pie and line charts on canvas. Loaded lazily (see Chart.tsx). */
import { useEffect, useRef } from 'react';
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
          radius: ['35%', '65%'],
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
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: labels,
        inverse: true,
        axisLabel: { width: 160, overflow: 'truncate' },
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
};

export default function EChart({ kind, data, valueLabel, height, title }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
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
    chart.current?.setOption(optionFor(kind, data, valueLabel), true);
  }, [kind, data, valueLabel]);

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
