/**
 * Demo incident data (DOMAIN.md §5, issue 3): with a demo data folder (`ENTENTE_DEMO_DATA`, laid out
 * like ../shared/testdata) the reference scenarios' real files are imported — Crime at Sea and NGA
 * ASAM for counter-piracy, UCDP GED CAR for peacekeeping; without one, synthetic incidents are
 * generated (./incidents-synthetic.ts) and imported under dataset rows that say SYNTHETIC.
 *
 * Every file goes through the normal all-or-nothing pipeline (`importIncidents`) as a system import
 * into the deployment-wide community at its default label (the lowest releasable home label, as the
 * import API defaults), with a `system` audit event in the same transaction. Idempotent: a file whose
 * content was already imported is skipped by its SHA-256 (re-importing it would be a `no_change`
 * batch); a missing file is logged and skipped.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { SourceCode } from '@entente/incident-data';
import { appendAudit } from '../audit/append';
import type { Database } from '../runtime/pools';
import type { Tx } from '../runtime/scope';
import type { AreaSources } from '../incidents/areas';
import { ensureDatasets, importIncidents, type ImportOutcome } from '../incidents/import';
import { SYNTHETIC_DATASETS, syntheticCrimeAtSeaCsv, syntheticGedCarCsv } from './incidents-synthetic';

/** The demo folder's files (same layout as ../shared/testdata). */
export const DEMO_INCIDENT_FILES: readonly { path: string; source: SourceCode; scenario: string }[] = [
  { path: 'piracy/crime-at-sea/pirate_attacks.csv', source: 'crime_at_sea', scenario: 'counter-piracy-hoa' },
  {
    path: 'piracy/asam/Anti-Shipping_Activity_Messages.csv',
    source: 'nga_asam',
    scenario: 'counter-piracy-hoa',
  },
  { path: 'conflict/ucdp-ged-car/GEDEvent_v23_1.geojson', source: 'ucdp_ged', scenario: 'pko-car' },
];

export type DemoLog = (level: 'info' | 'warn', msg: string, fields?: Record<string, unknown>) => void;

export interface DemoIncidentOptions {
  /** The demo data folder; without it, synthetic incidents are generated. */
  demoData?: string | undefined;
  areaSources?: AreaSources;
  log?: DemoLog;
  /** Import even when the same content was imported before (the pipeline then records `no_change`). */
  force?: boolean;
}

export interface DemoIncidentStep {
  file: string;
  source: SourceCode;
  outcome: ImportOutcome | 'skipped' | 'missing';
  inserted: number;
  reason?: string;
  ms: number;
}

export interface DemoIncidentResult {
  mode: 'real' | 'synthetic';
  steps: DemoIncidentStep[];
}

const OK_STATUSES = ['committed', 'committed_with_rejections', 'no_change'];
const SYNTHETIC_PREFIX = 'SYNTHETIC';

async function allCommunity(tx: Tx): Promise<{ id: string; labelId: string }> {
  const c = await tx.execute<{ id: string; default_label_id: string }>(
    sql`SELECT id, default_label_id FROM community WHERE code = 'all'`,
  );
  const row = c.rows[0];
  if (!row) throw new Error("demo incidents: the 'all' community is missing (seed the scenarios first)");
  return { id: row.id, labelId: row.default_label_id };
}

async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

async function datasetState(db: Database, code: string): Promise<{ title: string; rows: number } | null> {
  const r = await db.db.execute<{ title: string; row_count: number }>(
    sql`SELECT title, row_count FROM incident_dataset WHERE code = ${code}`,
  );
  const row = r.rows[0];
  return row ? { title: row.title, rows: Number(row.row_count) } : null;
}

/** One file through the pipeline in one transaction with its audit event. */
async function importOne(
  db: Database,
  bytes: () => AsyncIterable<Uint8Array>,
  file: string,
  source: SourceCode,
  o: DemoIncidentOptions,
  before?: (tx: Tx) => Promise<void>,
): Promise<DemoIncidentStep> {
  const fileName = file.split('/').pop()!;
  const t0 = performance.now();
  const r = await db.db.transaction(async (tx) => {
    if (before) await before(tx);
    const c = await allCommunity(tx);
    const res = await importIncidents(tx, bytes(), {
      fileName,
      expectedSource: source,
      labelId: c.labelId,
      communityId: c.id,
      userId: null,
      synthetic: before !== undefined, // only the synthetic files mark their dataset first
      ...(o.areaSources ? { areaSources: o.areaSources } : {}),
    });
    await appendAudit(tx, {
      actorKind: 'system',
      action: res.ok ? 'incident.imported' : 'incident.import_refused',
      entity: 'import_batch',
      ...(res.batchId ? { entityId: res.batchId } : {}),
      labelId: c.labelId,
      decision: 'permit',
      details: {
        outcome: res.outcome,
        source: res.source,
        fileSha256: res.fileSha256,
        bytes: res.bytes,
        counts: res.counts,
        via: 'demo-seed',
      },
    });
    return res;
  });
  const step: DemoIncidentStep = {
    file,
    source,
    outcome: r.outcome,
    inserted: r.counts.inserted,
    ms: Math.round(performance.now() - t0),
  };
  if (!r.ok)
    step.reason = r.problems
      .slice(0, 3)
      .map((p) => `${p.code} ${p.message}`)
      .join('; ');
  o.log?.(r.ok ? 'info' : 'warn', `demo incidents: ${file} ${r.outcome}`, {
    source,
    inserted: r.counts.inserted,
    read: r.counts.read,
    ms: step.ms,
    timings: r.timings,
  });
  return step;
}

