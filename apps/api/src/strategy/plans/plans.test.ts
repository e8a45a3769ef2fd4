/** Co-owned cooperation plans on a real database: create, submit, approval by every owner, versions, 403/404/409, audit. */
import { inScope } from '@entente/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent } from '../../testing';

let t: Awaited<ReturnType<typeof startTestApp>>;
let planner: Agent;
let approver: Agent;
let fra: Agent;
let sen: Agent;
let all: string;
let orgs: Map<string, string>;
let objectiveId: string;

const PLANS = '/api/v1/strategy/plans';
const label = (...rel: string[]) => ({
  level: 'HUB-OFFICIAL',
  releasableTo: ['XHN', ...rel],
  restrictive: [],
  handling: [],
});

const input = (code: string, owners: string[], rel: string[]) => ({
  code,
  title: 'Coastal counter-IED partnership (test)',
  kind: 'multilateral',
  ownerOrgIds: owners.map((o) => orgs.get(o)),
  partnerIso3s: ['SEN'],
  from: '2026-01-01',
  to: '2030-12-31',
  partnerPriorities: ['Senegal: counter-IED teams in Kédougou'],
  goals: [
    {
      code: 'G1',
      title: 'Counter-IED teams certified',
      objectiveIds: [objectiveId],
      targetDate: '2029-12-31',
      partnerPriorityRefs: [0],
    },
  ],
  contributions: [
    { orgId: orgs.get('XHN-MOD'), pledged: { amount: '2500000.00', currency: 'EUR' }, personDays: 300 },
  ],
  communityId: all,
  label: label(...rel),
});

beforeAll(async () => {
  t = await startTestApp();
  [planner, approver, fra, sen] = [
    await t.login('planner'),
    await t.login('approver'),
    await t.login('fra.approver'),
    await t.login('sen.approver'),
  ];
  all = (await planner.get('/api/v1/reference/communities')).body.data.find(
    (c: { code: string }) => c.code === 'all',
  ).id;
  orgs = new Map(
    (await t.owner().query('SELECT id, code FROM organisation')).rows.map(
      (r: { id: string; code: string }) => [r.code, r.id],
    ),
  );
  objectiveId = (await planner.get('/api/v1/strategy/objectives')).body.data.find(
    (o: { code: string }) => o.code === 'SO-3.WA.2',
  ).id;
});
afterAll(() => t.close());

