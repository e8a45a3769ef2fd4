/**
 * The later sections of the engagement form: schedule and places, resources, access (community
 * and label) and, when editing, the outcome.
 */
import { Field, describedBy } from '../../components/Field';
import { LabelFieldset } from './LabelFieldset';
import { LocationsFieldset } from './LocationsFieldset';
import type { SectionProps } from './formSections';
import { CommunityField } from '../../components/CommunityField';

/** Planned and actual dates, and the places. */
export function ScheduleSection({ draft, set, err, errors, refs, mode }: SectionProps) {
  return (
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
  );
}

/** Planned and actual cost, currency and funding source. */
export function ResourcesSection({ draft, set, err, refs, mode }: SectionProps) {
  return (
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
  );
}

/** The community that holds the record and its classification label. */
export function AccessSection({ draft, set, err, errors, refs }: SectionProps) {
  return (
    <fieldset className="card">
      <legend>Access</legend>
      <CommunityField
        id="eng-community"
        value={draft.communityId}
        error={err('communityId')}
        communities={refs.communities}
        onChange={(v) => set('communityId', v)}
      />
      <LabelFieldset
        value={draft.label}
        errors={errors}
        countries={refs.countries}
        onChange={(l) => set('label', l)}
      />
    </fieldset>
  );
}

/** The outcome achieved (edit only). */
export function OutcomeSection({ draft, set, err }: SectionProps) {
  return (
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
  );
}
