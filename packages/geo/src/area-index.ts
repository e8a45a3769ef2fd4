import Flatbush from 'flatbush';
import { EdgeIndex } from './edge-index.ts';
import { NM_KM } from './distance.ts';
import { polygonsOf } from './geometry.ts';
import { PartPip } from './pip.ts';
import type { Area, AreaKind, AssignMethod, BoxArea, Membership, UnionArea } from './types.ts';
import { hasGeometry } from './types.ts';
import { GeoValidationError, type GeoIssue } from './validate.ts';

/** §2: the nearest marine polygon is taken within 30 NM (55.56 km) of a point that none contains. */
export const DEFAULT_NEAREST_KM = 30 * NM_KM;

/** What assignment reads from an incident (§1.1 columns). */
export interface AssignPoint {
  readonly lon?: number | null;
  readonly lat?: number | null;
  /** `country_iso3` from the source: authoritative for country membership (§2). */
  readonly countryIso3?: string | null;
  /** `admin1_code` (ISO 3166-2). */
  readonly admin1Code?: string | null;
}

export interface PointAssignment {
  /** Every area the point belongs to (several kinds at once), in index order; one row each of `incident_area`. */
  readonly memberships: Membership[];
  /** Country areas whose polygon contains the point (the polygon test of §2). */
  readonly polygonCountries: string[];
  /** The source's country differs from every containing country polygon → `W_COUNTRY_MISMATCH`. */
  readonly countryMismatch: boolean;
}

export interface AssignCounts {
  points: number;
  /** Points without a usable position: only code memberships are possible. */
  noPosition: number;
  /** Memberships by method. */
  byMethod: Record<AssignMethod, number>;
  /** Per point with a position, when the index holds marine areas. */
  marine: { pip: number; nearest: number; unassigned: number; inSeveral: number };
  country: { code: number; pip: number; none: number; mismatch: number; codeWithoutArea: number };
}

export interface AssignResult {
  readonly results: PointAssignment[];
  readonly counts: AssignCounts;
}

export interface AreaIndexOptions {
  /** Distance limit of the nearest rule, km (default 30 NM). 0 disables it. */
  readonly nearestKm?: number;
  /** Kinds that get the nearest fallback (default `['marine']`, per §2). */
  readonly nearestKinds?: readonly AreaKind[];
}

export interface AssignOptions {
  /**
   * Return memberships for these keys only. Used when one area is created or edited (all rows × that
   * area): the computation still sees every area, because the nearest rule picks among all marine areas.
   */
  readonly only?: ReadonlySet<string>;
}

interface Part {
  area: number;
  pip: PartPip | null;
  box: BoxArea['box'] | null;
}

const KIND_BIT: Record<AreaKind, number> = {
  country: 1,
  marine: 2,
  admin1: 4,
  polygon: 8,
  box: 16,
  union: 32,
};

function emptyCounts(): AssignCounts {
  return {
    points: 0,
    noPosition: 0,
    byMethod: { code: 0, pip: 0, nearest: 0, bbox: 0 },
    marine: { pip: 0, nearest: 0, unassigned: 0, inSeveral: 0 },
    country: { code: 0, pip: 0, none: 0, mismatch: 0, codeWithoutArea: 0 },
  };
}

/** Orders unions so that a union comes after the unions it uses; rejects unknown members and cycles. */
function orderUnions(unions: UnionArea[], known: ReadonlySet<string>): UnionArea[] {
  const issues: GeoIssue[] = [];
  const byKey = new Map(unions.map((u) => [u.key, u]));
  for (const u of unions)
    [...u.members, ...u.minus].forEach((k, i) => {
      if (!known.has(k))
        issues.push({ path: `${u.key}.members[${i}]`, code: 'E_UNION', message: `unknown area ${k}` });
    });
  if (issues.length > 0) throw new GeoValidationError(issues);
  const out: UnionArea[] = [];
  const state = new Map<string, 1 | 2>();
  const visit = (u: UnionArea, trail: string[]): void => {
    const s = state.get(u.key);
    if (s === 2) return;
    if (s === 1) {
      throw new GeoValidationError([
        { path: u.key, code: 'E_UNION', message: `cycle ${[...trail, u.key].join(' → ')}` },
      ]);
    }
    state.set(u.key, 1);
    for (const k of [...u.members, ...u.minus]) {
      const dep = byKey.get(k);
      if (dep) visit(dep, [...trail, u.key]);
    }
    state.set(u.key, 2);
    out.push(u);
  };
  for (const u of unions) visit(u, []);
  return out;
}