describe('a co-owned plan', () => {
  let id: string;

  it('is drafted, submitted, approved by the ministry and then the partner owner, and agreed', async () => {
    const created = await planner.send(
      'POST',
      PLANS,
      input('TEST-PLAN-1', ['XHN-MOD', 'FRA-MOD'], ['FRA', 'SEN']),
    );
    expect(created.status).toBe(201);
    id = created.body.data.id;
    expect(created.body.data).toMatchObject({ status: 'draft', planVersion: 1, version: 1 });
    expect(created.body.data.contributions[0]).toMatchObject({
      org: { code: 'XHN-MOD' },
      pledged: { amount: '2500000.00' },
      personDays: 300,
    });
    expect(created.body.data.can).toMatchObject({
      edit: true,
      approve: false,
      transitions: ['in_consultation'],
    });
    expect(created.body.meta.pageLabel.banner).toBeTruthy();

    expect((await approver.send('POST', `${PLANS}/${id}/approvals`, { planVersion: 1 })).status).toBe(409); // a draft
    const submitted = await planner.send('POST', `${PLANS}/${id}/submit`, { version: 1 });
    expect(submitted.status).toBe(200);
    expect(submitted.body.data.status).toBe('in_consultation');

    expect((await approver.get(`${PLANS}/${id}`)).body.data.can.approve).toBe(true);
    const first = await approver.send('POST', `${PLANS}/${id}/approvals`, { planVersion: 1 });
    expect(first.status).toBe(200);
    expect(first.body.data.awaiting).toEqual(['FRA-MOD']);
    expect(first.body.data.plan.status).toBe('in_consultation');

    const list = (await planner.get(PLANS)).body.data.find((p: { id: string }) => p.id === id);
    expect(list).toMatchObject({ approvedBy: ['XHN-MOD'], awaiting: ['FRA-MOD'], planVersion: 1 });

    expect((await fra.get(`${PLANS}/${id}`)).body.data.can.approve).toBe(true);
    const last = await fra.send('POST', `${PLANS}/${id}/approvals`, { planVersion: 1 });
    expect(last.status).toBe(200);
    expect(last.body.data.awaiting).toEqual([]);
    expect(last.body.data.plan.status).toBe('agreed');
    const owners = last.body.data.plan.owners as { code: string; approval: { userName: string } | null }[];
    expect(owners.map((o) => [o.code, o.approval?.userName])).toEqual([
      ['XHN-MOD', 'Col. Alex Brandt'],
      ['FRA-MOD', 'Col. Hélène Marchal'],
    ]);
    const rows = await t
      .owner()
      .query(
        'SELECT plan_version, user_id, org_id FROM plan_approval WHERE plan_id = $1 ORDER BY approved_at',
        [id],
      );
    expect(
      rows.rows.map((r: { org_id: string; plan_version: number }) => [r.plan_version, r.org_id]),
    ).toEqual([
      [1, orgs.get('XHN-MOD')],
      [1, orgs.get('FRA-MOD')],
    ]);
  });

  it('refuses a non-owner (403), a second approval by the same owner (409) and a stale version (409)', async () => {
    const other = (
      await planner.send('POST', PLANS, input('TEST-PLAN-2', ['XHN-MOD', 'FRA-MOD'], ['FRA', 'SEN']))
    ).body.data;
    await planner.send('POST', `${PLANS}/${other.id}/submit`, { version: 1 });
    // Senegal's approver sees the plan (Senegal is its partner) but its ministry is not an owner.
    expect((await sen.get(`${PLANS}/${other.id}`)).body.data.can.approve).toBe(false);
    const nonOwner = await sen.send('POST', `${PLANS}/${other.id}/approvals`, { planVersion: 1 });
    expect(nonOwner.status).toBe(403);
    expect((await planner.send('POST', `${PLANS}/${other.id}/approvals`, { planVersion: 1 })).status).toBe(
      403,
    ); // no approver role
    expect(
      (await approver.send('POST', `${PLANS}/${other.id}/approvals`, { planVersion: 2 })).body.error.code,
    ).toBe('stale_version');
    expect((await approver.send('POST', `${PLANS}/${other.id}/approvals`, { planVersion: 1 })).status).toBe(
      200,
    );
    const twice = await approver.send('POST', `${PLANS}/${other.id}/approvals`, { planVersion: 1 });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'conflict']);
    const n = await t
      .owner()
      .query('SELECT count(*)::int AS n FROM plan_approval WHERE plan_id = $1', [other.id]);
    expect(n.rows[0].n).toBe(1);
  });

  it('opens version 2 with approvals reset when edited after approval, and refuses a stale edit (409)', async () => {
    const before = (await planner.get(`${PLANS}/${id}`)).body.data;
    const content = {
      ...input('x', ['XHN-MOD', 'FRA-MOD'], []),
      title: 'Coastal counter-IED partnership (revised)',
    };
    const { code: _c, communityId: _k, label: _l, ...plan } = content;
    const edited = await planner.send('PUT', `${PLANS}/${id}`, { expectedVersion: before.version, plan });
    expect(edited.status).toBe(200);
    expect(edited.body.data).toMatchObject({
      planVersion: 2,
      status: 'in_consultation',
      title: 'Coastal counter-IED partnership (revised)',
    });
    expect(edited.body.data.owners.every((o: { approval: unknown }) => o.approval === null)).toBe(true);
    const versions = edited.body.data.versions as {
      planVersion: number;
      approvals: { ownerCode: string }[];
    }[];
    expect(versions.map((v) => [v.planVersion, v.approvals.map((a) => a.ownerCode)])).toEqual([
      [2, []],
      [1, ['XHN-MOD', 'FRA-MOD']],
    ]);
    const stale = await planner.send('PUT', `${PLANS}/${id}`, { expectedVersion: before.version, plan });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'stale_version']);
    // An approval of the old version is stale; the new one is approved again from the start.
    expect((await fra.send('POST', `${PLANS}/${id}/approvals`, { planVersion: 1 })).status).toBe(409);
    expect(
      (await fra.send('POST', `${PLANS}/${id}/approvals`, { planVersion: 2 })).body.data.awaiting,
    ).toEqual(['XHN-MOD']);
  });

  it('writes an audit event with every write, in order', async () => {
    const r = await t
      .owner()
      .query(
        "SELECT action, actor_id FROM audit_event WHERE entity_id = $1 AND action <> 'plan.read' ORDER BY seq",
        [id],
      );
    expect(r.rows.map((x: { action: string }) => x.action)).toEqual([
      'plan.created',
      'plan.in_consultation',
      'plan.approval',
      'plan.approval',
      'plan.agreed',
      'plan.updated',
      'plan.approval',
    ]);
    const updated = await t
      .owner()
      .query(
        "SELECT details, before, after FROM audit_event WHERE entity_id = $1 AND action = 'plan.updated'",
        [id],
      );
    expect(updated.rows[0].details).toEqual({ newPlanVersion: 2, approvalsReset: true });
    expect(updated.rows[0].before.status).toBe('agreed');
  });

  it('is hidden (404, like a missing one) from an owner partner user it is not released to', async () => {
    const hidden = (await planner.send('POST', PLANS, input('TEST-PLAN-3', ['XHN-MOD', 'FRA-MOD'], []))).body
      .data;
    await planner.send('POST', `${PLANS}/${hidden.id}/submit`, { version: 1 });
    const missing = '00000000-0000-4000-8000-000000000000';
    const [h, m] = [await fra.get(`${PLANS}/${hidden.id}`), await fra.get(`${PLANS}/${missing}`)];
    expect([h.status, m.status]).toEqual([404, 404]);
    expect({ ...h.body.error, requestId: '' }).toEqual({ ...m.body.error, requestId: '' });
    const [ha, ma] = [
      await fra.send('POST', `${PLANS}/${hidden.id}/approvals`, { planVersion: 1 }),
      await fra.send('POST', `${PLANS}/${missing}/approvals`, { planVersion: 1 }),
    ];
    expect([ha.status, ma.status]).toEqual([404, 404]);
    expect({ ...ha.body.error, requestId: '' }).toEqual({ ...ma.body.error, requestId: '' });
    expect((await fra.get(PLANS)).body.data.some((p: { id: string }) => p.id === hidden.id)).toBe(false);
  });

  it("keeps versions and approvals hidden by row-level security alone, and refuses a partner's raw write", async () => {
    const me = (await fra.get('/api/v1/auth/me')).body.data;
    const scope = await t.ctx.access.scopeOf((await t.ctx.access.subjectOf(me.id, me.assurance))!);
    const rows = await inScope(t.ctx.db.db, scope, async (tx) => ({
      versions: (await tx.execute<{ plan_id: string }>(sql`SELECT plan_id FROM plan_version`)).rows.map(
        (r) => r.plan_id,
      ),
      approvals: (await tx.execute<{ plan_id: string }>(sql`SELECT plan_id FROM plan_approval`)).rows.map(
        (r) => r.plan_id,
      ),
    }));
    const hidden = (await t.owner().query("SELECT id FROM cooperation_plan WHERE code = 'TEST-PLAN-3'"))
      .rows[0].id;
    expect(rows.versions).toContain(id);
    expect(rows.approvals).toContain(id);
    expect(rows.versions).not.toContain(hidden);
    // No subject settings at all: nothing.
    expect((await t.ctx.db.db.execute(sql`SELECT count(*)::int AS n FROM plan_approval`)).rows[0]).toEqual({
      n: 0,
    });
    // Without the approval use case's permission, a partner cannot write an approval row itself.
    const raw = inScope(t.ctx.db.db, scope, (tx) =>
      tx.execute(sql`INSERT INTO plan_approval (plan_id, plan_version, org_id, user_id, label_id, community_id, owner_org_id)
        SELECT id, 9, ${me.orgId ?? scope.orgId}::uuid, ${me.id}::uuid, label_id, community_id, owner_org_id FROM cooperation_plan WHERE id = ${id}`),
    );
    const err = await raw.then(
      () => null,
      (e: { code?: string; cause?: { code?: string } }) => e.code ?? e.cause?.code,
    );
    expect(err).toBe('42501'); // insufficient privilege: the row-level security check
    // Partners approve; they do not edit.
    const detail = (await planner.get(`${PLANS}/${id}`)).body.data;
    expect(
      (await fra.send('PUT', `${PLANS}/${id}`, { expectedVersion: detail.version, plan: { title: 'x' } }))
        .status,
    ).toBe(400);
    const { code: _c, communityId: _k, label: _l, ...plan } = input('x', ['XHN-MOD', 'FRA-MOD'], []);
    expect((await fra.send('PUT', `${PLANS}/${id}`, { expectedVersion: detail.version, plan })).status).toBe(
      403,
    );
  });

  it('refuses invalid content with field paths and writes nothing', async () => {
    const bad = {
      ...input('TEST-PLAN-4', ['XHN-MOD'], []),
      to: '2031-06-30',
      goals: [{ code: 'G1', title: 'Too late', objectiveIds: [objectiveId], targetDate: '2032-01-01' }],
    };
    const r = await planner.send('POST', PLANS, bad);
    expect(r.status).toBe(400);
    expect(r.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['to', 'goals.0.targetDate']);
    const partnerOnly = await planner.send('POST', PLANS, { ...input('TEST-PLAN-5', ['FRA-MOD'], []) });
    expect(partnerOnly.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['ownerOrgIds']);
    const n = await t
      .owner()
      .query("SELECT count(*)::int AS n FROM cooperation_plan WHERE code IN ('TEST-PLAN-4', 'TEST-PLAN-5')");
    expect(n.rows[0].n).toBe(0);
    expect(
      (await fra.send('POST', PLANS, input('TEST-PLAN-6', ['XHN-MOD', 'FRA-MOD'], ['FRA']))).status,
    ).toBe(403);
  });
});

