/**
 * Incident store (EVALUATION.md §1.1, §2, §3): datasets, import batches and their rejections,
 * versioned incident rows, analysis areas, cached area assignments and the area-month panel.
 *
 * Incidents are labelled (ACCESS.md §4) by `label_id` + `community_id`; they have no party scope
 * and no TLP, so the read policy is the label and community part of the predicate only. The
 * panel `area_month` keeps `label_id`/`community_id` as dimensions so that a scoped sum counts
 * only what the subject may see (§3).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id } from './columns';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** One row per source (`crime_at_sea`, `nga_asam`, `ucdp_ged`, `acled`, `gtd`, `user`); §8 source line. */
export const incidentDataset = pgTable('incident_dataset', {
  code: text('code').primaryKey(),
  title: text('title').notNull(),
  publisher: text('publisher').notNull(),
  /** Entente's dataset version: +1 for every batch that changed rows (`incident.valid_from/valid_to`). */
  version: integer('version').notNull().default(0),
  /** The source's own version label, e.g. GED `23.1`. */
  sourceVersion: text('source_version'),
  licence: text('licence').notNull(),
  attribution: text('attribution').notNull(),
  rowsRedistributable: boolean('rows_redistributable').notNull(),
  shareAlike: boolean('share_alike').notNull().default(false),
  accessedOn: date('accessed_on', { mode: 'string' }),
  /** SHA-256 of the last file that changed the dataset. */
  contentSha256: text('content_sha256'),
  codeSystem: text('code_system'),
  /** Current rows over all labels (the API shows the subject's visible count instead). */
  rowCount: integer('row_count').notNull().default(0),
  /** `[{date, text}]`: source switches, method breaks, coverage gaps. */
  caveats: jsonb('caveats')
    .notNull()
    .default(sql`'[]'::jsonb`),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** One import run (§1.1, §1.6). Labelled like the rows it wrote. */
export const importBatch = pgTable(
  'import_batch',
  {
    id: id(),
    source: text('source').references(() => incidentDataset.code),
    format: text('format'),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    scope: jsonb('scope'),
    /** `committed`, `committed_with_rejections`, `no_change`, `refused`. */
    status: text('status').notNull(),
    read: integer('read').notNull().default(0),
    accepted: integer('accepted').notNull().default(0),
    inserted: integer('inserted').notNull().default(0),
    superseded: integer('superseded').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    withdrawn: integer('withdrawn').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    warned: integer('warned').notNull().default(0),
    mappingVersion: integer('mapping_version').notNull(),
    /** The dataset version current after this batch (null when refused). */
    datasetVersion: integer('dataset_version'),
    sourceVersion: text('source_version'),
    labelId: uuid('label_id').notNull(),
    communityId: uuid('community_id').notNull(),
    userId: uuid('user_id'),
    startedAt: at('started_at').notNull(),
    finishedAt: at('finished_at'),
    /** Parse summary: warnings by code, precision breakdown, unmapped labels, ASAM code tables, timings. */
    metadata: jsonb('metadata')
      .notNull()
      .default(sql`'{}'::jsonb`),
  },
  (t) => [index('import_batch_source_idx').on(t.source, t.startedAt)],
);

/** Every problem of a batch, with the line the record starts on (§1.6.3). */
export const importRejection = pgTable(
  'import_rejection',
  {
    batchId: uuid('batch_id')
      .notNull()
      .references(() => importBatch.id),
    ordinal: integer('ordinal').notNull(),
    seq: integer('seq').notNull(),
    line: integer('line'),
    featureIndex: integer('feature_index'),
    code: text('code').notNull(),
    field: text('field'),
    message: text('message').notNull(),
    /** ≤ 2 KB. */
    rawExcerpt: text('raw_excerpt').notNull(),
    labelId: uuid('label_id').notNull(),
    communityId: uuid('community_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.seq] })],
);

/**
 * §1.1: one row per source record and version; rows are immutable except for closing `valid_to`.
 * `source` and `import_batch_id` carry no per-row foreign keys (ADR 0008): the import merge checks
 * both once per batch (each is one constant of its INSERT … SELECT), and guard triggers keep a
 * referenced dataset or batch from being deleted or re-keyed (migration 0025).
 */
export const incident = pgTable(
  'incident',
  {
    id: id(),
    source: text('source').notNull(),
    sourceEventId: text('source_event_id').notNull(),
    sourceSeries: text('source_series'),
    dateStart: date('date_start', { mode: 'string' }).notNull(),
    dateEnd: date('date_end', { mode: 'string' }).notNull(),
    datePrecision: text('date_precision').notNull(),
    lon: doublePrecision('lon'),
    lat: doublePrecision('lat'),
    locLevel: smallint('loc_level').notNull(),
    countryIso3: text('country_iso3'),
    admin1Code: text('admin1_code'),
    admin1Name: text('admin1_name'),
    eventType: text('event_type').notNull(),
    eventSubtype: text('event_subtype').notNull(),
    sourceType: text('source_type'),
    sourceSubtype: text('source_subtype'),
    fatalitiesBest: integer('fatalities_best'),
    fatalitiesLow: integer('fatalities_low'),
    fatalitiesHigh: integer('fatalities_high'),
    actors: jsonb('actors')
      .notNull()
      .default(sql`'[]'::jsonb`),
    attributes: jsonb('attributes')
      .notNull()
      .default(sql`'{}'::jsonb`),
    raw: jsonb('raw').notNull(),
    contentHash: bytea('content_hash').notNull(),
    mappingVersion: integer('mapping_version').notNull(),
    licence: text('licence').notNull(),
    importBatchId: uuid('import_batch_id').notNull(),
    labelId: uuid('label_id').notNull(),
    communityId: uuid('community_id').notNull(),
    qualityFlags: text('quality_flags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Dataset version in which this row became current. */
    validFrom: integer('valid_from').notNull(),
    /** First dataset version in which it is no longer current; null = current. */
    validTo: integer('valid_to'),
  },
  (t) => [
    // One current row per key and community: each community holds its own copy of a dataset.
    uniqueIndex('incident_current_key_uq')
      .on(t.source, t.communityId, t.sourceEventId)
      .where(sql`valid_to IS NULL`),
    index('incident_date_idx').on(t.source, t.dateStart),
    index('incident_country_idx').on(t.countryIso3, t.dateStart),
    index('incident_batch_idx').on(t.importBatchId),
  ],
);

/** §2: analysis areas. Built-in countries and marine regions are public reference data (`label_id` null). */
export const analysisArea = pgTable(
  'analysis_area',
  {
    key: text('key').primaryKey(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    iso3: text('iso3'),
    code: text('code'),
    source: text('source').notNull(),
    /** GeoJSON Polygon/MultiPolygon (null for admin-1 and unions). */
    geometry: jsonb('geometry'),
    west: doublePrecision('west'),
    south: doublePrecision('south'),
    east: doublePrecision('east'),
    north: doublePrecision('north'),
    /** Bumped when `hash` changes; `incident_area.area_version` refers to it. */
    version: integer('version').notNull().default(1),
    hash: text('hash').notNull(),
    labelId: uuid('label_id'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('analysis_area_kind_idx').on(t.kind, t.name)],
);

/**
 * §2: assignment happens once, at import, and is cached here. A derived cache written only by the
 * import merge (staged ids joined to `analysis_area`), so it carries no foreign keys: their per-row
 * checks cost 60 % of the bulk write (bench: 300k memberships, 16.3 s with, 6.6 s without).
 */
export const incidentArea = pgTable(
  'incident_area',
  {
    incidentId: uuid('incident_id').notNull(),
    areaKey: text('area_key').notNull(),
    areaVersion: integer('area_version').notNull(),
    /** `code`, `pip`, `nearest`, `bbox`. */
    method: text('method').notNull(),
    distanceKm: real('distance_km'),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.areaKey] }), index('incident_area_area_idx').on(t.areaKey)],
);

/**
 * §3: the area-month panel over current rows. Precision classes are dimensions so the §1.3 filters
 * run on aggregates; `label_id`/`community_id` let a scoped sum count only visible rows.
 */
export const areaMonth = pgTable(
  'area_month',
  {
    areaKey: text('area_key').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    source: text('source').notNull(),
    /** '' when the source has no sub-series. */
    sourceSeries: text('source_series').notNull().default(''),
    eventType: text('event_type').notNull(),
    eventSubtype: text('event_subtype').notNull(),
    /** `fine` (day/week), `month`, `coarse`. */
    dateClass: text('date_class').notNull(),
    locLevel: smallint('loc_level').notNull(),
    labelId: uuid('label_id').notNull(),
    communityId: uuid('community_id').notNull(),
    n: integer('n').notNull(),
    fatalitiesBest: bigint('fatalities_best', { mode: 'number' }).notNull().default(0),
    fatalitiesLow: bigint('fatalities_low', { mode: 'number' }).notNull().default(0),
    fatalitiesHigh: bigint('fatalities_high', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({
      columns: [
        t.areaKey,
        t.source,
        t.month,
        t.sourceSeries,
        t.eventType,
        t.eventSubtype,
        t.dateClass,
        t.locLevel,
        t.labelId,
        t.communityId,
      ],
    }),
  ],
);
