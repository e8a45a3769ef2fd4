/**
 * Create or edit a watch area: name, area (the same area list as the Explore and Evaluate pages),
 * dataset, event types, series start and the detector settings with what they mean. 400 field
 * errors appear next to their control; a 409 asks to reload.
 */
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { INCIDENT_SOURCES } from '@entente/contracts';
import type { IncidentSource } from '@entente/contracts';
import { ApiError, messageOf } from '../../lib/api';
import { useApiQuery } from '../../lib/query';
import { Field, describedBy } from '../../components/Field';
import { ErrorState, SkeletonRows } from '../../components/States';
import { incidentKeys, incidentsApi } from '../incidents/incidentsApi';
import { sourceLabel } from '../incidents/labels';
import { fieldErrors } from '../evaluation/EvaluatePage';
import { SETTINGS_HELP } from './monitorsApi';
import type { MonitorInput, MonitorRow } from './monitorsApi';

type Props = {
  initial?: MonitorRow | undefined;
  submitLabel: string;
  onSubmit: (body: MonitorInput) => Promise<void>;
  onCancel?: () => void;
};

export function MonitorForm({ initial, submitLabel, onSubmit, onCancel }: Props) {
  const areas = useApiQuery(incidentKeys.areas, (s) => incidentsApi.areas(s), { staleTime: 600_000 });
  const [name, setName] = useState(initial?.name ?? '');
  const [areaKey, setAreaKey] = useState(initial?.areaKey ?? 'poly:preset-hoa');
  const [source, setSource] = useState<IncidentSource>(initial?.source ?? 'crime_at_sea');
  const [types, setTypes] = useState((initial?.eventTypes ?? []).join(', '));
  const [seriesFrom, setSeriesFrom] = useState(initial?.seriesFrom ?? '');
  const [rho, setRho] = useState(String(initial?.rho ?? 2));
  const [targetArl, setTargetArl] = useState(String(initial?.targetArl ?? 100));
  const [bocpd, setBocpd] = useState(String(initial?.bocpdThreshold ?? 0.5));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error);
  const err = (k: string) => errors[k];
  const options = useMemo(
    () => (areas.data?.items ?? []).map((a) => ({ value: a.key, label: a.name })),
    [areas.data],
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit({
        name: name.trim(),
        areaKey,
        source,
        eventTypes: types
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
        seriesFrom: seriesFrom || null,
        rho: Number(rho),
        targetArl: Number(targetArl),
        bocpdThreshold: Number(bocpd),
      });
    } catch (x) {
      setError(x);
    } finally {
      setBusy(false);
    }
  }

  if (areas.error && !areas.data)
    return (
      <ErrorState
        error={areas.error}
        onRetry={areas.refetch}
        title="The analysis areas could not be loaded"
      />
    );
  if (!areas.data) return <SkeletonRows rows={4} label="Loading the analysis areas…" />;
  const other = error && Object.keys(errors).length === 0 ? error : null;
  const num = (
    id: string,
    key: string,
    label: string,
    value: string,
    set: (v: string) => void,
    step: string,
  ) => (
    <Field id={id} label={label} error={err(key)} hint={SETTINGS_HELP[key as keyof typeof SETTINGS_HELP]}>
      <input
        id={id}
        type="number"
        step={step}
        value={value}
        aria-invalid={Boolean(err(key)) || undefined}
        aria-describedby={describedBy(id, err(key), true)}
        onChange={(e) => set(e.target.value)}
      />
    </Field>
  );
  return (
    <form className="card monitor-form" aria-label="Watch area" onSubmit={(e) => void submit(e)} noValidate>
      <Field id="mo-name" label="Name" error={err('name')} required>
        <input
          id="mo-name"
          value={name}
          aria-invalid={Boolean(err('name')) || undefined}
          aria-describedby={describedBy('mo-name', err('name'))}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <Field id="mo-area" label="Area" error={err('areaKey')} required>
        <select
          id="mo-area"
          value={areaKey}
          aria-invalid={Boolean(err('areaKey')) || undefined}
          aria-describedby={describedBy('mo-area', err('areaKey'))}
          onChange={(e) => setAreaKey(e.target.value)}
        >
          {options.some((o) => o.value === areaKey) ? null : <option value={areaKey}>Choose an area</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </Field>
      <Field id="mo-source" label="Dataset" error={err('source')} required>
        <select
          id="mo-source"
          value={source}
          aria-invalid={Boolean(err('source')) || undefined}
          aria-describedby={describedBy('mo-source', err('source'))}
          onChange={(e) => setSource(e.target.value as IncidentSource)}
        >
          {INCIDENT_SOURCES.map((s) => (
            <option key={s} value={s}>
              {sourceLabel(s)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="mo-types"
        label="Event types"
        error={err('eventTypes')}
        hint="Comma-separated canonical types; empty = all."
      >
        <input
          id="mo-types"
          value={types}
          aria-describedby={describedBy('mo-types', err('eventTypes'), true)}
          onChange={(e) => setTypes(e.target.value)}
        />
      </Field>
      <Field
        id="mo-from"
        label="Series from (month)"
        error={err('seriesFrom')}
        hint="Empty = the dataset's first month. The baseline needs 24 months before the first month judged."
      >
        <input
          id="mo-from"
          type="month"
          value={seriesFrom}
          aria-invalid={Boolean(err('seriesFrom')) || undefined}
          aria-describedby={describedBy('mo-from', err('seriesFrom'), true)}
          onChange={(e) => setSeriesFrom(e.target.value)}
        />
      </Field>
      {num('mo-rho', 'rho', 'CUSUM shift ρ', rho, setRho, '0.1')}
      {num('mo-arl', 'targetArl', 'Target in-control ARL (months)', targetArl, setTargetArl, '1')}
      {num('mo-bocpd', 'bocpdThreshold', 'BOCPD threshold', bocpd, setBocpd, '0.05')}
      {other ? (
        <p className="field__error" role="alert">
          {other instanceof ApiError && other.status === 409
            ? 'Someone else changed this watch area. Reload to see their changes.'
            : messageOf(other)}
        </p>
      ) : null}
      <div className="monitor-form__actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
