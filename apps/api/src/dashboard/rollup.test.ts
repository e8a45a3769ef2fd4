/**
 * The engagement roll-up (migration 0024) against the scan it replaces, on real PostgreSQL: for a
 * restricted home user (planner), a see-all analyst and a partner liaison, the dashboard counts from
 * the roll-up equal the scan of the visible rows — initially, and after creates, updates,
 * transitions, relabels, TLP changes and deletes; a hidden record changes no count; RLS gives the
 * roll-up's rows only for permitted labels and communities, and none to partner-scoped sessions.
 */
import { randomUUID } from 'node:crypto';
import { canonicalLabel, labelId, type Label } from '@entente/core';
import { inScope, scoped, type AccessScope } from '@entente/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent } from '../testing';

let t: Awaited<ReturnType<typeof startTestApp>>;
const USERS = ['planner', 'analyst', 'sen.liaison'] as const;
const agents = new Map<string, Agent>();
const scopes = new Map<string, AccessScope>();
let draft: Record<string, unknown>;
let objectiveIds: string[];

async function scopeOf(u: string): Promise<AccessScope> {
  const me = (await (agents.get(u) as Agent).get('/api/v1/auth/me')).body.data;
  const s = await t.ctx.access.subjectOf(me.id, me.assurance);
  if (!s) throw new Error(`no subject for ${u}`);
  return t.ctx.access.scopeOf(s);
}

type Counts = Awaited<ReturnType<typeof scoped.engagementCounts>>;
const norm = (c: Counts) => {
  const k = (xs: { key: string; count: number }[]) => [...xs].sort((a, b) => a.key.localeCompare(b.key));
  return {
    ...c,
    labelIds: [...c.labelIds].sort(),
    byType: k(c.byType),
    byObjective: k(c.byObjective),
    byRegion: k(c.byRegion),
    byYear: k(c.byYear),
  };
};

/** Roll-up and scan for one subject and year filter, in one scoped transaction as the app role. */
async function both(u: string, year?: number) {
  const scope = scopes.get(u) as AccessScope;
  return inScope(t.ctx.db.db, scope, async (tx) => ({
    rollup: norm(await scoped.engagementCounts(tx, scope, { year })),
    scan: norm(await scoped.engagementCounts(tx, scope, { year }, { scan: true })),
  }));
}

async function expectRollupEqualsScan() {
  for (const u of USERS)
    for (const year of [undefined, 2024, 2025, 2026, 2031, 2032]) {
      const { rollup, scan } = await both(u, year);
      expect(rollup, `${u} ${year ?? 'all years'}`).toEqual(scan);
    }
}

beforeAll(async () => {
  t = await startTestApp();
  for (const u of [...USERS, 'approver']) agents.set(u, await t.login(u));
  for (const u of USERS) scopes.set(u, await scopeOf(u));
  const planner = agents.get('planner') as Agent;
  objectiveIds = (await planner.get('/api/v1/strategy/objectives')).body.data
    .filter((o: { status?: string }) => o.status !== 'retired')
    .map((o: { id: string }) => o.id);
  const initiatives = (await planner.get('/api/v1/strategy/initiatives')).body.data;
  const orgs = (await planner.get('/api/v1/reference/organisations')).body.data;
  const comms = (await planner.get('/api/v1/reference/communities')).body.data;
  const org = (code: string) => orgs.find((o: { code: string }) => o.code === code).id;
  draft = {
    code: 'RUP-2031-001',
    title: 'Roll-up check staff talks',
    type: 'staff_talks',
    summary: 'Staff talks written to check the dashboard roll-up.',
    payload: { format: 'bilateral', agenda: ['roll-up'] },
    initiativeId: initiatives[0].id,
    partnerIso3s: ['KEN'],
    objectiveIds: [objectiveIds[0]],
    leadOrgId: org('XHN-SECCOOP'),
    plannedStart: '2031-03-02',
    plannedEnd: '2031-03-04',
    locations: [{ name: 'Mombasa', iso3: 'KEN', lat: -4.05, lon: 39.67 }],
    participants: [
      { orgId: org('XHN-SECCOOP'), role: 'lead', plannedHeadcount: 4 },
      { orgId: org('KEN-MOD'), role: 'participant', plannedHeadcount: 6 },
    ],
    plannedCost: '1234.56',
    currency: 'EUR',
    communityId: comms.find((c: { code: string }) => c.code === 'all').id,
    label: { level: 'HUB-OFFICIAL', releasableTo: ['XHN', 'KEN'], restrictive: [], handling: [] },
  };
});
afterAll(() => t.close());

