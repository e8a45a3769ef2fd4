/** One ECharts line chart of a watch area (loaded lazily); the table on the page is its alternative. */
import { useEChart } from '../../components/useEChart';
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
  const { el, failed } = useEChart(option);

  if (failed)
    return (
      <p className="empty-state">The chart could not be drawn here; the table below has the same numbers.</p>
    );
  return <div ref={el} className="echart" style={{ height }} role="img" aria-label={label} />;
}
