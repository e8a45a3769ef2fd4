/**
 * Leak tests (ACCESS.md §9): what the API shows equals what decide() permits, for home and
 * partner users alike, in lists, totals, maps, calendars, exports and single reads; a hidden
 * record answers exactly like a missing one.
 */
import { randomUUID } from 'node:crypto';
import { decide, type Label } from '@entente/core';
import { DASHBOARD_TOP_OBJECTIVES } from '@entente/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURSOR_TTL_MS, signCursor } from '../http/cursor';
import { startTestApp, type Agent } from '../testing';
import { ENVIRONMENT_CEILING } from './service';

let t: Awaited<ReturnType<typeof startTestApp>>;
const USERS = ['planner', 'analyst', 'sen.liaison', 'ken.liaison', 'fra.liaison', 'mda.liaison'];
const agents = new Map<string, Agent>();
interface Row {
  id: string;
  objective_ids: string[];
  planned_start: string;
  code: string;
  label_id: string;
  community_id: string;
  party_org_ids: string[];
  owner_org_id: string;
}
let rows: Row[];
const expected = new Map<string, Set<string>>();

async function listAll(a: Agent, query = ''): Promise<{ ids: string[]; total: number }> {
  const ids: string[] = [];
  let total = -1;
  for (let page = 1; ; page++) {
    const r = await a.get(`/api/v1/engagements?pageSize=100&page=${page}${query}`);
    expect(r.status).toBe(200);
    total = r.body.data.total;
    ids.push(...r.body.data.items.map((i: { id: string }) => i.id));
    if (!r.body.data.hasMore) break;
  }
  return { ids, total };
}

beforeAll(async () => {
  t = await startTestApp();
  rows = (
    await t
      .owner()
      .query<Row>(
        'SELECT id, code, label_id, community_id, party_org_ids, owner_org_id, objective_ids, planned_start::text AS planned_start FROM engagement',
      )
  ).rows;
  for (const u of USERS) {
    const a = await t.login(u);
    agents.set(u, a);
    const me = (await a.get('/api/v1/auth/me')).body.data;
    const s = await t.ctx.access.subjectOf(me.id, me.assurance);
    if (!s) throw new Error(`no subject for ${u}`);
    const now = new Date().toISOString();
    const ok = rows.filter(
      (r) =>
        decide(s, 'read', t.ctx.access.label(r.label_id) as Label, {
          now,
          registry: t.ctx.access.registry(),
          environmentCeiling: ENVIRONMENT_CEILING,
          resource: {
            kind: 'engagement',
            communityId: r.community_id,
            ownerOrgId: r.owner_org_id,
            originatorOrgId: r.owner_org_id,
            partyOrgIds: r.party_org_ids,
          },
        }).effect === 'permit',
    );
    expected.set(u, new Set(ok.map((r) => r.id)));
  }
});
afterAll(() => t.close());

describe('SQL ≡ decide()', () => {
  it.each(USERS)(
    '%s: the register lists exactly the engagements decide() permits, and its total says so',
    async (u) => {
      const { ids, total } = await listAll(agents.get(u) as Agent);
      const want = expected.get(u) as Set<string>;
      expect(new Set(ids)).toEqual(want);
      expect(total).toBe(want.size);
    },
  );

  it('home users see more than partners, and partners see only records they are party to', async () => {
    expect(expected.get('analyst')!.size).toBeGreaterThan(expected.get('planner')!.size);
    expect(expected.get('planner')!.size).toBeGreaterThan(expected.get('ken.liaison')!.size);
    expect(expected.get('ken.liaison')!.size).toBeGreaterThan(0);
    const kenMod = (await t.owner().query("SELECT id FROM organisation WHERE code = 'KEN-MOD'")).rows[0].id;
    for (const id of expected.get('ken.liaison')!)
      expect(rows.find((r) => r.id === id)!.party_org_ids).toContain(kenMod);
  });
});

