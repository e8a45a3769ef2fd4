/** Stored evaluations through the visibility predicate (ACCESS.md §4.2); the subject records they are about. */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { engagement, evaluation, initiative, objective } from '../schema/index';
import type { Db } from '../runtime/pools';
import type { AccessScope, Tx } from '../runtime/scope';
import { visible } from './visible';

export type EvaluationRow = typeof evaluation.$inferSelect;
export type EvaluationSubjectKind = 'engagement' | 'initiative' | 'objective';

const isUuid = (id: string) => /^[0-9a-f-]{36}$/i.test(id);

/** The labelling columns and title of a visible engagement, initiative or objective, or null. */
export interface EvaluationSubjectRow {
  kind: EvaluationSubjectKind;
  id: string;
  code: string;
  title: string;
  labelId: string;
  communityId: string;
  partyOrgIds: string[];
  ownerOrgId: string;
}

export async function findEvaluationSubject(
  tx: Tx,
  s: AccessScope,
  kind: EvaluationSubjectKind,
  id: string,
): Promise<EvaluationSubjectRow | null> {
  if (!isUuid(id)) return null;
  const t = kind === 'engagement' ? engagement : kind === 'initiative' ? initiative : objective;
  const r = await tx
    .select({
      id: t.id,
      code: t.code,
      title: t.title,
      labelId: t.labelId,
      communityId: t.communityId,
      partyOrgIds: t.partyOrgIds,
      ownerOrgId: t.ownerOrgId,
    })
    .from(t)
    .where(and(eq(t.id, id), visible(t, s)));
  return r[0] ? { kind, ...r[0] } : null;
}

export type EvaluationInsert = Omit<
  typeof evaluation.$inferInsert,
  'id' | 'status' | 'statusReason' | 'lastRunAt' | 'createdAt' | 'updatedAt' | 'version' | 'tlp'
>;

/** Insert an evaluation (RLS checks the write label). */
export async function insertEvaluation(tx: Tx, v: EvaluationInsert): Promise<EvaluationRow> {
  const r = await tx.insert(evaluation).values(v).returning();
  return r[0] as EvaluationRow;
}

/** A visible evaluation by id, or null (hidden and missing look the same). */
export async function findEvaluation(
  tx: Tx,
  s: AccessScope,
  id: string,
  forUpdate = false,
): Promise<EvaluationRow | null> {
  if (!isUuid(id)) return null;
  const q = tx
    .select()
    .from(evaluation)
    .where(and(eq(evaluation.id, id), visible(evaluation, s)));
  const r = forUpdate ? await q.for('update') : await q;
  return r[0] ?? null;
}

/** The visible evaluations of one subject record, most recently run first. */
export async function evaluationsOf(
  tx: Tx,
  s: AccessScope,
  kind: EvaluationSubjectKind,
  subjectId: string,
): Promise<EvaluationRow[]> {
  if (!isUuid(subjectId)) return [];
  return tx
    .select()
    .from(evaluation)
    .where(and(eq(evaluation.subjectKind, kind), eq(evaluation.subjectId, subjectId), visible(evaluation, s)))
    .orderBy(desc(evaluation.lastRunAt), desc(evaluation.id))
    .limit(200);
}

/** Filters of the list of every stored evaluation the user may see. */
export interface EvaluationListFilters {
  subjectKind?: EvaluationSubjectKind | undefined;
  status?: string | undefined;
  /** Words of the evaluation's title or the subject's code or title. */
  q?: string | undefined;
  limit: number;
  offset: number;
}

export type EvaluationIndexRow = EvaluationRow & { subjectCode: string; subjectTitle: string };

/**
 * Every visible evaluation whose subject record is visible too (a record relabelled above the user
 * hides its evaluations with it), most recently run first, with the subject's code and title and the
 * count before paging — both filtered in SQL by the same predicate.
 */
