/** Roll-ups over visible engagements only: dashboard counts, map points, partner totals. */
import { and, sql } from 'drizzle-orm';
import type { AccessScope, Tx } from '../runtime/scope';
import { engagementWhere, type EngagementFilters } from './engagements';

export interface CountRow {
  key: string;
  count: number;
}

/** Counts of visible engagements grouped by type, objective, partner region and start year. */
export async function engagementCounts(tx: Tx, s: AccessScope, f: EngagementFilters) {
  const where = engagementWhere(s, f);
  const q = async (keyExpr: ReturnType<typeof sql>, from = sql`engagement`) => {
    const r = await tx.execute<{ key: string; count: string }>(
      sql`SELECT ${keyExpr} AS key, count(DISTINCT engagement.id) AS count FROM ${from} WHERE ${where} GROUP BY 1 ORDER BY 2 DESC`,
    );
    return r.rows.map((x) => ({ key: String(x.key), count: Number(x.count) }));
  };
  const byType = await q(sql`engagement.type`);
  const byObjective = await q(sql`o`, sql`engagement CROSS JOIN LATERAL unnest(engagement.objective_ids) AS o`);
  const byRegion = await q(
    sql`coalesce(c.region, 'Unknown')`,
    sql`engagement CROSS JOIN LATERAL unnest(engagement.partner_iso3s) AS p LEFT JOIN country c ON c.iso3 = p`,
  );
  const byYear = await q(sql`extract(year FROM engagement.planned_start)::int`);
  const t = await tx.execute<{ n: string; cost: string | null; partners: string }>(
    sql`SELECT count(*) AS n, sum(planned_cost) AS cost,
      (SELECT count(DISTINCT p) FROM engagement CROSS JOIN LATERAL unnest(engagement.partner_iso3s) AS p WHERE ${where}) AS partners
      FROM engagement WHERE ${where}`,
  );
  const row = t.rows[0];
  const labels = await tx.execute<{ label_id: string }>(sql`SELECT DISTINCT label_id FROM engagement WHERE ${where}`);
  return {
    labelIds: labels.rows.map((l) => l.label_id),
    byType,
    byObjective,
    byRegion,
    byYear: byYear.sort((a, b) => Number(a.key) - Number(b.key)),
    total: Number(row?.n ?? 0),
    plannedCost: row?.cost ?? '0',
    partners: Number(row?.partners ?? 0),
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
};

/** One point per located place of each visible engagement (falls back to the partner's centroid). */
export async function engagementMapPoints(tx: Tx, s: AccessScope, f: EngagementFilters, limit = 20000): Promise<MapPointRow[]> {
  const where = engagementWhere(s, f);
  const r = await tx.execute<MapPointRow>(sql`
    SELECT engagement.id, engagement.code, engagement.title, engagement.type, engagement.status,
           engagement.planned_start AS "plannedStart", coalesce(l->>'name', c.name) AS place,
           coalesce((l->>'lat')::float8, c.lat) AS lat, coalesce((l->>'lon')::float8, c.lon) AS lon
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

