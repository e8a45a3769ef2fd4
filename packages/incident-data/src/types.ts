/**
 * Canonical shapes shared by every source parser. They mirror the `incident` table of
 * EVALUATION.md §1.1 (camelCase here, snake_case in SQL) so that the database writer can map
 * fields one to one, and the rejection shape mirrors `import_rejection`.
 */

/** Dataset codes (`incident.source`, FK `incident_dataset.code`). `user` rows are not parsed here. */
export type SourceCode = 'crime_at_sea' | 'nga_asam' | 'ucdp_ged' | 'acled' | 'gtd';

/** Ordered from finest to coarsest; `coarser()` relies on this order. */
export const DATE_PRECISIONS = ['day', 'week', 'month', 'year', 'unknown'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** 1 point ≤ 5 km · 2 local ≤ 25 km · 3 district/≤ 100 km · 4 admin-1 · 5 country · 6 unknown. */
export type LocLevel = 1 | 2 | 3 | 4 | 5 | 6;

export type ActorRole = 'side_a' | 'side_b' | 'perpetrator' | 'target' | 'victim';
export interface Actor {
  name: string;
  role: ActorRole;
  /** Optional refinement, e.g. `state` when the source gives a state code, `associated` for ACLED associates. */
  kind?: string;
}

/** Scalar values only, so `attributes` stays filterable as flat jsonb. */
export type AttributeValue = string | number | boolean | null;

/** Warning codes of §1.6: the row is kept and the code is stored in `quality_flags`. */
export type WarningCode =
  | 'W_TYPE_UNMAPPED'
  | 'W_ADMIN1_UNMAPPED'
  | 'W_FATALITIES_ORDER'
  | 'W_REF_YEAR_MISMATCH'
  | 'W_EXACT_DUPLICATE_ROW'
  | 'W_WHOLE_DEGREE_POSITION'
  | 'W_COUNTRY_FROM_NEAREST'
  | 'W_COUNTRY_MISMATCH';

/**
 * Rejection codes of §1.6. `E_SYNTAX` is an addition: a file that cannot be tokenised at all
 * (unterminated quote running to end of file, invalid JSON) has no better code in the list.
 */
export type RejectionCode =
  | 'E_HEADER'
  | 'E_FIELD_COUNT'
  | 'E_REQUIRED_MISSING'
  | 'E_DATE_PARSE'
  | 'E_DATE_ORDER'
  | 'E_COORD_PARSE'
  | 'E_COORD_RANGE'
  | 'E_COUNTRY_UNKNOWN'
  | 'E_KEY_CONFLICT'
  | 'E_SYNTAX';

/** One row of `incident` before the database assigns id, batch, label, licence and validity. */
export interface IncidentRecord {
  source: SourceCode;
  sourceEventId: string;
  sourceSeries: string | null;
  /** `YYYY-MM-DD`, UTC calendar date. */
  dateStart: string;
  dateEnd: string;
  datePrecision: DatePrecision;
  lon: number | null;
  lat: number | null;
  locLevel: LocLevel;
  countryIso3: string | null;
  admin1Code: string | null;
  admin1Name: string | null;
  eventType: string;
  eventSubtype: string;
  sourceType: string | null;
  sourceSubtype: string | null;
  /** null = not reported; never coerced to 0. */
  fatalitiesBest: number | null;
  fatalitiesLow: number | null;
  fatalitiesHigh: number | null;
  actors: Actor[];
  attributes: Record<string, AttributeValue>;
  /** The record as read: header → string value, unchanged (JSON numbers keep their source text). */
  raw: Record<string, string>;
  /** Hex SHA-256 of the canonical JSON of `raw` (keys sorted, values verbatim). */
  contentHash: string;
  mappingVersion: number;
  qualityFlags: WarningCode[];
  /** Physical start line (1-based, header = 1) for CSV; null for JSON. */
  line: number | null;
  /** 0-based element index in `features` / `asam` for JSON; null for CSV. */
  featureIndex: number | null;
  /** 1-based ordinal among data records of the file (accepted and rejected alike). */
  ordinal: number;
}

/** One row of `import_rejection`. */
export interface Rejection {
  /** Physical line on which the record starts (multi-line quoted records count at their first line); null for JSON. */
  line: number | null;
  /** 0-based element index for JSON input; null for CSV. */
  featureIndex: number | null;
  /** 1-based record ordinal; 0 for file-level problems such as the header. */
  ordinal: number;
  code: RejectionCode;
  field: string | null;
  message: string;
  /** At most 2 KB: the record re-serialised as CSV (or JSON for JSON input). */
  rawExcerpt: string;
}
