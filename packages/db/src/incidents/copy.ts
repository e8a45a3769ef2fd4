/** PostgreSQL `COPY … FROM STDIN` text format: one record of the incident staging table per line. */
import type { IncidentRecord } from '@entente/incident-data';
import type { Membership } from '@entente/geo';

const esc = (s: string): string =>
  /[\\\t\n\r]/.test(s)
    ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : s;
const text = (v: string | null | undefined): string => (v === null || v === undefined ? '\\N' : esc(v));
const num = (v: number | null | undefined): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '\\N' : String(v);
const quote = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const textArray = (xs: readonly string[]): string => esc(`{${xs.map(quote).join(',')}}`);
const json = (v: unknown): string => esc(JSON.stringify(v));

/** Staging columns in COPY order (the table is created by `createStage`). */
export const STAGE_COLUMNS = [
  'ord',
  'source_event_id',
  'source_series',
  'date_start',
  'date_end',
  'date_precision',
  'lon',
  'lat',
  'loc_level',
  'country_iso3',
  'admin1_code',
  'admin1_name',
  'event_type',
  'event_subtype',
  'source_type',
  'source_subtype',
  'fatalities_best',
  'fatalities_low',
  'fatalities_high',
  'actors',
  'attributes',
  'raw',
  'content_hash',
  'mapping_version',
  'quality_flags',
  'area_keys',
  'area_methods',
  'area_dist',
] as const;

export const STAGE_DDL = `CREATE TEMP TABLE incident_stage (
  ord int NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  source_event_id text NOT NULL,
  source_series text,
  date_start date NOT NULL,
  date_end date NOT NULL,
  date_precision text NOT NULL,
  lon float8,
  lat float8,
  loc_level smallint NOT NULL,
  country_iso3 text,
  admin1_code text,
  admin1_name text,
  event_type text NOT NULL,
  event_subtype text NOT NULL,
  source_type text,
  source_subtype text,
  fatalities_best int,
  fatalities_low int,
  fatalities_high int,
  actors jsonb NOT NULL,
  attributes jsonb NOT NULL,
  raw jsonb NOT NULL,
  content_hash bytea NOT NULL,
  mapping_version int NOT NULL,
  quality_flags text[] NOT NULL,
  area_keys text[] NOT NULL,
  area_methods text[] NOT NULL,
  area_dist real[] NOT NULL
) ON COMMIT DROP`;

/** One COPY line (with its newline) for a record and its area memberships. */
export function stageLine(r: IncidentRecord, flags: readonly string[], areas: readonly Membership[]): string {
  return (
    [
      String(r.ordinal),
      text(r.sourceEventId),
      text(r.sourceSeries),
      r.dateStart,
      r.dateEnd,
      r.datePrecision,
      num(r.lon),
      num(r.lat),
      String(r.locLevel),
      text(r.countryIso3),
      text(r.admin1Code),
      text(r.admin1Name),
      esc(r.eventType),
      esc(r.eventSubtype),
      text(r.sourceType),
      text(r.sourceSubtype),
      num(r.fatalitiesBest),
      num(r.fatalitiesLow),
      num(r.fatalitiesHigh),
      json(r.actors),
      json(r.attributes),
      json(r.raw),
      `\\\\x${r.contentHash}`,
      String(r.mappingVersion),
      textArray(flags),
      textArray(areas.map((a) => a.key)),
      textArray(areas.map((a) => a.method)),
      `{${areas.map((a) => (a.distanceKm === undefined ? 'NULL' : String(a.distanceKm))).join(',')}}`,
    ].join('\t') + '\n'
  );
}
