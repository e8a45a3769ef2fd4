import { describe, expect, it } from 'vitest';
import { cached, invalidateRollups } from './rollup-cache';

describe('the roll-up cache', () => {
  it('runs one computation for concurrent misses of one key', async () => {
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const compute = async () => {
      runs++;
      await gate;
      return runs;
    };
    const all = Promise.all(Array.from({ length: 16 }, () => cached('k1', compute)));
    release();
    expect(await all).toEqual(Array(16).fill(1));
    expect(runs).toBe(1);
    expect(await cached('k1', compute)).toBe(1); // a hit afterwards
  });

  it('does not keep a value computed across a write, and forgets nothing else wrongly', async () => {
    let n = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = cached('k2', async () => {
      await gate;
      return ++n;
    });
    invalidateRollups();
    release();
    expect(await first).toBe(1);
    expect(await cached('k2', async () => ++n)).toBe(2);
  });

  it('does not cache a failure', async () => {
    await expect(cached('k3', async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cached('k3', async () => 7)).toBe(7);
  });
});
