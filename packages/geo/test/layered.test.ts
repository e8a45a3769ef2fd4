import { describe, expect, it } from 'vitest';
import {
  admin1Area,
  AreaIndex,
  boxArea,
  GeoValidationError,
  LayeredAreaIndex,
  polygonArea,
  PRESET_AREAS,
  type MarineArea,
} from '../src/index.ts';

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
const mine = polygonArea({
  key: 'poly:mine',
  name: 'mine',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [19, -1],
        [22, -1],
        [22, 2],
        [19, 2],
        [19, -1],
      ],
    ],
  },
});
const pacific = boxArea({ key: 'bbox:pacific', name: 'across 180°', box: [170, -10, -170, 10] });
const uk = admin1Area('CF-UK', 'Ouaka');

describe('extras layered on a built base index', () => {
  const base = new AreaIndex([sea, ...PRESET_AREAS]);
  const layered = new LayeredAreaIndex(base, [uk, mine, pacific]);
  const full = new AreaIndex([sea, ...PRESET_AREAS, uk, mine, pacific]);
  const points = [
    { lon: 20.5, lat: 0.5 },
    { lon: 21.3, lat: 0.5 }, // nearest Test Sea, inside mine
    { lon: 50, lat: 0, admin1Code: 'CF-UK' },
    { lon: 179.5, lat: 0 },
    { lon: -175, lat: 5 },
    { lon: null, lat: null, admin1Code: 'CF-UK' },
    { lon: 0, lat: 60 },
  ];

  it('gives the same memberships and counts as one index over all areas', () => {
    const a = layered.assign(points);
    const b = full.assign(points);
    const sorted = (r: typeof a) =>
      r.results.map((x) => x.memberships.map((m) => `${m.key}:${m.method}`).sort());
    expect(sorted(a)).toEqual(sorted(b));
    expect(a.counts).toEqual(b.counts);
    expect(sorted(a)[1]).toEqual(['marine:test-sea:nearest', 'poly:mine:pip']);
    expect(layered.containing(179.5, 0)).toEqual(['bbox:pacific']);
    expect(layered.area('marine:test-sea')?.kind).toBe('marine');
    expect(layered.area('admin1:CF-UK')?.kind).toBe('admin1');
  });

  it('refuses extras that belong in the base (marine, countries, unions, duplicates)', () => {
    expect(() => new LayeredAreaIndex(base, [sea])).toThrow(GeoValidationError);
    expect(() => new LayeredAreaIndex(base, [PRESET_AREAS[0]!])).toThrow(GeoValidationError);
  });
});
