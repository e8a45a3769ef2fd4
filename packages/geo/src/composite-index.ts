import {
  AreaIndex,
  emptyCounts,
  type AssignCounts,
  type AssignOptions,
  type AssignPoint,
  type AssignResult,
  type PointAssignment,
} from './area-index.ts';
import type { Area } from './types.ts';
import { GeoValidationError } from './validate.ts';

/**
 * An index of extra areas (custom polygons and boxes, admin-1 codes) layered on a built base index
 * (countries and marine regions), so that adding an area does not rebuild the base's part index and
 * nearest-edge index (seconds for the Natural Earth polygons). Memberships are the base's followed
 * by the extras'; counts are the base's plus the extras' memberships by method. Extras may not be
 * marine (the nearest rule picks among all marine areas), countries or unions.
 */
export class LayeredAreaIndex extends AreaIndex {
  constructor(
    private readonly base: AreaIndex,
    extras: readonly Area[],
  ) {
    const bad = extras.filter(
      (a) => a.kind === 'marine' || a.kind === 'country' || a.kind === 'union' || base.area(a.key),
    );
    if (bad.length > 0) {
      throw new GeoValidationError(
        bad.map((a) => ({
          path: a.key,
          code: 'E_UNION' as const,
          message: `${a.key} cannot be layered on the base index`,
        })),
      );
    }
    super(extras, { nearestKm: 0 });
  }

  override area(key: string): Area | undefined {
    return this.base.area(key) ?? super.area(key);
  }

  override containing(lon: number, lat: number): string[] {
    return [...this.base.containing(lon, lat), ...super.containing(lon, lat)];
  }

  override nearest(lon: number, lat: number, maxKm?: number): { key: string; distanceKm: number } | null {
    return this.base.nearest(lon, lat, maxKm);
  }

  override assignOne(
    point: AssignPoint,
    counts?: AssignCounts,
    options: AssignOptions = {},
  ): PointAssignment {
    const a = this.base.assignOne(point, counts, options);
    const extra = super.assignOne(point, undefined, options).memberships;
    if (counts) for (const m of extra) counts.byMethod[m.method]++;
    return { ...a, memberships: [...a.memberships, ...extra] };
  }

  override assign(points: Iterable<AssignPoint>, options: AssignOptions = {}): AssignResult {
    const counts = emptyCounts();
    const results: PointAssignment[] = [];
    for (const p of points) results.push(this.assignOne(p, counts, options));
    return { results, counts };
  }
}
