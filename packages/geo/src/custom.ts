import type { FeatureCollection } from 'geojson';
import { bboxOfGeometry, polygonsOf, splitAntimeridian } from './geometry.ts';
import { contentHash } from './hash.ts';
import type { Admin1Area, AreaGeometry, BBox, BoxArea, PolygonArea, UnionArea } from './types.ts';
import { GeoValidationError, validateAreaGeometry, type GeoIssue } from './validate.ts';

export interface PolygonAreaInput {
  /** `poly:<uuid>`; the caller mints the uuid (this package has no randomness). */
  readonly key: string;
  readonly name: string;
  readonly geometry: unknown;
  readonly source?: 'drawn' | 'imported' | 'preset';
}

function normaliseGeometry(g: AreaGeometry): AreaGeometry {
  const parts = polygonsOf(g).flatMap(splitAntimeridian);
  return parts.length === 1
    ? { type: 'Polygon', coordinates: parts[0]! }
    : { type: 'MultiPolygon', coordinates: parts };
}

function polygonFromValid(input: PolygonAreaInput): PolygonArea {
  const geometry = normaliseGeometry(input.geometry as AreaGeometry);
  return {
    kind: 'polygon',
    key: input.key,
    name: input.name,
    source: input.source ?? 'drawn',
    geometry,
    bbox: bboxOfGeometry(geometry),
    hash: contentHash({ kind: 'polygon', key: input.key, geometry }),
  };
}

/** A drawn or uploaded polygon area; throws {@link GeoValidationError} naming the path of each problem. */
export function polygonArea(input: PolygonAreaInput, path = 'geometry'): PolygonArea {
  const issues = validateAreaGeometry(input.geometry, path);
  if (issues.length > 0) throw new GeoValidationError(issues);
  return polygonFromValid(input);
}

/**
 * Imported areas from a FeatureCollection. Every feature is checked before any area is returned, and
 * the error lists all problems with their `features[i]…` paths, so a user fixes a file in one pass.
 */
export function polygonAreasFromFeatureCollection(
  fc: FeatureCollection,
  identify: (properties: Record<string, unknown>, index: number) => { key: string; name: string },
): PolygonArea[] {
  const issues: GeoIssue[] = [];
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new GeoValidationError([
      { path: 'type', code: 'E_GEOMETRY_TYPE', message: 'expected a FeatureCollection' },
    ]);
  }
  fc.features.forEach((f, i) => issues.push(...validateAreaGeometry(f?.geometry, `features[${i}].geometry`)));
  if (issues.length > 0) throw new GeoValidationError(issues);
  return fc.features.map((f, i) => {
    const { key, name } = identify((f.properties ?? {}) as Record<string, unknown>, i);
    return polygonFromValid({ key, name, geometry: f.geometry, source: 'imported' });
  });
}

export interface BoxAreaInput {
  /** `bbox:<uuid>`. */
  readonly key: string;
  readonly name: string;
  /** `[west, south, east, north]`; `west > east` crosses the antimeridian. */
  readonly box: readonly number[];
}

/** Checks a box; each issue names the element, e.g. `box[2] (east)`. */
export function validateBox(box: unknown, path = 'box'): GeoIssue[] {
  if (!Array.isArray(box) || box.length !== 4) {
    return [{ path, code: 'E_BOX', message: 'expected [west, south, east, north]' }];
  }
  const names = ['west', 'south', 'east', 'north'] as const;
  const issues: GeoIssue[] = [];
  box.forEach((v: unknown, i) => {
    const p = `${path}[${i}] (${names[i]})`;
    const limit = i % 2 === 0 ? 180 : 90;
    if (typeof v !== 'number' || !Number.isFinite(v))
      issues.push({ path: p, code: 'E_COORD_INVALID', message: 'not a number' });
    else if (v < -limit || v > limit)
      issues.push({ path: p, code: 'E_COORD_RANGE', message: `${v} is outside −${limit}…${limit}` });
  });
  if (issues.length > 0) return issues;
  const [w, s, e, n] = box as [number, number, number, number];
  if (s >= n)
    issues.push({
      path: `${path}[1] (south)`,
      code: 'E_BOX',
      message: `south ${s} must be below north ${n}`,
    });
  if (w === e)
    issues.push({
      path: `${path}[0] (west)`,
      code: 'E_BOX',
      message: `west equals east (${w}): the box has no width`,
    });
  return issues;
}

