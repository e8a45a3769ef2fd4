/** Watch-area calls (EVALUATION.md §4.8), typed by the contracts. */
import {
  AlertItem,
  AlertPage,
  MonitorDetail,
  MonitorItem,
  MonitorList,
  OpenAlertCount,
  ROUTES,
} from '@entente/contracts';
import type { MonitorCreate, MonitorUpdate } from '@entente/contracts';
import { api, pathOf } from '../../lib/api';
import type { Out, Query } from '../../lib/api';

export type MonitorRow = Out<typeof MonitorItem>;
export type MonitorDetailData = Out<typeof MonitorDetail>;
export type AlertRow = Out<typeof AlertItem>;
export type AlertPageData = Out<typeof AlertPage>;
export type MonitorInput = Omit<
  MonitorCreate,
  'eventTypes' | 'seriesFrom' | 'rho' | 'targetArl' | 'bocpdThreshold'
> &
  Partial<Pick<MonitorCreate, 'eventTypes' | 'seriesFrom' | 'rho' | 'targetArl' | 'bocpdThreshold'>>;

export const monitorsApi = {
  list: (signal?: AbortSignal) => api.get(ROUTES.monitors, MonitorList, undefined, signal),
  get: (id: string, signal?: AbortSignal) =>
    api.get(pathOf(ROUTES.monitor, { id }), MonitorDetail, undefined, signal),
  create: (body: MonitorInput) => api.post(ROUTES.monitors, MonitorItem, body),
  update: (id: string, body: MonitorUpdate) => api.put(pathOf(ROUTES.monitor, { id }), MonitorItem, body),
  disable: (id: string, version: number) =>
    api.post(pathOf(ROUTES.monitorDisable, { id }), MonitorItem, { version }),
  alerts: (q: Query, signal?: AbortSignal) => api.get(ROUTES.monitorAlerts, AlertPage, q, signal),
  openCount: (signal?: AbortSignal) => api.get(ROUTES.monitorAlertCount, OpenAlertCount, undefined, signal),
  acknowledge: (id: string, note: string) =>
    api.post(pathOf(ROUTES.monitorAlertAcknowledge, { id }), AlertItem, { note }),
};

/** Query keys: every watch-area query starts with `monitors`, so one invalidation refreshes them all. */
export const monitorKeys = {
  all: ['monitors'] as const,
  list: ['monitors', 'list'] as const,
  detail: (id: string) => ['monitors', 'detail', id] as const,
  alerts: (q: Query) => ['monitors', 'alerts', q] as const,
  count: ['monitors', 'count'] as const,
};

export const DETECTOR_LABELS: Record<string, string> = {
  shewhart: 'Shewhart (one-month spike)',
  cusum: 'CUSUM (sustained shift)',
  bocpd: 'BOCPD (change point)',
};
export const detectorLabel = (d: string): string => DETECTOR_LABELS[d] ?? d;

export const SETTINGS_HELP = {
  rho: 'The CUSUM looks for a sustained rise to ρ times the expected count (1.5–3; default 2). Smaller ρ finds smaller shifts, later.',
  targetArl:
    'In-control average run length: with no real change, a false CUSUM alarm comes on average once in this many months (60–120; default 100). h is calibrated by simulation to it.',
  bocpdThreshold:
    'Bayesian change-point detection signals when P(change within the last 3 months) exceeds this (default 0.5); calibration raises it until false signals are at most 1 per 100 months.',
};
