/**
 * What a source mapper returns, and the helpers every mapper shares. A mapper turns one row
 * (values in the file's header order) into a `Draft` or a `Failure`; the parse loop adds what
 * is common to all sources (raw, content hash, duplicates and key conflicts, ordinal, line).
 */
import type { FormatSpec } from './formats';
import type { SummaryBuilder } from './summary';
import type { Actor, AttributeValue, DatePrecision, LocLevel, RejectionCode, WarningCode } from './types';

export interface Draft {
  sourceEventId: string;
  sourceSeries: string | null;
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
  fatalitiesBest: number | null;
  fatalitiesLow: number | null;
  fatalitiesHigh: number | null;
  actors: Actor[];
  attributes: Record<string, AttributeValue>;
  qualityFlags: WarningCode[];
}

export interface Failure {
  code: RejectionCode;
  field: string | null;
  message: string;
}

export const isFailure = (r: Draft | Failure): r is Failure => 'code' in r;

export const fail = (code: RejectionCode, field: string | null, message: string): Failure => ({
  code,
  field,
  message,
});

/** Position of a GeoJSON feature, `[lon, lat]`, or null when the feature has no point geometry. */
export type Point = readonly [number, number] | null;

export type RowMapper = (values: readonly string[], point: Point) => Draft | Failure;

export interface MapperContext {
  format: FormatSpec;
  headers: readonly string[];
  summary: SummaryBuilder;
}

export type MapperFactory = (ctx: MapperContext) => RowMapper;

/** Column index by name; the header signature was checked, so a miss is a programming error. */
export function columns<const K extends string>(
  headers: readonly string[],
  names: readonly K[],
): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const n of names) {
    const i = headers.indexOf(n);
    if (i === -1) throw new Error(`column ${n} missing after signature check`);
    out[n] = i;
  }
  return out;
}

const INT = /^-?\d+$/;
const NUM = /^-?\d+(?:\.\d+)?$/;

/** Integer or null for an empty / `NA` cell. Undefined means "present but not an integer". */
export function optInt(text: string): number | null | undefined {
  const t = text.trim();
  if (t === '' || t === 'NA') return null;
  if (INT.test(t)) return Number(t);
  // GTD and some exports write integral counts as `3.0`.
  if (NUM.test(t) && Number.isInteger(Number(t))) return Number(t);
  return undefined;
}

/** Whitespace runs collapsed (ASAM descriptions are padded with long space runs). */
const SPACES = /\s+/g;
export const collapse = (s: string): string => s.replace(SPACES, ' ').trim();
