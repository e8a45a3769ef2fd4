/**
 * Evaluate one watch area (EVALUATION.md §4.8): read the monitor's area series in its creator's
 * scope, counting only labels the monitor's own label dominates (so nothing the monitor derives is
 * more sensitive than the monitor), run the pure `monitorSeries`, then store the new alert months
 * (idempotent per monitor, month and detector), the state, and the audit event — one transaction.
 */
import { dominates } from '@entente/core';
import type { MonitorEvaluation } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { MonitorResult } from '@entente/stats';
import type { UseCaseCtx } from '../context';
import { monthsBetween } from '../evaluation/run-evaluation';
import { listDatasets } from '../incidents/read-incidents';
import { computeMonitor } from './compute';

/** Months the rolling baseline needs before the first month it can judge (§4.8: at least 24). */
const MIN_BASELINE = 24;
const fin = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? null : x;

/** The labels of the subject's scope that `labelId` dominates (unknown or incomparable: left out). */
export function dominatedLabels(uc: UseCaseCtx, labelId: string): string[] {
  const top = uc.access.label(labelId);
  if (!top) return [];
  const registry = uc.access.registry();
  return uc.scope.labelIds.filter((id) => {
    const l = uc.access.label(id);
    try {
      return !!l && dominates(top, l, registry);
    } catch {
      return false;
    }
  });
}

export interface AlertMonth {
  month: string;
  detector: 'shewhart' | 'cusum' | 'bocpd';
  statistic: number;
  threshold: number;
  expected: number | null;
  observed: number;
  episodeId: string;
}

/** Every alarm month of every detector, with its statistic, threshold, μ̂ and count. */
export function alarmMonths(months: readonly string[], y: readonly number[], r: MonitorResult): AlertMonth[] {
  const start = months.indexOf(r.monitorFrom);
  const episode = (detector: AlertMonth['detector'], month: string) => {
    const e = r.alerts.find((a) => a.detector === detector && a.start <= month && month <= a.end);
    return `${detector}:${e?.start ?? month}`;
  };
  const out: AlertMonth[] = [];
  const push = (t: number, detector: AlertMonth['detector'], statistic: number, threshold: number) =>
    out.push({
      month: months[t]!,
      detector,
      statistic,
      threshold,
      expected: fin(r.baseline.mu[t]),
      observed: y[t]!,
      episodeId: episode(detector, months[t]!),
    });
  months.forEach((_, t) => {
    const s = r.cusum?.statistic[t];
    if (r.cusum && s !== null && s !== undefined && s > r.cusum.h) push(t, 'cusum', s, r.cusum.h);
    const lim = r.shewhart.limit[t];
    if (t >= start && lim !== null && lim !== undefined && y[t]! > lim) push(t, 'shewhart', y[t]!, lim);
  });
  if (r.bocpd && start >= 0) {
    const b = r.bocpd;
    b.changeProb.forEach((p, i) => {
      // The first 12 monitored months are BOCPD's warm-up: they never signal (bocpdSignals).
      if (i >= 12 && p > b.threshold) push(start + i, 'bocpd', p, b.threshold);
    });
  }
  return out.sort((a, b) =>
    a.month < b.month ? -1 : a.month > b.month ? 1 : a.detector < b.detector ? -1 : 1,
  );
}

