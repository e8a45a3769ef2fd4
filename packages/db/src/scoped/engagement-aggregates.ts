/** Roll-ups over visible engagements only: dashboard counts, map points, partner totals. */
import { and, sql } from 'drizzle-orm';
import type { AccessScope, Tx } from '../runtime/scope';
import { engagementWhere, type EngagementFilters } from './engagements';
import { rollupAnswers, rollupCounts, type RollupRow } from './rollups';

export { rollupAnswers };
// The dashboard's other reads (exported from here to keep scoped/index.ts as it is).
export * from './dashboard-reads';

export interface CountRow {
  key: string;
  count: number;
}

export type EngagementCounts = Awaited<ReturnType<typeof scanCounts>>;

/**
 * Counts of visible engagements grouped by type, objective, partner region and start year, with
 * the totals and the labels the page carries. From the roll-up when it answers the filters (no
 * filter but the year, no party scope: `rollupAnswers`), otherwise by scanning the visible rows.
 * `scan: true` forces the scan (tests compare the two).
 */
export async function engagementCounts(
  tx: Tx,
  s: AccessScope,
  f: EngagementFilters,
  opts: { scan?: boolean } = {},
): Promise<EngagementCounts> {
  if (!opts.scan && rollupAnswers(s, f)) return fromRollup(await rollupCounts(tx, s, f.year));
  return scanCounts(tx, s, f);
}

const byCount = (a: CountRow, b: CountRow) => b.count - a.count;

function fromRollup(rows: RollupRow[]): EngagementCounts {
  const dim = (d: string): CountRow[] =>
    rows
      .filter((x) => x.dim === d)
      .map((x) => ({ key: x.key, count: x.n }))
      .sort(byCount);
  const total = rows.find((x) => x.dim === 'total');
  return {
    labelIds: rows.filter((x) => x.dim === 'label').map((x) => x.key),
    byType: dim('type'),
    byObjective: dim('objective'),
    byRegion: dim('region'),
    byYear: dim('year').sort((a, b) => Number(a.key) - Number(b.key)),
    total: total?.n ?? 0,
    plannedCost: total?.cost ?? '0',
    partners: rows.filter((x) => x.dim === 'partner').length,
  };
}

/**
 * The scan: one statement over the visible rows (the bench measured five separate scans with
 * `count(DISTINCT …)` sorts at 2–4 s on 100k rows); objectives are distinct per row, regions per
 * (row, region) pair joined to the states once.
 */
async function scanCounts(tx: Tx, s: AccessScope, f: EngagementFilters) {
  const where = engagementWhere(s, f);
  const r = await tx.execute<{ dim: string; key: string | null; n: string }>(sql`
    WITH v AS MATERIALIZED (
      SELECT engagement.id, engagement.type, engagement.objective_ids, engagement.partner_iso3s,
             engagement.planned_start, engagement.planned_cost, engagement.label_id
      FROM engagement WHERE ${where})
    SELECT 'type' AS dim, type AS key, count(*) AS n FROM v GROUP BY type
    UNION ALL SELECT 'objective', o.k::text, count(*) FROM v CROSS JOIN LATERAL (SELECT DISTINCT unnest(v.objective_ids) AS k) o GROUP BY o.k
    UNION ALL SELECT 'region', g.k, count(*) FROM (
        SELECT DISTINCT v.id, coalesce(c.region, 'Unknown') AS k
        FROM v CROSS JOIN LATERAL unnest(v.partner_iso3s) AS p LEFT JOIN country c ON c.iso3 = p) g GROUP BY g.k
    UNION ALL SELECT 'year', extract(year FROM planned_start)::int::text, count(*) FROM v GROUP BY 2
    UNION ALL SELECT 'label', label_id::text, count(*) FROM v GROUP BY label_id
    UNION ALL SELECT 'partners', NULL, count(DISTINCT p) FROM v CROSS JOIN LATERAL unnest(v.partner_iso3s) AS p
    UNION ALL SELECT 'total', coalesce(sum(planned_cost), 0)::text, count(*) FROM v`);
  const dim = (d: string): CountRow[] =>
    r.rows.filter((x) => x.dim === d).map((x) => ({ key: String(x.key), count: Number(x.n) })).sort((a, b) => b.count - a.count);
  const total = r.rows.find((x) => x.dim === 'total');
  return {
    labelIds: r.rows.filter((x) => x.dim === 'label').map((x) => String(x.key)),
    byType: dim('type'),
    byObjective: dim('objective'),
    byRegion: dim('region'),
    byYear: dim('year').sort((a, b) => Number(a.key) - Number(b.key)),
    total: Number(total?.n ?? 0),
    plannedCost: total?.key ?? '0',
    partners: Number(r.rows.find((x) => x.dim === 'partners')?.n ?? 0),
  };
}

