/**
 * The set-based end of an import (EVALUATION.md §1.6, §3), run on the staged rows inside the
 * caller's transaction: classify them against the current rows (plan), close superseded rows,
 * insert new versions and their area memberships, then one GROUP BY into `area_month`.
 */
import { sql } from 'drizzle-orm';
import type { Rejection, SourceCode } from '@entente/incident-data';
import type { Tx } from '../runtime/scope';
import { rawClient } from './raw-client';

export interface PlanCounts {
  inserted: number;
  superseded: number;
  unchanged: number;
}

/** Build `incident_plan` (staged id, current row, action) and count the actions. */
export async function planMerge(
  tx: Tx,
  source: SourceCode,
  communityId: string,
  staged: number,
  step: (name: string) => void,
): Promise<PlanCounts> {
  const client = rawClient(tx);
  // The panel's GROUP BY and the plan's hash join spilled to disk at the default 4 MB (EXPLAIN in
  // bench/README.md, B1); this transaction only.
  await client.query(`SET LOCAL work_mem = '64MB'`);
  // Statistics matter for the join plan of big batches only; ANALYZE costs ~0.1 ms per sampled row.
  if (staged >= 100_000) await client.query('ANALYZE incident_stage (source_event_id)');
  step('analyze');
  await client.query('DROP TABLE IF EXISTS pg_temp.incident_plan');
  // Narrow plan (id, key, current row, action): the wide staged columns are read once, by the INSERT.
  // Keys are unique in the stage (exact duplicates of keyed sources are not staged), so no DISTINCT ON.
  await tx.execute(sql`
    CREATE TEMP TABLE incident_plan ON COMMIT DROP AS
    SELECT s.id, c.id AS current_id,
      CASE WHEN c.id IS NULL THEN 'new'
           WHEN c.content_hash = s.content_hash AND c.mapping_version = s.mapping_version THEN 'same'
           ELSE 'changed' END AS action
    FROM incident_stage s
    LEFT JOIN incident c ON c.source = ${source} AND c.community_id = ${communityId}
      AND c.source_event_id = s.source_event_id AND c.valid_to IS NULL`);
  step('plan');
  const byAction = new Map(
    (
      await tx.execute<{ action: string; n: string }>(
        sql`SELECT action, count(*) AS n FROM incident_plan GROUP BY action`,
      )
    ).rows.map((r) => [r.action, Number(r.n)]),
  );
  return {
    inserted: byAction.get('new') ?? 0,
    superseded: byAction.get('changed') ?? 0,
    unchanged: byAction.get('same') ?? 0,
  };
}

export interface MergeTarget {
  source: SourceCode;
  version: number;
  licence: string;
  batchId: string;
  labelId: string;
  communityId: string;
}

