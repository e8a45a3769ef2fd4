/**
 * Demo incidents on real PostgreSQL: the synthetic generator is deterministic, its files land in
 * incident / incident_area / area_month under the SYNTHETIC dataset rows, a second seed changes
 * nothing; with the demo folder pointed at ../shared/testdata the real files import with the counts
 * pinned elsewhere (Crime at Sea 7,511, NGA ASAM 8,185, UCDP GED CAR 1,848), and missing files are
 * skipped, not fatal.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectIncidents } from '@entente/incident-data';
import { createTestDatabase, type TestDatabase } from '../testing/index';
import { openDatabase, type Database } from '../runtime/pools';
import { seedDemoIncidents, type DemoIncidentStep } from './incidents';
import { SYNTHETIC_WARNING, syntheticCrimeAtSeaCsv, syntheticGedCarCsv } from './incidents-synthetic';

const TESTDATA = fileURLToPath(new URL('../../../../../shared/testdata/', import.meta.url));
// Synthetic runs see only countries and the preset boxes, as a deployment without marine polygons does.
const NO_MARINE = { marinePath: null };
const REAL_AREAS = { marinePath: process.env.ENTENTE_MARINE_POLYS ?? null };

const bytesOf = (s: string) =>
  (async function* () {
    yield new TextEncoder().encode(s);
  })();
const byFile = (steps: DemoIncidentStep[]) => Object.fromEntries(steps.map((s) => [s.file, s]));

describe('synthetic generator', () => {
  it('is deterministic for a seed and differs for another', () => {
    expect(syntheticCrimeAtSeaCsv()).toBe(syntheticCrimeAtSeaCsv());
    expect(syntheticGedCarCsv()).toBe(syntheticGedCarCsv());
    expect(syntheticCrimeAtSeaCsv(1)).not.toBe(syntheticCrimeAtSeaCsv(2));
  });

  it('writes real source formats that parse without rejections or unmapped prefectures', async () => {
    const cas = await collectIncidents(bytesOf(syntheticCrimeAtSeaCsv()));
    expect(cas.summary).toMatchObject({
      format: 'crime_at_sea_csv',
      rejected: 0,
      refused: false,
      unmappedLabels: [],
    });
    expect(cas.summary.sourceSeries).toEqual({ synthetic: cas.records.length });
    expect(cas.records.every((r) => String(r.attributes.description).startsWith(SYNTHETIC_WARNING))).toBe(
      true,
    );
    const ged = await collectIncidents(bytesOf(syntheticGedCarCsv()));
    expect(ged.summary).toMatchObject({
      format: 'ucdp_ged_csv',
      rejected: 0,
      refused: false,
      unmappedAdmin1: [],
    });
    expect(new Set(ged.records.map((r) => r.countryIso3))).toEqual(new Set(['CAF']));
  });
});

describe('seedDemoIncidents on PostgreSQL', () => {
  let db: TestDatabase;
  let owner: Database;
  const one = async (q: string, ...params: unknown[]) =>
    (await owner.pool.query(q, params)).rows[0] as Record<string, unknown>;
  const n = async (q: string, ...params: unknown[]) => Number((await one(q, ...params)).n);

  beforeAll(async () => {
    db = await createTestDatabase(inject('pgServerUrl'));
    owner = openDatabase(db.ownerUrl, 2);
  });
  afterAll(async () => {
    await owner?.close();
    await db?.drop();
  });

  it('without a demo folder imports synthetic incidents into area_month under SYNTHETIC datasets', async () => {
    const logged: string[] = [];
    const r = await seedDemoIncidents(owner, { areaSources: NO_MARINE, log: (_l, m) => logged.push(m) });
    expect(r.mode).toBe('synthetic');
    const steps = byFile(r.steps);
    const casRows = (await collectIncidents(bytesOf(syntheticCrimeAtSeaCsv()))).records.length;
    const gedRows = (await collectIncidents(bytesOf(syntheticGedCarCsv()))).records.length;
    expect(steps['SYNTHETIC-crime-at-sea.csv']).toMatchObject({ outcome: 'committed', inserted: casRows });
    expect(steps['SYNTHETIC-ucdp-ged-car.csv']).toMatchObject({ outcome: 'committed', inserted: gedRows });
    expect(logged).toHaveLength(2);

    for (const code of ['crime_at_sea', 'ucdp_ged']) {
      const d = await one(
        'SELECT title, attribution, licence, caveats, row_count FROM incident_dataset WHERE code = $1',
        code,
      );
      expect(d.title).toMatch(/^SYNTHETIC — generated demo data, not real incidents/);
      expect(d.attribution).toContain(SYNTHETIC_WARNING);
      expect(d.licence).toBe('synthetic');
      const caveats = d.caveats as { date: string | null; text: string }[];
      expect(caveats[0]!.text).toContain(SYNTHETIC_WARNING);
      // A dated caveat is a source switch to the methods: the synthetic ones must stay undated.
      expect(caveats.every((c) => c.date === null)).toBe(true);
    }
    expect(
      await n("SELECT count(*) AS n FROM incident WHERE source = 'crime_at_sea' AND licence = 'synthetic'"),
    ).toBe(casRows);
    // Area assignment ran: every synthetic HoA/GoG row sits in its preset box, and area_month sums back.
    const hoa = await n("SELECT count(*) AS n FROM incident_area WHERE area_key = 'poly:preset-hoa'");
    const gog = await n(
      "SELECT count(*) AS n FROM incident_area WHERE area_key = 'poly:preset-gulf-of-guinea'",
    );
    expect(hoa).toBeGreaterThan(300);
    expect(gog).toBeGreaterThan(300);
    expect(
      await n(
        "SELECT coalesce(sum(n), 0) AS n FROM area_month WHERE area_key = 'poly:preset-hoa' AND source = 'crime_at_sea'",
      ),
    ).toBe(hoa);
    expect(
      await n(
        "SELECT coalesce(sum(n), 0) AS n FROM area_month WHERE area_key = 'country:CAF' AND source = 'ucdp_ged'",
      ),
    ).toBe(gedRows);
    expect(
      await n("SELECT count(DISTINCT area_key) AS n FROM area_month WHERE area_key LIKE 'admin1:CF-%'"),
    ).toBe(10);
    // The built-in level shift at Atalanta: the HoA monthly mean falls from 2008 to 2009–2010.
    const mean = async (from: string, to: string) =>
      Number(
        (
          await one(
            `SELECT sum(n)::float8 / 12 / (extract(year FROM $2::date) - extract(year FROM $1::date) + 1) AS m
        FROM area_month WHERE area_key = 'poly:preset-hoa' AND month BETWEEN $1::date AND $2::date`,
            from,
            to,
          )
        ).m,
      );
    expect(await mean('2009-01-01', '2010-12-01')).toBeLessThan(
      (await mean('2008-01-01', '2008-12-01')) * 0.8,
    );
    // One system audit event per import, in the same transaction.
    expect(
      await n(
        "SELECT count(*) AS n FROM audit_event WHERE action = 'incident.imported' AND details->>'via' = 'demo-seed'",
      ),
    ).toBe(2);
  });

  it('a second seed is a no-op, and re-importing the same synthetic bytes is a no_change batch', async () => {
    const before = await n('SELECT count(*) AS n FROM incident');
    const cells = await n('SELECT coalesce(sum(n), 0) AS n FROM area_month');
    const again = await seedDemoIncidents(owner, { areaSources: NO_MARINE });
    expect(again.steps.map((s) => [s.outcome, s.reason])).toEqual([
      ['skipped', 'already generated'],
      ['skipped', 'already generated'],
    ]);
    const forced = await seedDemoIncidents(owner, { areaSources: NO_MARINE, force: true });
    expect(forced.steps.map((s) => [s.outcome, s.inserted])).toEqual([
      ['no_change', 0],
      ['no_change', 0],
    ]);
    expect(await n('SELECT count(*) AS n FROM incident')).toBe(before);
    expect(await n('SELECT coalesce(sum(n), 0) AS n FROM area_month')).toBe(cells);
  });

  it('replaces the synthetic incidents when the real files arrive, never counting both', async () => {
    const synthetic = await n("SELECT count(*) AS n FROM incident WHERE source = 'crime_at_sea'");
    expect(synthetic).toBeGreaterThan(0);
    const r = await seedDemoIncidents(owner, { demoData: TESTDATA, areaSources: REAL_AREAS });
    const steps = byFile(r.steps);
    expect(steps['piracy/crime-at-sea/pirate_attacks.csv']).toMatchObject({
      outcome: 'committed',
      inserted: 7511,
    });
    expect(steps['conflict/ucdp-ged-car/GEDEvent_v23_1.geojson']).toMatchObject({
      outcome: 'committed',
      inserted: 1848,
    });
    expect(steps['piracy/asam/Anti-Shipping_Activity_Messages.csv']).toMatchObject({
      outcome: 'committed',
      inserted: 8185,
    });
    // Only real rows are left, the panel counts only them, and the datasets describe the real sources again.
    expect(await n("SELECT count(*) AS n FROM incident WHERE licence = 'synthetic'")).toBe(0);
    expect(
      await n("SELECT count(*) AS n FROM incident WHERE source = 'crime_at_sea' AND valid_to IS NULL"),
    ).toBe(7511);
    expect(
      await n(
        "SELECT coalesce(sum(n), 0) AS n FROM area_month WHERE source = 'crime_at_sea' AND area_key = 'poly:preset-hoa'",
      ),
    ).toBe(
      await n(
        "SELECT count(*) AS n FROM incident_area ia JOIN incident i ON i.id = ia.incident_id WHERE i.source = 'crime_at_sea' AND ia.area_key = 'poly:preset-hoa' AND i.valid_to IS NULL",
      ),
    );
    const ds = await one(
      "SELECT title, licence, row_count FROM incident_dataset WHERE code = 'crime_at_sea'",
    );
    expect(ds).toMatchObject({ licence: 'CC-BY-4.0', row_count: 7511 });
    expect(String(ds.title)).not.toMatch(/SYNTHETIC/);
    const batch = await one(
      "SELECT withdrawn FROM import_batch WHERE source = 'crime_at_sea' AND status = 'committed' ORDER BY finished_at DESC LIMIT 1",
    );
    expect(Number(batch.withdrawn)).toBe(synthetic);
  });
});

describe('seedDemoIncidents with ENTENTE_DEMO_DATA = ../shared/testdata', () => {
  let db: TestDatabase;
  let owner: Database;
  let tmp: string;
  const n = async (q: string) => Number((await owner.pool.query<{ n: string }>(q)).rows[0]!.n);

  beforeAll(async () => {
    db = await createTestDatabase(inject('pgServerUrl'));
    owner = openDatabase(db.ownerUrl, 2);
    tmp = mkdtempSync(join(tmpdir(), 'entente-demo-'));
  });
  afterAll(async () => {
    await owner?.close();
    await db?.drop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('imports Crime at Sea, NGA ASAM and GED CAR through the pipeline with the pinned counts', async () => {
    const r = await seedDemoIncidents(owner, { demoData: TESTDATA, areaSources: REAL_AREAS });
    expect(r.mode).toBe('real');
    const steps = byFile(r.steps);
    expect(steps['piracy/crime-at-sea/pirate_attacks.csv']).toMatchObject({
      outcome: 'committed',
      inserted: 7511,
    });
    expect(steps['piracy/asam/Anti-Shipping_Activity_Messages.csv']).toMatchObject({
      outcome: 'committed',
      inserted: 8185,
    });
    expect(steps['conflict/ucdp-ged-car/GEDEvent_v23_1.geojson']).toMatchObject({
      outcome: 'committed',
      inserted: 1848,
    });
    expect(
      await n("SELECT count(*) AS n FROM incident WHERE source = 'ucdp_ged' AND country_iso3 = 'CAF'"),
    ).toBe(1848);
    expect(await n("SELECT count(*) AS n FROM incident_dataset WHERE title LIKE 'SYNTHETIC%'")).toBe(0);
    expect(
      await n("SELECT count(*) AS n FROM incident_area WHERE area_key = 'marine:gulf-of-aden'"),
    ).toBeGreaterThan(0);
    const communityLabel = await n(
      "SELECT count(*) AS n FROM incident i JOIN community c ON c.id = i.community_id WHERE c.code = 'all' AND i.label_id = c.default_label_id",
    );
    expect(communityLabel).toBe(7511 + 8185 + 1848);
  });

  it('a second start skips the files already imported; a forced re-import is no_change', async () => {
    const again = await seedDemoIncidents(owner, { demoData: TESTDATA, areaSources: REAL_AREAS });
    expect(again.steps.map((s) => s.outcome)).toEqual(['skipped', 'skipped', 'skipped']);
    const forced = await seedDemoIncidents(owner, {
      demoData: TESTDATA,
      areaSources: REAL_AREAS,
      force: true,
    });
    expect(forced.steps.map((s) => [s.outcome, s.inserted])).toEqual([
      ['no_change', 0],
      ['no_change', 0],
      ['no_change', 0],
    ]);
    expect(await n("SELECT count(*) AS n FROM import_batch WHERE status = 'no_change'")).toBe(3);
  });

  it('logs and skips missing files instead of failing', async () => {
    const warnings: string[] = [];
    const r = await seedDemoIncidents(owner, {
      demoData: tmp,
      log: (level, m) => level === 'warn' && warnings.push(m),
    });
    expect(r.steps.map((s) => s.outcome)).toEqual(['missing', 'missing', 'missing']);
    expect(warnings).toHaveLength(3);
  });

  it('logs a refused file (all or nothing) and goes on', async () => {
    const dir = join(tmp, 'piracy/crime-at-sea');
    mkdirSync(dir, { recursive: true });
    const header = readFileSync(join(TESTDATA, 'piracy/crime-at-sea/pirate_attacks.csv'), 'utf8').split(
      '\n',
    )[0];
    writeFileSync(
      join(dir, 'pirate_attacks.csv'),
      `${header}\nnot-a-date,NA,47,12,Boarded,x,YEM,YEM,1,NA,NA,x,v,NA,NA,imb\n`,
    );
    const before = await n('SELECT count(*) AS n FROM incident');
    const warnings: string[] = [];
    const r = await seedDemoIncidents(owner, {
      demoData: tmp,
      log: (level, m) => level === 'warn' && warnings.push(m),
    });
    expect(r.steps.map((s) => s.outcome)).toEqual(['refused', 'missing', 'missing']);
    expect(r.steps[0]!.reason).toMatch(/^E_DATE_PARSE/);
    expect(warnings).toHaveLength(3);
    expect(await n('SELECT count(*) AS n FROM incident')).toBe(before);
  });
});
