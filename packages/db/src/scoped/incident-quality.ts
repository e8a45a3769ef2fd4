/**
 * What the data-quality panel of an analysis reads (EVALUATION.md §4.1): the precision breakdown of
 * the panel cells per area, the quality flags, unmapped source types and admin-1 names of the rows
 * in the analysis areas and window, and the dataset's coverage — all over visible rows only, with
 * the same predicate as the panel itself.
 */
import { sql } from 'drizzle-orm';
import type { AccessScope, Tx } from '../runtime/scope';
import { incidentVisible } from './incidents';

export interface QualityFilters {
  source: string;
  areaKeys: string[];
  from: string;
  to: string;
}

export interface IncidentQualityRows {
  /** Panel cells per area, date class and location level (before the §1.3 exclusions). */
  cells: { areaKey: string; dateClass: string; locLevel: number; n: number }[];
  /** Current rows carrying each quality flag, counted once however many areas hold them. */
  flags: { code: string; n: number }[];
  /** The most frequent source labels that mapped to `unknown`. */
  unmappedTypes: { label: string; n: number }[];
  /** The most frequent admin-1 names without an ISO 3166-2 code. */
  unmappedAdmin1: { name: string; n: number }[];
  /** First and last month of the dataset's visible rows (anywhere), as YYYY-MM. */
  coverage: { from: string | null; to: string | null };
}

const TOP = 10;

export async function incidentQuality(
  tx: Tx,
  s: AccessScope,
  f: QualityFilters,
): Promise<IncidentQualityRows> {
  const keys = sql`${`{${f.areaKeys.map((k) => `"${k.replace(/["\\]/g, '')}"`).join(',')}}`}::text[]`;
  const cells = await tx.execute<{ areaKey: string; dateClass: string; locLevel: number; n: string }>(sql`
    SELECT m.area_key AS "areaKey", m.date_class AS "dateClass", m.loc_level AS "locLevel", sum(m.n) AS n
    FROM area_month m
    WHERE ${incidentVisible('m', s)} AND m.source = ${f.source} AND m.area_key = ANY(${keys})
      AND m.month >= date_trunc('month', ${f.from}::date)::date AND m.month <= ${f.to}::date
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
  const rows = await tx.execute<{ kind: string; key: string; n: string }>(sql`
    WITH r AS MATERIALIZED (
      SELECT DISTINCT i.id, i.quality_flags, i.event_type, i.source_type, i.source_subtype, i.admin1_code, i.admin1_name
      FROM incident i JOIN incident_area ia ON ia.incident_id = i.id
      WHERE ${incidentVisible('i', s)} AND i.valid_to IS NULL AND i.source = ${f.source}
        AND ia.area_key = ANY(${keys}) AND i.date_start >= ${f.from}::date AND i.date_start <= ${f.to}::date)
    SELECT 'flag' AS kind, fl AS key, count(*) AS n FROM r CROSS JOIN unnest(r.quality_flags) AS fl GROUP BY fl
    UNION ALL (SELECT 'type', concat_ws(' / ', nullif(source_type, ''), nullif(source_subtype, '')), count(*)
      FROM r WHERE event_type = 'unknown' GROUP BY 2 ORDER BY 3 DESC, 2 LIMIT ${TOP})
    UNION ALL (SELECT 'admin1', admin1_name, count(*)
      FROM r WHERE admin1_code IS NULL AND coalesce(admin1_name, '') <> '' GROUP BY 2 ORDER BY 3 DESC, 2 LIMIT ${TOP})`);
  const cover = await tx.execute<{ from: string | null; to: string | null }>(sql`
    SELECT to_char(min(m.month), 'YYYY-MM') AS "from", to_char(max(m.month), 'YYYY-MM') AS "to"
    FROM area_month m WHERE ${incidentVisible('m', s)} AND m.source = ${f.source}`);
  const of = (kind: string) =>
    rows.rows.filter((r) => r.kind === kind).map((r) => ({ key: r.key, n: Number(r.n) }));
  return {
    cells: cells.rows.map((c) => ({ ...c, locLevel: Number(c.locLevel), n: Number(c.n) })),
    flags: of('flag')
      .map(({ key, n }) => ({ code: key, n }))
      .sort((a, b) => b.n - a.n || a.code.localeCompare(b.code)),
    unmappedTypes: of('type').map(({ key, n }) => ({ label: key || '(no label)', n })),
    unmappedAdmin1: of('admin1').map(({ key, n }) => ({ name: key, n })),
    coverage: { from: cover.rows[0]?.from ?? null, to: cover.rows[0]?.to ?? null },
  };
}