export async function listVisibleEvaluations(
  tx: Tx,
  s: AccessScope,
  f: EvaluationListFilters,
): Promise<{ rows: EvaluationIndexRow[]; total: number }> {
  const subject = (
    kind: EvaluationSubjectKind,
    t: typeof engagement | typeof initiative | typeof objective,
  ) => and(eq(evaluation.subjectKind, kind), eq(t.id, evaluation.subjectId), visible(t, s));
  const code = sql<string>`coalesce(${engagement.code}, ${initiative.code}, ${objective.code})`;
  const title = sql<string>`coalesce(${engagement.title}, ${initiative.title}, ${objective.title})`;
  const where: (SQL | undefined)[] = [visible(evaluation, s), sql`${code} IS NOT NULL`];
  if (f.subjectKind) where.push(eq(evaluation.subjectKind, f.subjectKind));
  if (f.status) where.push(eq(evaluation.status, f.status));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    where.push(sql`(${evaluation.title} ILIKE ${like} OR ${code} ILIKE ${like} OR ${title} ILIKE ${like})`);
  }
  const page = (limit: number, offset: number) =>
    tx
      .select({ e: evaluation, subjectCode: code, subjectTitle: title, total: sql<string>`count(*) OVER ()` })
      .from(evaluation)
      .leftJoin(engagement, subject('engagement', engagement))
      .leftJoin(initiative, subject('initiative', initiative))
      .leftJoin(objective, subject('objective', objective))
      .where(and(...where))
      .orderBy(desc(evaluation.lastRunAt), desc(evaluation.id))
      .limit(limit)
      .offset(offset);
  const rows = await page(f.limit, f.offset);
  // Past the last page the window count has no row to ride on: count from the first row instead.
  const total = rows[0]?.total ?? (f.offset > 0 ? ((await page(1, 0))[0]?.total ?? 0) : 0);
  return {
    rows: rows.map((r) => ({ ...r.e, subjectCode: r.subjectCode, subjectTitle: r.subjectTitle })),
    total: Number(total),
  };
}

/** What a re-run changes. */
export interface EvaluationRerun {
  result?: unknown;
  inputsHash?: string;
  engineVersion?: string;
  profile?: string;
  dataVersions?: unknown;
  labelId?: string;
  status: 'current' | 'failed';
  statusReason: string | null;
  by: string;
}

/**
 * Store a re-run of a visible evaluation. A new result bumps `version`; an unchanged one (same
 * `inputsHash`) and a failure only touch the status and `last_run_at`. Null when hidden or missing.
 */
export async function updateEvaluationRun(
  tx: Tx,
  s: AccessScope,
  id: string,
  r: EvaluationRerun,
): Promise<EvaluationRow | null> {
  const changed = r.result !== undefined;
  const rows = await tx
    .update(evaluation)
    .set({
      ...(changed
        ? {
            result: r.result,
            inputsHash: r.inputsHash,
            engineVersion: r.engineVersion,
            profile: r.profile,
            dataVersions: r.dataVersions,
            ...(r.labelId ? { labelId: r.labelId } : {}),
            version: sql`${evaluation.version} + 1`,
            updatedBy: r.by,
            updatedAt: sql`now()`,
          }
        : {}),
      status: r.status,
      statusReason: r.statusReason,
      lastRunAt: sql`now()`,
    })
    .where(and(eq(evaluation.id, id), visible(evaluation, s)))
    .returning();
  return rows[0] ?? null;
}

/**
 * After an import committed a new version of `datasetCode`: mark every evaluation that read it
 * stale, whoever may see it (owner connection; no scope), and return their ids and creators.
 */
export async function markEvaluationsStale(
  db: Db,
  datasetCode: string,
): Promise<{ id: string; createdBy: string | null }[]> {
  const rows = await db
    .update(evaluation)
    .set({ status: 'stale', statusReason: 'new dataset version' })
    .where(eq(evaluation.datasetCode, datasetCode))
    .returning({ id: evaluation.id, createdBy: evaluation.createdBy });
  return rows;
}

/**
 * Mark one evaluation failed with a reason, whoever may see it (owner connection or transaction):
 * its creator is gone or lost access. Returns its label and version for the audit event, or null.
 */
export async function failEvaluation(
  db: Db | Tx,
  id: string,
  reason: string,
): Promise<{ labelId: string; version: number } | null> {
  const rows = await db
    .update(evaluation)
    .set({ status: 'failed', statusReason: reason, lastRunAt: sql`now()` })
    .where(eq(evaluation.id, id))
    .returning({ labelId: evaluation.labelId, version: evaluation.version });
  return rows[0] ?? null;
}

/** The creator of an evaluation and its label, whoever may see it (owner connection), or null when it does not exist. */
export async function evaluationCreator(db: Db, id: string): Promise<{ createdBy: string | null } | null> {
  const r = await db
    .select({ createdBy: evaluation.createdBy })
    .from(evaluation)
    .where(eq(evaluation.id, id));
  return r[0] ?? null;
}

/** The id of this transaction (assigning one), to learn later whether it committed. */
export async function currentTransactionId(tx: Tx): Promise<string | null> {
  const r = await tx.execute<{ xid: string }>(sql`SELECT pg_current_xact_id()::text AS xid`);
  return r.rows[0]?.xid ?? null;
}

/** `committed`, `aborted`, `in progress`, or null when too old to know. */
export async function transactionStatus(db: Db, xid: string): Promise<string | null> {
  const r = await db.execute<{ s: string | null }>(sql`SELECT pg_xact_status(${xid}::xid8) AS s`);
  return r.rows[0]?.s ?? null;
}
