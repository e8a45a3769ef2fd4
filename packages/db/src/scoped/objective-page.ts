/**
 * One objective and what traces to it (DOMAIN.md §1, the golden thread): its visible outline of the
 * tree, lines of effort, initiatives and plans that link it, and the engagements linked to it. Every
 * read carries the visibility predicate; the edit is version-checked.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { cooperationPlan, engagement, initiative, lineOfEffort, objective } from '../schema/index';
import type { AccessScope, Tx } from '../runtime/scope';
import { visible } from './visible';
import type { InitiativeRow, LineOfEffortRow, ObjectiveRow, PlanRow } from './strategy';

const uuidArr = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

export type ObjectiveOutline = Pick<
  ObjectiveRow,
  'id' | 'code' | 'title' | 'parentId' | 'status' | 'priority' | 'validFrom' | 'validTo' | 'labelId'
>;

/** Every visible objective's place in the tree (no descriptions): breadcrumbs, children and tree checks. */
export async function objectiveOutline(tx: Tx, s: AccessScope): Promise<ObjectiveOutline[]> {
  return tx
    .select({
      id: objective.id,
      code: objective.code,
      title: objective.title,
      parentId: objective.parentId,
      status: objective.status,
      priority: objective.priority,
      validFrom: objective.validFrom,
      validTo: objective.validTo,
      labelId: objective.labelId,
    })
    .from(objective)
    .where(visible(objective, s))
    .orderBy(asc(objective.code));
}

/** Visible engagements linked to each of `ids` (GIN on objective_ids). */
export async function engagementCountsOf(
  tx: Tx,
  s: AccessScope,
  ids: string[],
): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const r = await tx.execute<{ id: string; n: string }>(
    sql`SELECT o AS id, count(*) AS n FROM engagement CROSS JOIN LATERAL unnest(engagement.objective_ids) o
        WHERE ${engagement.objectiveIds} && ${uuidArr(ids)} AND o = ANY(${uuidArr(ids)}) AND ${visible(engagement, s)} GROUP BY o`,
  );
  return new Map(r.rows.map((x) => [x.id, Number(x.n)]));
}

/** Visible lines of effort of one objective. */
export async function linesOfEffortOf(
  tx: Tx,
  s: AccessScope,
  objectiveId: string,
): Promise<LineOfEffortRow[]> {
  return tx
    .select()
    .from(lineOfEffort)
    .where(and(eq(lineOfEffort.objectiveId, objectiveId), visible(lineOfEffort, s)))
    .orderBy(asc(lineOfEffort.code));
}

/** Visible initiatives serving an objective: under one of `lineOfEffortIds`, or with a logic-model node linking it. */
export async function initiativesServing(
  tx: Tx,
  s: AccessScope,
  objectiveId: string,
  lineOfEffortIds: string[],
): Promise<(InitiativeRow & { viaLineOfEffort: boolean; viaLogicModel: boolean })[]> {
  const node = sql`${initiative.logicModel} @> ${JSON.stringify([{ objectiveIds: [objectiveId] }])}::jsonb`;
  const loe = lineOfEffortIds.length
    ? sql`${initiative.lineOfEffortIds} && ${uuidArr(lineOfEffortIds)}`
    : sql`false`;
  const rows = await tx
    .select({ i: initiative, viaLineOfEffort: sql<boolean>`${loe}`, viaLogicModel: sql<boolean>`${node}` })
    .from(initiative)
    .where(and(visible(initiative, s), sql`(${loe} OR ${node})`))
    .orderBy(asc(initiative.code));
  return rows.map((r) => ({ ...r.i, viaLineOfEffort: r.viaLineOfEffort, viaLogicModel: r.viaLogicModel }));
}

/** Visible cooperation plans with a goal linking the objective. */
export async function plansLinking(tx: Tx, s: AccessScope, objectiveId: string): Promise<PlanRow[]> {
  return tx
    .select()
    .from(cooperationPlan)
    .where(
      and(
        visible(cooperationPlan, s),
        sql`${cooperationPlan.goals} @> ${JSON.stringify([{ objectiveIds: [objectiveId] }])}::jsonb`,
      ),
    )
    .orderBy(asc(cooperationPlan.code));
}

export type ObjectiveEngagementRow = Pick<
  typeof engagement.$inferSelect,
  'id' | 'code' | 'title' | 'type' | 'status' | 'plannedStart' | 'plannedEnd' | 'labelId'
>;

/** The visible engagements linked to an objective: counts by status (with the labels counted) and the `limit` most recent by planned start. */
export async function objectiveEngagements(
  tx: Tx,
  s: AccessScope,
  objectiveId: string,
  limit = 10,
): Promise<{
  byStatus: { status: string; count: number; labelIds: string[] }[];
  recent: ObjectiveEngagementRow[];
}> {
  const linked = and(sql`${engagement.objectiveIds} @> ARRAY[${objectiveId}::uuid]`, visible(engagement, s));
  const counts = await tx
    .select({
      status: engagement.status,
      count: sql<string>`count(*)`,
      labelIds: sql<string[]>`array_agg(DISTINCT ${engagement.labelId})::text[]`,
    })
    .from(engagement)
    .where(linked)
    .groupBy(engagement.status)
    .orderBy(asc(engagement.status));
  const recent = await tx
    .select({
      id: engagement.id,
      code: engagement.code,
      title: engagement.title,
      type: engagement.type,
      status: engagement.status,
      plannedStart: engagement.plannedStart,
      plannedEnd: engagement.plannedEnd,
      labelId: engagement.labelId,
    })
    .from(engagement)
    .where(linked)
    .orderBy(desc(engagement.plannedStart), desc(engagement.id))
    .limit(limit);
  return {
    byStatus: counts.map((c) => ({ status: c.status, count: Number(c.count), labelIds: c.labelIds })),
    recent,
  };
}

export type ObjectivePatch = Pick<
  ObjectiveRow,
  'title' | 'description' | 'priority' | 'threatFocus' | 'parentId' | 'validFrom' | 'validTo'
>;

/** Edit a visible objective if its version is still `version`; null when it changed (or is hidden). */
export async function updateObjective(
  tx: Tx,
  s: AccessScope,
  id: string,
  version: number,
  p: ObjectivePatch,
  by: string,
): Promise<ObjectiveRow | null> {
  const r = await tx
    .update(objective)
    .set({ ...p, updatedBy: by, updatedAt: sql`now()`, version: sql`${objective.version} + 1` })
    .where(and(eq(objective.id, id), eq(objective.version, version), visible(objective, s)))
    .returning();
  return r[0] ?? null;
}
