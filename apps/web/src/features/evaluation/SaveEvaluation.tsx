/**
 * "Save to…" on the Evaluate page: choose an engagement, initiative or objective by search, give
 * the evaluation a title (a default is offered) and store the run for that record. The stored
 * evaluation re-runs by itself when its data change.
 */
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import type { EvaluationSubjectKind } from '@entente/contracts';
import { useApiQuery } from '../../lib/query';
import { endpoints } from '../../lib/endpoints';
import { Field, describedBy } from '../../components/Field';
import { ErrorState, Spinner } from '../../components/States';
import { evaluationApi } from './evaluationApi';
import type { RunRequest, RunResult, Stored } from './evaluationApi';
import { ApiError } from '../../lib/api';
import type { EvaluateSubject } from './evaluateSearch';

/** Field errors of a 400, keyed by the first path segment. */
function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.fields.map((f) => [f.path.split('.')[0] ?? f.path, f.message]));
}

type Option = { id: string; code: string; title: string };
const KIND_LABELS: Record<EvaluationSubjectKind, string> = {
  engagement: 'Engagement',
  initiative: 'Initiative',
  objective: 'Objective',
};

/** Records of a kind matching `q` (engagements searched by the API; initiatives and objectives filtered here). */
function useSubjects(kind: EvaluationSubjectKind, q: string, enabled: boolean) {
  const needle = q.trim().toLowerCase();
  const engagements = useApiQuery(
    ['evaluation-save', 'engagements', needle],
    (s) => endpoints.engagements({ q: needle || undefined, pageSize: 20 }, s),
    { enabled: enabled && kind === 'engagement', keepPrevious: true },
  );
  const initiatives = useApiQuery(['evaluation-save', 'initiatives'], (s) => endpoints.initiatives(s), {
    enabled: enabled && kind === 'initiative',
  });
  const objectives = useApiQuery(['evaluation-save', 'objectives'], (s) => endpoints.objectives(s), {
    enabled: enabled && kind === 'objective',
  });
  const q2 = kind === 'engagement' ? engagements : kind === 'initiative' ? initiatives : objectives;
  const options = useMemo((): Option[] | undefined => {
    const match = (o: Option) => !needle || `${o.code} ${o.title}`.toLowerCase().includes(needle);
    if (kind === 'engagement')
      return engagements.data?.items.map((e) => ({ id: e.id, code: e.code, title: e.title }));
    const rows = kind === 'initiative' ? initiatives.data : objectives.data;
    return rows
      ?.map((r) => ({ id: r.id, code: r.code, title: r.title }))
      .filter(match)
      .slice(0, 20);
  }, [kind, needle, engagements.data, initiatives.data, objectives.data]);
  return { options, error: q2.error, refetch: q2.refetch };
}

export function SaveEvaluation({
  request,
  result,
  preset,
}: {
  request: RunRequest;
  result: RunResult;
  /** A record chosen before the run (e.g. "Evaluate this objective"): preselected. */
  preset?: EvaluateSubject | undefined;
}) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<EvaluationSubjectKind>(preset?.kind ?? 'engagement');
  const [q, setQ] = useState(preset?.code ?? '');
  const [subjectId, setSubjectId] = useState(preset?.id ?? '');
  const [title, setTitle] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<Stored | null>(null);
  const subjects = useSubjects(kind, q, open);
  const chosen = subjects.options?.find((o) => o.id === subjectId);
  const treated = result.areas.find((a) => a.role === 'treated')?.name ?? request.treatedArea;
  const defaultTitle = `${chosen ? `${chosen.code}: ` : ''}${request.interventionLabel ?? 'Intervention'} — ${treated}`;
  const errors = fieldErrors(error);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (saving || !subjectId) return;
    setSaving(true);
    setError(null);
    try {
      const r = await evaluationApi.save({
        subjectKind: kind,
        subjectId,
        title: title.trim() || defaultTitle,
        request,
      });
      setSaved(r.data);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  }

  if (saved)
    return (
      <p className="card evaluate-save" role="status">
        Saved to {KIND_LABELS[saved.subjectKind].toLowerCase()} {saved.subjectCode}.{' '}
        <Link to="/evaluations/$id" params={{ id: saved.id }}>
          Open the stored evaluation
        </Link>
      </p>
    );
  if (!open)
    return (
      <div className="evaluate-save">
        <button type="button" className="btn" onClick={() => setOpen(true)}>
          Save to…
        </button>
      </div>
    );
  return (
    <form
      className="card evaluate-save"
      aria-label="Save the evaluation"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
    >
      <Field id="ev-save-kind" label="Save to" required>
        <select
          id="ev-save-kind"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as EvaluationSubjectKind);
            setSubjectId('');
          }}
        >
          {(Object.keys(KIND_LABELS) as EvaluationSubjectKind[]).map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </Field>
      <Field id="ev-save-q" label="Search" hint="Code or title.">
        <input id="ev-save-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </Field>
      <Field id="ev-save-subject" label={KIND_LABELS[kind]} error={errors.subjectId} required>
        {subjects.error && !subjects.options ? (
          <ErrorState
            error={subjects.error}
            onRetry={subjects.refetch}
            title="The records could not be loaded"
          />
        ) : !subjects.options ? (
          <Spinner label="Loading…" />
        ) : subjects.options.length === 0 ? (
          <p className="empty-state">Nothing matches.</p>
        ) : (
          <select
            id="ev-save-subject"
            value={subjectId}
            aria-describedby={describedBy('ev-save-subject', errors.subjectId)}
            onChange={(e) => setSubjectId(e.target.value)}
          >
            <option value="">Choose…</option>
            {subjects.options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.code} — {o.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="ev-save-title" label="Title" error={errors.title}>
        <input
          id="ev-save-title"
          type="text"
          maxLength={200}
          value={title}
          placeholder={defaultTitle}
          onChange={(e) => setTitle(e.target.value)}
        />
      </Field>
      <div className="evaluate-form__actions">
        <button type="submit" className="btn btn--primary" disabled={saving || !subjectId}>
          {saving ? 'Saving…' : 'Save evaluation'}
        </button>
        <button type="button" className="btn" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      {error && Object.keys(errors).length === 0 ? (
        <ErrorState error={error} title="The evaluation could not be saved" />
      ) : null}
    </form>
  );
}
