/** Participant rows: organisation, role and planned (and actual) headcount. */
import { PARTICIPATION_ROLES } from '../../lib/domain';
import { humanise } from '../../lib/engagementTypes';
import { errorAt, newKey } from './formModel';
import type { FieldErrors, ParticipantDraft } from './formModel';

type Props = {
  rows: readonly ParticipantDraft[];
  organisations: readonly { id: string; code: string; name: string }[];
  errors: FieldErrors;
  onChange: (rows: ParticipantDraft[]) => void;
};

export function ParticipantsFieldset({ rows, organisations, errors, onChange }: Props) {
  const update = (i: number, patch: Partial<ParticipantDraft>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const errorOf = (i: number, key: string) => errorAt(errors, `participants.${i}.${key}`);
  const described = (id: string, error: string | undefined) => (error ? `${id}-error` : undefined);
  const message = (id: string, error: string | undefined) =>
    error ? (
      <p className="field__error" id={`${id}-error`}>
        {error}
      </p>
    ) : null;

  return (
    <fieldset className="rows">
      <legend>Participants</legend>
      {rows.length === 0 ? <p className="muted">No participants yet.</p> : null}
      {rows.map((r, i) => {
        const org = `eng-part-${i}-orgId`;
        const role = `eng-part-${i}-role`;
        const head = `eng-part-${i}-plannedHeadcount`;
        return (
          <div key={r.key} className="row-group" role="group" aria-label={`Participant ${i + 1}`}>
            <div className="field">
              <label htmlFor={org}>Participating organisation</label>
              <select
                id={org}
                value={r.orgId}
                aria-invalid={!!errorOf(i, 'orgId') || undefined}
                aria-describedby={described(org, errorOf(i, 'orgId'))}
                onChange={(e) => update(i, { orgId: e.target.value })}
              >
                <option value="">Choose…</option>
                {organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name} ({o.code})
                  </option>
                ))}
              </select>
              {message(org, errorOf(i, 'orgId'))}
            </div>
            <div className="field">
              <label htmlFor={role}>Role</label>
              <select
                id={role}
                value={r.role}
                aria-invalid={!!errorOf(i, 'role') || undefined}
                aria-describedby={described(role, errorOf(i, 'role'))}
                onChange={(e) => update(i, { role: e.target.value })}
              >
                <option value="">Choose…</option>
                {PARTICIPATION_ROLES.map((x) => (
                  <option key={x} value={x}>
                    {humanise(x)}
                  </option>
                ))}
              </select>
              {message(role, errorOf(i, 'role'))}
            </div>
            <div className="field">
              <label htmlFor={head}>Headcount</label>
              <input
                id={head}
                type="number"
                min={0}
                step={1}
                className="input--short"
                value={r.plannedHeadcount}
                aria-invalid={!!errorOf(i, 'plannedHeadcount') || undefined}
                aria-describedby={described(head, errorOf(i, 'plannedHeadcount'))}
                onChange={(e) => update(i, { plannedHeadcount: e.target.value })}
              />
              {message(head, errorOf(i, 'plannedHeadcount'))}
            </div>
            <button
              type="button"
              className="btn btn--small"
              aria-label={`Remove participant ${i + 1}`}
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="btn btn--small"
        onClick={() =>
          onChange([
            ...rows,
            { key: newKey(), orgId: '', role: 'participant', plannedHeadcount: '1', actualHeadcount: '' },
          ])
        }
      >
        Add participant
      </button>
    </fieldset>
  );
}
