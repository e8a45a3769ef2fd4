/**
 * Scoped reads and writes of watch areas (EVALUATION.md §4.8): monitors, their alerts and the state
 * of their last evaluation. Labelled by label + community like the incident store, so every query
 * adds that predicate (and RLS backs it up); a hidden monitor or alert reads exactly like a missing one.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { monitor, monitorAlert, monitorState } from '../schema/index';
import type { AccessScope, Tx } from '../runtime/scope';
import { incidentVisible } from './incidents';

export type MonitorRow = typeof monitor.$inferSelect;
export type MonitorInsert = typeof monitor.$inferInsert;
export type MonitorStateRow = typeof monitorState.$inferSelect;
export type MonitorAlertRow = typeof monitorAlert.$inferSelect;
export type MonitorAlertInsert = typeof monitorAlert.$inferInsert;

const uuids = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
const visibleCols = (t: { labelId: unknown; communityId: unknown }, s: AccessScope): SQL =>
  sql`(${t.labelId} = ANY(${uuids(s.labelIds)}) AND ${t.communityId} = ANY(${uuids(s.communityIds)}))`;

export interface MonitorSummaryRow extends MonitorRow {
  openAlerts: number;
  lastAlarm: string | null;
  insufficientBaseline: boolean | null;
  evaluatedAt: string | null;
}

/** Visible monitors, by name, with their open alert count and last alarm month. */
export async function listMonitors(tx: Tx, s: AccessScope): Promise<MonitorSummaryRow[]> {
  const rows = await tx
    .select({
      m: monitor,
      openAlerts: sql<string>`(SELECT count(*) FROM monitor_alert a WHERE a.monitor_id = ${monitor.id} AND a.status = 'open' AND ${incidentVisible('a', s)})`,
      lastAlarm: sql<
        string | null
      >`(SELECT to_char(max(a.month), 'YYYY-MM') FROM monitor_alert a WHERE a.monitor_id = ${monitor.id} AND ${incidentVisible('a', s)})`,
      insufficientBaseline: monitorState.insufficientBaseline,
      evaluatedAt: monitorState.evaluatedAt,
    })
    .from(monitor)
    .leftJoin(monitorState, and(eq(monitorState.monitorId, monitor.id), visibleCols(monitorState, s)))
    .where(visibleCols(monitor, s))
    .orderBy(monitor.name, monitor.id)
    .limit(1000);
  return rows.map((r) => ({
    ...r.m,
    openAlerts: Number(r.openAlerts),
    lastAlarm: r.lastAlarm,
    insufficientBaseline: r.insufficientBaseline,
    evaluatedAt: r.evaluatedAt,
  }));
}

/** One visible monitor, or null when it is missing or hidden (one code path). */
export async function getMonitor(tx: Tx, s: AccessScope, id: string): Promise<MonitorRow | null> {
  const r = await tx
    .select()
    .from(monitor)
    .where(and(eq(monitor.id, id), visibleCols(monitor, s)));
  return r[0] ?? null;
}

export async function insertMonitor(tx: Tx, v: MonitorInsert): Promise<MonitorRow> {
  const r = await tx.insert(monitor).values(v).returning();
  return r[0]!;
}

/** Update a visible monitor at `version`; 'stale' when someone changed it first, null when missing or hidden. */
export async function updateMonitor(
  tx: Tx,
  s: AccessScope,
  id: string,
  version: number,
  patch: Partial<MonitorInsert> & { updatedBy: string },
): Promise<MonitorRow | 'stale' | null> {
  const r = await tx
    .update(monitor)
    .set({ ...patch, updatedAt: sql`now()`, version: sql`${monitor.version} + 1` })
    .where(and(eq(monitor.id, id), eq(monitor.version, version), visibleCols(monitor, s)))
    .returning();
  if (r[0]) return r[0];
  return (await getMonitor(tx, s, id)) ? 'stale' : null;
}

export async function getMonitorState(tx: Tx, s: AccessScope, id: string): Promise<MonitorStateRow | null> {
  const r = await tx
    .select()
    .from(monitorState)
    .where(and(eq(monitorState.monitorId, id), visibleCols(monitorState, s)));
  return r[0] ?? null;
}

export async function saveMonitorState(tx: Tx, v: typeof monitorState.$inferInsert): Promise<void> {
  const { monitorId: _id, ...rest } = v;
  await tx
    .insert(monitorState)
    .values(v)
    .onConflictDoUpdate({ target: monitorState.monitorId, set: { ...rest, evaluatedAt: sql`now()` } });
}

/** Store alerts; an existing (monitor, month, detector) is kept as it is. Returns the ids inserted. */
export async function insertAlerts(tx: Tx, rows: MonitorAlertInsert[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const r = await tx
      .insert(monitorAlert)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing({ target: [monitorAlert.monitorId, monitorAlert.month, monitorAlert.detector] })
      .returning({ id: monitorAlert.id });
    out.push(...r.map((x) => x.id));
  }
  return out;
}

