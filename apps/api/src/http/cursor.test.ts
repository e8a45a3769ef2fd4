import { describe, expect, it } from 'vitest';
import { CURSOR_TTL_MS, openCursor, signCursor } from './cursor';

const KEY = 'k'.repeat(43);
const bind = { subjectId: 'u1', route: '/api/v1/engagements', query: { sort: 'code', order: 'asc', pageSize: 25, type: ['staff_talks'] } };
const bad = { code: 'bad_cursor' };

describe('pagination cursors', () => {
  it('round-trip the sort key for the same subject, route and query', () => {
    const c = signCursor(KEY, bind, ['ENG-1', 'a'], 1_000);
    expect(openCursor(KEY, c, bind, 2_000)).toEqual(['ENG-1', 'a']);
    // Key order in the query does not matter (canonical JSON).
    expect(openCursor(KEY, c, { ...bind, query: { type: ['staff_talks'], pageSize: 25, order: 'asc', sort: 'code' } }, 2_000)).toEqual(['ENG-1', 'a']);
  });

  it('refuse every altered, foreign, re-targeted or expired cursor with the same error', () => {
    const c = signCursor(KEY, bind, ['ENG-1', 'a'], 1_000);
    const flipped = (c[3] === 'A' ? 'B' : 'A') + '';
    const cases = [
      c.slice(0, 3) + flipped + c.slice(4),
      c.slice(0, -2) + (c.at(-2) === 'A' ? 'B' : 'A') + c.at(-1),
      `${c}.x`,
      'garbage',
    ];
    for (const x of cases) expect(() => openCursor(KEY, x, bind, 2_000)).toThrow(expect.objectContaining(bad));
    expect(() => openCursor(KEY, c, { ...bind, subjectId: 'u2' }, 2_000)).toThrow(expect.objectContaining(bad));
    expect(() => openCursor(KEY, c, { ...bind, route: '/api/v1/agreements' }, 2_000)).toThrow(expect.objectContaining(bad));
    expect(() => openCursor(KEY, c, { ...bind, query: { ...bind.query, type: ['joint_exercise'] } }, 2_000)).toThrow(expect.objectContaining(bad));
    expect(() => openCursor('other'.repeat(9), c, bind, 2_000)).toThrow(expect.objectContaining(bad));
    expect(() => openCursor(KEY, c, bind, 1_000 + CURSOR_TTL_MS)).toThrow(expect.objectContaining(bad));
  });
});
