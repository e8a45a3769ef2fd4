/** Objectives, lines of effort, plans and initiatives through the visibility predicate. */
import { and, asc, eq, sql } from 'drizzle-orm';
import { cooperationPlan, engagement, initiative, lineOfEffort, objective } from '../schema/index';
import type { AccessScope, Tx } from '../runtime/scope';
import { visible } from './visible';

export type ObjectiveRow = typeof objective.$inferSelect;
export type PlanRow = typeof cooperationPlan.$inferSelect;
export type InitiativeRow = typeof initiative.$inferSelect;
export type LineOfEffortRow = typeof lineOfEffort.$inferSelect;

/** Visible objectives with the number of visible engagements linked to each. */
export async function listObjectives(tx: Tx, s: AccessScope): Promise<(ObjectiveRow & { engagementCount: number })[]> {
  const rows = await tx.select().from(objective).where(visible(objective, s)).orderBy(asc(objective.code));
  const counts = await tx.execute<{ id: string; n: string }>(
    sql`SELECT o AS id, count(*) AS n FROM engagement CROSS JOIN LATERAL unnest(engagement.objective_ids) o WHERE ${visible(engagement, s)} GROUP BY o`,
  );
  const m = new Map(counts.rows.map((r) => [r.id, Number(r.n)]));
  return rows.map((r) => ({ ...r, engagementCount: m.get(r.id) ?? 0 }));
}

/** Visible objectives among `ids`. */
export async function objectivesByIds(tx: Tx, s: AccessScope, ids: string[]): Promise<ObjectiveRow[]> {
  if (ids.length === 0) return [];
  return tx.select().from(objective).where(and(visible(objective, s), sql`${objective.id} = ANY(${`{${ids.join(',')}}`}::uuid[])`));
}

/** Visible lines of effort. */
export async function listLinesOfEffort(tx: Tx, s: AccessScope): Promise<LineOfEffortRow[]> {
  return tx.select().from(lineOfEffort).where(visible(lineOfEffort, s)).orderBy(asc(lineOfEffort.code));
}

/** Visible cooperation plans, optionally for one partner. */
export async function listPlans(tx: Tx, s: AccessScope, partnerIso3?: string): Promise<PlanRow[]> {
  const c = [visible(cooperationPlan, s)];
  if (partnerIso3) c.push(sql`${cooperationPlan.partnerIso3s} @> ARRAY[${partnerIso3}]::text[]`);
  return tx.select().from(cooperationPlan).where(and(...c)).orderBy(asc(cooperationPlan.code));
}

/** Visible initiatives, optionally for one partner. */
export async function listInitiatives(tx: Tx, s: AccessScope, partnerIso3?: string): Promise<InitiativeRow[]> {
  const c = [visible(initiative, s)];
  if (partnerIso3) c.push(sql`${initiative.partnerIso3s} @> ARRAY[${partnerIso3}]::text[]`);
  return tx.select().from(initiative).where(and(...c)).orderBy(asc(initiative.code));
}

/** A visible initiative with its count of visible engagements, or null. */
export async function findInitiative(tx: Tx, s: AccessScope, id: string): Promise<(InitiativeRow & { engagementCount: number }) | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const r = await tx.select().from(initiative).where(and(eq(initiative.id, id), visible(initiative, s)));
  if (!r[0]) return null;
  const n = await tx.execute<{ n: string }>(sql`SELECT count(*) AS n FROM engagement WHERE initiative_id = ${id} AND ${visible(engagement, s)}`);
  return { ...r[0], engagementCount: Number(n.rows[0]?.n ?? 0) };
}

/** Insert an objective (RLS checks the write label). */
export async function insertObjective(tx: Tx, v: typeof objective.$inferInsert): Promise<ObjectiveRow> {
  const r = await tx.insert(objective).values(v).returning();
  return r[0] as ObjectiveRow;
}

/** A visible objective by id (locked when `forUpdate`), or null: hidden and missing are the same. */
export async function findObjective(tx: Tx, s: AccessScope, id: string, forUpdate = false): Promise<ObjectiveRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const q = tx.select().from(objective).where(and(eq(objective.id, id), visible(objective, s)));
  const r = forUpdate ? await q.for('update') : await q;
  return r[0] ?? null;
}

/** Change an objective's status if its version is still `version`. */
export async function setObjectiveStatus(tx: Tx, s: AccessScope, id: string, version: number, status: string, by: string): Promise<ObjectiveRow | null> {
  const r = await tx
    .update(objective)
    .set({ status, updatedBy: by, updatedAt: sql`now()`, version: sql`${objective.version} + 1` })
    .where(and(eq(objective.id, id), eq(objective.version, version), visible(objective, s)))
    .returning();
  return r[0] ?? null;
}

/** Open (not yet completed, closed or cancelled) visible engagements linked to an objective. */
export async function openEngagementsOfObjective(tx: Tx, s: AccessScope, id: string): Promise<{ id: string; code: string }[]> {
  const r = await tx.execute<{ id: string; code: string }>(
    sql`SELECT id, code FROM engagement WHERE ${id}::uuid = ANY(objective_ids) AND status NOT IN ('completed','closed','cancelled') AND ${visible(engagement, s)}`,
  );
  return r.rows;
}
