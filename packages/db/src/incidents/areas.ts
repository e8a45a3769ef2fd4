/**
 * Built-in analysis areas (EVALUATION.md §2): world-atlas countries (50m, default territory policy)
 * and the Natural Earth marine polygons, built once per process and stored once per database.
 * `analysis_area` is public reference data (no label), so it is written here, not under scoped/.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { iso31662 } from 'iso-3166';
import {
  admin1Area,
  AreaIndex,
  bboxOfGeometry,
  countryAreasFromWorldAtlas,
  hasGeometry,
  LayeredAreaIndex,
  marineAreasFromNaturalEarth,
  PRESET_AREAS,
  type Admin1Area,
  type Area,
  type AreaGeometry,
  type BoxArea,
  type PolygonArea,
} from '@entente/geo';
import type { FeatureCollection } from 'geojson';
import type { Topology } from 'topojson-specification';
import type { Tx } from '../runtime/scope';

/**
 * Where the geometry comes from. Countries ship with the product (`world-atlas`). The Natural Earth
 * marine polygons do not: they come from `ENTENTE_MARINE_POLYS`, or `geo/` of the demo data folder
 * (`ENTENTE_DEMO_DATA`); without either, only countries and the preset boxes exist (the product
 * never reads ../shared at run time).
 */
export interface AreaSources {
  worldAtlasPath?: string;
  marinePath?: string | null;
}

const MARINE_FILE = 'geo/ne_10m_geography_marine_polys.json';

/** The area sources of a deployment's settings (read by the app's config, never here). */
export function areaSourcesOf(settings: {
  marinePolys?: string | undefined;
  demoData?: string | undefined;
}): AreaSources {
  const demo = settings.demoData ? join(settings.demoData, MARINE_FILE) : null;
  return { marinePath: settings.marinePolys ?? (demo && existsSync(demo) ? demo : null) };
}

const bundledWorldAtlas = () => createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');

export interface BuiltAreas {
  areas: Area[];
  /** Built on first use: only in-thread staging needs it (a worker builds its own; B9). */
  readonly index: AreaIndex;
  byKey: Map<string, Area>;
}

function lazyBuilt(areas: Area[], build: () => AreaIndex): BuiltAreas {
  let index: AreaIndex | null = null;
  return {
    areas,
    byKey: new Map(areas.map((a) => [a.key, a])),
    get index() {
      index ??= build();
      return index;
    },
  };
}

let cache: { key: string; built: Promise<BuiltAreas> } | null = null;

/** Countries + marine regions and their spatial index, built once per process and set of files. */
export function builtInAreas(sources: AreaSources = {}): Promise<BuiltAreas> {
  const s = {
    worldAtlasPath: sources.worldAtlasPath ?? bundledWorldAtlas(),
    marinePath: sources.marinePath ?? null,
  };
  const key = `${s.worldAtlasPath}|${s.marinePath}`;
  if (cache?.key === key) return cache.built;
  const built = (async () => {
    const [topo, marine] = await Promise.all([
      readFile(s.worldAtlasPath, 'utf8').then((t) => JSON.parse(t) as Topology),
      s.marinePath ? readFile(s.marinePath, 'utf8').then((t) => JSON.parse(t) as FeatureCollection) : null,
    ]);
    const areas: Area[] = [
      ...countryAreasFromWorldAtlas(topo),
      ...(marine ? marineAreasFromNaturalEarth(marine) : []),
      ...PRESET_AREAS,
    ];
    return lazyBuilt(areas, () => new AreaIndex(areas));
  })();
  cache = { key, built };
  built.catch(() => {
    if (cache?.built === built) cache = null;
  });
  return built;
}

/** A custom area as the assignment sees it (read through `entente_custom_areas()`, whatever the scope). */
interface CustomAreaRow {
  key: string;
  kind: string;
  source: string;
  geometry: AreaGeometry;
  box: [number, number, number, number] | null;
  hash: string;
}

/** Rebuilds the geo object of a stored custom area; the name is the key (names are labelled, ADR 0006). */
function customAreaOf(r: CustomAreaRow): PolygonArea | BoxArea {
  const bbox = bboxOfGeometry(r.geometry);
  if (r.kind === 'box' && r.box) {
    return {
      kind: 'box',
      key: r.key,
      name: r.key,
      source: 'user',
      box: r.box,
      geometry: r.geometry,
      bbox,
      hash: r.hash,
    };
  }
  const source = r.source === 'imported' ? 'imported' : 'drawn';
  return { kind: 'polygon', key: r.key, name: r.key, source, geometry: r.geometry, bbox, hash: r.hash };
}

let admin1Cache: Admin1Area[] | null = null;

/**
 * Admin-1 areas `admin1:CF-UK` (§2): every ISO 3166-2 code of `iso-3166` (the importer maps source
 * names to these codes), no geometry; membership is the event's `admin1_code`.
 */
