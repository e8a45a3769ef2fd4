/**
 * Streaming reader for the JSON containers: a GeoJSON FeatureCollection (`features`) and the
 * NGA MSI form (`{"asam": [...]}`). `stream-json` 1.x tokenises (v3 needs Node 22); we assemble
 * one array element at a time, so memory stays bounded by the largest element, not the file.
 * Numbers are kept as their source text: `raw` must hold what the file says (`relid` 0, not a
 * re-printed float), and the mappers parse numbers themselves anyway.
 */
import { Readable, pipeline } from 'node:stream';
import StreamJsonParser from 'stream-json/Parser.js';
import Batch from 'stream-json/utils/Batch.js';

/** Assembled JSON value with numbers as source text. */
export type JValue = string | boolean | null | JValue[] | { [k: string]: JValue } | JNumber;
export class JNumber {
  constructor(readonly text: string) {}
}

export interface JsonElement {
  /** `features` or `asam`: the top-level key whose array is streamed. */
  container: string;
  index: number;
  value: JValue;
}

export interface JsonEvent {
  elements: JsonElement[];
  /** Top-level scalar members seen so far (e.g. GeoJSON `name`, which carries the GED version). */
  top: Map<string, string>;
  /** Top-level keys seen so far, to explain a refusal when no streamed array exists. */
  topKeys: Set<string>;
  bytesRead: number;
}

interface Token {
  name: string;
  value?: string;
}

const STREAMED = new Set(['features', 'asam']);

export async function* readJson(
  input: AsyncIterable<Uint8Array>,
  signal?: AbortSignal,
): AsyncGenerator<JsonEvent> {
  const parser = new StreamJsonParser({ packValues: true, streamValues: false });
  const batch = new Batch({ batchSize: 4096 });
  const counter = { bytes: 0 };
  const source = Readable.from(asBuffers(input, counter, signal));
  pipeline(source, parser, batch, () => {});

  const top = new Map<string, string>();
  const topKeys = new Set<string>();
  let depth = 0;
  let topKey: string | null = null;
  let streaming: string | null = null;
  let index = 0;
  // element assembly
  const stack: (JValue[] | { [k: string]: JValue })[] = [];
  const keys: (string | null)[] = [];
  let key: string | null = null;

  const add = (v: JValue): JValue | undefined => {
    const parent = stack[stack.length - 1];
    if (parent === undefined) return v;
    if (Array.isArray(parent)) parent.push(v);
    else parent[key!] = v;
    return undefined;
  };

  try {
    for await (const tokens of batch as AsyncIterable<Token[]>) {
      const elements: JsonElement[] = [];
      // A scalar directly inside the streamed array is an element too (it then fails the signature check).
      const emitScalar = (v: JValue): void => {
        if (stack.length === 0) elements.push({ container: streaming!, index: index++, value: v });
        else add(v);
      };
      for (const t of tokens) {
        const inElement = streaming !== null && depth >= 2;
        if (!inElement) {
          // Outside any streamed element: track the top level only.
          switch (t.name) {
            case 'startObject':
            case 'startArray':
              if (depth === 1 && t.name === 'startArray' && topKey !== null && STREAMED.has(topKey))
                streaming = topKey;
              depth++;
              break;
            case 'endObject':
            case 'endArray':
              depth--;
              if (depth === 1) streaming = null;
              break;
            case 'keyValue':
              if (depth === 1) topKeys.add((topKey = t.value!));
              break;
            case 'stringValue':
            case 'numberValue':
              if (depth === 1 && topKey !== null) top.set(topKey, t.value!);
              break;
          }
          continue;
        }
        // Inside the streamed array (depth ≥ 2): assemble elements.
        switch (t.name) {
          case 'startObject':
          case 'startArray': {
            const c: JValue[] | { [k: string]: JValue } = t.name === 'startObject' ? {} : [];
            add(c);
            keys.push(key);
            stack.push(c);
            depth++;
            break;
          }
          case 'endObject':
          case 'endArray': {
            depth--;
            if (stack.length === 0) {
              // end of the streamed array itself
              streaming = null;
              break;
            }
            const done = stack.pop()!;
            key = keys.pop() ?? null;
            if (stack.length === 0) elements.push({ container: streaming!, index: index++, value: done });
            break;
          }
          case 'keyValue':
            key = t.value!;
            break;
          case 'stringValue':
            emitScalar(t.value!);
            break;
          case 'numberValue':
            emitScalar(new JNumber(t.value!));
            break;
          case 'nullValue':
            emitScalar(null);
            break;
          case 'trueValue':
            emitScalar(true);
            break;
          case 'falseValue':
            emitScalar(false);
            break;
        }
      }
      yield { elements, top, topKeys, bytesRead: counter.bytes };
    }
  } finally {
    batch.destroy();
  }
}

async function* asBuffers(
  input: AsyncIterable<Uint8Array>,
  counter: { bytes: number },
  signal?: AbortSignal,
): AsyncGenerator<Buffer> {
  for await (const chunk of input) {
    signal?.throwIfAborted();
    counter.bytes += chunk.byteLength;
    yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
}

/** Flattens a JSON value to the `raw` string form: scalars as text, null as '', structures as JSON. */
export function rawString(v: JValue | undefined): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof JNumber) return v.text;
  return JSON.stringify(v, (_k, x: unknown) => (x instanceof JNumber ? Number(x.text) : x));
}
