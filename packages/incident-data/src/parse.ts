/**
 * The parse loop: bytes in, canonical records and rejections out, as a stream of events.
 *
 *   for await (const ev of parseIncidents(bytes)) {
 *     if (ev.type === 'format') …            // once, after the header was recognised
 *     else if (ev.type === 'batch') …        // records + rejections of one input chunk, in file order
 *     else …                                  // ev.type === 'summary', always last
 *   }
 *
 * Events are batched per input chunk (not per record) so that a worker can hand whole arrays to
 * the bulk writer and the async-iteration overhead is paid per chunk. Back-pressure is natural:
 * the next input chunk is pulled only when the consumer asks for the next event.
 */
import { csvExcerpt, CsvSyntaxError, readCsv } from './csv';
import { isFailure, type Draft, type MapperFactory, type Point, type RowMapper } from './engine';
import { detectFormat, FORMATS, type FormatId, type FormatSpec } from './formats';
import { RawHasher } from './hash';
import { JNumber, rawString, readJson, type JValue } from './json';
import { acledMapper } from './sources/acled';
import { asamArcgisMapper, asamMsiCsvMapper, asamMsiJsonMapper } from './sources/asam';
import { crimeAtSeaMapper } from './sources/crimeAtSea';
import { gedMapper } from './sources/ged';
import { gtdMapper } from './sources/gtd';
import { SummaryBuilder, type ParseSummary } from './summary';
import { MAPPING_VERSION } from './taxonomy';
import type { IncidentRecord, Rejection, RejectionCode } from './types';

export interface ParseOptions {
  /** Dataset version to record (e.g. `23.1`); GED GeoJSON also reveals it in its `name`. */
  datasetVersion?: string;
  /** Cancels the parse between chunks (`signal.throwIfAborted()`); the batch must then be aborted. */
  signal?: AbortSignal;
}

export type ParseEvent =
  | { type: 'format'; format: FormatSpec; bom: boolean }
  | { type: 'batch'; records: IncidentRecord[]; rejections: Rejection[]; bytesRead: number }
  | { type: 'summary'; summary: ParseSummary };

const MAPPERS: Record<FormatId, MapperFactory> = {
  crime_at_sea_csv: crimeAtSeaMapper,
  nga_asam_arcgis_csv: asamArcgisMapper,
  nga_asam_msi_csv: asamMsiCsvMapper,
  nga_asam_msi_json: asamMsiJsonMapper,
  ucdp_ged_csv: gedMapper,
  ucdp_ged_geojson: gedMapper,
  acled_csv: acledMapper,
  gtd_csv: gtdMapper,
};

const EXCERPT = 2048;

/** Per-file state shared by CSV and JSON: hashing, duplicate and key-conflict tracking. */
class Sink {
  records: IncidentRecord[] = [];
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
    const { raw, contentHash } = this.hasher.build(values);
    const short = contentHash.slice(0, 32);
    if (this.format.source === 'crime_at_sea') {
      if (this.contents.has(short)) d.qualityFlags.push('W_EXACT_DUPLICATE_ROW');
      else this.contents.add(short);
    } else {
      const seen = this.keys.get(d.sourceEventId);
      if (seen === undefined) this.keys.set(d.sourceEventId, short);
      else if (seen === short) d.qualityFlags.push('W_EXACT_DUPLICATE_ROW');
      else {
        const msg = `key ${d.sourceEventId} already seen in this file with different content`;
        this.reject(line, featureIndex, ordinal, 'E_KEY_CONFLICT', null, msg, excerpt);
        return;
      }
    }
    const r = toRecord(this.format, d, raw, contentHash, line, featureIndex, ordinal);
    this.summary.record(r);
    this.records.push(r);
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

  take(): { records: IncidentRecord[]; rejections: Rejection[] } {
    const out = { records: this.records, rejections: this.rejections };
    this.records = [];
    this.rejections = [];
    return out;
  }
}

