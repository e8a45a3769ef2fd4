/**
 * Watch areas (EVALUATION.md §4.8): early-warning monitors over one area's monthly incident series,
 * their alerts, and the state of their last evaluation.
 *
 * All three are labelled like the incident store (ACCESS.md §4): `label_id` + `community_id`, no
 * party scope and no TLP. An alert and the state carry the monitor's label: a monitor counts only
 * rows its label dominates, so nothing derived from it is more sensitive than the monitor itself.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { appUser } from './access';
import { id } from './columns';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const monitor = pgTable(
  'monitor',
  {
    id: id(),
    name: text('name').notNull(),
    /** An `analysis_area.key`, e.g. `poly:preset-hoa`. */
    areaKey: text('area_key').notNull(),
    /** The incident dataset (`incident_dataset.code`). */
    source: text('source').notNull(),
    /** Canonical event types or sub-types; empty = all. */
    eventTypes: text('event_types')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** First month of the series read (null = the dataset's first month). */
    seriesFrom: date('series_from', { mode: 'string' }),
    /** CUSUM shift ρ (1.5–3). */
    rho: doublePrecision('rho').notNull().default(2),
    /** In-control ARL target in months (60–120). */
    targetArl: integer('target_arl').notNull().default(100),
    /** BOCPD signal threshold before calibration (raised by calibration when needed). */
    bocpdThreshold: doublePrecision('bocpd_threshold').notNull().default(0.5),
    enabled: boolean('enabled').notNull().default(true),
    labelId: uuid('label_id').notNull(),
    communityId: uuid('community_id').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => appUser.id),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
    updatedAt: at('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('monitor_rho', sql`${t.rho} >= 1.5 AND ${t.rho} <= 3`),
    check('monitor_arl', sql`${t.targetArl} >= 60 AND ${t.targetArl} <= 120`),
    check('monitor_bocpd', sql`${t.bocpdThreshold} > 0 AND ${t.bocpdThreshold} < 1`),
    index('monitor_source_idx').on(t.source),
    index('monitor_label_idx').on(t.labelId),
  ],
);

/** One alarm month of one detector; idempotent per monitor, month and detector. */
export const monitorAlert = pgTable(
  'monitor_alert',
  {
    id: id(),
    monitorId: uuid('monitor_id')
      .notNull()
      .references(() => monitor.id),
    /** First day of the alarm month. */
    month: date('month', { mode: 'string' }).notNull(),
    detector: text('detector').notNull(),
    /** CUSUM S_t, BOCPD P(change within 3 months), or the Shewhart count. */
    statistic: doublePrecision('statistic').notNull(),
    /** h, the calibrated BOCPD threshold, or the Shewhart limit. */
    threshold: doublePrecision('threshold').notNull(),
    expected: doublePrecision('expected'),
    observed: integer('observed').notNull(),
    /** `<detector>:<first month>` of the episode (consecutive alarm months). */
    episodeId: text('episode_id').notNull(),
    status: text('status').notNull().default('open'),
    acknowledgedBy: uuid('acknowledged_by').references(() => appUser.id),
    acknowledgedAt: at('acknowledged_at'),
    note: text('note'),
    labelId: uuid('label_id').notNull(),
    communityId: uuid('community_id').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('monitor_alert_detector', sql`${t.detector} IN ('shewhart','cusum','bocpd')`),
    check('monitor_alert_status', sql`${t.status} IN ('open','acknowledged')`),
    check(
      'monitor_alert_ack',
      sql`${t.status} = 'open' OR (${t.acknowledgedBy} IS NOT NULL AND ${t.acknowledgedAt} IS NOT NULL)`,
    ),
    uniqueIndex('monitor_alert_uq').on(t.monitorId, t.month, t.detector),
    index('monitor_alert_status_idx').on(t.status, t.monitorId),
  ],
);

/** The last evaluation of a monitor: calibration, flags and the paths the detail chart draws. */
export const monitorState = pgTable('monitor_state', {
  monitorId: uuid('monitor_id')
    .primaryKey()
    .references(() => monitor.id),
  /** The monitor version evaluated. */
  monitorVersion: integer('monitor_version').notNull(),
  lastMonth: date('last_month', { mode: 'string' }),
  arl: doublePrecision('arl'),
  arlSe: doublePrecision('arl_se'),
  h: doublePrecision('h'),
  insufficientBaseline: boolean('insufficient_baseline').notNull().default(false),
  /** The labels whose rows were counted (all dominated by the monitor's label). */
  countedLabelIds: uuid('counted_label_ids')
    .array()
    .notNull()
    .default(sql`'{}'::uuid[]`),
  /** Months, counts, μ̂, limits, CUSUM and BOCPD paths, warnings, dataset version. */
  result: jsonb('result').notNull(),
  labelId: uuid('label_id').notNull(),
  communityId: uuid('community_id').notNull(),
  evaluatedAt: at('evaluated_at').notNull().defaultNow(),
});
