/**
 * Acknowledge an open alert with a note: decide(update) on the alert's label, then the write and its
 * audit event in one transaction. A hidden alert is a 404 like a missing one; an acknowledged one, 409.
 */
import { DomainError, forbidden, notFound } from '@entente/core';
import type { AlertAcknowledge, AlertItem } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { presentAlert } from './present';

export async function acknowledgeAlert(uc: UseCaseCtx, id: string, q: AlertAcknowledge): Promise<AlertItem> {
  const a = await scoped.getAlert(uc.tx, uc.scope, id);
  const m = a && (await scoped.getMonitor(uc.tx, uc.scope, a.monitorId));
  if (!a || !m) throw notFound('alert');
  if (a.status !== 'open') throw new DomainError('conflict', 'This alert was already acknowledged.');
  const d = uc.access.decide(uc.subject, 'update', a.labelId, {
    kind: 'incident',
    communityId: a.communityId,
    ownerOrgId: uc.subject.orgId,
    originatorOrgId: uc.subject.orgId,
    partyOrgIds: [],
    ...uc.access.communityBounds(a.communityId),
  });
  if (d.effect !== 'permit') {
    await uc.audit({
      action: 'monitor_alert.acknowledge',
      entity: 'monitor_alert',
      entityId: id,
      labelId: a.labelId,
      decision: 'deny',
      reason: d.reason,
    });
    throw forbidden('You cannot acknowledge this alert.');
  }
  const after = await scoped.acknowledgeAlert(uc.tx, uc.scope, id, uc.subject.id, q.note);
  if (!after) throw new DomainError('conflict', 'This alert was already acknowledged.');
  await uc.audit({
    action: 'monitor_alert.acknowledged',
    entity: 'monitor_alert',
    entityId: id,
    labelId: a.labelId,
    decision: 'permit',
    details: { monitorId: a.monitorId, month: a.month.slice(0, 7), detector: a.detector, note: q.note },
  });
  return presentAlert(uc, after, { monitorName: m.name, areaKey: m.areaKey });
}
