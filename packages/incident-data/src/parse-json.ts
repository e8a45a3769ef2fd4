/** The JSON side of the parse loop: NGA ASAM MSI JSON and UCDP GED GeoJSON (parse.ts). */
import type { Point } from './engine';
import { detectFormat, FORMATS } from './formats';
import { JNumber, rawString, readJson, type JValue } from './json';
import type { ParseEvent } from './parse';
import { EXCERPT, refuse, Sink } from './sink';
import type { SummaryBuilder } from './summary';
import type { Rejection } from './types';

const GED_NAME = /GEDEvent_v(\d+)_(\d+)/;

/** Extra `raw` key holding a GeoJSON feature's geometry as JSON text. */
export const GEOMETRY_KEY = 'geometry';

export async function* parseJson(
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
    yield { type: 'batch', records: [], rawJson: [], rejections: [r], bytesRead: summary.bytesRead };
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

export function asObject(v: JValue | undefined): { [k: string]: JValue } | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof JNumber) ? v : null;
}

export function pointOf(geometry: JValue | undefined): Point {
  const g = asObject(geometry);
  if (!g || g.type !== 'Point' || !Array.isArray(g.coordinates)) return null;
  const [x, y] = g.coordinates;
  if (!(x instanceof JNumber) || !(y instanceof JNumber)) return null;
  return [Number(x.text), Number(y.text)];
}
