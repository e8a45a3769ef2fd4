/**
 * The report's charts as ECharts options rendered server-side to SVG (ssr, no animation): the
 * observed series with the intervention and source-switch markers, the ITS counterfactual band,
 * the DiD event study and the synthetic-control gaps (EVALUATION.md §4.3–4.5). The series are read
 * leniently from the untyped `result.series` record: anything malformed is dropped.
 */
import type { EvaluationRunResult } from '@entente/contracts';
import { reportDeps } from './deps';
import { FONT } from './fonts';

type Num = number | null;
const nums = (v: unknown): Num[] | null =>
  Array.isArray(v) ? v.map((x) => (typeof x === 'number' && Number.isFinite(x) ? x : null)) : null;
const rec = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const num = (v: unknown): Num => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export interface EventStudyPoint {
  k: number;
  fromMonth: number;
  irr: Num;
  ci: [number, number] | null;
  reference: boolean;
  pooled: boolean;
}
export interface ReportSeries {
  months: string[];
  t0Index: number;
  treated: Num[];
  comparison: Num[];
  neighbour: Num[];
  its: { fitted: Num[]; counterfactual: Num[]; band: { lower: Num[]; upper: Num[] } | null } | null;
  eventStudy: { binMonths: number; points: EventStudyPoint[]; verdict: string; rule: string } | null;
  scm: {
    unit: string;
    gaps: Num[];
    placeboGaps: { unit: string; gaps: Num[] }[];
    weights: { unit: string; w: number }[];
  } | null;
  sourceSwitchIndices: number[];
}

export function readSeries(result: EvaluationRunResult): ReportSeries {
  const s = result.series;
  const months = Array.isArray(s.months) ? s.months.map(String) : result.months;
  const observed = rec(s.observed);
  const its = rec(s.its);
  const band = rec(its.band);
  const lower = nums(band.lower);
  const upper = nums(band.upper);
  const es = rec(s.eventStudy);
  const binMonths = num(es.binMonths) ?? 12;
  const points: EventStudyPoint[] = [];
  for (const p of Array.isArray(es.points) ? es.points : []) {
    const q = rec(p);
    const k = num(q.k);
    if (k === null) continue;
    const ci = nums(q.ci);
    points.push({
      k,
      fromMonth: num(q.fromMonth) ?? k * binMonths,
      irr: num(q.irr),
      ci: ci && ci.length === 2 && ci[0] !== null && ci[1] !== null ? [ci[0]!, ci[1]!] : null,
      reference: q.reference === true,
      pooled: q.pooled === true,
    });
  }
  points.sort((a, b) => a.k - b.k);
  const scm = rec(s.scm);
  const gaps = nums(scm.gaps);
  return {
    months,
    t0Index: num(s.t0Index) ?? -1,
    treated: nums(observed.treated) ?? [],
    comparison: nums(observed.comparison) ?? [],
    neighbour: nums(observed.neighbour) ?? [],
    its: nums(its.counterfactual)
      ? {
          fitted: nums(its.fitted) ?? [],
          counterfactual: nums(its.counterfactual) ?? [],
          band: lower && upper ? { lower, upper } : null,
        }
      : null,
    eventStudy: points.length
      ? {
          binMonths,
          points,
          verdict: typeof es.verdict === 'string' ? es.verdict : '',
          rule: typeof es.rule === 'string' ? es.rule : '',
        }
      : null,
    scm: gaps
      ? {
          unit: typeof scm.unit === 'string' ? scm.unit : '',
          gaps,
          placeboGaps: (Array.isArray(scm.placeboGaps) ? scm.placeboGaps : []).flatMap((p) => {
            const g = nums(rec(p).gaps);
            return g ? [{ unit: String(rec(p).unit ?? ''), gaps: g }] : [];
          }),
          weights: (Array.isArray(scm.weights) ? scm.weights : []).flatMap((w) => {
            const v = num(rec(w).w);
            return v === null ? [] : [{ unit: String(rec(w).unit ?? ''), w: v }];
          }),
        }
      : null,
    sourceSwitchIndices: (nums(s.sourceSwitchIndices) ?? []).filter((i): i is number => i !== null),
  };
}