export interface AlertFilters {
  status?: 'open' | 'acknowledged' | undefined;
  monitorId?: string | undefined;
  area?: string | undefined;
  page: number;
  pageSize: number;
}

export type AlertListRow = MonitorAlertRow & { monitorName: string; areaKey: string; source: string };

function alertWhere(s: AccessScope, f: Omit<AlertFilters, 'page' | 'pageSize'>): SQL {
  const c: SQL[] = [visibleCols(monitorAlert, s), visibleCols(monitor, s)];
  if (f.status) c.push(sql`${monitorAlert.status} = ${f.status}`);
  if (f.monitorId) c.push(sql`${monitorAlert.monitorId} = ${f.monitorId}`);
  if (f.area) c.push(sql`${monitor.areaKey} = ${f.area}`);
  return and(...c)!;
}

/** A page of visible alerts, newest month first, with the total over the same filters. */
export async function listAlerts(
  tx: Tx,
  s: AccessScope,
  f: AlertFilters,
): Promise<{ items: AlertListRow[]; total: number }> {
  const where = alertWhere(s, f);
  const rows = await tx
    .select({ a: monitorAlert, monitorName: monitor.name, areaKey: monitor.areaKey, source: monitor.source })
    .from(monitorAlert)
    .innerJoin(monitor, eq(monitor.id, monitorAlert.monitorId))
    .where(where)
    .orderBy(sql`${monitorAlert.month} DESC`, monitorAlert.detector, monitorAlert.id)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const total = await tx
    .select({ n: sql<string>`count(*)` })
    .from(monitorAlert)
    .innerJoin(monitor, eq(monitor.id, monitorAlert.monitorId))
    .where(where);
  return {
    items: rows.map((r) => ({ ...r.a, monitorName: r.monitorName, areaKey: r.areaKey, source: r.source })),
    total: Number(total[0]?.n ?? 0),
  };
}

/** Visible alerts of one monitor, by month (for its detail page). */
export async function alertsOfMonitor(tx: Tx, s: AccessScope, monitorId: string): Promise<MonitorAlertRow[]> {
  return tx
    .select()
    .from(monitorAlert)
    .where(and(eq(monitorAlert.monitorId, monitorId), visibleCols(monitorAlert, s)))
    .orderBy(monitorAlert.month, monitorAlert.detector)
    .limit(5000);
}

/** Open alerts the subject may see, on enabled visible monitors (the side-nav badge). */
export async function countOpenAlerts(tx: Tx, s: AccessScope): Promise<number> {
  const r = await tx
    .select({ n: sql<string>`count(*)` })
    .from(monitorAlert)
    .innerJoin(monitor, eq(monitor.id, monitorAlert.monitorId))
    .where(and(visibleCols(monitorAlert, s), visibleCols(monitor, s), eq(monitorAlert.status, 'open')));
  return Number(r[0]?.n ?? 0);
}

export async function getAlert(tx: Tx, s: AccessScope, id: string): Promise<MonitorAlertRow | null> {
  const r = await tx
    .select()
    .from(monitorAlert)
    .where(and(eq(monitorAlert.id, id), visibleCols(monitorAlert, s)));
  return r[0] ?? null;
}

/** Acknowledge an open visible alert; null when missing, hidden or already acknowledged. */
export async function acknowledgeAlert(
  tx: Tx,
  s: AccessScope,
  id: string,
  by: string,
  note: string,
): Promise<MonitorAlertRow | null> {
  const r = await tx
    .update(monitorAlert)
    .set({ status: 'acknowledged', acknowledgedBy: by, acknowledgedAt: sql`now()`, note })
    .where(and(eq(monitorAlert.id, id), eq(monitorAlert.status, 'open'), visibleCols(monitorAlert, s)))
    .returning();
  return r[0] ?? null;
}

/** First and last month of a dataset's visible panel (its coverage as the subject sees it). */
export async function datasetMonths(
  tx: Tx,
  s: AccessScope,
  source: string,
): Promise<{ from: string; to: string } | null> {
  const r = await tx.execute<{ from: string | null; to: string | null }>(sql`
    SELECT to_char(min(m.month), 'YYYY-MM') AS "from", to_char(max(m.month), 'YYYY-MM') AS "to"
    FROM area_month m WHERE m.source = ${source} AND ${incidentVisible('m', s)}`);
  const x = r.rows[0];
  return x?.from && x.to ? { from: x.from, to: x.to } : null;
}

/**
 * Enabled monitors on a dataset, with their creators, for the background run after an import. Read
 * with the owner connection (a system read, not a subject's): each monitor then runs in its
 * creator's scope.
 */
export async function enabledMonitorsOf(
  tx: Pick<Tx, 'execute'>,
  source: string,
): Promise<{ id: string; createdBy: string }[]> {
  const r = await tx.execute<{ id: string; createdBy: string }>(
    sql`SELECT id, created_by AS "createdBy" FROM monitor WHERE source = ${source} AND enabled ORDER BY created_at, id`,
  );
  return r.rows.map((x) => ({ id: String(x.id), createdBy: String(x.createdBy) }));
}
