/** PostgreSQL `COPY … FROM STDIN` text format: one record of the incident staging table per line. */
import type { IncidentRecord } from '@entente/incident-data';
import type { Membership } from '@entente/geo';

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const esc = (s: string): string => (/[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : s);
const text = (v: string | null | undefined): string => (v === null || v === undefined ? '\\N' : esc(v));
const num = (v: number | null | undefined): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '\\N' : String(v);
const quote = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const textArray = (xs: readonly string[]): string => esc(`{${xs.map(quote).join(',')}}`);
// JSON.stringify escapes control characters itself, so only its backslashes need doubling for COPY.
const json = (v: unknown): string => {
  const s = JSON.stringify(v);
  return s.includes('\\') ? s.replaceAll('\\', '\\\\') : s;
};

/** Staging columns in COPY order (the table is created by `createStage`). */
export const STAGE_COLUMNS = [
  'ord',
  'id',
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
  id uuid NOT NULL,
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

/**
 * A per-import prefix of time-ordered ids (UUID version 7 layout: 48-bit Unix ms, 26 random bits)
 * for {@link stagedId}: new rows then land at the right edge of the primary-key B-trees instead of at
 * random pages (what `gen_random_uuid()` per row cost).
 */
export function idPrefix(now = Date.now(), random: () => number = Math.random): string {
  const hex = (n: number, w: number) => Math.floor(n).toString(16).padStart(w, '0');
  const t = hex(now, 12);
  const a = hex(random() * 0x1000, 3);
  const b = hex(0x8000 + random() * 0x4000, 4);
  return `${t.slice(0, 8)}-${t.slice(8)}-7${a}-${b}-`;
}

/** The id of the n-th staged row of an import (a 48-bit counter after the prefix). */
export const stagedId = (prefix: string, n: number): string => prefix + n.toString(16).padStart(12, '0');

/** One COPY line (with its newline) for a record, its id and its area memberships. */
export function stageLine(
  r: IncidentRecord,
  flags: readonly string[],
  areas: readonly Membership[],
  id: string,
): string {
  return (
    [
      String(r.ordinal),
      id,
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
