import type { Position } from 'geojson';
import type { AreaGeometry, BBox, Ring } from './types.ts';

/** Polygon parts of a Polygon or MultiPolygon, each as `[outer, ...holes]`. */
export function polygonsOf(g: AreaGeometry): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Planar bounding box of positions; for split geometries it is the extent of all parts. */
export function bboxOfRings(rings: readonly Ring[]): BBox {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const ring of rings)
    for (const p of ring) {
      const x = p[0]!;
      const y = p[1]!;
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    }
  return [w, s, e, n];
}

export function bboxOfGeometry(g: AreaGeometry): BBox {
  return bboxOfRings(polygonsOf(g).flat());
}

/** Shoelace signed area in square degrees (positive = counter-clockwise). */
export function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    a += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  }
  return a / 2;
}

function wrapDelta(d: number): number {
  if (d > 180) return d - 360;
  if (d < -180) return d + 360;
  return d;
}

/** True when consecutive positions jump by more than 180° of longitude (the ring crosses ±180). */
export function ringJumpsAntimeridian(ring: Ring): boolean {
  for (let i = 1; i < ring.length; i++) if (Math.abs(ring[i]![0]! - ring[i - 1]![0]!) > 180) return true;
  return false;
}

/**
 * Makes longitudes continuous (no step over 180°). Returns null when the ring winds around a pole
 * (its unwrapped end is 360° away from its start): such a ring cannot be split into lon/lat polygons.
 */
export function unwrapRing(ring: Ring): Ring | null {
  const out: Ring = [];
  let x = ring[0]![0]!;
  out.push([x, ring[0]![1]!]);
  for (let i = 1; i < ring.length; i++) {
    x += wrapDelta(ring[i]![0]! - ring[i - 1]![0]!);
    out.push([x, ring[i]![1]!]);
  }
  if (Math.abs(out[out.length - 1]![0]! - out[0]![0]!) > 1e-9) return null;
  return out;
}

/** Sutherland–Hodgman against one vertical half-plane; keeps the ring closed. */
function clipX(ring: Ring, x0: number, keepLeft: boolean): Ring {
  const inside = (p: Position): boolean => (keepLeft ? p[0]! <= x0 : p[0]! >= x0);
  const out: Ring = [];
  const n = ring.length - 1; // last position repeats the first
  for (let i = 0; i < n; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    const ina = inside(a);
    const inb = inside(b);
    if (ina) out.push([a[0]!, a[1]!]);
    if (ina !== inb) {
      const t = (x0 - a[0]!) / (b[0]! - a[0]!);
      out.push([x0, a[1]! + t * (b[1]! - a[1]!)]);
    }
  }
  if (out.length > 0) out.push([out[0]![0]!, out[0]![1]!]);
  return out;
}

/**
 * Splits a polygon whose rings step across ±180° into parts inside [-180, 180] (EVALUATION.md §2:
 * "polygons that cross the antimeridian are split on load"), so that planar point-in-polygon and the
 * bounding-box index stay correct. Polygons without such a step are returned unchanged. Parts left
 * with fewer than 4 positions or zero area after clipping are dropped.
 */
export function splitAntimeridian(polygon: Ring[]): Ring[][] {
  if (!polygon.some(ringJumpsAntimeridian)) return [polygon];
  const outer = unwrapRing(polygon[0]!);
  if (!outer) return [polygon];
  const [ow, , oe] = bboxOfRings([outer]);
  const mid = (ow + oe) / 2;
  const holes: Ring[] = [];
  for (const h of polygon.slice(1)) {
    const u = unwrapRing(h);
    if (!u) continue;
    const [hw, , he] = bboxOfRings([u]);
    const shift = Math.round((mid - (hw + he) / 2) / 360) * 360;
    holes.push(u.map((p) => [p[0]! + shift, p[1]!]));
  }
  const parts: Ring[][] = [];
  const kFrom = Math.floor((ow + 180) / 360);
  const kTo = Math.ceil((oe + 180) / 360) - 1;
  for (let k = kFrom; k <= kTo; k++) {
    const lo = -180 + 360 * k;
    const hi = 180 + 360 * k;
    const clip = (r: Ring): Ring => clipX(clipX(r, lo, false), hi, true).map((p) => [p[0]! - 360 * k, p[1]!]);
    const o = clip(outer);
    if (o.length < 4 || ringArea(o) === 0) continue;
    const part: Ring[] = [o];
    for (const h of holes) {
      const c = clip(h);
      if (c.length >= 4 && ringArea(c) !== 0) part.push(c);
    }
    parts.push(part);
  }
  return parts;
}
