/**
 * Create or edit a cooperation plan. Validates with the contract's schema and the plan rules
 * (five years at most, unique goal codes, targets inside the period); the server's field errors
 * (e.g. `goals.0.objectiveIds`, `ownerOrgIds`) land next to their fields, as in the objective form.
 */
import { useCallback, useMemo } from 'react';
import type { Organisation, PlanContentInput, PlanInput } from '@entente/contracts';
import { Field, describedBy } from '../../../components/Field';
import { ErrorSummary } from '../../engagements/ErrorSummary';
import { LabelFieldset } from '../../engagements/LabelFieldset';
import { useDraftForm } from '../../engagements/useDraftForm';
import { ContributionsFieldset, GoalsFieldset } from './PlanRows';
import {
  PLAN_ORDER,
  planFieldLabels,
  priorityLines,
  validateNewPlan,
  validatePlanContent,
} from './planModel';
import type { PlanDraft, PlanValidation } from './planModel';
import { CommunityField } from '../../../components/CommunityField';

type Common = {
  initial: PlanDraft;
  organisations: readonly Organisation[];
  objectives: readonly { id: string; code: string; title: string }[];
  countries: readonly { iso3: string; name: string }[];
  onCancel?: () => void;
};
type Props =
  | (Common & {
      mode: 'create';
      communities: readonly { id: string; code: string; name: string }[];
      onSave: (input: PlanInput) => Promise<void>;
    })
  | (Common & { mode: 'edit'; onSave: (input: PlanContentInput) => Promise<void> });

/**
 * Organisations that may own a plan: the ministry (top level), partner bodies (those of the chosen
 * partners first) and multinational bodies.
 */
export function ownerCandidates(
  orgs: readonly Organisation[],
  partnerIso3s: readonly string[],
): Organisation[] {
  const rank = (o: Organisation) =>
    o.kind === 'ministry_unit'
      ? 0
      : o.kind === 'partner_body' && o.iso3 && partnerIso3s.includes(o.iso3)
        ? 1
        : 2;
  return orgs
    .filter(
      (o) =>
        !o.parentCode &&
        ['ministry_unit', 'partner_body', 'alliance', 'regional_org', 'international_org'].includes(o.kind),
    )
    .sort((a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code));
}

