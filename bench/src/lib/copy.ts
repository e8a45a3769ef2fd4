/** `COPY … FROM STDIN` in PostgreSQL's text format, streamed in chunks with backpressure. */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A value as the text format wants it: `\N`, `t`/`f`, a number, a string, a PostgreSQL array literal or jsonb. */
export type CopyValue = string | number | boolean | null | { array: readonly string[] } | { json: unknown };

const escapeText = (s: string) => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
const arrayLiteral = (xs: readonly string[]) => `{${xs.map((x) => `"${x.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;

export function copyField(v: CopyValue): string {
  if (v === null) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return escapeText(v);
  if ('array' in v) return escapeText(arrayLiteral(v.array));
  return escapeText(JSON.stringify(v.json));
}

export const arr = (array: readonly string[]): CopyValue => ({ array });
export const json = (value: unknown): CopyValue => ({ json: value });

/**
 * Stream `rows` into `table (columns)`; `onRows` is told how many rows each chunk carried.
 * Rows come from an iterator so the whole table never sits in memory as text.
 */
export async function copyRows(
  client: pg.PoolClient | pg.Client,
  table: string,
  columns: readonly string[],
  rows: Iterable<CopyValue[]>,
  onRows: (n: number) => void = () => {},
  chunkRows = 2000,
): Promise<number> {
  let total = 0;
  function* chunks(): Generator<string> {
    let buf: string[] = [];
    for (const r of rows) {
      if (r.length !== columns.length) throw new Error(`${table}: ${r.length} values for ${columns.length} columns`);
      buf.push(r.map(copyField).join('\t'));
      if (buf.length >= chunkRows) {
        yield `${buf.join('\n')}\n`;
        onRows(buf.length);
        total += buf.length;
        buf = [];
      }
    }
    if (buf.length) {
      yield `${buf.join('\n')}\n`;
      onRows(buf.length);
      total += buf.length;
    }
  }
  const sink = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(chunks()), sink);
  return total;
}
