import { describe, expect, it } from 'vitest';
import {
  admin1Area,
  AreaIndex,
  boxArea,
  bufferNeighbours,
  polygonArea,
  PRESET_AREAS,
  unionArea,
  type MarineArea,
} from '../src/index.ts';

const withHole = polygonArea({
  key: 'poly:ring',
  name: 'square with a hole',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [100, 30],
        [110, 30],
        [110, 40],
        [100, 40],
        [100, 30],
      ],
      [
        [104, 34],
        [104, 36],
        [106, 36],
        [106, 34],
        [104, 34],
      ],
    ],
  },
});
const pacific = boxArea({ key: 'bbox:pacific', name: 'across 180°', box: [170, -10, -170, 10] });
const sea: MarineArea = {
  ...polygonArea({
    key: 'marine:test-sea',
    name: 'Test Sea',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [20, 0],
          [21, 0],
          [21, 1],
          [20, 1],
          [20, 0],
        ],
      ],
    },
  }),
  kind: 'marine',
  source: 'natural-earth',
  featureClass: 'sea',
};
const keys = (idx: AreaIndex, lon: number, lat: number): string[] =>
  idx.assignOne({ lon, lat }).memberships.map((m) => m.key);

describe('AreaIndex.assign on synthetic areas', () => {
  const idx = new AreaIndex([withHole, pacific, sea, ...PRESET_AREAS]);

  it('respects holes and counts the boundary as inside', () => {
    expect(keys(idx, 102, 32)).toEqual(['poly:ring']);
    expect(keys(idx, 105, 35)).toEqual([]); // inside the hole
    expect(keys(idx, 104, 35)).toEqual(['poly:ring']); // on the hole's edge
    expect(keys(idx, 110, 33)).toEqual(['poly:ring']); // on the shell's edge
  });

  it('boxes crossing the antimeridian use the coordinate test', () => {
    for (const lon of [175, 180, -180, -175, -170]) expect(keys(idx, lon, 0)).toEqual(['bbox:pacific']);
    expect(keys(idx, 165, 0)).toEqual([]);
    expect(idx.assignOne({ lon: 179, lat: 0 }).memberships).toEqual([
      { key: 'bbox:pacific', method: 'bbox' },
    ]);
  });

  it('the HoA preset excludes the central and northern Red Sea (lat > 15.5 ∧ lon < 43.5)', () => {
    expect(keys(idx, 42, 16)).toEqual([]);
    expect(keys(idx, 42, 15.5)).toEqual(['poly:preset-hoa']);
    expect(keys(idx, 43.5, 20)).toEqual(['poly:preset-hoa']);
    expect(keys(idx, 50, 12)).toEqual(['poly:preset-hoa']);
    expect(keys(idx, 0, 4)).toEqual(['poly:preset-gulf-of-guinea']);
  });

  it('nearest rule: within 30 NM of a marine polygon, with the distance; beyond, unassigned and counted', () => {
    // 0.3° of longitude at the equator ≈ 33.4 km from the edge lon = 21.
    const near = idx.assignOne({ lon: 21.3, lat: 0.5 }).memberships;
    expect(near).toHaveLength(1);
    expect(near[0]!.key).toBe('marine:test-sea');
    expect(near[0]!.method).toBe('nearest');
    expect(near[0]!.distanceKm).toBeCloseTo(33.36, 1);
    const { counts } = idx.assign([
      { lon: 20.5, lat: 0.5 },
      { lon: 21.3, lat: 0.5 },
      { lon: 21.6, lat: 0.5 },
      { lon: null, lat: null, countryIso3: 'SOM' },
    ]);
    expect(counts.marine).toEqual({ pip: 1, nearest: 1, unassigned: 1, inSeveral: 0 });
    expect(counts.noPosition).toBe(1);
    expect(counts.country.codeWithoutArea).toBe(1);
    expect(new AreaIndex([sea], { nearestKm: 0 }).assignOne({ lon: 21.3, lat: 0.5 }).memberships).toEqual([]);
  });

  it('admin-1 by code, unions with minus, and the `only` filter', () => {
    const cf = admin1Area('CF-UK', 'Ouaka');
    const u = unionArea({
      key: 'union:u',
      name: 'ring or pacific, minus HoA',
      members: ['poly:ring', 'bbox:pacific'],
      minus: ['poly:preset-hoa'],
    });
    const i2 = new AreaIndex([withHole, pacific, sea, ...PRESET_AREAS, cf, u]);
    expect(i2.assignOne({ lon: 102, lat: 32, admin1Code: 'CF-UK' }).memberships).toEqual([
      { key: 'admin1:CF-UK', method: 'code' },
      { key: 'poly:ring', method: 'pip' },
      { key: 'union:u', method: 'pip' },
    ]);
    expect(
      i2.assignOne({ lon: 102, lat: 32 }, undefined, { only: new Set(['union:u']) }).memberships,
    ).toEqual([{ key: 'union:u', method: 'pip' }]);
    expect(() => new AreaIndex([unionArea({ key: 'union:v', name: 'v', members: ['poly:nope'] })])).toThrow(
      /unknown area poly:nope/,
    );
    expect(() => admin1Area('Ouaka', 'x')).toThrow(/not an ISO 3166-2 code/);
  });

  it('hashes change with content only', () => {
    const again = polygonArea({
      key: 'poly:ring',
      name: 'renamed',
      geometry: { type: 'Polygon', coordinates: withHole.geometry.coordinates },
    });
    expect(again.hash).toBe(withHole.hash);
    const moved = boxArea({ key: 'bbox:pacific', name: 'x', box: [171, -10, -170, 10] });
    expect(moved.hash).not.toBe(pacific.hash);
  });

  it('buffer neighbours: touching areas at 0 km, others by boundary distance', () => {
    const b = (key: string, box: number[]) => boxArea({ key, name: key, box });
    const nb = bufferNeighbours([
      b('bbox:a', [0, 0, 1, 1]),
      b('bbox:b', [1, 0, 2, 1]),
      b('bbox:c', [4, 0, 5, 1]),
      b('bbox:far', [20, 0, 21, 1]),
    ]);
    const rows = nb
      .filter((n) => n.areaKey === 'bbox:a')
      .map((n) => `${n.neighbourKey} ${n.distanceKm!.toFixed(1)}`);
    // a–c: 3° of longitude at lat 1° (the closest edges) ≈ 333.5 km < 370.4 km (200 NM); a–far is beyond.
    expect(rows).toEqual(['bbox:b 0.0', 'bbox:c 333.5']);
  });
});
