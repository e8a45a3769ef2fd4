/**
 * Content hashing. `content_hash` is SHA-256 over the canonical JSON of `raw`: keys sorted by
 * UTF-16 code unit (JavaScript's default sort), values verbatim, no whitespace. The header of a
 * file is fixed, so the sorted key order and the JSON-escaped key prefixes are computed once per
 * file (`RawHasher`) instead of sorting and escaping keys on every row.
 */
import { createHash } from 'node:crypto';

export class RawHasher {
  /** Column indices in sorted-key order. */
  private readonly order: number[];
  /** `{"key":` / `,"key":` fragments in sorted order. */
  private readonly prefixes: string[];

  constructor(readonly headers: readonly string[]) {
    this.order = headers.map((_, i) => i).sort((a, b) => cmp(headers[a]!, headers[b]!));
    this.prefixes = this.order.map((i, k) => `${k === 0 ? '{' : ','}${JSON.stringify(headers[i])}:`);
  }

  /** Canonical JSON of the row whose values are `values` in header order. */
  canonical(values: readonly string[]): string {
    let s = '';
    for (let k = 0; k < this.order.length; k++)
      s += this.prefixes[k] + JSON.stringify(values[this.order[k]!] ?? '');
    return this.order.length === 0 ? '{}' : `${s}}`;
  }

  hash(values: readonly string[]): string {
    return sha256Hex(this.canonical(values));
  }
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Canonical JSON of any header → string map (the same bytes `RawHasher.canonical` produces). */
export function canonicalJson(raw: Readonly<Record<string, string>>): string {
  const keys = Object.keys(raw).sort(cmp);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(raw[k])}`).join(',')}}`;
}
