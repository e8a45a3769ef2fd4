import { describe, expect, it } from 'vitest';
import { AreaIndex, buildCustomAreas, GeoValidationError, shapesFromGeoJson } from '../src/index.ts';

const ring = (w: number, s: number, e: number, n: number) => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];
const feature = (coords: number[][][], name?: string) => ({
  type: 'Feature',
  properties: name ? { name } : {},
  geometry: { type: 'Polygon', coordinates: coords },
});

let n = 0;
const mint = (kind: 'polygon' | 'box') => `${kind === 'box' ? 'bbox' : 'poly'}:t${++n}`;

function pathsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof GeoValidationError) return e.issues.map((i) => `${i.code} ${i.path}`);
    throw e;
  }
  throw new Error('expected a GeoValidationError');
}

describe('custom areas from a drawn box, a drawn polygon or an uploaded GeoJSON', () => {
  it('a FeatureCollection gives one area per feature, or one MultiPolygon area for the union', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [feature([ring(0, 0, 1, 1)], 'A'), feature([ring(5, 5, 6, 6)])],
    };
    const each = shapesFromGeoJson(fc, 'each', 'Upload');
    expect(each.map((s) => [s.name, s.geometry.type, s.featureIndex])).toEqual([
      ['A', 'Polygon', 0],
      ['Upload #2', 'Polygon', 1],
    ]);
    const union = shapesFromGeoJson(fc, 'union', 'Upload');
    expect(union.map((s) => s.name)).toEqual(['Upload']);
    expect(union[0]!.geometry).toEqual({
      type: 'MultiPolygon',
      coordinates: [[ring(0, 0, 1, 1)], [ring(5, 5, 6, 6)]],
    });
    const areas = buildCustomAreas({ type: 'geojson', geojson: fc, mode: 'union' }, 'Both', mint);
    const idx = new AreaIndex(areas);
    expect(idx.containing(0.5, 0.5)).toEqual([areas[0]!.key]);
    expect(idx.containing(5.5, 5.5)).toEqual([areas[0]!.key]);
    expect(idx.containing(3, 3)).toEqual([]);
  });

  it('every problem of every feature is reported with its JSON path, and nothing is built', () => {
    const bowtie = [
      [0, 0],
      [2, 2],
      [2, 0],
      [0, 3],
      [0, 0],
    ];
    const fc = {
      type: 'FeatureCollection',
      features: [
        feature([ring(0, 0, 1, 1)]),
        feature([bowtie]),
        { type: 'Feature', geometry: { type: 'Point', coordinates: [1, 1] } },
      ],
    };
    expect(pathsOf(() => shapesFromGeoJson(fc, 'each', 'x'))).toEqual([
      'E_SELF_INTERSECTION geojson.features[1].geometry.coordinates[0][0]',
      'E_GEOMETRY_TYPE geojson.features[2].geometry.type',
    ]);
    expect(
      pathsOf(() =>
        buildCustomAreas(
          { type: 'polygon', geometry: { type: 'Polygon', coordinates: [bowtie] } },
          'x',
          mint,
        ),
      ),
    ).toEqual(['E_SELF_INTERSECTION geometry.coordinates[0][0]']);
    expect(
      pathsOf(() => shapesFromGeoJson({ type: 'FeatureCollection', features: [] }, 'each', 'x')),
    ).toEqual(['E_GEOMETRY_TYPE geojson.features']);
    expect(pathsOf(() => shapesFromGeoJson([1, 2], 'each', 'x'))).toEqual(['E_GEOMETRY_TYPE geojson']);
  });

  it('refuses a projected CRS and accepts CRS84 / EPSG:4326', () => {
    const g = { type: 'Polygon', coordinates: [ring(0, 0, 1, 1)] };
    expect(
      pathsOf(() =>
        shapesFromGeoJson({ ...g, crs: { type: 'name', properties: { name: 'EPSG:3857' } } }, 'each', 'x'),
      ),
    ).toEqual(['E_GEOMETRY_TYPE geojson.crs']);
    const ok = shapesFromGeoJson(
      { ...g, crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } } },
      'each',
      'x',
    );
    expect(ok).toHaveLength(1);
  });

  it('a box across the antimeridian is one area in two parts; its edges are inside', () => {
    const [box] = buildCustomAreas({ type: 'box', box: [170, -20, -170, -10] }, 'Fiji box', mint);
    expect(box!.kind).toBe('box');
    expect(box!.geometry.type).toBe('MultiPolygon');
    const idx = new AreaIndex([box!]);
    expect(idx.containing(175, -15)).toEqual([box!.key]);
    expect(idx.containing(-175, -15)).toEqual([box!.key]);
    expect(idx.containing(-170, -10)).toEqual([box!.key]);
    expect(idx.containing(0, -15)).toEqual([]);
    expect(pathsOf(() => buildCustomAreas({ type: 'box', box: [10, 5, 20, 5] }, 'x', mint))).toEqual([
      'E_BOX box[1] (south)',
    ]);
  });

  it('a drawn polygon across the antimeridian is split into parts that cover both sides', () => {
    const geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [170, -20],
          [-170, -20],
          [-170, -10],
          [170, -10],
          [170, -20],
        ],
      ],
    };
    const [a] = buildCustomAreas({ type: 'polygon', geometry }, 'Across', mint);
    expect(a!.geometry.type).toBe('MultiPolygon');
    const idx = new AreaIndex([a!]);
    expect(idx.containing(179.5, -15)).toEqual([a!.key]);
    expect(idx.containing(-179.5, -15)).toEqual([a!.key]);
    expect(idx.containing(0, -15)).toEqual([]);
    expect(idx.containing(165, -15)).toEqual([]);
  });
});
