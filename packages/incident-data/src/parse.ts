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
import { isFailure, type Point } from './engine';
import { detectFormat, FORMATS, type FormatId, type FormatSpec } from './formats';
import { JNumber, type JValue } from './json';
import { GEOMETRY_KEY, parseJson, pointOf } from './parse-json';
import { EXCERPT, MAPPERS, refuse, Sink, toRecord } from './sink';
import { SummaryBuilder, type ParseSummary } from './summary';
import { MAPPING_VERSION } from './taxonomy';
import type { IncidentRecord, Rejection } from './types';

export { GEOMETRY_KEY } from './parse-json';

export interface ParseOptions {
  /** Dataset version to record (e.g. `23.1`); GED GeoJSON also reveals it in its `name`. */
  datasetVersion?: string;
  /** Cancels the parse between chunks (`signal.throwIfAborted()`); the batch must then be aborted. */
  signal?: AbortSignal;
}

export type ParseEvent =
  | { type: 'format'; format: FormatSpec; bom: boolean }
  /**
   * `rawJson[i]` is the canonical JSON of `records[i].raw` (keys sorted, values verbatim: the text
   * its content hash is taken of, and the same text as `JSON.stringify(raw)`), for writers that
   * store `raw` as JSON without serialising it again.
   */
  | {
      type: 'batch';
      records: IncidentRecord[];
      rawJson: string[];
      rejections: Rejection[];
      bytesRead: number;
    }
  | { type: 'summary'; summary: ParseSummary };

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
    yield { type: 'batch', records: [], rawJson: [], rejections: [r], bytesRead: summary.bytesRead };
    return;
  }
  if (!sink) yield refuse(summary, detectFormatEmpty(), '', 1);
}

const detectFormatEmpty = (): string => {
  const d = detectFormat('csv', []);
  return d.ok ? '' : `Empty file. ${d.message}`;
};

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
