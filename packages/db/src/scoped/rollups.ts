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
  const r = await tx.execute<{ dim: string; key: string; n: string; cost: string }>(sql`
    WITH r AS (
      SELECT dim, key, n, cost, label_id FROM engagement_rollup
      WHERE bucket = ${bucket} AND label_id = ANY(${uuids(s.labelIds)}) AND community_id = ANY(${uuids(s.communityIds)}) AND n <> 0
      UNION ALL
      SELECT x.dim, x.key, 1, x.cost, engagement.label_id
      FROM engagement CROSS JOIN (SELECT jsonb_object_agg(iso3, region) AS m FROM country) reg
      CROSS JOIN LATERAL entente_engagement_rollup_rows(engagement.type, engagement.objective_ids, engagement.partner_iso3s,
        engagement.planned_start, engagement.planned_end, engagement.planned_cost, reg.m) x
      WHERE ${restricted} AND x.bucket = ${bucket})
    SELECT dim, key, sum(n) AS n, sum(cost)::text AS cost FROM r GROUP BY dim, key HAVING sum(n) > 0
    UNION ALL SELECT 'label', label_id::text, sum(n), '0' FROM r WHERE dim = 'total' GROUP BY label_id HAVING sum(n) > 0`);
  return r.rows.map((x) => ({ dim: x.dim, key: x.key, n: Number(x.n), cost: x.cost }));
}
