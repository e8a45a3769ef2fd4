/**
 * Custom analysis areas on real PostgreSQL with the real Crime at Sea, ASAM and GED CAR files read in
 * place: a polygon drawn equal to the HoA preset gets exactly the preset's memberships and cells, an
 * antimeridian polygon, assignment of later imports, archiving, RLS on names, and the admin-1 series.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildCustomAreas, PRESET_AREAS, type PolygonArea } from '@entente/geo';
import { createTestDatabase, type TestDatabase } from '../testing/index';
import { openDatabase, type Database } from '../runtime/pools';
import { inScope, type AccessScope } from '../runtime/scope';
import * as scoped from '../scoped/index';
import {
  archiveCustomArea,
  assignmentAreas,
  createCustomArea,
  ensureAdmin1Areas,
  importIncidents,
} from './index';

const TESTDATA = fileURLToPath(new URL('../../../../../shared/testdata/', import.meta.url));
const CAS = join(TESTDATA, 'piracy/crime-at-sea/pirate_attacks.csv');
const ASAM = join(TESTDATA, 'piracy/asam/Anti-Shipping_Activity_Messages.csv');
const GED = join(TESTDATA, 'conflict/ucdp-ged-car/GEDEvent_v23_1.geojson');
const TEST_AREAS = { marinePath: process.env.ENTENTE_MARINE_POLYS ?? null };

let db: TestDatabase;
let owner: Database;
let app: Database;
let labelId: string;
let communityId: string;
let scope: AccessScope;
let blind: AccessScope;

const run = (file: string) =>
  owner.db.transaction((tx) =>
    importIncidents(tx, createReadStream(file), {
      fileName: file.split('/').pop()!,
      labelId,
      communityId,
      userId: null,
      areaSources: TEST_AREAS,
    }),
  );
const q = async (text: string, params: unknown[] = []): Promise<number> =>
  Number((await owner.pool.query<{ n: string }>(text, params)).rows[0]!.n ?? 0);
const mint = (kind: 'polygon' | 'box') => `${kind === 'box' ? 'bbox' : 'poly'}:${randomUUID()}`;
const create = (area: PolygonArea | ReturnType<typeof buildCustomAreas>[number], s = scope) =>
  inScope(app.db, s, (tx) =>
    createCustomArea(tx, s, { area, description: 'test', labelId, communityId, createdBy: s.userId }),
  );
/** Per-source membership count of current rows in an area. */
const members = (key: string, source: string) =>
  q(
    `SELECT count(*) AS n FROM incident_area ia JOIN incident i ON i.id = ia.incident_id
     WHERE ia.area_key = $1 AND i.source = $2 AND i.valid_to IS NULL`,
    [key, source],
  );
/** The area's panel as `month|event_subtype|date_class|loc_level=n` lines (key-independent). */
const panel = async (key: string) =>
  (
    await owner.pool.query<{ c: string }>(
      `SELECT month || '|' || source || '|' || event_subtype || '|' || date_class || '|' || loc_level || '=' || n AS c
       FROM area_month WHERE area_key = $1 ORDER BY 1`,
      [key],
    )
  ).rows.map((r) => r.c);

const hoaCoords = (PRESET_AREAS[0]!.geometry as { coordinates: number[][][] }).coordinates;

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
  blind = { ...scope, labelIds: [], writeLabelIds: [] };
  const r = await run(CAS);
  expect(r.counts.inserted).toBe(7511);
});
afterAll(async () => {
  await owner?.close();
  await app?.close();
  await db?.drop();
});

