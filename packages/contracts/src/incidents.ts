/**
 * Incident data (EVALUATION.md §1–§3, §8): imports, datasets, batches, the scoped incident list,
 * area-month series and analysis areas. Rows of datasets with `rowsRedistributable = false`
 * (ACLED, GTD) never leave the server: only aggregates do.
 */
import { z } from 'zod';
import { IsoDate, Uuid, page } from './common';

export const INCIDENT_SOURCES = ['crime_at_sea', 'nga_asam', 'ucdp_ged', 'acled', 'gtd', 'user'] as const;
export const IncidentSource = z.enum(INCIDENT_SOURCES);
export type IncidentSource = z.infer<typeof IncidentSource>;

/** Parser formats (`@entente/incident-data` FORMATS), detected from the header. */
export const INCIDENT_FORMATS = [
  'crime_at_sea_csv',
  'nga_asam_arcgis_csv',
  'nga_asam_msi_csv',
  'nga_asam_msi_json',
  'ucdp_ged_csv',
  'ucdp_ged_geojson',
  'acled_csv',
  'gtd_csv',
] as const;
export const IncidentFormat = z.enum(INCIDENT_FORMATS);

export const AREA_KINDS = ['country', 'marine', 'admin1', 'polygon', 'box', 'union'] as const;
export const AreaKind = z.enum(AREA_KINDS);

const bool = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((v) => v === true || v === 'true' || v === '1');
const list = z
  .string()
  .max(2000)
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );

/**
 * `POST /incidents/import` (multipart, field `file`). `source` is the expected dataset (or `auto`):
 * the format itself is detected from the header, and a file of another source is refused.
 */
export const IncidentImportQuery = z.object({
  source: z.union([IncidentSource, z.literal('auto')]).default('auto'),
  /** Community code; the rows take that community's default label. Default: the subject's first community. */
  community: z.string().max(100).optional(),
  /** Dataset version to record (e.g. `23.1`); GED GeoJSON reveals it in its `name`. */
  datasetVersion: z.string().max(40).optional(),
  /** EVALUATION.md §1.6.4: merge the valid rows of a file with rejections (`committed_with_rejections`). */
  acceptRejections: bool.optional(),
});
export type IncidentImportQuery = z.infer<typeof IncidentImportQuery>;

export const IMPORT_OUTCOMES = ['committed', 'committed_with_rejections', 'no_change', 'refused'] as const;
export const ImportOutcome = z.enum(IMPORT_OUTCOMES);
export type ImportOutcome = z.infer<typeof ImportOutcome>;

/** One problem of a refused file: the physical line (CSV) or feature index (JSON) and the field. */
export const IncidentImportProblem = z.object({
  line: z.number().int().nullable(),
  featureIndex: z.number().int().nullable(),
  ordinal: z.number().int(),
  code: z.string(),
  field: z.string().nullable(),
  message: z.string(),
});
export type IncidentImportProblem = z.infer<typeof IncidentImportProblem>;

