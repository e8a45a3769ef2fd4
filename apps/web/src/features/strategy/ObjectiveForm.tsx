/**
 * A new strategic objective (ObjectiveInput), or an edit of an existing one (ObjectiveEdit: title,
 * description, parent, priority, threat focus and validity; code, level, community and label stay).
 * Validates with the contract's schema; the server's field errors (e.g. `validFrom` when the
 * objective would start before its parent) land next to their fields.
 */
import { useMemo } from 'react';
import type { ObjectiveEdit, ObjectiveInput, ObjectiveItem } from '@entente/contracts';
import { OBJECTIVE_LEVELS, THREAT_FOCUS } from '../../lib/domain';
import { humanise } from '../../lib/engagementTypes';
import { formatDate } from '../../lib/format';
import { Field, describedBy } from '../../components/Field';
import { ErrorSummary } from '../engagements/ErrorSummary';
import { LabelFieldset } from '../engagements/LabelFieldset';
import { useDraftForm } from '../engagements/useDraftForm';
import { OBJECTIVE_FIELDS, OBJECTIVE_ORDER, emptyObjectiveDraft, validateObjective } from './objectiveModel';
import type { ObjectiveDraft } from './objectiveModel';
import { CommunityField } from '../../components/CommunityField';
import { draftFromObjective, validateObjectiveEdit } from './objectives/objectiveEditModel';

type Props = {
  /** Candidate parents (the objectives released to the user). */
  objectives: readonly ObjectiveItem[];
  onCancel?: (() => void) | undefined;
} & (
  | {
      editing?: undefined;
      communities: readonly { id: string; code: string; name: string }[];
      countries: readonly { iso3: string; name: string }[];
      onSave: (input: ObjectiveInput) => Promise<void>;
    }
  | {
      /** The objective being edited. */
      editing: ObjectiveItem;
      onSave: (edit: ObjectiveEdit) => Promise<void>;
    }
);

const PRIORITIES = [
  { value: '1', label: '1 (highest)' },
  { value: '2', label: '2' },
  { value: '3', label: '3' },
];

const toggle = (list: readonly string[], v: string) =>
  list.includes(v) ? list.filter((x) => x !== v) : [...list, v];

/** An objective and everything under it (it cannot become its own parent). */
function subtreeOf(id: string, objectives: readonly ObjectiveItem[]): Set<string> {
  const out = new Set([id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const o of objectives)
      if (o.parentId && out.has(o.parentId) && !out.has(o.id)) {
        out.add(o.id);
        grew = true;
      }
  }
  return out;
}