describe('custom areas: creation re-assigns every existing incident', () => {
  let hoa: string;
  it('a polygon drawn equal to the HoA preset gets exactly the preset memberships and panel', async () => {
    const [area] = buildCustomAreas(
      { type: 'polygon', geometry: { type: 'Polygon', coordinates: hoaCoords } },
      'My HoA',
      mint,
    );
    const r = await create(area!);
    hoa = r.key;
    console.log(`[reassign] HoA polygon: ${JSON.stringify(r)}`);
    const preset = await members('poly:preset-hoa', 'crime_at_sea');
    expect(preset).toBe(1133);
    expect(r.memberships).toBe(preset);
    expect(r.visible).toBe(preset);
    expect(await members(hoa, 'crime_at_sea')).toBe(preset);
    expect(r.candidates).toBeGreaterThanOrEqual(preset);
    expect(await panel(hoa)).toEqual(await panel('poly:preset-hoa'));
    expect(r.cells).toBe((await panel(hoa)).length);
    // The series read the same way as the preset's.
    const series = (key: string) =>
      inScope(app.db, scope, (tx) =>
        scoped.incidentSeries(tx, scope, { area: key, source: 'crime_at_sea', maxLocLevel: 3 }),
      );
    const [mine, theirs] = [await series(hoa), await series('poly:preset-hoa')];
    expect(mine.points).toEqual(theirs.points);
    expect(mine.points.reduce((a, p) => a + p.count, 0)).toBe(1133);
  });

  it('the name and geometry are labelled: a subject without the label sees no such area', async () => {
    const seen = await inScope(app.db, scope, (tx) => scoped.getArea(tx, scope, hoa));
    expect(seen).toMatchObject({ key: hoa, kind: 'polygon', name: 'My HoA', description: 'test' });
    expect(await inScope(app.db, blind, (tx) => scoped.getArea(tx, blind, hoa))).toBeNull();
    const list = await inScope(app.db, blind, (tx) => scoped.listAreas(tx, blind, { q: 'HoA' }));
    expect(list.map((a) => a.key)).not.toContain(hoa);
    const raw = await inScope(app.db, blind, async (tx) => {
      const res = await tx.execute<{ n: string }>(
        (await import('drizzle-orm')).sql`SELECT count(*) AS n FROM custom_area`,
      );
      return Number(res.rows[0]!.n);
    });
    expect(raw).toBe(0); // RLS backs the SQL filter up
    const stored = await owner.pool.query('SELECT name, geometry FROM analysis_area WHERE key = $1', [hoa]);
    expect(stored.rows[0]).toEqual({ name: 'Custom area', geometry: null });
  });

  it('a polygon across the antimeridian is assigned on both sides', async () => {
    // lon 100 → 190 (= −170), lat −10 … 25: South-East Asia to the western Pacific.
    const geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [100, -10],
          [-170, -10],
          [-170, 25],
          [100, 25],
          [100, -10],
        ],
      ],
    };
    const [area] = buildCustomAreas({ type: 'polygon', geometry }, 'Across the date line', mint);
    expect(area!.geometry.type).toBe('MultiPolygon');
    const r = await create(area!);
    const expected = await q(
      `SELECT count(*) AS n FROM incident WHERE valid_to IS NULL AND lat BETWEEN -10 AND 25
       AND (lon >= 100 OR lon <= -170)`,
    );
    expect(r.memberships).toBe(expected);
    expect(r.memberships).toBe(2839);
  });

  it('a later import assigns its new rows to the custom area as well', async () => {
    const before = await members(hoa, 'nga_asam');
    expect(before).toBe(0);
    const asam = await run(ASAM);
    expect(asam.ok).toBe(true);
    const preset = await members('poly:preset-hoa', 'nga_asam');
    expect(preset).toBeGreaterThan(0);
    expect(await members(hoa, 'nga_asam')).toBe(preset);
    expect((await panel(hoa)).filter((c) => c.includes('|nga_asam|'))).toEqual(
      (await panel('poly:preset-hoa')).filter((c) => c.includes('|nga_asam|')),
    );
  });

  it('archiving removes memberships and cells, and later imports no longer see the area', async () => {
    expect(await inScope(app.db, blind, (tx) => archiveCustomArea(tx, blind, hoa, null))).toBeNull();
    const cells = (await panel(hoa)).length;
    const r = await inScope(app.db, scope, (tx) => archiveCustomArea(tx, scope, hoa, scope.userId));
    expect(r).toMatchObject({ key: hoa, cells });
    expect(r!.memberships).toBeGreaterThan(1133);
    expect(await q('SELECT count(*) AS n FROM incident_area WHERE area_key = $1', [hoa])).toBe(0);
    expect(await q('SELECT count(*) AS n FROM area_month WHERE area_key = $1', [hoa])).toBe(0);
    expect(await inScope(app.db, scope, (tx) => scoped.getArea(tx, scope, hoa))).toBeNull();
    const built = await inScope(app.db, scope, (tx) => assignmentAreas(tx, TEST_AREAS));
    expect(built.byKey.has(hoa)).toBe(false);
    expect(await inScope(app.db, scope, (tx) => archiveCustomArea(tx, scope, hoa, null))).toBeNull();
  });
});

