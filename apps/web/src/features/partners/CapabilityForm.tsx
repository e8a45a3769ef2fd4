/** Record a capability assessment of one partner unit as a draft (CapabilityAssessmentInput), with field-level errors. */
import { useState } from 'react';
import { CapabilityAssessmentInput } from '@entente/contracts';
import type { CapabilityAssessmentInput as Input, CapabilityAssessmentItem } from '@entente/contracts';
import { HOME_NATION } from '../../lib/domain';
import { humanise } from '../../lib/engagementTypes';
import { useCommunities, useCountries, useOrganisations } from '../../lib/reference';
import { Field, describedBy } from '../../components/Field';
import { ErrorState, SkeletonRows } from '../../components/States';
import { ErrorSummary } from '../engagements/ErrorSummary';
import { LabelFieldset } from '../engagements/LabelFieldset';
import type { FieldErrors, LabelDraft } from '../engagements/formModel';
import { useDraftForm } from '../engagements/useDraftForm';
import { CAPABILITY_AREAS } from '../strategy/initiatives/initiativeModel';
import { capabilityApi } from './capabilityApi';

const METHODS = ['desk', 'visit', 'self_evaluation', 'joint', 'external'] as const;
const RATINGS = ['low', 'medium', 'high'] as const;

type Draft = {
  subjectOrgId: string;
  capabilityArea: string;
  method: string;
  conductedOn: string;
  findings: string;
  gaps: string;
  rating: string;
  maxTrainees: string;
  constraints: string;
  risks: string;
  evidence: string;
  communityId: string;
  label: LabelDraft;
};
const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

function validate(iso3: string) {
  return (d: Draft): { ok: true; input: Input; errors: FieldErrors } | { ok: false; errors: FieldErrors } => {
    const parsed = CapabilityAssessmentInput.safeParse({
      partnerIso3: iso3,
      subjectOrgId: d.subjectOrgId || undefined,
      capabilityArea: d.capabilityArea || undefined,
      method: d.method || undefined,
      conductedOn: d.conductedOn || undefined,
      findings: d.findings,
      gaps: lines(d.gaps),
      absorptiveCapacity: {
        rating: d.rating || undefined,
        ...(d.maxTrainees.trim() ? { maxTraineesPerMonth: Number(d.maxTrainees) } : {}),
        constraints: lines(d.constraints),
      },
      risks: lines(d.risks),
      evidence: lines(d.evidence),
      communityId: d.communityId || undefined,
      label: d.label,
    });
    if (parsed.success) return { ok: true, input: parsed.data, errors: {} };
    const errors: FieldErrors = {};
    for (const i of parsed.error.issues) errors[i.path.map(String).join('.')] ??= i.message;
    return { ok: false, errors };
  };
}

const FIELDS = {
  subjectOrgId: ['Assessed unit', 'ca-unit'],
  capabilityArea: ['Capability area', 'ca-area'],
  method: ['Method', 'ca-method'],
  conductedOn: ['Conducted on', 'ca-date'],
  findings: ['Findings', 'ca-findings'],
  absorptiveCapacity: ['Absorptive capacity', 'ca-rating'],
  communityId: ['Community', 'ca-community'],
  label: ['Classification label', 'ca-label-level'],
} as const;