async function seedRealIncidents(
  db: Database,
  dir: string,
  o: DemoIncidentOptions,
): Promise<DemoIncidentStep[]> {
  const steps: DemoIncidentStep[] = [];
  for (const f of DEMO_INCIDENT_FILES) {
    const path = join(dir, f.path);
    const skip = (outcome: 'skipped' | 'missing', reason: string) => {
      steps.push({ file: f.path, source: f.source, outcome, inserted: 0, reason, ms: 0 });
      o.log?.(outcome === 'missing' ? 'warn' : 'info', `demo incidents: ${f.path} ${outcome} (${reason})`, {
        source: f.source,
      });
    };
    if (!existsSync(path)) {
      skip('missing', `not found in ${dir}`);
      continue;
    }
    // A dataset that holds the synthetic demo incidents gets the real file: the import replaces them.
    if (!o.force) {
      const sha = await sha256File(path);
      const seen = await db.db.execute<{ n: string }>(
        sql`SELECT count(*) AS n FROM import_batch WHERE source = ${f.source} AND file_sha256 = ${sha}
              AND status = ANY(${`{${OK_STATUSES.join(',')}}`}::text[])`,
      );
      if (Number(seen.rows[0]?.n) > 0) {
        skip('skipped', 'already imported');
        continue;
      }
    }
    steps.push(await importOne(db, () => createReadStream(path), f.path, f.source, o));
  }
  return steps;
}

/** Write the SYNTHETIC dataset row while the dataset is still empty (ensureDatasets never overwrites it). */
async function markSynthetic(tx: Tx, code: string): Promise<void> {
  const d = SYNTHETIC_DATASETS.find((x) => x.code === code)!;
  await tx.execute(sql`
    INSERT INTO incident_dataset (code, title, publisher, licence, attribution, rows_redistributable, share_alike, code_system, caveats)
    VALUES (${d.code}, ${d.title}, ${d.publisher}, ${d.licence}, ${d.attribution}, ${d.rowsRedistributable}, ${d.shareAlike},
      ${d.codeSystem}, ${JSON.stringify(d.caveats)}::jsonb)
    ON CONFLICT (code) DO UPDATE SET title = excluded.title, publisher = excluded.publisher, licence = excluded.licence,
      attribution = excluded.attribution, rows_redistributable = excluded.rows_redistributable, share_alike = excluded.share_alike,
      code_system = excluded.code_system, caveats = excluded.caveats, updated_at = now()
    WHERE incident_dataset.row_count = 0`);
  await ensureDatasets(tx);
}

const SYNTHETIC_FILES: readonly { file: string; source: SourceCode; csv: () => string }[] = [
  { file: 'SYNTHETIC-crime-at-sea.csv', source: 'crime_at_sea', csv: syntheticCrimeAtSeaCsv },
  { file: 'SYNTHETIC-ucdp-ged-car.csv', source: 'ucdp_ged', csv: syntheticGedCarCsv },
];

async function seedSyntheticIncidents(db: Database, o: DemoIncidentOptions): Promise<DemoIncidentStep[]> {
  const steps: DemoIncidentStep[] = [];
  for (const f of SYNTHETIC_FILES) {
    const ds = await datasetState(db, f.source);
    if (ds && ds.rows > 0 && !o.force) {
      const reason = ds.title.startsWith(SYNTHETIC_PREFIX)
        ? 'already generated'
        : 'the dataset already holds imported rows';
      steps.push({ file: f.file, source: f.source, outcome: 'skipped', inserted: 0, reason, ms: 0 });
      o.log?.('info', `demo incidents: ${f.file} skipped (${reason})`, { source: f.source });
      continue;
    }
    const bytes = () => Readable.from([Buffer.from(f.csv(), 'utf8')]);
    steps.push(await importOne(db, bytes, f.file, f.source, o, (tx) => markSynthetic(tx, f.source)));
  }
  return steps;
}

/** Load the demo's incidents: the real files of `demoData`, or synthetic ones without it (see the module comment). */
export async function seedDemoIncidents(
  db: Database,
  o: DemoIncidentOptions = {},
): Promise<DemoIncidentResult> {
  if (o.demoData) return { mode: 'real', steps: await seedRealIncidents(db, o.demoData, o) };
  return { mode: 'synthetic', steps: await seedSyntheticIncidents(db, o) };
}
