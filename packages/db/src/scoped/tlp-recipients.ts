/**
 * TLP recipients (ACCESS.md §2; ADR 0007): record metadata `{ orgIds, clientOrgIds?, userIds? }`, not part
 * of the label. Stored as entered in `tlp_recipients`; the trigger of migration 0017 derives `tlp`,
 * `tlp_org_ids` and `tlp_user_ids` from it and the label's colour, which the read predicate (visible.ts)
 * and RLS test, so the SQL filter admits exactly whom checkTlp() admits.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { TlpRecipients } from '@entente/core';
import { agreement, engagement } from '../schema/index';
import type { AccessScope, Tx } from '../runtime/scope';
import { visible } from './visible';

export type TlpRecordKind = 'engagement' | 'agreement';

/** The recipients as stored (empty sets when none were entered). */
export function tlpRecipientsOf(row: { tlpRecipients: unknown }): Required<TlpRecipients> {
  const r = (row.tlpRecipients ?? {}) as Partial<TlpRecipients>;
  return { orgIds: r.orgIds ?? [], clientOrgIds: r.clientOrgIds ?? [], userIds: r.userIds ?? [] };
}

export interface TlpRecord {
  id: string;
  labelId: string;
  communityId: string;
  partyOrgIds: string[];
  ownerOrgId: string;
  tlpRecipients: unknown;
  version: number;
}

/** The labelled facts and recipients of a visible engagement or agreement, or null (hidden and missing are the same). */
export async function findTlpRecord(
  tx: Tx,
  s: AccessScope,
  kind: TlpRecordKind,
  id: string,
  forUpdate = false,
): Promise<TlpRecord | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const t = kind === 'engagement' ? engagement : agreement;
  const q = tx
    .select({
      id: t.id,
      labelId: t.labelId,
      communityId: t.communityId,
      partyOrgIds: t.partyOrgIds,
      ownerOrgId: t.ownerOrgId,
      tlpRecipients: t.tlpRecipients,
      version: t.version,
    })
    .from(t)
    .where(and(eq(t.id, id), visible(t, s)));
  const rows = forUpdate ? await q.for('update') : await q;
  return rows[0] ?? null;
}

/** Replace the recipients of a visible record when its version is still `version`; the new version, or null when stale or hidden. */
export async function setTlpRecipients(
  tx: Tx,
  s: AccessScope,
  kind: TlpRecordKind,
  id: string,
  version: number,
  r: Required<TlpRecipients>,
  by: string,
): Promise<{ version: number; labelId: string } | null> {
  const t = kind === 'engagement' ? engagement : agreement;
  const rows = await tx
    .update(t)
    .set({ tlpRecipients: r, updatedBy: by, updatedAt: sql`now()`, version: sql`${t.version} + 1` })
    .where(and(eq(t.id, id), eq(t.version, version), visible(t, s)))
    .returning({ version: t.version, labelId: t.labelId });
  return rows[0] ?? null;
}

/** The plan of the bare read predicate over engagements or agreements (plan checks in tests and bench: ADR 0004, 0007). */
export async function explainVisible(tx: Tx, s: AccessScope, kind: TlpRecordKind): Promise<string> {
  const t = kind === 'engagement' ? engagement : agreement;
  const r = await tx.execute<{ 'QUERY PLAN': string }>(
    sql`EXPLAIN SELECT ${t.id} FROM ${t} WHERE ${visible(t, s)}`,
  );
  return r.rows.map((x) => x['QUERY PLAN']).join('\n');
}
