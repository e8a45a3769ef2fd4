/** Engagement invariants that do not need the database: the golden thread, dates, participants. */
import type { FieldProblem } from '../shared/errors';
import type { EngagementLocation, Participation } from './entity';

export interface EngagementDraft {
  objectiveIds: string[];
  plannedStart: string;
  plannedEnd: string;
  actualStart?: string | null | undefined;
  actualEnd?: string | null | undefined;
  participants: Participation[];
  partnerIso3s: string[];
  locations: EngagementLocation[];
}

/** Problems with a draft engagement, each with its field path; empty when it may be saved. */
export function checkEngagementDraft(d: EngagementDraft): FieldProblem[] {
  const p: FieldProblem[] = [];
  if (d.objectiveIds.length === 0)
    p.push({ path: 'objectiveIds', message: 'Link at least one strategic objective (the golden thread).' });
  if (d.partnerIso3s.length === 0) p.push({ path: 'partnerIso3s', message: 'Name at least one partner.' });
  if (d.plannedEnd < d.plannedStart) p.push({ path: 'plannedEnd', message: 'The planned end is before the planned start.' });
  if (d.actualStart && d.actualEnd && d.actualEnd < d.actualStart)
    p.push({ path: 'actualEnd', message: 'The actual end is before the actual start.' });
  const leads = d.participants.filter((x) => x.role === 'lead').length;
  if (d.participants.length > 0 && leads !== 1)
    p.push({ path: 'participants', message: `Exactly one participant must lead (found ${leads}).` });
  d.participants.forEach((x, i) => {
    if (!Number.isInteger(x.plannedHeadcount) || x.plannedHeadcount < 0)
      p.push({ path: `participants.${i}.plannedHeadcount`, message: 'A headcount is a whole number, 0 or more.' });
  });
  d.locations.forEach((l, i) => {
    if (l.lat !== undefined && (l.lat < -90 || l.lat > 90)) p.push({ path: `locations.${i}.lat`, message: 'Latitude must lie between -90 and 90.' });
    if (l.lon !== undefined && (l.lon < -180 || l.lon > 180)) p.push({ path: `locations.${i}.lon`, message: 'Longitude must lie between -180 and 180.' });
  });
  return p;
}

/** Two closed date intervals overlap. */
export const overlaps = (aStart: string, aEnd: string, bStart: string, bEnd: string) => aStart <= bEnd && bStart <= aEnd;
