/**
 * Incident data → Evaluate (EVALUATION.md §4, §8): choose a source, a treated area, comparison
 * areas, an intervention date, a period and methods; run the evaluation engine; read one card per
 * estimate (design grade, warnings, "contributed to" below level 4) and the observed series with the
 * intervention marked, the source line, the reporting note, exclusions and the inputs hash.
 */
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { EVALUATION_METHODS, INCIDENT_SOURCES } from '@entente/contracts';
import type { IncidentSource } from '@entente/contracts';
import { ApiError } from '../../lib/api';
import { useApiQuery } from '../../lib/query';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { ErrorState, SkeletonRows, Spinner } from '../../components/States';
import { Field, describedBy } from '../../components/Field';
import { MultiSelect } from '../../components/MultiSelect';
import { incidentKeys, incidentsApi } from '../incidents/incidentsApi';
import { sourceLabel } from '../incidents/labels';
import { evaluationApi, methodLabel } from './evaluationApi';
import { EvaluationResultView } from './EvaluationResultView';
import { SaveEvaluation } from './SaveEvaluation';
import type { RunRequest, RunResult } from './evaluationApi';
import './evaluation.css';
import type { EvaluateSubject } from './evaluateSearch';

type Method = (typeof EVALUATION_METHODS)[number];
type FormState = {
  source: IncidentSource;
  treatedArea: string;
  comparisonAreas: string[];
  t0: string;
  interventionLabel: string;
  from: string;
  to: string;
  methods: Method[];
  profile: 'screening' | 'full';
};

/** The pinned reference case (Atalanta: Horn of Africa box vs Gulf of Guinea); areas only if they exist. */
const INITIAL: FormState = {
  source: 'crime_at_sea',
  treatedArea: 'poly:preset-hoa',
  comparisonAreas: ['poly:preset-gulf-of-guinea'],
  t0: '2008-12-08',
  interventionLabel: 'EU NAVFOR Atalanta',
  from: '2000-01-01',
  to: '2014-12-31',
  methods: ['before_after', 'interrupted_time_series', 'difference_in_differences'],
  profile: 'screening',
};

