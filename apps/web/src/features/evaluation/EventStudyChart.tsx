/**
 * The DiD event-study plot (EVALUATION.md §4.4): per event-time bin, the IRR with its 95 % CI as an
 * error bar on a log axis, the reference bin (k = −1) marked, a line at IRR = 1, the [2/3, 3/2] band
 * when the pre-trend used the 1–4-unit rule (PRETREND_UNTESTABLE), a caption with the pre-trend
 * verdict taken from the DiD warnings, and a table of the same points for keyboard and screen readers.
 */
import { useMemo } from 'react';
import { useEChart } from '../../components/useEChart';
import * as echarts from 'echarts/core';
import { ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EstimateItem, RunResult } from './evaluationApi';
import { fmt } from './evaluationApi';

echarts.use([
  ScatterChart,
  GridComponent,
  TooltipComponent,
  AriaComponent,
  MarkLineComponent,
  MarkAreaComponent,
  CanvasRenderer,
]);

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const BAND: [number, number] = [2 / 3, 3 / 2];

/** packages/stats `EventStudyPoint`, read leniently from the untyped `series` record. */
export type EventStudyPoint = {
  k: number;
  fromMonth: number;
  irr: number | null;
  ci: [number, number] | null;
  reference: boolean;
  pooled: boolean;
  status: string;
};
export type EventStudySeries = {
  binMonths: number;
  points: EventStudyPoint[];
  verdict: string;
  rule: string;
};

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function readEventStudy(series: Record<string, unknown>): EventStudySeries | null {
  const es = series.eventStudy;
  if (!es || typeof es !== 'object') return null;
  const r = es as Record<string, unknown>;
  if (!Array.isArray(r.points)) return null;
  const points: EventStudyPoint[] = [];
  for (const p of r.points as unknown[]) {
    if (!p || typeof p !== 'object') continue;
    const q = p as Record<string, unknown>;
    const k = num(q.k);
    if (k === null) continue;
    const [lo, hi] = Array.isArray(q.ci) && q.ci.length === 2 ? q.ci.map(num) : [null, null];
    points.push({
      k,
      fromMonth: num(q.fromMonth) ?? k * (num(r.binMonths) ?? 12),
      irr: num(q.irr),
      ci: lo !== null && lo !== undefined && hi !== null && hi !== undefined ? [lo, hi] : null,
      reference: q.reference === true,
      pooled: q.pooled === true,
      status: typeof q.status === 'string' ? q.status : '',
    });
  }
  if (!points.length) return null;
  points.sort((a, b) => a.k - b.k);
  return {
    binMonths: num(r.binMonths) ?? 12,
    points,
    verdict: typeof r.verdict === 'string' ? r.verdict : '',
    rule: typeof r.rule === 'string' ? r.rule : '',
  };
}

/** The pre-trend verdict sentence, from the DiD estimate's warnings. */
export function pretrendCaption(did: EstimateItem, es: EventStudySeries): string {
  const codes = new Set(did.warnings.map((w) => w.code));
  const rule = codes.has('PRETREND_UNTESTABLE')
    ? 'the 1–4-unit rule: every pre-period IRR must lie within [2/3, 3/2], the shaded band'
    : es.rule.startsWith('wald')
      ? 'a joint Wald test of the pre-period coefficients'
      : es.rule || 'the pre-period coefficients';
  if (codes.has('PRETREND_FAIL')) {
    const w = did.warnings.find((x) => x.code === 'PRETREND_FAIL');
    return `Pre-trend check failed (${rule}): ${w?.message ?? ''} Parallel trends are doubtful; the DiD estimate is downgraded.`.trim();
  }
  if (codes.has('PRETREND_UNTESTED') || es.verdict === 'untested')
    return 'Pre-trend not checked: no pre-period bin besides the reference, so parallel trends cannot be assessed.';
  return `Pre-trend check passed (${rule}).`;
}

const label = (p: EventStudyPoint) => `k = ${p.k < 0 ? '−' : ''}${Math.abs(p.k)}`;
const months = (m: number) => (m > 0 ? `+${m}` : m < 0 ? `−${Math.abs(m)}` : '0');

