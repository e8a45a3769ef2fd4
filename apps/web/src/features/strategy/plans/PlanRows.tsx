/** The repeating rows of the plan form: goals (each linked to objectives) and contributions. */
import { Field, describedBy } from '../../../components/Field';
import type { ContributionDraft, GoalDraft } from './planModel';
import { emptyContribution, emptyGoal } from './planModel';

type Err = (path: string) => string | undefined;
type Named = { id: string; code: string; title?: string; name?: string };

const selected = (e: { target: HTMLSelectElement }) => [...e.target.selectedOptions].map((o) => o.value);

export function GoalsFieldset({
  goals,
  objectives,
  priorities,
  err,
  onChange,
}: {
  goals: readonly GoalDraft[];
  objectives: readonly Named[];
  /** The partner's priorities as entered, which goals may serve. */
  priorities: readonly string[];
  err: Err;
  onChange: (goals: GoalDraft[]) => void;
}) {
  const patch = (i: number, p: Partial<GoalDraft>) =>
    onChange(goals.map((g, k) => (k === i ? { ...g, ...p } : g)));
  const listError = err('goals') && !goals.some((_, i) => err(`goals.${i}`)) ? err('goals') : undefined;
  return (
    <fieldset className="rows" id="plan-goals" tabIndex={-1}>
      <legend>Goals (the shared ways; each serves at least one of our objectives)</legend>
      {listError ? <p className="field__error">{listError}</p> : null}
      {goals.map((g, i) => {
        const id = (f: string) => `plan-goal-${i}-${f}`;
        return (
          <div key={g.key} className="row-card" role="group" aria-label={`Goal ${i + 1}`}>
            <div className="grid grid--form">
              <Field id={id('code')} label={`Goal ${i + 1} code`} error={err(`goals.${i}.code`)} required>
                <input
                  id={id('code')}
                  value={g.code}
                  maxLength={20}
                  aria-invalid={!!err(`goals.${i}.code`) || undefined}
                  aria-describedby={describedBy(id('code'), err(`goals.${i}.code`))}
                  onChange={(e) => patch(i, { code: e.target.value })}
                />
              </Field>
              <Field
                id={id('target')}
                label={`Goal ${i + 1} target date`}
                error={err(`goals.${i}.targetDate`)}
                required
              >
                <input
                  id={id('target')}
                  type="date"
                  value={g.targetDate}
                  aria-invalid={!!err(`goals.${i}.targetDate`) || undefined}
                  aria-describedby={describedBy(id('target'), err(`goals.${i}.targetDate`))}
                  onChange={(e) => patch(i, { targetDate: e.target.value })}
                />
              </Field>
            </div>
            <Field id={id('title')} label={`Goal ${i + 1} title`} error={err(`goals.${i}.title`)} required>
              <input
                id={id('title')}
                value={g.title}
                maxLength={500}
                aria-invalid={!!err(`goals.${i}.title`) || undefined}
                aria-describedby={describedBy(id('title'), err(`goals.${i}.title`))}
                onChange={(e) => patch(i, { title: e.target.value })}
              />
            </Field>
            <Field
              id={id('objectives')}
              label={`Goal ${i + 1} objectives`}
              error={err(`goals.${i}.objectiveIds`)}
              required
              hint="Select one or more (Ctrl or Shift with the arrow keys or a click)."
            >
              <select
                id={id('objectives')}
                multiple
                size={4}
                value={g.objectiveIds}
                aria-invalid={!!err(`goals.${i}.objectiveIds`) || undefined}
                aria-describedby={describedBy(id('objectives'), err(`goals.${i}.objectiveIds`), true)}
                onChange={(e) => patch(i, { objectiveIds: selected(e) })}
              >
                {objectives.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.code} — {o.title}
                  </option>
                ))}
              </select>
            </Field>
            {priorities.length ? (
              <Field
                id={id('priorities')}
                label={`Goal ${i + 1} partner priorities served`}
                error={err(`goals.${i}.partnerPriorityRefs`)}
              >
                <select
                  id={id('priorities')}
                  multiple
                  size={Math.min(4, priorities.length)}
                  value={g.partnerPriorityRefs.map(String)}
                  aria-invalid={!!err(`goals.${i}.partnerPriorityRefs`) || undefined}
                  aria-describedby={describedBy(id('priorities'), err(`goals.${i}.partnerPriorityRefs`))}
                  onChange={(e) => patch(i, { partnerPriorityRefs: selected(e).map(Number) })}
                >
                  {priorities.map((x, k) => (
                    <option key={`${k}-${x}`} value={String(k)}>
                      {k + 1}. {x}
                    </option>
                  ))}
                </select>
              </Field>
            ) : null}
            {goals.length > 1 ? (
              <button
                type="button"
                className="btn btn--link"
                onClick={() => onChange(goals.filter((_, k) => k !== i))}
              >
                Remove goal {i + 1}
              </button>
            ) : null}
          </div>
        );
      })}
      <button type="button" className="btn" onClick={() => onChange([...goals, emptyGoal()])}>
        Add a goal
      </button>
    </fieldset>
  );
}