describe('the demo plans', () => {
  it('show one fully approved plan and one waiting for the partner owner, which its approver can approve', async () => {
    const plans = (await planner.get(PLANS)).body.data as {
      id: string;
      code: string;
      approvedBy: string[];
      awaiting: string[];
    }[];
    const sen24 = plans.find((p) => p.code === 'WA-PLAN-SEN-2024')!;
    const coastal27 = plans.find((p) => p.code === 'WA-PLAN-COASTAL-2027')!;
    expect([sen24.approvedBy, sen24.awaiting]).toEqual([['XHN-MOD', 'SEN-MOD'], []]);
    expect([coastal27.approvedBy, coastal27.awaiting]).toEqual([['XHN-MOD'], ['FRA-MOD']]);
    const r = await fra.send('POST', `${PLANS}/${coastal27.id}/approvals`, { planVersion: 1 });
    expect([r.status, r.body.data.plan.status]).toEqual([200, 'agreed']);
  });

  it('return an under-review plan to active once every owner approved its version', async () => {
    const p = (await planner.get(PLANS)).body.data.find(
      (x: { code: string }) => x.code === 'WA-PLAN-COASTAL-2022',
    );
    const detail = (await planner.get(`${PLANS}/${p.id}`)).body.data;
    expect(detail.can.transitions).toEqual(['active', 'superseded', 'closed']);
    expect(detail.contributions.map((c: { org: { code: string } }) => c.org.code)).toEqual([
      'XHN-MOD',
      'FRA-MOD',
    ]);
    const r = await planner.send('POST', `${PLANS}/${p.id}/transitions`, {
      to: 'active',
      version: detail.version,
    });
    expect([r.status, r.body.data.status]).toEqual([200, 'active']);
  });
});
