import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { bboxOfGeometry, polygonsOf, splitAntimeridian } from './geometry.ts';
import { contentHash } from './hash.ts';
import { normaliseName, slug } from './slug.ts';
import type { AreaGeometry, MarineArea } from './types.ts';

interface NeMarineProps {
  name?: string | null;
  note?: string | null;
  featurecla?: string | null;
}

function asAreaGeometry(g: Geometry | null, where: string): AreaGeometry {
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
    throw new Error(`${where}: expected a Polygon or MultiPolygon, got ${g ? g.type : 'null'}`);
  }
  const parts = polygonsOf(g).flatMap(splitAntimeridian);
  return parts.length === 1
    ? { type: 'Polygon', coordinates: parts[0]! }
    : { type: 'MultiPolygon', coordinates: parts };
}

/**
 * One `marine` area per feature of Natural Earth's `ne_10m_geography_marine_polys` (307 in 5.x).
 *
 * Keys are `marine:` + slug(name). The file is not a clean set of unique names: `Mediterranean Sea`
 * and `Ross Sea` occur twice (Ross Sea is cut at the antimeridian) and 11 features have no name, only a
 * `note` such as `Internal Canada (B.C.) Waters`. Unnamed features take their name from the note; a
 * repeated slug gets `-2`, `-3`… in file order, so keys stay stable for a given file. Features are never
 * merged here: an analyst who wants "the whole Mediterranean" defines a `union` area.
 */
export function marineAreasFromNaturalEarth(fc: FeatureCollection): MarineArea[] {
  const seen = new Map<string, number>();
  return fc.features.map((f: Feature, i) => {
    const props = (f.properties ?? {}) as NeMarineProps;
    const rawName = props.name ?? props.note ?? `Unnamed marine polygon ${i}`;
    const name = normaliseName(rawName);
    const base = slug(name) || `feature-${i}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const key = `marine:${n === 1 ? base : `${base}-${n}`}`;
    const geometry = asAreaGeometry(f.geometry, `features[${i}].geometry`);
    const featureClass = props.featurecla ?? 'unknown';
    return {
      kind: 'marine',
      key,
      name,
      source: 'natural-earth',
      featureClass,
      geometry,
      bbox: bboxOfGeometry(geometry),
      hash: contentHash({ kind: 'marine', key, name, geometry }),
    };
  });
}