describe('no existence leaks', () => {
  it('a hidden engagement and a random id give the same status and body (but the request id)', async () => {
    const ken = agents.get('ken.liaison') as Agent;
    const hidden = rows.find((r) => !expected.get('ken.liaison')!.has(r.id))!;
    const a = await ken.get(`/api/v1/engagements/${hidden.id}`);
    const b = await ken.get(`/api/v1/engagements/${randomUUID()}`);
    expect(a.status).toBe(404);
    expect(b.status).toBe(404);
    const strip = (x: { error: Record<string, unknown> }) => ({ ...x.error, requestId: undefined });
    expect(strip(a.body)).toEqual(strip(b.body));
    expect(Object.keys(a.headers).sort()).toEqual(Object.keys(b.headers).sort());
  });

  it.each(USERS)(
    '%s: dashboard totals, map points, calendar and CSV export hold only visible engagements',
    async (u) => {
      const a = agents.get(u) as Agent;
      const want = expected.get(u) as Set<string>;
      const codes = new Set(rows.filter((r) => want.has(r.id)).map((r) => r.code));
      const hiddenCodes = rows.filter((r) => !want.has(r.id)).map((r) => r.code);
      const dash = (await a.get('/api/v1/dashboard')).body.data;
      expect(dash.totals.engagements).toBe(want.size);
      expect(dash.byType.reduce((n: number, x: { count: number }) => n + x.count, 0)).toBe(want.size);
      // Every facet counts exactly the visible rows (computed here from the rows decide() permits).
      const seen = rows.filter((r) => want.has(r.id));
      const tally = (keys: (r: Row) => string[]) => {
        const m = new Map<string, number>();
        for (const r of seen) for (const k of new Set(keys(r))) m.set(k, (m.get(k) ?? 0) + 1);
        return m;
      };
      const asMap = (xs: { key: string; count: number }[]) => new Map(xs.map((x) => [x.key, x.count]));
      expect(asMap(dash.byYear)).toEqual(tally((r) => [String(Number(r.planned_start.slice(0, 4)))]));
      // Objectives the user may not see are left out of the chart; the others count exactly.
      const byObjective = tally((r) => r.objective_ids);
      for (const x of dash.byObjective as { key: string; count: number }[])
        expect(x.count).toBe(byObjective.get(x.key));
      if (!u.endsWith('.liaison')) expect(dash.byObjective.length).toBeGreaterThan(0);
      // The chart names the objectives with the most engagements; the rest are summed, over visible objectives only.
      const visibleObjectives = new Set(
        ((await a.get('/api/v1/strategy/objectives')).body.data as { id: string }[]).map((o) => o.id),
      );
      const linked = [...byObjective].filter(([k]) => visibleObjectives.has(k));
      const listed = dash.byObjective as { key: string; count: number }[];
      expect(listed.length).toBe(Math.min(linked.length, DASHBOARD_TOP_OBJECTIVES));
      expect(listed.map((x) => x.count)).toEqual([...listed.map((x) => x.count)].sort((x, y) => y - x));
      expect(dash.objectivesOther.objectives).toBe(linked.length - listed.length);
      expect(dash.objectivesOther.count + listed.reduce((n, x) => n + x.count, 0)).toBe(
        linked.reduce((n, [, c]) => n + c, 0),
      );
      const map = (await a.get('/api/v1/engagements/map')).body.data as { id: string }[];
      for (const p of map) expect(want.has(p.id)).toBe(true);
      const cal = (await a.get('/api/v1/engagements/calendar?from=2000-01-01&to=2035-12-31')).body.data as {
        id: string;
      }[];
      expect(new Set(cal.map((x) => x.id))).toEqual(want);
      const csv = (await a.get('/api/v1/engagements/export.csv')).text;
      for (const c of hiddenCodes) expect(csv.includes(`\r\n${c},`)).toBe(false);
      const exported = csv
        .split('\r\n')
        .slice(2, -2)
        .map((l) => l.split(',')[0]);
      for (const c of exported) expect(codes.has(c as string)).toBe(true);
    },
  );

  it("marks a partner's dashboard with the join of what it counts (released to that partner)", async () => {
    const r = await (agents.get('ken.liaison') as Agent).get('/api/v1/dashboard');
    expect(r.body.meta.pageLabel.banner).toMatch(/^HUB (OFFICIAL|RESTRICTED)\/\/REL TO XHN, KEN$/);
  });

  it('a partner session cannot reach administration at all (404, not 403)', async () => {
    const sen = agents.get('sen.liaison') as Agent;
    expect((await sen.get('/api/v1/admin/users')).status).toBe(404);
    expect((await sen.get('/api/v1/admin/audit')).status).toBe(404);
  });
});

describe('forged cursors (ACCESS.md §9 leak test 6)', () => {
  it('pages by cursor exactly as by page number, and refuses flipped, foreign and expired cursors alike', async () => {
    const a = agents.get('planner') as Agent;
    const q = '/api/v1/engagements?pageSize=50&sort=code&order=asc';
    const byCursor: string[] = [];
    let next: string | null = null;
    let first: string | null = null;
    do {
      const r = await a.get(next ? `${q}&cursor=${encodeURIComponent(next)}` : q);
      expect(r.status).toBe(200);
      byCursor.push(...r.body.data.items.map((i: { id: string }) => i.id));
      next = r.body.data.nextCursor;
      first ??= next;
    } while (next);
    const byPage = (await listAll(a, '&sort=code&order=asc')).ids;
    expect(byCursor).toEqual(byPage);
    expect(byCursor.length).toBe(expected.get('planner')!.size);

    const c = first as string;
    const flipped = c.slice(0, 5) + (c[5] === 'A' ? 'B' : 'A') + c.slice(6);
    const expired = signCursor(
      t.ctx.secretKey,
      {
        subjectId: (await a.get('/api/v1/auth/me')).body.data.id,
        route: '/api/v1/engagements',
        query: { sort: 'code', order: 'asc', pageSize: 50 },
      },
      ['A', '00000000-0000-0000-0000-000000000000'],
      Date.now() - CURSOR_TTL_MS - 1,
    );
    const foreign = await (agents.get('analyst') as Agent).get(`${q}&cursor=${encodeURIComponent(c)}`);
    const bodies = [foreign];
    for (const x of [flipped, expired]) bodies.push(await a.get(`${q}&cursor=${encodeURIComponent(x)}`));
    for (const r of bodies) {
      expect(r.status).toBe(400);
      expect({ ...r.body.error, requestId: '' }).toEqual({ ...bodies[0]!.body.error, requestId: '' });
    }
  });
});

describe('what each persona sees of the demo data', () => {
  it('is pinned (284 engagements in all)', () => {
    expect(rows.length).toBe(284);
    expect(Object.fromEntries(USERS.map((u) => [u, expected.get(u)!.size]))).toMatchInlineSnapshot(`
      {
        "analyst": 284,
        "fra.liaison": 4,
        "ken.liaison": 15,
        "mda.liaison": 48,
        "planner": 266,
        "sen.liaison": 18,
      }
    `);
  });
});