function toRecord(
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

/**
 * Parses one incident file. Detects the format from the first bytes (JSON vs CSV) and the exact
 * header signature; an unknown header yields one `E_HEADER` rejection listing the expected
 * headers, then a summary with `refused: true`.
 */
export async function* parseIncidents(
  input: AsyncIterable<Uint8Array>,
  options: ParseOptions = {},
): AsyncGenerator<ParseEvent> {
  const summary = new SummaryBuilder(MAPPING_VERSION, options.datasetVersion ?? null);
  const { kind, bom, stream } = await sniff(input);
  summary.bom = bom;
  if (kind === 'json') yield* parseJson(stream, summary, options.signal);
  else yield* parseCsv(stream, summary, options.signal);
  yield { type: 'summary', summary: summary.build() };
}

function refuse(summary: SummaryBuilder, message: string, excerpt: string, line: number | null): ParseEvent {
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
  return { type: 'batch', records: [], rejections: [r], bytesRead: summary.bytesRead };
}

async function* parseCsv(
  input: AsyncIterable<Uint8Array>,
  summary: SummaryBuilder,
  signal?: AbortSignal,
): AsyncGenerator<ParseEvent> {
  let sink: Sink | null = null;
  try {
    for await (const batch of readCsv(input, signal)) {
      summary.bytesRead = batch.bytesRead;
      let i = 0;
      if (!sink) {
        const header = batch.rows[0]!;
        const det = detectFormat('csv', header);
        if (!det.ok) {
          yield refuse(summary, det.message, csvExcerpt(header, EXCERPT), batch.lines[0]!);
          return;
        }
        summary.format = det.format.id;
        summary.source = det.format.source;
        sink = new Sink(det.format, header, summary);
        yield { type: 'format', format: det.format, bom: summary.bom };
        i = 1;
      }
      for (; i < batch.rows.length; i++) {
        const values = batch.rows[i]!;
        const quoteError = batch.errors.get(i);
        if (quoteError) {
          sink.ordinal++;
          summary.read++;
          sink.reject(
            batch.lines[i]!,
            null,
            sink.ordinal,
            'E_FIELD_COUNT',
            null,
            `malformed quoting: ${quoteError}`,
            () => csvExcerpt(values, EXCERPT),
          );
          continue;
        }
        sink.row(values, batch.lines[i]!, null, null, () => csvExcerpt(values, EXCERPT));
      }
      const out = sink.take();
      if (out.records.length > 0 || out.rejections.length > 0)
        yield { type: 'batch', ...out, bytesRead: batch.bytesRead };
    }
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    const r: Rejection = {
      line: e.line,
      featureIndex: null,
      ordinal: 0,
      code: 'E_SYNTAX',
      field: null,
      message: e.message,
      rawExcerpt: '',
    };
    summary.rejection(r);
    yield { type: 'batch', records: [], rejections: [r], bytesRead: summary.bytesRead };
    return;
  }
  if (!sink) yield refuse(summary, detectFormatEmpty(), '', 1);
}

const detectFormatEmpty = (): string => {
  const d = detectFormat('csv', []);
  return d.ok ? '' : `Empty file. ${d.message}`;
};

const GED_NAME = /GEDEvent_v(\d+)_(\d+)/;

/** Extra `raw` key holding a GeoJSON feature's geometry as JSON text. */
export const GEOMETRY_KEY = 'geometry';

async function* parseJson(
  input: AsyncIterable<Uint8Array>,
  summary: SummaryBuilder,
  signal?: AbortSignal,
): AsyncGenerator<ParseEvent> {
  let sink: Sink | null = null;
  let sawArray = false;
  let lastTopKeys: Set<string> = new Set();
  try {
    for await (const ev of readJson(input, signal)) {
      summary.bytesRead = ev.bytesRead;
      lastTopKeys = ev.topKeys;
      for (const el of ev.elements) {
        sawArray = true;
        const geo = el.container === 'features';
        const obj = asObject(el.value);
        const props = geo ? asObject(obj?.properties) : obj;
        if (!sink) {
          const names = props ? Object.keys(props) : [];
          const det = detectFormat(geo ? 'geojson' : 'json', names);
          if (!det.ok) {
            yield refuse(summary, det.message, rawString(el.value).slice(0, EXCERPT), null);
            return;
          }
          summary.format = det.format.id;
          summary.source = det.format.source;
          if (summary.datasetVersion === null && det.format.source === 'ucdp_ged') {
            const m = GED_NAME.exec(ev.top.get('name') ?? '');
            if (m) summary.datasetVersion = `${m[1]}.${m[2]}`;
          }
          // GeoJSON keeps the geometry in `raw` too (as JSON text), so a record can be re-mapped from raw alone.
          sink = new Sink(
            det.format,
            geo ? [...det.format.headers, GEOMETRY_KEY] : det.format.headers,
            summary,
          );
          yield { type: 'format', format: det.format, bom: summary.bom };
        }
        const headers = sink.format.headers;
        if (!props || Object.keys(props).length !== headers.length || headers.some((h) => !(h in props))) {
          const got = props ? Object.keys(props).join(',') : typeof el.value;
          sink.ordinal++;
          summary.read++;
          sink.reject(
            null,
            el.index,
            sink.ordinal,
            'E_FIELD_COUNT',
            null,
            `members differ from the header: ${got}`,
            () => rawString(el.value).slice(0, EXCERPT),
          );
          continue;
        }
        const values = headers.map((h) => rawString(props[h]));
        if (geo) values.push(rawString(obj!.geometry));
        sink.row(values, null, el.index, geo ? pointOf(obj!.geometry) : null, () =>
          rawString(el.value).slice(0, EXCERPT),
        );
      }
      if (sink) {
        const out = sink.take();
        if (out.records.length > 0 || out.rejections.length > 0)
          yield { type: 'batch', ...out, bytesRead: ev.bytesRead };
      }
    }
  } catch (e) {
    if (signal?.aborted) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    const r: Rejection = {
      line: null,
      featureIndex: null,
      ordinal: 0,
      code: 'E_SYNTAX',
      field: null,
      message: `invalid JSON: ${msg}`,
      rawExcerpt: '',
    };
    summary.rejection(r);
    yield { type: 'batch', records: [], rejections: [r], bytesRead: summary.bytesRead };
    return;
  }
  if (!sawArray) {
    const expected = FORMATS.filter((f) => f.container !== 'csv')
      .map(
        (f) =>
          `  ${f.id}: ${f.container === 'geojson' ? '{"type":"FeatureCollection","features":[{"properties":{' : '{"asam":[{'}${f.headers.join(',')}}…`,
      )
      .join('\n');
    yield refuse(
      summary,
      `JSON without a "features" or "asam" array (top-level keys: ${[...lastTopKeys].join(',') || 'none'})\nExpected one of:\n${expected}`,
      '',
      null,
    );
  }
}

/**
 * Re-maps a stored record from its `raw` with the current mapping tables (§1.2: a new mapping
 * version re-maps rows without re-reading files). File-level facts are kept from the stored
 * record: the key (Crime at Sea's `#k` depends on file order), line, ordinal, content hash and an
 * exact-duplicate flag. Returns the new record, or the failure if the row no longer maps.
 */
export function remapRecord(record: IncidentRecord, formatId: FormatId): IncidentRecord | Rejection {
  const format = FORMATS.find((f) => f.id === formatId);
  if (!format || format.source !== record.source)
    throw new Error(`format ${formatId} does not produce ${record.source} records`);
  const summary = new SummaryBuilder(MAPPING_VERSION, null);
  const map = MAPPERS[format.id]({ format, headers: format.headers, summary });
  const values = format.headers.map((h) => record.raw[h] ?? '');
  let point: Point = null;
  if (format.container === 'geojson' && record.raw[GEOMETRY_KEY]) {
    point = pointOf(
      JSON.parse(record.raw[GEOMETRY_KEY], (_k, v: unknown) =>
        typeof v === 'number' ? new JNumber(String(v)) : v,
      ) as JValue,
    );
  }
  const d = map(values, point);
  if (isFailure(d)) {
    return {
      line: record.line,
      featureIndex: record.featureIndex,
      ordinal: record.ordinal,
      ...d,
      rawExcerpt: JSON.stringify(record.raw).slice(0, EXCERPT),
    };
  }
  d.sourceEventId = record.sourceEventId;
  if (record.qualityFlags.includes('W_EXACT_DUPLICATE_ROW')) d.qualityFlags.push('W_EXACT_DUPLICATE_ROW');
  return toRecord(
    format,
    d,
    record.raw,
    record.contentHash,
    record.line,
    record.featureIndex,
    record.ordinal,
  );
}

function asObject(v: JValue | undefined): { [k: string]: JValue } | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof JNumber) ? v : null;
}

