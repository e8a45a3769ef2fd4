/**
 * Partner status changes (DOMAIN.md §2.2) through the visibility predicate: the partner record
 * under lock, its optimistic-concurrency update, and the engagements and review due items the
 * change touches. RLS repeats every rule (partner and due_item update policies).
 */
import { and, eq, sql } from 'drizzle-orm';
import { dueItem, engagement, partner } from '../schema/index';
import type { AccessScope, Tx } from '../runtime/scope';
import type { PartnerRow } from './partners';
import type { DueItemRow } from './due-items';
import { visible } from './visible';

const textArr = (v: string[]) =>
  sql`${`{${v.map((x) => `"${x.replace(/["\\]/g, '')}"`).join(',')}}`}::text[]`;

/** The visible partner record of one state, locked for update; null when missing or hidden. */
export async function lockPartnerRecord(tx: Tx, s: AccessScope, iso3: string): Promise<PartnerRow | null> {
  const rows = await tx
    .select()
    .from(partner)
    .where(and(eq(partner.iso3, iso3), visible(partner, s)))
    .for('update');
  return rows[0] ?? null;
}

/** Set the status when the stored version is still `version`; null when stale (or hidden). */
export async function setPartnerStatus(
  tx: Tx,
  s: AccessScope,
  iso3: string,
  version: number,
  status: string,
  by: string,
): Promise<PartnerRow | null> {
  const rows = await tx
    .update(partner)
    .set({ status, updatedBy: by, updatedAt: sql`now()`, version: sql`${partner.version} + 1` })
    .where(and(eq(partner.iso3, iso3), eq(partner.version, version), visible(partner, s)))
    .returning();
  return rows[0] ?? null;
}

export interface PartnerEngagementRef {
  id: string;
  code: string;
  title: string;
  leadOrgId: string;
  labelId: string;
  communityId: string;
}

/** The visible engagements with a partner in one of `statuses`, by code. */
export async function partnerEngagementsIn(
  tx: Tx,
  s: AccessScope,
  iso3: string,
  statuses: string[],
): Promise<PartnerEngagementRef[]> {
  return tx
    .select({
      id: engagement.id,
      code: engagement.code,
      title: engagement.title,
      leadOrgId: engagement.leadOrgId,
      labelId: engagement.labelId,
      communityId: engagement.communityId,
    })
    .from(engagement)
    .where(
      and(
        visible(engagement, s),
        sql`${engagement.partnerIso3s} @> ${textArr([iso3])}`,
        sql`${engagement.status} = ANY(${textArr(statuses)})`,
      ),
    )
    .orderBy(engagement.code)
    .limit(10_000);
}

/** Open (pending or overdue) visible items of `kind` about the visible engagements with a partner, locked. */
export async function openEngagementItemsOfPartner(
  tx: Tx,
  s: AccessScope,
  iso3: string,
  kind: string,
): Promise<DueItemRow[]> {
  const ids = tx
    .select({ id: engagement.id })
    .from(engagement)
    .where(and(visible(engagement, s), sql`${engagement.partnerIso3s} @> ${textArr([iso3])}`));
  return tx
    .select()
    .from(dueItem)
    .where(
      and(
        visible(dueItem, s),
        eq(dueItem.kind, kind),
        eq(dueItem.subjectKind, 'engagement'),
        eq(dueItem.status, 'pending'),
        sql`${dueItem.subjectId} IN ${ids}`,
      ),
    )
    .orderBy(dueItem.subjectCode)
    .for('update', { of: dueItem });
}
