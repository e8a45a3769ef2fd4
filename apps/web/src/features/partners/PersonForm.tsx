/**
 * Add a person to a partner (PersonInput: with community and label) or edit one at the version seen
 * (PersonUpdate; a 409 says someone changed it first). Field-level errors from the client schema and
 * from the server (400/422 field paths) sit next to their controls.
 */
import { useState } from 'react';
import { PersonInput, PersonUpdate } from '@entente/contracts';
import type { PersonItem } from '@entente/contracts';
import { HOME_NATION } from '../../lib/domain';
import { validateAgainst } from '../../lib/validateForm';
import { useCommunities, useCountries, useOrganisations } from '../../lib/reference';
import { CommunityField } from '../../components/CommunityField';
import { Field, describedBy } from '../../components/Field';
import { ErrorState, SkeletonRows } from '../../components/States';
import { ErrorSummary } from '../engagements/ErrorSummary';
import { LabelFieldset } from '../engagements/LabelFieldset';
import type { FieldErrors, LabelDraft } from '../engagements/formModel';
import { useDraftForm } from '../engagements/useDraftForm';
import { peopleApi } from './peopleApi';

type Draft = {
  name: string;
  rank: string;
  position: string;
  orgId: string;
  nationality: string;
  languages: string;
  focalPoint: boolean;
  communityId: string;
  label: LabelDraft;
};
type Input = { create: PersonInput } | { update: PersonUpdate };

/** The form's fields, with the ids of their controls under `prefix`, for the error summary. */
const fieldsOf = (prefix: string) =>
  ({
    name: ['Name', `${prefix}-name`],
    rank: ['Rank', `${prefix}-rank`],
    position: ['Position', `${prefix}-position`],
    orgId: ['Organisation', `${prefix}-orgId`],
    nationality: ['Nationality', `${prefix}-nationality`],
    languages: ['Languages', `${prefix}-languages`],
    communityId: ['Community', `${prefix}-communityId`],
    label: ['Classification label', `${prefix}-label-level`],
  }) as const;

function validate(iso3: string, person?: PersonItem) {
  return (d: Draft): { ok: true; input: Input; errors: FieldErrors } | { ok: false; errors: FieldErrors } => {
    const fields = {
      name: d.name,
      ...(d.rank.trim() ? { rank: d.rank } : {}),
      position: d.position,
      orgId: d.orgId || undefined,
      nationality: d.nationality || undefined,
      languages: d.languages
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
      focalPoint: d.focalPoint,
    };
    const none = () => undefined;
    if (person) {
      const r = validateAgainst(PersonUpdate, { ...fields, expectedVersion: person.version }, d, none);
      return r.ok ? { ok: true, input: { update: r.input }, errors: {} } : r;
    }
    const candidate = {
      ...fields,
      partnerIso3: iso3,
      communityId: d.communityId || undefined,
      label: d.label,
    };
    const r = validateAgainst(PersonInput, candidate, d, none);
    return r.ok ? { ok: true, input: { create: r.input }, errors: {} } : r;
  };
}

export function PersonForm({
  iso3,
  person,
  onSaved,
  onCancel,
}: {
  iso3: string;
  /** The person to edit; absent to add one. */
  person?: PersonItem;
  onSaved: (p: PersonItem) => void;
  onCancel: () => void;
}) {
  const orgs = useOrganisations();
  const communities = useCommunities();
  const countries = useCountries();
  const [validator] = useState(() => validate(iso3, person));
  const f = useDraftForm<Draft, Input>(
    () => ({
      name: person?.name ?? '',
      rank: person?.rank ?? '',
      position: person?.position ?? '',
      orgId: person?.org.id ?? '',
      nationality: person?.nationality ?? iso3,
      languages: person?.languages.join(', ') ?? '',
      focalPoint: person?.focalPoint ?? false,
      communityId: person?.communityId ?? '',
      label: { level: 'HUB-OFFICIAL', releasableTo: [HOME_NATION, iso3], restrictive: [], handling: [] },
    }),
    validator,
    async (input) =>
      onSaved(
        'update' in input
          ? (await peopleApi.update(person!.id, input.update)).data
          : (await peopleApi.create(input.create)).data,
      ),
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
  const choices = orgs.data.filter((o) => o.iso3 === iso3 || o.iso3 === HOME_NATION);
  const { draft: d, set, err } = f;
  const prefix = person ? `person-${person.id}` : 'person';
  const id = (k: string) => `${prefix}-${k}`;
  const text = (key: 'name' | 'rank' | 'position' | 'languages', label: string, hint?: string) => (
    <Field
      id={id(key)}
      label={label}
      error={err(key)}
      required={key === 'name' || key === 'position'}
      hint={hint}
    >
      <input
        id={id(key)}
        value={d[key]}
        aria-invalid={!!err(key) || undefined}
        aria-describedby={describedBy(id(key), err(key), hint)}
        onChange={(e) => set(key, e.target.value)}
      />
    </Field>
  );
  const title = person ? `Edit ${person.name}` : 'Add a person';
  return (
    <form
      className="subform entity-form"
      noValidate
      aria-busy={f.busy}
      aria-labelledby={id('form-title')}
      onSubmit={(e) => void f.submit(e)}
    >
      <h3 id={id('form-title')}>{title}</h3>
      <ErrorSummary
        ref={f.summaryRef}
        errors={Object.entries(f.errors)}
        formError={f.formError}
        conflict={null}
        labels={fieldsOf(prefix)}
        order={Object.keys(fieldsOf(prefix))}
      />
      <div className="grid grid--form">
        {text('name', 'Name')}
        {text('rank', 'Rank')}
        {text('position', 'Position')}
        <Field id={id('orgId')} label="Organisation" error={err('orgId')} required>
          <select
            id={id('orgId')}
            value={d.orgId}
            aria-invalid={!!err('orgId') || undefined}
            aria-describedby={describedBy(id('orgId'), err('orgId'))}
            onChange={(e) => set('orgId', e.target.value)}
          >
            <option value="">Choose…</option>
            {choices.map((o) => (
              <option key={o.id} value={o.id}>
                {o.code} — {o.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('nationality')} label="Nationality" error={err('nationality')} required>
          <select
            id={id('nationality')}
            value={d.nationality}
            aria-invalid={!!err('nationality') || undefined}
            aria-describedby={describedBy(id('nationality'), err('nationality'))}
            onChange={(e) => set('nationality', e.target.value)}
          >
            <option value="">Choose…</option>
            {countries.data.map((c) => (
              <option key={c.iso3} value={c.iso3}>
                {c.name} ({c.iso3})
              </option>
            ))}
          </select>
        </Field>
        {text('languages', 'Languages', 'Separated by commas.')}
      </div>
      <div className="field">
        <label>
          <input
            type="checkbox"
            checked={d.focalPoint}
            onChange={(e) => set('focalPoint', e.target.checked)}
          />{' '}
          Focal point of this partnership
        </label>
      </div>
      {person ? null : (
        <>
          <CommunityField
            id={id('communityId')}
            value={d.communityId}
            error={err('communityId')}
            communities={communities.data}
            onChange={(v) => set('communityId', v)}
          />
          <LabelFieldset
            idPrefix={id('label')}
            value={d.label}
            errors={f.errors}
            countries={countries.data}
            onChange={(l) => set('label', l)}
          />
        </>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={f.busy}>
          {f.busy ? 'Saving…' : person ? 'Save changes' : 'Add the person'}
        </button>
        <button type="button" className="btn btn--link" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
