/**
 * Dashboard counts from the engagement roll-up (migration 0024): the subject's permitted (label,
 * community) pairs summed over `engagement_rollup`, plus the few visible TLP:AMBER/RED engagements,
 * which the roll-up does not hold, expanded the same way from the table. Equal to the scan of
 * `engagementCounts` by construction (tests pin it); answers only what the roll-up is keyed by.
 */
import { sql } from 'drizzle-orm';
import type { AccessScope, Tx } from '../runtime/scope';
import { engagementWhere, type EngagementFilters } from './engagements';

const uuids = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * Whether the roll-up answers these filters for this subject: no filter but the year, and no party
 * scope (a partner user sees only the rows their organisation is party to, which pre-aggregated
 * rows cannot tell; RLS gives such sessions no roll-up rows at all).
 */
export function rollupAnswers(s: AccessScope, f: EngagementFilters): boolean {
  const { year: _year, ...rest } = f;
  return (
    !s.partner &&
    Object.values(rest).every((v) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0))
  );
}

export interface RollupRow {
  dim: string;
  key: string;
  n: number;
  cost: string;
}

/** (dimension, key) → count and planned cost over the visible engagements (overlapping `year` if given). */
export async function rollupCounts(tx: Tx, s: AccessScope, year: number | undefined): Promise<RollupRow[]> {
  const bucket = year ?? 0;
  const restricted = sql`${engagementWhere(s, { year })} AND NOT (engagement.tlp IS NULL OR engagement.tlp IN ('clear','green'))`;
  // One pass, two grouping sets: (dim, key) for the counts, (label_id) for the labels counted
  // (their 'total' rows), so the union is not materialised and read twice.
  const r = await tx.execute<{
    dim: string | null;
    key: string | null;
    label_id: string | null;
    n: string;
    cost: string | null;
    labelled: string | null;
  }>(sql`
    SELECT r.dim, r.key, r.label_id, sum(r.n) AS n, sum(r.cost)::text AS cost, sum(r.n) FILTER (WHERE r.dim = 'total') AS labelled
    FROM (
      SELECT dim, key, n, cost, label_id FROM engagement_rollup
      WHERE bucket = ${bucket} AND label_id = ANY(${uuids(s.labelIds)}) AND community_id = ANY(${uuids(s.communityIds)}) AND n <> 0
      UNION ALL
      SELECT x.dim, x.key, 1, x.cost, engagement.label_id
      FROM engagement CROSS JOIN (SELECT jsonb_object_agg(iso3, region) AS m FROM country) reg
      CROSS JOIN LATERAL entente_engagement_rollup_rows(engagement.type, engagement.objective_ids, engagement.partner_iso3s,
        engagement.planned_start, engagement.planned_end, engagement.planned_cost, reg.m) x
      WHERE ${restricted} AND x.bucket = ${bucket}) r
    GROUP BY GROUPING SETS ((r.dim, r.key), (r.label_id))`);
  const out: RollupRow[] = [];
  for (const x of r.rows) {
    if (x.dim !== null && Number(x.n) > 0)
      out.push({ dim: x.dim, key: String(x.key), n: Number(x.n), cost: x.cost ?? '0' });
    else if (x.label_id !== null && Number(x.labelled ?? 0) > 0)
      out.push({ dim: 'label', key: x.label_id, n: Number(x.labelled), cost: '0' });
  }
  return out;
}
