/** The audit viewer: audit events are labelled and read through the label predicate like any record. */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { appUser, auditEvent } from '../schema/index';
import type { AccessScope, Tx } from '../runtime/scope';

/** One page of visible audit events, newest first, with the total. */
export async function listAuditEvents(tx: Tx, s: AccessScope, f: { action?: string | undefined; entity?: string | undefined; limit: number; offset: number }) {
  const c: SQL[] = [sql`${auditEvent.labelId} = ANY(${`{${s.labelIds.join(',')}}`}::uuid[])`];
  if (f.action) c.push(eq(auditEvent.action, f.action));
  if (f.entity) c.push(eq(auditEvent.entity, f.entity));
  const rows = await tx
    .select({
      seq: auditEvent.seq,
      at: auditEvent.at,
      actor: appUser.username,
      action: auditEvent.action,
      entity: auditEvent.entity,
      entityId: auditEvent.entityId,
      decision: auditEvent.decision,
      labelId: auditEvent.labelId,
      total: sql<number>`count(*) OVER ()`.mapWith(Number),
    })
    .from(auditEvent)
    .leftJoin(appUser, eq(appUser.id, auditEvent.actorId))
    .where(and(...c))
    .orderBy(desc(auditEvent.seq))
    .limit(f.limit)
    .offset(f.offset);
  return { rows, total: rows[0]?.total ?? 0 };
}
