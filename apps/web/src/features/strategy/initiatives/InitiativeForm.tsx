/**
 * Propose or edit an initiative (InitiativeInput): basics, what approval needs, the logic model and
 * the label. Validates with the contract's schema; the server's field errors (logic-model links,
 * unknown lines of effort, gates once approved) land next to their fields and in the summary.
 */
import '../../../styles/initiatives.css';
import { useEffect } from 'react';
import type { InitiativeInput, ObjectiveItem, PlanItem } from '@entente/contracts';
import { Field, describedBy } from '../../../components/Field';
import { ErrorSummary } from '../../engagements/ErrorSummary';
import { LabelFieldset } from '../../engagements/LabelFieldset';
import { useDraftForm } from '../../engagements/useDraftForm';
import { ApprovalSections } from './ApprovalSections';
import { LogicModelEditor } from './LogicModelEditor';
import { INITIATIVE_FIELDS, INITIATIVE_ORDER, validateInitiative } from './initiativeModel';
import type { InitiativeDraft } from './initiativeModel';
import { CommunityField } from '../../../components/CommunityField';
import { gateFieldOf } from './gateLabels';
import { SignificanceNote, type SavedSignificance } from './SignificanceNote';

type Props = {
  title: string;
  initial: InitiativeDraft;
  objectives: readonly ObjectiveItem[];
  plans: readonly PlanItem[];
  organisations: readonly { id: string; code: string; name: string; kind: string }[];
  communities: readonly { id: string; code: string; name: string }[];
  countries: readonly { iso3: string; name: string }[];
  /** Shown in the summary when the save met a newer version (409). */
  conflict?: string | null;
  /** The significance the server derived when the initiative was last saved (absent for a new one). */
  significance?: SavedSignificance | undefined;
  /** A field path to focus on opening (from the approval checklist's "Edit" links). */
  focus?: string | undefined;
  onReload?: () => void;
  onSave: (input: InitiativeInput) => Promise<void>;
  onCancel: () => void;
};

const toggle = (list: readonly string[], v: string) =>
  list.includes(v) ? list.filter((x) => x !== v) : [...list, v];