export function eventStudyOption(es: EventStudySeries, band: boolean): echarts.EChartsCoreOption {
  const cats = es.points.map(label);
  const bars = es.points
    .filter((p) => p.ci && p.ci[0] > 0 && p.ci[1] > 0)
    .map((p) => [
      { coord: [label(p), p.ci![0]], symbol: 'none' },
      { coord: [label(p), p.ci![1]], symbol: 'none' },
    ]);
  const data = es.points.map((p) =>
    p.irr !== null && p.irr > 0
      ? {
          value: [label(p), p.irr],
          ...(p.reference
            ? {
                symbol: 'diamond',
                symbolSize: 12,
                itemStyle: { color: '#fff', borderColor: '#b3261e', borderWidth: 2 },
              }
            : {}),
        }
      : { value: [label(p), '-'] },
  );
  return {
    aria: { enabled: true },
    animation: false,
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: 'item' },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: cats, name: 'Event time (bins)', nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'log', logBase: 2, name: 'IRR (log scale)', nameTextStyle: { align: 'left' } },
    series: [
      {
        type: 'scatter',
        name: 'IRR',
        data,
        symbolSize: 9,
        itemStyle: { color: '#2f5d8a' },
        markLine: {
          silent: true,
          symbol: ['none', 'none'],
          animation: false,
          data: [
            {
              yAxis: 1,
              name: 'IRR = 1',
              lineStyle: { color: '#444', type: 'dashed' },
              label: { formatter: 'IRR = 1' },
            },
            ...es.points
              .filter((p) => p.reference)
              .map((p) => ({
                xAxis: label(p),
                name: 'Reference',
                lineStyle: { color: '#b3261e', type: 'dotted' },
                label: { formatter: 'reference', position: 'insideEndTop' },
              })),
            ...bars.map((b) =>
              b.map((e) => ({ ...e, lineStyle: { color: '#2f5d8a', type: 'solid', width: 2 } })),
            ),
          ],
          label: { show: false },
        },
        ...(band
          ? {
              markArea: {
                silent: true,
                itemStyle: { color: 'rgba(107, 91, 0, 0.12)' },
                data: [[{ yAxis: BAND[0], name: '[2/3, 3/2]' }, { yAxis: BAND[1] }]],
              },
            }
          : {}),
      },
    ],
  };
}

function Canvas({ es, band, title }: { es: EventStudySeries; band: boolean; title: string }) {
  const chartOption = useMemo(() => eventStudyOption(es, band), [es, band]);
  const { el, failed } = useEChart(chartOption, { requireCanvas2d: true });

  if (failed)
    return (
      <p className="empty-state">The chart could not be drawn here; the table below lists the points.</p>
    );
  return (
    <div
      ref={el}
      className="echart"
      style={{ height: 300 }}
      role="img"
      aria-label={`${title}: IRR per event-time bin with 95 % CI error bars; the table below lists the values`}
    />
  );
}

/** The event-study figure for the headline DiD estimate; nothing when there is no DiD or no points. */
export default function EventStudyChart({ result }: { result: RunResult }) {
  const did = result.estimates.find((e) => e.method === 'difference_in_differences');
  const es = useMemo(() => readEventStudy(result.series), [result.series]);
  if (!did || !es) return null;
  const band = did.warnings.some((w) => w.code === 'PRETREND_UNTESTABLE');
  const title = `Event study — IRR per ${es.binMonths}-month bin, treated vs comparison`;
  const caption = pretrendCaption(did, es);
  const ref = es.points.find((p) => p.reference);

  return (
    <figure
      className="chart card evaluate-chart event-study"
      aria-labelledby="ev-es-title"
      aria-describedby="ev-es-caption"
    >
      <figcaption className="chart__title" id="ev-es-title">
        {title}
      </figcaption>
      <p className="event-study__caption" id="ev-es-caption">
        {caption}
      </p>
      <p className="muted">
        Points are IRRs relative to the reference bin{ref ? ` (${label(ref)}, hollow diamond)` : ''}; bars are
        95 % confidence intervals; the dashed line is IRR = 1 (no change).
        {band
          ? ' The shaded band is [2/3, 3/2], the allowed pre-period range with 1–4 comparison units.'
          : ''}
      </p>
      <Canvas es={es} band={band} title={title} />
      <table className="table table--compact event-study__table">
        <caption className="visually-hidden">{title}: values</caption>
        <thead>
          <tr>
            <th scope="col">k</th>
            <th scope="col">Months from T0</th>
            <th scope="col">IRR</th>
            <th scope="col">95 % CI</th>
          </tr>
        </thead>
        <tbody>
          {es.points.map((p) => (
            <tr key={p.k} className={p.reference ? 'event-study__reference' : undefined}>
              <th scope="row">
                {p.k}
                {p.reference ? ' (reference)' : ''}
              </th>
              <td>{months(p.fromMonth)}</td>
              <td>{p.reference ? '1 (fixed)' : fmt(p.irr)}</td>
              <td>
                {p.reference ? '—' : p.ci ? `${fmt(p.ci[0])} to ${fmt(p.ci[1])}` : '—'}
                {p.pooled ? ' (pooled)' : ''}
                {!p.reference && p.status && p.status !== 'estimated' ? ` (${p.status})` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