describe('admin-1 areas', () => {
  it('GED CAR events are assigned by admin1_code; the CF-UK series is pinned, with and without province level', async () => {
    const r = await run(GED);
    expect(r.ok).toBe(true);
    const area = await inScope(app.db, scope, (tx) => scoped.getArea(tx, scope, 'admin1:CF-UK'));
    expect(area).toMatchObject({ kind: 'admin1', code: 'CF-UK', name: 'Ouaka' });
    const found = await inScope(app.db, scope, (tx) => scoped.listAreas(tx, scope, { q: 'ouaka' }));
    expect(found.map((a) => a.key)).toContain('admin1:CF-UK');
    const members = await q(
      `SELECT count(*) AS n FROM incident_area WHERE area_key = 'admin1:CF-UK' AND method = 'code'`,
    );
    expect(members).toBe(
      await q("SELECT count(*) AS n FROM incident WHERE admin1_code = 'CF-UK' AND valid_to IS NULL"),
    );
    const series = (acceptProvinceLevel: boolean) =>
      inScope(app.db, scope, (tx) =>
        scoped.incidentSeries(tx, scope, {
          area: 'admin1:CF-UK',
          source: 'ucdp_ged',
          maxLocLevel: 3,
          acceptProvinceLevel,
        }),
      );
    const strict = await series(false);
    const province = await series(true);
    const total = (s: typeof strict) => s.points.reduce((a, p) => a + p.count, 0);
    console.log(
      `[admin1] CF-UK members ${members}, strict ${total(strict)} ${JSON.stringify(strict.excluded)}, province ${total(province)} ${JSON.stringify(province.excluded)}`,
    );
    expect([members, total(strict), strict.excluded]).toEqual([
      302,
      251,
      { datePrecision: 41, locationPrecision: 10 },
    ]);
    expect([total(province), province.excluded]).toEqual([261, { datePrecision: 41, locationPrecision: 0 }]);
    expect(province.points.length).toBeGreaterThan(0);
  });

  it('rows imported before the admin-1 areas existed are assigned when the areas are added', async () => {
    const cells = await panel('admin1:CF-UK');
    expect(cells.length).toBeGreaterThan(0);
    // As if GED had been imported before admin-1 areas existed: no admin-1 rows, memberships or cells.
    await owner.pool.query(`DELETE FROM area_month WHERE area_key LIKE 'admin1:%'`);
    await owner.pool.query(`DELETE FROM incident_area WHERE area_key LIKE 'admin1:%'`);
    await owner.pool.query(`DELETE FROM analysis_area WHERE kind = 'admin1'`);
    const added = await inScope(app.db, scope, (tx) => ensureAdmin1Areas(tx));
    expect(added).toBe(
      await q('SELECT count(*) AS n FROM incident WHERE admin1_code IS NOT NULL AND valid_to IS NULL'),
    );
    expect(await panel('admin1:CF-UK')).toEqual(cells);
    expect(await inScope(app.db, scope, (tx) => ensureAdmin1Areas(tx))).toBe(0);
  });
});
