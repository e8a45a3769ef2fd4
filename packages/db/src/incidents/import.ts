/**
 * The incident import pipeline (EVALUATION.md §1.6): bytes → parser → area assignment → COPY into a
 * temporary staging table → one set-based merge, all inside the caller's transaction (so the batch
 * row, the rows, the panel update and the caller's audit event commit together or not at all).
 *
 * - All or nothing: any rejection refuses the batch (unless `acceptRejections`); only the refused
 *   batch record and its rejections are written.
 * - Idempotent: rows are matched on (source, community, source_event_id) among current rows; an equal
 *   content hash and mapping version is unchanged, a different one is superseded (`valid_to` closed,
 *   new version inserted). A file that changes nothing records a `no_change` batch.
 * - New rows are assigned to analysis areas once (`incident_area`); `area_month` is updated with one
 *   GROUP BY over the inserted (+1) and superseded (−1) rows.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  MAPPING_VERSION,
  parseIncidents,
  type IncidentRecord,
  type ParseSummary,
  type Rejection,
  type SourceCode,
} from '@entente/incident-data';
import type { AssignCounts } from '@entente/geo';
import type { Tx } from '../runtime/scope';
import { assignmentAreas, ensureAnalysisAreas, type AreaSources } from './areas';
import { STAGE_COLUMNS, STAGE_DDL, stageLine } from './copy';
import { datasetDefinition, DATASETS } from './datasets';

export interface ImportProgress {
  bytesRead: number;
  bytesTotal: number | null;
  records: number;
  accepted: number;
  rejected: number;
  warned: number;
  ratePerSec: number;
}

export interface IncidentImportOptions {
  fileName: string;
  bytesTotal?: number | null;
  /** Refuse a file of another source (the format itself is detected from the header). */
  expectedSource?: SourceCode | null;
  labelId: string;
  communityId: string;
  userId: string | null;
  datasetVersion?: string;
  acceptRejections?: boolean;
  areaSources?: AreaSources;
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  /** Problems listed in the result (all are stored). */
  maxProblems?: number;
}

export type ImportOutcome = 'committed' | 'committed_with_rejections' | 'no_change' | 'refused';

export interface ImportProblem {
  line: number | null;
  featureIndex: number | null;
  ordinal: number;
  code: string;
  field: string | null;
  message: string;
}

export interface IncidentImportResult {
  ok: boolean;
  outcome: ImportOutcome;
  batchId: string | null;
  source: SourceCode | null;
  format: string | null;
  fileName: string;
  fileSha256: string;
  bytes: number;
  datasetVersion: number | null;
  mappingVersion: number;
  counts: {
    read: number;
    accepted: number;
    inserted: number;
    superseded: number;
    unchanged: number;
    withdrawn: number;
    rejected: number;
    warned: number;
  };
  warningsByCode: Record<string, number>;
  areas: { memberships: number; marineUnassigned: number; areaMonthCells: number };
  problems: ImportProblem[];
  problemsTruncated: boolean;
  elapsedMs: number;
  rowsPerSec: number;
  /** Milliseconds per phase: parse+assign+copy (streamed together), merge, panel. */
  timings: { streamMs: number; mergeMs: number; panelMs: number; steps: Record<string, number> };
}

/** The pg client behind a drizzle node-postgres transaction (COPY needs the raw connection). */
export function rawClient(tx: Tx): pg.PoolClient {
  const client = (tx as unknown as { session?: { client?: pg.PoolClient } }).session?.client;
  if (!client) throw new Error('rawClient: not a node-postgres transaction');
  return client;
}

const problemOf = (r: Rejection): ImportProblem => ({
  line: r.line,
  featureIndex: r.featureIndex,
  ordinal: r.ordinal,
  code: r.code,
  field: r.field,
  message: r.message,
});

/** Make sure every known dataset has its row (licence, attribution, caveats). */
export async function ensureDatasets(tx: Tx): Promise<void> {
  await tx.execute(sql`
    INSERT INTO incident_dataset (code, title, publisher, licence, attribution, rows_redistributable, share_alike, code_system, caveats)
    SELECT x.code, x.title, x.publisher, x.licence, x.attribution, x."rowsRedistributable", x."shareAlike", x."codeSystem", x.caveats
    FROM jsonb_to_recordset(${JSON.stringify(DATASETS)}::jsonb) AS x(code text, title text, publisher text, licence text,
      attribution text, "rowsRedistributable" boolean, "shareAlike" boolean, "codeSystem" text, caveats jsonb)
    ON CONFLICT (code) DO NOTHING`);
}

