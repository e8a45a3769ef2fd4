/**
 * Watch areas (EVALUATION.md §4.8): early-warning monitors on one area's monthly incident series,
 * their alerts, and the detector paths the detail page draws.
 */
import { z } from 'zod';
import { Uuid, page } from './common';
import { IncidentSource } from './incidents';

export const MONITOR_DETECTORS = ['shewhart', 'cusum', 'bocpd'] as const;
export const MonitorDetector = z.enum(MONITOR_DETECTORS);
export const ALERT_STATUSES = ['open', 'acknowledged'] as const;

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');

const settings = {
  name: z.string().trim().min(1, 'required').max(200),
  areaKey: z.string().min(1, 'required').max(200),
  source: IncidentSource,
  /** Canonical event types or sub-types; empty = all. */
  eventTypes: z.array(z.string().min(1).max(60)).max(30).default([]),
  /** First month of the series (default: the dataset's first month). */
  seriesFrom: Month.nullable().default(null),
  /** CUSUM shift to detect, μ1 = ρ·μ0. */
  rho: z.number().min(1.5, 'between 1.5 and 3').max(3, 'between 1.5 and 3').default(2),
  /** In-control average run length, months. */
  targetArl: z.number().int().min(60, 'between 60 and 120').max(120, 'between 60 and 120').default(100),
  /** BOCPD signal threshold (calibration may raise it). */
  bocpdThreshold: z.number().gt(0, 'between 0 and 1').lt(1, 'between 0 and 1').default(0.5),
};

export const MonitorCreate = z.object({
  ...settings,
  /** Community code (default `all` or the first current one); the monitor takes its default label. */
  community: z.string().max(60).optional(),
});
export type MonitorCreate = z.infer<typeof MonitorCreate>;

export const MonitorUpdate = z.object({
  name: settings.name.optional(),
  areaKey: settings.areaKey.optional(),
  source: IncidentSource.optional(),
  eventTypes: z.array(z.string().min(1).max(60)).max(30).optional(),
  seriesFrom: Month.nullable().optional(),
  rho: z.number().min(1.5, 'between 1.5 and 3').max(3, 'between 1.5 and 3').optional(),
  targetArl: z.number().int().min(60, 'between 60 and 120').max(120, 'between 60 and 120').optional(),
  bocpdThreshold: z.number().gt(0, 'between 0 and 1').lt(1, 'between 0 and 1').optional(),
  enabled: z.boolean().optional(),
  /** The version the edit was made on; a different current version is a 409. */
  version: z.number().int().min(1),
});
export type MonitorUpdate = z.infer<typeof MonitorUpdate>;

export const MonitorItem = z.object({
  id: Uuid,
  name: z.string(),
  areaKey: z.string(),
  areaName: z.string(),
  source: IncidentSource,
  eventTypes: z.array(z.string()),
  seriesFrom: z.string().nullable(),
  rho: z.number(),
  targetArl: z.number().int(),
  bocpdThreshold: z.number(),
  enabled: z.boolean(),
  labelId: Uuid,
  portion: z.string(),
  createdBy: Uuid,
  createdAt: z.string(),
  version: z.number().int(),
  openAlerts: z.number().int(),
  lastAlarm: z.string().nullable(),
  /** null until the first evaluation has run. */
  insufficientBaseline: z.boolean().nullable(),
  evaluatedAt: z.string().nullable(),
});
export type MonitorItem = z.infer<typeof MonitorItem>;

export const MonitorList = z.object({ items: z.array(MonitorItem) });
export type MonitorList = z.infer<typeof MonitorList>;

export const AlertItem = z.object({
  id: Uuid,
  monitorId: Uuid,
  monitorName: z.string(),
  areaKey: z.string(),
  month: Month,
  detector: MonitorDetector,
  statistic: z.number(),
  threshold: z.number(),
  expected: z.number().nullable(),
  observed: z.number().int(),
  episodeId: z.string(),
  status: z.enum(ALERT_STATUSES),
  acknowledgedBy: Uuid.nullable(),
  acknowledgedAt: z.string().nullable(),
  note: z.string().nullable(),
  labelId: Uuid,
  portion: z.string(),
  createdAt: z.string(),
});
export type AlertItem = z.infer<typeof AlertItem>;

export const AlertQuery = z.object({
  status: z.enum(ALERT_STATUSES).optional(),
  monitorId: Uuid.optional(),
  area: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AlertQuery = z.infer<typeof AlertQuery>;

export const AlertPage = page(AlertItem);
export type AlertPage = z.infer<typeof AlertPage>;

export const AlertAcknowledge = z.object({ note: z.string().trim().min(1, 'required').max(2000) });
export type AlertAcknowledge = z.infer<typeof AlertAcknowledge>;

export const OpenAlertCount = z.object({ open: z.number().int() });
export type OpenAlertCount = z.infer<typeof OpenAlertCount>;

const nums = z.array(z.number().nullable());
/** The paths of the last evaluation, month by month (null where a statistic has no value). */
export const MonitorSeriesWire = z.object({
  months: z.array(z.string()),
  observed: nums,
  baseline: nums,
  shewhartLimit: nums,
  cusum: nums,
  bocpd: nums,
});

export const MonitorEvaluation = z.object({
  monitorVersion: z.number().int(),
  evaluatedAt: z.string(),
  lastMonth: z.string().nullable(),
  insufficientBaseline: z.boolean(),
  monitorFrom: z.string().nullable(),
  h: z.number().nullable(),
  arl: z.number().nullable(),
  arlSe: z.number().nullable(),
  bocpdThreshold: z.number().nullable(),
  bocpdCalibrated: z.boolean().nullable(),
  warnings: z.array(z.object({ code: z.string(), severity: z.string(), message: z.string() })),
  series: MonitorSeriesWire,
  excluded: z.object({ datePrecision: z.number(), locationPrecision: z.number() }),
  sourceSwitches: z.array(z.string()),
});
export type MonitorEvaluation = z.infer<typeof MonitorEvaluation>;

export const MonitorDetail = z.object({
  monitor: MonitorItem,
  evaluation: MonitorEvaluation.nullable(),
  alerts: z.array(AlertItem),
  dataset: z.object({
    code: z.string(),
    version: z.number(),
    licence: z.string(),
    attribution: z.string(),
    accessedOn: z.string().nullable(),
    contentSha256: z.string().nullable(),
  }),
  note: z.string(),
});
export type MonitorDetail = z.infer<typeof MonitorDetail>;
