/** PostgreSQL `COPY … FROM STDIN` text format: one record of the incident staging table per line. */
import type { IncidentRecord } from '@entente/incident-data';
import type { Membership } from '@entente/geo';

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const SPECIAL = /[\\\t\n\r]/;
const esc = (s: string): string => (SPECIAL.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : s);
const text = (v: string | null | undefined): string => (v === null || v === undefined ? '\\N' : esc(v));
const num = (v: number | null | undefined): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '\\N' : String(v);
const ARRAY_SPECIAL = /[\\"]/;
const quote = (s: string): string =>
  ARRAY_SPECIAL.test(s) ? `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : `"${s}"`;
/** A text[] literal, escaped for COPY (what `esc(`{${xs.map(quote).join(',')}}`)` gives). */
const textArray = (xs: readonly string[]): string => {
  if (xs.length === 0) return '{}';
  let s = `{${quote(xs[0]!)}`;
  for (let i = 1; i < xs.length; i++) s += `,${quote(xs[i]!)}`;
  return esc(`${s}}`);
};
// JSON.stringify escapes control characters itself, so only its backslashes need doubling for COPY.
const jsonText = (s: string): string => (s.includes('\\') ? s.replaceAll('\\', '\\\\') : s);
const json = (v: unknown): string => jsonText(JSON.stringify(v));

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

/**
 * One COPY line (with its newline) for a record, its id and its area memberships. `rawJson`, when
 * given, is the parser's canonical JSON of `r.raw` (`ParseEvent.rawJson`: the same text as
 * `JSON.stringify(r.raw)`), so `raw` is not serialised a second time.
 */
export function stageLine(
  r: IncidentRecord,
  flags: readonly string[],
  areas: readonly Membership[],
  id: string,
  rawJson?: string,
): string {
  let keys = '';
  let methods = '';
  let dists = '';
  for (let i = 0; i < areas.length; i++) {
    const a = areas[i]!;
    const sep = i === 0 ? '' : ',';
    keys += sep + quote(a.key);
    methods += sep + quote(a.method);
    dists += sep + (a.distanceKm === undefined ? 'NULL' : String(a.distanceKm));
  }
  return (
    `${r.ordinal}\t${id}\t${text(r.sourceEventId)}\t${text(r.sourceSeries)}\t` +
    `${r.dateStart}\t${r.dateEnd}\t${r.datePrecision}\t${num(r.lon)}\t${num(r.lat)}\t${r.locLevel}\t` +
    `${text(r.countryIso3)}\t${text(r.admin1Code)}\t${text(r.admin1Name)}\t` +
    `${esc(r.eventType)}\t${esc(r.eventSubtype)}\t${text(r.sourceType)}\t${text(r.sourceSubtype)}\t` +
    `${num(r.fatalitiesBest)}\t${num(r.fatalitiesLow)}\t${num(r.fatalitiesHigh)}\t` +
    `${json(r.actors)}\t${json(r.attributes)}\t${rawJson === undefined ? json(r.raw) : jsonText(rawJson)}\t` +
    `\\\\x${r.contentHash}\t${r.mappingVersion}\t${textArray(flags)}\t` +
    `${esc(`{${keys}}`)}\t${esc(`{${methods}}`)}\t{${dists}}\n`
  );
}
