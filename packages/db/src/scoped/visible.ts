/**
 * The storage predicate of ACCESS.md §4.2, added to every read of a labelled table. Only code
 * under packages/db/src/scoped/ may name a labelled table; RLS repeats the same rule.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { AccessScope, Tx } from '../runtime/scope';

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

const idArray = (ids: string[]) => `{${[...new Set(ids)].join(',')}}`;

/**
 * Let this transaction read and write `labelIds` as well as the scope's own labels, after decide()
 * or the domain rule of the use case permitted it (a relabel, an evaluation's raised label, an
 * owner's plan approval). Transaction-local, and the (cached, shared) scope object is left as it is,
 * so a user without write roles does not keep the permission afterwards.
 */
export async function allowLabelsInTx(tx: Tx, s: AccessScope, labelIds: string[]): Promise<void> {
  await tx.execute(sql`SELECT set_config('entente.label_ids', ${idArray([...s.labelIds, ...labelIds])}, true),
    set_config('entente.write_label_ids', ${idArray([...s.writeLabelIds, ...labelIds])}, true)`);
}