export const ImportCounts = z.object({
  read: z.number().int(),
  accepted: z.number().int(),
  inserted: z.number().int(),
  superseded: z.number().int(),
  unchanged: z.number().int(),
  withdrawn: z.number().int(),
  rejected: z.number().int(),
  warned: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

export const IncidentImportReport = z.object({
  /** False when the file was refused (nothing written except the refused batch record). */
  ok: z.boolean(),
  outcome: ImportOutcome,
  batchId: Uuid.nullable(),
  source: IncidentSource.nullable(),
  format: z.string().nullable(),
  fileName: z.string(),
  fileSha256: z.string(),
  bytes: z.number().int(),
  datasetVersion: z.number().int().nullable(),
  mappingVersion: z.number().int(),
  counts: ImportCounts,
  warningsByCode: z.record(z.string(), z.number().int()),
  /** Area assignment of the inserted rows (EVALUATION.md §2). */
  areas: z.object({
    memberships: z.number().int(),
    marineUnassigned: z.number().int(),
    areaMonthCells: z.number().int(),
  }),
  problems: z.array(IncidentImportProblem),
  /** True when more problems exist than are listed (all are stored in `import_rejection`). */
  problemsTruncated: z.boolean(),
  elapsedMs: z.number().int(),
  rowsPerSec: z.number(),
});
export type IncidentImportReport = z.infer<typeof IncidentImportReport>;

export const DatasetCaveat = z.object({ date: IsoDate.nullable(), text: z.string() });

/** `GET /incidents/datasets`: the source line of §8 for every dataset. */
export const IncidentDatasetItem = z.object({
  code: IncidentSource,
  title: z.string(),
  publisher: z.string(),
  /** Entente's dataset version: bumped by every import that changed rows (0 before the first). */
  version: z.number().int(),
  /** The source's own version label (e.g. GED `23.1`). */
  sourceVersion: z.string().nullable(),
  licence: z.string(),
  attribution: z.string(),
  rowsRedistributable: z.boolean(),
  shareAlike: z.boolean(),
  accessedOn: IsoDate.nullable(),
  contentSha256: z.string().nullable(),
  codeSystem: z.string().nullable(),
  caveats: z.array(DatasetCaveat),
  /** Current rows the subject may see. */
  rowCount: z.number().int(),
  lastImportAt: z.string().nullable(),
});
export type IncidentDatasetItem = z.infer<typeof IncidentDatasetItem>;
export const IncidentDatasetList = z.object({ items: z.array(IncidentDatasetItem) });

export const ImportBatchItem = z.object({
  id: Uuid,
  source: IncidentSource.nullable(),
  format: z.string().nullable(),
  fileName: z.string(),
  fileSha256: z.string(),
  bytes: z.number().int(),
  status: ImportOutcome,
  counts: ImportCounts,
  mappingVersion: z.number().int(),
  datasetVersion: z.number().int().nullable(),
  userId: Uuid.nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportBatchItem = z.infer<typeof ImportBatchItem>;
export const ImportBatchQuery = z.object({
  source: IncidentSource.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export const ImportBatchPage = page(ImportBatchItem);
/** `GET /incidents/batches/:id/rejections`: every stored problem of one visible batch, in file order (first 5,000). */
export const ImportRejectionList = z.object({ items: z.array(IncidentImportProblem) });

export const IncidentListQuery = z.object({
  /** Required: a list never mixes sources, and rows of non-redistributable sources are refused. */
  source: IncidentSource,
  /** Comma-separated `event_type` or `event_subtype` values. */
  type: list.optional(),
  country: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  /** Analysis-area key, e.g. `marine:gulf-of-aden`, `country:CAF`. */
  area: z.string().max(200).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type IncidentListQuery = z.infer<typeof IncidentListQuery>;

export const IncidentActor = z.object({ name: z.string(), role: z.string(), kind: z.string().optional() });
export const IncidentItem = z.object({
  id: Uuid,
  source: IncidentSource,
  sourceEventId: z.string(),
  sourceSeries: z.string().nullable(),
  dateStart: IsoDate,
  dateEnd: IsoDate,
  datePrecision: z.string(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  locLevel: z.number().int(),
  countryIso3: z.string().nullable(),
  admin1Code: z.string().nullable(),
  admin1Name: z.string().nullable(),
  eventType: z.string(),
  eventSubtype: z.string(),
  sourceType: z.string().nullable(),
  sourceSubtype: z.string().nullable(),
  fatalitiesBest: z.number().int().nullable(),
  fatalitiesLow: z.number().int().nullable(),
  fatalitiesHigh: z.number().int().nullable(),
  actors: z.array(IncidentActor),
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  qualityFlags: z.array(z.string()),
  licence: z.string(),
  importBatchId: Uuid,
  validFrom: z.number().int(),
  portion: z.string(),
});
export type IncidentItem = z.infer<typeof IncidentItem>;
export const IncidentPage = page(IncidentItem).extend({
  /** The §8 source line for the listed dataset. */
  attribution: z.string(),
  licence: z.string(),
});
export type IncidentPage = z.infer<typeof IncidentPage>;

export const IncidentSeriesQuery = z.object({
  area: z.string().min(1).max(200),
  /** One source per series (EVALUATION.md §1.2: a series never mixes sources). */
  source: IncidentSource,
  /** Comma-separated `event_type` or `event_subtype` values; default: all. */
  types: list.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  interval: z.enum(['month']).default('month'),
  /** §1.3: keep month-precision events whose range lies in one calendar month. */
  acceptMonthPrecision: bool.optional(),
  /** §1.3: for an admin-1 area, also keep province-level positions (`loc_level` 4 with `admin1_code` set). */
  acceptProvinceLevel: bool.optional(),
});
export type IncidentSeriesQuery = z.infer<typeof IncidentSeriesQuery>;

export const IncidentSeries = z.object({
  area: z.object({ key: z.string(), kind: AreaKind, name: z.string() }),
  source: IncidentSource,
  interval: z.literal('month'),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** One point per month with at least one kept incident (months are `YYYY-MM`); absent months inside coverage are zero. */
  points: z.array(z.object({ month: z.string(), count: z.number().int(), fatalities: z.number().int() })),
  total: z.number().int(),
  /** §1.3: incidents of the same selection not counted, by reason (visible rows only). */
  excluded: z.object({ datePrecision: z.number().int(), locationPrecision: z.number().int() }),
  /** §8 source line. */
  dataset: z.object({
    code: IncidentSource,
    version: z.number().int(),
    licence: z.string(),
    attribution: z.string(),
    caveats: z.array(DatasetCaveat),
  }),
  note: z.string(),
});
export type IncidentSeries = z.infer<typeof IncidentSeries>;

export const AreaListQuery = z.object({ kind: AreaKind.optional(), q: z.string().max(100).optional() });
export const AnalysisAreaItem = z.object({
  key: z.string(),
  kind: AreaKind,
  name: z.string(),
  iso3: z.string().nullable(),
  source: z.string(),
  /** `[west, south, east, north]`. */
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  version: z.number().int(),
});
export type AnalysisAreaItem = z.infer<typeof AnalysisAreaItem>;
export const AnalysisAreaList = z.object({ items: z.array(AnalysisAreaItem) });
