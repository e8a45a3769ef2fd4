/**
 * Reads of watch areas: the list (audited like every list read), one monitor with the paths of its
 * last evaluation and its alarms (the detail chart), and the open-alert count of the side-nav badge.
 * A hidden monitor is a 404 exactly like a missing one.
 */
import { notFound } from '@entente/core';
import {
  MonitorEvaluation,
  ROUTES,
  type MonitorDetail,
  type MonitorList,
  type OpenAlertCount,
} from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { listDatasets } from '../incidents/read-incidents';
import { areaNames, presentAlert, presentMonitor } from './present';

export async function listMonitors(uc: UseCaseCtx): Promise<MonitorList> {
  const rows = await scoped.listMonitors(uc.tx, uc.scope);
  const names = await areaNames(
    uc,
    rows.map((r) => r.areaKey),
  );
  const items = rows.map((r) => presentMonitor(uc, r, { ...r, areaName: names.get(r.areaKey) ?? r.areaKey }));
  uc.auditRead({
    route: `GET ${ROUTES.monitors}`,
    filters: {},
    count: items.length,
    ids: items.map((i) => i.id),
  });
  return { items };
}

export async function getMonitorDetail(uc: UseCaseCtx, id: string): Promise<MonitorDetail> {
  const m = await scoped.getMonitor(uc.tx, uc.scope, id);
  if (!m) throw notFound('watch area');
  const state = await scoped.getMonitorState(uc.tx, uc.scope, id);
  const alerts = await scoped.alertsOfMonitor(uc.tx, uc.scope, id);
  const names = await areaNames(uc, [m.areaKey]);
  const open = alerts.filter((a) => a.status === 'open').length;
  const last = alerts.reduce<string | null>((x, a) => (x === null || a.month > x ? a.month : x), null);
  const parsed = state ? MonitorEvaluation.safeParse(state.result) : null;
  const dataset = (await listDatasets(uc)).items.find((d) => d.code === m.source);
  const monitor = presentMonitor(uc, m, {
    areaName: names.get(m.areaKey) ?? m.areaKey,
    openAlerts: open,
    lastAlarm: last ? last.slice(0, 7) : null,
    insufficientBaseline: state?.insufficientBaseline ?? null,
    evaluatedAt: state?.evaluatedAt ?? null,
  });
  uc.auditRead({ route: `GET ${ROUTES.monitor}`, filters: { id }, count: 1, ids: [id] });
  return {
    monitor,
    evaluation: parsed?.success ? { ...parsed.data, evaluatedAt: state!.evaluatedAt } : null,
    alerts: alerts.map((a) => presentAlert(uc, a, { monitorName: m.name, areaKey: m.areaKey })),
    dataset: {
      code: m.source,
      version: dataset?.version ?? 0,
      licence: dataset?.licence ?? '',
      attribution: dataset?.attribution ?? '',
      accessedOn: dataset?.accessedOn ?? null,
      contentSha256: dataset?.contentSha256 ?? null,
    },
    note: 'Counts are reported incidents, not all incidents. Rate per area-month, not per transit: fewer attacks can mean re-routed traffic.',
  };
}

export async function openAlertCount(uc: UseCaseCtx): Promise<OpenAlertCount> {
  return { open: await scoped.countOpenAlerts(uc.tx, uc.scope) };
}