export function CapabilityForm({
  iso3,
  onSaved,
  onCancel,
}: {
  iso3: string;
  onSaved: (a: CapabilityAssessmentItem) => void;
  onCancel: () => void;
}) {
  const orgs = useOrganisations();
  const communities = useCommunities();
  const countries = useCountries();
  const [validator] = useState(() => validate(iso3));
  const f = useDraftForm<Draft, Input>(
    () => ({
      subjectOrgId: '',
      capabilityArea: '',
      method: '',
      conductedOn: '',
      findings: '',
      gaps: '',
      rating: '',
      maxTrainees: '',
      constraints: '',
      risks: '',
      evidence: '',
      communityId: '',
      label: { level: 'HUB-OFFICIAL', releasableTo: [HOME_NATION], restrictive: [], handling: [] },
    }),
    validator,
    async (input) => onSaved((await capabilityApi.create(input)).data),
  );
  const failed = [orgs, communities, countries].find((q) => q.error && !q.data);
  if (failed)
    return (
      <ErrorState
        error={failed.error}
        onRetry={failed.refetch}
        title="The form's reference lists could not be loaded"
      />
    );
  if (!orgs.data || !communities.data || !countries.data)
    return <SkeletonRows rows={4} label="Loading the form…" />;
  const units = orgs.data.filter((o) => o.iso3 === iso3);
  const { draft: d, set, err } = f;
  const select = (
    key: keyof Draft,
    id: string,
    label: string,
    options: readonly (readonly [string, string])[],
    errKey: string = key,
  ) => (
    <Field id={id} label={label} error={err(errKey)} required>
      <select
        id={id}
        value={d[key] as string}
        aria-invalid={!!err(errKey) || undefined}
        aria-describedby={describedBy(id, err(errKey))}
        onChange={(e) => set(key, e.target.value)}
      >
        <option value="">Choose…</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </Field>
  );
  const area = (
    key: 'findings' | 'gaps' | 'constraints' | 'risks' | 'evidence',
    id: string,
    label: string,
    hint?: string,
  ) => (
    <Field id={id} label={label} error={err(key)} required={key === 'findings'} hint={hint}>
      <textarea
        id={id}
        rows={2}
        value={d[key]}
        aria-invalid={!!err(key) || undefined}
        aria-describedby={describedBy(id, err(key), hint)}
        onChange={(e) => set(key, e.target.value)}
      />
    </Field>
  );
  return (
    <form
      className="subform entity-form"
      noValidate
      aria-busy={f.busy}
      aria-labelledby="ca-form-title"
      onSubmit={(e) => void f.submit(e)}
    >
      <h3 id="ca-form-title">Record a capability assessment</h3>
      <ErrorSummary
        ref={f.summaryRef}
        errors={Object.entries(f.errors)}
        formError={f.formError}
        conflict={null}
        labels={FIELDS}
        order={Object.keys(FIELDS)}
      />
      <div className="grid grid--form">
        {select(
          'subjectOrgId',
          'ca-unit',
          'Assessed unit',
          units.map((o) => [o.id, `${o.code} — ${o.name}`] as const),
        )}
        {select(
          'capabilityArea',
          'ca-area',
          'Capability area',
          CAPABILITY_AREAS.map((a) => [a, humanise(a)] as const),
        )}
        {select(
          'method',
          'ca-method',
          'Method',
          METHODS.map((m) => [m, humanise(m)] as const),
        )}
        <Field id="ca-date" label="Conducted on" error={err('conductedOn')} required>
          <input
            id="ca-date"
            type="date"
            value={d.conductedOn}
            aria-invalid={!!err('conductedOn') || undefined}
            aria-describedby={describedBy('ca-date', err('conductedOn'))}
            onChange={(e) => set('conductedOn', e.target.value)}
          />
        </Field>
      </div>
      {area('findings', 'ca-findings', 'Findings')}
      {area('gaps', 'ca-gaps', 'Gaps', 'One a line.')}
      <div className="grid grid--form">
        {select(
          'rating',
          'ca-rating',
          'Absorptive capacity',
          RATINGS.map((r) => [r, humanise(r)] as const),
          'absorptiveCapacity.rating',
        )}
        <Field
          id="ca-max"
          label="Most trainees a month"
          error={err('absorptiveCapacity.maxTraineesPerMonth')}
        >
          <input
            id="ca-max"
            type="number"
            min={0}
            value={d.maxTrainees}
            aria-describedby={describedBy('ca-max', err('absorptiveCapacity.maxTraineesPerMonth'))}
            onChange={(e) => set('maxTrainees', e.target.value)}
          />
        </Field>
      </div>
      {area('constraints', 'ca-constraints', 'Constraints on absorption', 'One a line.')}
      {area('risks', 'ca-risks', 'Risks', 'One a line.')}
      {area('evidence', 'ca-evidence', 'Evidence', 'One a line: reports, visits, data.')}
      {select(
        'communityId',
        'ca-community',
        'Community',
        communities.data.map((c) => [c.id, `${c.name} (${c.code})`] as const),
      )}
      <LabelFieldset
        idPrefix="ca-label"
        value={d.label}
        errors={f.errors}
        countries={countries.data}
        onChange={(l) => set('label', l)}
      />
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={f.busy}>
          {f.busy ? 'Saving…' : 'Save as draft'}
        </button>
        <button type="button" className="btn btn--link" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
