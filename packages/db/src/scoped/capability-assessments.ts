/**
 * Capability assessments and initiative writes through the visibility predicate (ACCESS.md §4.2);
 * RLS (migration 0022) repeats the rule.
 */
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { capabilityAssessment, engagement, initiative } from '../schema/index';
import type { AccessScope, Tx } from '../runtime/scope';
import { visible } from './visible';

export type CapabilityAssessmentRow = typeof capabilityAssessment.$inferSelect;
type InitiativeRow = typeof initiative.$inferSelect;

const isUuid = (id: string) => /^[0-9a-f-]{36}$/i.test(id);

/** Visible capability assessments of one partner (all when `iso3s` is omitted), newest first. */
export async function listCapabilityAssessments(
  tx: Tx,
  s: AccessScope,
  iso3s?: readonly string[],
): Promise<CapabilityAssessmentRow[]> {
  const c = [visible(capabilityAssessment, s)];
  if (iso3s) {
    if (iso3s.length === 0) return [];
    c.push(inArray(capabilityAssessment.partnerIso3, [...iso3s]));
  }
  return tx
    .select()
    .from(capabilityAssessment)
    .where(and(...c))
    .orderBy(desc(capabilityAssessment.conductedOn), capabilityAssessment.capabilityArea);
}

/** A visible capability assessment, locked for update when `lock`, or null (missing and hidden alike). */
export async function findCapabilityAssessment(
  tx: Tx,
  s: AccessScope,
  id: string,
  lock = false,
): Promise<CapabilityAssessmentRow | null> {
  if (!isUuid(id)) return null;
  const q = tx
    .select()
    .from(capabilityAssessment)
    .where(and(eq(capabilityAssessment.id, id), visible(capabilityAssessment, s)));
  const r = lock ? await q.for('update') : await q;
  return r[0] ?? null;
}

/** Insert a capability assessment (RLS checks the write label). */
export async function insertCapabilityAssessment(
  tx: Tx,
  v: typeof capabilityAssessment.$inferInsert,
): Promise<CapabilityAssessmentRow> {
  const r = await tx.insert(capabilityAssessment).values(v).returning();
  return r[0] as CapabilityAssessmentRow;
}

/** Change a visible assessment's status if its version is still `version`; null when stale. */
export async function setCapabilityAssessmentStatus(
  tx: Tx,
  s: AccessScope,
  id: string,
  version: number,
  status: string,
  by: string,
): Promise<CapabilityAssessmentRow | null> {
  const approved = status === 'approved' ? { approvedBy: by, approvedAt: sql`now()` } : {};
  const r = await tx
    .update(capabilityAssessment)
    .set({
      status,
      ...approved,
      updatedBy: by,
      updatedAt: sql`now()`,
      version: sql`${capabilityAssessment.version} + 1`,
    })
    .where(
      and(
        eq(capabilityAssessment.id, id),
        eq(capabilityAssessment.version, version),
        visible(capabilityAssessment, s),
      ),
    )
    .returning();
  return r[0] ?? null;
}

/**
 * Supersede the other visible approved assessments of the same partner unit and capability area
 * that were conducted no later than `conductedOn`; returns them.
 */
export async function supersedeCapabilityAssessments(
  tx: Tx,
  s: AccessScope,
  a: Pick<CapabilityAssessmentRow, 'id' | 'subjectOrgId' | 'capabilityArea' | 'conductedOn'>,
  by: string,
): Promise<CapabilityAssessmentRow[]> {
  return tx
    .update(capabilityAssessment)
    .set({
      status: 'superseded',
      updatedBy: by,
      updatedAt: sql`now()`,
      version: sql`${capabilityAssessment.version} + 1`,
    })
    .where(
      and(
        ne(capabilityAssessment.id, a.id),
        eq(capabilityAssessment.subjectOrgId, a.subjectOrgId),
        eq(capabilityAssessment.capabilityArea, a.capabilityArea),
        eq(capabilityAssessment.status, 'approved'),
        sql`${capabilityAssessment.conductedOn} <= ${a.conductedOn}`,
        visible(capabilityAssessment, s),
      ),
    )
    .returning();
}

/** A visible initiative by id, locked for update, or null. */
export async function findInitiativeForUpdate(
  tx: Tx,
  s: AccessScope,
  id: string,
): Promise<InitiativeRow | null> {
  if (!isUuid(id)) return null;
  const r = await tx
    .select()
    .from(initiative)
    .where(and(eq(initiative.id, id), visible(initiative, s)))
    .for('update');
  return r[0] ?? null;
}

/** Insert an initiative (RLS checks the write label). */
export async function insertInitiative(tx: Tx, v: typeof initiative.$inferInsert): Promise<InitiativeRow> {
  const r = await tx.insert(initiative).values(v).returning();
  return r[0] as InitiativeRow;
}

/** Update a visible initiative if its version is still `version`; null when stale. */
export async function updateInitiative(
  tx: Tx,
  s: AccessScope,
  id: string,
  version: number,
  v: Partial<typeof initiative.$inferInsert>,
  by: string,
): Promise<InitiativeRow | null> {
  const r = await tx
    .update(initiative)
    .set({ ...v, updatedBy: by, updatedAt: sql`now()`, version: sql`${initiative.version} + 1` })
    .where(and(eq(initiative.id, id), eq(initiative.version, version), visible(initiative, s)))
    .returning();
  return r[0] ?? null;
}

/** Whether a visible initiative other than `exceptId` uses `code`. */
export async function initiativeCodeTaken(
  tx: Tx,
  s: AccessScope,
  code: string,
  exceptId?: string,
): Promise<boolean> {
  const c = [eq(initiative.code, code), visible(initiative, s)];
  if (exceptId) c.push(ne(initiative.id, exceptId));
  const r = await tx
    .select({ id: initiative.id })
    .from(initiative)
    .where(and(...c))
    .limit(1);
  return r.length > 0;
}

/** Logic-node ids of an initiative that visible engagements reference. */
export async function logicNodesInUse(tx: Tx, s: AccessScope, initiativeId: string): Promise<Set<string>> {
  const r = await tx.execute<{ node: string }>(
    sql`SELECT DISTINCT unnest(logic_node_ids) AS node FROM engagement WHERE initiative_id = ${initiativeId} AND ${visible(engagement, s)}`,
  );
  return new Set(r.rows.map((x) => x.node));
}
