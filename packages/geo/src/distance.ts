/** Mean Earth radius (IUGG R1), km. */
export const EARTH_RADIUS_KM = 6371.0088;
/** 1 international nautical mile, km. */
export const NM_KM = 1.852;

const RAD = Math.PI / 180;

export type Vec3 = [number, number, number];

export function toVec(lon: number, lat: number): Vec3 {
  const l = lon * RAD;
  const p = lat * RAD;
  const c = Math.cos(p);
  return [c * Math.cos(l), c * Math.sin(l), Math.sin(p)];
}

function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

function norm(a: Vec3): number {
  return Math.hypot(a[0], a[1], a[2]);
}

/** Central angle between unit vectors (atan2 form: accurate for tiny and near-antipodal angles). */
export function angle(a: Vec3, b: Vec3): number {
  return Math.atan2(norm(cross(a, b)), dot(a, b));
}

export function greatCircleKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  return angle(toVec(lon1, lat1), toVec(lon2, lat2)) * EARTH_RADIUS_KM;
}

/**
 * Great-circle distance (km) from P to the arc A–B: the cross-track distance when P's projection falls
 * on the arc, else the distance to the nearer end.
 */
export function pointToArcKm(p: Vec3, a: Vec3, b: Vec3): number {
  const n = cross(a, b);
  const nn = norm(n);
  const ends = Math.min(angle(p, a), angle(p, b));
  if (nn < 1e-15) return ends * EARTH_RADIUS_KM;
  const u: Vec3 = [n[0] / nn, n[1] / nn, n[2] / nn];
  const s = dot(p, u);
  const c: Vec3 = [p[0] - s * u[0], p[1] - s * u[1], p[2] - s * u[2]];
  const cn = norm(c);
  if (cn < 1e-15) return ends * EARTH_RADIUS_KM;
  if (dot(cross(a, c), u) >= 0 && dot(cross(c, b), u) >= 0) {
    return Math.min(ends, Math.atan2(Math.abs(s), cn)) * EARTH_RADIUS_KM;
  }
  return ends * EARTH_RADIUS_KM;
}

/**
 * Half-size in degrees of a lon/lat box that contains every point within `km` of (·, lat), with a 1 %
 * margin for the small bulge of great-circle arcs between densified vertices.
 */
export function searchBox(lat: number, km: number): { dLat: number; dLon: number } {
  const delta = km / EARTH_RADIUS_KM;
  const dLat = (delta / RAD) * 1.01 + 1e-9;
  const far = Math.min(90, Math.abs(lat) + dLat);
  if (far >= 89.999) return { dLat, dLon: 360 };
  const s = Math.sin(delta) / Math.cos(far * RAD);
  const dLon = s >= 1 ? 360 : (Math.asin(s) / RAD) * 1.01 + 1e-9;
  return { dLat, dLon };
}