/** Field errors from a 400 `fields` list, keyed by the first path segment (e.g. `comparisonAreas.0`). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const f of error.fields) {
    const key = f.path.split('.')[0] ?? f.path;
    out[key] ??= f.message;
  }
  return out;
}

/** `subject`: the record the run is meant for, preselected in "Save to…". */
export function EvaluatePage({ subject }: { subject?: EvaluateSubject | undefined } = {}) {
  useDocumentTitle('Evaluate an intervention');
  const areas = useApiQuery(incidentKeys.areas, (s) => incidentsApi.areas(s), { staleTime: 600_000 });
  const [form, setForm] = useState<FormState>(INITIAL);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<{ data: RunResult; label: string; request: RunRequest } | null>(null);
  const errors = fieldErrors(error);
  const otherError = error && Object.keys(errors).length === 0 ? error : null;

  const areaOptions = useMemo(
    () => (areas.data?.items ?? []).map((a) => ({ value: a.key, label: a.name })),
    [areas.data],
  );
  const areaKeys = useMemo(() => new Set(areaOptions.map((o) => o.value)), [areaOptions]);
  const treatedArea = areaKeys.has(form.treatedArea) ? form.treatedArea : '';
  const comparisonAreas = form.comparisonAreas.filter((k) => areaKeys.has(k) && k !== treatedArea);

  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));
  const toggleMethod = (m: Method, on: boolean) =>
    set({
      methods: on
        ? EVALUATION_METHODS.filter((x) => x === m || form.methods.includes(x))
        : form.methods.filter((x) => x !== m),
    });

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (running) return;
    const body: RunRequest = {
      source: form.source,
      treatedArea,
      comparisonAreas,
      t0: form.t0,
      ...(form.interventionLabel.trim() ? { interventionLabel: form.interventionLabel.trim() } : {}),
      from: form.from,
      to: form.to,
      methods: form.methods,
      profile: form.profile,
    };
    setRunning(true);
    setError(null);
    try {
      const r = await evaluationApi.run(body);
      setResult({ data: r.data, label: form.interventionLabel.trim() || 'Intervention', request: body });
    } catch (err) {
      setError(err);
      setResult(null);
    } finally {
      setRunning(false);
    }
  }

  const err = (key: string) => errors[key];

  return (
    <>
      <PageHeader
        title="Evaluate an intervention"
        lead="Compare reported incidents in a treated area with comparison areas before and after an intervention, with the design strength and warnings next to every effect."
      />
      {subject ? (
        <p className="notice" role="status">
          Evaluating {subject.kind} {subject.code || subject.id}: run the evaluation, then “Save to…” stores
          it for that {subject.kind}.
        </p>
      ) : null}
      {areas.error && !areas.data ? (
        <ErrorState
          error={areas.error}
          onRetry={areas.refetch}
          title="The analysis areas could not be loaded"
        />
      ) : !areas.data ? (
        <SkeletonRows rows={4} label="Loading the analysis areas…" />
      ) : (
        <form
          className="card evaluate-form"
          aria-label="Evaluation"
          onSubmit={(e) => void onSubmit(e)}
          noValidate
        >
          <Field id="ev-source" label="Source" error={err('source')} required>
            <select
              id="ev-source"
              value={form.source}
              aria-invalid={Boolean(err('source')) || undefined}
              aria-describedby={describedBy('ev-source', err('source'))}
              onChange={(e) => set({ source: e.target.value as IncidentSource })}
            >
              {INCIDENT_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {sourceLabel(s)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="ev-treated" label="Treated area" error={err('treatedArea')} required>
            <select
              id="ev-treated"
              value={treatedArea}
              aria-invalid={Boolean(err('treatedArea')) || undefined}
              aria-describedby={describedBy('ev-treated', err('treatedArea'))}
              onChange={(e) => set({ treatedArea: e.target.value })}
            >
              {treatedArea ? null : <option value="">Choose an area</option>}
              {areaOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id="ev-comparison"
            label="Comparison areas"
            error={err('comparisonAreas')}
            hint="Areas without the intervention; DiD needs at least one, level 4 needs five or more."
          >
            <MultiSelect
              id="ev-comparison"
              options={areaOptions.filter((o) => o.value !== treatedArea)}
              value={comparisonAreas}
              onChange={(v) => set({ comparisonAreas: v })}
              invalid={Boolean(err('comparisonAreas'))}
              describedBy={describedBy('ev-comparison', err('comparisonAreas'), true)}
              filterLabel="Filter the comparison areas"
            />
          </Field>
          <Field
            id="ev-t0"
            label="Intervention date"
            error={err('t0')}
            hint="Its month is the first treated month."
            required
          >
            <input
              id="ev-t0"
              type="date"
              value={form.t0}
              aria-invalid={Boolean(err('t0')) || undefined}
              aria-describedby={describedBy('ev-t0', err('t0'), true)}
              onChange={(e) => set({ t0: e.target.value })}
            />
          </Field>
          <Field id="ev-label" label="Intervention label" error={err('interventionLabel')}>
            <input
              id="ev-label"
              type="text"
              maxLength={200}
              value={form.interventionLabel}
              aria-invalid={Boolean(err('interventionLabel')) || undefined}
              aria-describedby={describedBy('ev-label', err('interventionLabel'))}
              onChange={(e) => set({ interventionLabel: e.target.value })}
            />
          </Field>
          <Field id="ev-from" label="Period from" error={err('from')} required>
            <input
              id="ev-from"
              type="date"
              value={form.from}
              aria-invalid={Boolean(err('from')) || undefined}
              aria-describedby={describedBy('ev-from', err('from'))}
              onChange={(e) => set({ from: e.target.value })}
            />
          </Field>
          <Field id="ev-to" label="Period to" error={err('to')} required>
            <input
              id="ev-to"
              type="date"
              value={form.to}
              aria-invalid={Boolean(err('to')) || undefined}
              aria-describedby={describedBy('ev-to', err('to'))}
              onChange={(e) => set({ to: e.target.value })}
            />
          </Field>
          <fieldset
            className={`field evaluate-form__methods${err('methods') ? ' field--invalid' : ''}`}
            aria-describedby={err('methods') ? 'ev-methods-error' : undefined}
          >
            <legend>Methods</legend>
            {EVALUATION_METHODS.map((m) => (
              <label key={m} className="field--check">
                <input
                  type="checkbox"
                  checked={form.methods.includes(m)}
                  onChange={(e) => toggleMethod(m, e.target.checked)}
                />{' '}
                {methodLabel(m)}
              </label>
            ))}
            {err('methods') ? (
              <p className="field__error" id="ev-methods-error">
                {err('methods')}
              </p>
            ) : null}
          </fieldset>
          <fieldset className="field evaluate-form__profile">
            <legend>Profile</legend>
            <label className="field--check">
              <input
                type="radio"
                name="ev-profile"
                checked={form.profile === 'screening'}
                onChange={() => set({ profile: 'screening' })}
              />{' '}
              Screening (point estimates and grade; fast)
            </label>
            <label className="field--check">
              <input
                type="radio"
                name="ev-profile"
                checked={form.profile === 'full'}
                onChange={() => set({ profile: 'full' })}
              />{' '}
              Full (bootstrap, placebos, randomisation inference; slower)
            </label>
          </fieldset>
          <div className="evaluate-form__actions">
            <button type="submit" className="btn btn--primary" disabled={running}>
              {running ? 'Running…' : 'Run evaluation'}
            </button>
          </div>
          {Object.keys(errors).length ? (
            <p className="field__error" role="alert">
              Some fields need attention; see the messages next to them.
            </p>
          ) : null}
        </form>
      )}

      <section aria-labelledby="ev-results-title" aria-busy={running}>
        <h2 id="ev-results-title" className="visually-hidden">
          Results
        </h2>
        {running ? (
          <Spinner label="Running the evaluation…" />
        ) : otherError ? (
          <ErrorState error={otherError} title="The evaluation could not be run" />
        ) : result ? (
          <>
            <SaveEvaluation request={result.request} result={result.data} preset={subject} />
            <EvaluationResultView result={result.data} interventionLabel={result.label} />
          </>
        ) : null}
      </section>
    </>
  );
}
