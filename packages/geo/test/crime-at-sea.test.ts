// Area assignment on the real Crime at Sea positions (EVALUATION.md §6.2). Pinned values were computed
// with this code and cross-checked by brute force without the index (turf on every area, and a plain
// scan of every marine edge for the nearest rule).
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AreaIndex,
  countryAreasFromWorldAtlas,
  marineAreasFromNaturalEarth,
  pointToArcKm,
  PRESET_AREAS,
  toVec,
  type AssignResult,
  type CountryArea,
  type MarineArea,
} from '../src/index.ts';
import { readCrimeAtSea, readMarine, readWorldAtlas, type CrimeAtSeaRow } from './data.ts';

let marine: MarineArea[];
let countries: CountryArea[];
let index: AreaIndex;
let rows: CrimeAtSeaRow[];
let run: AssignResult;

beforeAll(() => {
  marine = marineAreasFromNaturalEarth(readMarine());
  countries = countryAreasFromWorldAtlas(readWorldAtlas());
  index = new AreaIndex([...marine, ...countries, ...PRESET_AREAS]);
  rows = readCrimeAtSea();
  run = index.assign(rows.map((r) => ({ lon: r.lon, lat: r.lat, countryIso3: r.countryIso3 })));
}, 60_000);

function tally(method: string): Map<string, number> {
  const t = new Map<string, number>();
  for (const r of run.results)
    for (const m of r.memberships) if (m.method === method) t.set(m.key, (t.get(m.key) ?? 0) + 1);
  return t;
}

describe('Crime at Sea × 307 marine areas + world-atlas countries', () => {
  it('reads 7,511 positions, all usable', () => {
    expect(rows).toHaveLength(7511);
    expect(run.counts.noPosition).toBe(0);
  });

  it('no position lies inside two marine polygons', () => {
    expect(run.counts.marine.inSeveral).toBe(0);
  });

  it('pins the counts of §6.2 (point-in-polygon, nearest within 30 NM, unassigned)', () => {
    const pip = tally('pip');
    const nearest = tally('nearest');
    const got = Object.fromEntries(
      ['gulf-of-aden', 'arabian-sea', 'red-sea', 'gulf-of-guinea', 'strait-of-malacca'].map((k) => [
        k,
        [pip.get(`marine:${k}`) ?? 0, nearest.get(`marine:${k}`) ?? 0],
      ]),
    );
    expect(got).toEqual({
      'gulf-of-aden': [387, 6],
      'arabian-sea': [318, 3],
      'red-sea': [120, 4],
      'gulf-of-guinea': [413, 9],
      'strait-of-malacca': [400, 165],
    });
    // About one position in six (ports, anchorages, rivers) needs the nearest rule (§2).
    expect(run.counts.marine).toEqual({ pip: 6317, nearest: 1131, unassigned: 63, inSeveral: 0 });
    expect(run.counts.byMethod).toEqual({ code: 7493, pip: 8415, nearest: 1131, bbox: 0 });
  });

  it('pins the preset boxes and the country checks', () => {
    const pip = tally('pip');
    expect(pip.get('poly:preset-hoa')).toBe(1133);
    expect(pip.get('poly:preset-gulf-of-guinea')).toBe(965);
    // country_iso3 (eez, else nearest) is authoritative; 18 rows have neither and lie at sea.
    expect(run.counts.country).toEqual({ code: 7493, pip: 0, none: 18, mismatch: 13, codeWithoutArea: 0 });
    expect(tally('code').get('country:SOM')).toBe(221);
  });

  it('agrees with brute-force turf point-in-polygon over every area (no index, no bands)', () => {
    const geo = [...marine, ...countries, ...PRESET_AREAS];
    const diffs: string[] = [];
    for (const r of rows) {
      const expected = geo
        .filter((a) =>
          booleanPointInPolygon([r.lon, r.lat], {
            type: 'Feature',
            bbox: [...a.bbox],
            properties: {},
            geometry: a.geometry,
          }),
        )
        .map((a) => a.key)
        .sort();
      const got = index.containing(r.lon, r.lat).sort();
      if (expected.join() !== got.join()) diffs.push(`line ${r.line}: ${expected} vs ${got}`);
    }
    expect(diffs).toEqual([]);
  }, 120_000);

  it('nearest agrees with a plain scan of every marine edge', () => {
    const step = 1; // the same 1° densification as the index, so arcs follow the planar edges
    const diffs: string[] = [];
    run.results.forEach((res, i) => {
      const m = res.memberships.find((x) => x.key.startsWith('marine:'));
      if (m && m.method === 'pip') return;
      const r = rows[i]!;
      const p = toVec(r.lon, r.lat);
      let best = Infinity;
      let bestKey = '';
      for (const a of marine) {
        if (r.lon < a.bbox[0] - 2 || r.lon > a.bbox[2] + 2 || r.lat < a.bbox[1] - 1 || r.lat > a.bbox[3] + 1)
          continue;
        const polys = a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates;
        for (const ring of polys.flat())
          for (let k = 0; k + 1 < ring.length; k++) {
            const [x1, y1] = ring[k] as [number, number];
            const [x2, y2] = ring[k + 1] as [number, number];
            // Latitude lower bound: 0.6° of meridian is more than 30 NM, so such an edge cannot win.
            if (Math.min(y1, y2) > r.lat + 0.6 || Math.max(y1, y2) < r.lat - 0.6) continue;
            const n = Math.max(1, Math.ceil(Math.max(Math.abs(x2 - x1), Math.abs(y2 - y1)) / step));
            for (let s = 0; s < n; s++) {
              const d = pointToArcKm(
                p,
                toVec(x1 + ((x2 - x1) * s) / n, y1 + ((y2 - y1) * s) / n),
                toVec(x1 + ((x2 - x1) * (s + 1)) / n, y1 + ((y2 - y1) * (s + 1)) / n),
              );
              if (d < best) [best, bestKey] = [d, a.key];
            }
          }
      }
      const expected = best <= 55.56 ? `${bestKey} ${best.toFixed(6)}` : 'unassigned';
      const got = m ? `${m.key} ${m.distanceKm!.toFixed(6)}` : 'unassigned';
      if (expected !== got) diffs.push(`line ${r.line}: ${expected} vs ${got}`);
    });
    expect(diffs).toEqual([]);
  }, 120_000);

  it('measures throughput (reported, never asserted: §7)', () => {
    const points = rows.map((r) => ({ lon: r.lon, lat: r.lat, countryIso3: r.countryIso3 }));
    const idx = new AreaIndex([...marine, ...countries]);
    idx.assign(points);
    const cpu = (): number => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1e6;
    };
    const t0 = cpu();
    const w0 = performance.now();
    const reps = 10;
    for (let k = 0; k < reps; k++) idx.assign(points);
    const cpuS = cpu() - t0;
    const wallS = (performance.now() - w0) / 1000;
    console.log(
      `assign: ${points.length} points × ${marine.length} marine + ${countries.length} country areas: ` +
        `${Math.round((reps * points.length) / cpuS)} points/s CPU, ${Math.round((reps * points.length) / wallS)} points/s wall`,
    );
  }, 60_000);
});
