/** Relabelling agreements and the two-person downgrade (ACCESS.md §3 step 7, §7, §8) through the HTTP API on a real database. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent } from '../testing';

let t: Awaited<ReturnType<typeof startTestApp>>;
let planner: Agent;
let approver: Agent; // approver + releasing officer of XHN-SECCOOP (the originator)
let officer: Agent; // releasing officer of XHN-SECCOOP without write roles
let intel: Agent; // releasing officer of another organisation (XHN-DEFINT)
let kenya: Agent; // partner liaison (KEN-MOD), a party to the agreement
let community: string;
let ids: Record<string, string>;

const HO_KEN = { level: 'HUB-OFFICIAL', releasableTo: ['XHN', 'KEN'], restrictive: [], handling: [] };
const HR_HOME = { level: 'HUB-RESTRICTED', releasableTo: ['XHN'], restrictive: [], handling: [] };

const userId = async (username: string) =>
  (await t.owner().query('SELECT id FROM app_user WHERE username = $1', [username])).rows[0].id as string;
const events = async (action: string, entityId: string) =>
  (
    await t
      .owner()
      .query(
        'SELECT action, decision, reason, before, after, details FROM audit_event WHERE action = $1 AND entity_id = $2 ORDER BY seq',
        [action, entityId],
      )
  ).rows;
const listed = async (a: Agent, code: string) =>
  ((await a.get(`/api/v1/agreements?q=${code}`)).body.data as { code: string; portion: string }[]).find(
    (i) => i.code === code,
  );
const strip = (b: { error: Record<string, unknown> }) => ({ ...b, error: { ...b.error, requestId: 'x' } });

/** Record an agreement (in force with an expiry, so it owes a renewal due item) under `label`. */
async function record(code: string, label = HO_KEN): Promise<{ id: string; version: number }> {
  const r = await planner.send('POST', '/api/v1/agreements', {
    code,
    kind: 'technical_arrangement',
    title: 'Technical arrangement on sensor cooperation',
    partnerIso3s: ['KEN'],
    coversTypes: ['technology_cooperation'],
    status: 'in_force',
    inForceFrom: '2030-01-01',
    expiresOn: '2036-12-31',
    documentRef: 'TA/2030/9',
    communityId: community,
    label,
  });
  expect(r.status).toBe(201);
  return { id: r.body.data.id, version: r.body.data.version };
}

beforeAll(async () => {
  t = await startTestApp();
  planner = await t.login('planner');
  approver = await t.login('approver');
  officer = await t.login('release.officer');
  intel = await t.login('intel.liaison');
  kenya = await t.login('ken.liaison');
  const comms = (await planner.get('/api/v1/reference/communities')).body.data;
  community = comms.find((c: { code: string }) => c.code === 'all').id;
  ids = { approver: await userId('approver'), officer: await userId('release.officer') };
});
afterAll(() => t.close());

