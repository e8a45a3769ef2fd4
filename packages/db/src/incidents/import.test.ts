/**
 * The incident import pipeline on real PostgreSQL, reading ../shared/testdata in place (edited
 * copies go to a temporary directory): counts, idempotence, supersession, all-or-nothing refusal,
 * the area-month panel and RLS. Throughput is measured and printed, never asserted.
 */
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectIncidents } from '@entente/incident-data';
import { createTestDatabase, type TestDatabase } from '../testing/index';
import { openDatabase, type Database } from '../runtime/pools';
import { inScope, type AccessScope } from '../runtime/scope';
import * as scoped from '../scoped/index';
import {
  builtInAreas,
  idPrefix,
  importIncidents,
  rawClient,
  STAGE_COLUMNS,
  STAGE_DDL,
  stagedId,
  stageLine,
  type IncidentImportResult,
} from './index';

const TESTDATA = fileURLToPath(new URL('../../../../../shared/testdata/', import.meta.url));
const CAS = join(TESTDATA, 'piracy/crime-at-sea/pirate_attacks.csv');
const ASAM = join(TESTDATA, 'piracy/asam/Anti-Shipping_Activity_Messages.csv');
const GED = join(TESTDATA, 'conflict/ucdp-ged-car/GEDEvent_v23_1.geojson');

let db: TestDatabase;
let owner: Database;
let app: Database;
let communityId: string;
// The shared marine polygons, read in place (vitest.config.ts points ENTENTE_MARINE_POLYS at them).
const TEST_AREAS = { marinePath: process.env.ENTENTE_MARINE_POLYS ?? null };
let labelId: string;
let scope: AccessScope;
let tmp: string;

const run = (file: string, extra: { acceptRejections?: boolean } = {}): Promise<IncidentImportResult> =>
  owner.db.transaction((tx) =>
    importIncidents(tx, createReadStream(file), {
      fileName: file.split('/').pop()!,
      labelId,
      communityId,
      userId: null,
      areaSources: TEST_AREAS,
      ...extra,
    }),
  );

const count = async (q: string): Promise<number> =>
  Number((await owner.pool.query<{ n: string }>(q)).rows[0]!.n);

