import type { Position } from 'geojson';
import { ringArea, unwrapRing } from './geometry.ts';
import type { AreaGeometry, Ring } from './types.ts';

/** One problem with user geometry, located by a JSON-style path such as `features[2].geometry.coordinates[0][5]`. */
export interface GeoIssue {
  readonly path: string;
  readonly code:
    | 'E_GEOMETRY_TYPE'
    | 'E_COORD_INVALID'
    | 'E_COORD_RANGE'
    | 'E_RING_TOO_SHORT'
    | 'E_RING_NOT_CLOSED'
    | 'E_RING_ZERO_AREA'
    | 'E_RING_ENCIRCLES_POLE'
    | 'E_SELF_INTERSECTION'
    | 'E_HOLE_OUTSIDE'
    | 'E_BOX'
    | 'E_UNION'
    | 'E_CODE';
  readonly message: string;
}

/** Thrown by the area builders; `issues` lists every problem found, not only the first. */
export class GeoValidationError extends Error {
  readonly issues: readonly GeoIssue[];
  constructor(issues: readonly GeoIssue[]) {
    const head = issues
      .slice(0, 5)
      .map((i) => `${i.path}: ${i.message}`)
      .join('; ');
    super(issues.length > 5 ? `${head}; … ${issues.length - 5} more` : head);
    this.name = 'GeoValidationError';
    this.issues = issues;
  }
}

function isPosition(p: unknown): p is Position {
  return Array.isArray(p) && p.length >= 2 && p.every((v) => typeof v === 'number' && Number.isFinite(v));
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const d = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return d > 0 ? 1 : d < 0 ? -1 : 0;
}

function onSegment(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
}

/** Closed-segment intersection (touching counts), planar. */
export function segmentsIntersect(a: Position, b: Position, c: Position, d: Position): boolean {
  const [ax, ay] = a as [number, number];
  const [bx, by] = b as [number, number];
  const [cx, cy] = c as [number, number];
  const [dx, dy] = d as [number, number];
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  if (o1 !== o2 && o3 !== o4) return true;
  if (o1 === 0 && onSegment(ax, ay, bx, by, cx, cy)) return true;
  if (o2 === 0 && onSegment(ax, ay, bx, by, dx, dy)) return true;
  if (o3 === 0 && onSegment(cx, cy, dx, dy, ax, ay)) return true;
  if (o4 === 0 && onSegment(cx, cy, dx, dy, bx, by)) return true;
  return false;
}

