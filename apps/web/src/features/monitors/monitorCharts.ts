/**
 * The three charts of a watch area (EVALUATION.md §4.8, §8): observed counts against the baseline μ̂
 * and the Shewhart limit; the CUSUM statistic with its h line; the BOCPD probability with its
 * threshold. Alarm months are marked; source switches are vertical lines on every chart.
 */
import type { MonitorDetailData } from './monitorsApi';

type Evaluation = NonNullable<MonitorDetailData['evaluation']>;
type Alert = MonitorDetailData['alerts'][number];
export type ChartOption = Record<string, unknown>;

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const dash = (v: number | null | undefined) => (v === null || v === undefined ? '-' : v);

function base(months: string[], yName: string, series: Record<string, unknown>[]): ChartOption {
  const long = months.length > 120;
  return {
    aria: { enabled: true },
    animation: false,
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 40, bottom: long ? 56 : 8, containLabel: true },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', name: yName, nameTextStyle: { align: 'left' } },
    ...(long ? { dataZoom: [{ type: 'slider', bottom: 8, height: 22 }, { type: 'inside' }] } : {}),
    series,
  };
}

const switches = (e: Evaluation) => ({
  symbol: ['none', 'none'],
  lineStyle: { type: 'dashed', color: '#6b5b00' },
  label: { formatter: 'Source switch', position: 'insideEndTop', fontSize: 11 },
  data: e.sourceSwitches.map((d) => ({ xAxis: d.slice(0, 7) })),
});

const alarmPoints = (alerts: Alert[], detector: string, value: (a: Alert) => number) => ({
  symbol: 'triangle',
  symbolSize: 12,
  itemStyle: { color: '#b3261e' },
  label: { show: false },
  data: alerts
    .filter((a) => a.detector === detector)
    .map((a) => ({ name: `${detector} alarm`, coord: [a.month, value(a)] })),
});

export function countsOption(e: Evaluation, alerts: Alert[]): ChartOption {
  const s = e.series;
  return base(s.months, 'Incidents per month', [
    {
      type: 'line',
      name: 'Observed',
      data: s.observed.map(dash),
      showSymbol: false,
      itemStyle: { color: '#2f5d8a' },
      markLine: switches(e),
      markPoint: alarmPoints(alerts, 'shewhart', (a) => a.observed),
    },
    {
      type: 'line',
      name: 'Baseline μ̂',
      data: s.baseline.map(dash),
      showSymbol: false,
      lineStyle: { type: 'dotted', width: 2 },
      itemStyle: { color: '#444' },
    },
    {
      type: 'line',
      name: 'Shewhart limit (99.5 %)',
      data: s.shewhartLimit.map(dash),
      showSymbol: false,
      step: 'middle',
      lineStyle: { type: 'dashed' },
      itemStyle: { color: '#b3261e' },
    },
  ]);
}

export function cusumOption(e: Evaluation, alerts: Alert[]): ChartOption {
  const s = e.series;
  return base(s.months, 'CUSUM S', [
    {
      type: 'line',
      name: 'CUSUM statistic',
      data: s.cusum.map(dash),
      showSymbol: false,
      itemStyle: { color: '#2f5d8a' },
      markPoint: alarmPoints(alerts, 'cusum', (a) => a.statistic),
      markLine: {
        ...switches(e),
        data: [
          ...(e.h !== null
            ? [{ yAxis: e.h, name: `h = ${e.h.toFixed(2)}`, lineStyle: { color: '#b3261e', type: 'solid' } }]
            : []),
          ...switches(e).data,
        ],
        label: { formatter: '{b}', position: 'insideEndTop', fontSize: 11 },
      },
    },
  ]);
}

export function bocpdOption(e: Evaluation, alerts: Alert[]): ChartOption {
  const s = e.series;
  const opt = base(s.months, 'P(change within 3 months)', [
    {
      type: 'line',
      name: 'BOCPD probability',
      data: s.bocpd.map(dash),
      showSymbol: false,
      itemStyle: { color: '#5b3c88' },
      markPoint: alarmPoints(alerts, 'bocpd', (a) => a.statistic),
      markLine: {
        ...switches(e),
        data: [
          ...(e.bocpdThreshold !== null
            ? [
                {
                  yAxis: e.bocpdThreshold,
                  name: `threshold ${e.bocpdThreshold.toFixed(2)}`,
                  lineStyle: { color: '#b3261e', type: 'solid' },
                },
              ]
            : []),
          ...switches(e).data,
        ],
        label: { formatter: '{b}', position: 'insideEndTop', fontSize: 11 },
      },
    },
  ]);
  return { ...opt, yAxis: { ...(opt.yAxis as object), min: 0, max: 1 } };
}
