/**
 * Create a watch area: check the area and dataset, take the community's default label (as an
 * incident import does; the monitor counts only rows that label dominates), decide(create), store it
 * with its audit event in one transaction, and queue its first evaluation after the commit.
 */
import { DomainError, type FieldProblem } from '@entente/core';
import type { MonitorCreate, MonitorItem } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { communityDefaultLabel } from '../incidents/community-label';
import { queueAfterCommit } from './monitor-queue';
import { presentMonitor } from './present';

/** The area by key, or a validation error on `path` (an unknown or hidden area reads the same). */
export async function requireArea(uc: UseCaseCtx, key: string, path = 'areaKey') {
  const area = await scoped.getArea(uc.tx, uc.scope, key);
  if (!area)
    throw new DomainError('validation', 'Choose an area from the list.', [
      { path, message: `unknown area '${key}'` },
    ]);
  return area;
}

/** `seriesFrom` must leave room for a baseline: a monitor starting in the future has no series. */
export function checkSeriesFrom(seriesFrom: string | null | undefined): FieldProblem[] {
  const now = new Date().toISOString().slice(0, 7);
  return seriesFrom && seriesFrom > now ? [{ path: 'seriesFrom', message: 'must not be in the future' }] : [];
}

const monitorLabel = (uc: UseCaseCtx, communityCode: string | undefined) =>
  communityDefaultLabel(uc, communityCode, {
    action: 'monitor.create',
    entity: 'monitor',
    doing: 'create watch areas',
  });

export async function createMonitor(uc: UseCaseCtx, q: MonitorCreate): Promise<MonitorItem> {
  const problems = checkSeriesFrom(q.seriesFrom);
  if (problems.length) throw new DomainError('validation', 'The watch area is not valid.', problems);
  const area = await requireArea(uc, q.areaKey);
  const { communityId, labelId } = await monitorLabel(uc, q.community);
  const m = await scoped.insertMonitor(uc.tx, {
    name: q.name,
    areaKey: area.key,
    source: q.source,
    eventTypes: q.eventTypes,
    seriesFrom: q.seriesFrom ? `${q.seriesFrom}-01` : null,
    rho: q.rho,
    targetArl: q.targetArl,
    bocpdThreshold: q.bocpdThreshold,
    labelId,
    communityId,
    createdBy: uc.subject.id,
    updatedBy: uc.subject.id,
  });
  await uc.audit({
    action: 'monitor.created',
    entity: 'monitor',
    entityId: m.id,
    entityVersion: m.version,
    labelId,
    decision: 'permit',
    after: { ...q },
  });
  await queueAfterCommit(uc, m);
  return presentMonitor(uc, m, { areaName: area.name });
}
