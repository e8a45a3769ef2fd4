/**
 * Streaming RFC 4180 reader on top of papaparse's `Parser` (the stack's measured choice).
 * We drive the parser ourselves rather than through `Papa.parse(NODE_STREAM_INPUT)` because we
 * need the true physical start line of every record: papaparse reports only a character cursor.
 * Each call parses the unconsumed tail plus the new text with `ignoreLastRow` so an incomplete
 * record (including a quoted field with line breaks that straddles chunks) is re-read with the
 * next chunk; lines are counted from the newlines inside the fields of each complete record.
 */
import Papa from 'papaparse';

export interface CsvBatch {
  /** Complete, non-blank records, header included (it is simply the first). */
  rows: string[][];
  /** Physical start line of each row (1-based). */
  lines: number[];
  /** Quote errors papaparse reported, by index into `rows`. */
  errors: Map<number, string>;
  /** Bytes consumed from the input so far. */
  bytesRead: number;
}

/** A record longer than this without an end is treated as a runaway quote, not buffered forever. */
const MAX_PENDING_CHARS = 16 * 1024 * 1024;
/** Input bytes parsed per batch at most (see `readCsv`). */
const SLICE = 64 * 1024;

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export async function* readCsv(
  input: AsyncIterable<Uint8Array>,
  signal?: AbortSignal,
): AsyncGenerator<CsvBatch> {
  // ignoreBOM: true keeps U+FEFF in the text so that detection strips it explicitly, once.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let pending = '';
  let bytesRead = 0;
  let line = 1;
  let started = false;
  let nl: '\n' | '\r\n' | '\r' | null = null;
  let parser: Papa.Parser | null = null;

  const run = (final: boolean): CsvBatch | null => {
    if (!started && pending.length > 0) {
      started = true;
      if (pending.charCodeAt(0) === 0xfeff) pending = pending.slice(1);
    }
    if (nl === null) {
      const lf = pending.indexOf('\n');
      if (lf === -1 && !final) {
        if (pending.length > MAX_PENDING_CHARS)
          throw new CsvSyntaxError('no line break in the first 16 M characters', 1);
        return null;
      }
      nl = lf > 0 && pending[lf - 1] === '\r' ? '\r\n' : lf === -1 && pending.includes('\r') ? '\r' : '\n';
      parser = new Papa.Parser({ delimiter: ',', newline: nl, quoteChar: '"' });
    }
    if (!parser || pending.length === 0) return null;
    const res = parser.parse(pending, 0, !final) as {
      data: string[][];
      errors: { row?: number; message: string }[];
      meta: { cursor: number };
    };
    const data = res.data;
    const consumed = final ? pending.length : res.meta.cursor;
    if (!final && consumed === 0 && pending.length > MAX_PENDING_CHARS) {
      throw new CsvSyntaxError('a record runs past 16 M characters (unterminated quote?)', line);
    }
    const nlChar = nl === '\r' ? '\r' : '\n';
    const rows: string[][] = [];
    const lines: number[] = [];
    const errors = new Map<number, string>();
    const errByRow = new Map<number, string>();
    for (const e of res.errors)
      if (e.row !== undefined && e.row < data.length) errByRow.set(e.row, e.message);
    // Fast path: no line break inside any field of this slice → every record is one line.
    const terminated = final ? data.length - 1 : data.length;
    const embedded = countChar(pending, nlChar, consumed) - terminated;
    for (let i = 0; i < data.length; i++) {
      const row = data[i]!;
      const start = line;
      let span = 1;
      if (embedded > 0)
        for (const f of row)
          if (f.length > 0 && f.indexOf(nlChar) !== -1) span += countChar(f, nlChar, f.length);
      line += span;
      if (row.length === 1 && row[0] === '') continue; // blank line (or the empty tail after the last newline)
      const err = errByRow.get(i);
      if (err) errors.set(rows.length, err);
      rows.push(row);
      lines.push(start);
    }
    pending = pending.slice(consumed);
    return { rows, lines, errors, bytesRead };
  };

  for await (const chunk of input) {
    signal?.throwIfAborted();
    // At most SLICE bytes per batch: the rows (and the records made of them) of a small batch die
    // young; a 1 MiB chunk's ~5,000 rows outlived the young generation and were copied to the old.
    for (let off = 0; off < chunk.byteLength; off += SLICE) {
      const part = off === 0 && chunk.byteLength <= SLICE ? chunk : chunk.subarray(off, off + SLICE);
      bytesRead += part.byteLength;
      pending += decoder.decode(part, { stream: true });
      const b = run(false);
      if (b && b.rows.length > 0) yield b;
    }
  }
  pending += decoder.decode();
  const b = run(true);
  if (b && b.rows.length > 0) yield b;
}

function countChar(s: string, ch: string, end: number): number {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1 && i < end; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

/** RFC 4180 serialisation of one record, for rejection excerpts (≤ 2 KB). */
export function csvExcerpt(values: readonly string[], max = 2048): string {
  const s = values.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',');
  return s.length > max ? s.slice(0, max) : s;
}
