/**
 * Field labels (ADR 0007): reads and writes of `record_field` through the storage predicate. A
 * field is returned only when its own label is permitted AND its record is visible (the record's
 * full predicate, in the same SQL); RLS repeats both (migration 0017). Values above the reader are
 * never selected, so they cannot leak into lists, exports or the page label.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { cooperationPlan, partner, person, recordField } from '../schema/index';
import type { AccessScope, Tx } from '../runtime/scope';
import { visible } from './visible';

export type FieldRecordKind = 'partner' | 'cooperation_plan' | 'person';
export type RecordFieldRow = typeof recordField.$inferSelect;

const uuids = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

const tableOf = (kind: FieldRecordKind) =>
  kind === 'partner' ? partner : kind === 'person' ? person : cooperationPlan;

function recordVisible(kind: FieldRecordKind, s: AccessScope): SQL {
  const t = tableOf(kind);
  return sql`EXISTS (SELECT 1 FROM ${t} WHERE ${t.id} = ${recordField.recordId} AND ${visible(t, s)})`;
}

/** The predicate for fields the scope may read: own label permitted, record visible. */
export function visibleField(kind: FieldRecordKind, s: AccessScope): SQL {
  return sql`(${recordField.recordKind} = ${kind} AND ${recordField.labelId} = ANY(${uuids(s.labelIds)}) AND ${recordVisible(kind, s)})`;
}

/** The labelled facts of a record that carries field labels. */
export interface FieldRecord {
  id: string;
  labelId: string;
  communityId: string;
  partyOrgIds: string[];
  ownerOrgId: string;
}

/** A visible partner record (by ISO3), cooperation plan or person (by id), or null (hidden and missing are the same). */
export async function findFieldRecord(
  tx: Tx,
  s: AccessScope,
  kind: FieldRecordKind,
  key: string,
): Promise<FieldRecord | null> {
  const t = tableOf(kind);
  if (kind !== 'partner' && !/^[0-9a-f-]{36}$/i.test(key)) return null;
  const byKey = kind === 'partner' ? eq(partner.iso3, key.toUpperCase()) : eq(t.id, key);
  const rows = await tx
    .select({
      id: t.id,
      labelId: t.labelId,
      communityId: t.communityId,
      partyOrgIds: t.partyOrgIds,
      ownerOrgId: t.ownerOrgId,
    })
    .from(t)
    .where(and(byKey, visible(t, s)));
  return rows[0] ?? null;
}

/** The visible fields of some records of one kind (a field the scope may not read is simply absent). */
export async function visibleFields(
  tx: Tx,
  s: AccessScope,
  kind: FieldRecordKind,
  recordIds: string[],
): Promise<RecordFieldRow[]> {
  const ids = recordIds.filter((x) => /^[0-9a-f-]{36}$/i.test(x));
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(recordField)
    .where(and(visibleField(kind, s), sql`${recordField.recordId} = ANY(${uuids(ids)})`))
    .orderBy(recordField.recordId, recordField.field);
}

/** One visible field, or null (hidden and absent are the same). */
export async function findField(
  tx: Tx,
  s: AccessScope,
  kind: FieldRecordKind,
  recordId: string,
  field: string,
  forUpdate = false,
): Promise<RecordFieldRow | null> {
  const q = tx
    .select()
    .from(recordField)
    .where(and(visibleField(kind, s), eq(recordField.recordId, recordId), eq(recordField.field, field)));
  const rows = forUpdate ? await q.for('update') : await q;
  return rows[0] ?? null;
}

export interface FieldWrite {
  kind: FieldRecordKind;
  recordId: string;
  field: string;
  labelId: string;
  value: unknown;
  by: string;
}

/**
 * Create the field (`version` 0) or replace it when the stored version is still `version`. Returns the
 * row, or null when stale, hidden, or (on create) already present: the caller answers 409 in all cases.
 */
export async function writeField(
  tx: Tx,
  s: AccessScope,
  w: FieldWrite,
  version: number,
): Promise<RecordFieldRow | null> {
  if (version === 0) {
    const r = await tx
      .insert(recordField)
      .values({
        recordKind: w.kind,
        recordId: w.recordId,
        field: w.field,
        labelId: w.labelId,
        value: w.value,
        updatedBy: w.by,
      })
      .onConflictDoNothing()
      .returning();
    return r[0] ?? null;
  }
  const r = await tx
    .update(recordField)
    .set({
      labelId: w.labelId,
      value: w.value,
      updatedBy: w.by,
      updatedAt: sql`now()`,
      version: sql`${recordField.version} + 1`,
    })
    .where(
      and(
        visibleField(w.kind, s),
        eq(recordField.recordId, w.recordId),
        eq(recordField.field, w.field),
        eq(recordField.version, version),
      ),
    )
    .returning();
  return r[0] ?? null;
}

/**
 * High-water mark before a downgrade: the fields of the record (ALL of them, including fields above the
 * caller, through the owner-only function `entente_field_label_ids`; ids only, never values) whose labels
 * `newLabelId` would not dominate. `dominates(a, b)` is core's label algebra over label ids. An empty list
 * means the downgrade keeps the invariant; otherwise refuse it (400 naming the field paths).
 */
export async function fieldLabelsDominatedBy(
  tx: Tx,
  kind: FieldRecordKind,
  recordId: string,
  newLabelId: string,
  dominates: (recordLabelId: string, fieldLabelId: string) => boolean,
): Promise<{ field: string; labelId: string }[]> {
  const r = await tx.execute<{ field: string; label_id: string }>(
    sql`SELECT field, label_id FROM entente_field_label_ids(${kind}, ${recordId}::uuid)`,
  );
  return r.rows
    .filter((x) => !dominates(newLabelId, x.label_id))
    .map((x) => ({ field: x.field, labelId: x.label_id }));
}
