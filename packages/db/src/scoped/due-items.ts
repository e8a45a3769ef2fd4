/** Due-item reads and writes through the visibility predicate (ACCESS.md §4.2). */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { dueItem } from '../schema/index';
import type { AccessScope, Tx } from '../runtime/scope';
import { visible } from './visible';

export type DueItemRow = typeof dueItem.$inferSelect;
export type DueItemInsert = typeof dueItem.$inferInsert;

export interface DueItemFilters {
  /** Owned by one of these organisations (the subject's organisation and the echelons under it). */
  ownerOrgIds?: string[] | undefined;
  /** Shown statuses; `overdue` and `pending` are told apart by `today`. */
  statuses?: string[] | undefined;
  kinds?: string[] | undefined;
  /** Only pending items due on or before this date (for "due soon"). */
  dueBy?: string | undefined;
  subjectId?: string | undefined;
  /** Only pending items due in this window (the reminder filters: due soon, overdue, escalated). */
  pendingDue?: { from?: string | undefined; to?: string | undefined } | undefined;
  today: string;
  limit?: number | undefined;
}

const uuids = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

function statusCondition(status: string, today: string): SQL {
  if (status === 'overdue') return sql`(${dueItem.status} = 'pending' AND ${dueItem.dueOn} < ${today})`;
  if (status === 'pending') return sql`(${dueItem.status} = 'pending' AND ${dueItem.dueOn} >= ${today})`;
  return sql`${dueItem.status} = ${status}`;
}

/** The organisation and every organisation below it in the echelon tree (reference data, not labelled). */
export async function orgAndDescendants(tx: Tx, orgId: string): Promise<string[]> {
  const r = await tx.execute<{ id: string }>(
    sql`WITH RECURSIVE t(id) AS (SELECT ${orgId}::uuid UNION SELECT o.id FROM organisation o JOIN t ON o.parent_org_id = t.id) SELECT id FROM t LIMIT 1000`,
  );
  return (r.rows as { id: string }[]).map((x) => x.id);
}

/** Visible due items matching the filters, soonest first. */
export async function listDueItems(tx: Tx, s: AccessScope, f: DueItemFilters): Promise<DueItemRow[]> {
  const c: SQL[] = [visible(dueItem, s)];
  if (f.ownerOrgIds) c.push(sql`${dueItem.ownerOrgId} = ANY(${uuids(f.ownerOrgIds)})`);
  if (f.statuses?.length)
    c.push(
      sql`(${sql.join(
        f.statuses.map((x) => statusCondition(x, f.today)),
        sql` OR `,
      )})`,
    );
  if (f.kinds?.length) c.push(inArray(dueItem.kind, f.kinds));
  if (f.dueBy) c.push(sql`(${dueItem.status} = 'pending' AND ${dueItem.dueOn} <= ${f.dueBy})`);
  if (f.subjectId) c.push(eq(dueItem.subjectId, f.subjectId));
  if (f.pendingDue) {
    c.push(eq(dueItem.status, 'pending'));
    if (f.pendingDue.from) c.push(sql`${dueItem.dueOn} >= ${f.pendingDue.from}`);
    if (f.pendingDue.to) c.push(sql`${dueItem.dueOn} <= ${f.pendingDue.to}`);
  }
  return tx
    .select()
    .from(dueItem)
    .where(and(...c))
    .orderBy(asc(dueItem.dueOn), asc(dueItem.id))
    .limit(f.limit ?? 500);
}

/** Status and due date of every visible item owned by `ownerOrgIds` due in [from, to] (for timeliness). */
export async function dueItemOutcomes(
  tx: Tx,
  s: AccessScope,
  ownerOrgIds: string[],
  from: string,
  to: string,
) {
  return tx
    .select({ status: dueItem.status, dueOn: dueItem.dueOn })
    .from(dueItem)
    .where(
      and(
        visible(dueItem, s),
        sql`${dueItem.ownerOrgId} = ANY(${uuids(ownerOrgIds)})`,
        sql`${dueItem.dueOn} BETWEEN ${from} AND ${to}`,
      ),
    );
}

/** A visible due item by id, or null (hidden and missing are the same). */
export async function findDueItem(
  tx: Tx,
  s: AccessScope,
  id: string,
  forUpdate = false,
): Promise<DueItemRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const q = tx
    .select()
    .from(dueItem)
    .where(and(eq(dueItem.id, id), visible(dueItem, s)));
  const rows = forUpdate ? await q.for('update') : await q;
  return rows[0] ?? null;
}

/** Open (pending, including overdue) visible items of a subject and kind. */
export async function openDueItemsOf(
  tx: Tx,
  s: AccessScope,
  subjectId: string,
  kind: string,
): Promise<DueItemRow[]> {
  return tx
    .select()
    .from(dueItem)
    .where(
      and(
        visible(dueItem, s),
        eq(dueItem.subjectId, subjectId),
        eq(dueItem.kind, kind),
        eq(dueItem.status, 'pending'),
      ),
    )
    .for('update');
}

/** Insert a due item; null when the same (kind, subject, due date) already exists. RLS checks the write label. */
export async function insertDueItem(tx: Tx, v: DueItemInsert): Promise<DueItemRow | null> {
  const r = await tx
    .insert(dueItem)
    .values(v)
    .onConflictDoNothing({ target: [dueItem.kind, dueItem.subjectId, dueItem.dueOn] })
    .returning();
  return r[0] ?? null;
}

/** Update when the stored version is still `version`; null when stale (or hidden). */
export async function updateDueItem(
  tx: Tx,
  s: AccessScope,
  id: string,
  version: number,
  patch: Partial<
    Pick<DueItemRow, 'status' | 'submittedOn' | 'submittedBy' | 'waivedReason' | 'waivedBy' | 'waivedAt'>
  >,
  by: string,
): Promise<DueItemRow | null> {
  const rows = await tx
    .update(dueItem)
    .set({ ...patch, updatedBy: by, updatedAt: sql`now()`, version: sql`${dueItem.version} + 1` })
    .where(and(eq(dueItem.id, id), eq(dueItem.version, version), visible(dueItem, s)))
    .returning();
  return rows[0] ?? null;
}

/**
 * Status and due date of the visible pending items owned by `ownerOrgIds` and due on or before
 * `dueBy`, assigned to nobody in particular or to `personId` (for the reminder badge and counts).
 */
export async function openDueItemsBy(
  tx: Tx,
  s: AccessScope,
  ownerOrgIds: string[],
  dueBy: string,
  personId: string,
): Promise<{ id: string; status: string; dueOn: string }[]> {
  return tx
    .select({ id: dueItem.id, status: dueItem.status, dueOn: dueItem.dueOn })
    .from(dueItem)
    .where(
      and(
        visible(dueItem, s),
        eq(dueItem.status, 'pending'),
        sql`${dueItem.ownerOrgId} = ANY(${uuids(ownerOrgIds)})`,
        sql`${dueItem.dueOn} <= ${dueBy}`,
        sql`(${dueItem.ownerPersonId} IS NULL OR ${dueItem.ownerPersonId} = ${personId}::uuid)`,
      ),
    )
    .limit(5000);
}