/**
 * All analysis areas behind one spatial index (§2). Geometric areas are split into polygon parts whose
 * bounding boxes go into `flatbush`; a candidate part is then tested exactly ({@link PartPip}, turf's
 * semantics, holes respected, boundary inside). Built once per set of area versions; `assign` is the
 * only hot path, and analyses never call it (assignments are cached in `incident_area`).
 */
export class AreaIndex {
  readonly areas: readonly Area[];
  private readonly byKey: Map<string, number>;
  private readonly parts: Part[];
  private readonly partIndex: Flatbush | null;
  private readonly nearestKm: number;
  private readonly nearestIdx: EdgeIndex | null;
  private readonly hasMarine: boolean;
  private readonly unions: UnionArea[];
  private readonly nearestKinds: readonly AreaKind[];

  constructor(areas: readonly Area[], options: AreaIndexOptions = {}) {
    const dup = areas.map((a) => a.key).filter((k, i, all) => all.indexOf(k) !== i);
    if (dup.length > 0) {
      throw new GeoValidationError(
        dup.map((k) => ({ path: k, code: 'E_UNION' as const, message: `duplicate area key ${k}` })),
      );
    }
    this.areas = areas;
    this.byKey = new Map(areas.map((a, i) => [a.key, i]));
    this.parts = [];
    areas.forEach((a, i) => {
      if (a.kind === 'box') {
        const [w, s, e, n] = a.box;
        if (w < e) this.parts.push({ area: i, pip: null, box: [w, s, e, n] });
        else {
          this.parts.push({ area: i, pip: null, box: [w, s, 180, n] });
          this.parts.push({ area: i, pip: null, box: [-180, s, e, n] });
        }
      } else if (hasGeometry(a)) {
        for (const poly of polygonsOf(a.geometry))
          this.parts.push({ area: i, pip: new PartPip(poly), box: null });
      }
    });
    if (this.parts.length > 0) {
      const fb = new Flatbush(this.parts.length);
      for (const p of this.parts) {
        if (p.box) fb.add(p.box[0], p.box[1], p.box[2], p.box[3]);
        else {
          const [w, s, e, n] = p.pip!.bbox;
          fb.add(w, s, e, n);
        }
      }
      fb.finish();
      this.partIndex = fb;
    } else this.partIndex = null;
    this.nearestKm = options.nearestKm ?? DEFAULT_NEAREST_KM;
    const nearestKinds = new Set<AreaKind>(options.nearestKinds ?? ['marine']);
    const nearestAreas = areas.flatMap((a, i) =>
      hasGeometry(a) && nearestKinds.has(a.kind) ? [{ owner: i, geometry: a.geometry }] : [],
    );
    this.nearestIdx = this.nearestKm > 0 && nearestAreas.length > 0 ? new EdgeIndex(nearestAreas) : null;
    this.nearestKinds = [...nearestKinds];
    this.hasMarine = areas.some((a) => a.kind === 'marine');
    this.unions = orderUnions(
      areas.filter((a): a is UnionArea => a.kind === 'union'),
      new Set(this.byKey.keys()),
    );
  }

  area(key: string): Area | undefined {
    const i = this.byKey.get(key);
    return i === undefined ? undefined : this.areas[i];
  }

  /** Keys of the geometric areas containing the point (pip and box tests only, no fallback). */
  containing(lon: number, lat: number): string[] {
    return this.containingIdx(lon, lat).map((i) => this.areas[i]!.key);
  }

  private containingIdx(lon: number, lat: number): number[] {
    if (!this.partIndex) return [];
    const hits: number[] = [];
    for (const pi of this.partIndex.search(lon, lat, lon, lat)) {
      const p = this.parts[pi]!;
      if (hits.includes(p.area)) continue;
      const inside = p.pip ? p.pip.contains(lon, lat) : true; // the box test is the index's own (inclusive)
      if (inside) hits.push(p.area);
    }
    return hits.sort((a, b) => a - b);
  }

