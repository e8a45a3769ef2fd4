import Flatbush from 'flatbush';
import { EARTH_RADIUS_KM, searchBox, toVec } from './distance.ts';
import { polygonsOf } from './geometry.ts';
import type { AreaGeometry } from './types.ts';

/**
 * Boundary edges of a set of geometries behind a `flatbush` index, for distances to boundaries (the
 * `nearest` rule of §2 and buffer adjacency). Edges longer than `maxStepDeg` are cut into pieces, so a
 * great-circle arc between consecutive vertices stays within a few metres of the planar lon/lat edge
 * that point-in-polygon uses.
 */
export class EdgeIndex {
  private readonly index: Flatbush | null;
  /** Owner (caller's index) of each edge; an owner's edges are contiguous. */
  readonly owner: Uint32Array;
  /** x1, y1, x2, y2 (degrees) of each edge. */
  readonly segs: Float64Array;
  /**
   * Per edge, 15 numbers: ends A and B (unit vectors), the unit normal N of their great circle, N×A and
   * B×N. P projects inside the arc iff P·(N×A) ≥ 0 and P·(B×N) ≥ 0, which makes one distance a handful of
   * dot products with no allocation (the `nearest` rule runs for about one event in six).
   */
  private readonly vec: Float64Array;

  constructor(items: readonly { owner: number; geometry: AreaGeometry }[], maxStepDeg = 1) {
    const segs: number[] = [];
    const owners: number[] = [];
    for (const { owner, geometry } of items)
      for (const poly of polygonsOf(geometry))
        for (const ring of poly)
          for (let i = 0; i + 1 < ring.length; i++) {
            const [x1, y1] = ring[i] as [number, number];
            const [x2, y2] = ring[i + 1] as [number, number];
            const steps = Math.max(1, Math.ceil(Math.max(Math.abs(x2 - x1), Math.abs(y2 - y1)) / maxStepDeg));
            for (let s = 0; s < steps; s++) {
              const t0 = s / steps;
              const t1 = (s + 1) / steps;
              segs.push(x1 + (x2 - x1) * t0, y1 + (y2 - y1) * t0, x1 + (x2 - x1) * t1, y1 + (y2 - y1) * t1);
              owners.push(owner);
            }
          }
    const n = owners.length;
    this.owner = Uint32Array.from(owners);
    this.segs = Float64Array.from(segs);
    this.vec = new Float64Array(n * 15);
    if (n === 0) {
      this.index = null;
      return;
    }
    const fb = new Flatbush(n);
    for (let e = 0; e < n; e++) {
      const x1 = segs[e * 4]!;
      const y1 = segs[e * 4 + 1]!;
      const x2 = segs[e * 4 + 2]!;
      const y2 = segs[e * 4 + 3]!;
      fb.add(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
      this.setEdge(e, toVec(x1, y1), toVec(x2, y2));
    }
    fb.finish();
    this.index = fb;
  }

  /** Searches edge boxes that meet a lon/lat box (no wrapping). */
  search(w: number, s: number, e: number, n: number, filter?: (edge: number) => boolean): number[] {
    return this.index ? this.index.search(w, s, e, n, filter) : [];
  }

  get size(): number {
    return this.owner.length;
  }

  /** Edge ids whose boxes meet the search box of `km` around the point (split across ±180°). */
  candidates(lon: number, lat: number, km: number, filter?: (edge: number) => boolean): number[] {
    if (!this.index) return [];
    const { dLat, dLon } = searchBox(lat, km);
    const s = Math.max(-90, lat - dLat);
    const n = Math.min(90, lat + dLat);
    if (dLon >= 180) return this.index.search(-180, s, 180, n, filter);
    const w = lon - dLon;
    const e = lon + dLon;
    const out = this.index.search(Math.max(-180, w), s, Math.min(180, e), n, filter);
    if (w < -180) out.push(...this.index.search(w + 360, s, 180, n, filter));
    if (e > 180) out.push(...this.index.search(-180, s, e - 360, n, filter));
    return out;
  }

  private setEdge(e: number, a: Vec3, b: Vec3): void {
    const o = e * 15;
    const v = this.vec;
    v.set(a, o);
    v.set(b, o + 3);
    const n = cross(a, b);
    const nn = Math.hypot(n[0], n[1], n[2]);
    if (nn < 1e-15) return; // degenerate edge: N stays 0, distance falls back to the ends
    const u: Vec3 = [n[0] / nn, n[1] / nn, n[2] / nn];
    v.set(u, o + 6);
    v.set(cross(u, a), o + 9);
    v.set(cross(b, u), o + 12);
  }

  /**
   * Squared chord (unit sphere) from P to edge `e`: monotone in great-circle distance, so minima are
   * taken on it and converted to km once ({@link chord2ToKm}).
   */
  chord2(px: number, py: number, pz: number, e: number): number {
    const v = this.vec;
    const o = e * 15;
    const s = px * v[o + 6]! + py * v[o + 7]! + pz * v[o + 8]!;
    if (
      (v[o + 6] !== 0 || v[o + 7] !== 0 || v[o + 8] !== 0) &&
      px * v[o + 9]! + py * v[o + 10]! + pz * v[o + 11]! >= 0 &&
      px * v[o + 12]! + py * v[o + 13]! + pz * v[o + 14]! >= 0
    ) {
      // Cross-track angle θ = asin|s|; chord² = 2 − 2cosθ, written without cancellation.
      const s2 = s * s;
      return (2 * s2) / (1 + Math.sqrt(Math.max(0, 1 - s2)));
    }
    const ax = px - v[o]!;
    const ay = py - v[o + 1]!;
    const az = pz - v[o + 2]!;
    const bx = px - v[o + 3]!;
    const by = py - v[o + 4]!;
    const bz = pz - v[o + 5]!;
    return Math.min(ax * ax + ay * ay + az * az, bx * bx + by * by + bz * bz);
  }

  /** Great-circle distance (km) from (lon, lat) to edge `e`. */
  distanceKm(lon: number, lat: number, e: number): number {
    const [x, y, z] = toVec(lon, lat);
    return chord2ToKm(this.chord2(x, y, z, e));
  }

  /** Smallest distance to each owner's boundary, for owners within `km`. */
  /**
   * The owner with the closest edge within `km` (ties → lowest owner), or null. Searches growing boxes
   * (km/27, km/9, km/3, km): an edge found at distance d ≤ r is exact, because every closer edge lies in
   * the box of radius r too. Most events that need the rule lie in ports, a few km from a polygon.
   */
  nearestOwner(
    lon: number,
    lat: number,
    km: number,
    filter?: (edge: number) => boolean,
  ): { owner: number; km: number } | null {
    const [x, y, z] = toVec(lon, lat);
    for (const r of [km / 27, km / 9, km / 3, km]) {
      const limit = kmToChord2(r);
      let best = -1;
      let bestC = Infinity;
      for (const e of this.candidates(lon, lat, r, filter)) {
        const c = this.chord2(x, y, z, e);
        if (c > limit) continue;
        const o = this.owner[e]!;
        if (c < bestC || (c === bestC && o < best)) {
          best = o;
          bestC = c;
        }
      }
      if (best >= 0) return { owner: best, km: chord2ToKm(bestC) };
    }
    return null;
  }

  distancesWithin(
    lon: number,
    lat: number,
    km: number,
    filter?: (edge: number) => boolean,
  ): Map<number, number> {
    const [x, y, z] = toVec(lon, lat);
    const limit = kmToChord2(km);
    const best = new Map<number, number>();
    for (const e of this.candidates(lon, lat, km, filter)) {
      const c = this.chord2(x, y, z, e);
      if (c > limit) continue;
      const o = this.owner[e]!;
      const prev = best.get(o);
      if (prev === undefined || c < prev) best.set(o, c);
    }
    for (const [o, c] of best) best.set(o, chord2ToKm(c));
    return best;
  }
}

type Vec3 = [number, number, number];

function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

/** Squared chord of a great-circle distance on the unit sphere. */
export function kmToChord2(km: number): number {
  const c = 2 * Math.sin(Math.min(Math.PI, km / EARTH_RADIUS_KM) / 2);
  return c * c;
}

export function chord2ToKm(c2: number): number {
  return 2 * Math.asin(Math.min(1, Math.sqrt(c2) / 2)) * EARTH_RADIUS_KM;
}
