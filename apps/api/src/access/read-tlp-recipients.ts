/** The TLP recipients of a visible engagement or agreement, with the label's colour (recipients matter only when it has one). */
import { notFound } from '@entente/core';
import type { TlpRecipientsView } from '@entente/contracts';
import { scoped, users } from '@entente/db';
import type { UseCaseCtx } from '../context';

export async function readTlpRecipients(
  uc: UseCaseCtx,
  kind: scoped.TlpRecordKind,
  id: string,
): Promise<TlpRecipientsView> {
  const rec = await scoped.findTlpRecord(uc.tx, uc.scope, kind, id);
  if (!rec) throw notFound(kind);
  uc.mark(rec.labelId);
  const r = scoped.tlpRecipientsOf(rec);
  const named = [];
  for (const uid of r.userIds) {
    const u = await users.userById(uc.tx, uid);
    if (u) named.push({ id: u.id, username: u.username, displayName: u.displayName });
  }
  return {
    tlp: uc.access.label(rec.labelId)?.tlp ?? null,
    orgIds: r.orgIds,
    clientOrgIds: r.clientOrgIds,
    users: named,
    version: rec.version,
  };
}