/**
 * A box area. Membership is the coordinate test (method `bbox`), edges inclusive; the GeoJSON geometry
 * (two parts across the antimeridian) serves maps and adjacency.
 */
export function boxArea(input: BoxAreaInput, path = 'box'): BoxArea {
  const issues = validateBox(input.box, path);
  if (issues.length > 0) throw new GeoValidationError(issues);
  const [w, s, e, n] = input.box as [number, number, number, number];
  const rect = (a: number, b: number): number[][][] => [
    [
      [a, s],
      [b, s],
      [b, n],
      [a, n],
      [a, s],
    ],
  ];
  const geometry: AreaGeometry =
    w < e
      ? { type: 'Polygon', coordinates: rect(w, e) }
      : { type: 'MultiPolygon', coordinates: [rect(w, 180), rect(-180, e)] };
  const box: BBox = [w, s, e, n];
  return {
    kind: 'box',
    key: input.key,
    name: input.name,
    source: 'user',
    box,
    geometry,
    bbox: bboxOfGeometry(geometry),
    hash: contentHash({ kind: 'box', key: input.key, box }),
  };
}

/** A union of other areas, optionally minus others (§2 `union:<uuid>`); resolved by the index. */
export function unionArea(input: {
  key: string;
  name: string;
  members: readonly string[];
  minus?: readonly string[];
}): UnionArea {
  const issues: GeoIssue[] = [];
  if (input.members.length === 0)
    issues.push({ path: 'members', code: 'E_UNION', message: 'a union needs at least one member' });
  [...input.members, ...(input.minus ?? [])].forEach((k, i) => {
    if (k === input.key)
      issues.push({ path: `members[${i}]`, code: 'E_UNION', message: 'a union cannot contain itself' });
  });
  if (issues.length > 0) throw new GeoValidationError(issues);
  const members = [...input.members];
  const minus = [...(input.minus ?? [])];
  return {
    kind: 'union',
    key: input.key,
    name: input.name,
    source: 'user',
    members,
    minus,
    hash: contentHash({ kind: 'union', key: input.key, members, minus }),
  };
}

/** An admin-1 area, matched by the event's `admin1_code` (ISO 3166-2); key `admin1:CF-UK`. */
export function admin1Area(code: string, name: string): Admin1Area {
  if (!/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(code)) {
    throw new GeoValidationError([
      { path: 'code', code: 'E_CODE', message: `${code} is not an ISO 3166-2 code` },
    ]);
  }
  const key = `admin1:${code}`;
  return {
    kind: 'admin1',
    key,
    name,
    code,
    source: 'iso-3166',
    hash: contentHash({ kind: 'admin1', key, code }),
  };
}

/**
 * The two preset polygons of §2. HoA: lat −12…22, lon 40…70, minus lat > 15.5 ∧ lon < 43.5 (the central
 * and northern Red Sea); as an L-shaped polygon its cut edges belong to the area, which matches the
 * strict inequalities. Gulf of Guinea: lat −5…8, lon −5…12.
 */
export const PRESET_AREAS: readonly PolygonArea[] = [
  polygonArea({
    key: 'poly:preset-hoa',
    name: 'Horn of Africa (HoA box)',
    source: 'preset',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [40, -12],
          [70, -12],
          [70, 22],
          [43.5, 22],
          [43.5, 15.5],
          [40, 15.5],
          [40, -12],
        ],
      ],
    },
  }),
  polygonArea({
    key: 'poly:preset-gulf-of-guinea',
    name: 'Gulf of Guinea (box)',
    source: 'preset',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [-5, -5],
          [12, -5],
          [12, 8],
          [-5, 8],
          [-5, -5],
        ],
      ],
    },
  }),
];
