import countriesLib from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  AreaIndex,
  countryAreasFromWorldAtlas,
  countryNeighbours,
  DEFAULT_TERRITORY_POLICY,
  ISO_NUMERIC_TO_ALPHA3,
} from '../src/index.ts';
import { readWorldAtlas } from './data.ts';

const topo = readWorldAtlas();
const byDefault = countryAreasFromWorldAtlas(topo);
const separate = countryAreasFromWorldAtlas(topo, { somaliland: 'separate', northernCyprus: 'separate' });
const idx = new AreaIndex(byDefault);
const idxSeparate = new AreaIndex(separate);

const HARGEISA = [44.065, 9.56] as const;
const BERBERA = [45.014, 10.439] as const;
const KYRENIA = [33.317, 35.34] as const;
const PRISTINA = [21.166, 42.663] as const;

describe('ISO numeric → alpha-3', () => {
  it('matches i18n-iso-countries for every world-atlas id', () => {
    const ids = (topo.objects.countries as GeometryCollection).geometries.flatMap((g) =>
      g.id === undefined ? [] : [String(g.id)],
    );
    expect(new Set(ids).size).toBe(235);
    for (const id of ids) expect(ISO_NUMERIC_TO_ALPHA3[id]).toBe(countriesLib.numericToAlpha3(id));
  });
});

describe('country areas from world-atlas countries-50m with the territory policy (§1.4)', () => {
  it('builds 246 areas; Kosovo is XKX and flagged non-ISO', () => {
    expect(DEFAULT_TERRITORY_POLICY).toEqual({ somaliland: 'SOM', northernCyprus: 'CYP' });
    expect(byDefault).toHaveLength(246);
    expect(byDefault.filter((a) => a.nonIso).map((a) => a.key)).toEqual([
      'country:XKX',
      'country:x-siachen-glacier',
    ]);
    expect(idx.containing(...PRISTINA)).toEqual(['country:XKX']);
    expect(
      byDefault.filter((a) => a.mergedUnits.length > 0).map((a) => `${a.key} ${a.mergedUnits.join()}`),
    ).toEqual(['country:AUS Ashmore and Cartier Is.', 'country:CYP N. Cyprus', 'country:SOM Somaliland']);
  });

  it('Somaliland and Northern Cyprus count as SOM and CYP by default, separately on request', () => {
    for (const p of [HARGEISA, BERBERA]) {
      expect(idx.containing(p[0], p[1])).toEqual(['country:SOM']);
      expect(idxSeparate.containing(p[0], p[1])).toEqual(['country:x-somaliland']);
    }
    expect(idx.containing(...KYRENIA)).toEqual(['country:CYP']);
    expect(idxSeparate.containing(...KYRENIA)).toEqual(['country:x-n-cyprus']);
    // A source coding a Somaliland event to SOM is consistent by default and a mismatch when separate.
    const ev = { lon: HARGEISA[0], lat: HARGEISA[1], countryIso3: 'SOM' };
    expect(idx.assignOne(ev).countryMismatch).toBe(false);
    expect(idxSeparate.assignOne(ev).countryMismatch).toBe(true);
  });

  it('every point of the raw Somaliland polygon counts as SOM by default (0.25° grid)', () => {
    const geoms = (topo.objects.countries as GeometryCollection<{ name: string }>).geometries;
    const raw = feature(
      topo,
      geoms.find((g) => (g.properties as { name?: string } | undefined)?.name === 'Somaliland')!,
    ) as Feature<Polygon | MultiPolygon>;
    const grid: [number, number][] = [];
    for (let x = 42.5; x <= 49.5; x += 0.25)
      for (let y = 7.5; y <= 11.5; y += 0.25) if (booleanPointInPolygon([x, y], raw)) grid.push([x, y]);
    expect(grid).toHaveLength(221);
    expect(new Set(grid.map(([x, y]) => idx.containing(x, y).join()))).toEqual(new Set(['country:SOM']));
    expect(new Set(grid.map(([x, y]) => idxSeparate.containing(x, y).join()))).toEqual(
      new Set(['country:x-somaliland']),
    );
    // Without a source country, the polygon decides (method pip).
    expect(idx.assignOne({ lon: grid[0]![0], lat: grid[0]![1] }).memberships).toEqual([
      { key: 'country:SOM', method: 'pip' },
    ]);
  });

  it('splits ISO-coded overseas parts and antimeridian-crossing polygons', () => {
    expect(idx.containing(-52.33, 4.92)).toEqual(['country:GUF']); // Cayenne
    expect(idx.containing(2.35, 48.86)).toEqual(['country:FRA']); // Paris
    expect(idx.containing(55.45, -20.9)).toEqual(['country:REU']);
    expect(idx.containing(176, 65)).toEqual(['country:RUS']); // Chukotka west of 180°
    expect(idx.containing(-173.0, 64.6)).toEqual(['country:RUS']); // Chukotka east of 180°
    expect(idx.containing(178.0, -17.8)).toEqual(['country:FJI']); // Viti Levu
    expect(idx.containing(105.65, -10.47)).toEqual(['country:CXR']);
    const jumps = byDefault.filter((a) => {
      const polys = a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates;
      return polys.flat().some((r) => r.some((p, i) => i > 0 && Math.abs(p[0]! - r[i - 1]![0]!) > 180));
    });
    // Antarctica's ring runs along the south pole edge of the map on purpose: planar, not a crossing.
    expect(jumps.map((a) => a.key)).toEqual(['country:ATA']);
  });
});

describe('country neighbours from shared arcs', () => {
  const nb = countryNeighbours(topo);
  const of = (list: typeof nb, k: string): string[] =>
    list.filter((n) => n.areaKey === k).map((n) => n.neighbourKey);

  it('groups borders by the territory policy', () => {
    expect(nb).toHaveLength(648);
    expect(of(nb, 'country:SOM')).toEqual(['country:DJI', 'country:ETH', 'country:KEN']);
    const sep = countryNeighbours(topo, { somaliland: 'separate', northernCyprus: 'separate' });
    expect(of(sep, 'country:SOM')).toEqual(['country:ETH', 'country:KEN', 'country:x-somaliland']);
    expect(of(sep, 'country:x-somaliland')).toEqual(['country:DJI', 'country:ETH', 'country:SOM']);
    expect(of(nb, 'country:GUF')).toEqual(['country:BRA', 'country:SUR']);
    expect(of(nb, 'country:CAF')).toEqual([
      'country:CMR',
      'country:COD',
      'country:COG',
      'country:SDN',
      'country:SSD',
      'country:TCD',
    ]);
  });

  it('is symmetric', () => {
    const set = new Set(nb.map((n) => `${n.areaKey}|${n.neighbourKey}`));
    for (const n of nb) expect(set.has(`${n.neighbourKey}|${n.areaKey}`)).toBe(true);
  });
});