/** Planar even-odd test, boundary excluded; used only to check that holes lie inside their shell. */
function insideRing(p: Position, ring: Ring): boolean {
  let inside = false;
  const x = p[0]!;
  const y = p[1]!;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!;
    const yi = ring[i]![1]!;
    const xj = ring[j]![0]!;
    const yj = ring[j]![1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

interface Edge {
  ring: number;
  /** Index of the edge's first position in the original ring (for the error path). */
  at: number;
  a: Position;
  b: Position;
}

/**
 * Non-adjacent edges of one polygon (all its rings) must not touch. O(n²) over the edges: drawn and
 * imported analysis areas have at most a few thousand positions, and this runs once per edit.
 */
function selfIntersections(rings: Ring[], path: string): GeoIssue[] {
  const edges: Edge[] = [];
  const counts: number[] = [];
  rings.forEach((ring, r) => {
    let n = 0;
    for (let i = 0; i < ring.length - 1; i++) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      if (a[0] === b[0] && a[1] === b[1]) continue; // repeated position: not an edge
      edges.push({ ring: r, at: i, a, b });
      n++;
    }
    counts.push(n);
  });
  const issues: GeoIssue[] = [];
  let start = 0;
  const firstOfRing: number[] = [];
  for (const c of counts) {
    firstOfRing.push(start);
    start += c;
  }
  for (let i = 0; i < edges.length && issues.length < 10; i++) {
    const e = edges[i]!;
    for (let j = i + 1; j < edges.length; j++) {
      const f = edges[j]!;
      if (e.ring === f.ring) {
        const first = firstOfRing[e.ring]!;
        const last = first + counts[e.ring]! - 1;
        if (j === i + 1 || (i === first && j === last)) continue; // neighbours share a position
      }
      if (
        Math.max(e.a[0]!, e.b[0]!) < Math.min(f.a[0]!, f.b[0]!) ||
        Math.max(f.a[0]!, f.b[0]!) < Math.min(e.a[0]!, e.b[0]!) ||
        Math.max(e.a[1]!, e.b[1]!) < Math.min(f.a[1]!, f.b[1]!) ||
        Math.max(f.a[1]!, f.b[1]!) < Math.min(e.a[1]!, e.b[1]!)
      )
        continue;
      if (segmentsIntersect(e.a, e.b, f.a, f.b)) {
        issues.push({
          path: `${path}[${e.ring}][${e.at}]`,
          code: 'E_SELF_INTERSECTION',
          message:
            e.ring === f.ring
              ? `edge ${e.at}→${e.at + 1} intersects edge ${f.at}→${f.at + 1} of the same ring`
              : `ring ${e.ring} (edge ${e.at}→${e.at + 1}) intersects ring ${f.ring} (edge ${f.at}→${f.at + 1})`,
        });
        break;
      }
    }
  }
  return issues;
}

function validatePolygonRings(rings: unknown, path: string): GeoIssue[] {
  if (!Array.isArray(rings) || rings.length === 0) {
    return [{ path, code: 'E_GEOMETRY_TYPE', message: 'a polygon needs an array of at least one ring' }];
  }
  const issues: GeoIssue[] = [];
  const unwrapped: Ring[] = [];
  rings.forEach((ring: unknown, r) => {
    const rp = `${path}[${r}]`;
    if (!Array.isArray(ring)) {
      issues.push({ path: rp, code: 'E_GEOMETRY_TYPE', message: 'a ring must be an array of positions' });
      return;
    }
    let ok = true;
    ring.forEach((p: unknown, i) => {
      if (!isPosition(p)) {
        issues.push({
          path: `${rp}[${i}]`,
          code: 'E_COORD_INVALID',
          message: 'expected [longitude, latitude] numbers',
        });
        ok = false;
      } else if (p[0]! < -180 || p[0]! > 180 || p[1]! < -90 || p[1]! > 90) {
        issues.push({
          path: `${rp}[${i}]`,
          code: 'E_COORD_RANGE',
          message: `[${p[0]}, ${p[1]}] is outside longitude −180…180 / latitude −90…90`,
        });
        ok = false;
      }
    });
    if (ring.length < 4) {
      issues.push({
        path: rp,
        code: 'E_RING_TOO_SHORT',
        message: `a ring needs at least 4 positions, got ${ring.length}`,
      });
      ok = false;
    }
    if (!ok) return;
    const pos = ring as Position[];
    const first = pos[0]!;
    const last = pos[pos.length - 1]!;
    if (first[0] !== last[0] || first[1] !== last[1]) {
      issues.push({
        path: rp,
        code: 'E_RING_NOT_CLOSED',
        message: `ring not closed: first position [${first[0]}, ${first[1]}] ≠ last [${last[0]}, ${last[1]}]`,
      });
      return;
    }
    const u = unwrapRing(pos);
    if (!u) {
      issues.push({
        path: rp,
        code: 'E_RING_ENCIRCLES_POLE',
        message: 'the ring winds around a pole; draw it as a box',
      });
      return;
    }
    if (ringArea(u) === 0) {
      issues.push({ path: rp, code: 'E_RING_ZERO_AREA', message: 'the ring encloses no area' });
      return;
    }
    unwrapped[r] = u;
  });
  if (issues.length > 0) return issues;
  // Holes are compared with the shell in the same unwrapped frame (shifted by whole turns).
  const shell = unwrapped[0]!;
  const sx = shell[0]![0]!;
  const aligned = unwrapped.map((u, r) => {
    if (r === 0) return u;
    const shift = Math.round((sx - u[0]![0]!) / 360) * 360;
    return u.map((p) => [p[0]! + shift, p[1]!]);
  });
  issues.push(...selfIntersections(aligned, path));
  if (issues.length > 0) return issues;
  aligned.slice(1).forEach((hole, h) => {
    if (!insideRing(hole[0]!, shell)) {
      issues.push({
        path: `${path}[${h + 1}]`,
        code: 'E_HOLE_OUTSIDE',
        message: 'the hole lies outside ring 0',
      });
    }
  });
  return issues;
}

/**
 * Checks a drawn or imported geometry (EVALUATION.md §2): Polygon or MultiPolygon, numeric positions
 * within −180…180 / −90…90, rings closed with at least 4 positions, non-zero area, no self-intersection
 * (non-adjacent edges, and rings of one polygon, must not touch), holes inside their shell. A ring whose
 * consecutive positions jump by more than 180° is read as crossing the antimeridian. `path` prefixes
 * every issue, e.g. `features[3].geometry`.
 */
export function validateAreaGeometry(g: unknown, path = 'geometry'): GeoIssue[] {
  const geom = g as Partial<AreaGeometry> | null;
  if (!geom || typeof geom !== 'object' || (geom.type !== 'Polygon' && geom.type !== 'MultiPolygon')) {
    const t = geom && typeof geom === 'object' ? String((geom as { type?: unknown }).type) : typeof geom;
    return [
      {
        path: `${path}.type`,
        code: 'E_GEOMETRY_TYPE',
        message: `expected Polygon or MultiPolygon, got ${t}`,
      },
    ];
  }
  if (geom.type === 'Polygon') return validatePolygonRings(geom.coordinates, `${path}.coordinates`);
  if (!Array.isArray(geom.coordinates) || geom.coordinates.length === 0) {
    return [
      {
        path: `${path}.coordinates`,
        code: 'E_GEOMETRY_TYPE',
        message: 'a MultiPolygon needs at least one polygon',
      },
    ];
  }
  return geom.coordinates.flatMap((poly, i) => validatePolygonRings(poly, `${path}.coordinates[${i}]`));
}
