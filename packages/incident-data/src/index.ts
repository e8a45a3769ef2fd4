/**
 * @entente/incident-data — incident source parsers (EVALUATION.md §1): bytes in, canonical
 * records and rejections out. Pure: no files, no database, no environment, no clock.
 */
import { parseIncidents, type ParseEvent, type ParseOptions } from './parse';
import type { FormatSpec } from './formats';
import type { ParseSummary } from './summary';
import type { IncidentRecord, Rejection } from './types';

export * from './types';
export { GEOMETRY_KEY, parseIncidents, remapRecord, type ParseEvent, type ParseOptions } from './parse';
export { detectFormat, FORMATS, type FormatId, type FormatSpec, type Detection } from './formats';
export type { ParseSummary, LabelCount, CodeLabel, AsamBatchMetadata } from './summary';
export { MAPPING_VERSION } from './taxonomy';
export { canonicalJson, sha256Hex } from './hash';
export { parseDmsPosition, type CoordResult } from './coords';
export {
  countryXwalkRows,
  gleditschWardToAlpha3,
  gtdCountry,
  isKnownAlpha3,
  isNonIsoCountry,
  isoNumericToAlpha3,
  type CodeSystem,
} from './countries';
export { admin1AliasRows, admin1Code, admin1Key } from './admin1';

export interface CollectedParse {
  format: FormatSpec | null;
  records: IncidentRecord[];
  rejections: Rejection[];
  summary: ParseSummary;
}

/** Convenience for small inputs and tests: runs `parseIncidents` to the end and keeps everything in memory. */
export async function collectIncidents(
  input: AsyncIterable<Uint8Array>,
  options?: ParseOptions,
): Promise<CollectedParse> {
  let format: FormatSpec | null = null;
  const records: IncidentRecord[] = [];
  const rejections: Rejection[] = [];
  let summary: ParseSummary | null = null;
  for await (const ev of parseIncidents(input, options) as AsyncGenerator<ParseEvent>) {
    if (ev.type === 'format') format = ev.format;
    else if (ev.type === 'batch') {
      for (const r of ev.records) records.push(r);
      for (const r of ev.rejections) rejections.push(r);
    } else summary = ev.summary;
  }
  return { format, records, rejections, summary: summary! };
}
