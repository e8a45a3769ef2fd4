/** Monitor and alert rows as the API sends them, with their portion marks. */
import type { AlertItem, MonitorItem } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';

const month = (d: string) => d.slice(0, 7);

/** Area names by key, for the monitors shown (a hidden or deleted area shows its key). */
export async function areaNames(uc: UseCaseCtx, keys: Iterable<string>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const k of new Set(keys)) out.set(k, (await scoped.getArea(uc.tx, uc.scope, k))?.name ?? k);
  return out;
}

export function presentMonitor(
  uc: UseCaseCtx,
  m: scoped.MonitorRow,
  extra: {
    areaName: string;
    openAlerts?: number;
    lastAlarm?: string | null;
    insufficientBaseline?: boolean | null;
    evaluatedAt?: string | null;
  },
): MonitorItem {
  return {
    id: m.id,
    name: m.name,
    areaKey: m.areaKey,
    areaName: extra.areaName,
    source: m.source as MonitorItem['source'],
    eventTypes: m.eventTypes,
    seriesFrom: m.seriesFrom ? month(m.seriesFrom) : null,
    rho: m.rho,
    targetArl: m.targetArl,
    bocpdThreshold: m.bocpdThreshold,
    enabled: m.enabled,
    labelId: m.labelId,
    portion: uc.mark(m.labelId),
    createdBy: m.createdBy,
    createdAt: m.createdAt,
    version: m.version,
    openAlerts: extra.openAlerts ?? 0,
    lastAlarm: extra.lastAlarm ?? null,
    insufficientBaseline: extra.insufficientBaseline ?? null,
    evaluatedAt: extra.evaluatedAt ?? null,
  };
}

export function presentAlert(
  uc: UseCaseCtx,
  a: scoped.MonitorAlertRow,
  m: { monitorName: string; areaKey: string },
): AlertItem {
  return {
    id: a.id,
    monitorId: a.monitorId,
    monitorName: m.monitorName,
    areaKey: m.areaKey,
    month: month(a.month),
    detector: a.detector as AlertItem['detector'],
    statistic: a.statistic,
    threshold: a.threshold,
    expected: a.expected,
    observed: a.observed,
    episodeId: a.episodeId,
    status: a.status as AlertItem['status'],
    acknowledgedBy: a.acknowledgedBy,
    acknowledgedAt: a.acknowledgedAt,
    note: a.note,
    labelId: a.labelId,
    portion: uc.mark(a.labelId),
    createdAt: a.createdAt,
  };
}