function pointOf(geometry: JValue | undefined): Point {
  const g = asObject(geometry);
  if (!g || g.type !== 'Point' || !Array.isArray(g.coordinates)) return null;
  const [x, y] = g.coordinates;
  if (!(x instanceof JNumber) || !(y instanceof JNumber)) return null;
  return [Number(x.text), Number(y.text)];
}

/**
 * Looks at the first meaningful byte to choose CSV or JSON, without losing any input: the
 * chunks read while looking are replayed in front of the rest of the stream.
 */
async function sniff(
  input: AsyncIterable<Uint8Array>,
): Promise<{ kind: 'csv' | 'json'; bom: boolean; stream: AsyncIterable<Uint8Array> }> {
  const it = input[Symbol.asyncIterator]();
  const seen: Uint8Array[] = [];
  let offset = 0;
  let bom = false;
  let kind: 'csv' | 'json' = 'csv';
  const prefix: number[] = [];
  outer: for (;;) {
    const n = await it.next();
    if (n.done) break;
    seen.push(n.value);
    for (const b of n.value) {
      if (offset < 3) prefix.push(b);
      offset++;
      if (
        offset <= 3 &&
        prefix.length === 3 &&
        prefix[0] === 0xef &&
        prefix[1] === 0xbb &&
        prefix[2] === 0xbf
      ) {
        bom = true;
        continue;
      }
      if (offset <= 3 && prefix[0] === 0xef) continue; // maybe a BOM still arriving
      if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) continue;
      kind = b === 0x7b || b === 0x5b ? 'json' : 'csv';
      break outer;
    }
  }
  async function* replay(): AsyncGenerator<Uint8Array> {
    yield* seen;
    for (;;) {
      const n = await it.next();
      if (n.done) return;
      yield n.value;
    }
  }
  return { kind, bom, stream: replay() };
}
