/**
 * The register's bounded count on real PostgreSQL: exact up to the cap (or the end of the requested
 * page), a lower bound flagged `totalCapped` beyond it, and always over the visible rows only.
 */
import { inScope, scoped, type AccessScope } from '@entente/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent } from '../testing';

let t: Awaited<ReturnType<typeof startTestApp>>;
const scopes = new Map<string, AccessScope>();
const agents = new Map<string, Agent>();

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['planner', 'analyst']) {
    const a = await t.login(u);
    agents.set(u, a);
    const me = (await a.get('/api/v1/auth/me')).body.data;
    const s = await t.ctx.access.subjectOf(me.id, me.assurance);
    if (!s) throw new Error(`no subject for ${u}`);
    scopes.set(u, await t.ctx.access.scopeOf(s));
  }
});
afterAll(() => t.close());

const search = (u: string, f: scoped.EngagementFilters, page: number, countCap?: number) => {
  const s = scopes.get(u) as AccessScope;
  return inScope(t.ctx.db.db, s, (tx) =>
    scoped.searchEngagements(tx, s, f, {
      sort: 'plannedStart',
      order: 'desc',
      limit: 25,
      offset: (page - 1) * 25,
      ...(countCap ? { countCap } : {}),
    }),
  );
};

describe('the bounded count', () => {
  it('is exact below the cap and equals the visible rows, per user', async () => {
    for (const u of ['planner', 'analyst']) {
      const visible = (await t.owner().query<{ id: string }>('SELECT id FROM engagement')).rows.length;
      const r = await search(u, {}, 1);
      const api = (await (agents.get(u) as Agent).get('/api/v1/engagements?pageSize=25')).body.data;
      expect(r.totalCapped).toBe(false);
      expect(api.total).toBe(r.total);
      expect(api.totalCapped).toBe(false);
      expect(r.total).toBeGreaterThan(50);
      if (u === 'planner') expect(r.total).toBeLessThan(visible);
    }
    expect((await search('analyst', {}, 1)).total).toBeGreaterThan((await search('planner', {}, 1)).total);
  });

  it('says "at least the cap" beyond it, and at least the end of a later page', async () => {
    const exact = (await search('planner', {}, 1)).total;
    const first = await search('planner', {}, 1, 50);
    expect(first).toMatchObject({ total: 50, totalCapped: true, hasMore: true });
    expect(first.rows).toHaveLength(25);
    const third = await search('planner', {}, 3, 50);
    expect(third).toMatchObject({ total: 75, totalCapped: true });
    const atCap = await search('planner', {}, 1, exact);
    expect(atCap).toMatchObject({ total: exact, totalCapped: false });
  });

  it('is exact from the first page alone when every match fits on it', async () => {
    const all = await search('planner', {}, 1);
    const code = all.rows[0]?.code as string;
    const one = await search('planner', { q: code }, 1, 1);
    expect(one.totalCapped).toBe(false);
    expect(one.total).toBe(one.rows.length);
    expect(one.rows.map((e) => e.code)).toContain(code);
  });
});