/** Close superseded rows, insert the new versions and their memberships. */
export async function applyMerge(tx: Tx, t: MergeTarget, step: (name: string) => void): Promise<void> {
  await tx.execute(sql`
    UPDATE incident i SET valid_to = ${t.version}
    FROM incident_plan p WHERE p.action = 'changed' AND i.id = p.current_id`);
  step('supersede');
  // `incident` has no per-row foreign keys (ADR 0008): its two references are constants of the INSERT
  // below, checked here once per batch (import.ts holds the dataset row FOR UPDATE; the batch row was
  // inserted by this transaction).
  const refs = await tx.execute<{ batch: boolean; dataset: boolean }>(sql`
    SELECT EXISTS (SELECT 1 FROM import_batch WHERE id = ${t.batchId}) AS batch,
      EXISTS (SELECT 1 FROM incident_dataset WHERE code = ${t.source}) AS dataset`);
  if (!refs.rows[0]?.batch || !refs.rows[0]?.dataset)
    throw new Error(`import merge: batch ${t.batchId} or dataset ${t.source} does not exist`);
  await tx.execute(sql`
    INSERT INTO incident (id, source, source_event_id, source_series, date_start, date_end, date_precision, lon, lat,
      loc_level, country_iso3, admin1_code, admin1_name, event_type, event_subtype, source_type, source_subtype,
      fatalities_best, fatalities_low, fatalities_high, actors, attributes, raw, content_hash, mapping_version, licence,
      import_batch_id, label_id, community_id, quality_flags, valid_from)
    SELECT s.id, ${t.source}, s.source_event_id, s.source_series, s.date_start, s.date_end, s.date_precision, s.lon, s.lat,
      s.loc_level, s.country_iso3, s.admin1_code, s.admin1_name, s.event_type, s.event_subtype, s.source_type,
      s.source_subtype, s.fatalities_best, s.fatalities_low, s.fatalities_high, s.actors, s.attributes, s.raw,
      s.content_hash, s.mapping_version, ${t.licence}, ${t.batchId}, ${t.labelId}, ${t.communityId}, s.quality_flags,
      ${t.version}
    FROM incident_plan p JOIN incident_stage s ON s.id = p.id WHERE p.action IN ('new', 'changed')`);
  step('insert');
  await tx.execute(sql`
    INSERT INTO incident_area (incident_id, area_key, area_version, method, distance_km)
    SELECT s.id, a.key, aa.version, a.method, a.dist
    FROM incident_plan p JOIN incident_stage s ON s.id = p.id
    CROSS JOIN LATERAL unnest(s.area_keys, s.area_methods, s.area_dist) AS a(key, method, dist)
    JOIN analysis_area aa ON aa.key = a.key
    WHERE p.action IN ('new', 'changed')`);
  step('areas');
}

/** The ten key columns of `area_month` (its primary key), for the update and anti-join below. */
const CELL_KEY = [
  'area_key',
  'source',
  'month',
  'source_series',
  'event_type',
  'event_subtype',
  'date_class',
  'loc_level',
  'label_id',
  'community_id',
] as const;
/** Above this many delta cells the panel update hash-joins instead of probing the primary key. */
const PANEL_HASH_MIN = 5000;
const sameCell = sql.raw(CELL_KEY.map((c) => `m.${c} = x.${c}`).join(' AND '));

/**
 * One GROUP BY over inserted (+1) and superseded (−1) rows into `area_month`; returns the cells touched.
 * The delta is aggregated once into a temporary table, existing cells are updated by one join and new
 * cells inserted plainly: an `ON CONFLICT DO UPDATE` insert paid a speculative insertion per cell (~40 %
 * more than a plain insert, bench/README.md B1), and a first import only adds cells. Concurrent imports
 * of the same source are serialised by the dataset row lock import.ts takes before the merge.
 */
