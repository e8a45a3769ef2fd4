/**
 * Evaluate an intervention against an incident series (EVALUATION.md §4): read the monthly
 * area-month panel of the treated, comparison and neighbour areas — summed over the subject's
 * permitted labels only — and run the pure `evaluate()` of packages/stats. The result is keyed by
 * `inputsHash`, which includes a hash of the subject's permitted labels that the panel counted
 * (permitted ∩ present in the rows read), so two subjects who may see different rows never share a
 * result (§0); a permitted label that no counted row carries cannot change the panel, so a label
 * created elsewhere does not make every stored evaluation look changed.
 */
import { createHash } from 'node:crypto';
import { DomainError, notFound } from '@entente/core';
import {
  ROUTES,
  type EstimateWire,
  type EvaluationRunRequest,
  type EvaluationRunResult,
} from '@entente/contracts';
import { scoped } from '@entente/db';
import {
  evaluate,
  loadHighsQpSolver,
  type Estimate,
  type EvaluationPanel,
  type PanelArea,
} from '@entente/stats';
import type { UseCaseCtx } from '../context';
import { listDatasets } from '../incidents/read-incidents';
import { dataQuality } from './data-quality';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Every month from `from` to `to` inclusive, as YYYY-MM. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** JSON has no NaN or Infinity: a number an estimate cannot give goes out as null. */
const n = (x: number | undefined | null) => (x === undefined || x === null || !Number.isFinite(x) ? null : x);
const wire = (e: Estimate): EstimateWire => ({
  ...e,
  estimate: n(e.estimate),
  ci95: [n(e.ci95[0]), n(e.ci95[1])],
  ...(e.pValue !== undefined ? { pValue: n(e.pValue) } : {}),
  diagnostics: Object.fromEntries(
    Object.entries(e.diagnostics).map(([k, v]) => [k, typeof v === 'number' ? n(v) : v]),
  ),
});
const clean = (v: unknown): unknown =>
  typeof v === 'number'
    ? n(v)
    : Array.isArray(v)
      ? v.map(clean)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clean(x)]))
        : v;

export async function runEvaluation(uc: UseCaseCtx, q: EvaluationRunRequest): Promise<EvaluationRunResult> {
  if (q.from > q.to)
    throw new DomainError('validation', 'The period is empty.', [
      { path: 'to', message: 'must not be before from' },
    ]);
  const t0Month = q.t0.slice(0, 7);
  if (t0Month <= q.from.slice(0, 7) || t0Month > q.to.slice(0, 7))
    throw new DomainError(
      'validation',
      'The intervention must fall inside the period, after its first month.',
      [{ path: 't0', message: 'outside the period' }],
    );
  const roles: [string, PanelArea['role']][] = [
    [q.treatedArea, 'treated'],
    ...q.comparisonAreas.map((k): [string, PanelArea['role']] => [k, 'comparison']),
    ...q.neighbourAreas.map((k): [string, PanelArea['role']] => [k, 'neighbour']),
  ];
  const dataset = (await listDatasets(uc)).items.find((d) => d.code === q.source);
  if (!dataset) throw notFound('dataset');
  const months = monthsBetween(q.from, q.to);
  const index = new Map(months.map((m, i) => [m, i]));
  const areas: (PanelArea & { name: string; total: number })[] = [];
  const excluded: Record<string, number> = { datePrecision: 0, locationPrecision: 0 };
  const counted = new Set<string>();
  for (const [key, role] of roles) {
    const area = await scoped.getArea(uc.tx, uc.scope, key);
    if (!area) throw notFound(`area ${key}`);
    const s = await scoped.incidentSeries(uc.tx, uc.scope, {
      area: area.key,
      source: q.source,
      maxLocLevel: area.kind === 'country' ? 5 : 3,
      types: q.types.length ? q.types : undefined,
      from: q.from,
      to: q.to,
    });
    for (const l of s.labelIds) {
      uc.mark(l);
      counted.add(l);
    }
    excluded.datePrecision = (excluded.datePrecision ?? 0) + s.excluded.datePrecision;
    excluded.locationPrecision = (excluded.locationPrecision ?? 0) + s.excluded.locationPrecision;
    // Inside the requested period every month without a reported incident counts as zero.
    const y = months.map(() => 0);
    for (const p of s.points) {
      const i = index.get(p.month);
      if (i !== undefined) y[i] = p.count;
    }
    areas.push({ key: area.key, name: area.name, role, y, total: y.reduce((a, b) => a + b, 0) });
  }
  const panel: EvaluationPanel = {
    months,
    areas: areas.map(({ key, role, y }) => ({ key, role, y })),
    interventions: [],
    sourceSwitches: dataset.caveats.flatMap((c) =>
      c.date && c.date > q.from && c.date <= q.to ? [c.date] : [],
    ),
    excluded,
  };
  const permittedLabelHash = sha256([...counted].sort().join(','));
  const result = evaluate(
    panel,
    {
      t0: q.t0,
      ...(q.interventionLabel ? { interventionLabel: q.interventionLabel } : {}),
      methods: q.methods,
      seed: q.seed,
      profile: q.profile,
      permittedLabelHash,
    },
    {
      hash: sha256,
      ...(q.methods.includes('synthetic_control') ? { qpSolver: await loadHighsQpSolver() } : {}),
    },
  );
  const quality = await dataQuality(uc, {
    dataset,
    areaKeys: areas.map((a) => a.key),
    from: q.from,
    to: q.to,
    months,
    excluded,
  });
  uc.auditRead({ route: `POST ${ROUTES.evaluationRun}`, filters: q, count: result.estimates.length });
  return {
    inputsHash: result.inputsHash,
    engineVersion: result.engineVersion,
    profile: result.profile,
    months,
    areas: areas.map(({ key, name, role, total }) => ({ key, name, role, total })),
    estimates: result.estimates.map(wire),
    supporting: result.supporting.map(wire),
    series: clean(result.series) as Record<string, unknown>,
    dataset: {
      code: dataset.code,
      version: dataset.version,
      licence: dataset.licence,
      attribution: dataset.attribution,
    },
    excluded,
    note: 'Counts are reported incidents, not all incidents. Rate per area-month, not per transit unless an exposure series is modelled.',
    quality,
  };
}
