/**
 * Custom analysis areas (EVALUATION.md §2, ADR 0006): create (with re-assignment of every existing
 * incident) and archive (removing the area's memberships and panel cells). Each runs in the caller's
 * transaction, which also holds its audit event.
 *
 * Re-assignment: the SQL prefilter `entente_area_candidates(key)` returns current incidents inside the
 * area's bounding box, over all labels (the cache is shared; cells keep their incident's label); the
 * exact test is the import's own `AreaIndex` (same boundary rule, same antimeridian split), so an area
 * drawn equal to a preset gets exactly the preset's memberships. `entente_area_panel(key)` then builds
 * the area's `area_month` cells with the import's cell rules.
 */
import { sql } from 'drizzle-orm';
import { AreaIndex, type BoxArea, type PolygonArea } from '@entente/geo';
import type { AccessScope, Tx } from '../runtime/scope';
import { incidentVisible } from '../scoped/incidents';
import { admin1Areas, ensureAnalysisAreas, invalidateAssignmentAreas } from './areas';

export interface NewCustomArea {
  area: PolygonArea | BoxArea;
  description: string;
  labelId: string;
  communityId: string;
  createdBy: string | null;
}

export interface AreaAssignment {
  key: string;
  version: number;
  /** Incidents in the bounding-box prefilter (all labels). */
  candidates: number;
  /** Memberships written (all labels). */
  memberships: number;
  /** Of those, current incidents the subject may see: the count shown to the user. */
  visible: number;
  cells: number;
  timings: { prefilterMs: number; pipMs: number; writeMs: number; panelMs: number };
}

const CHUNK = 5000;

/** Stores one custom area (neutral `analysis_area` row + labelled `custom_area` row) and assigns every current incident to it. */
export async function createCustomArea(
  tx: Tx,
  scope: AccessScope,
  n: NewCustomArea,
): Promise<AreaAssignment> {
  const a = n.area;
  const [w, s, e, north] = a.kind === 'box' ? a.box : a.bbox;
  const inserted = await tx.execute<{ version: number }>(sql`
    INSERT INTO analysis_area (key, kind, name, source, geometry, west, south, east, north, hash, label_id)
    VALUES (${a.key}, ${a.kind}, ${'Custom area'}, ${a.source}, NULL, ${w}, ${s}, ${e}, ${north}, ${a.hash}, ${n.labelId})
    RETURNING version`);
  const version = Number(inserted.rows[0]!.version);
  await tx.execute(sql`
    INSERT INTO custom_area (key, kind, name, description, source, geometry, box, hash, label_id, community_id, created_by)
    VALUES (${a.key}, ${a.kind}, ${a.name}, ${n.description}, ${a.source}, ${JSON.stringify(a.geometry)}::jsonb,
      ${a.kind === 'box' ? JSON.stringify(a.box) : null}::jsonb, ${a.hash}, ${n.labelId}, ${n.communityId}, ${n.createdBy})`);
  invalidateAssignmentAreas();
  return assignArea(tx, scope, a, version);
}

async function assignArea(
  tx: Tx,
  scope: AccessScope,
  area: PolygonArea | BoxArea,
  version: number,
): Promise<AreaAssignment> {
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = Math.round(now - t);
    t = now;
    return ms;
  };
  const cand = await tx.execute<{ id: string; lon: number; lat: number }>(
    sql`SELECT id, lon, lat FROM entente_area_candidates(${area.key})`,
  );
  const prefilterMs = lap();
  const index = new AreaIndex([area]);
  const method = area.kind === 'box' ? 'bbox' : 'pip';
  const ids: string[] = [];
  for (const r of cand.rows) if (index.containing(Number(r.lon), Number(r.lat)).length > 0) ids.push(r.id);
  const pipMs = lap();
  for (let i = 0; i < ids.length; i += CHUNK) {
    await tx.execute(sql`
      INSERT INTO incident_area (incident_id, area_key, area_version, method, distance_km)
      SELECT x, ${area.key}, ${version}, ${method}, NULL FROM unnest(${`{${ids.slice(i, i + CHUNK).join(',')}}`}::uuid[]) AS x
      ON CONFLICT DO NOTHING`);
  }
  const writeMs = lap();
  const cells = await tx.execute<{ n: string }>(sql`SELECT entente_area_panel(${area.key}) AS n`);
  const visible = await tx.execute<{ n: string }>(sql`
    SELECT count(*) AS n FROM incident_area ia JOIN incident i ON i.id = ia.incident_id
    WHERE ia.area_key = ${area.key} AND i.valid_to IS NULL AND ${incidentVisible('i', scope)}`);
  const panelMs = lap();
  return {
    key: area.key,
    version,
    candidates: cand.rows.length,
    memberships: ids.length,
    visible: Number(visible.rows[0]!.n),
    cells: Number(cells.rows[0]!.n),
    timings: { prefilterMs, pipMs, writeMs, panelMs },
  };
}

/**
 * Archives a visible custom area: sets `archived_at` (RLS: the subject must be able to write its label)
 * and removes its memberships and cells. Returns null when the area is missing, hidden or already archived.
 */
export async function archiveCustomArea(
  tx: Tx,
  scope: AccessScope,
  key: string,
  by: string | null,
): Promise<{ key: string; labelId: string; memberships: number; cells: number } | null> {
  const r = await tx.execute<{ key: string; label_id: string }>(sql`
    UPDATE custom_area c SET archived_at = now(), archived_by = ${by}
    WHERE c.key = ${key} AND c.archived_at IS NULL AND ${incidentVisible('c', scope)}
      AND c.label_id = ANY(${`{${scope.writeLabelIds.join(',')}}`}::uuid[])
    RETURNING c.key, c.label_id`);
  const row = r.rows[0];
  if (!row) return null;
  invalidateAssignmentAreas();
  const u = await tx.execute<{ memberships: string; cells: string }>(
    sql`SELECT memberships, cells FROM entente_area_unassign(${key})`,
  );
  return {
    key,
    labelId: row.label_id,
    memberships: Number(u.rows[0]!.memberships),
    cells: Number(u.rows[0]!.cells),
  };
}

/** Admin-1 memberships for current rows imported before the admin-1 areas were stored; returns rows added. */
export async function backfillAdmin1(tx: Tx): Promise<number> {
  const r = await tx.execute<{ n: string }>(sql`SELECT entente_assign_admin1() AS n`);
  return Number(r.rows[0]!.n);
}

/**
 * Stores the admin-1 areas when they are missing (first use in a database) and then assigns the
 * current rows imported before them by `admin1_code` ("when an area is added"). Returns memberships added.
 */
export async function ensureAdmin1Areas(tx: Tx): Promise<number> {
  const areas = admin1Areas();
  const have = await tx.execute<{ n: string }>(
    sql`SELECT count(*) AS n FROM analysis_area WHERE kind = 'admin1'`,
  );
  if (Number(have.rows[0]!.n) >= areas.length) return 0;
  await ensureAnalysisAreas(tx, { areas });
  return backfillAdmin1(tx);
}