export type MapPointRow = {
  id: string;
  code: string;
  title: string;
  type: string;
  status: string;
  plannedStart: string;
  place: string;
  lat: number;
  lon: number;
  labelId: string;
};

/** One point per located place of each visible engagement (falls back to the partner's centroid). */
export async function engagementMapPoints(tx: Tx, s: AccessScope, f: EngagementFilters, limit = 20000): Promise<MapPointRow[]> {
  const where = engagementWhere(s, f);
  const r = await tx.execute<MapPointRow>(sql`
    SELECT engagement.id, engagement.code, engagement.title, engagement.type, engagement.status,
           engagement.planned_start AS "plannedStart", coalesce(l->>'name', c.name) AS place,
           coalesce((l->>'lat')::float8, c.lat) AS lat, coalesce((l->>'lon')::float8, c.lon) AS lon,
           engagement.label_id AS "labelId"
    FROM engagement
    CROSS JOIN LATERAL (SELECT jsonb_array_elements(CASE WHEN jsonb_array_length(engagement.locations) > 0
        THEN engagement.locations ELSE jsonb_build_array(jsonb_build_object('iso3', engagement.partner_iso3s[1])) END) AS l) loc
    LEFT JOIN country c ON c.iso3 = l->>'iso3'
    WHERE ${where} AND coalesce((l->>'lat')::float8, c.lat) IS NOT NULL
    ORDER BY engagement.planned_start DESC LIMIT ${limit}`);
  return r.rows.map((x) => ({ ...x, lat: Number(x.lat), lon: Number(x.lon) }));
}

/** Per-partner counts of visible engagements. */
export async function engagementCountsByPartner(tx: Tx, s: AccessScope): Promise<Map<string, number>> {
  const r = await tx.execute<{ iso3: string; n: string }>(
    sql`SELECT p AS iso3, count(*) AS n FROM engagement CROSS JOIN LATERAL unnest(engagement.partner_iso3s) AS p
        WHERE ${and(engagementWhere(s, {}))} GROUP BY p`,
  );
  return new Map(r.rows.map((x) => [x.iso3, Number(x.n)]));
}

/**
 * Totals of one partner's visible engagements (count, planned cost, by type) and the labels they
 * carry: one grouped scan of the partner's rows only (GIN on partner_iso3s), not the dashboard's
 * roll-up, which the partner overview ran before (bench/README.md, B2).
 */
export async function partnerEngagementTotals(tx: Tx, s: AccessScope, iso3: string) {
  const r = await tx.execute<{ type: string | null; label_id: string | null; n: string; cost: string }>(sql`
    SELECT engagement.type, engagement.label_id, count(*) AS n, coalesce(sum(engagement.planned_cost), 0)::text AS cost
    FROM engagement WHERE ${engagementWhere(s, { partners: [iso3] })}
    GROUP BY GROUPING SETS ((engagement.type), (engagement.label_id), ())`);
  const total = r.rows.find((x) => x.type === null && x.label_id === null);
  return {
    total: Number(total?.n ?? 0),
    plannedCost: total?.cost ?? '0',
    byType: Object.fromEntries(
      r.rows.filter((x) => x.type !== null).map((x) => [x.type, Number(x.n)]),
    ) as Record<string, number>,
    labelIds: r.rows.filter((x) => x.label_id !== null).map((x) => String(x.label_id)),
  };
}
