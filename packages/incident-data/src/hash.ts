/**
 * Content hashing. `content_hash` is SHA-256 over the canonical JSON of `raw`: keys sorted by
 * UTF-16 code unit (JavaScript's default sort), values verbatim, no whitespace.
 *
 * Speed: the header is fixed per file, so `RawHasher` computes the sorted key order once and
 * builds each row's `raw` object by inserting keys in that order. `JSON.stringify` keeps the
 * insertion order of non-integer keys, so one native `JSON.stringify(raw)` *is* the canonical
 * form (no per-row sort or escaping in JS), and `crypto.hash` hashes it without allocating a
 * `Hash` object. Integer-like header names would be reordered by JavaScript, so such headers
 * fall back to the explicit builder (no supported format has one).
 */
import { hash } from 'node:crypto';

const INTEGER_LIKE = /^(?:0|[1-9]\d*)$/;
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export class RawHasher {
  /** Column indices in sorted-key order. */
  private readonly order: number[];
  private readonly keys: string[];
  private readonly nativeOrderSafe: boolean;

  constructor(readonly headers: readonly string[]) {
    this.order = headers.map((_, i) => i).sort((a, b) => cmp(headers[a]!, headers[b]!));
    this.keys = this.order.map((i) => headers[i]!);
    this.nativeOrderSafe = !headers.some((h) => INTEGER_LIKE.test(h));
  }

  /** `raw` for one row (keys in sorted order) and its content hash. */
  build(values: readonly string[]): { raw: Record<string, string>; contentHash: string } {
    const raw: Record<string, string> = {};
    const { order, keys } = this;
    for (let k = 0; k < order.length; k++) raw[keys[k]!] = values[order[k]!] ?? '';
    const json = this.nativeOrderSafe ? JSON.stringify(raw) : canonicalJson(raw);
    return { raw, contentHash: sha256Hex(json) };
  }
}

export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

/** Canonical JSON of any header → string map: keys sorted, values verbatim. */
export function canonicalJson(raw: Readonly<Record<string, string>>): string {
  const keys = Object.keys(raw).sort(cmp);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(raw[k])}`).join(',')}}`;
}
