/** Engagement reads and writes, always through the scope's visibility predicate. */
import { and, asc, desc, eq, getTableColumns, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Engagement, EngagementStatus } from '@entente/core';
import { engagement } from '../schema/index';
import type { AccessScope, Tx } from '../runtime/scope';
import { visible } from './visible';

export interface EngagementFilters {
  q?: string | undefined;
  types?: string[] | undefined;
  statuses?: string[] | undefined;
  partners?: string[] | undefined;
  objectives?: string[] | undefined;
  region?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Planned to start on or after this date. */
  startsFrom?: string | undefined;
  year?: number | undefined;
}

export type EngagementSort = 'plannedStart' | 'code' | 'title' | 'type' | 'status' | 'plannedCost';

const sortColumns = {
  plannedStart: engagement.plannedStart,
  code: engagement.code,
  title: engagement.title,
  type: engagement.type,
  status: engagement.status,
  plannedCost: engagement.plannedCost,
} as const;

const textArr = (v: string[]) => sql`${`{${v.map((x) => `"${x.replace(/["\\]/g, '')}"`).join(',')}}`}::text[]`;
const uuidArr = (v: string[]) => sql`${`{${v.join(',')}}`}::uuid[]`;

/**
 * A prefix text query ('mari patr' → 'mari:* & patr:*') over the indexed tsvector, so that codes
 * ('HOA-MTF', 'WA-INT-2024') and the start of words match without a sequential scan.
 */