export function PlanForm(props: Props) {
  const { initial, organisations, objectives, countries, onCancel, mode } = props;
  const validate = useCallback(
    (d: PlanDraft): PlanValidation<PlanInput | PlanContentInput> =>
      mode === 'create' ? validateNewPlan(d) : validatePlanContent(d),
    [mode],
  );
  const save = (input: PlanInput | PlanContentInput) =>
    props.mode === 'create' ? props.onSave(input as PlanInput) : props.onSave(input as PlanContentInput);
  const { draft, set, errors, err, formError, busy, summaryRef, submit } = useDraftForm(
    initial,
    validate,
    save,
  );
  const owners = useMemo(() => {
    const c = ownerCandidates(organisations, draft.partnerIso3s);
    const chosen = organisations.filter((o) => draft.ownerOrgIds.includes(o.id) && !c.includes(o));
    return [...c, ...chosen];
  }, [organisations, draft.partnerIso3s, draft.ownerOrgIds]);
  const sortedOrgs = useMemo(
    () => [...organisations].sort((a, b) => a.code.localeCompare(b.code)),
    [organisations],
  );
  const sortedObjectives = useMemo(
    () => [...objectives].sort((a, b) => a.code.localeCompare(b.code, undefined, { numeric: true })),
    [objectives],
  );

  const text = (key: 'code' | 'title', label: string, hint?: string) => (
    <Field id={`plan-${key}`} label={label} error={err(key)} required hint={hint}>
      <input
        id={`plan-${key}`}
        value={draft[key]}
        maxLength={key === 'code' ? 40 : 300}
        aria-invalid={!!err(key) || undefined}
        aria-describedby={describedBy(`plan-${key}`, err(key), hint)}
        onChange={(e) => set(key, e.target.value)}
      />
    </Field>
  );
  const date = (key: 'from' | 'to', label: string, hint?: string) => (
    <Field id={`plan-${key}`} label={label} error={err(key)} required hint={hint}>
      <input
        id={`plan-${key}`}
        type="date"
        value={draft[key]}
        aria-invalid={!!err(key) || undefined}
        aria-describedby={describedBy(`plan-${key}`, err(key), hint)}
        onChange={(e) => set(key, e.target.value)}
      />
    </Field>
  );
  const ownersError = err('ownerOrgIds');

  return (
    <form
      className="card entity-form"
      noValidate
      aria-busy={busy}
      aria-labelledby="plan-form-title"
      onSubmit={(e) => void submit(e)}
    >
      <h2 id="plan-form-title">{mode === 'create' ? 'New cooperation plan' : `Edit ${draft.code}`}</h2>
      <p className="muted">
        Fields marked * are required.{' '}
        {mode === 'create'
          ? 'A new plan starts as a draft; submit it to consult its owners.'
          : 'Once an owner has approved this version, saving opens a new version and every owner approves again.'}
      </p>
      <ErrorSummary
        ref={summaryRef}
        errors={Object.entries(errors)}
        formError={formError}
        conflict={null}
        labels={planFieldLabels(draft)}
        order={PLAN_ORDER}
      />
      <div className="grid grid--form">
        {mode === 'create' ? text('code', 'Code', 'e.g. WA-PLAN-GHA-2027') : null}
        <Field id="plan-kind" label="Kind" error={err('kind')} required>
          <select id="plan-kind" value={draft.kind} onChange={(e) => set('kind', e.target.value)}>
            <option value="bilateral">Bilateral (one partner)</option>
            <option value="multilateral">Multilateral (an alliance programme or several partners)</option>
          </select>
        </Field>
      </div>
      {text('title', 'Title')}
      <Field
        id="plan-partners"
        label="Partners"
        error={err('partnerIso3s')}
        required
        hint="Select one or more partner states."
      >
        <select
          id="plan-partners"
          multiple
          size={5}
          value={draft.partnerIso3s}
          aria-invalid={!!err('partnerIso3s') || undefined}
          aria-describedby={describedBy('plan-partners', err('partnerIso3s'), true)}
          onChange={(e) =>
            set(
              'partnerIso3s',
              [...e.target.selectedOptions].map((o) => o.value),
            )
          }
        >
          {countries.map((c) => (
            <option key={c.iso3} value={c.iso3}>
              {c.iso3} — {c.name}
            </option>
          ))}
        </select>
      </Field>
      <fieldset
        className="checks"
        id="plan-owners"
        tabIndex={-1}
        aria-describedby={ownersError ? 'plan-owners-error' : undefined}
      >
        <legend>
          Owners (every owner approves each version)
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        </legend>
        {owners.map((o) => (
          <label key={o.id} className="check">
            <input
              type="checkbox"
              checked={draft.ownerOrgIds.includes(o.id)}
              aria-invalid={!!ownersError || undefined}
              onChange={() =>
                set(
                  'ownerOrgIds',
                  draft.ownerOrgIds.includes(o.id)
                    ? draft.ownerOrgIds.filter((x) => x !== o.id)
                    : [...draft.ownerOrgIds, o.id],
                )
              }
            />{' '}
            {o.code} — {o.name}
          </label>
        ))}
        {ownersError ? (
          <p className="field__error checks__error" id="plan-owners-error">
            {ownersError}
          </p>
        ) : null}
      </fieldset>
      <div className="grid grid--form">
        {date('from', 'From')}
        {date('to', 'To', 'At most five years after the start.')}
        <Field id="plan-review" label="Review cycle (months)" error={err('reviewCycleMonths')}>
          <input
            id="plan-review"
            inputMode="numeric"
            value={draft.reviewCycleMonths}
            aria-invalid={!!err('reviewCycleMonths') || undefined}
            aria-describedby={describedBy('plan-review', err('reviewCycleMonths'))}
            onChange={(e) => set('reviewCycleMonths', e.target.value)}
          />
        </Field>
      </div>
      <Field
        id="plan-priorities"
        label="Partner priorities"
        error={err('partnerPriorities')}
        hint="The partner's own priorities, one per line."
      >
        <textarea
          id="plan-priorities"
          rows={3}
          value={draft.partnerPriorities}
          aria-describedby={describedBy('plan-priorities', err('partnerPriorities'), true)}
          onChange={(e) => set('partnerPriorities', e.target.value)}
        />
      </Field>
      <GoalsFieldset
        goals={draft.goals}
        objectives={sortedObjectives}
        priorities={priorityLines(draft.partnerPriorities)}
        err={err}
        onChange={(g) => set('goals', g)}
      />
      <ContributionsFieldset
        rows={draft.contributions}
        organisations={sortedOrgs}
        err={err}
        onChange={(c) => set('contributions', c)}
      />
      {props.mode === 'create' ? (
        <>
          <CommunityField
            id="plan-community"
            value={draft.communityId}
            error={err('communityId')}
            communities={props.communities}
            onChange={(v) => set('communityId', v)}
            hint="The need-to-know community that holds this plan."
          />
          <LabelFieldset
            idPrefix="plan-label"
            value={draft.label}
            errors={errors}
            countries={countries}
            onChange={(l) => set('label', l)}
          />
        </>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Saving…' : mode === 'create' ? 'Create plan' : 'Save changes'}
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
