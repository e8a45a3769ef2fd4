/** Field labels (ADR 0007): the record kinds and fields that carry their own label, and how a field is shown. */
import { FIELD_NAMES, type RecordFieldView } from '@entente/contracts';
import { dominates, invalid, type Label, type PolicyRegistry, type RecordKind } from '@entente/core';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';

/** The route segment of a kind, its storage kind, and its role-matrix kind. */
export const FIELD_KINDS = {
  partner: { storage: 'partner', role: 'partner', what: 'partner', route: 'GET /partners/:iso3/fields' },
  plan: { storage: 'cooperation_plan', role: 'plan', what: 'plan', route: 'GET /strategy/plans/:id/fields' },
  // People are part of the partner record family: who may change a partner may change its people.
  person: { storage: 'person', role: 'partner', what: 'person', route: 'GET /people/:id/fields' },
} as const satisfies Record<
  keyof typeof FIELD_NAMES,
  { storage: scoped.FieldRecordKind; role: RecordKind; what: string; route: string }
>;
export type FieldKind = keyof typeof FIELD_KINDS;

/** Whether `field` is a labelled field of `kind`. */
export function isKnownField(kind: FieldKind, field: string): boolean {
  return Object.hasOwn(FIELD_NAMES[kind], field);
}

const labelParts = (l: Label | undefined) => ({
  level: l?.level ?? '',
  restrictive: l?.restrictive ?? [],
  releasableTo: l?.releasableTo ?? [],
  handling: l?.handling ?? [],
});

/** A field as the reader sees it; its label joins the page label (only fields actually shown do). */
export function presentField(uc: UseCaseCtx, r: scoped.RecordFieldRow): RecordFieldView {
  return {
    field: r.field,
    value: typeof r.value === 'string' ? r.value : JSON.stringify(r.value),
    labelId: r.labelId,
    label: labelParts(uc.access.label(r.labelId)),
    portion: uc.mark(r.labelId),
    version: r.version,
    updatedAt: r.updatedAt,
  };
}

/**
 * The high-water rule for field labels (ADR 0007): a field is never classified above its record, i.e. the
 * record's label dominates the field label's policy and level (core's `dominates`, the one place that
 * compares levels). A field may add compartments, handling or narrow releasability: that is how it is
 * hidden from readers of the record (full dominance would make field labels inert, decide() being monotone).
 */
export function fieldFitsRecord(record: Label, field: Label, reg: PolicyRegistry): boolean {
  const levelOnly = (l: Label): Label => ({
    policy: l.policy,
    level: l.level,
    restrictive: [],
    releasableTo: record.releasableTo,
    handling: [],
  });
  return (
    record.policy === field.policy &&
    field.tlp === undefined &&
    dominates(levelOnly(record), levelOnly(field), reg)
  );
}

/**
 * Before a record that carries field labels is relabelled to `newLabelId`: the fields (all of them, including
 * fields above the caller; ids only) the new label would leave classified above the record. Throws a 400
 * naming each field path; the lead calls this from the relabel flow of partners and plans.
 */
export async function assertFieldsFit(
  uc: UseCaseCtx,
  kind: FieldKind,
  recordId: string,
  newLabelId: string,
): Promise<void> {
  const reg = uc.access.registry();
  const bad = await scoped.fieldLabelsDominatedBy(
    uc.tx,
    FIELD_KINDS[kind].storage,
    recordId,
    newLabelId,
    (r, f) => {
      const rl = uc.access.label(r);
      const fl = uc.access.label(f);
      return rl !== undefined && fl !== undefined && fieldFitsRecord(rl, fl, reg);
    },
  );
  if (bad.length)
    throw invalid(
      bad.map((b) => ({
        path: `${b.field}.label`,
        message: 'classified above the new label: lower or clear this field first',
      })),
      'The new classification is below a field of this record (high-water mark).',
    );
}