export function ObjectiveForm(props: Props) {
  const { objectives, onCancel, editing } = props;
  const communities = props.editing ? [] : props.communities;
  const { draft, set, errors, err, formError, busy, summaryRef, submit } = useDraftForm<
    ObjectiveDraft,
    ObjectiveInput | ObjectiveEdit
  >(
    () =>
      editing
        ? draftFromObjective(editing)
        : emptyObjectiveDraft(communities.length === 1 && communities[0] ? communities[0].id : ''),
    editing ? validateObjectiveEdit : validateObjective,
    (input) => (props.editing ? props.onSave(input as ObjectiveEdit) : props.onSave(input as ObjectiveInput)),
  );

  const parents = useMemo(() => {
    const excluded = editing ? subtreeOf(editing.id, objectives) : new Set<string>();
    return objectives
      .filter((o) => !excluded.has(o.id))
      .sort((a, b) => a.code.localeCompare(b.code, undefined, { numeric: true }));
  }, [objectives, editing]);
  const parent = parents.find((o) => o.id === draft.parentId);

  const text = (key: 'code' | 'title', label: string, hint?: string) => (
    <Field id={`objective-${key}`} label={label} error={err(key)} required hint={hint}>
      <input
        id={`objective-${key}`}
        value={draft[key]}
        maxLength={key === 'code' ? 30 : 300}
        aria-invalid={!!err(key) || undefined}
        aria-describedby={describedBy(`objective-${key}`, err(key), hint)}
        onChange={(e) => set(key, e.target.value)}
      />
    </Field>
  );

  const priorityError = err('priority');
  const threatError = err('threatFocus');
  const parentHint = parent
    ? `${parent.code} applies from ${formatDate(parent.validFrom)}${
        parent.validTo ? ` to ${formatDate(parent.validTo)}` : ''
      }; ${editing ? 'this' : 'the new'} objective must fall within that period.`
    : 'Leave empty for a top-level objective.';

  return (
    <form
      className="card entity-form"
      noValidate
      aria-busy={busy}
      aria-labelledby="objective-form-title"
      onSubmit={(e) => void submit(e)}
    >
      <h2 id="objective-form-title">{editing ? `Edit ${editing.code}` : 'New objective'}</h2>
      <p className="muted">
        Fields marked * are required.{' '}
        {editing
          ? 'The code, level, community and classification stay as they are.'
          : 'A new objective starts as a draft.'}
      </p>
      <ErrorSummary
        ref={summaryRef}
        errors={Object.entries(errors)}
        formError={formError}
        conflict={null}
        labels={OBJECTIVE_FIELDS}
        order={OBJECTIVE_ORDER}
      />
      {editing ? null : (
        <div className="grid grid--form">
          {text('code', 'Code', 'e.g. SO-4.1')}
          <Field id="objective-level" label="Level" error={err('level')} required>
            <select
              id="objective-level"
              value={draft.level}
              aria-invalid={!!err('level') || undefined}
              aria-describedby={describedBy('objective-level', err('level'))}
              onChange={(e) => set('level', e.target.value)}
            >
              <option value="">Choose a level…</option>
              {OBJECTIVE_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {humanise(l)}
                </option>
              ))}
            </select>
          </Field>
        </div>
      )}
      {text('title', 'Title')}
      <Field id="objective-description" label="Description" error={err('description')} required>
        <textarea
          id="objective-description"
          rows={3}
          maxLength={5000}
          value={draft.description}
          aria-invalid={!!err('description') || undefined}
          aria-describedby={describedBy('objective-description', err('description'))}
          onChange={(e) => set('description', e.target.value)}
        />
      </Field>
      <Field id="objective-parent" label="Parent objective" error={err('parentId')} hint={parentHint}>
        <select
          id="objective-parent"
          value={draft.parentId}
          aria-invalid={!!err('parentId') || undefined}
          aria-describedby={describedBy('objective-parent', err('parentId'), true)}
          onChange={(e) => set('parentId', e.target.value)}
        >
          <option value="">None (a top-level objective)</option>
          {parents.map((o) => (
            <option key={o.id} value={o.id}>
              {o.code} — {o.title}
              {o.status === 'active' ? '' : ` (${humanise(o.status).toLowerCase()})`}
            </option>
          ))}
        </select>
      </Field>
      <fieldset
        className="checks"
        id="objective-priority"
        tabIndex={-1}
        aria-describedby={priorityError ? 'objective-priority-error' : undefined}
      >
        <legend>
          Priority
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        </legend>
        {PRIORITIES.map((p) => (
          <label key={p.value} className="check">
            <input
              type="radio"
              name="objective-priority"
              value={p.value}
              checked={draft.priority === p.value}
              aria-invalid={!!priorityError || undefined}
              onChange={() => set('priority', p.value)}
            />{' '}
            {p.label}
          </label>
        ))}
        {priorityError ? (
          <p className="field__error checks__error" id="objective-priority-error">
            {priorityError}
          </p>
        ) : null}
      </fieldset>
      <fieldset
        className="checks"
        id="objective-threats"
        tabIndex={-1}
        aria-describedby={threatError ? 'objective-threats-error' : undefined}
      >
        <legend>Threat focus</legend>
        {THREAT_FOCUS.map((t) => (
          <label key={t} className="check">
            <input
              type="checkbox"
              checked={draft.threatFocus.includes(t)}
              onChange={() => set('threatFocus', toggle(draft.threatFocus, t))}
            />{' '}
            {humanise(t)}
          </label>
        ))}
        {threatError ? (
          <p className="field__error checks__error" id="objective-threats-error">
            {threatError}
          </p>
        ) : null}
      </fieldset>
      <div className="grid grid--form">
        <Field id="objective-valid-from" label="Valid from" error={err('validFrom')} required>
          <input
            id="objective-valid-from"
            type="date"
            value={draft.validFrom}
            aria-invalid={!!err('validFrom') || undefined}
            aria-describedby={describedBy('objective-valid-from', err('validFrom'))}
            onChange={(e) => set('validFrom', e.target.value)}
          />
        </Field>
        <Field
          id="objective-valid-to"
          label="Valid to"
          error={err('validTo')}
          hint="Leave empty while it has no end."
        >
          <input
            id="objective-valid-to"
            type="date"
            value={draft.validTo}
            aria-invalid={!!err('validTo') || undefined}
            aria-describedby={describedBy('objective-valid-to', err('validTo'), true)}
            onChange={(e) => set('validTo', e.target.value)}
          />
        </Field>
      </div>
      {props.editing ? null : (
        <>
          <CommunityField
            id="objective-community"
            value={draft.communityId}
            error={err('communityId')}
            communities={props.communities}
            onChange={(v) => set('communityId', v)}
          />
          <LabelFieldset
            idPrefix="objective-label"
            value={draft.label}
            errors={errors}
            countries={props.countries}
            onChange={(l) => set('label', l)}
          />
        </>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Saving…' : editing ? 'Save changes' : 'Create objective'}
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
