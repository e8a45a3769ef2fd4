/** The objective form's draft (strings as typed), its conversion to ObjectiveInput and field-level validation. */
import { ObjectiveInput } from '@entente/contracts';
import type { ObjectiveInput as ObjectiveInputType } from '@entente/contracts';
import { HOME_NATION } from '../../lib/domain';
import { emptyFrom, validateAgainst, type DraftValidation, type WhenEmpty } from '../../lib/validateForm';
import type { LabelDraft } from '../engagements/formModel';
import type { FieldLabels } from '../engagements/ErrorSummary';

export type ObjectiveDraft = {
  code: string;
  title: string;
  description: string;
  level: string;
  parentId: string;
  /** '1', '2' or '3' (1 is the highest). */
  priority: string;
  threatFocus: string[];
  validFrom: string;
  validTo: string;
  communityId: string;
  label: LabelDraft;
};

export function emptyObjectiveDraft(communityId = ''): ObjectiveDraft {
  return {
    code: '',
    title: '',
    description: '',
    level: '',
    parentId: '',
    priority: '',
    threatFocus: [],
    validFrom: '',
    validTo: '',
    communityId,
    label: { level: 'HUB-OFFICIAL', releasableTo: [HOME_NATION], restrictive: [], handling: [] },
  };
}

const opt = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

/** The wire shape to validate and send (undefined members are dropped by JSON). */
export function toObjectiveCandidate(d: ObjectiveDraft): Record<string, unknown> {
  return {
    code: d.code,
    title: d.title,
    description: d.description,
    level: opt(d.level),
    parentId: opt(d.parentId),
    priority: d.priority ? Number(d.priority) : undefined,
    threatFocus: d.threatFocus,
    validFrom: opt(d.validFrom),
    validTo: opt(d.validTo),
    communityId: opt(d.communityId),
    label: {
      level: d.label.level,
      restrictive: d.label.restrictive,
      releasableTo: d.label.releasableTo,
      handling: d.label.handling,
    },
  };
}

/** Messages for a required field left empty (clearer than a schema's "expected string"). */
const WHEN_EMPTY: WhenEmpty<ObjectiveDraft> = {
  code: [(d) => !d.code.trim(), 'enter a code, e.g. SO-4.1'],
  title: [(d) => !d.title.trim(), 'enter a title'],
  description: [(d) => !d.description.trim(), 'describe the end pursued'],
  level: [(d) => !d.level, 'choose the level of the objective'],
  priority: [(d) => !d.priority, 'choose a priority'],
  validFrom: [(d) => !d.validFrom, 'enter the date from which the objective applies'],
  communityId: [(d) => !d.communityId, 'choose the community of interest'],
  'label.level': [(d) => !d.label.level, 'choose a classification level'],
};

export type ObjectiveValidation = DraftValidation<ObjectiveInputType>;

/** Validate with the contract's schema; errors keyed by field path. */
export const validateObjective = (d: ObjectiveDraft): ObjectiveValidation =>
  validateAgainst(ObjectiveInput, toObjectiveCandidate(d), d, emptyFrom(WHEN_EMPTY));

/** The form's fields for the error summary: label and element id. */
export const OBJECTIVE_FIELDS: FieldLabels = {
  code: ['Code', 'objective-code'],
  title: ['Title', 'objective-title'],
  description: ['Description', 'objective-description'],
  level: ['Level', 'objective-level'],
  parentId: ['Parent objective', 'objective-parent'],
  priority: ['Priority', 'objective-priority'],
  threatFocus: ['Threat focus', 'objective-threats'],
  validFrom: ['Valid from', 'objective-valid-from'],
  validTo: ['Valid to', 'objective-valid-to'],
  communityId: ['Community', 'objective-community'],
  label: ['Classification label', 'objective-label-level'],
  'label.level': ['Classification level', 'objective-label-level'],
  'label.releasableTo': ['Releasable to', 'objective-label-releasable'],
  'label.restrictive': ['Compartments', 'objective-label-compartments'],
  'label.handling': ['Caveats', 'objective-label-caveats'],
};
export const OBJECTIVE_ORDER = [
  'code',
  'title',
  'description',
  'level',
  'parentId',
  'priority',
  'threatFocus',
  'validFrom',
  'validTo',
  'communityId',
  'label',
];
