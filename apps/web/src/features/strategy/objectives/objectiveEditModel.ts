/** Editing an objective: the draft from the stored objective, and its conversion to ObjectiveEdit with field-level validation. */
import { ObjectiveEdit } from '@entente/contracts';
import type { ObjectiveEdit as ObjectiveEditType, ObjectiveItem } from '@entente/contracts';
import { ApiError } from '../../../lib/api';
import { emptyFrom, validateAgainst, type DraftValidation, type WhenEmpty } from '../../../lib/validateForm';
import type { ObjectiveDraft } from '../objectiveModel';

/** The form's draft for an existing objective (code, level, community and label are shown, not edited). */
export function draftFromObjective(o: ObjectiveItem): ObjectiveDraft {
  return {
    code: o.code,
    title: o.title,
    description: o.description,
    level: o.level,
    parentId: o.parentId ?? '',
    priority: String(o.priority),
    threatFocus: [...o.threatFocus],
    validFrom: o.validFrom,
    validTo: o.validTo ?? '',
    communityId: '',
    label: { level: '', releasableTo: [], restrictive: [], handling: [] },
  };
}

const blankToNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

export function toObjectiveEditCandidate(d: ObjectiveDraft): Record<string, unknown> {
  return {
    title: d.title,
    description: d.description,
    priority: d.priority ? Number(d.priority) : undefined,
    threatFocus: d.threatFocus,
    parentId: blankToNull(d.parentId),
    validFrom: d.validFrom.trim() || undefined,
    validTo: blankToNull(d.validTo),
  };
}

const WHEN_EMPTY: WhenEmpty<ObjectiveDraft> = {
  title: [(d) => !d.title.trim(), 'enter a title'],
  description: [(d) => !d.description.trim(), 'describe the end pursued'],
  priority: [(d) => !d.priority, 'choose a priority'],
  validFrom: [(d) => !d.validFrom, 'enter the date from which the objective applies'],
};

export const validateObjectiveEdit = (d: ObjectiveDraft): DraftValidation<ObjectiveEditType> =>
  validateAgainst(
    ObjectiveEdit,
    toObjectiveEditCandidate(d),
    d,
    emptyFrom(WHEN_EMPTY),
    d.validTo && d.validFrom && d.validTo < d.validFrom ? { validTo: 'ends before it starts' } : {},
  );

/** The server names body fields `objective.validFrom`; the form knows them as `validFrom`. */
export function withFormPaths(e: unknown): unknown {
  if (!(e instanceof ApiError) || e.fields.length === 0) return e;
  const fields = e.fields.map((f) => ({ ...f, path: f.path.replace(/^(body\.)?objective\./, '') }));
  return new ApiError(e.status, e.code, e.message, e.requestId, fields);
}
