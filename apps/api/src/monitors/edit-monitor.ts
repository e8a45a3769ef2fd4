/**
 * Edit or disable a watch area at the version the user saw (409 when someone changed it first; a
 * hidden monitor is a 404 like a missing one). A changed setting re-runs it after the commit; alerts
 * already raised stay (they are idempotent per monitor, month and detector).
 */
import { DomainError, forbidden, notFound } from '@entente/core';
import type { MonitorItem, MonitorUpdate } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { checkSeriesFrom, requireArea } from './create-monitor';
import { queueAfterCommit } from './monitor-queue';
import { presentMonitor } from './present';

export async function editMonitor(uc: UseCaseCtx, id: string, q: MonitorUpdate): Promise<MonitorItem> {
  const before = await scoped.getMonitor(uc.tx, uc.scope, id);
  if (!before) throw notFound('watch area');
  const d = uc.access.decide(uc.subject, 'update', before.labelId, {
    kind: 'incident',
    communityId: before.communityId,
    ownerOrgId: uc.subject.orgId,
    originatorOrgId: uc.subject.orgId,
    partyOrgIds: [],
    ...uc.access.communityBounds(before.communityId),
  });
  if (d.effect !== 'permit') {
    await uc.audit({
      action: 'monitor.update',
      entity: 'monitor',
      entityId: id,
      labelId: before.labelId,
      decision: 'deny',
      reason: d.reason,
    });
    throw forbidden('You cannot edit this watch area.');
  }
  const problems = checkSeriesFrom(q.seriesFrom);
  if (problems.length) throw new DomainError('validation', 'The watch area is not valid.', problems);
  const area = await requireArea(uc, q.areaKey ?? before.areaKey);
  const { version, seriesFrom, ...rest } = q;
  // Only the fields sent change (exactOptionalPropertyTypes: undefined is not "unset").
  const patch = Object.fromEntries(
    Object.entries({
      ...rest,
      ...(seriesFrom !== undefined ? { seriesFrom: seriesFrom ? `${seriesFrom}-01` : null } : {}),
    }).filter(([, v]) => v !== undefined),
  ) as Partial<scoped.MonitorInsert>;
  const after = await scoped.updateMonitor(uc.tx, uc.scope, id, version, {
    ...patch,
    updatedBy: uc.subject.id,
  });
  if (after === null) throw notFound('watch area');
  if (after === 'stale')
    throw new DomainError(
      'stale_version',
      'Someone else changed this watch area. Reload to see their changes.',
    );
  await uc.audit({
    action: after.enabled ? 'monitor.updated' : 'monitor.disabled',
    entity: 'monitor',
    entityId: id,
    entityVersion: after.version,
    labelId: after.labelId,
    decision: 'permit',
    before: { ...before },
    after: { ...after },
  });
  if (after.enabled) await queueAfterCommit(uc, after);
  return presentMonitor(uc, after, { areaName: area.name });
}
