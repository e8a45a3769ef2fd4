/**
 * Scoped reads of the incident store (ACCESS.md §4, EVALUATION.md §1–§3). Incidents, batches,
 * rejections and the area-month panel are labelled by label + community (no party scope, no TLP):
 * every query here adds that predicate, so counts, sums and totals cover visible rows only.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AccessScope, Tx } from '../runtime/scope';

const uuids = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** The incident-store predicate for alias `t`. */
export function incidentVisible(t: string, s: AccessScope): SQL {
  const a = sql.raw(t);
  return sql`(${a}.label_id = ANY(${uuids(s.labelIds)}) AND ${a}.community_id = ANY(${uuids(s.communityIds)}))`;
}

export interface IncidentFilters {
  source: string;
  types?: string[] | undefined;
  country?: string | undefined;
  area?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export type IncidentRow = {
  id: string;
  source: string;
  sourceEventId: string;
  sourceSeries: string | null;
  dateStart: string;
  dateEnd: string;
  datePrecision: string;
  lon: number | null;
  lat: number | null;
  locLevel: number;
  countryIso3: string | null;
  admin1Code: string | null;
  admin1Name: string | null;
  eventType: string;
  eventSubtype: string;
  sourceType: string | null;
  sourceSubtype: string | null;
  fatalitiesBest: number | null;
  fatalitiesLow: number | null;
  fatalitiesHigh: number | null;
  actors: { name: string; role: string; kind?: string }[];
  attributes: Record<string, string | number | boolean | null>;
  qualityFlags: string[];
  licence: string;
  importBatchId: string;
  validFrom: number;
  labelId: string;
};

function incidentWhere(s: AccessScope, f: IncidentFilters): SQL {
  const parts: SQL[] = [incidentVisible('i', s), sql`i.valid_to IS NULL`, sql`i.source = ${f.source}`];
  if (f.types?.length)
    parts.push(
      sql`(i.event_type = ANY(${`{${f.types.join(',')}}`}::text[]) OR i.event_subtype = ANY(${`{${f.types.join(',')}}`}::text[]))`,
    );
  if (f.country) parts.push(sql`i.country_iso3 = ${f.country}`);
  if (f.from) parts.push(sql`i.date_start >= ${f.from}::date`);
  if (f.to) parts.push(sql`i.date_start <= ${f.to}::date`);
  if (f.area)
    parts.push(
      sql`EXISTS (SELECT 1 FROM incident_area ia WHERE ia.incident_id = i.id AND ia.area_key = ${f.area})`,
    );
  return sql.join(parts, sql` AND `);
}

/** A page of visible current incidents, newest first, with the total over the same filters. */
export async function listIncidents(
  tx: Tx,
  s: AccessScope,
  f: IncidentFilters,
  page: { page: number; pageSize: number },
): Promise<{ items: IncidentRow[]; total: number }> {
  const where = incidentWhere(s, f);
  const r = await tx.execute<IncidentRow & { total: string }>(sql`
    SELECT i.id, i.source, i.source_event_id AS "sourceEventId", i.source_series AS "sourceSeries",
      i.date_start AS "dateStart", i.date_end AS "dateEnd", i.date_precision AS "datePrecision", i.lon, i.lat,
      i.loc_level AS "locLevel", i.country_iso3 AS "countryIso3", i.admin1_code AS "admin1Code",
      i.admin1_name AS "admin1Name", i.event_type AS "eventType", i.event_subtype AS "eventSubtype",
      i.source_type AS "sourceType", i.source_subtype AS "sourceSubtype", i.fatalities_best AS "fatalitiesBest",
      i.fatalities_low AS "fatalitiesLow", i.fatalities_high AS "fatalitiesHigh", i.actors, i.attributes,
      i.quality_flags AS "qualityFlags", i.licence, i.import_batch_id AS "importBatchId", i.valid_from AS "validFrom",
      i.label_id AS "labelId", count(*) OVER () AS total
    FROM incident i WHERE ${where}
    ORDER BY i.date_start DESC, i.id
    LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`);
  let total = Number(r.rows[0]?.total ?? 0);
  if (r.rows.length === 0 && page.page > 1) {
    const c = await tx.execute<{ n: string }>(sql`SELECT count(*) AS n FROM incident i WHERE ${where}`);
    total = Number(c.rows[0]?.n ?? 0);
  }
  const items = r.rows.map(({ total: _t, ...x }) => ({
    ...x,
    lon: x.lon === null ? null : Number(x.lon),
    lat: x.lat === null ? null : Number(x.lat),
    locLevel: Number(x.locLevel),
    validFrom: Number(x.validFrom),
  }));
  return { items, total };
}

export interface SeriesFilters {
  area: string;
  /** Sub-national areas keep `loc_level ≤ 3`, countries `≤ 5` (EVALUATION.md §1.3). */
  maxLocLevel: number;
  source: string;
  types?: string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  acceptMonthPrecision?: boolean | undefined;
  /** §1.3: an admin-1 area also keeps `loc_level` 4 (province-level positions with `admin1_code` set). */
  acceptProvinceLevel?: boolean | undefined;
}

export interface SeriesResult {
  points: { month: string; count: number; fatalities: number }[];
  excluded: { datePrecision: number; locationPrecision: number };
  labelIds: string[];
}

/** Monthly counts from `area_month`, summed over the subject's visible labels only, plus the §1.3 exclusions. */
export async function incidentSeries(tx: Tx, s: AccessScope, f: SeriesFilters): Promise<SeriesResult> {
  const parts: SQL[] = [incidentVisible('m', s), sql`m.area_key = ${f.area}`, sql`m.source = ${f.source}`];
  if (f.types?.length)
    parts.push(
      sql`(m.event_type = ANY(${`{${f.types.join(',')}}`}::text[]) OR m.event_subtype = ANY(${`{${f.types.join(',')}}`}::text[]))`,
    );
  if (f.from) parts.push(sql`m.month >= date_trunc('month', ${f.from}::date)::date`);
  if (f.to) parts.push(sql`m.month <= ${f.to}::date`);
  const maxLoc =
    f.acceptProvinceLevel && f.area.startsWith('admin1:') ? Math.max(f.maxLocLevel, 4) : f.maxLocLevel;
  const dateKept = f.acceptMonthPrecision
    ? sql`m.date_class IN ('fine','month')`
    : sql`m.date_class = 'fine'`;
  const r = await tx.execute<{ kind: string; month: string | null; n: string; f: string }>(sql`
    WITH v AS (
      SELECT m.month, m.n, m.fatalities_best, m.label_id, ${dateKept} AS date_ok, m.loc_level <= ${maxLoc} AS loc_ok
      FROM area_month m WHERE ${sql.join(parts, sql` AND `)})
    SELECT 'point' AS kind, to_char(month, 'YYYY-MM') AS month, sum(n) AS n, sum(fatalities_best) AS f
      FROM v WHERE date_ok AND loc_ok GROUP BY month
    UNION ALL SELECT 'date', NULL, coalesce(sum(n), 0), 0 FROM v WHERE NOT date_ok
    UNION ALL SELECT 'loc', NULL, coalesce(sum(n), 0), 0 FROM v WHERE date_ok AND NOT loc_ok
    UNION ALL SELECT 'label', label_id::text, 0, 0 FROM v GROUP BY label_id`);
  return {
    points: r.rows
      .filter((x) => x.kind === 'point')
      .map((x) => ({ month: String(x.month), count: Number(x.n), fatalities: Number(x.f) }))
      .sort((a, b) => (a.month < b.month ? -1 : 1)),
    excluded: {
      datePrecision: Number(r.rows.find((x) => x.kind === 'date')?.n ?? 0),
      locationPrecision: Number(r.rows.find((x) => x.kind === 'loc')?.n ?? 0),
    },
    labelIds: r.rows.filter((x) => x.kind === 'label').map((x) => String(x.month)),
  };
}

/** Visible current rows per source. */
export async function incidentCountsBySource(tx: Tx, s: AccessScope): Promise<Map<string, number>> {
  const r = await tx.execute<{ source: string; n: string }>(
    sql`SELECT i.source, count(*) AS n FROM incident i WHERE ${incidentVisible('i', s)} AND i.valid_to IS NULL GROUP BY i.source`,
  );
  return new Map(r.rows.map((x) => [x.source, Number(x.n)]));
}

export type BatchRow = {
  id: string;
  source: string | null;
  format: string | null;
  fileName: string;
  fileSha256: string;
  bytes: number;
  status: string;
  read: number;
  accepted: number;
  inserted: number;
  superseded: number;
  unchanged: number;
  withdrawn: number;
  rejected: number;
  warned: number;
  mappingVersion: number;
  datasetVersion: number | null;
  userId: string | null;
  startedAt: string;
  finishedAt: string | null;
  labelId: string;
};

/** Visible import batches, newest first. */
export async function listImportBatches(
  tx: Tx,
  s: AccessScope,
  f: { source?: string | undefined; page: number; pageSize: number },
): Promise<{ items: BatchRow[]; total: number }> {
  const where = f.source
    ? sql`${incidentVisible('b', s)} AND b.source = ${f.source}`
    : incidentVisible('b', s);
  const r = await tx.execute<BatchRow & { total: string }>(sql`
    SELECT b.id, b.source, b.format, b.file_name AS "fileName", b.file_sha256 AS "fileSha256", b.bytes, b.status, b.read,
      b.accepted, b.inserted, b.superseded, b.unchanged, b.withdrawn, b.rejected, b.warned, b.mapping_version AS "mappingVersion",
      b.dataset_version AS "datasetVersion", b.user_id AS "userId", to_json(b.started_at)#>>'{}' AS "startedAt", to_json(b.finished_at)#>>'{}' AS "finishedAt",
      b.label_id AS "labelId", count(*) OVER () AS total
    FROM import_batch b WHERE ${where}
    ORDER BY b.started_at DESC, b.id LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`);
  return {
    items: r.rows.map(({ total: _t, ...x }) => ({ ...x, bytes: Number(x.bytes) })),
    total: Number(r.rows[0]?.total ?? 0),
  };
}

/** Rejections of one visible batch, in file order; null when the batch is missing or hidden (one code path). */
export async function listImportRejections(tx: Tx, s: AccessScope, batchId: string, limit = 5000) {
  const r = await tx.execute<{
    found: boolean;
    line: number | null;
    featureIndex: number | null;
    ordinal: number | null;
    code: string | null;
    field: string | null;
    message: string | null;
  }>(sql`
    SELECT true AS found, r.line, r.feature_index AS "featureIndex", r.ordinal, r.code, r.field, r.message
    FROM import_batch b
    LEFT JOIN LATERAL (
      SELECT * FROM import_rejection r WHERE r.batch_id = b.id AND ${incidentVisible('r', s)} ORDER BY r.seq LIMIT ${limit}
    ) r ON true
    WHERE b.id = ${batchId} AND ${incidentVisible('b', s)}`);
  if (r.rows.length === 0) return null;
  return r.rows
    .filter((x) => x.code !== null)
    .map((x) => ({
      line: x.line,
      featureIndex: x.featureIndex,
      ordinal: Number(x.ordinal),
      code: String(x.code),
      field: x.field,
      message: String(x.message),
    }));
}

export interface AreaRow {
  key: string;
  kind: string;
  name: string;
  iso3: string | null;
  source: string;
  bbox: [number, number, number, number] | null;
  version: number;
  /** ISO 3166-2 code of an admin-1 area. */
  code?: string | null;
  /** Custom areas only (ADR 0006). */
  description?: string | null;
  labelId?: string | null;
}

/**
 * Custom areas keep their name, description and geometry in the labelled `custom_area` (ADR 0006);
 * `analysis_area` holds a neutral row. A custom area is visible when its `custom_area` row is (label +
 * community, not archived); built-in areas have no label.
 */
const areaFrom = (s: AccessScope) => sql`analysis_area a LEFT JOIN custom_area c ON c.key = a.key
  AND ${incidentVisible('c', s)} AND c.archived_at IS NULL`;
const areaVisible = sql`(a.label_id IS NULL OR c.key IS NOT NULL)`;

type AreaDbRow = {
  key: string;
  kind: string;
  name: string;
  iso3: string | null;
  code: string | null;
  source: string;
  west: number | null;
  south: number;
  east: number;
  north: number;
  version: number;
  description: string | null;
  labelId: string | null;
};

const areaCols = sql`a.key, a.kind, coalesce(c.name, a.name) AS name, a.iso3, a.code, a.source, a.west, a.south,
  a.east, a.north, a.version, c.description, a.label_id AS "labelId"`;

const toAreaRow = (x: AreaDbRow): AreaRow => ({
  key: x.key,
  kind: x.kind,
  name: x.name,
  iso3: x.iso3,
  source: x.source,
  bbox: x.west === null ? null : [Number(x.west), Number(x.south), Number(x.east), Number(x.north)],
  version: Number(x.version),
  code: x.code,
  description: x.description,
  labelId: x.labelId,
});

/**
 * Analysis areas: built-in ones (no label) and the custom ones the subject may read. Of the ~5,000
 * admin-1 codes, an unfiltered list holds those with events; a kind filter or a search (which also
 * matches codes) reaches all of them.
 */
export async function listAreas(
  tx: Tx,
  s: AccessScope,
  f: { kind?: string | undefined; q?: string | undefined },
): Promise<AreaRow[]> {
  const parts: SQL[] = [areaVisible];
  if (f.kind) parts.push(sql`a.kind = ${f.kind}`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    parts.push(sql`(coalesce(c.name, a.name) ILIKE ${like} OR a.code ILIKE ${like} OR a.key ILIKE ${like})`);
  }
  // Unfiltered lists (the Explore picker) hold the admin-1 codes that have assigned events only.
  if (!f.kind && !f.q)
    parts.push(
      sql`(a.kind <> 'admin1' OR EXISTS (SELECT 1 FROM incident_area ia WHERE ia.area_key = a.key))`,
    );
  const r = await tx.execute<AreaDbRow>(sql`
    SELECT ${areaCols} FROM ${areaFrom(s)} WHERE ${sql.join(parts, sql` AND `)}
    ORDER BY a.kind, coalesce(c.name, a.name) LIMIT 2000`);
  return r.rows.map(toAreaRow);
}

/** One area by key (built-in or visible custom), or null. */
export async function getArea(tx: Tx, s: AccessScope, key: string): Promise<AreaRow | null> {
  const r = await tx.execute<AreaDbRow>(sql`
    SELECT ${areaCols} FROM ${areaFrom(s)} WHERE a.key = ${key} AND ${areaVisible}`);
  const x = r.rows[0];
  return x ? toAreaRow(x) : null;
}

/** One visible area with its geometry (custom areas from `custom_area`), or null. */
export async function getAreaGeometry(tx: Tx, s: AccessScope, key: string): Promise<unknown> {
  const r = await tx.execute<{ g: unknown }>(sql`
    SELECT coalesce(c.geometry, a.geometry) AS g FROM ${areaFrom(s)} WHERE a.key = ${key} AND ${areaVisible}`);
  return r.rows[0]?.g ?? null;
}

export type DatasetRow = {
  code: string;
  title: string;
  publisher: string;
  version: number;
  sourceVersion: string | null;
  licence: string;
  attribution: string;
  rowsRedistributable: boolean;
  shareAlike: boolean;
  accessedOn: string | null;
  contentSha256: string | null;
  codeSystem: string | null;
  caveats: { date: string | null; text: string }[];
  updatedAt: string;
};

/** Dataset rows (public metadata: licence, attribution, caveats, version). */
export async function listDatasetRows(tx: Tx): Promise<DatasetRow[]> {
  const r = await tx.execute<DatasetRow>(sql`
    SELECT code, title, publisher, version, source_version AS "sourceVersion", licence, attribution,
      rows_redistributable AS "rowsRedistributable", share_alike AS "shareAlike", accessed_on AS "accessedOn",
      content_sha256 AS "contentSha256", code_system AS "codeSystem", caveats, to_json(updated_at)#>>'{}' AS "updatedAt"
    FROM incident_dataset ORDER BY code`);
  return r.rows.map((x) => ({ ...x, version: Number(x.version) }));
}
