/**
 * The parts of the initiative form the approval gates ask for (DOMAIN.md §2.1): capability areas,
 * what it covers, absorptive capacity, and the risk assessment, sustainment plan and evaluation plan.
 */
import { humanise } from '../../../lib/engagementTypes';
import { Field, describedBy } from '../../../components/Field';
import { errorAt } from '../../engagements/formModel';
import type { FieldErrors } from '../../engagements/formModel';
import { CAPABILITY_AREAS, COVERS, EVALUATION_KINDS, RISK_DECISIONS, RISK_SCOPES } from './initiativeModel';
import type { InitiativeDraft } from './initiativeModel';

type Props = {
  draft: InitiativeDraft;
  errors: FieldErrors;
  organisations: readonly { id: string; code: string; name: string }[];
  set: <K extends keyof InitiativeDraft>(key: K, value: InitiativeDraft[K]) => void;
};

const toggle = (list: readonly string[], v: string) =>
  list.includes(v) ? list.filter((x) => x !== v) : [...list, v];

function Checks(props: {
  id: string;
  legend: string;
  options: readonly string[];
  value: readonly string[];
  error?: string | undefined;
  onChange: (v: string[]) => void;
}) {
  return (
    <fieldset
      className="checks"
      id={props.id}
      tabIndex={-1}
      aria-describedby={props.error ? `${props.id}-error` : undefined}
    >
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o} className="check">
          <input
            type="checkbox"
            checked={props.value.includes(o)}
            onChange={() => props.onChange(toggle(props.value, o))}
          />{' '}
          {humanise(o)}
        </label>
      ))}
      {props.error ? (
        <p className="field__error checks__error" id={`${props.id}-error`}>
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function ApprovalSections({ draft: d, errors, organisations, set }: Props) {
  const err = (p: string) => errorAt(errors, p);
  const input = (
    id: string,
    label: string,
    value: string,
    onChange: (v: string) => void,
    error?: string,
    type = 'text',
    hint?: string,
  ) => (
    <Field id={id} label={label} error={error} hint={hint}>
      <input
        id={id}
        type={type}
        value={value}
        aria-invalid={!!error || undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
  const select = (
    id: string,
    label: string,
    value: string,
    options: readonly (readonly [string, string])[],
    onChange: (v: string) => void,
    error?: string,
  ) => (
    <Field id={id} label={label} error={error}>
      <select
        id={id}
        value={value}
        aria-invalid={!!error || undefined}
        aria-describedby={describedBy(id, error)}
        onChange={(e) => onChange(e.target.value)}
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
  const toggleBox = (id: string, label: string, checked: boolean, onChange: (v: boolean) => void) => (
    <label className="check" htmlFor={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
  const risk = (p: Partial<InitiativeDraft['risk']>) => set('risk', { ...d.risk, ...p });
  const sus = (p: Partial<InitiativeDraft['sustainment']>) => set('sustainment', { ...d.sustainment, ...p });
  const ev = (p: Partial<InitiativeDraft['evaluation']>) => set('evaluation', { ...d.evaluation, ...p });
  const scale = ['1', '2', '3', '4', '5'].map((v) => [v, v] as const);

  return (
    <section aria-labelledby="ini-approval-title">
      <h3 id="ini-approval-title">What approval needs</h3>
      <Checks
        id="ini-areas"
        legend="Capability areas"
        options={CAPABILITY_AREAS}
        value={d.capabilityAreas}
        error={err('capabilityAreas')}
        onChange={(v) => set('capabilityAreas', v)}
      />
      <p className="muted">
        Each target partner needs an approved capability assessment, at most 24 months old, in each area.
      </p>
      <Checks
        id="ini-covers"
        legend="Covers (needs a sustainment plan)"
        options={COVERS}
        value={d.covers}
        error={err('covers')}
        onChange={(v) => set('covers', v)}
      />
      {toggleBox(
        'ini-forces',
        'Supports partner forces (needs a risk assessment)',
        d.supportsPartnerForces,
        (v) => set('supportsPartnerForces', v),
      )}
      <Field
        id="ini-absorptive"
        label="Absorptive capacity"
        error={err('absorptiveCapacity')}
        hint="What the partners can absorb: trainees, equipment, staff to sustain it."
      >
        <textarea
          id="ini-absorptive"
          rows={2}
          value={d.absorptiveStatement}
          aria-invalid={!!err('absorptiveCapacity') || undefined}
          aria-describedby={describedBy('ini-absorptive', err('absorptiveCapacity'), true)}
          onChange={(e) => set('absorptiveStatement', e.target.value)}
        />
      </Field>
      {input(
        'ini-absorptive-max',
        'Most trainees a month',
        d.absorptiveMax,
        (v) => set('absorptiveMax', v),
        err('absorptiveCapacity.maxTraineesPerMonth'),
        'number',
      )}

      <fieldset className="subform" id="ini-risk" tabIndex={-1}>
        <legend>Risk assessment</legend>
        {toggleBox('ini-has-risk', 'Record a risk assessment', d.hasRisk, (v) => set('hasRisk', v))}
        {err('riskAssessment') && !d.hasRisk ? <p className="field__error">{err('riskAssessment')}</p> : null}
        {d.hasRisk ? (
          <>
            <Checks
              id="ini-risk-scopes"
              legend="Scopes"
              options={RISK_SCOPES}
              value={d.risk.scopes}
              error={err('riskAssessment.scopes')}
              onChange={(v) => risk({ scopes: v })}
            />
            <div className="grid grid--form">
              {select(
                'ini-risk-likelihood',
                'Likelihood (1–5)',
                d.risk.likelihood,
                scale,
                (v) => risk({ likelihood: v }),
                err('riskAssessment.likelihood'),
              )}
              {select(
                'ini-risk-impact',
                'Impact (1–5)',
                d.risk.impact,
                scale,
                (v) => risk({ impact: v }),
                err('riskAssessment.impact'),
              )}
              {select(
                'ini-risk-decision',
                'Decision',
                d.risk.decision,
                RISK_DECISIONS.map((x) => [x, humanise(x)] as const),
                (v) => risk({ decision: v }),
                err('riskAssessment.decision'),
              )}
              {input(
                'ini-risk-decided',
                'Decided on',
                d.risk.decidedOn,
                (v) => risk({ decidedOn: v }),
                err('riskAssessment.decidedOn'),
                'date',
              )}
            </div>
            <Field id="ini-risk-mitigations" label="Mitigations" hint="One a line.">
              <textarea
                id="ini-risk-mitigations"
                rows={2}
                value={d.risk.mitigations}
                aria-describedby="ini-risk-mitigations-hint"
                onChange={(e) => risk({ mitigations: e.target.value })}
              />
            </Field>
          </>
        ) : null}
      </fieldset>

      <fieldset className="subform" id="ini-sustainment" tabIndex={-1}>
        <legend>Sustainment plan</legend>
        {toggleBox('ini-has-sustainment', 'Record a sustainment plan', d.hasSustainment, (v) =>
          set('hasSustainment', v),
        )}
        {err('sustainmentPlan') && !d.hasSustainment ? (
          <p className="field__error">{err('sustainmentPlan')}</p>
        ) : null}
        {d.hasSustainment ? (
          <div className="grid grid--form">
            {select(
              'ini-sus-owner',
              'Owner after handover',
              d.sustainment.ownerOrgId,
              organisations.map((o) => [o.id, `${o.code} — ${o.name}`] as const),
              (v) => sus({ ownerOrgId: v }),
              err('sustainmentPlan.ownerOrgId'),
            )}
            {input(
              'ini-sus-amount',
              'Annual cost',
              d.sustainment.amount,
              (v) => sus({ amount: v }),
              err('sustainmentPlan.annualCost.amount'),
              'text',
              'e.g. 120000.00',
            )}
            {input(
              'ini-sus-currency',
              'Currency',
              d.sustainment.currency,
              (v) => sus({ currency: v }),
              err('sustainmentPlan.annualCost.currency'),
            )}
            {input(
              'ini-sus-handover',
              'Handover date',
              d.sustainment.handoverDate,
              (v) => sus({ handoverDate: v }),
              err('sustainmentPlan.handoverDate'),
              'date',
            )}
          </div>
        ) : null}
      </fieldset>

      <fieldset className="subform" id="ini-evaluation" tabIndex={-1}>
        <legend>Evaluation plan</legend>
        {toggleBox('ini-has-evaluation', 'Record an evaluation plan', d.hasEvaluation, (v) =>
          set('hasEvaluation', v),
        )}
        {err('evaluationPlan') && !d.hasEvaluation ? (
          <p className="field__error">{err('evaluationPlan')}</p>
        ) : null}
        {d.hasEvaluation ? (
          <div className="grid grid--form">
            {select(
              'ini-eval-kind',
              'Kind',
              d.evaluation.kind,
              EVALUATION_KINDS.map((x) => [x, humanise(x)] as const),
              (v) => ev({ kind: v }),
              err('evaluationPlan.kind'),
            )}
            {input(
              'ini-eval-due',
              'Due by',
              d.evaluation.dueBy,
              (v) => ev({ dueBy: v }),
              err('evaluationPlan.dueBy'),
              'date',
            )}
          </div>
        ) : null}
      </fieldset>
    </section>
  );
}
