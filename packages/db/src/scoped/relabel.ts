/** Downgrade requests (two-person relabelling) through the visibility predicate (ACCESS.md §4.2). */
import { and, desc, eq, sql } from 'drizzle-orm';
import { agreement, dueItem, relabelRequest } from '../schema/index';
import type { AccessScope, Tx } from '../runtime/scope';
import { visible } from './visible';

export type RelabelRequestRow = typeof relabelRequest.$inferSelect;
export type RelabelRequestStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

/** What a new request needs; the labelling columns are copied from the record it is about. */
export interface RelabelRequestInsert {
  entity: string;
  entityId: string;
  fromLabelId: string;
  toLabelId: string;
  reason: string;
  requestedBy: string;
  /** The record's current label, community, party scope, TLP and owner. */
  labelId: string;
  communityId: string;
  partyOrgIds: string[];
  tlp: string | null;
  tlpOrgIds: string[];
  tlpUserIds: string[];
  ownerOrgId: string;
}

const isUuid = (id: string) => /^[0-9a-f-]{36}$/i.test(id);

/** Insert a pending request (RLS checks the write label); null when one is already pending for the record. */
export async function insertRelabelRequest(
  tx: Tx,
  r: RelabelRequestInsert,
): Promise<RelabelRequestRow | null> {
  const rows = await tx
    .insert(relabelRequest)
    .values({ ...r, status: 'pending', createdBy: r.requestedBy, updatedBy: r.requestedBy })
    .onConflictDoNothing()
    .returning();
  return rows[0] ?? null;
}

/** The visible requests about one record, newest first. */
export async function relabelRequestsFor(
  tx: Tx,
  s: AccessScope,
  entity: string,
  entityId: string,
): Promise<RelabelRequestRow[]> {
  if (!isUuid(entityId)) return [];
  return tx
    .select()
    .from(relabelRequest)
    .where(
      and(
        eq(relabelRequest.entity, entity),
        eq(relabelRequest.entityId, entityId),
        visible(relabelRequest, s),
      ),
    )
    .orderBy(desc(relabelRequest.requestedAt), desc(relabelRequest.id))
    .limit(50);
}

/** A visible request by id, locked for the decision; null when hidden or missing. */
export async function findRelabelRequest(
  tx: Tx,
  s: AccessScope,
  entity: string,
  id: string,
): Promise<RelabelRequestRow | null> {
  if (!isUuid(id)) return null;
  const rows = await tx
    .select()
    .from(relabelRequest)
    .where(and(eq(relabelRequest.id, id), eq(relabelRequest.entity, entity), visible(relabelRequest, s)))
    .for('update');
  return rows[0] ?? null;
}

/** Close a pending request (approved, rejected or withdrawn); null when it is no longer pending. */
export async function decideRelabelRequest(
  tx: Tx,
  s: AccessScope,
  id: string,
  d: { status: Exclude<RelabelRequestStatus, 'pending'>; by: string; note: string | null },
): Promise<RelabelRequestRow | null> {
  const rows = await tx
    .update(relabelRequest)
    .set({
      status: d.status,
      decidedBy: d.by,
      decidedAt: sql`now()`,
      decisionNote: d.note,
      updatedBy: d.by,
      updatedAt: sql`now()`,
      version: sql`${relabelRequest.version} + 1`,
    })
    .where(and(eq(relabelRequest.id, id), eq(relabelRequest.status, 'pending'), visible(relabelRequest, s)))
    .returning();
  return rows[0] ?? null;
}

export type AgreementLabelRow = typeof agreement.$inferSelect;

/** Give a visible agreement a new label when the stored version is still `version`; null when stale (or hidden). */
export async function setAgreementLabel(
  tx: Tx,
  s: AccessScope,
  id: string,
  version: number,
  labelId: string,
  by: string,
): Promise<AgreementLabelRow | null> {
  const rows = await tx
    .update(agreement)
    .set({ labelId, updatedBy: by, updatedAt: sql`now()`, version: sql`${agreement.version} + 1` })
    .where(and(eq(agreement.id, id), eq(agreement.version, version), visible(agreement, s)))
    .returning();
  return rows[0] ?? null;
}

/**
 * The due items of a record carry its label (their titles quote it): when the record is relabelled,
 * its items follow, so a raised record's items leave the readers who lost it. Returns how many moved.
 */
export async function relabelDueItemsOf(
  tx: Tx,
  s: AccessScope,
  subjectId: string,
  labelId: string,
  by: string,
): Promise<number> {
  const rows = await tx
    .update(dueItem)
    .set({ labelId, updatedBy: by, updatedAt: sql`now()`, version: sql`${dueItem.version} + 1` })
    .where(and(eq(dueItem.subjectId, subjectId), visible(dueItem, s)))
    .returning({ id: dueItem.id });
  return rows.length;
}
