/**
 * The first sections of the engagement form: what it is, the golden thread to strategy, and who
 * takes part. Split out of EngagementForm so that each file stays readable.
 */
import { TYPE_FAMILIES, typeLabel } from '../../lib/engagementTypes';
import { Field, describedBy } from '../../components/Field';
import { MultiSelect } from '../../components/MultiSelect';
import { ParticipantsFieldset } from './ParticipantsFieldset';
import type { SectionProps } from './formSections';

const label = (r: { code: string; title?: string; name?: string }) =>
  `${r.code} — ${r.title ?? r.name ?? ''}`;

/** Code, type, title and summary. */
export function IdentitySection({ draft, set, err }: SectionProps) {
  return (
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
  );
}

/** The initiative and objectives the engagement serves (the golden thread). */
export function StrategySection({ draft, set, err, refs }: SectionProps) {
  return (
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
  );
}

/** Partners, lead organisation and participants. */
export function PartnersSection({ draft, set, err, errors, refs }: SectionProps) {
  return (
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
  );
}
