import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Kinds follow DOMAIN.md `AnalysisArea` and EVALUATION.md §2. Drawn and imported shapes are both
 * `polygon` (the difference is kept in `source`), so that membership rules depend on the kind only.
 */
export type AreaKind = 'country' | 'marine' | 'admin1' | 'polygon' | 'box' | 'union';

/** Where an area's geometry came from; stored in `analysis_area.source`. */
export type AreaSource =
  'world-atlas' | 'natural-earth' | 'iso-3166' | 'drawn' | 'imported' | 'preset' | 'user';

/** `[west, south, east, north]` in degrees; `west > east` means the box crosses the antimeridian. */
export type BBox = readonly [number, number, number, number];

export type AreaGeometry = Polygon | MultiPolygon;

interface AreaBase {
  /** Stable id, e.g. `country:SOM`, `marine:gulf-of-aden`, `bbox:<uuid>` (EVALUATION.md §2). */
  readonly key: string;
  readonly name: string;
  readonly source: AreaSource;
  /**
   * SHA-256 (hex) of the canonical JSON of everything that decides membership (kind, key, geometry
   * or members, codes). `incident_area.area_version` is bumped when it changes, so cached
   * assignments are recomputed only for areas whose content really changed.
   */
  readonly hash: string;
}

export interface CountryArea extends AreaBase {
  readonly kind: 'country';
  /** ISO 3166-1 alpha-3, or `XKX` (flagged by `nonIso`); absent for territories with no code. */
  readonly iso3?: string;
  /** True for codes outside ISO 3166-1 (Kosovo `XKX`) and for code-less Natural Earth units. */
  readonly nonIso: boolean;
  /** Natural Earth units merged into this area under the territory policy (e.g. `Somaliland`). */
  readonly mergedUnits: readonly string[];
  readonly geometry: AreaGeometry;
  readonly bbox: BBox;
}

export interface MarineArea extends AreaBase {
  readonly kind: 'marine';
  /** Natural Earth `featurecla` (sea, gulf, strait, …). */
  readonly featureClass: string;
  readonly geometry: AreaGeometry;
  readonly bbox: BBox;
}

/** Admin-1 membership is by `admin1_code` only: there are no full-coverage polygons offline (§2). */
export interface Admin1Area extends AreaBase {
  readonly kind: 'admin1';
  /** ISO 3166-2 code, e.g. `CF-UK`. */
  readonly code: string;
}

export interface PolygonArea extends AreaBase {
  readonly kind: 'polygon';
  readonly geometry: AreaGeometry;
  readonly bbox: BBox;
}

export interface BoxArea extends AreaBase {
  readonly kind: 'box';
  /** The box as given (`west > east` crosses the antimeridian); membership is a coordinate test. */
  readonly box: BBox;
  /** The same box as GeoJSON (two parts when it crosses the antimeridian), for maps and adjacency. */
  readonly geometry: AreaGeometry;
  readonly bbox: BBox;
}

/** Ordered members, optionally minus others; membership is "any member and no subtracted area". */
export interface UnionArea extends AreaBase {
  readonly kind: 'union';
  readonly members: readonly string[];
  readonly minus: readonly string[];
}

export type Area = CountryArea | MarineArea | Admin1Area | PolygonArea | BoxArea | UnionArea;
export type GeometricArea = CountryArea | MarineArea | PolygonArea | BoxArea;

export function hasGeometry(a: Area): a is GeometricArea {
  return a.kind === 'country' || a.kind === 'marine' || a.kind === 'polygon' || a.kind === 'box';
}

/** `incident_area.method` (EVALUATION.md §2). */
export type AssignMethod = 'code' | 'pip' | 'nearest' | 'bbox';

export interface Membership {
  readonly key: string;
  readonly method: AssignMethod;
  /** Great-circle distance to the area's boundary, set for `nearest` only. */
  readonly distanceKm?: number;
}

export type Ring = Position[];
