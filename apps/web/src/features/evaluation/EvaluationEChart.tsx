/** ECharts line chart of observed monthly counts (treated, comparison), the intervention marker and the ITS counterfactual band. Loaded lazily. */
import { useMemo } from 'react';
import { useEChart } from '../../components/useEChart';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import {
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ChartSeries } from './evaluationApi';

echarts.use([
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  MarkLineComponent,
  DataZoomComponent,
  CanvasRenderer,
]);

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const dash = (v: number | null) => (v === null ? '-' : v);

export function evaluationOption(s: ChartSeries, interventionLabel: string): echarts.EChartsCoreOption {
  const markers = [
    ...(s.t0Index >= 0 && s.months[s.t0Index]
      ? [{ name: interventionLabel, xAxis: s.months[s.t0Index], lineStyle: { color: '#b3261e' } }]
      : []),
    ...s.sourceSwitchIndices
      .filter((i) => s.months[i])
      .map((i) => ({ name: 'Source switch', xAxis: s.months[i], lineStyle: { color: '#6b5b00' } })),
  ];
  const series: Record<string, unknown>[] = [
    {
      type: 'line',
      name: 'Treated area (observed)',
      data: s.treated.map(dash),
      showSymbol: false,
      itemStyle: { color: '#2f5d8a' },
      markLine: {
        symbol: ['none', 'none'],
        lineStyle: { type: 'dashed', width: 1.5 },
        label: { formatter: '{b}', position: 'insideEndTop', fontSize: 11 },
        data: markers,
      },
    },
  ];
  if (s.comparison.some((v) => v !== null))
    series.push({
      type: 'line',
      name: 'Comparison areas (observed)',
      data: s.comparison.map(dash),
      showSymbol: false,
      itemStyle: { color: '#8a5a2f' },
    });
  if (s.band) {
    const { lower, upper } = s.band;
    series.push(
      {
        type: 'line',
        name: 'band-base',
        stack: 'band',
        data: lower.map(dash),
        lineStyle: { opacity: 0 },
        showSymbol: false,
        silent: true,
        tooltip: { show: false },
      },
      {
        type: 'line',
        name: 'Counterfactual 95 % band',
        stack: 'band',
        data: upper.map((u, i) => {
          const l = lower[i];
          return u === null || l === null || l === undefined ? '-' : u - l;
        }),
        lineStyle: { opacity: 0 },
        showSymbol: false,
        areaStyle: { color: 'rgba(47, 93, 138, 0.15)' },
        itemStyle: { color: 'rgba(47, 93, 138, 0.3)' },
      },
    );
  }
  if (s.counterfactual)
    series.push({
      type: 'line',
      name: 'ITS counterfactual',
      data: s.counterfactual.map(dash),
      showSymbol: false,
      lineStyle: { type: 'dotted', width: 2 },
      itemStyle: { color: '#444' },
    });
  const long = s.months.length > 120;
  return {
    aria: { enabled: true },
    animation: false,
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: series.map((x) => x.name).filter((n) => n !== 'band-base') },
    grid: { left: 8, right: 24, top: 40, bottom: long ? 56 : 8, containLabel: true },
    xAxis: { type: 'category', data: s.months },
    yAxis: { type: 'value', minInterval: 1, name: 'Incidents per month', nameTextStyle: { align: 'left' } },
    ...(long ? { dataZoom: [{ type: 'slider', bottom: 8, height: 22 }, { type: 'inside' }] } : {}),
    series,
  };
}

type Props = { series: ChartSeries; interventionLabel: string; title: string; height: number };

export default function EvaluationEChart({ series, interventionLabel, title, height }: Props) {
  const chartOption = useMemo(() => evaluationOption(series, interventionLabel), [series, interventionLabel]);
  const { el, failed } = useEChart(chartOption);

  if (failed) return <p className="empty-state">The chart could not be drawn here.</p>;
  return (
    <div
      ref={el}
      className="echart"
      style={{ height }}
      role="img"
      aria-label={`${title}: monthly line chart of observed counts with the intervention month marked`}
    />
  );
}