export async function runMonitor(
  uc: UseCaseCtx,
  m: scoped.MonitorRow,
): Promise<{ newAlerts: number; evaluation: MonitorEvaluation }> {
  const counted = dominatedLabels(uc, m.labelId);
  const scope = { ...uc.scope, labelIds: counted };
  const area = await scoped.getArea(uc.tx, uc.scope, m.areaKey);
  const dataset = (await listDatasets(uc)).items.find((d) => d.code === m.source);
  const range = area ? await scoped.datasetMonths(uc.tx, scope, m.source) : null;
  const from = m.seriesFrom ? m.seriesFrom.slice(0, 7) : range?.from;
  const months = range && from && from <= range.to ? monthsBetween(from, range.to) : [];
  const y = months.map(() => 0);
  let excluded = { datePrecision: 0, locationPrecision: 0 };
  if (area && months.length) {
    const s = await scoped.incidentSeries(uc.tx, scope, {
      area: area.key,
      source: m.source,
      maxLocLevel: area.kind === 'country' ? 5 : 3,
      types: m.eventTypes.length ? m.eventTypes : undefined,
      from: `${months[0]}-01`,
      to: `${months.at(-1)}-01`,
    });
    const index = new Map(months.map((x, i) => [x, i]));
    // Inside the dataset's coverage a month without a reported incident is zero (§3).
    for (const p of s.points) {
      const i = index.get(p.month);
      if (i !== undefined) y[i] = p.count;
    }
    excluded = s.excluded;
  }
  const insufficient = months.length <= MIN_BASELINE;
  const r = insufficient
    ? null
    : await computeMonitor({
        months,
        y,
        seed: `monitor:${m.id}`,
        rho: m.rho,
        targetArl: m.targetArl,
        bocpd: { threshold: m.bocpdThreshold },
      });
  const noBaseline = !r || r.cusum === null;
  const found = r && !noBaseline ? alarmMonths(months, y, r) : [];
  const inserted = await scoped.insertAlerts(
    uc.tx,
    found.map((a) => ({
      monitorId: m.id,
      month: `${a.month}-01`,
      detector: a.detector,
      statistic: a.statistic,
      threshold: a.threshold,
      expected: a.expected,
      observed: a.observed,
      episodeId: a.episodeId,
      labelId: m.labelId,
      communityId: m.communityId,
    })),
  );
  const start = r ? months.indexOf(r.monitorFrom) : -1;
  const evaluation: MonitorEvaluation = {
    monitorVersion: m.version,
    evaluatedAt: new Date().toISOString(),
    lastMonth: months.at(-1) ?? null,
    insufficientBaseline: noBaseline,
    monitorFrom: r && !noBaseline ? r.monitorFrom : null,
    h: fin(r?.cusum?.h),
    arl: fin(r?.cusum?.arl),
    arlSe: fin(r?.cusum?.arlSe),
    bocpdThreshold: fin(r?.bocpd?.threshold),
    bocpdCalibrated: r?.bocpd?.calibrated ?? null,
    warnings: [
      ...(noBaseline
        ? [
            {
              code: 'INSUFFICIENT_BASELINE',
              severity: 'block',
              message: `Fewer than ${MIN_BASELINE} months of data before the first month to judge: no alarms are issued.`,
            },
          ]
        : []),
      ...(r?.warnings ?? []).map((w) => ({ code: w.code, severity: w.severity, message: w.message })),
    ],
    series: {
      months,
      observed: y,
      baseline: months.map((_, t) => (r && t >= start ? fin(r.baseline.mu[t]) : null)),
      shewhartLimit: months.map((_, t) => fin(r?.shewhart.limit[t])),
      cusum: months.map((_, t) => fin(r?.cusum?.statistic[t])),
      bocpd: months.map((_, t) =>
        r?.bocpd && start >= 0 && t >= start ? fin(r.bocpd.changeProb[t - start]) : null,
      ),
    },
    excluded,
    sourceSwitches: (dataset?.caveats ?? []).flatMap((c) =>
      c.date && months.length && c.date.slice(0, 7) > months[0]! && c.date.slice(0, 7) <= months.at(-1)!
        ? [c.date]
        : [],
    ),
  };
  await scoped.saveMonitorState(uc.tx, {
    monitorId: m.id,
    monitorVersion: m.version,
    lastMonth: months.length ? `${months.at(-1)}-01` : null,
    arl: evaluation.arl,
    arlSe: evaluation.arlSe,
    h: evaluation.h,
    insufficientBaseline: noBaseline,
    countedLabelIds: counted,
    result: { ...evaluation, datasetVersion: dataset?.version ?? 0 },
    labelId: m.labelId,
    communityId: m.communityId,
  });
  await uc.audit({
    action: 'monitor.evaluated',
    entity: 'monitor',
    entityId: m.id,
    entityVersion: m.version,
    labelId: m.labelId,
    decision: 'permit',
    details: {
      newAlerts: inserted.length,
      alarmMonths: found.length,
      lastMonth: evaluation.lastMonth,
      h: evaluation.h,
      arl: evaluation.arl,
      insufficientBaseline: noBaseline,
      countedLabels: counted.length,
    },
  });
  return { newAlerts: inserted.length, evaluation };
}
