/** A small seeded PRNG (mulberry32) and the draws the generator needs. Never Math.random. */
import { createHash } from 'node:crypto';

export class Rng {
  private s: number;

  constructor(seed: string) {
    this.s = createHash('sha256').update(seed).digest().readUInt32LE(0);
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error('pick from an empty list');
    return xs[Math.floor(this.next() * xs.length)] as T;
  }

  /** `n` distinct items (or all of them when there are fewer). */
  sample<T>(xs: readonly T[], n: number): T[] {
    const copy = [...xs];
    const out: T[] = [];
    while (out.length < n && copy.length) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0] as T);
    return out;
  }

  /** A deterministic UUID (version-4 layout, bits from this generator). */
  uuid(): string {
    const h: string[] = [];
    for (let i = 0; i < 4; i++) h.push(Math.floor(this.next() * 2 ** 32).toString(16).padStart(8, '0'));
    const x = h.join('');
    const variant = ((parseInt(x[16] as string, 16) & 0x3) | 0x8).toString(16);
    return `${x.slice(0, 8)}-${x.slice(8, 12)}-4${x.slice(13, 16)}-${variant}${x.slice(17, 20)}-${x.slice(20, 32)}`;
  }
}

/** Draws from a fixed discrete distribution in O(log n) (cumulative weights + binary search). */
export class Weighted<T> {
  private readonly cum: number[] = [];
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    let t = 0;
    for (const w of weights) this.cum.push((t += w));
    this.total = t;
  }

  draw(r: Rng): T {
    const x = r.next() * this.total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cum[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}
