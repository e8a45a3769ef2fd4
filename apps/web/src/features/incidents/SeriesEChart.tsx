/** ECharts bar chart of monthly counts with vertical markers (source switches, method breaks) and shaded gaps. Loaded lazily. */
import { useMemo } from 'react';
import { useEChart } from '../../components/useEChart';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import {
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { SeriesModel } from './seriesModel';

echarts.use([
  BarChart,
  GridComponent,
  TooltipComponent,
  AriaComponent,
  MarkLineComponent,
  MarkAreaComponent,
  DataZoomComponent,
  CanvasRenderer,
]);

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export function seriesOption(model: SeriesModel, valueLabel: string): echarts.EChartsCoreOption {
  const long = model.months.length > 120;
  return {
    aria: { enabled: true },
    animation: false,
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 36, bottom: long ? 56 : 8, containLabel: true },
    xAxis: { type: 'category', data: model.months },
    yAxis: { type: 'value', minInterval: 1, name: valueLabel, nameTextStyle: { align: 'left' } },
    ...(long ? { dataZoom: [{ type: 'slider', bottom: 8, height: 22 }, { type: 'inside' }] } : {}),
    series: [
      {
        type: 'bar',
        name: valueLabel,
        data: model.counts.map((v) => (v === null ? '-' : v)),
        itemStyle: { color: '#2f5d8a' },
        barCategoryGap: '10%',
        markLine: {
          symbol: ['none', 'none'],
          silent: false,
          lineStyle: { color: '#b3261e', type: 'dashed', width: 1.5 },
          label: { formatter: '{b}', position: 'insideEndTop', color: '#7d1a14', fontSize: 11 },
          data: model.markers.map((m) => ({ name: m.date, xAxis: m.month })),
        },
        markArea: {
          silent: true,
          itemStyle: { color: 'rgba(120, 120, 120, 0.18)' },
          label: { color: '#3a4653', fontSize: 11 },
          data: model.gaps.map((g) => [{ name: 'No coverage', xAxis: g.from }, { xAxis: g.to }]),
        },
      },
    ],
  };
}

type Props = { model: SeriesModel; title: string; valueLabel: string; height: number };

export default function SeriesEChart({ model, title, valueLabel, height }: Props) {
  const chartOption = useMemo(() => seriesOption(model, valueLabel), [model, valueLabel]);
  const { el, failed } = useEChart(chartOption);

  if (failed)
    return <p className="empty-state">The chart could not be drawn here; the data table has the values.</p>;
  return (
    <div
      ref={el}
      className="echart"
      style={{ height }}
      role="img"
      aria-label={`${title}: monthly bar chart${model.markers.length ? ` with ${model.markers.length} vertical markers` : ''}; the data table below lists every month`}
    />
  );
}