const dash = (v: Num) => (v === null ? '-' : v);
const BASE = { animation: false, textStyle: { fontFamily: FONT, fontSize: 10 } };

function markers(s: ReportSeries, interventionLabel: string) {
  return {
    symbol: ['none', 'none'],
    silent: true,
    lineStyle: { type: 'dashed', width: 1.5 },
    label: { formatter: '{b}', position: 'insideEndTop', fontSize: 9 },
    data: [
      ...(s.t0Index >= 0 && s.months[s.t0Index]
        ? [{ name: interventionLabel, xAxis: s.months[s.t0Index], lineStyle: { color: '#b3261e' } }]
        : []),
      ...s.sourceSwitchIndices
        .filter((i) => s.months[i])
        .map((i) => ({ name: 'Source switch', xAxis: s.months[i], lineStyle: { color: '#6b5b00' } })),
    ],
  };
}

const line = (name: string, data: Num[], color: string, extra: Record<string, unknown> = {}) => ({
  type: 'line',
  name,
  data: data.map(dash),
  showSymbol: false,
  lineStyle: { color, width: 1.5, ...(extra.lineStyle as object) },
  itemStyle: { color },
  ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== 'lineStyle')),
});

const timeAxes = (s: ReportSeries, yName: string) => ({
  grid: { left: 8, right: 24, top: 44, bottom: 8, containLabel: true },
  xAxis: { type: 'category', data: s.months, axisLabel: { fontSize: 9 } },
  yAxis: {
    type: 'value',
    name: yName,
    nameTextStyle: { align: 'left', fontSize: 9 },
    axisLabel: { fontSize: 9 },
  },
});

/** Observed monthly counts per role, with the intervention and source-switch markers. */
export function observedOption(s: ReportSeries, interventionLabel: string): Record<string, unknown> {
  const series: Record<string, unknown>[] = [
    line('Treated area (observed)', s.treated, '#2f5d8a', { markLine: markers(s, interventionLabel) }),
  ];
  if (s.comparison.some((v) => v !== null))
    series.push(line('Comparison areas (observed)', s.comparison, '#8a5a2f'));
  if (s.neighbour.some((v) => v !== null))
    series.push(line('Neighbour ring (observed)', s.neighbour, '#5f7d3a'));
  return {
    ...BASE,
    legend: { top: 0, textStyle: { fontSize: 9 } },
    ...timeAxes(s, 'Incidents per month'),
    series,
  };
}

/** ITS: observed treated series, fitted values and the counterfactual with its bootstrap band. */
export function itsOption(s: ReportSeries, interventionLabel: string): Record<string, unknown> | null {
  if (!s.its) return null;
  const { band } = s.its;
  const series: Record<string, unknown>[] = [
    line('Treated area (observed)', s.treated, '#2f5d8a', { markLine: markers(s, interventionLabel) }),
    line('ITS fitted', s.its.fitted, '#2f8a5d'),
  ];
  if (band)
    series.push(
      { ...line('band-base', band.lower, '#2f5d8a', { lineStyle: { opacity: 0 }, stack: 'band' }) },
      {
        ...line(
          'Counterfactual 95 % band',
          band.upper.map((u, i) => {
            const l = band.lower[i];
            return u === null || l === null || l === undefined ? null : u - l;
          }),
          '#2f5d8a',
          { lineStyle: { opacity: 0 }, stack: 'band', areaStyle: { color: 'rgba(47, 93, 138, 0.18)' } },
        ),
      },
    );
  series.push(
    line('Counterfactual (no intervention)', s.its.counterfactual, '#444444', {
      lineStyle: { type: 'dotted', width: 2 },
    }),
  );
  return {
    ...BASE,
    legend: {
      top: 0,
      textStyle: { fontSize: 9 },
      data: series.map((x) => x.name).filter((n) => n !== 'band-base'),
    },
    ...timeAxes(s, 'Incidents per month'),
    series,
  };
}

export const esLabel = (p: EventStudyPoint) => `k = ${p.k < 0 ? '−' : ''}${Math.abs(p.k)}`;

