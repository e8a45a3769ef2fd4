import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  boxArea,
  GeoValidationError,
  polygonArea,
  polygonAreasFromFeatureCollection,
  unionArea,
  validateAreaGeometry,
  validateBox,
} from '../src/index.ts';

const square = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [0, 0],
];

const issues = (g: unknown): string[] => validateAreaGeometry(g).map((i) => `${i.code} ${i.path}`);

describe('drawn and imported polygon validation (paths name the problem)', () => {
  it('accepts a valid polygon with a hole', () => {
    const hole = [
      [0.2, 0.2],
      [0.2, 0.8],
      [0.8, 0.8],
      [0.8, 0.2],
      [0.2, 0.2],
    ];
    expect(issues({ type: 'Polygon', coordinates: [square, hole] })).toEqual([]);
  });

  it('ring not closed, fewer than 4 positions, coordinates out of range or not numbers', () => {
    expect(issues({ type: 'Polygon', coordinates: [square.slice(0, 4).concat([[0, 0.5]])] })).toEqual([
      'E_RING_NOT_CLOSED geometry.coordinates[0]',
    ]);
    expect(
      issues({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [0, 0],
          ],
        ],
      }),
    ).toEqual(['E_RING_TOO_SHORT geometry.coordinates[0]']);
    expect(
      issues({
        type: 'MultiPolygon',
        coordinates: [
          [square],
          [
            [
              [0, 0],
              [190, 0],
              [1, 95],
              ['x', 1],
              [0, 0],
            ],
          ],
        ],
      }),
    ).toEqual([
      'E_COORD_RANGE geometry.coordinates[1][0][1]',
      'E_COORD_RANGE geometry.coordinates[1][0][2]',
      'E_COORD_INVALID geometry.coordinates[1][0][3]',
    ]);
    expect(issues({ type: 'Point', coordinates: [0, 0] })).toEqual(['E_GEOMETRY_TYPE geometry.type']);
  });

  it('zero area, self-intersection (bow tie), hole outside its shell', () => {
    const line = [
      [0, 0],
      [1, 1],
      [2, 2],
      [0, 0],
    ];
    expect(issues({ type: 'Polygon', coordinates: [line] })).toEqual([
      'E_RING_ZERO_AREA geometry.coordinates[0]',
    ]);
    const bowTie = [
      [0, 0],
      [2, 2],
      [2, 0],
      [0, 1],
      [0, 0],
    ];
    expect(issues({ type: 'Polygon', coordinates: [bowTie] })).toEqual([
      'E_SELF_INTERSECTION geometry.coordinates[0][0]',
    ]);
    const farHole = [
      [5, 5],
      [5, 6],
      [6, 6],
      [6, 5],
      [5, 5],
    ];
    expect(issues({ type: 'Polygon', coordinates: [square, farHole] })).toEqual([
      'E_HOLE_OUTSIDE geometry.coordinates[1]',
    ]);
  });

  it('polygonArea throws GeoValidationError whose message names the path', () => {
    const bad = { type: 'Polygon', coordinates: [square.slice(0, 4).concat([[0, 0.5]])] };
    expect(() => polygonArea({ key: 'poly:x', name: 'x', geometry: bad })).toThrow(GeoValidationError);
    expect(() => polygonArea({ key: 'poly:x', name: 'x', geometry: bad })).toThrow(
      /geometry\.coordinates\[0\]: ring not closed/,
    );
  });

  it('a FeatureCollection import reports every bad feature by index', () => {
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'ok' }, geometry: { type: 'Polygon', coordinates: [square] } },
        {
          type: 'Feature',
          properties: { name: 'open' },
          geometry: { type: 'Polygon', coordinates: [square.slice(0, 4).concat([[0, 0.5]])] },
        },
        { type: 'Feature', properties: { name: 'point' }, geometry: { type: 'Point', coordinates: [0, 0] } },
      ],
    };
    try {
      polygonAreasFromFeatureCollection(fc, (p, i) => ({ key: `poly:${i}`, name: String(p.name) }));
      expect.unreachable();
    } catch (e) {
      expect((e as GeoValidationError).issues.map((i) => `${i.code} ${i.path}`)).toEqual([
        'E_RING_NOT_CLOSED features[1].geometry.coordinates[0]',
        'E_GEOMETRY_TYPE features[2].geometry.type',
      ]);
    }
    fc.features.splice(1, 2);
    expect(
      polygonAreasFromFeatureCollection(fc, (p, i) => ({ key: `poly:${i}`, name: String(p.name) }))[0]!
        .source,
    ).toBe('imported');
  });

  it('a polygon drawn across the antimeridian is split into two parts', () => {
    const a = polygonArea({
      key: 'poly:pacific',
      name: 'across 180°',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [170, -10],
            [-170, -10],
            [-170, 10],
            [170, 10],
            [170, -10],
          ],
        ],
      },
    });
    expect(a.geometry.type).toBe('MultiPolygon');
    expect(a.bbox).toEqual([-180, -10, 180, 10]);
  });
});

describe('box validation', () => {
  it('names the element', () => {
    expect(validateBox([200, 0, 10, 5]).map((i) => `${i.code} ${i.path}`)).toEqual([
      'E_COORD_RANGE box[0] (west)',
    ]);
    expect(validateBox([0, 5, 10, 5]).map((i) => `${i.code} ${i.path}`)).toEqual(['E_BOX box[1] (south)']);
    expect(validateBox([10, 0, 10, 5]).map((i) => `${i.code} ${i.path}`)).toEqual(['E_BOX box[0] (west)']);
    expect(validateBox([0, 0, 'x', 5]).map((i) => `${i.code} ${i.path}`)).toEqual([
      'E_COORD_INVALID box[2] (east)',
    ]);
    expect(validateBox([0, 0, 1])[0]!.code).toBe('E_BOX');
    expect(() => boxArea({ key: 'bbox:x', name: 'x', box: [0, 0, 10, -95] })).toThrow(
      /box\[3\] \(north\): -95 is outside/,
    );
  });

  it('a box with west > east crosses the antimeridian', () => {
    const b = boxArea({ key: 'bbox:x', name: 'x', box: [170, -10, -170, 10] });
    expect(b.geometry.type).toBe('MultiPolygon');
  });

  it('unions reject empty or self-referencing definitions', () => {
    expect(() => unionArea({ key: 'union:u', name: 'u', members: [] })).toThrow(/at least one member/);
    expect(() => unionArea({ key: 'union:u', name: 'u', members: ['union:u'] })).toThrow(
      /cannot contain itself/,
    );
  });
});
