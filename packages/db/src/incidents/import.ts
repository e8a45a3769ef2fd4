/**
 * The incident import pipeline (EVALUATION.md §1.6): bytes → parser → area assignment (stage.ts, in
 * a worker thread: stage-pool.ts) → COPY into a temporary staging table (streamed by this thread
 * while the worker parses) → one set-based merge (merge.ts), all inside the caller's transaction
 * (so the batch row, the rows, the panel update and the caller's audit event commit together or
 * not at all).
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
import { from as copyFrom } from 'pg-copy-streams';
import { MAPPING_VERSION, type ParseSummary, type Rejection, type SourceCode } from '@entente/incident-data';
import { emptyCounts, type AssignCounts } from '@entente/geo';
import type { Tx } from '../runtime/scope';
import { assignmentAreas, ensureAnalysisAreas, type AreaSources } from './areas';
import { idPrefix, STAGE_COLUMNS, STAGE_DDL } from './copy';
import { datasetDefinition, DATASETS } from './datasets';
import { replaceSyntheticRows } from './synthetic';
import { applyMerge, planMerge, storeRejections, updatePanel } from './merge';
import { rawClient } from './raw-client';
import type { StageTotals } from './stage';
import { runStage } from './stage-pool';

export { rawClient };
export { closeImportPool, importWorkerAvailable, warmImportWorker } from './stage-pool';

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
  /** The file is the generated synthetic demo data (it must not replace itself). */
  synthetic?: boolean;
  /** Files at least this large (or of unknown size) stage in a worker thread; default WORKER_MIN_BYTES. */
  workerMinBytes?: number;
}

/** Below this size a file stages in-thread: a worker's start and area hand-over cost more than it saves. */
export const WORKER_MIN_BYTES = 4 * 1024 * 1024;

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
      o.signal?.throwIfAborted();
      fileHash.update(chunk);
      bytesRead += chunk.length;
      yield chunk;
    }
  }

  const rejections: Rejection[] = [];
  let summary: ParseSummary | null = null;
  let format: { id: string; source: SourceCode } | null = null;
  let wrongSource: string | null = null;
  let totals: StageTotals = {
    records: 0,
    staged: 0,
    duplicates: 0,
    memberships: 0,
    extraWarned: 0,
    extraWarnings: {},
  };
  let counts: AssignCounts = emptyCounts();
  let lastProgress = 0;
  let lastProgressRecords = 0;
  const progress = (force = false): void => {
    if (!o.onProgress) return;
    const now = performance.now();
    const records = totals.records;
    if (!force && now - lastProgress < 500 && records - lastProgressRecords < 10_000) return;
    lastProgress = now;
    lastProgressRecords = records;
    o.onProgress({
      bytesRead,
      bytesTotal: o.bytesTotal ?? null,
      records,
      accepted: records - rejections.length,
      rejected: rejections.length,
      warned: (summary?.warned ?? 0) + totals.extraWarned,
      ratePerSec: Math.round((records * 1000) / Math.max(1, now - t0)),
    });
  };

  const stageOptions = {
    expectedSource: o.expectedSource ?? null,
    ...(o.datasetVersion ? { datasetVersion: o.datasetVersion } : {}),
    acceptRejections: o.acceptRejections ?? false,
    idPrefix: idPrefix(),
  };
  async function* lines(): AsyncGenerator<string | Uint8Array> {
    const useWorker = (o.bytesTotal ?? Infinity) >= (o.workerMinBytes ?? WORKER_MIN_BYTES);
    for await (const ev of runStage(tap(), built, stageOptions, o.signal, useWorker)) {
      o.signal?.throwIfAborted();
      if (ev.type === 'format') {
        format = ev.format;
        wrongSource = ev.wrongSource;
      } else if (ev.type === 'batch') {
        totals = ev.totals;
        for (const r of ev.rejections) rejections.push(r);
        if (ev.copy.length > 0) yield ev.copy;
        progress();
      } else {
        summary = ev.summary;
        counts = ev.counts;
        totals = ev.totals;
      }
    }
  }

  const sink = client.query(copyFrom(`COPY incident_stage (${STAGE_COLUMNS.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(lines(), { objectMode: false }), sink);
  progress(true);
  const streamMs = performance.now() - t0;
  const fileSha256 = fileHash.digest('hex');
  const sum = summary as ParseSummary | null;
  const fmt = format as { id: string; source: SourceCode } | null;
  const source: SourceCode | null = fmt?.source ?? null;
  const { staged, extraWarned, extraWarnings } = totals;

  const base = {
    fileName: o.fileName,
    fileSha256,
    bytes: bytesRead,
    source,
    format: fmt?.id ?? null,
    mappingVersion: MAPPING_VERSION,
    areas: { memberships: totals.memberships, marineUnassigned: counts.marine.unassigned, areaMonthCells: 0 },
  };
  const warningsByCode: Record<string, number> = { ...(sum?.warningsByCode ?? {}) };
  for (const [k, v] of Object.entries(extraWarnings)) warningsByCode[k] = (warningsByCode[k] ?? 0) + v;
  const read = sum?.read ?? totals.records;
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
        withdrawn: c.withdrawn ?? 0,
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
    duplicateKeyRowsSkipped: totals.duplicates,
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
        ${c.inserted ?? 0}, ${c.superseded ?? 0}, ${c.unchanged ?? 0}, ${c.withdrawn ?? 0}, ${rejections.length}, ${warned}, ${MAPPING_VERSION},
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
  // A real file replaces the synthetic demo rows of its dataset (reported as withdrawn).
  const withdrawn = await replaceSyntheticRows(tx, source!, o.synthetic ?? false);
  const { inserted, superseded, unchanged } = await planMerge(tx, source!, o.communityId, staged, step);
  const c = { accepted: staged, inserted, superseded, unchanged, withdrawn };
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
  const target = {
    source: source!,
    version,
    licence,
    batchId,
    labelId: o.labelId,
    communityId: o.communityId,
  };
  await applyMerge(tx, target, step);
  const mergeMs = performance.now() - t1;

  // ---- panel: one GROUP BY over inserted (+1) and superseded (−1) rows ----
  const t2 = performance.now();
  const cells = await updatePanel(tx, target, superseded);
  const panelMs = performance.now() - t2;

  await tx.execute(sql`
    UPDATE incident_dataset SET version = ${version}, row_count = row_count + ${inserted},
      source_version = coalesce(${sum?.datasetVersion ?? o.datasetVersion ?? null}, source_version),
      accessed_on = current_date, content_sha256 = ${fileSha256}, updated_at = now()
    WHERE code = ${source}`);
  steps.panel = Math.round(panelMs);
  return finish(status, batchId, c, version, { mergeMs, panelMs, steps }, cells);
}