export function prefixQuery(q: string | undefined): string | null {
  const words = (q ?? '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .map((w) => w.replace(/^-+|-+$/g, ''))
    .filter(Boolean)
    .slice(0, 8);
  return words.length ? words.map((w) => `'${w}':*`).join(' & ') : null;
}

/** The filter conditions, on top of visibility. */
export function engagementWhere(s: AccessScope, f: EngagementFilters): SQL {
  const c: (SQL | undefined)[] = [visible(engagement, s)];
  const tsq = prefixQuery(f.q);
  if (tsq) c.push(sql`${engagement.search} @@ to_tsquery('simple', ${tsq})`);
  if (f.types?.length) c.push(sql`${engagement.type} = ANY(${textArr(f.types)})`);
  if (f.statuses?.length) c.push(sql`${engagement.status} = ANY(${textArr(f.statuses)})`);
  if (f.partners?.length) c.push(sql`${engagement.partnerIso3s} && ${textArr(f.partners)}`);
  if (f.objectives?.length) c.push(sql`${engagement.objectiveIds} && ${uuidArr(f.objectives)}`);
  if (f.region) c.push(sql`${engagement.partnerIso3s} && (SELECT coalesce(array_agg(iso3), '{}') FROM country WHERE region = ${f.region})`);
  if (f.year) {
    c.push(lte(engagement.plannedStart, `${f.year}-12-31`));
    c.push(gte(engagement.plannedEnd, `${f.year}-01-01`));
  }
  if (f.from) c.push(gte(engagement.plannedEnd, f.from));
  if (f.to) c.push(lte(engagement.plannedStart, f.to));
  if (f.startsFrom) c.push(gte(engagement.plannedStart, f.startsFrom));
  return and(...c) ?? sql`false`;
}

export type EngagementRow = typeof engagement.$inferSelect;

/** Map a row to the domain record. */
export function toEngagement(r: EngagementRow): Engagement {
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    type: r.type as Engagement['type'],
    status: r.status as EngagementStatus,
    summary: r.summary,
    payload: r.payload as Record<string, unknown>,
    initiativeId: r.initiativeId,
    planId: r.planId,
    partnerIso3s: r.partnerIso3s,
    objectiveIds: r.objectiveIds,
    logicNodeIds: r.logicNodeIds,
    leadOrgId: r.leadOrgId,
    plannedStart: r.plannedStart,
    plannedEnd: r.plannedEnd,
    actualStart: r.actualStart,
    actualEnd: r.actualEnd,
    locations: r.locations as Engagement['locations'],
    participants: r.participants as Engagement['participants'],
    plannedCost: { amount: r.plannedCost, currency: r.currency },
    actualCost: r.actualCost === null ? null : { amount: r.actualCost, currency: r.currency },
    fundingSourceId: r.fundingSourceId,
    outcomeSummary: r.outcomeSummary,
    proposedBy: r.proposedBy,
    approvedBy: r.approvedBy,
    labelId: r.labelId,
    communityId: r.communityId,
    ownerOrgId: r.ownerOrgId,
    partyOrgIds: r.partyOrgIds,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

const { search: _search, ...columns } = getTableColumns(engagement);

/** The sort key of a row as text (what a pagination cursor carries). */
export function engagementSortKey(e: Engagement, sort: EngagementSort): string[] {
  const v = sort === 'plannedCost' ? e.plannedCost.amount : e[sort];
  return [String(v), e.id];
}

/** A search counts matches exactly up to this many, then reports "at least" (`totalCapped`). */
export const SEARCH_COUNT_CAP = 1000;

/**
 * One page of visible engagements, whether more follow, and the number of matches over the same
 * predicate, exact up to `SEARCH_COUNT_CAP` (or the end of the requested page, if further) and a
 * lower bound beyond it (`totalCapped`): counting every match of a broad search read and sorted
 * every permitted row (bench/README.md, B2). The page is an index-ordered scan with LIMIT.
 * `after` (a sort key from a cursor) pages by keyset on (sort column, id), which the
 * (planned_start, id) index serves; `offset` pages by position. Both re-filter from scratch, and
 * the count is over the visible rows only, so a hidden record never changes it.
 * `count: false` skips the count (`total` is then the rows returned).
 */
export async function searchEngagements(
  tx: Tx,
  s: AccessScope,
  f: EngagementFilters,
  opts: {
    sort: EngagementSort;
    order: 'asc' | 'desc';
    limit: number;
    offset: number;
    after?: string[] | undefined;
    count?: boolean;
    /** Count exactly up to this many (default `SEARCH_COUNT_CAP`). */
    countCap?: number;
  },
): Promise<{ rows: Engagement[]; total: number; totalCapped: boolean; hasMore: boolean }> {
  const where = engagementWhere(s, f);
  const dir = opts.order === 'asc' ? asc : desc;
  const col = sortColumns[opts.sort];
  const [afterValue, afterId] = opts.after ?? [];
  const keyset =
    afterValue !== undefined && afterId !== undefined && /^[0-9a-f-]{36}$/i.test(afterId)
      ? opts.order === 'asc'
        ? sql`(${col}, ${engagement.id}) > (${afterValue}, ${afterId}::uuid)`
        : sql`(${col}, ${engagement.id}) < (${afterValue}, ${afterId}::uuid)`
      : undefined;
  const offset = keyset ? 0 : opts.offset;
  const rows = await tx
    .select(columns)
    .from(engagement)
    .where(keyset ? and(where, keyset) : where)
    .orderBy(dir(col), dir(engagement.id))
    .limit(opts.limit + 1)
    .offset(offset);
  const hasMore = rows.length > opts.limit;
  const page = rows.slice(0, opts.limit).map((r) => toEngagement(r as EngagementRow));
  // The first page holds every match: its length is the exact count.
  if (opts.count === false || (!keyset && offset === 0 && !hasMore))
    return { rows: page, total: page.length, totalCapped: false, hasMore };
  const cap = Math.max(opts.countCap ?? SEARCH_COUNT_CAP, offset + opts.limit);
  const c = await tx.execute<{ n: string }>(
    sql`SELECT count(*) AS n FROM (SELECT 1 FROM ${engagement} WHERE ${where} LIMIT ${cap + 1}) m`,
  );
  const n = Number(c.rows[0]?.n ?? 0);
  return { rows: page, total: Math.min(n, cap), totalCapped: n > cap, hasMore };
}

/** A visible engagement by id, or null (hidden and missing are the same). */
export async function findEngagement(tx: Tx, s: AccessScope, id: string, forUpdate = false): Promise<Engagement | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const q = tx.select(columns).from(engagement).where(and(eq(engagement.id, id), visible(engagement, s)));
  const rows = forUpdate ? await q.for('update') : await q;
  return rows[0] ? toEngagement(rows[0] as EngagementRow) : null;
}

/** Visible engagements overlapping a window that share a partner (for deconfliction). */
export async function overlappingEngagements(
  tx: Tx,
  s: AccessScope,
  w: { partnerIso3s: string[]; from: string; to: string; excludeId?: string | undefined },
): Promise<Engagement[]> {
  const c = [
    engagementWhere(s, { partners: w.partnerIso3s, from: w.from, to: w.to }),
    sql`${engagement.status} NOT IN ('cancelled','draft','postponed')`,
  ];
  if (w.excludeId) c.push(sql`${engagement.id} <> ${w.excludeId}`);
  const rows = await tx.select(columns).from(engagement).where(and(...c)).limit(500);
  return rows.map((r) => toEngagement(r as EngagementRow));
}

export type EngagementWrite = Omit<Engagement, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

function writeValues(e: EngagementWrite) {
  return {
    code: e.code,
    title: e.title,
    type: e.type,
    status: e.status,
    summary: e.summary,
    payload: e.payload,
    initiativeId: e.initiativeId,
    planId: e.planId,
    partnerIso3s: e.partnerIso3s,
    objectiveIds: e.objectiveIds,
    logicNodeIds: e.logicNodeIds,
    leadOrgId: e.leadOrgId,
    plannedStart: e.plannedStart,
    plannedEnd: e.plannedEnd,
    actualStart: e.actualStart,
    actualEnd: e.actualEnd,
    locations: e.locations,
    participants: e.participants,
    plannedCost: e.plannedCost.amount,
    actualCost: e.actualCost?.amount ?? null,
    currency: e.plannedCost.currency,
    fundingSourceId: e.fundingSourceId,
    outcomeSummary: e.outcomeSummary,
    proposedBy: e.proposedBy,
    approvedBy: e.approvedBy,
    labelId: e.labelId,
    communityId: e.communityId,
    ownerOrgId: e.ownerOrgId,
    partyOrgIds: e.partyOrgIds,
  };
}

/** Insert an engagement (RLS checks the write label) and return it. */
export async function insertEngagement(tx: Tx, e: EngagementWrite, by: string): Promise<Engagement> {
  const rows = await tx
    .insert(engagement)
    .values({ ...writeValues(e), createdBy: by, updatedBy: by })
    .returning(columns);
  return toEngagement(rows[0] as EngagementRow);
}

/** Update when the stored version is still `version`; null when it is stale (or hidden). */
export async function updateEngagement(tx: Tx, s: AccessScope, id: string, version: number, e: EngagementWrite, by: string): Promise<Engagement | null> {
  const rows = await tx
    .update(engagement)
    .set({ ...writeValues(e), updatedBy: by, updatedAt: sql`now()`, version: sql`${engagement.version} + 1` })
    .where(and(eq(engagement.id, id), eq(engagement.version, version), visible(engagement, s)))
    .returning(columns);
  return rows[0] ? toEngagement(rows[0] as EngagementRow) : null;
}
