/**
 * Per-file state of the parse loop shared by CSV and JSON (parse.ts, parse-json.ts): mapping,
 * canonical JSON + content hash, exact duplicates and key conflicts, rejections; and the
 * record a draft becomes.
 */
import { isFailure, type Draft, type MapperFactory, type Point, type RowMapper } from './engine';
import type { FormatId, FormatSpec } from './formats';
import { RawHasher } from './hash';
import { acledMapper } from './sources/acled';
import { asamArcgisMapper, asamMsiCsvMapper, asamMsiJsonMapper } from './sources/asam';
import { crimeAtSeaMapper } from './sources/crimeAtSea';
import { gedMapper } from './sources/ged';
import { gtdMapper } from './sources/gtd';
import type { ParseEvent } from './parse';
import type { SummaryBuilder } from './summary';
import { MAPPING_VERSION } from './taxonomy';
import type { IncidentRecord, Rejection, RejectionCode } from './types';

export const MAPPERS: Record<FormatId, MapperFactory> = {
  crime_at_sea_csv: crimeAtSeaMapper,
  nga_asam_arcgis_csv: asamArcgisMapper,
  nga_asam_msi_csv: asamMsiCsvMapper,
  nga_asam_msi_json: asamMsiJsonMapper,
  ucdp_ged_csv: gedMapper,
  ucdp_ged_geojson: gedMapper,
  acled_csv: acledMapper,
  gtd_csv: gtdMapper,
};

export const EXCERPT = 2048;

/** Per-file state shared by CSV and JSON: hashing, duplicate and key-conflict tracking. */
export class Sink {
  records: IncidentRecord[] = [];
  /** The canonical JSON of each record's `raw`, index for index (what was hashed; see `ParseEvent`). */
  rawJson: string[] = [];
  rejections: Rejection[] = [];
  ordinal = 0;
  /** Crime at Sea: content hashes seen (its derived key already separates duplicates by `#k`). */
  private readonly contents = new Set<string>();
  /** Other sources: key → content hash, for E_KEY_CONFLICT and exact duplicates. */
  private readonly keys = new Map<string, string>();
  private readonly hasher: RawHasher;
  private readonly map: RowMapper;

  constructor(
    readonly format: FormatSpec,
    readonly headers: readonly string[],
    readonly summary: SummaryBuilder,
  ) {
    this.hasher = new RawHasher(headers);
    this.map = MAPPERS[format.id]({ format, headers, summary });
  }

  row(
    values: readonly string[],
    line: number | null,
    featureIndex: number | null,
    point: Point,
    excerpt: () => string,
  ): void {
    const ordinal = ++this.ordinal;
    this.summary.read++;
    if (values.length !== this.headers.length) {
      this.reject(
        line,
        featureIndex,
        ordinal,
        'E_FIELD_COUNT',
        null,
        `${values.length} fields, header has ${this.headers.length}`,
        excerpt,
      );
      return;
    }
    const d = this.map(values, point);
    if (isFailure(d)) {
      this.reject(line, featureIndex, ordinal, d.code, d.field, d.message, excerpt);
      return;
    }
    const { raw, json, contentHash } = this.hasher.build(values);
    // Whole hashes, not a 32-character prefix: a slice kept its 64-character parent alive as well
    // (measured 173 → 141 B per entry of the key map; B9).
    if (this.format.source === 'crime_at_sea') {
      if (this.contents.has(contentHash)) d.qualityFlags.push('W_EXACT_DUPLICATE_ROW');
      else this.contents.add(contentHash);
    } else {
      const seen = this.keys.get(d.sourceEventId);
      if (seen === undefined) this.keys.set(d.sourceEventId, contentHash);
      else if (seen === contentHash) d.qualityFlags.push('W_EXACT_DUPLICATE_ROW');
      else {
        const msg = `key ${d.sourceEventId} already seen in this file with different content`;
        this.reject(line, featureIndex, ordinal, 'E_KEY_CONFLICT', null, msg, excerpt);
        return;
      }
    }
    const r = toRecord(this.format, d, raw, contentHash, line, featureIndex, ordinal);
    this.summary.record(r);
    this.records.push(r);
    this.rawJson.push(json);
  }

  reject(
    line: number | null,
    featureIndex: number | null,
    ordinal: number,
    code: RejectionCode,
    field: string | null,
    message: string,
    excerpt: () => string,
  ): void {
    const r: Rejection = { line, featureIndex, ordinal, code, field, message, rawExcerpt: excerpt() };
    this.summary.rejection(r);
    this.rejections.push(r);
  }

  take(): { records: IncidentRecord[]; rawJson: string[]; rejections: Rejection[] } {
    const out = { records: this.records, rawJson: this.rawJson, rejections: this.rejections };
    this.records = [];
    this.rawJson = [];
    this.rejections = [];
    return out;
  }
}

export function toRecord(
  format: FormatSpec,
  d: Draft,
  raw: Record<string, string>,
  contentHash: string,
  line: number | null,
  featureIndex: number | null,
  ordinal: number,
): IncidentRecord {
  return {
    source: format.source,
    sourceEventId: d.sourceEventId,
    sourceSeries: d.sourceSeries,
    dateStart: d.dateStart,
    dateEnd: d.dateEnd,
    datePrecision: d.datePrecision,
    lon: d.lon,
    lat: d.lat,
    locLevel: d.locLevel,
    countryIso3: d.countryIso3,
    admin1Code: d.admin1Code,
    admin1Name: d.admin1Name,
    eventType: d.eventType,
    eventSubtype: d.eventSubtype,
    sourceType: d.sourceType,
    sourceSubtype: d.sourceSubtype,
    fatalitiesBest: d.fatalitiesBest,
    fatalitiesLow: d.fatalitiesLow,
    fatalitiesHigh: d.fatalitiesHigh,
    actors: d.actors,
    attributes: d.attributes,
    raw,
    contentHash,
    mappingVersion: MAPPING_VERSION,
    qualityFlags: d.qualityFlags,
    line,
    featureIndex,
    ordinal,
  };
}

export function refuse(
  summary: SummaryBuilder,
  message: string,
  excerpt: string,
  line: number | null,
): ParseEvent {
  summary.refused = true;
  const r: Rejection = {
    line,
    featureIndex: null,
    ordinal: 0,
    code: 'E_HEADER',
    field: null,
    message,
    rawExcerpt: excerpt.slice(0, EXCERPT),
  };
  summary.rejection(r);
  return { type: 'batch', records: [], rawJson: [], rejections: [r], bytesRead: summary.bytesRead };
}
