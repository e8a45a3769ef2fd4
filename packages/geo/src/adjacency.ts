import Flatbush from 'flatbush';
import { neighbors } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { countryUnits, DEFAULT_TERRITORY_POLICY, type TerritoryPolicy } from './countries.ts';
import { NM_KM, searchBox, toVec } from './distance.ts';
import { chord2ToKm, EdgeIndex, kmToChord2 } from './edge-index.ts';
import { polygonsOf } from './geometry.ts';
import { PartPip } from './pip.ts';
import type { GeometricArea } from './types.ts';
import { segmentsIntersect } from './validate.ts';

/** One row of `area_neighbour` (§2); every pair is listed in both directions. */
export interface AreaNeighbour {
  readonly areaKey: string;
  readonly neighbourKey: string;
  /** `shared_border`: land areas sharing topology arcs; `buffer`: boundaries within the buffer distance. */
  readonly method: 'shared_border' | 'buffer';
  /** Great-circle distance between the boundaries (0 when they touch or overlap); `buffer` only. */
  readonly distanceKm?: number;
}

/** §2 default buffer for marine and custom areas: 200 NM. */
export const DEFAULT_BUFFER_KM = 200 * NM_KM;

function byKeys(a: AreaNeighbour, b: AreaNeighbour): number {
  if (a.areaKey !== b.areaKey) return a.areaKey < b.areaKey ? -1 : 1;
  return a.neighbourKey < b.neighbourKey ? -1 : a.neighbourKey > b.neighbourKey ? 1 : 0;
}

/**
 * Land neighbours from shared arcs (topojson-client `neighbors`), grouped exactly as the country areas
 * are under `policy`: with the default policy Somaliland's borders with Ethiopia and Djibouti are
 * Somalia's, and the Somalia–Somaliland border disappears.
 */
export function countryNeighbours(
  topology: Topology,
  policy: TerritoryPolicy = DEFAULT_TERRITORY_POLICY,
): AreaNeighbour[] {
  const units = countryUnits(topology, policy);
  const nb = neighbors(units.map((u) => u.object));
  const seen = new Set<string>();
  const out: AreaNeighbour[] = [];
  nb.forEach((list, i) => {
    for (const j of list) {
      const a = units[i]!.target.key;
      const b = units[j]!.target.key;
      if (a === b || seen.has(`${a}|${b}`)) continue;
      seen.add(`${a}|${b}`);
      out.push({ areaKey: a, neighbourKey: b, method: 'shared_border' });
    }
  });
  return out.sort(byKeys);
}

type Box = readonly [number, number, number, number];

/**
 * Candidate neighbours for marine and custom areas (§2): boundaries within `distanceKm` (default
 * 200 NM) of each other, with the great-circle distance between them (0 when they touch or overlap).
 * The analyst confirms the candidates. Computed once per set of area versions:
 * 1. pairs whose bounding boxes, widened by the distance, meet (`flatbush`);
 * 2. touching or overlapping pairs: an edge of one meets an edge of the other, or one contains the
 *    other's first vertex → 0;
 * 3. otherwise the minimum over the vertices of each boundary (near the other area) of the great-circle
 *    distance to the other's edges; the search radius shrinks to the best distance found so far.
 */
export function bufferNeighbours(
  areas: readonly GeometricArea[],
  options: { distanceKm?: number } = {},
): AreaNeighbour[] {
  const km = options.distanceKm ?? DEFAULT_BUFFER_KM;
  // One edge index per area: a search near a coast then visits only the other area's edges.
  const edgeIdx = areas.map((a) => new EdgeIndex([{ owner: 0, geometry: a.geometry }]));
  const widened: Box[] = areas.map((a) => {
    const [w, s, e, n] = a.bbox;
    const { dLat, dLon } = searchBox(Math.max(Math.abs(s), Math.abs(n)), km);
    return [w - dLon, s - dLat, e + dLon, n + dLat];
  });
  const pips = areas.map((a) => polygonsOf(a.geometry).map((p) => new PartPip(p)));
  const contains = (o: number, x: number, y: number): boolean => pips[o]!.some((p) => p.contains(x, y));

  const distance = (i: number, j: number): number => {
    const A = edgeIdx[i]!;
    const B = edgeIdx[j]!;
    const sa = A.segs;
    const sb = B.segs;
    // 2. touching or crossing edges (only edges of i inside j's bounding box can meet j)
    const [bw, bs, be, bn] = areas[j]!.bbox;
    for (let e = 0; e < A.size; e++) {
      const x1 = sa[e * 4]!;
      const y1 = sa[e * 4 + 1]!;
      const x2 = sa[e * 4 + 2]!;
      const y2 = sa[e * 4 + 3]!;
      if (Math.max(x1, x2) < bw || Math.min(x1, x2) > be || Math.max(y1, y2) < bs || Math.min(y1, y2) > bn)
        continue;
      const hit = B.search(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2), (f) =>
        segmentsIntersect([x1, y1], [x2, y2], [sb[f * 4]!, sb[f * 4 + 1]!], [sb[f * 4 + 2]!, sb[f * 4 + 3]!]),
      );
      if (hit.length > 0) return 0;
    }
    if (A.size > 0 && contains(j, sa[0]!, sa[1]!)) return 0;
    if (B.size > 0 && contains(i, sb[0]!, sb[1]!)) return 0;
    // 3. vertex → edge distances, both ways
    let best = kmToChord2(km);
    let found = false;
    const pass = (from: EdgeIndex, to: EdgeIndex, box: Box): void => {
      const [w, s, e, n] = box;
      const seg = from.segs;
      for (let v = 0; v < from.size; v++) {
        const x = seg[v * 4]!;
        const y = seg[v * 4 + 1]!;
        // The widened box may run past ±180°: compare the vertex's longitude one turn either way too.
        if (
          y < s ||
          y > n ||
          ((x < w || x > e) && (x + 360 < w || x + 360 > e) && (x - 360 < w || x - 360 > e))
        )
          continue;
        const [px, py, pz] = toVec(x, y);
        for (const f of to.candidates(x, y, chord2ToKm(best))) {
          const c = to.chord2(px, py, pz, f);
          if (c <= best) {
            best = c;
            found = true;
          }
        }
      }
    };
    pass(A, B, widened[j]!);
    pass(B, A, widened[i]!);
    return found ? chord2ToKm(best) : Infinity;
  };

  const out: AreaNeighbour[] = [];
  if (areas.length === 0) return out;
  const boxes = new Flatbush(areas.length);
  for (const b of widened) boxes.add(b[0], b[1], b[2], b[3]);
  boxes.finish();
  areas.forEach((a, i) => {
    const [w, s, e, n] = widened[i]!;
    // Widened boxes that run past ±180° also search the other side of the antimeridian.
    const found = new Set(boxes.search(w, s, e, n));
    if (w < -180) for (const j of boxes.search(w + 360, s, 180, n)) found.add(j);
    if (e > 180) for (const j of boxes.search(-180, s, e - 360, n)) found.add(j);
    for (const j of [...found].sort((a, b) => a - b)) {
      if (j <= i) continue;
      const d = distance(i, j);
      if (d > km) continue;
      const b = areas[j]!;
      out.push({ areaKey: a.key, neighbourKey: b.key, method: 'buffer', distanceKm: d });
      out.push({ areaKey: b.key, neighbourKey: a.key, method: 'buffer', distanceKm: d });
    }
  });
  return out.sort(byKeys);
}