export function admin1Areas(): Admin1Area[] {
  if (!admin1Cache) {
    const out: Admin1Area[] = [];
    for (const s of iso31662) {
      if (!/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(s.code)) continue;
      out.push(admin1Area(s.code, s.name));
    }
    admin1Cache = out;
  }
  return admin1Cache;
}

let assignCache: { key: string; built: Promise<BuiltAreas> } | null = null;

/**
 * Every area an import assigns events to: the built-in areas, the admin-1 codes and the active custom
 * areas of this database (drawn polygons, boxes, uploaded GeoJSON). Custom areas are read through the
 * SECURITY DEFINER function `entente_custom_areas()`, so an import assigns to areas its subject cannot
 * see (their names stay hidden; the cells carry the incident's label). The index is rebuilt when the
 * set of custom areas (keys and hashes) changes, so creating or archiving an area invalidates it.
 */
export async function assignmentAreas(tx: Tx, sources: AreaSources = {}): Promise<BuiltAreas> {
  const base = await builtInAreas(sources);
  const rows = (
    await tx.execute<CustomAreaRow & Record<string, unknown>>(
      sql`SELECT key, kind, source, geometry, box, hash FROM entente_custom_areas()`,
    )
  ).rows;
  const key = `${sources.worldAtlasPath ?? ''}|${sources.marinePath ?? ''}|${rows.map((r) => `${r.key}=${r.hash}`).join(',')}`;
  if (assignCache?.key === key) return assignCache.built;
  const built = (async () => {
    // The extras are layered on the built-in index: adding an area never rebuilds the marine edges.
    const extras: Area[] = [...admin1Areas(), ...rows.map(customAreaOf)];
    const areas: Area[] = [...base.areas, ...extras];
    return lazyBuilt(areas, () => new LayeredAreaIndex(base.index, extras));
  })();
  assignCache = { key, built };
  built.catch(() => {
    if (assignCache?.built === built) assignCache = null;
  });
  return built;
}

/** Drops the cached assignment index (after an area is created or archived in this process). */
export function invalidateAssignmentAreas(): void {
  assignCache = null;
}

/**
 * Store the built-in areas in `analysis_area` when they are missing or their content changed
 * (version bumped on a new hash). Returns the area versions by key.
 */
export async function ensureAnalysisAreas(
  tx: Tx,
  built: Pick<BuiltAreas, 'areas'>,
): Promise<Map<string, number>> {
  const have = await tx.execute<{ key: string; hash: string; version: number }>(
    sql`SELECT key, hash, version FROM analysis_area WHERE key = ANY(${`{${built.areas.map((a) => `"${a.key}"`).join(',')}}`}::text[])`,
  );
  const known = new Map(have.rows.map((r) => [r.key, r]));
  const versions = new Map<string, number>();
  const todo: Area[] = [];
  for (const a of built.areas) {
    const k = known.get(a.key);
    if (k && k.hash === a.hash) versions.set(a.key, Number(k.version));
    else todo.push(a);
  }
  // Polygons go 50 per statement (large JSON); geometry-less admin-1 codes 1,000 per statement.
  const chunks: Area[][] = [];
  const geo = todo.filter(hasGeometry);
  const bare = todo.filter((a) => !hasGeometry(a));
  for (let i = 0; i < geo.length; i += 50) chunks.push(geo.slice(i, i + 50));
  for (let i = 0; i < bare.length; i += 1000) chunks.push(bare.slice(i, i + 1000));
  for (const chunk of chunks) {
    const rows = chunk.map((a) => {
      const g = hasGeometry(a) ? a : null;
      return {
        key: a.key,
        kind: a.kind,
        name: a.name,
        iso3: a.kind === 'country' ? (a.iso3 ?? null) : null,
        code: a.kind === 'admin1' ? a.code : null,
        source: a.source,
        geometry: g ? g.geometry : null,
        bbox: g ? g.bbox : null,
        hash: a.hash,
      };
    });
    const r = await tx.execute<{ key: string; version: number }>(sql`
      INSERT INTO analysis_area (key, kind, name, iso3, code, source, geometry, west, south, east, north, hash)
      SELECT x.key, x.kind, x.name, x.iso3, x.code, x.source, x.geometry, (x.bbox->>0)::float8, (x.bbox->>1)::float8,
             (x.bbox->>2)::float8, (x.bbox->>3)::float8, x.hash
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS x(key text, kind text, name text, iso3 text, code text, source text, geometry jsonb, bbox jsonb, hash text)
      ON CONFLICT (key) DO UPDATE SET name = excluded.name, iso3 = excluded.iso3, geometry = excluded.geometry,
        west = excluded.west, south = excluded.south, east = excluded.east, north = excluded.north,
        hash = excluded.hash, version = analysis_area.version + 1
      RETURNING key, version`);
    for (const row of r.rows) versions.set(row.key, Number(row.version));
  }
  return versions;
}
