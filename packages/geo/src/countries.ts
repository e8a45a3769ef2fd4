import type { Position } from 'geojson';
import { feature, merge } from 'topojson-client';
import type { GeometryObject, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import { bboxOfGeometry, bboxOfRings, splitAntimeridian } from './geometry.ts';
import { contentHash } from './hash.ts';
import { ISO_NUMERIC_TO_ALPHA3 } from './iso-numeric.ts';
import { slug } from './slug.ts';
import type { AreaGeometry, CountryArea } from './types.ts';

/**
 * How Natural Earth units without an ISO id are counted (EVALUATION.md §1.4). Sources code Somaliland
 * events to Somalia and Northern Cyprus events to Cyprus, so by default their polygons are merged into
 * SOM and CYP; `separate` keeps them as their own non-ISO areas (the chart must then say so). Stored
 * with every evaluation.
 */
export interface TerritoryPolicy {
  readonly somaliland: 'SOM' | 'separate';
  readonly northernCyprus: 'CYP' | 'separate';
}

export const DEFAULT_TERRITORY_POLICY: TerritoryPolicy = { somaliland: 'SOM', northernCyprus: 'CYP' };

/** Kosovo: `XKX` is a user-assigned code used by EU institutions, not ISO 3166-1 (§1.4). */
const KOSOVO = { iso3: 'XKX', nonIso: true } as const;

/**
 * Natural Earth units whose polygons have their own ISO 3166-1 codes, split by where each polygon lies
 * (box on the polygon's bounding-box centre: `[west, south, east, north]`). Sources code events there
 * with those codes (Crime at Sea uses GUF, MTQ, GLP and MYT), so leaving them inside FRA would make
 * `country:GUF` an area with no geometry and raise false `W_COUNTRY_MISMATCH`. `Indian Ocean Ter.` (no
 * id) is Christmas Island and the Cocos (Keeling) Islands. Polygons outside every box keep the unit's
 * own code.
 */
const SPLIT_UNITS: Readonly<
  Record<string, readonly { iso3: string; name: string; box: readonly [number, number, number, number] }[]>
> = {
  'Indian Ocean Ter.': [
    { iso3: 'CCK', name: 'Cocos (Keeling) Is.', box: [90, -15, 100, -10] },
    { iso3: 'CXR', name: 'Christmas I.', box: [100, -15, 110, -8] },
  ],
  France: [
    { iso3: 'GUF', name: 'French Guiana', box: [-55, 1, -51, 6.5] },
    { iso3: 'MTQ', name: 'Martinique', box: [-61.5, 14.2, -60.7, 15] },
    { iso3: 'GLP', name: 'Guadeloupe', box: [-62, 15.7, -60.9, 16.6] },
    { iso3: 'MYT', name: 'Mayotte', box: [44.8, -13.2, 45.5, -12.4] },
    { iso3: 'REU', name: 'Réunion', box: [55, -21.6, 56, -20.7] },
  ],
  Netherlands: [{ iso3: 'BES', name: 'Caribbean Netherlands', box: [-69, 11.8, -62.8, 17.8] }],
  Norway: [{ iso3: 'SJM', name: 'Svalbard and Jan Mayen', box: [-10, 70, 36, 82] }],
};

type TopoPolygon = Polygon | MultiPolygon;

interface Target {
  key: string;
  iso3?: string;
  nonIso: boolean;
  /** True for the unit that names the area (the one carrying the ISO id). */
  primary: boolean;
}

/** One assignable piece of the topology: a whole geometry, or one polygon of a split unit. */
export interface CountryUnit {
  readonly name: string;
  /** Index of the geometry in `objects.countries.geometries`. */
  readonly geometryIndex: number;
  readonly object: TopoPolygon;
  readonly target: Target;
}

function unitName(g: GeometryObject<{ name?: string }>): string {
  const props = g.properties as { name?: string } | undefined;
  return props?.name ?? `unit ${String(g.id)}`;
}

function nonIsoTarget(name: string): Target {
  return { key: `country:x-${slug(name)}`, nonIso: true, primary: true };
}

/**
 * Resolves every geometry of `objects.countries` to the area it belongs to under `policy`. Exported for
 * adjacency, which must see the same grouping.
 */
export function countryUnits(
  topology: Topology,
  policy: TerritoryPolicy = DEFAULT_TERRITORY_POLICY,
  objectName = 'countries',
): CountryUnit[] {
  const obj = topology.objects[objectName];
  if (!obj || obj.type !== 'GeometryCollection') {
    throw new Error(`topology.objects.${objectName}: expected a GeometryCollection`);
  }
  const units: CountryUnit[] = [];
  obj.geometries.forEach((raw, geometryIndex) => {
    const g = raw as GeometryObject<{ name?: string }>;
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return; // null geometries carry no area
    const name = unitName(g);
    const id = g.id === undefined ? undefined : String(g.id).padStart(3, '0');
    const iso3 = id === undefined ? undefined : ISO_NUMERIC_TO_ALPHA3[id];
    let target: Target;
    if (iso3) target = { key: `country:${iso3}`, iso3, nonIso: false, primary: true };
    else if (name === 'Somaliland')
      target = policy.somaliland === 'SOM' ? iso('SOM', false) : nonIsoTarget(name);
    else if (name === 'N. Cyprus')
      target = policy.northernCyprus === 'CYP' ? iso('CYP', false) : nonIsoTarget(name);
    else if (name === 'Kosovo') target = { key: `country:${KOSOVO.iso3}`, ...KOSOVO, primary: true };
    else target = nonIsoTarget(name);
    const split = SPLIT_UNITS[name];
    if (split && g.type === 'MultiPolygon') {
      for (const arcs of g.arcs) {
        const part: Polygon = { type: 'Polygon', arcs };
        const [w, s, e, n] = bboxOfRings(feature(topology, part).geometry.coordinates);
        const cx = (w + e) / 2;
        const cy = (s + n) / 2;
        const hit = split.find((t) => cx >= t.box[0] && cx <= t.box[2] && cy >= t.box[1] && cy <= t.box[3]);
        units.push({
          name: hit ? hit.name : name,
          geometryIndex,
          object: part,
          target: hit ? iso(hit.iso3, true) : target,
        });
      }
      return;
    }
    units.push({ name, geometryIndex, object: g as TopoPolygon, target });
  });
  return units;
}

function iso(iso3: string, primary: boolean): Target {
  return { key: `country:${iso3}`, iso3, nonIso: false, primary };
}

function toAreaGeometry(coords: Position[][][]): AreaGeometry {
  const parts = coords.flatMap(splitAntimeridian);
  return parts.length === 1
    ? { type: 'Polygon', coordinates: parts[0]! }
    : { type: 'MultiPolygon', coordinates: parts };
}

/**
 * Country areas from a `world-atlas` topology (`countries-50m.json` per §2; any resolution works).
 * Units that resolve to the same key (Somalia + Somaliland, Cyprus + N. Cyprus, Australia + Ashmore and
 * Cartier Is., both ISO 036) are merged with topojson-client `merge`, which drops their shared border
 * instead of overlaying two polygons. Polygons that step across ±180° (Russia, Fiji) are split.
 * Code-less units other than those of the territory policy (e.g. `Siachen Glacier`) become non-ISO
 * areas `country:x-<slug>`: events there carry the source's country code anyway (§2).
 */
export function countryAreasFromWorldAtlas(
  topology: Topology,
  policy: TerritoryPolicy = DEFAULT_TERRITORY_POLICY,
): CountryArea[] {
  const groups = new Map<string, CountryUnit[]>();
  for (const u of countryUnits(topology, policy)) {
    const list = groups.get(u.target.key);
    if (list) list.push(u);
    else groups.set(u.target.key, [u]);
  }
  const areas: CountryArea[] = [];
  for (const [key, units] of groups) {
    const main = units.find((u) => u.target.primary) ?? units[0]!;
    const merged = merge(
      topology,
      units.map((u) => u.object),
    );
    const geometry = toAreaGeometry(merged.coordinates);
    const mergedUnits = [...new Set(units.filter((u) => u.name !== main.name).map((u) => u.name))].sort();
    const iso3 = main.target.iso3;
    areas.push({
      kind: 'country',
      key,
      name: main.name,
      source: 'world-atlas',
      ...(iso3 ? { iso3 } : {}),
      nonIso: main.target.nonIso,
      mergedUnits,
      geometry,
      bbox: bboxOfGeometry(geometry),
      hash: contentHash({ kind: 'country', key, iso3, mergedUnits, geometry }),
    });
  }
  return areas.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
