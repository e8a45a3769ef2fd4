/** Deconfliction (DOMAIN.md §4.5): overlapping bookings of the same partner unit, partner load, agreements. */
import { overlaps } from './rules';

export interface DeconflictionInput {
  id?: string | undefined;
  plannedStart: string;
  plannedEnd: string;
  partnerIso3s: string[];
  /** Partner-side organisations taking part (not our own units). */
  partnerOrgIds: string[];
}

export interface Booking {
  id: string;
  code: string;
  plannedStart: string;
  plannedEnd: string;
  partnerIso3s: string[];
  partnerOrgIds: string[];
}

export interface Capacity {
  partnerIso3: string;
  from: string;
  to: string;
  maxConcurrentEngagements: number;
}

export interface DeconflictionWarning {
  kind: 'overlap' | 'capacity' | 'capacity_near' | 'no_agreement';
  severity: 'warning' | 'blocking';
  message: string;
  engagementIds: string[];
}

/** Warnings for a planned engagement against other bookings and partner capacity. */
export function deconflict(e: DeconflictionInput, others: Booking[], capacities: Capacity[]): DeconflictionWarning[] {
  const out: DeconflictionWarning[] = [];
  const concurrent = others.filter((o) => o.id !== e.id && overlaps(e.plannedStart, e.plannedEnd, o.plannedStart, o.plannedEnd));
  for (const orgId of e.partnerOrgIds) {
    const clash = concurrent.filter((o) => o.partnerOrgIds.includes(orgId));
    if (clash.length)
      out.push({
        kind: 'overlap',
        severity: 'blocking',
        message: `The same partner unit is booked in an overlapping window: ${clash.map((c) => c.code).join(', ')}.`,
        engagementIds: clash.map((c) => c.id),
      });
  }
  for (const iso3 of e.partnerIso3s) {
    const cap = capacities.find((c) => c.partnerIso3 === iso3 && overlaps(c.from, c.to, e.plannedStart, e.plannedEnd));
    if (!cap || cap.maxConcurrentEngagements <= 0) continue;
    const load = concurrent.filter((o) => o.partnerIso3s.includes(iso3));
    const ratio = (load.length + 1) / cap.maxConcurrentEngagements;
    if (ratio > 1)
      out.push({
        kind: 'capacity',
        severity: 'blocking',
        message: `${iso3} would have ${load.length + 1} concurrent engagements, above its absorptive capacity of ${cap.maxConcurrentEngagements}.`,
        engagementIds: load.map((o) => o.id),
      });
    else if (ratio >= 0.8)
      out.push({
        kind: 'capacity_near',
        severity: 'warning',
        message: `${iso3} would reach ${Math.round(ratio * 100)} % of its absorptive capacity (${load.length + 1} of ${cap.maxConcurrentEngagements} concurrent engagements).`,
        engagementIds: load.map((o) => o.id),
      });
  }
  return out;
}