export function ContributionsFieldset({
  rows,
  organisations,
  err,
  onChange,
}: {
  rows: readonly ContributionDraft[];
  organisations: readonly Named[];
  err: Err;
  onChange: (rows: ContributionDraft[]) => void;
}) {
  const patch = (i: number, p: Partial<ContributionDraft>) =>
    onChange(rows.map((r, k) => (k === i ? { ...r, ...p } : r)));
  return (
    <fieldset className="rows" id="plan-contributions" tabIndex={-1}>
      <legend>Contributions (pledges and person-days of each contributor)</legend>
      {rows.length === 0 ? <p className="muted">No contributions recorded.</p> : null}
      {rows.map((r, i) => {
        const id = (f: string) => `plan-contribution-${i}-${f}`;
        const rowError = err(`contributions.${i}`);
        return (
          <div
            key={r.key}
            className="row-card grid grid--form"
            role="group"
            aria-label={`Contribution ${i + 1}`}
          >
            <Field
              id={id('org')}
              label={`Contribution ${i + 1} organisation`}
              error={err(`contributions.${i}.orgId`) ?? rowError}
              required
            >
              <select
                id={id('org')}
                value={r.orgId}
                aria-invalid={!!(err(`contributions.${i}.orgId`) ?? rowError) || undefined}
                aria-describedby={describedBy(id('org'), err(`contributions.${i}.orgId`) ?? rowError)}
                onChange={(e) => patch(i, { orgId: e.target.value })}
              >
                <option value="">Choose an organisation…</option>
                {organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.code} — {o.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              id={id('amount')}
              label={`Contribution ${i + 1} pledge`}
              error={err(`contributions.${i}.pledged`)}
            >
              <input
                id={id('amount')}
                inputMode="decimal"
                value={r.amount}
                aria-invalid={!!err(`contributions.${i}.pledged`) || undefined}
                aria-describedby={describedBy(id('amount'), err(`contributions.${i}.pledged`))}
                onChange={(e) => patch(i, { amount: e.target.value })}
              />
            </Field>
            <Field id={id('currency')} label={`Contribution ${i + 1} currency`}>
              <input
                id={id('currency')}
                value={r.currency}
                maxLength={3}
                onChange={(e) => patch(i, { currency: e.target.value })}
              />
            </Field>
            <Field
              id={id('days')}
              label={`Contribution ${i + 1} person-days`}
              error={err(`contributions.${i}.personDays`)}
            >
              <input
                id={id('days')}
                inputMode="numeric"
                value={r.personDays}
                aria-invalid={!!err(`contributions.${i}.personDays`) || undefined}
                aria-describedby={describedBy(id('days'), err(`contributions.${i}.personDays`))}
                onChange={(e) => patch(i, { personDays: e.target.value })}
              />
            </Field>
            <button
              type="button"
              className="btn btn--link"
              onClick={() => onChange(rows.filter((_, k) => k !== i))}
            >
              Remove contribution {i + 1}
            </button>
          </div>
        );
      })}
      <button type="button" className="btn" onClick={() => onChange([...rows, emptyContribution()])}>
        Add a contribution
      </button>
    </fieldset>
  );
}
