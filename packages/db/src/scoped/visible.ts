/**
 * The storage predicate of ACCESS.md §4.2, added to every read of a labelled table. Only code
 * under packages/db/src/scoped/ may name a labelled table; RLS repeats the same rule.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { AccessScope } from '../runtime/scope';

interface LabelledColumns {
  labelId: AnyPgColumn;
  communityId: AnyPgColumn;
  partyOrgIds: AnyPgColumn;
  tlp: AnyPgColumn;
  tlpOrgIds: AnyPgColumn;
  tlpUserIds: AnyPgColumn;
}

const uuids = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** The rows of `t` that the scope may read. */
export function visible(t: LabelledColumns, s: AccessScope): SQL {
  // `@>` can use the GIN index on party_org_ids; `= ANY(column)` cannot (bench/README.md).
  const party = s.partner ? sql` AND ${t.partyOrgIds} @> ARRAY[${s.orgId}::uuid]` : sql``;
  // A bound array is a constant in the custom plan, so PostgreSQL hashes `= ANY` and estimates it
  // exactly; `IN (SELECT unnest(…))` here was planned as a nested loop (bench/README.md, finding 1).
  return sql`(${t.labelId} = ANY(${uuids(s.labelIds)}) AND ${t.communityId} = ANY(${uuids(s.communityIds)})${party}
    AND (${t.tlp} IS NULL OR ${t.tlp} IN ('clear','green') OR ${s.orgId}::uuid = ANY(${t.tlpOrgIds}) OR ${s.userId}::uuid = ANY(${t.tlpUserIds})))`;
}
