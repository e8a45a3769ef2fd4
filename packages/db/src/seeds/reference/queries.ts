/**
 * Pure questions over membership rows (DOMAIN.md §4.1: code asks `membershipOn`, never a list
 * literal). Dates are ISO `YYYY-MM-DD` strings, which order correctly as strings. No clock is read:
 * callers pass the date ("today" for releasability, the engagement date for analytics).
 */
import type { MembershipStatus, ReferenceMembership } from './build';
import { REFERENCE_MEMBERSHIPS } from './memberships';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value);
}

function assertIsoDate(date: string): void {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${date}`);
}

/** Whether the row applies on `date`: from ≤ date < to. */
export function isCurrentOn(row: Pick<ReferenceMembership, 'from' | 'to'>, date: string): boolean {
  return row.from <= date && (row.to === undefined || date < row.to);
}

/** The row for (org, iso3) that applies on `date`, whatever its status, or undefined. */
export function membershipOn(
  orgCode: string,
  iso3: string,
  date: string,
  rows: readonly ReferenceMembership[] = REFERENCE_MEMBERSHIPS,
): ReferenceMembership | undefined {
  assertIsoDate(date);
  return rows.find((r) => r.orgCode === orgCode && r.memberIso3 === iso3 && isCurrentOn(r, date));
}

/** Whether iso3 is a full `member` (not suspended, candidate, …) of the organisation on `date`. */
export function isMemberOn(
  orgCode: string,
  iso3: string,
  date: string,
  rows: readonly ReferenceMembership[] = REFERENCE_MEMBERSHIPS,
): boolean {
  return membershipOn(orgCode, iso3, date, rows)?.status === 'member';
}

/** The iso3 codes (sorted, unique) with the given status in the organisation on `date`. */
export function membersOn(
  orgCode: string,
  date: string,
  rows: readonly ReferenceMembership[] = REFERENCE_MEMBERSHIPS,
  status: MembershipStatus = 'member',
): string[] {
  assertIsoDate(date);
  const iso3s = new Set<string>();
  for (const r of rows) {
    if (r.orgCode === orgCode && r.status === status && isCurrentOn(r, date)) iso3s.add(r.memberIso3);
  }
  return [...iso3s].sort();
}

/** The organisations (sorted) that iso3 is a full member of on `date`: the `m.org` tokens of ACCESS.md §3. */
export function organisationsOf(
  iso3: string,
  date: string,
  rows: readonly ReferenceMembership[] = REFERENCE_MEMBERSHIPS,
): string[] {
  assertIsoDate(date);
  const codes = new Set<string>();
  for (const r of rows) {
    if (r.memberIso3 === iso3 && r.status === 'member' && isCurrentOn(r, date)) codes.add(r.orgCode);
  }
  return [...codes].sort();
}

/** Pairs of rows for the same (org, member) whose intervals overlap, plus rows with from ≥ to. */
export function findMembershipConflicts(rows: readonly ReferenceMembership[]): string[] {
  const problems: string[] = [];
  const groups = new Map<string, ReferenceMembership[]>();
  for (const r of rows) {
    if (r.to !== undefined && r.to <= r.from)
      problems.push(`${r.orgCode}/${r.memberIso3}: empty interval ${r.from}..${r.to}`);
    const key = `${r.orgCode}/${r.memberIso3}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  for (const [key, group] of groups) {
    const sorted = [...group].sort((a, b) => a.from.localeCompare(b.from));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1];
      const next = sorted[i];
      if (prev && next && (prev.to === undefined || prev.to > next.from)) {
        problems.push(
          `${key}: ${prev.status} ${prev.from}..${prev.to ?? '∞'} overlaps ${next.status} from ${next.from}`,
        );
      }
    }
  }
  return problems;
}