describe('raising an agreement’s classification', () => {
  let a: { id: string; version: number };
  beforeAll(async () => {
    a = await record('AGR-RLB-001');
  });

  it('is refused to a role without relabel (planner), and audited as a deny', async () => {
    const r = await planner.send('POST', `/api/v1/agreements/${a.id}/relabel`, {
      version: a.version,
      label: HR_HOME,
      reason: 'raise',
    });
    expect(r.status).toBe(403);
    expect(await events('agreement.relabel', a.id)).toEqual([
      expect.objectContaining({ decision: 'deny', reason: 'role' }),
    ]);
  });

  it('applies at once, audited with both labels; the partner loses the agreement and its due items follow', async () => {
    expect((await listed(kenya, 'AGR-RLB-001'))?.portion).toBe('(HO//REL TO XHN, KEN)');
    const r = await approver.send('POST', `/api/v1/agreements/${a.id}/relabel`, {
      version: a.version,
      label: HR_HOME,
      reason: 'Annex names sensor sites',
    });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({
      outcome: 'relabelled',
      version: a.version + 1,
      portion: '(HR//REL TO XHN)',
      request: null,
    });
    expect((await listed(planner, 'AGR-RLB-001'))?.portion).toBe('(HR//REL TO XHN)');
    expect(await events('agreement.relabelled', a.id)).toEqual([
      expect.objectContaining({
        decision: 'permit',
        reason: 'Annex names sensor sites',
        before: expect.objectContaining({ portion: '(HO//REL TO XHN, KEN)' }),
        after: expect.objectContaining({ portion: '(HR//REL TO XHN)' }),
        details: { approvers: [ids.approver] },
      }),
    ]);
    expect(await listed(kenya, 'AGR-RLB-001')).toBeUndefined();
    const labels = await t
      .owner()
      .query(
        'SELECT a.label_id AS a, d.label_id AS d FROM agreement a JOIN due_item d ON d.subject_id = a.id WHERE a.id = $1',
        [a.id],
      );
    expect(labels.rowCount).toBe(1);
    expect(labels.rows[0].d).toBe(labels.rows[0].a);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const r = await approver.send('POST', `/api/v1/agreements/${a.id}/relabel`, {
      version: a.version,
      label: { ...HR_HOME, level: 'HUB-CONFIDENTIAL' },
      reason: 'again',
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('stale_version');
    expect((await listed(planner, 'AGR-RLB-001'))?.portion).toBe('(HR//REL TO XHN)');
  });

  it('is not something a lifecycle transition can do: the transition body has no label', async () => {
    const r = await planner.send('POST', `/api/v1/agreements/${a.id}/transitions`, {
      to: 'suspended',
      version: a.version + 1,
      reason: 'lower it',
      label: HO_KEN,
    });
    expect(r.status).toBe(200);
    expect((await listed(planner, 'AGR-RLB-001'))?.portion).toBe('(HR//REL TO XHN)');
  });
});

describe('lowering an agreement’s classification (two-person rule)', () => {
  let a: { id: string; version: number };
  let requestId: string;
  beforeAll(async () => {
    a = await record('AGR-RLB-002', HR_HOME);
  });

  it('is refused to a releasing officer of another organisation (not the originator)', async () => {
    const r = await intel.send('POST', `/api/v1/agreements/${a.id}/relabel`, {
      version: a.version,
      label: HO_KEN,
      reason: 'release to Kenya',
    });
    expect(r.status).toBe(403);
    expect(await events('agreement.relabel', a.id)).toEqual([
      expect.objectContaining({ decision: 'deny', reason: 'originator_consent' }),
    ]);
  });

  it('by one releasing officer files a pending request and changes nothing', async () => {
    const r = await officer.send('POST', `/api/v1/agreements/${a.id}/relabel`, {
      version: a.version,
      label: HO_KEN,
      reason: 'Shared with KEN for the joint review',
    });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({
      outcome: 'pending',
      version: a.version,
      portion: '(HR//REL TO XHN)',
    });
    expect(r.body.data.request).toMatchObject({
      status: 'pending',
      toPortion: '(HO//REL TO XHN, KEN)',
      requestedBy: { id: ids.officer },
      canDecide: false,
      canWithdraw: true,
    });
    requestId = r.body.data.request.id;
    expect((await listed(planner, 'AGR-RLB-002'))?.portion).toBe('(HR//REL TO XHN)');
    expect(await events('agreement.downgrade_requested', a.id)).toHaveLength(1);
  });

  it('never shows the pending request to a partner who cannot see the agreement: 404 like a missing one', async () => {
    const list = await kenya.get(`/api/v1/agreements/${a.id}/relabel-requests`);
    const missing = await kenya.get(`/api/v1/agreements/${randomUUID()}/relabel-requests`);
    expect(list.status).toBe(404);
    expect(strip(list.body)).toEqual(strip(missing.body));
    const approve = await kenya.send(
      'POST',
      `/api/v1/agreements/${a.id}/relabel-requests/${requestId}/approve`,
      {},
    );
    expect(approve.status).toBe(404);
  });

  it('cannot be approved by the officer who filed it, nor by another organisation', async () => {
    const self = await officer.send(
      'POST',
      `/api/v1/agreements/${a.id}/relabel-requests/${requestId}/approve`,
      {},
    );
    expect(self.status).toBe(422);
    expect(self.body.error.code).toBe('guard_failed');
    expect(
      (await intel.send('POST', `/api/v1/agreements/${a.id}/relabel-requests/${requestId}/approve`, {}))
        .status,
    ).toBe(403);
    expect((await listed(planner, 'AGR-RLB-002'))?.portion).toBe('(HR//REL TO XHN)');
    expect(await events('agreement.downgrade_approve', a.id)).toEqual([
      expect.objectContaining({ decision: 'deny', reason: 'two_person' }),
      expect.objectContaining({ decision: 'deny' }),
    ]);
  });

  it('shows the request to the second officer, whose approval applies it; the partner then sees the agreement', async () => {
    const list = await approver.get(`/api/v1/agreements/${a.id}/relabel-requests`);
    expect(list.body.data.items).toEqual([
      expect.objectContaining({ id: requestId, canDecide: true, canWithdraw: false }),
    ]);
    const r = await approver.send(
      'POST',
      `/api/v1/agreements/${a.id}/relabel-requests/${requestId}/approve`,
      { note: 'checked' },
    );
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ outcome: 'relabelled', portion: '(HO//REL TO XHN, KEN)' });
    const [ev] = await events('agreement.downgraded', a.id);
    expect(ev).toMatchObject({ details: { approvers: [ids.officer, ids.approver] } });
    expect((await listed(kenya, 'AGR-RLB-002'))?.portion).toBe('(HO//REL TO XHN, KEN)');
  });
});

describe('step-up (ACCESS.md §8)', () => {
  it('a downgrade of an agreement asks for the second factor again when the last check is stale', async () => {
    const a = await record('AGR-RLB-003', HR_HOME);
    await t
      .owner()
      .query("UPDATE session SET mfa_at = now() - interval '10 minutes' WHERE user_id = $1", [ids.officer]);
    const r = await officer.send('POST', `/api/v1/agreements/${a.id}/relabel`, {
      version: a.version,
      label: HO_KEN,
      reason: 'stale factor',
    });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('step_up_required');
    expect(await t.owner().query('SELECT 1 FROM relabel_request WHERE entity_id = $1', [a.id])).toMatchObject(
      { rowCount: 0 },
    );
  });

  it('approving a downgrade asks the second officer for the factor again too, and changes nothing', async () => {
    const a = await record('AGR-RLB-004', HR_HOME);
    const filer = await t.login('release.officer'); // a fresh session, fresh second factor
    const filed = await filer.send('POST', `/api/v1/agreements/${a.id}/relabel`, {
      version: a.version,
      label: HO_KEN,
      reason: 'release to KEN',
    });
    expect(filed.body.data.outcome).toBe('pending');
    await t
      .owner()
      .query("UPDATE session SET mfa_at = now() - interval '10 minutes' WHERE user_id = $1", [ids.approver]);
    const r = await approver.send(
      'POST',
      `/api/v1/agreements/${a.id}/relabel-requests/${filed.body.data.request.id}/approve`,
      {},
    );
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('step_up_required');
    expect((await listed(planner, 'AGR-RLB-004'))?.portion).toBe('(HR//REL TO XHN)');
  });
});
