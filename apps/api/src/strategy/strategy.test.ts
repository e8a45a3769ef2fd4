/** Strategy through the API: the objective tree, its invariants and lifecycle, logic models, plans. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent } from '../testing';

let t: Awaited<ReturnType<typeof startTestApp>>;
let planner: Agent;
let all: string;
const label = { level: 'HUB-OFFICIAL', releasableTo: ['XHN'], restrictive: [], handling: [] };

beforeAll(async () => {
  t = await startTestApp();
  planner = await t.login('planner');
  all = (await planner.get('/api/v1/reference/communities')).body.data.find((c: { code: string }) => c.code === 'all').id;
});
afterAll(() => t.close());

describe('objectives', () => {
  it('form a tree whose roots are the national objectives', async () => {
    const objs = (await planner.get('/api/v1/strategy/objectives')).body.data as { code: string; parentId: string | null; level: string }[];
    expect(objs.filter((o) => o.parentId === null).map((o) => o.code).sort()).toEqual(['SO-1', 'SO-2', 'SO-3']);
    expect(objs.every((o) => o.parentId === null || objs.some((p) => (p as { id?: string }).id === o.parentId))).toBe(true);
  });

  it('refuse a child whose validity lies outside its parent, naming the field', async () => {
    const so2 = (await planner.get('/api/v1/strategy/objectives')).body.data.find((o: { code: string }) => o.code === 'SO-2');
    const r = await planner.send('POST', '/api/v1/strategy/objectives', { code: 'SO-2.T', title: 'Test objective', description: 'x', level: 'functional', parentId: so2.id, priority: 2, validFrom: '1999-01-01', communityId: all, label });
    expect(r.status).toBe(400);
    expect(r.body.error.fields[0].path).toBe('validFrom');
  });

  it('go draft → active → retired, and retiring lists the open engagements to re-align', async () => {
    const objs = (await planner.get('/api/v1/strategy/objectives')).body.data;
    const so2 = objs.find((o: { code: string }) => o.code === 'SO-2');
    const created = await planner.send('POST', '/api/v1/strategy/objectives', { code: 'SO-2.T', title: 'Regional maritime law enforcement', description: 'Test', level: 'functional', parentId: so2.id, priority: 2, threatFocus: ['piracy'], validFrom: '2020-01-01', communityId: all, label });
    expect(created.status).toBe(201);
    const id = created.body.data.id;
    expect(created.body.data.status).toBe('draft');
    const active = await planner.send('POST', `/api/v1/strategy/objectives/${id}/transitions`, { to: 'active', version: 1 });
    expect(active.status).toBe(200);
    // Link an engagement to it.
    const base = (await planner.get('/api/v1/engagements?pageSize=1&status=approved')).body.data.items[0];
    const detail = (await planner.get(`/api/v1/engagements/${base.id}`)).body.data;
    const input = {
      code: detail.code, title: detail.title, type: detail.type, payload: detail.payload, initiativeId: detail.initiative.id, partnerIso3s: detail.partnerIso3s,
      objectiveIds: [...detail.objectives.map((o: { id: string }) => o.id), id], leadOrgId: detail.leadOrg.id, plannedStart: detail.plannedStart, plannedEnd: detail.plannedEnd,
      locations: detail.locations, participants: detail.participants.map((p: { orgId: string; role: string; plannedHeadcount: number }) => ({ orgId: p.orgId, role: p.role, plannedHeadcount: p.plannedHeadcount })),
      plannedCost: detail.plannedCost.amount, currency: detail.plannedCost.currency, communityId: (await t.owner().query('SELECT community_id FROM engagement WHERE id = $1', [base.id])).rows[0].community_id, label: detail.label,
    };
    const linked = await planner.send('PUT', `/api/v1/engagements/${base.id}`, { version: detail.version, engagement: input });
    expect(linked.status).toBe(200);
    expect((await planner.send('POST', `/api/v1/strategy/objectives/${id}/transitions`, { to: 'retired', version: 2 })).status).toBe(422);
    const retired = await planner.send('POST', `/api/v1/strategy/objectives/${id}/transitions`, { to: 'retired', version: 2, reason: 'Merged into SO-2.1' });
    expect(retired.status).toBe(200);
    expect(retired.body.data.realign).toEqual([detail.code]);
    // The engagement keeps its link (never silently unlinked) …
    expect((await planner.get(`/api/v1/engagements/${base.id}`)).body.data.objectives.map((o: { id: string }) => o.id)).toContain(id);
    // … but a new engagement cannot be linked to a retired objective.
    const fresh = await planner.send('POST', '/api/v1/engagements', { ...input, code: 'TST-RET-1', objectiveIds: [id] });
    expect(fresh.status).toBe(400);
    expect(fresh.body.error.fields[0].message).toMatch(/retired/);
  });
});

describe('initiatives and plans', () => {
  it('show an initiative with its logic model from inputs to impact', async () => {
    const list = (await planner.get('/api/v1/strategy/initiatives')).body.data;
    expect(list.length).toBeGreaterThan(10);
    const ini = (await planner.get(`/api/v1/strategy/initiatives/${list[0].id}`)).body.data;
    const kinds = new Set(ini.logicModel.map((n: { kind: string }) => n.kind));
    expect([...kinds].sort()).toEqual(['activity', 'impact', 'input', 'outcome', 'output']);
    expect(ini.engagementCount).toBeGreaterThan(0);
  });

  it('list cooperation plans with their owners, including co-owning partners', async () => {
    const plans = (await planner.get('/api/v1/strategy/plans')).body.data as { owners: string[] }[];
    expect(plans.length).toBeGreaterThan(3);
    expect(plans.some((p) => p.owners.includes('XHN-MOD') && p.owners.some((o) => o !== 'XHN-MOD' && o.endsWith('-MOD')))).toBe(true);
  });
});