export function InitiativeForm(p: Props) {
  const {
    draft: d,
    set,
    errors,
    err,
    formError,
    busy,
    summaryRef,
    submit,
  } = useDraftForm(() => p.initial, validateInitiative, p.onSave);
  const focusPath = p.focus;
  useEffect(() => {
    if (!focusPath) return;
    const { id } = gateFieldOf(focusPath, d);
    const el = id ? document.getElementById(id) : null;
    if (!el) return;
    el.scrollIntoView?.({ block: 'center' });
    el.focus();
    // Only on opening (the draft changes as the user types; `d` is read once).
  }, [focusPath]);
  const loes = p.objectives.flatMap((o) => o.linesOfEffort.map((l) => ({ ...l, objective: o.code })));
  const homeOrgs = p.organisations.filter((o) => o.kind === 'ministry_unit');
  const text = (
    key: 'code' | 'title' | 'partners',
    id: string,
    label: string,
    errKey: string,
    hint?: string,
  ) => (
    <Field id={id} label={label} error={err(errKey)} required hint={hint}>
      <input
        id={id}
        value={d[key]}
        aria-invalid={!!err(errKey) || undefined}
        aria-describedby={describedBy(id, err(errKey), hint)}
        onChange={(e) => set(key, e.target.value)}
      />
    </Field>
  );
  const area = (key: 'problemStatement' | 'theoryOfChange', id: string, label: string) => (
    <Field id={id} label={label} error={err(key)}>
      <textarea
        id={id}
        rows={3}
        maxLength={5000}
        value={d[key]}
        aria-invalid={!!err(key) || undefined}
        aria-describedby={describedBy(id, err(key))}
        onChange={(e) => set(key, e.target.value)}
      />
    </Field>
  );
  const date = (key: 'from' | 'to', id: string, label: string) => (
    <Field id={id} label={label} error={err(key)} required>
      <input
        id={id}
        type="date"
        value={d[key]}
        aria-invalid={!!err(key) || undefined}
        aria-describedby={describedBy(id, err(key))}
        onChange={(e) => set(key, e.target.value)}
      />
    </Field>
  );

  return (
    <form
      className="card entity-form"
      noValidate
      aria-busy={busy}
      aria-labelledby="ini-form-title"
      onSubmit={(e) => void submit(e)}
    >
      <h2 id="ini-form-title">{p.title}</h2>
      <p className="muted">
        Fields marked * are required. An initiative is proposed first; an approver approves it once every gate
        is met.
      </p>
      <ErrorSummary
        ref={summaryRef}
        errors={Object.entries(errors)}
        formError={formError}
        conflict={p.conflict ?? null}
        onReload={p.onReload}
        labels={INITIATIVE_FIELDS}
        order={INITIATIVE_ORDER}
      />
      <div className="grid grid--form">
        {text('code', 'ini-code', 'Code', 'code', 'e.g. INI-KEN-MLE')}
        {text(
          'partners',
          'ini-partners',
          'Target partners',
          'partnerIso3s',
          'ISO 3166 alpha-3 codes, separated by commas, e.g. KEN, SYC',
        )}
      </div>
      {text('title', 'ini-title', 'Title', 'title')}
      <div className="grid grid--form">
        <Field id="ini-lead" label="Lead organisation" error={err('leadOrgId')} required>
          <select
            id="ini-lead"
            value={d.leadOrgId}
            aria-invalid={!!err('leadOrgId') || undefined}
            aria-describedby={describedBy('ini-lead', err('leadOrgId'))}
            onChange={(e) => set('leadOrgId', e.target.value)}
          >
            <option value="">Choose an organisation…</option>
            {homeOrgs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.code} — {o.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="ini-plan" label="Cooperation plan" error={err('planId')}>
          <select
            id="ini-plan"
            value={d.planId}
            aria-invalid={!!err('planId') || undefined}
            aria-describedby={describedBy('ini-plan', err('planId'))}
            onChange={(e) => set('planId', e.target.value)}
          >
            <option value="">None</option>
            {p.plans.map((x) => (
              <option key={x.id} value={x.id}>
                {x.code} — {x.title}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="grid grid--form">
        <Field
          id="ini-budget"
          label="Budget"
          error={err('budget.amount') ?? err('budget')}
          hint="What the initiative is budgeted to cost, e.g. 1500000.00; leave empty if not costed yet."
        >
          <input
            id="ini-budget"
            inputMode="decimal"
            value={d.budgetAmount}
            aria-invalid={!!(err('budget.amount') ?? err('budget')) || undefined}
            aria-describedby={describedBy('ini-budget', err('budget.amount') ?? err('budget'), true)}
            onChange={(e) => set('budgetAmount', e.target.value)}
          />
        </Field>
        <Field id="ini-budget-currency" label="Budget currency" error={err('budget.currency')}>
          <input
            id="ini-budget-currency"
            maxLength={3}
            value={d.budgetCurrency}
            aria-invalid={!!err('budget.currency') || undefined}
            aria-describedby={describedBy('ini-budget-currency', err('budget.currency'))}
            onChange={(e) => set('budgetCurrency', e.target.value)}
          />
        </Field>
      </div>
      <SignificanceNote
        saved={p.significance}
        changed={
          !!p.significance &&
          (d.budgetAmount !== p.initial.budgetAmount ||
            d.budgetCurrency !== p.initial.budgetCurrency ||
            d.covers.join() !== p.initial.covers.join())
        }
      />
      <fieldset
        className="checks checks--scroll"
        id="ini-loes"
        tabIndex={-1}
        aria-describedby={err('lineOfEffortIds') ? 'ini-loes-error' : undefined}
      >
        <legend>Lines of effort</legend>
        {loes.map((l) => (
          <label key={l.id} className="check">
            <input
              type="checkbox"
              checked={d.lineOfEffortIds.includes(l.id)}
              onChange={() => set('lineOfEffortIds', toggle(d.lineOfEffortIds, l.id))}
            />{' '}
            {l.code} — {l.title} <span className="muted">({l.objective})</span>
          </label>
        ))}
        {err('lineOfEffortIds') ? (
          <p className="field__error checks__error" id="ini-loes-error">
            {err('lineOfEffortIds')}
          </p>
        ) : null}
      </fieldset>
      {area('problemStatement', 'ini-problem', 'Problem statement')}
      {area('theoryOfChange', 'ini-toc', 'Theory of change')}
      <div className="grid grid--form">
        {date('from', 'ini-from', 'Start')}
        {date('to', 'ini-to', 'End')}
      </div>
      <ApprovalSections draft={d} errors={errors} organisations={p.organisations} set={set} />
      <section aria-labelledby="ini-logic-title" id="ini-logic" tabIndex={-1}>
        <h3 id="ini-logic-title">Logic model</h3>
        <p className="muted">
          Each node leads up one level: inputs to activities, activities to outputs, outputs to outcomes,
          outcomes to the impact. Outcomes and impacts serve objectives; give outcomes an indicator with a
          baseline.
        </p>
        <LogicModelEditor
          nodes={d.logicModel}
          objectives={p.objectives.filter((o) => o.status !== 'retired')}
          errors={errors}
          onChange={(n) => set('logicModel', n)}
        />
      </section>
      <CommunityField
        id="ini-community"
        value={d.communityId}
        error={err('communityId')}
        communities={p.communities}
        onChange={(v) => set('communityId', v)}
      />
      <LabelFieldset
        idPrefix="ini-label"
        value={d.label}
        errors={errors}
        countries={p.countries}
        onChange={(l) => set('label', l)}
      />
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save initiative'}
        </button>
        <button type="button" className="btn btn--link" onClick={p.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