  /**
   * The nearest area of a fallback kind within the limit, by great-circle distance to its edges; ties
   * go to the area listed first.
   */
  nearest(lon: number, lat: number, maxKm = this.nearestKm): { key: string; distanceKm: number } | null {
    const hit = this.nearestIdx?.nearestOwner(lon, lat, maxKm);
    return hit ? { key: this.areas[hit.owner]!.key, distanceKm: hit.km } : null;
  }

  /** Assigns one point; `counts` (optional) is updated in place. */
  assignOne(point: AssignPoint, counts?: AssignCounts, options: AssignOptions = {}): PointAssignment {
    const members: Membership[] = [];
    const polygonCountries: string[] = [];
    const lon = point.lon;
    const lat = point.lat;
    const positioned =
      typeof lon === 'number' && typeof lat === 'number' && Number.isFinite(lon) && Number.isFinite(lat);
    let codeCountry: string | null = null;
    if (point.countryIso3) {
      const key = `country:${point.countryIso3}`;
      if (this.byKey.has(key)) {
        codeCountry = key;
        members.push({ key, method: 'code' });
      } else if (counts) counts.country.codeWithoutArea++;
    }
    if (point.admin1Code) {
      const key = `admin1:${point.admin1Code}`;
      if (this.byKey.has(key)) members.push({ key, method: 'code' });
    }
    let marineHits = 0;
    let nearestHit = false;
    if (positioned) {
      let hitKinds = 0; // bit set of KIND_BIT
      for (const i of this.containingIdx(lon, lat)) {
        const a = this.areas[i]!;
        if (a.kind === 'country') {
          polygonCountries.push(a.key);
          continue;
        }
        members.push({ key: a.key, method: a.kind === 'box' ? 'bbox' : 'pip' });
        if (a.kind === 'marine') marineHits++;
        hitKinds |= KIND_BIT[a.kind];
      }
      if (!codeCountry) for (const key of polygonCountries) members.push({ key, method: 'pip' });
      if (this.nearestIdx) {
        // Per fallback kind with no containing polygon: the nearest area of that kind within the limit.
        for (const kind of this.nearestKinds) {
          if (hitKinds & KIND_BIT[kind]) continue;
          const hit = this.nearestIdx.nearestOwner(
            lon,
            lat,
            this.nearestKm,
            this.nearestKinds.length === 1
              ? undefined
              : (e) => this.areas[this.nearestIdx!.owner[e]!]!.kind === kind,
          );
          if (!hit) continue;
          members.push({ key: this.areas[hit.owner]!.key, method: 'nearest', distanceKm: hit.km });
          if (kind === 'marine') nearestHit = true;
        }
      }
    }
    const countryMismatch =
      codeCountry !== null && polygonCountries.length > 0 && !polygonCountries.includes(codeCountry);
    for (const u of this.unions) {
      const hit = members.find((m) => u.members.includes(m.key));
      if (hit && !members.some((m) => u.minus.includes(m.key))) {
        members.push({
          key: u.key,
          method: hit.method,
          ...(hit.distanceKm === undefined ? {} : { distanceKm: hit.distanceKm }),
        });
      }
    }
    if (counts) {
      counts.points++;
      if (!positioned) counts.noPosition++;
      else if (this.hasMarine) {
        if (marineHits > 0) counts.marine.pip++;
        else if (nearestHit) counts.marine.nearest++;
        else counts.marine.unassigned++;
        if (marineHits > 1) counts.marine.inSeveral++;
      }
      if (codeCountry) counts.country.code++;
      else if (polygonCountries.length > 0) counts.country.pip++;
      else counts.country.none++;
      if (countryMismatch) counts.country.mismatch++;
    }
    const out = options.only ? members.filter((m) => options.only!.has(m.key)) : members;
    if (counts) for (const m of out) counts.byMethod[m.method]++;
    return { memberships: out, polygonCountries, countryMismatch };
  }

  /** Assigns a batch (an import chunk); see {@link AssignCounts} for what is counted. */
  assign(points: Iterable<AssignPoint>, options: AssignOptions = {}): AssignResult {
    const counts = emptyCounts();
    const results: PointAssignment[] = [];
    for (const p of points) results.push(this.assignOne(p, counts, options));
    return { results, counts };
  }
}

export { emptyCounts };
