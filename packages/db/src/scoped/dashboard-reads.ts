/**
 * The dashboard's small reads, shaped for it: the number of agreements in force (not every row),
 * the agreements expiring in a window (not every one that ever expired), objective names only.
 * Same visibility predicate as every scoped read.
 */
import { and, asc, count, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { agreement, objective } from '../schema/index';
import type { AccessScope, Tx } from '../runtime/scope';
import type { AgreementRow } from './agreements';
import { visible } from './visible';

const forPartner = (partner: string | undefined): SQL[] =>
  partner ? [sql`${agreement.partnerIso3s} @> ARRAY[${partner}]::text[]`] : [];

/** How many visible agreements are in force (optionally naming the partner). */
export async function countAgreementsInForce(tx: Tx, s: AccessScope, partner?: string): Promise<number> {
  const r = await tx
    .select({ n: count() })
    .from(agreement)
    .where(and(visible(agreement, s), eq(agreement.status, 'in_force'), ...forPartner(partner)));
  return r[0]?.n ?? 0;
}

/** Visible agreements in force or signed that expire within [from, before], soonest first. */
export async function agreementsExpiringBetween(
  tx: Tx,
  s: AccessScope,
  w: { from: string; before: string; partner?: string | undefined },
): Promise<AgreementRow[]> {
  return tx
    .select()
    .from(agreement)
    .where(
      and(
        visible(agreement, s),
        inArray(agreement.status, ['in_force', 'signed']),
        gte(agreement.expiresOn, w.from),
        lte(agreement.expiresOn, w.before),
        ...forPartner(w.partner),
      ),
    )
    .orderBy(asc(agreement.expiresOn), asc(agreement.code));
}

/** Code and title of the visible objectives among `ids`. */
export async function objectiveNames(
  tx: Tx,
  s: AccessScope,
  ids: string[],
): Promise<{ id: string; code: string; title: string }[]> {
  if (ids.length === 0) return [];
  return tx
    .select({ id: objective.id, code: objective.code, title: objective.title })
    .from(objective)
    .where(and(visible(objective, s), sql`${objective.id} = ANY(${`{${ids.join(',')}}`}::uuid[])`));
}