/** Event study: IRR with 95 % CI per bin on a log axis, reference bin marked, IRR = 1 line, optional [2/3, 3/2] band. */
export function eventStudyOption(s: ReportSeries, band: boolean): Record<string, unknown> | null {
  const es = s.eventStudy;
  if (!es) return null;
  const bars = es.points
    .filter((p) => p.ci && p.ci[0] > 0 && p.ci[1] > 0)
    .map((p) => [
      {
        coord: [esLabel(p), p.ci![0]],
        symbol: 'none',
        lineStyle: { color: '#2f5d8a', type: 'solid', width: 2 },
      },
      { coord: [esLabel(p), p.ci![1]], symbol: 'none' },
    ]);
  const data = es.points.map((p) =>
    p.irr !== null && p.irr > 0
      ? {
          value: [esLabel(p), p.irr],
          ...(p.reference
            ? {
                symbol: 'diamond',
                symbolSize: 11,
                itemStyle: { color: '#ffffff', borderColor: '#b3261e', borderWidth: 2 },
              }
            : {}),
        }
      : { value: [esLabel(p), '-'] },
  );
  return {
    ...BASE,
    grid: { left: 8, right: 24, top: 28, bottom: 24, containLabel: true },
    xAxis: {
      type: 'category',
      data: es.points.map(esLabel),
      name: `Event time (${es.binMonths}-month bins)`,
      nameLocation: 'middle',
      nameGap: 24,
      axisLabel: { fontSize: 9 },
    },
    yAxis: {
      type: 'log',
      logBase: 2,
      name: 'IRR (log scale)',
      nameTextStyle: { align: 'left', fontSize: 9 },
      axisLabel: { fontSize: 9 },
    },
    series: [
      {
        type: 'scatter',
        name: 'IRR',
        data,
        symbolSize: 8,
        itemStyle: { color: '#2f5d8a' },
        markLine: {
          silent: true,
          symbol: ['none', 'none'],
          label: { show: false },
          data: [
            {
              yAxis: 1,
              name: 'IRR = 1',
              lineStyle: { color: '#444444', type: 'dashed' },
              label: { show: true, formatter: 'IRR = 1', fontSize: 9 },
            },
            ...es.points
              .filter((p) => p.reference)
              .map((p) => ({
                xAxis: esLabel(p),
                name: 'Reference',
                lineStyle: { color: '#b3261e', type: 'dotted' },
                label: { show: true, formatter: 'reference', position: 'insideEndTop', fontSize: 9 },
              })),
            ...bars,
          ],
        },
        ...(band
          ? {
              markArea: {
                silent: true,
                itemStyle: { color: 'rgba(107, 91, 0, 0.12)' },
                data: [[{ yAxis: 2 / 3 }, { yAxis: 3 / 2 }]],
              },
            }
          : {}),
      },
    ],
  };
}

/** Synthetic control: the treated gap (treated − synthetic) and the placebo gaps, with the intervention marker. */
export function scmOption(s: ReportSeries, interventionLabel: string): Record<string, unknown> | null {
  if (!s.scm) return null;
  const n = s.scm.gaps.length;
  const cats = s.months.length === n ? s.months : Array.from({ length: n }, (_, i) => String(i + 1));
  const sub: ReportSeries = {
    ...s,
    months: cats,
    sourceSwitchIndices: s.months.length === n ? s.sourceSwitchIndices : [],
  };
  const series: Record<string, unknown>[] = s.scm.placeboGaps.map((p, i) =>
    line(i === 0 ? 'Placebo gaps (donors)' : `placebo ${p.unit}`, p.gaps, '#b0b0b0', {
      lineStyle: { width: 0.8 },
    }),
  );
  series.push(
    line(`Gap: ${s.scm.unit || 'treated'} − synthetic`, s.scm.gaps, '#2f5d8a', {
      markLine: markers(sub, interventionLabel),
    }),
  );
  return {
    ...BASE,
    legend: {
      top: 0,
      textStyle: { fontSize: 9 },
      data: series.map((x) => x.name).filter((nm) => !String(nm).startsWith('placebo ')),
    },
    ...timeAxes(sub, 'Gap (treated − synthetic)'),
    series,
  };
}

/** Render an option to an SVG string (server-side, no DOM; after `loadReportDeps()`). */
export function renderChartSvg(option: Record<string, unknown>, width: number, height: number): string {
  const chart = reportDeps().echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