/** Run the whole import in `tx` (see the module comment). The caller appends its audit event in the same transaction. */
export async function importIncidents(
  tx: Tx,
  bytes: AsyncIterable<Uint8Array>,
  o: IncidentImportOptions,
): Promise<IncidentImportResult> {
  const t0 = performance.now();
  const startedAt = new Date().toISOString();
  const built = await assignmentAreas(tx, o.areaSources);
  await ensureAnalysisAreas(tx, built);
  await ensureDatasets(tx);
  const client = rawClient(tx);
  await client.query('DROP TABLE IF EXISTS pg_temp.incident_stage');
  await client.query(STAGE_DDL);
  const prepMs = Math.round(performance.now() - t0);

  const fileHash = createHash('sha256');
  let bytesRead = 0;
  async function* tap(): AsyncGenerator<Uint8Array> {
    for await (const chunk of bytes) {
      fileHash.update(chunk);
      bytesRead += chunk.length;
      yield chunk;
    }
  }

  const rejections: Rejection[] = [];
  let summary: ParseSummary | null = null;
  let format: { id: string; source: SourceCode } | null = null;
  let wrongSource: string | null = null;
  let records = 0;
  let staged = 0;
  let duplicates = 0;
  let extraWarned = 0;
  const extraWarnings: Record<string, number> = {};
  const counts: AssignCounts = built.index.assign([]).counts;
  let memberships = 0;
  let lastProgress = 0;
  let lastProgressRecords = 0;
  const progress = (force = false): void => {
    if (!o.onProgress) return;
    const now = performance.now();
    if (!force && now - lastProgress < 500 && records - lastProgressRecords < 10_000) return;
    lastProgress = now;
    lastProgressRecords = records;
    const accepted = records - rejections.length;
    o.onProgress({
      bytesRead,
      bytesTotal: o.bytesTotal ?? null,
      records,
      accepted,
      rejected: rejections.length,
      warned: (summary?.warned ?? 0) + extraWarned,
      ratePerSec: Math.round((records * 1000) / Math.max(1, now - t0)),
    });
  };

  const stage = (recs: IncidentRecord[]): string => {
    let out = '';
    for (const r of recs) {
      // A keyed source repeats a key only for an exact duplicate row (else E_KEY_CONFLICT): one row per key.
      if (r.source !== 'crime_at_sea' && r.qualityFlags.includes('W_EXACT_DUPLICATE_ROW')) {
        duplicates++;
        continue;
      }
      const a = built.index.assignOne(
        { lon: r.lon, lat: r.lat, countryIso3: r.countryIso3, admin1Code: r.admin1Code },
        counts,
      );
      let flags: readonly string[] = r.qualityFlags;
      if (a.countryMismatch && !flags.includes('W_COUNTRY_MISMATCH')) {
        flags = [...flags, 'W_COUNTRY_MISMATCH'];
        extraWarnings.W_COUNTRY_MISMATCH = (extraWarnings.W_COUNTRY_MISMATCH ?? 0) + 1;
        if (r.qualityFlags.length === 0) extraWarned++;
      }
      memberships += a.memberships.length;
      out += stageLine(r, flags, a.memberships);
      staged++;
    }
    return out;
  };

  async function* lines(): AsyncGenerator<string> {
    const parseOpts = {
      ...(o.datasetVersion ? { datasetVersion: o.datasetVersion } : {}),
      ...(o.signal ? { signal: o.signal } : {}),
    };
    for await (const ev of parseIncidents(tap(), parseOpts)) {
      if (ev.type === 'format') {
        format = { id: ev.format.id, source: ev.format.source };
        if (o.expectedSource && ev.format.source !== o.expectedSource) {
          wrongSource = `The file is ${ev.format.id} (source ${ev.format.source}), not ${o.expectedSource}.`;
          return;
        }
      } else if (ev.type === 'batch') {
        records += ev.records.length + ev.rejections.filter((r) => r.ordinal > 0).length;
        for (const r of ev.rejections) rejections.push(r);
        // After the first rejection nothing will be merged (unless accepted): keep parsing, stop staging.
        if (ev.records.length > 0 && (rejections.length === 0 || o.acceptRejections)) {
          const chunk = stage(ev.records);
          if (chunk) yield chunk;
        }
        progress();
      } else summary = ev.summary;
    }
  }

  const sink = client.query(copyFrom(`COPY incident_stage (${STAGE_COLUMNS.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(lines()), sink);
  progress(true);
  const streamMs = performance.now() - t0;
  const fileSha256 = fileHash.digest('hex');
  const sum = summary as ParseSummary | null;
  const fmt = format as { id: string; source: SourceCode } | null;
  const source: SourceCode | null = fmt?.source ?? null;

  const base = {
    fileName: o.fileName,
    fileSha256,
    bytes: bytesRead,
    source,
    format: fmt?.id ?? null,
    mappingVersion: MAPPING_VERSION,
    areas: { memberships, marineUnassigned: counts.marine.unassigned, areaMonthCells: 0 },
  };
  const warningsByCode: Record<string, number> = { ...(sum?.warningsByCode ?? {}) };
  for (const [k, v] of Object.entries(extraWarnings)) warningsByCode[k] = (warningsByCode[k] ?? 0) + v;
  const read = sum?.read ?? records;
  const warned = (sum?.warned ?? 0) + extraWarned;
  const max = o.maxProblems ?? 1000;
  const finish = (
    outcome: ImportOutcome,
    batchId: string | null,
    c: Partial<IncidentImportResult['counts']>,
    datasetVersion: number | null,
    timings: { mergeMs: number; panelMs: number; steps?: Record<string, number> },
    areaMonthCells = 0,
  ): IncidentImportResult => {
    const elapsedMs = Math.round(performance.now() - t0);
    return {
      ok: outcome !== 'refused',
      outcome,
      batchId,
      ...base,
      areas: { ...base.areas, areaMonthCells },
      datasetVersion,
      counts: {
        read,
        accepted: c.accepted ?? 0,
        inserted: c.inserted ?? 0,
        superseded: c.superseded ?? 0,
        unchanged: c.unchanged ?? 0,
        withdrawn: 0,
        rejected: rejections.length,
        warned,
      },
      warningsByCode,
      problems: rejections.slice(0, max).map(problemOf),
      problemsTruncated: rejections.length > max,
      elapsedMs,
      rowsPerSec: Math.round((read * 1000) / Math.max(1, elapsedMs)),
      timings: {
        streamMs: Math.round(streamMs),
        mergeMs: Math.round(timings.mergeMs),
        panelMs: Math.round(timings.panelMs),
        steps: { prep: prepMs, ...(timings.steps ?? {}) },
      },
    };
  };

  const metadata = {
    summary: sum,
    assignment: counts,
    duplicateKeyRowsSkipped: duplicates,
    wrongSource,
  };
  const insertBatch = async (
    status: ImportOutcome,
    c: Partial<IncidentImportResult['counts']>,
    datasetVersion: number | null,
  ) => {
    const r = await tx.execute<{ id: string }>(sql`
      INSERT INTO import_batch (source, format, file_name, file_sha256, bytes, status, read, accepted, inserted, superseded,
        unchanged, withdrawn, rejected, warned, mapping_version, dataset_version, source_version, label_id, community_id,
        user_id, started_at, finished_at, metadata)
      VALUES (${source}, ${fmt?.id ?? null}, ${o.fileName}, ${fileSha256}, ${bytesRead}, ${status}, ${read}, ${c.accepted ?? 0},
        ${c.inserted ?? 0}, ${c.superseded ?? 0}, ${c.unchanged ?? 0}, 0, ${rejections.length}, ${warned}, ${MAPPING_VERSION},
        ${datasetVersion}, ${sum?.datasetVersion ?? o.datasetVersion ?? null}, ${o.labelId}, ${o.communityId}, ${o.userId},
        ${startedAt}, now(), ${JSON.stringify(metadata)}::jsonb)
      RETURNING id`);
    const id = r.rows[0]!.id;
    await storeRejections(tx, id, rejections, o.labelId, o.communityId);
    return id;
  };

  if (wrongSource) {
    rejections.unshift({
      line: 1,
      featureIndex: null,
      ordinal: 0,
      code: 'E_HEADER',
      field: null,
      message: wrongSource,
      rawExcerpt: '',
    });
  }
  if (!fmt || sum?.refused || wrongSource || (rejections.length > 0 && !o.acceptRejections)) {
    const id = await insertBatch('refused', {}, null);
    return finish('refused', id, {}, null, { mergeMs: 0, panelMs: 0 });
  }

  // ---- merge: classify staged rows against the current rows of this source and community ----
  const t1 = performance.now();
  let tStep = t1;
  const steps: Record<string, number> = {};
  const step = (name: string): void => {
    const now = performance.now();
    steps[name] = Math.round(now - tStep);
    tStep = now;
  };
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
    LEFT JOIN incident c ON c.source = ${source} AND c.community_id = ${o.communityId}
      AND c.source_event_id = s.source_event_id AND c.valid_to IS NULL`);
  step('plan');
  const byAction = new Map(
    (
      await tx.execute<{ action: string; n: string }>(
        sql`SELECT action, count(*) AS n FROM incident_plan GROUP BY action`,
      )
    ).rows.map((r) => [r.action, Number(r.n)]),
  );
  const inserted = byAction.get('new') ?? 0;
  const superseded = byAction.get('changed') ?? 0;
  const unchanged = byAction.get('same') ?? 0;
  const c = { accepted: staged, inserted, superseded, unchanged };
  const withRejections = rejections.length > 0;
  if (inserted + superseded === 0) {
    const ds = await tx.execute<{ version: number }>(
      sql`SELECT version FROM incident_dataset WHERE code = ${source}`,
    );
    const v = Number(ds.rows[0]?.version ?? 0);
    const id = await insertBatch('no_change', c, v);
    return finish('no_change', id, c, v, { mergeMs: performance.now() - t1, panelMs: 0 });
  }
  const ds = await tx.execute<{ version: number; licence: string }>(
    sql`SELECT version, licence FROM incident_dataset WHERE code = ${source} FOR UPDATE`,
  );
  const version = Number(ds.rows[0]!.version) + 1;
  const licence = ds.rows[0]!.licence ?? datasetDefinition(source!)?.licence ?? 'unknown';
  const status: ImportOutcome = withRejections ? 'committed_with_rejections' : 'committed';
  const batchId = await insertBatch(status, c, version);
  await tx.execute(sql`
    UPDATE incident i SET valid_to = ${version}
    FROM incident_plan p WHERE p.action = 'changed' AND i.id = p.current_id`);
  step('supersede');
  await tx.execute(sql`
    INSERT INTO incident (id, source, source_event_id, source_series, date_start, date_end, date_precision, lon, lat,
      loc_level, country_iso3, admin1_code, admin1_name, event_type, event_subtype, source_type, source_subtype,
      fatalities_best, fatalities_low, fatalities_high, actors, attributes, raw, content_hash, mapping_version, licence,
      import_batch_id, label_id, community_id, quality_flags, valid_from)
    SELECT s.id, ${source}, s.source_event_id, s.source_series, s.date_start, s.date_end, s.date_precision, s.lon, s.lat,
      s.loc_level, s.country_iso3, s.admin1_code, s.admin1_name, s.event_type, s.event_subtype, s.source_type,
      s.source_subtype, s.fatalities_best, s.fatalities_low, s.fatalities_high, s.actors, s.attributes, s.raw,
      s.content_hash, s.mapping_version, ${licence}, ${batchId}, ${o.labelId}, ${o.communityId}, s.quality_flags, ${version}
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
  const mergeMs = performance.now() - t1;

  // ---- panel: one GROUP BY over inserted (+1) and superseded (−1) rows ----
  const t2 = performance.now();
  const cells = await tx.execute(sql`
    WITH d AS (
      -- New versions straight from the stage (their memberships are its area_keys); no join back to incident.
      SELECT a.key AS area_key, s.date_start, s.date_end, s.date_precision, s.source_series, s.event_type, s.event_subtype,
        s.loc_level, ${o.labelId}::uuid AS label_id, ${o.communityId}::uuid AS community_id, 1 AS sign,
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
    INSERT INTO area_month AS m (area_key, month, source, source_series, event_type, event_subtype, date_class, loc_level,
      label_id, community_id, n, fatalities_best, fatalities_low, fatalities_high)
    SELECT d.area_key, date_trunc('month', d.date_start)::date, ${source}, coalesce(d.source_series, ''), d.event_type,
      d.event_subtype,
      CASE WHEN d.date_precision IN ('day', 'week') THEN 'fine'
           WHEN d.date_precision = 'month' AND date_trunc('month', d.date_start) = date_trunc('month', d.date_end) THEN 'month'
           ELSE 'coarse' END,
      d.loc_level, d.label_id, d.community_id, sum(d.sign), sum(d.sign * coalesce(d.fatalities_best, 0)),
      sum(d.sign * coalesce(d.fatalities_low, 0)), sum(d.sign * coalesce(d.fatalities_high, 0))
    FROM d
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    ON CONFLICT (area_key, source, month, source_series, event_type, event_subtype, date_class, loc_level, label_id, community_id)
    DO UPDATE SET n = m.n + excluded.n, fatalities_best = m.fatalities_best + excluded.fatalities_best,
      fatalities_low = m.fatalities_low + excluded.fatalities_low, fatalities_high = m.fatalities_high + excluded.fatalities_high`);
  if (superseded > 0) await tx.execute(sql`DELETE FROM area_month WHERE source = ${source} AND n <= 0`);
  const panelMs = performance.now() - t2;

  await tx.execute(sql`
    UPDATE incident_dataset SET version = ${version}, row_count = row_count + ${inserted},
      source_version = coalesce(${sum?.datasetVersion ?? o.datasetVersion ?? null}, source_version),
      accessed_on = current_date, content_sha256 = ${fileSha256}, updated_at = now()
    WHERE code = ${source}`);
  steps.panel = Math.round(panelMs);
  return finish(status, batchId, c, version, { mergeMs, panelMs, steps }, cells.rowCount ?? 0);
}

/** Store every rejection of a batch (set-based, in chunks). */
async function storeRejections(
  tx: Tx,
  batchId: string,
  rs: readonly Rejection[],
  labelId: string,
  communityId: string,
) {
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