export async function updatePanel(
  tx: Tx,
  t: Pick<MergeTarget, 'source' | 'labelId' | 'communityId'>,
  superseded: number,
): Promise<number> {
  await tx.execute(sql`DROP TABLE IF EXISTS pg_temp.panel_delta`);
  const delta = await tx.execute(sql`
    CREATE TEMP TABLE panel_delta ON COMMIT DROP AS
    WITH d AS (
      -- New versions straight from the stage (their memberships are its area_keys); no join back to incident.
      SELECT a.key AS area_key, s.date_start, s.date_end, s.date_precision, s.source_series, s.event_type, s.event_subtype,
        s.loc_level, ${t.labelId}::uuid AS label_id, ${t.communityId}::uuid AS community_id, 1 AS sign,
        s.fatalities_best, s.fatalities_low, s.fatalities_high
      FROM incident_plan p JOIN incident_stage s ON s.id = p.id
      CROSS JOIN LATERAL unnest(s.area_keys) AS a(key)
      WHERE p.action IN ('new', 'changed')
      UNION ALL
      -- Superseded versions leave the cells they were counted in.
      SELECT ia.area_key, i.date_start, i.date_end, i.date_precision, i.source_series, i.event_type, i.event_subtype,
        i.loc_level, i.label_id, i.community_id, -1, i.fatalities_best, i.fatalities_low, i.fatalities_high
      FROM incident_plan p JOIN incident i ON i.id = p.current_id JOIN incident_area ia ON ia.incident_id = i.id
      WHERE p.action = 'changed')
    SELECT d.area_key, date_trunc('month', d.date_start)::date AS month, ${t.source}::text AS source,
      coalesce(d.source_series, '') AS source_series, d.event_type, d.event_subtype,
      CASE WHEN d.date_precision IN ('day', 'week') THEN 'fine'
           WHEN d.date_precision = 'month' AND date_trunc('month', d.date_start) = date_trunc('month', d.date_end) THEN 'month'
           ELSE 'coarse' END AS date_class,
      d.loc_level, d.label_id, d.community_id, sum(d.sign)::int AS n,
      sum(d.sign * coalesce(d.fatalities_best, 0)) AS fatalities_best,
      sum(d.sign * coalesce(d.fatalities_low, 0)) AS fatalities_low,
      sum(d.sign * coalesce(d.fatalities_high, 0)) AS fatalities_high
    FROM d
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`);
  // A small delta (an incremental file) probes the primary key per cell; a large one hash-joins this
  // source's cells once: the planner, estimating ten equalities, picked ~100,000 index probes for a
  // first import (12 s under load for 110k cells, bench/README.md B1), so it is told.
  const large = (delta.rowCount ?? 0) > PANEL_HASH_MIN;
  await tx.execute(large ? sql`SET LOCAL enable_nestloop = off` : sql`ANALYZE panel_delta`);
  const thisSource = sql`m.source = ${t.source}`;
  const updated = await tx.execute(sql`
    UPDATE area_month m SET n = m.n + x.n, fatalities_best = m.fatalities_best + x.fatalities_best,
      fatalities_low = m.fatalities_low + x.fatalities_low, fatalities_high = m.fatalities_high + x.fatalities_high
    FROM panel_delta x WHERE ${thisSource} AND ${sameCell}`);
  const inserted = await tx.execute(sql`
    INSERT INTO area_month (${sql.raw(CELL_KEY.join(', '))}, n, fatalities_best, fatalities_low, fatalities_high)
    SELECT ${sql.raw(CELL_KEY.map((c) => `x.${c}`).join(', '))}, x.n, x.fatalities_best, x.fatalities_low, x.fatalities_high
    FROM panel_delta x WHERE NOT EXISTS (SELECT 1 FROM area_month m WHERE ${thisSource} AND ${sameCell})`);
  if (large) await tx.execute(sql`SET LOCAL enable_nestloop = on`);
  if (superseded > 0) await tx.execute(sql`DELETE FROM area_month WHERE source = ${t.source} AND n <= 0`);
  return (updated.rowCount ?? 0) + (inserted.rowCount ?? 0);
}

/** Store every rejection of a batch (set-based, in chunks). */
export async function storeRejections(
  tx: Tx,
  batchId: string,
  rs: readonly Rejection[],
  labelId: string,
  communityId: string,
): Promise<void> {
  for (let i = 0; i < rs.length; i += 2000) {
    const rows = rs
      .slice(i, i + 2000)
      .map((r, j) => ({ ...r, seq: i + j + 1, rawExcerpt: r.rawExcerpt.slice(0, 2048) }));
    await tx.execute(sql`
      INSERT INTO import_rejection (batch_id, seq, ordinal, line, feature_index, code, field, message, raw_excerpt, label_id, community_id)
      SELECT ${batchId}, x.seq, x.ordinal, x.line, x."featureIndex", x.code, x.field, x.message, x."rawExcerpt", ${labelId}, ${communityId}
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS x(seq int, ordinal int, line int, "featureIndex" int, code text, field text, message text, "rawExcerpt" text)`);
  }
}
