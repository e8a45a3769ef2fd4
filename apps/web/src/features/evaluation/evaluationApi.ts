/** The evaluation call (EVALUATION.md §4) and a lenient reading of the chart series it returns. */
import {
  EvaluationRunResult,
  ROUTES,
  StoredEvaluation,
  StoredEvaluationList,
  StoredEvaluationListItem,
} from '@entente/contracts';
import type { EvaluationRunRequest, EvaluationSubjectKind } from '@entente/contracts';
import { api, apiUrl, pathOf } from '../../lib/api';
import type { Out } from '../../lib/api';

export type RunResult = Out<typeof EvaluationRunResult>;
export type EstimateItem = RunResult['estimates'][number];
export type RunRequest = Omit<EvaluationRunRequest, 'types' | 'neighbourAreas' | 'seed'> & {
  types?: string[];
  neighbourAreas?: string[];
  seed?: string;
};

export type Stored = Out<typeof StoredEvaluation>;
export type EvaluationIndexQuery = {
  subjectKind?: EvaluationSubjectKind | undefined;
  status?: string | undefined;
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
};
export type StoredItem = Out<typeof StoredEvaluationListItem>;

export const evaluationApi = {
  run: (body: RunRequest) => api.post(ROUTES.evaluationRun, EvaluationRunResult, body),
  save: (body: {
    subjectKind: EvaluationSubjectKind;
    subjectId: string;
    title?: string;
    request: RunRequest;
  }) => api.post(ROUTES.evaluations, StoredEvaluation, body),
  list: (subjectKind: EvaluationSubjectKind, subjectId: string, signal?: AbortSignal) =>
    api.get(ROUTES.evaluations, StoredEvaluationList, { subjectKind, subjectId }, signal),
  /** Every stored evaluation the user may see, paged. */
  index: (query: EvaluationIndexQuery, signal?: AbortSignal) =>
    api.get(ROUTES.evaluations, StoredEvaluationList, query, signal),
  get: (id: string, signal?: AbortSignal) =>
    api.get(pathOf(ROUTES.evaluation, { id }), StoredEvaluation, undefined, signal),
  rerun: (id: string, version: number) =>
    api.post(pathOf(ROUTES.evaluationRerun, { id }), StoredEvaluation, { version }),
  jsonUrl: (id: string) => apiUrl(pathOf(ROUTES.evaluationJson, { id })),
  pdfUrl: (id: string) => apiUrl(pathOf(ROUTES.evaluationPdf, { id })),
};

export const evaluationKeys = {
  list: (kind: string, id: string) => ['evaluations', kind, id] as const,
  index: (q: EvaluationIndexQuery) => ['evaluations', 'index', q] as const,
  one: (id: string) => ['evaluations', 'one', id] as const,
};

export const METHOD_LABELS: Record<string, string> = {
  descriptive: 'Descriptives',
  before_after: 'Before/after rate ratio',
  interrupted_time_series: 'Interrupted time series',
  difference_in_differences: 'Difference-in-differences',
  synthetic_control: 'Synthetic control',
};
export const methodLabel = (m: string): string => METHOD_LABELS[m] ?? m;

/** What the chart needs from `series` (packages/stats `EvaluationSeries`); anything malformed is dropped. */
export type ChartSeries = {
  months: string[];
  t0Index: number;
  treated: (number | null)[];
  comparison: (number | null)[];
  counterfactual: (number | null)[] | null;
  band: { lower: (number | null)[]; upper: (number | null)[] } | null;
  sourceSwitchIndices: number[];
};

const nums = (v: unknown): (number | null)[] | null =>
  Array.isArray(v) ? v.map((x) => (typeof x === 'number' && Number.isFinite(x) ? x : null)) : null;
const rec = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};

export function readChartSeries(result: RunResult): ChartSeries {
  const s = result.series;
  const months = Array.isArray(s.months) ? s.months.map(String) : result.months;
  const observed = rec(s.observed);
  const its = rec(s.its);
  const band = rec(its.band);
  const lower = nums(band.lower);
  const upper = nums(band.upper);
  return {
    months,
    t0Index: typeof s.t0Index === 'number' ? s.t0Index : -1,
    treated: nums(observed.treated) ?? [],
    comparison: nums(observed.comparison) ?? [],
    counterfactual: nums(its.counterfactual),
    band: lower && upper ? { lower, upper } : null,
    sourceSwitchIndices: (nums(s.sourceSwitchIndices) ?? []).filter((i): i is number => i !== null),
  };
}

/** "−35.2 %" from an IRR (percent change 100(IRR − 1)). */
export function percentChange(irr: number): string {
  const p = 100 * (irr - 1);
  return `${p > 0 ? '+' : p < 0 ? '−' : ''}${Math.abs(p).toFixed(1)} %`;
}

export function fmt(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return v.toFixed(digits);
}

export function fmtP(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}
