/**
 * The engagement form (create and edit). Validates with the contract's schema and shows every message next to its
 * field; server 400 field errors land in the same places; a 409 keeps the user's edits.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { EngagementInput, Warning } from '@entente/contracts';
import { ApiError, messageOf } from '../../lib/api';
import { TYPE_FAMILIES, typeLabel } from '../../lib/engagementTypes';
import { Field, describedBy } from '../../components/Field';
import { MultiSelect } from '../../components/MultiSelect';
import { WarningsPanel } from './WarningsPanel';
import { LabelFieldset } from './LabelFieldset';
import { LocationsFieldset } from './LocationsFieldset';
import { ParticipantsFieldset } from './ParticipantsFieldset';
import { PayloadFieldset } from './PayloadFieldset';
import { ErrorSummary } from './ErrorSummary';
import { errorAt, normalisePath, validateDraft } from './formModel';
import type { Draft, FieldErrors } from './formModel';

type Ref = { id: string; code: string; title?: string; name?: string };
export type FormRefs = {
  initiatives: readonly { id: string; code: string; title: string }[];
  objectives: readonly { id: string; code: string; title: string }[];
  countries: readonly { iso3: string; name: string }[];
  organisations: readonly { id: string; code: string; name: string }[];
  fundingSources: readonly { id: string; code: string; name: string }[];
  communities: readonly { id: string; code: string; name: string }[];
};

type Props = {
  mode: 'create' | 'edit';
  initial: Draft;
  refs: FormRefs;
  onSave: (input: EngagementInput) => Promise<void>;
  onCheck: (input: EngagementInput) => Promise<readonly Warning[]>;
  onCancel?: () => void;
  onReload?: () => void;
};

const CONFLICT_MESSAGE =
  'Someone else changed this engagement; reload to see their changes — your edits are kept below.';

const label = (r: Ref) => `${r.code} — ${r.title ?? r.name ?? ''}`;

export function EngagementForm({ mode, initial, refs, onSave, onCheck, onCancel, onReload }: Props) {
  const [draft, setDraft] = useState<Draft>(initial);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState<'save' | 'check' | null>(null);
  const [warnings, setWarnings] = useState<readonly Warning[] | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const validation = useMemo(() => validateDraft(draft), [draft]);
  const clientErrors = submitted ? validation.errors : {};
  const errors: FieldErrors = { ...serverErrors, ...clientErrors };
  const err = (path: string) => errorAt(errors, path);

  /** Update one top-level field and forget the server's message about it. */
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setServerErrors((e) => {
      const next: FieldErrors = {};
      for (const [k, v] of Object.entries(e)) if (k !== key && !k.startsWith(`${String(key)}.`)) next[k] = v;
      return next;
    });
  };

  // After a failed save or check, move focus to the summary once it has rendered.
  const [focusTick, setFocusTick] = useState(0);
  const focusSummary = () => setFocusTick((t) => t + 1);
  useEffect(() => {
    if (focusTick > 0) summaryRef.current?.focus();
  }, [focusTick]);

  const handleApiError = (error: unknown) => {
    if (error instanceof ApiError && error.status === 409) {
      setConflict(true);
      setFormError(null);
    } else if (error instanceof ApiError && error.fields.length > 0) {
      const next: FieldErrors = {};
      for (const f of error.fields) next[normalisePath(f.path)] ??= f.message;
      setServerErrors(next);
      setFormError(error.message);
    } else {
      setFormError(messageOf(error));
    }
    focusSummary();
  };

  const run = async (kind: 'save' | 'check') => {
    setSubmitted(true);
    setFormError(null);
    setConflict(false);
    setServerErrors({});
    if (!validation.ok) {
      focusSummary();
      return;
    }
    setBusy(kind);
    try {
      if (kind === 'check') setWarnings(await onCheck(validation.input));
      else await onSave(validation.input);
    } catch (error) {
      handleApiError(error);
    } finally {
      setBusy(null);
    }
  };

  const allErrors = Object.entries(errors);

  return (
    <form
      className="engagement-form"
      noValidate
      aria-busy={busy !== null}
      onSubmit={(e) => {
        e.preventDefault();
        void run('save');
      }}
    >
      <ErrorSummary
        ref={summaryRef}
        errors={allErrors}
        formError={formError}
        conflict={conflict ? CONFLICT_MESSAGE : null}
        onReload={onReload}
      />

      <fieldset className="card">
        <legend>Engagement</legend>
        <div className="grid grid--form">
          <Field id="eng-code" label="Code" error={err('code')} required hint="e.g. ENG-2025-0042">
            <input
              id="eng-code"
              value={draft.code}
              maxLength={40}
              aria-invalid={!!err('code') || undefined}
              aria-describedby={describedBy('eng-code', err('code'), true)}
              onChange={(e) => set('code', e.target.value)}
            />
          </Field>
          <Field id="eng-type" label="Type" error={err('type')} required>
            <select
              id="eng-type"
              value={draft.type}
              aria-invalid={!!err('type') || undefined}
              aria-describedby={describedBy('eng-type', err('type'))}
              onChange={(e) => set('type', e.target.value)}
            >
              <option value="">Choose a type…</option>
              {TYPE_FAMILIES.map((g) => (
                <optgroup key={g.family} label={g.family}>
                  {g.types.map((t) => (
                    <option key={t} value={t}>
                      {typeLabel(t)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </Field>
        </div>
        <Field id="eng-title" label="Title" error={err('title')} required>
          <input
            id="eng-title"
            value={draft.title}
            maxLength={300}
            aria-invalid={!!err('title') || undefined}
            aria-describedby={describedBy('eng-title', err('title'))}
            onChange={(e) => set('title', e.target.value)}
          />
        </Field>
        <Field id="eng-summary" label="Summary" error={err('summary')}>
          <textarea
            id="eng-summary"
            rows={3}
            value={draft.summary}
            maxLength={5000}
            aria-describedby={describedBy('eng-summary', err('summary'))}
            onChange={(e) => set('summary', e.target.value)}
          />
        </Field>
      </fieldset>

      <fieldset className="card">
        <legend>Strategy (the golden thread)</legend>
        <Field id="eng-initiative" label="Initiative" error={err('initiativeId')} required>
          <select
            id="eng-initiative"
            value={draft.initiativeId}
            aria-invalid={!!err('initiativeId') || undefined}
            aria-describedby={describedBy('eng-initiative', err('initiativeId'))}
            onChange={(e) => set('initiativeId', e.target.value)}
          >
            <option value="">Choose an initiative…</option>
            {refs.initiatives.map((i) => (
              <option key={i.id} value={i.id}>
                {label(i)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="eng-objectives"
          label="Objectives"
          error={err('objectiveIds')}
          required
          hint="Choose the strategic objectives this engagement serves."
        >
          <MultiSelect
            id="eng-objectives"
            options={refs.objectives.map((o) => ({ value: o.id, label: label(o) }))}
            value={draft.objectiveIds}
            onChange={(v) => set('objectiveIds', v)}
            invalid={!!err('objectiveIds')}
            describedBy={describedBy('eng-objectives', err('objectiveIds'), true)}
            required
            filterLabel="Search the objective list"
          />
        </Field>
      </fieldset>

      <fieldset className="card">
        <legend>Partners and organisations</legend>
        <Field id="eng-partners" label="Partners" error={err('partnerIso3s')} required>
          <MultiSelect
            id="eng-partners"
            options={refs.countries.map((c) => ({ value: c.iso3, label: `${c.name} (${c.iso3})` }))}
            value={draft.partnerIso3s}
            onChange={(v) => set('partnerIso3s', v)}
            invalid={!!err('partnerIso3s')}
            describedBy={describedBy('eng-partners', err('partnerIso3s'))}
            required
            size={8}
            filterLabel="Search the country list"
          />
        </Field>
        <Field id="eng-lead-org" label="Lead organisation" error={err('leadOrgId')} required>
          <select
            id="eng-lead-org"
            value={draft.leadOrgId}
            aria-invalid={!!err('leadOrgId') || undefined}
            aria-describedby={describedBy('eng-lead-org', err('leadOrgId'))}
            onChange={(e) => set('leadOrgId', e.target.value)}
          >
            <option value="">Choose the lead organisation…</option>
            {refs.organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} ({o.code})
              </option>
            ))}
          </select>
        </Field>
        <ParticipantsFieldset
          rows={draft.participants}
          organisations={refs.organisations}
          errors={errors}
          onChange={(rows) => set('participants', rows)}
        />
      </fieldset>

      <fieldset className="card">
        <legend>Schedule and places</legend>
        <div className="grid grid--form">
          <Field id="eng-planned-start" label="Planned start" error={err('plannedStart')} required>
            <input
              id="eng-planned-start"
              type="date"
              value={draft.plannedStart}
              aria-invalid={!!err('plannedStart') || undefined}
              aria-describedby={describedBy('eng-planned-start', err('plannedStart'))}
              onChange={(e) => set('plannedStart', e.target.value)}
            />
          </Field>
          <Field id="eng-planned-end" label="Planned end" error={err('plannedEnd')} required>
            <input
              id="eng-planned-end"
              type="date"
              value={draft.plannedEnd}
              aria-invalid={!!err('plannedEnd') || undefined}
              aria-describedby={describedBy('eng-planned-end', err('plannedEnd'))}
              onChange={(e) => set('plannedEnd', e.target.value)}
            />
          </Field>
          {mode === 'edit' ? (
            <>
              <Field id="eng-actual-start" label="Actual start" error={err('actualStart')}>
                <input
                  id="eng-actual-start"
                  type="date"
                  value={draft.actualStart}
                  aria-describedby={describedBy('eng-actual-start', err('actualStart'))}
                  onChange={(e) => set('actualStart', e.target.value)}
                />
              </Field>
              <Field id="eng-actual-end" label="Actual end" error={err('actualEnd')}>
                <input
                  id="eng-actual-end"
                  type="date"
                  value={draft.actualEnd}
                  aria-describedby={describedBy('eng-actual-end', err('actualEnd'))}
                  onChange={(e) => set('actualEnd', e.target.value)}
                />
              </Field>
            </>
          ) : null}
        </div>
        <LocationsFieldset
          rows={draft.locations}
          countries={refs.countries}
          errors={errors}
          onChange={(rows) => set('locations', rows)}
        />
      </fieldset>

      <fieldset className="card">
        <legend>Resources</legend>
        <div className="grid grid--form">
          <Field
            id="eng-planned-cost"
            label="Planned cost"
            error={err('plannedCost')}
            required
            hint="A decimal amount such as 1250.00"
          >
            <input
              id="eng-planned-cost"
              inputMode="decimal"
              value={draft.plannedCost}
              aria-invalid={!!err('plannedCost') || undefined}
              aria-describedby={describedBy('eng-planned-cost', err('plannedCost'), true)}
              onChange={(e) => set('plannedCost', e.target.value)}
            />
          </Field>
          <Field id="eng-currency" label="Currency" error={err('currency')}>
            <input
              id="eng-currency"
              value={draft.currency}
              maxLength={3}
              className="input--short"
              aria-invalid={!!err('currency') || undefined}
              aria-describedby={describedBy('eng-currency', err('currency'))}
              onChange={(e) => set('currency', e.target.value.toUpperCase())}
            />
          </Field>
          {mode === 'edit' ? (
            <Field id="eng-actual-cost" label="Actual cost" error={err('actualCost')}>
              <input
                id="eng-actual-cost"
                inputMode="decimal"
                value={draft.actualCost}
                aria-describedby={describedBy('eng-actual-cost', err('actualCost'))}
                onChange={(e) => set('actualCost', e.target.value)}
              />
            </Field>
          ) : null}
          <Field id="eng-funding" label="Funding source" error={err('fundingSourceId')}>
            <select
              id="eng-funding"
              value={draft.fundingSourceId}
              aria-describedby={describedBy('eng-funding', err('fundingSourceId'))}
              onChange={(e) => set('fundingSourceId', e.target.value)}
            >
              <option value="">Not yet decided</option>
              {refs.fundingSources.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name} ({f.code})
                </option>
              ))}
            </select>
          </Field>
        </div>
      </fieldset>

      <PayloadFieldset
        type={draft.type}
        values={draft.payload}
        errors={errors}
        onChange={(payload) => set('payload', payload)}
      />

      <fieldset className="card">
        <legend>Access</legend>
        <Field
          id="eng-community"
          label="Community"
          error={err('communityId')}
          required
          hint="The need-to-know community that holds this record."
        >
          <select
            id="eng-community"
            value={draft.communityId}
            aria-invalid={!!err('communityId') || undefined}
            aria-describedby={describedBy('eng-community', err('communityId'), true)}
            onChange={(e) => set('communityId', e.target.value)}
          >
            <option value="">Choose a community…</option>
            {refs.communities.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.code})
              </option>
            ))}
            {draft.communityId && !refs.communities.some((c) => c.id === draft.communityId) ? (
              // The record's community is not among those listed to this user: keep it, say so.
              <option value={draft.communityId}>The record's current community</option>
            ) : null}
          </select>
        </Field>
        <LabelFieldset
          value={draft.label}
          errors={errors}
          countries={refs.countries}
          onChange={(l) => set('label', l)}
        />
      </fieldset>

      {mode === 'edit' ? (
        <fieldset className="card">
          <legend>Outcome</legend>
          <Field id="eng-outcome" label="Outcome achieved" error={err('outcomeSummary')}>
            <textarea
              id="eng-outcome"
              rows={3}
              value={draft.outcomeSummary}
              aria-describedby={describedBy('eng-outcome', err('outcomeSummary'))}
              onChange={(e) => set('outcomeSummary', e.target.value)}
            />
          </Field>
        </fieldset>
      ) : null}

      {warnings ? <WarningsPanel warnings={warnings} title="Conflict check" /> : null}

      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy !== null}>
          {busy === 'save' ? 'Saving…' : 'Save engagement'}
        </button>
        <button type="button" className="btn" disabled={busy !== null} onClick={() => void run('check')}>
          {busy === 'check' ? 'Checking…' : 'Check conflicts'}
        </button>
        {onCancel ? (
          <button type="button" className="btn btn--link" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