describe('roll-up ≡ scan', () => {
  it('on the demo data, for a restricted planner, a see-all analyst and a partner liaison, every year filter', async () => {
    expect(scoped.rollupAnswers(scopes.get('planner') as AccessScope, { year: 2025 })).toBe(true);
    expect(scoped.rollupAnswers(scopes.get('planner') as AccessScope, { partners: ['KEN'] })).toBe(false);
    expect(scoped.rollupAnswers(scopes.get('sen.liaison') as AccessScope, {})).toBe(false);
    const { rollup } = await both('planner');
    expect(rollup.total).toBeGreaterThan(0);
    expect((await both('analyst')).rollup.total).toBeGreaterThan(rollup.total);
    await expectRollupEqualsScan();
  });

  it('after a create, an update that moves every counted column, a transition and a relabel', async () => {
    const planner = agents.get('planner') as Agent;
    const approver = agents.get('approver') as Agent;
    const before = (await both('planner')).rollup;
    const made = await planner.send('POST', '/api/v1/engagements', draft);
    expect(made.status).toBe(201);
    const id = made.body.data.id as string;
    await expectRollupEqualsScan();
    const after = (await both('planner')).rollup;
    expect(after.total).toBe(before.total + 1);
    expect(Number(after.plannedCost)).toBeCloseTo(Number(before.plannedCost) + 1234.56, 2);

    const moved = {
      ...draft,
      type: 'joint_exercise',
      partnerIso3s: ['KEN', 'SOM', 'SEN'],
      objectiveIds: objectiveIds.slice(0, 2),
      plannedStart: '2031-12-20',
      plannedEnd: '2032-01-10',
      plannedCost: '99.99',
    };
    const upd = await planner.send('PUT', `/api/v1/engagements/${id}`, { version: 1, engagement: moved });
    expect(upd.status, upd.text).toBe(200);
    await expectRollupEqualsScan();
    const in2032 = (await both('planner', 2032)).rollup;
    expect(in2032.byType.find((x) => x.key === 'joint_exercise')?.count).toBeGreaterThan(0);

    const tr = await planner.send('POST', `/api/v1/engagements/${id}/transitions`, {
      to: 'proposed',
      version: 2,
    });
    expect(tr.status).toBe(200);
    await expectRollupEqualsScan();

    const rl = await approver.send('POST', `/api/v1/engagements/${id}/relabel`, {
      version: 3,
      label: { level: 'HUB-RESTRICTED', releasableTo: ['XHN'], restrictive: [], handling: [] },
      reason: 'Roll-up check',
    });
    expect(rl.status).toBe(200);
    await expectRollupEqualsScan();
  });

  it('after TLP:AMBER is set on records (counted from the table, not the roll-up) and a delete', async () => {
    const rows = (
      await t
        .owner()
        .query<{ id: string; label_id: string }>('SELECT id, label_id FROM engagement ORDER BY code LIMIT 3')
    ).rows;
    const seccoop = (await t.owner().query("SELECT id FROM organisation WHERE code = 'XHN-SECCOOP'")).rows[0]
      .id as string;
    for (const r of rows) {
      const base = t.ctx.access.label(r.label_id) as Label;
      const l = canonicalLabel({ ...base, tlp: 'amber' });
      await t
        .owner()
        .query(
          'INSERT INTO label (id, policy, level, restrictive, releasable_to, handling, tlp, canonical) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING',
          [
            labelId(l),
            l.policy,
            l.level,
            l.restrictive,
            l.releasableTo,
            l.handling,
            l.tlp,
            JSON.stringify(l),
          ],
        );
      await t
        .owner()
        .query('UPDATE engagement SET label_id = $1, tlp_recipients = $2 WHERE id = $3', [
          labelId(l),
          JSON.stringify({ orgIds: [seccoop], clientOrgIds: [], userIds: [] }),
          r.id,
        ]);
    }
    await t.ctx.access.refresh();
    for (const u of USERS) scopes.set(u, await scopeOf(u));
    const amber = await t.owner().query("SELECT count(*)::int AS n FROM engagement WHERE tlp = 'amber'");
    expect(amber.rows[0].n).toBe(3);
    await expectRollupEqualsScan();

    await t
      .owner()
      .query(
        'DELETE FROM engagement WHERE id = (SELECT id FROM engagement WHERE tlp IS NULL ORDER BY code DESC LIMIT 1)',
      );
    await expectRollupEqualsScan();
  });
});

