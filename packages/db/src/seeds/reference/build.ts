/**
 * Small pure builders that turn the compact tables in memberships.ts into Membership rows
 * (DOMAIN.md §4.1). Kept apart from the data so the data files stay declarative.
 */

export type MembershipStatus = 'member' | 'partner' | 'observer' | 'candidate' | 'suspended';

export interface ReferenceMembership {
  orgCode: string;
  memberIso3: string;
  status: MembershipStatus;
  /** First day of the interval (ISO date, inclusive). */
  from: string;
  /** Exclusive end: the row applies when from ≤ date < to. Absent = still current. */
  to?: string;
  sourceUrl: string;
}

/** [iso3, from] or [iso3, from, to] with `to` exclusive. */
export type MembershipTuple = readonly [iso3: string, from: string, to?: string];

export function row(
  orgCode: string,
  memberIso3: string,
  status: MembershipStatus,
  from: string,
  to: string | undefined,
  sourceUrl: string,
): ReferenceMembership {
  return to === undefined
    ? { orgCode, memberIso3, status, from, sourceUrl }
    : { orgCode, memberIso3, status, from, to, sourceUrl };
}

/** One row per tuple, all with the same organisation, status and source. */
export function rows(
  orgCode: string,
  status: MembershipStatus,
  sourceUrl: string,
  tuples: readonly MembershipTuple[],
): ReferenceMembership[] {
  return tuples.map(([iso3, from, to]) => row(orgCode, iso3, status, from, to, sourceUrl));
}

/** Every iso3 with the same `from` (e.g. founding members). */
export function sameDate(from: string, iso3s: readonly string[]): MembershipTuple[] {
  return iso3s.map((iso3) => [iso3, from] as const);
}

/** A suspension: [from, to?] with `to` exclusive (the day it was lifted). */
export type Suspension = readonly [from: string, to?: string];

/**
 * A membership split by suspensions, e.g. joined 2002-07-09 and suspended [2012-03-23, 2012-10-24)
 * gives member [2002-07-09, 2012-03-23), suspended [2012-03-23, 2012-10-24), member [2012-10-24, …).
 * Suspensions must be in date order, after `joined`, and not overlap; an open one must come last.
 */
export function withSuspensions(
  orgCode: string,
  memberIso3: string,
  joined: string,
  suspensions: readonly Suspension[],
  sources: { member: string; suspended: string },
): ReferenceMembership[] {
  const out: ReferenceMembership[] = [];
  let memberFrom: string | undefined = joined;
  for (const [from, to] of suspensions) {
    if (memberFrom === undefined || from <= memberFrom) {
      throw new Error(`${orgCode}/${memberIso3}: suspension ${from} is out of order`);
    }
    out.push(row(orgCode, memberIso3, 'member', memberFrom, from, sources.member));
    out.push(row(orgCode, memberIso3, 'suspended', from, to, sources.suspended));
    memberFrom = to;
  }
  if (memberFrom !== undefined)
    out.push(row(orgCode, memberIso3, 'member', memberFrom, undefined, sources.member));
  return out;
}
