/**
 * Cooperation plans with their versions and owners' approvals (DOMAIN.md §2.1, §4.2), through the
 * visibility predicate. Versions and approvals carry their plan's label, community, party scope and
 * TLP recipients, so they are visible exactly where the plan is; RLS repeats every rule (0023).
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { appUser, cooperationPlan, planApproval, planVersion } from '../schema/index';
import type { AccessScope, Tx } from '../runtime/scope';
import type { PlanRow } from './strategy';
import { visible } from './visible';

export type PlanVersionRow = typeof planVersion.$inferSelect;
export type PlanApprovalRow = typeof planApproval.$inferSelect;
export type PlanWrite = Omit<
  typeof cooperationPlan.$inferInsert,
  'id' | 'version' | 'createdAt' | 'updatedAt'
>;

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
const uuids = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** A visible plan by id (locked for update when asked), or null when missing or hidden. */
export async function findPlan(tx: Tx, s: AccessScope, id: string, lock = false): Promise<PlanRow | null> {
  if (!isUuid(id)) return null;
  const q = tx
    .select()
    .from(cooperationPlan)
    .where(and(eq(cooperationPlan.id, id), visible(cooperationPlan, s)));
  const rows = lock ? await q.for('update') : await q;
  return rows[0] ?? null;
}

/** Whether a visible plan in the community already uses `code` (case-insensitive). */
export async function planCodeTaken(
  tx: Tx,
  s: AccessScope,
  code: string,
  communityId: string,
): Promise<boolean> {
  const r = await tx
    .select({ id: cooperationPlan.id })
    .from(cooperationPlan)
    .where(
      and(
        sql`upper(${cooperationPlan.code}) = upper(${code})`,
        eq(cooperationPlan.communityId, communityId),
        visible(cooperationPlan, s),
      ),
    );
  return r.length > 0;
}

/** Insert a plan (RLS checks the write label). */
export async function insertPlan(tx: Tx, v: PlanWrite): Promise<PlanRow> {
  const r = await tx.insert(cooperationPlan).values(v).returning();
  return r[0] as PlanRow;
}

/** Update a visible plan if its version is still `version`; null when stale (or hidden). */
export async function updatePlan(
  tx: Tx,
  s: AccessScope,
  id: string,
  version: number,
  set: Partial<PlanWrite>,
  by: string,
): Promise<PlanRow | null> {
  const r = await tx
    .update(cooperationPlan)
    .set({ ...set, updatedBy: by, updatedAt: sql`now()`, version: sql`${cooperationPlan.version} + 1` })
    .where(and(eq(cooperationPlan.id, id), eq(cooperationPlan.version, version), visible(cooperationPlan, s)))
    .returning();
  return r[0] ?? null;
}

/** The labelled columns a plan's versions and approvals copy from the plan. */
const inheritFrom = (p: PlanRow) => ({
  labelId: p.labelId,
  communityId: p.communityId,
  partyOrgIds: p.partyOrgIds,
  tlpRecipients: p.tlpRecipients,
  ownerOrgId: p.ownerOrgId,
});

/** Write the content of one version: a new row, or the same version edited in place. */
export async function savePlanVersion(
  tx: Tx,
  p: PlanRow,
  version: number,
  content: unknown,
  by: string,
): Promise<PlanVersionRow> {
  const r = await tx
    .insert(planVersion)
    .values({ planId: p.id, planVersion: version, content, ...inheritFrom(p), createdBy: by, updatedBy: by })
    .onConflictDoUpdate({
      target: [planVersion.planId, planVersion.planVersion],
      set: { content, updatedBy: by, updatedAt: sql`now()`, version: sql`${planVersion.version} + 1` },
    })
    .returning();
  return r[0] as PlanVersionRow;
}

/** Visible versions of the given plans, oldest first. */
export async function planVersions(tx: Tx, s: AccessScope, planIds: string[]): Promise<PlanVersionRow[]> {
  if (planIds.length === 0) return [];
  return tx
    .select()
    .from(planVersion)
    .where(and(sql`${planVersion.planId} = ANY(${uuids(planIds)})`, visible(planVersion, s)))
    .orderBy(asc(planVersion.planId), asc(planVersion.planVersion));
}

/** Visible approvals of the given plans (every version), in the order they were given. */
export async function planApprovals(tx: Tx, s: AccessScope, planIds: string[]): Promise<PlanApprovalRow[]> {
  if (planIds.length === 0) return [];
  return tx
    .select()
    .from(planApproval)
    .where(and(sql`${planApproval.planId} = ANY(${uuids(planIds)})`, visible(planApproval, s)))
    .orderBy(asc(planApproval.approvedAt), asc(planApproval.id));
}

/** Record an owner's approval of one version (the unique index refuses a second one). */
export async function insertPlanApproval(
  tx: Tx,
  p: PlanRow,
  v: { planVersion: number; orgId: string; userId: string },
): Promise<PlanApprovalRow> {
  const r = await tx
    .insert(planApproval)
    .values({ planId: p.id, ...v, ...inheritFrom(p), createdBy: v.userId, updatedBy: v.userId })
    .returning();
  return r[0] as PlanApprovalRow;
}

/** Display names of users (not labelled), for approval history. */
export async function userNames(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const r = await tx
    .select({ id: appUser.id, name: appUser.displayName })
    .from(appUser)
    .where(sql`${appUser.id} = ANY(${uuids([...new Set(ids)])})`);
  return new Map(r.map((x) => [x.id, x.name]));
}