describe('a hidden record changes no count', () => {
  it('a SECRET engagement counts for the analyst and not for the planner, in the roll-up and the scan', async () => {
    const planner = scopes.get('planner') as AccessScope;
    const analyst = scopes.get('analyst') as AccessScope;
    const hiddenLabel = analyst.labelIds.find(
      (l) => !planner.labelIds.includes(l) && t.ctx.access.label(l)?.tlp === undefined,
    );
    expect(hiddenLabel).toBeDefined();
    const before = { planner: (await both('planner')).rollup, analyst: (await both('analyst')).rollup };
    await t.owner().query(
      `INSERT INTO engagement (id, code, title, type, status, initiative_id, partner_iso3s, objective_ids, lead_org_id, planned_start, planned_end, planned_cost, label_id, community_id, owner_org_id, party_org_ids)
       SELECT $1, 'HID-2031-001', 'Hidden', 'staff_talks', 'draft', initiative_id, ARRAY['ZZZ'], objective_ids, lead_org_id, planned_start, planned_end, 5, $2, community_id, owner_org_id, party_org_ids
       FROM engagement WHERE tlp IS NULL AND community_id = ANY($3::uuid[]) ORDER BY code LIMIT 1`,
      [randomUUID(), hiddenLabel, analyst.communityIds.filter((c) => planner.communityIds.includes(c))],
    );
    const after = { planner: (await both('planner')).rollup, analyst: (await both('analyst')).rollup };
    expect(after.planner).toEqual(before.planner);
    expect(after.analyst.total).toBe(before.analyst.total + 1);
    expect(after.analyst.byRegion.find((x) => x.key === 'Unknown')?.count ?? 0).toBe(
      (before.analyst.byRegion.find((x) => x.key === 'Unknown')?.count ?? 0) + 1,
    );
    await expectRollupEqualsScan();
  });
});

describe("the dashboard's agreement figures", () => {
  it('count the visible agreements in force and list those expiring within 180 days, as the agreement register does', async () => {
    for (const u of ['planner', 'sen.liaison']) {
      const a = agents.get(u) as Agent;
      const dash = (await a.get('/api/v1/dashboard')).body.data;
      const all = (await a.get('/api/v1/agreements')).body.data as {
        id: string;
        status: string;
        expiresOn: string | null;
      }[];
      const today = new Date().toISOString().slice(0, 10);
      const soon = new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);
      expect(dash.totals.agreementsInForce, u).toBe(all.filter((x) => x.status === 'in_force').length);
      const expiring = all.filter(
        (x) =>
          ['in_force', 'signed'].includes(x.status) &&
          x.expiresOn !== null &&
          x.expiresOn >= today &&
          x.expiresOn <= soon,
      );
      expect(dash.expiringAgreements.map((x: { id: string }) => x.id).sort(), u).toEqual(
        expiring.map((x) => x.id).sort(),
      );
    }
  });
});

describe('row-level security on the roll-up', () => {
  const rollupRows = (u: string) =>
    inScope(
      t.ctx.db.db,
      scopes.get(u) as AccessScope,
      async (tx) =>
        (
          await tx.execute<{ label_id: string; community_id: string }>(
            'SELECT DISTINCT label_id, community_id FROM engagement_rollup' as never,
          )
        ).rows,
    );

  it('gives a home user only rows of permitted labels and communities', async () => {
    const planner = scopes.get('planner') as AccessScope;
    const rows = await rollupRows('planner');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(planner.labelIds).toContain(r.label_id);
      expect(planner.communityIds).toContain(r.community_id);
    }
  });

  it('gives a partner-scoped session and a connection without settings nothing', async () => {
    expect(await rollupRows('sen.liaison')).toEqual([]);
    const raw = await t.ctx.db.pool.query('SELECT count(*)::int AS n FROM engagement_rollup');
    expect(raw.rows[0].n).toBe(0);
    await expect(
      t.ctx.db.pool.query(
        'INSERT INTO engagement_rollup VALUES (0, gen_random_uuid(), gen_random_uuid(), $1, $2, 1, 0)',
        ['total', ''],
      ),
    ).rejects.toThrow(/permission denied/);
  });
});