beforeAll(async () => {
  db = await createTestDatabase(inject('pgServerUrl'));
  owner = openDatabase(db.ownerUrl, 2);
  app = openDatabase(db.appUrl, 2);
  const c = await owner.pool.query<{ id: string; default_label_id: string }>(
    "SELECT id, default_label_id FROM community WHERE code = 'all'",
  );
  communityId = c.rows[0]!.id;
  labelId = c.rows[0]!.default_label_id;
  const org = await owner.pool.query<{ id: string }>('SELECT id FROM organisation LIMIT 1');
  scope = {
    userId: '00000000-0000-4000-8000-000000000001',
    orgId: org.rows[0]!.id,
    partner: false,
    labelIds: [labelId],
    writeLabelIds: [labelId],
    communityIds: [communityId],
  };
  tmp = mkdtempSync(join(tmpdir(), 'entente-incidents-'));
  await builtInAreas(TEST_AREAS); // warm the per-process area index so the timings below are the import's own
});
afterAll(async () => {
  await owner?.close();
  await app?.close();
  await db?.drop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** A raw COPY of the same parsed rows into the same staging layout, for the throughput ratio. */
async function rawCopyMs(file: string): Promise<{ rows: number; ms: number; parseMs: number }> {
  const t0 = performance.now();
  const parsed = await collectIncidents(createReadStream(file));
  const parseMs = performance.now() - t0;
  const ids = idPrefix();
  const text = parsed.records.map((r, i) => stageLine(r, r.qualityFlags, [], stagedId(ids, i)));
  return owner.db.transaction(async (tx) => {
    const client = rawClient(tx);
    await client.query('DROP TABLE IF EXISTS pg_temp.incident_stage');
    await client.query(STAGE_DDL);
    const t = performance.now();
    await pipeline(
      Readable.from(
        (function* () {
          for (let i = 0; i < text.length; i += 2000) yield text.slice(i, i + 2000).join('');
        })(),
      ),
      client.query(copyFrom(`COPY incident_stage (${STAGE_COLUMNS.join(', ')}) FROM STDIN`)),
    );
    const ms = performance.now() - t;
    await client.query('DROP TABLE incident_stage');
    return { rows: text.length, ms, parseMs };
  });
}

describe('Crime at Sea', () => {
  let first: IncidentImportResult;
  it('imports 7,511 incidents with no rejections, each with the community default label', async () => {
    first = await run(CAS);
    expect(first).toMatchObject({
      ok: true,
      outcome: 'committed',
      source: 'crime_at_sea',
      format: 'crime_at_sea_csv',
    });
    expect(first.counts).toMatchObject({
      read: 7511,
      accepted: 7511,
      inserted: 7511,
      superseded: 0,
      rejected: 0,
    });
    expect(first.problems).toEqual([]);
    expect(
      await count("SELECT count(*) AS n FROM incident WHERE source = 'crime_at_sea' AND valid_to IS NULL"),
    ).toBe(7511);
    expect(await count(`SELECT count(*) AS n FROM incident WHERE label_id <> '${labelId}'`)).toBe(0);
    const ds = await owner.pool.query(
      "SELECT version, row_count, licence, caveats FROM incident_dataset WHERE code = 'crime_at_sea'",
    );
    expect(ds.rows[0]).toMatchObject({ version: 1, row_count: 7511, licence: 'CC-BY-4.0' });
    expect(JSON.stringify(ds.rows[0].caveats)).toContain('2015-01-01');
    const raw = await rawCopyMs(CAS);
    console.log(
      `[throughput] Crime at Sea: ${first.counts.read} rows in ${first.elapsedMs} ms = ${first.rowsPerSec} rows/s ` +
        `(stream ${first.timings.streamMs} ms, merge ${first.timings.mergeMs} ms, panel ${first.timings.panelMs} ms; steps ${JSON.stringify(first.timings.steps)}); ` +
        `raw COPY of the same rows ${raw.ms.toFixed(0)} ms = ${Math.round((raw.rows * 1000) / raw.ms)} rows/s; ratio ${(first.elapsedMs / raw.ms).toFixed(1)}×; ` +
        `parse alone ${raw.parseMs.toFixed(0)} ms`,
    );
  });

  it('assigns areas once and fills area_month so that every cell sums back to the incidents', async () => {
    expect(first.areas.memberships).toBeGreaterThan(7511);
    const mismatch = await count(`
      SELECT count(*) AS n FROM (
        SELECT ia.area_key, count(*) AS n FROM incident i JOIN incident_area ia ON ia.incident_id = i.id
        WHERE i.valid_to IS NULL GROUP BY ia.area_key) x
      FULL JOIN (SELECT area_key, sum(n) AS n FROM area_month GROUP BY area_key) m USING (area_key)
      WHERE x.n IS DISTINCT FROM m.n`);
    expect(mismatch).toBe(0);
  });

  it('rows refer to their batch and dataset, which cannot be deleted or re-keyed meanwhile (ADR 0008)', async () => {
    expect(
      await count(`SELECT count(*) AS n FROM incident i
        WHERE NOT EXISTS (SELECT 1 FROM import_batch b WHERE b.id = i.import_batch_id AND b.id = '${first.batchId}')
          OR NOT EXISTS (SELECT 1 FROM incident_dataset d WHERE d.code = i.source)`),
    ).toBe(0);
    const refused = /referenced by incidents/;
    await expect(owner.pool.query('DELETE FROM import_batch WHERE id = $1', [first.batchId])).rejects.toThrow(
      refused,
    );
    await expect(
      owner.pool.query("UPDATE incident_dataset SET code = 'renamed' WHERE code = 'crime_at_sea'"),
    ).rejects.toThrow(refused);
    await expect(
      owner.pool.query("DELETE FROM incident_dataset WHERE code = 'crime_at_sea'"),
    ).rejects.toThrow(refused);
    // Ids come from the stage, time-ordered (UUID version 7 layout), not from gen_random_uuid() (version 4).
    expect(await count("SELECT count(*) AS n FROM incident WHERE substr(id::text, 15, 1) <> '7'")).toBe(0);
  });

  it('re-importing the same file reports no_change and changes nothing', async () => {
    const again = await run(CAS);
    expect(again).toMatchObject({ ok: true, outcome: 'no_change', datasetVersion: 1 });
    expect(again.counts).toMatchObject({ inserted: 0, superseded: 0, unchanged: 7511 });
    expect(await count('SELECT count(*) AS n FROM incident')).toBe(7511);
    expect(await count("SELECT count(*) AS n FROM import_batch WHERE status = 'no_change'")).toBe(1);
  });

  it('a copy with one edited cell supersedes exactly one row and moves the panel with it', async () => {
    const lines = readFileSync(CAS, 'utf8').split('\n');
    expect(lines[2]).toContain(',47.43157252093151,');
    lines[2] = lines[2]!.replace(',47.43157252093151,', ',47.5,');
    const file = join(tmp, 'pirate_attacks_edited.csv');
    writeFileSync(file, lines.join('\n'));
    const before = await count('SELECT sum(n) AS n FROM area_month');
    const r = await run(file);
    expect(r).toMatchObject({ outcome: 'committed', datasetVersion: 2 });
    expect(r.counts).toMatchObject({ inserted: 0, superseded: 1, unchanged: 7510 });
    expect(await count('SELECT count(*) AS n FROM incident WHERE valid_to IS NULL')).toBe(7511);
    expect(await count('SELECT count(*) AS n FROM incident WHERE valid_to = 2 AND valid_from = 1')).toBe(1);
    expect(await count('SELECT sum(n) AS n FROM area_month')).toBe(before);
    const changed = await owner.pool.query(
      "SELECT raw->>'shore_distance' AS d FROM incident WHERE valid_from = 2",
    );
    expect(changed.rows).toEqual([{ d: '47.5' }]);
  });

  it('a copy with one broken record is refused with that record line and field; nothing is written', async () => {
    const lines = readFileSync(CAS, 'utf8').split('\n');
    lines[3] = lines[3]!.replace(/^1993-01-06/, '1993-13-45');
    const file = join(tmp, 'pirate_attacks_broken.csv');
    writeFileSync(file, lines.join('\n'));
    const incidents = await count('SELECT count(*) AS n FROM incident');
    const cells = await count('SELECT count(*) AS n FROM area_month');
    const r = await run(file);
    expect(r).toMatchObject({ ok: false, outcome: 'refused' });
    expect(r.counts.rejected).toBe(1);
    expect(r.problems).toEqual([expect.objectContaining({ line: 4, code: 'E_DATE_PARSE', field: 'date' })]);
    expect(await count('SELECT count(*) AS n FROM incident')).toBe(incidents);
    expect(await count('SELECT count(*) AS n FROM area_month')).toBe(cells);
    const stored = await owner.pool.query(
      'SELECT line, code, field FROM import_rejection WHERE batch_id = $1',
      [r.batchId],
    );
    expect(stored.rows).toEqual([{ line: 4, code: 'E_DATE_PARSE', field: 'date' }]);
  });
});

describe('UCDP GED (GeoJSON, Central African Republic)', () => {
  it('imports 1,848 events, all coded CAF and assigned to country:CAF', async () => {
    await builtInAreas(TEST_AREAS);
    const r = await run(GED);
    expect(r).toMatchObject({
      ok: true,
      outcome: 'committed',
      source: 'ucdp_ged',
      format: 'ucdp_ged_geojson',
    });
    expect(r.counts).toMatchObject({ read: 1848, inserted: 1848, rejected: 0 });
    expect(
      await count("SELECT count(*) AS n FROM incident WHERE source = 'ucdp_ged' AND country_iso3 = 'CAF'"),
    ).toBe(1848);
    expect(
      await count(
        "SELECT count(*) AS n FROM incident_area ia JOIN incident i ON i.id = ia.incident_id WHERE i.source = 'ucdp_ged' AND ia.area_key = 'country:CAF'",
      ),
    ).toBe(1848);
    const ds = await owner.pool.query("SELECT source_version FROM incident_dataset WHERE code = 'ucdp_ged'");
    expect(ds.rows[0].source_version).toBe('23.1');
    const raw = await rawCopyMs(GED);
    console.log(
      `[throughput] UCDP GED CAR: ${r.counts.read} rows in ${r.elapsedMs} ms = ${r.rowsPerSec} rows/s ` +
        `(stream ${r.timings.streamMs} ms, merge ${r.timings.mergeMs} ms, panel ${r.timings.panelMs} ms; steps ${JSON.stringify(r.timings.steps)}); ` +
        `raw COPY ${raw.ms.toFixed(0)} ms = ${Math.round((raw.rows * 1000) / raw.ms)} rows/s; ratio ${(r.elapsedMs / raw.ms).toFixed(1)}×; ` +
        `parse alone ${raw.parseMs.toFixed(0)} ms`,
    );
  });
});

describe('NGA ASAM (ArcGIS CSV)', () => {
  it('imports 8,185 messages; its Gulf of Aden series is separate from Crime at Sea (a series never mixes sources)', async () => {
    const r = await run(ASAM);
    expect(r).toMatchObject({
      ok: true,
      outcome: 'committed',
      source: 'nga_asam',
      format: 'nga_asam_arcgis_csv',
    });
    expect(r.counts).toMatchObject({ read: 8185, inserted: 8185, rejected: 0 });
    expect(r.warningsByCode.W_REF_YEAR_MISMATCH).toBe(489);
    console.log(
      `[throughput] NGA ASAM: ${r.counts.read} rows in ${r.elapsedMs} ms = ${r.rowsPerSec} rows/s; steps ${JSON.stringify(r.timings.steps)}`,
    );
    const s = await inScope(app.db, scope, (tx) =>
      scoped.incidentSeries(tx, scope, { area: 'marine:gulf-of-aden', source: 'nga_asam', maxLocLevel: 3 }),
    );
    const total = s.points.reduce((a, p) => a + p.count, 0);
    console.log(`[series] ASAM gulf-of-aden total ${total}, excluded ${JSON.stringify(s.excluded)}`);
    expect(total).toBe(PINNED_ASAM_GULF_OF_ADEN_TOTAL);
  });
});

describe('scoped reads and RLS', () => {
  it('series for the Gulf of Aden (Crime at Sea, monthly) is pinned, with precision exclusions', async () => {
    const s = await inScope(app.db, scope, (tx) =>
      scoped.incidentSeries(tx, scope, {
        area: 'marine:gulf-of-aden',
        source: 'crime_at_sea',
        maxLocLevel: 3,
      }),
    );
    const total = s.points.reduce((a, p) => a + p.count, 0);
    const byYear = new Map<string, number>();
    for (const p of s.points)
      byYear.set(p.month.slice(0, 4), (byYear.get(p.month.slice(0, 4)) ?? 0) + p.count);
    console.log(
      `[series] gulf-of-aden total ${total}, excluded ${JSON.stringify(s.excluded)}, by year ${JSON.stringify(Object.fromEntries(byYear))}`,
    );
    const direct = await count(`
      SELECT count(*) AS n FROM incident i JOIN incident_area ia ON ia.incident_id = i.id
      WHERE ia.area_key = 'marine:gulf-of-aden' AND i.source = 'crime_at_sea' AND i.valid_to IS NULL AND i.loc_level <= 3 AND i.date_precision IN ('day','week')`);
    expect(total).toBe(direct);
    expect(total).toBe(PINNED_GULF_OF_ADEN_TOTAL);
    expect(byYear.get('2009')).toBe(PINNED_GULF_OF_ADEN_2009);
  });

  it('entente_app without settings sees no incident rows, batches or panel cells', async () => {
    const c = new pg.Client({ connectionString: db.appUrl });
    await c.connect();
    for (const t of ['incident', 'import_batch', 'import_rejection', 'area_month']) {
      const r = await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`);
      expect(Number(r.rows[0]!.n), t).toBe(0);
    }
    await c.end();
  });

  it('a subject without the label sees 0 in the list and the series; with it, the list pages', async () => {
    const other = { ...scope, labelIds: ['00000000-0000-4000-8000-00000000abcd'], writeLabelIds: [] };
    const list = await inScope(app.db, other, (tx) =>
      scoped.listIncidents(tx, other, { source: 'crime_at_sea' }, { page: 1, pageSize: 10 }),
    );
    expect(list).toEqual({ items: [], total: 0 });
    const s = await inScope(app.db, other, (tx) =>
      scoped.incidentSeries(tx, other, {
        area: 'marine:gulf-of-aden',
        source: 'crime_at_sea',
        maxLocLevel: 3,
      }),
    );
    expect(s.points).toEqual([]);
    expect(s.excluded).toEqual({ datePrecision: 0, locationPrecision: 0 });
    const mine = await inScope(app.db, scope, (tx) =>
      scoped.listIncidents(
        tx,
        scope,
        { source: 'ucdp_ged', area: 'country:CAF', from: '2020-01-01' },
        { page: 1, pageSize: 5 },
      ),
    );
    expect(mine.items).toHaveLength(5);
    expect(mine.total).toBe(
      await count(
        "SELECT count(*) AS n FROM incident WHERE source = 'ucdp_ged' AND date_start >= '2020-01-01' AND valid_to IS NULL",
      ),
    );
    // Under RLS as the app role, the same SQL without the scoped predicate still sees only visible rows.
    const raw = await inScope(app.db, other, (tx) =>
      tx.execute<{ n: string }>(sql`SELECT count(*) AS n FROM incident`),
    );
    expect(Number(raw.rows[0]!.n)).toBe(0);
  });
});

const PINNED_GULF_OF_ADEN_TOTAL = 393;
const PINNED_GULF_OF_ADEN_2009 = 107;
const PINNED_ASAM_GULF_OF_ADEN_TOTAL = 591;
