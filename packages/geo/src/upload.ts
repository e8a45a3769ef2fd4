/**
 * Custom-area input (EVALUATION.md §2): a drawn box, a drawn polygon or an uploaded GeoJSON file
 * (geometry, Feature or FeatureCollection of Polygon/MultiPolygon, WGS84). Every problem is reported
 * with the JSON path of the offending value, e.g. `geojson.features[2].geometry.coordinates[0][3]`,
 * and nothing is built unless the whole input is valid. Pure: the caller mints the keys.
 */
import { boxArea, polygonArea, validateBox } from './custom.ts';
import type { AreaGeometry, BoxArea, PolygonArea } from './types.ts';
import { GeoValidationError, validateAreaGeometry, type GeoIssue } from './validate.ts';

/** How an uploaded file with several features becomes areas. */
export type UploadMode = 'each' | 'union';

export interface UploadedShape {
  /** One area: the given name; one per feature: the feature's `name`/`NAME`/`title`, else `name #i`. */
  readonly name: string;
  readonly geometry: AreaGeometry;
  /** Index of the feature in the file (first feature for a union). */
  readonly featureIndex: number;
}

const NAME_PROPS = ['name', 'NAME', 'Name', 'title', 'label'] as const;

function nameOf(props: unknown, fallback: string): string {
  if (props && typeof props === 'object') {
    for (const k of NAME_PROPS) {
      const v = (props as Record<string, unknown>)[k];
      if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 200);
    }
  }
  return fallback;
}

/** A CRS member other than WGS84 (RFC 7946 drops `crs`; old files may still name one). */
function crsIssue(obj: Record<string, unknown>, path: string): GeoIssue | null {
  const crs = obj.crs as { properties?: { name?: unknown } } | undefined;
  if (!crs) return null;
  const name = String(crs.properties?.name ?? '');
  if (/CRS84|4326/i.test(name)) return null;
  return {
    path: `${path}.crs`,
    code: 'E_GEOMETRY_TYPE',
    message: `only WGS84 longitude/latitude is accepted, got crs ${name || 'unknown'}`,
  };
}

/**
 * The shapes of an uploaded GeoJSON value. `each`: one shape per feature; `union`: one shape whose
 * MultiPolygon holds every polygon of every feature (membership = inside any of them). Throws
 * {@link GeoValidationError} listing every problem.
 */
export function shapesFromGeoJson(
  input: unknown,
  mode: UploadMode,
  fallbackName: string,
  path = 'geojson',
): UploadedShape[] {
  const issues: GeoIssue[] = [];
  const found: { props: unknown; geometry: AreaGeometry; index: number }[] = [];
  const obj = input as Record<string, unknown> | null;
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
    throw new GeoValidationError([{ path, code: 'E_GEOMETRY_TYPE', message: 'expected a GeoJSON object' }]);
  }
  const crs = crsIssue(obj, path);
  if (crs) issues.push(crs);
  if (obj.type === 'FeatureCollection') {
    const features = obj.features;
    if (!Array.isArray(features) || features.length === 0) {
      issues.push({
        path: `${path}.features`,
        code: 'E_GEOMETRY_TYPE',
        message: 'the collection has no features',
      });
    } else {
      features.forEach((f: unknown, i) => {
        const fp = `${path}.features[${i}]`;
        const feat = f as Record<string, unknown> | null;
        if (!feat || feat.type !== 'Feature') {
          issues.push({ path: `${fp}.type`, code: 'E_GEOMETRY_TYPE', message: 'expected a Feature' });
          return;
        }
        const gi = validateAreaGeometry(feat.geometry, `${fp}.geometry`);
        issues.push(...gi);
        if (gi.length === 0)
          found.push({ props: feat.properties, geometry: feat.geometry as AreaGeometry, index: i });
      });
    }
  } else if (obj.type === 'Feature') {
    const gi = validateAreaGeometry(obj.geometry, `${path}.geometry`);
    issues.push(...gi);
    if (gi.length === 0)
      found.push({ props: obj.properties, geometry: obj.geometry as AreaGeometry, index: 0 });
  } else {
    const gi = validateAreaGeometry(obj, path);
    issues.push(...gi);
    if (gi.length === 0) found.push({ props: null, geometry: obj as unknown as AreaGeometry, index: 0 });
  }
  if (issues.length > 0) throw new GeoValidationError(issues);
  if (mode === 'union' || found.length === 1) {
    const polygons = found.flatMap((f) =>
      f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates,
    );
    const geometry: AreaGeometry =
      polygons.length === 1
        ? { type: 'Polygon', coordinates: polygons[0]! }
        : { type: 'MultiPolygon', coordinates: polygons };
    // One area: the name the user gave (a feature's own name labels only one of several areas).
    return [{ name: fallbackName, geometry, featureIndex: found[0]!.index }];
  }
  return found.map((f, i) => ({
    name: nameOf(f.props, `${fallbackName} #${i + 1}`),
    geometry: f.geometry,
    featureIndex: f.index,
  }));
}

/** What a user submits to create areas (the contract's discriminated union, minus name/description). */
export type CustomAreaShape =
  | { readonly type: 'box'; readonly box: readonly number[] }
  | { readonly type: 'polygon'; readonly geometry: unknown }
  | { readonly type: 'geojson'; readonly geojson: unknown; readonly mode: UploadMode };

/**
 * Builds the areas of one request. `mintKey(kind)` returns `poly:<uuid>` / `bbox:<uuid>`. Throws
 * {@link GeoValidationError} with paths relative to the request body (`box[2] (east)`,
 * `geometry.coordinates[0][3]`, `geojson.features[1].geometry…`).
 */
export function buildCustomAreas(
  shape: CustomAreaShape,
  name: string,
  mintKey: (kind: 'polygon' | 'box') => string,
): (PolygonArea | BoxArea)[] {
  if (shape.type === 'box') {
    const issues = validateBox(shape.box, 'box');
    if (issues.length > 0) throw new GeoValidationError(issues);
    return [boxArea({ key: mintKey('box'), name, box: shape.box })];
  }
  if (shape.type === 'polygon') {
    return [
      polygonArea({ key: mintKey('polygon'), name, geometry: shape.geometry, source: 'drawn' }, 'geometry'),
    ];
  }
  return shapesFromGeoJson(shape.geojson, shape.mode, name).map((s) =>
    polygonArea({ key: mintKey('polygon'), name: s.name, geometry: s.geometry, source: 'imported' }),
  );
}
