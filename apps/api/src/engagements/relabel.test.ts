/** Relabelling engagements and the two-person downgrade (ACCESS.md §3 step 7, §7, §8) through the HTTP API on a real database. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent } from '../testing';

let t: Awaited<ReturnType<typeof startTestApp>>;
let planner: Agent;
let approver: Agent; // approver + releasing officer of XHN-SECCOOP (the originator)
let officer: Agent; // releasing officer of XHN-SECCOOP without write roles
let intel: Agent; // releasing officer of another organisation (XHN-DEFINT)
let kenya: Agent; // partner liaison (KEN-MOD), a participant
let draft: Record<string, unknown>;
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
        'SELECT action, decision, reason, before, after, details, label_id FROM audit_event WHERE action = $1 AND entity_id = $2 ORDER BY seq',
        [action, entityId],
      )
  ).rows;
const inRegister = async (a: Agent, code: string) =>
  ((await a.get(`/api/v1/engagements?q=${code}`)).body.data.items as { code: string }[]).some(
    (i) => i.code === code,
  );
const strip = (b: { error: Record<string, unknown> }) => ({ ...b, error: { ...b.error, requestId: 'x' } });

async function schedule(code: string, label = HO_KEN): Promise<{ id: string; version: number }> {
  const r = await planner.send('POST', '/api/v1/engagements', { ...draft, code, label });
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
  const objectives = (await planner.get('/api/v1/strategy/objectives')).body.data;
  const initiatives = (await planner.get('/api/v1/strategy/initiatives')).body.data;
  const orgs = (await planner.get('/api/v1/reference/organisations')).body.data;
  const comms = (await planner.get('/api/v1/reference/communities')).body.data;
  const funds = (await planner.get('/api/v1/reference/funding-sources')).body.data;
  const org = (code: string) => orgs.find((o: { code: string }) => o.code === code).id;
  ids = {
    seccoop: org('XHN-SECCOOP'),
    kenMod: org('KEN-MOD'),
    approver: await userId('approver'),
    officer: await userId('release.officer'),
  };
  draft = {
    title: 'Maritime law enforcement staff talks',
    type: 'staff_talks',
    summary: 'Bilateral staff talks.',
    payload: { format: 'bilateral', agenda: ['patrol coordination'] },
    initiativeId: initiatives[0].id,
    partnerIso3s: ['KEN'],
    objectiveIds: [objectives[0].id],
    leadOrgId: org('XHN-SECCOOP'),
    plannedStart: '2031-03-02',
    plannedEnd: '2031-03-04',
    locations: [{ name: 'Mombasa', iso3: 'KEN' }],
    participants: [
      { orgId: org('XHN-SECCOOP'), role: 'lead', plannedHeadcount: 4 },
      { orgId: org('KEN-MOD'), role: 'participant', plannedHeadcount: 6 },
    ],
    plannedCost: '1000.00',
    currency: 'EUR',
    fundingSourceId: funds[0].id,
    communityId: comms.find((c: { code: string }) => c.code === 'all').id,
  };
});
afterAll(() => t.close());

describe('a relabel that does not lower the classification', () => {
  let e: { id: string; version: number };
  beforeAll(async () => {
    e = await schedule('RLB-2031-001');
  });

  it('is refused to a role without relabel (planner), and audited as a deny', async () => {
    const r = await planner.send('POST', `/api/v1/engagements/${e.id}/relabel`, {
      version: e.version,
      label: HR_HOME,
      reason: 'raise',
    });
    expect(r.status).toBe(403);
    expect(await events('engagement.relabel', e.id)).toEqual([
      expect.objectContaining({ decision: 'deny', reason: 'role' }),
    ]);
  });

  it('applies an upgrade at once, audited with old and new labels and the reason; the record leaves the partner register', async () => {
    expect(await inRegister(kenya, 'RLB-2031-001')).toBe(true);
    const r = await approver.send('POST', `/api/v1/engagements/${e.id}/relabel`, {
      version: e.version,
      label: HR_HOME,
      reason: 'Contains force protection details',
    });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({
      outcome: 'relabelled',
      version: e.version + 1,
      portion: '(HR//REL TO XHN)',
      request: null,
    });
    const got = await planner.get(`/api/v1/engagements/${e.id}`);
    expect(got.body.data.portion).toBe('(HR//REL TO XHN)');
    const [ev] = await events('engagement.relabelled', e.id);
    expect(ev).toMatchObject({
      decision: 'permit',
      reason: 'Contains force protection details',
      before: { portion: '(HO//REL TO XHN, KEN)' },
      after: { portion: '(HR//REL TO XHN)' },
      details: { approvers: [ids.approver] },
    });
    expect(await inRegister(kenya, 'RLB-2031-001')).toBe(false);
    expect((await kenya.get(`/api/v1/engagements/${e.id}`)).status).toBe(404);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const r = await approver.send('POST', `/api/v1/engagements/${e.id}/relabel`, {
      version: e.version,
      label: { ...HR_HOME, level: 'HUB-CONFIDENTIAL' },
      reason: 'again',
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('stale_version');
    expect((await planner.get(`/api/v1/engagements/${e.id}`)).body.data.portion).toBe('(HR//REL TO XHN)');
  });

  it('asks for a reason, naming the field', async () => {
    const r = await approver.send('POST', `/api/v1/engagements/${e.id}/relabel`, {
      version: e.version + 1,
      label: HR_HOME,
      reason: '  ',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.fields.map((f: { path: string }) => f.path)).toContain('reason');
  });
});

describe('a downgrade (two-person rule)', () => {
  let e: { id: string; version: number };
  let requestId: string;
  beforeAll(async () => {
    e = await schedule('RLB-2031-002', HR_HOME);
  });

  it('is refused to a releasing officer of another organisation (not the originator)', async () => {
    const r = await intel.send('POST', `/api/v1/engagements/${e.id}/relabel`, {
      version: e.version,
      label: HO_KEN,
      reason: 'release to Kenya',
    });
    expect(r.status).toBe(403);
    expect(await events('engagement.relabel', e.id)).toEqual([
      expect.objectContaining({ decision: 'deny', reason: 'originator_consent' }),
    ]);
    expect(await t.owner().query('SELECT 1 FROM relabel_request WHERE entity_id = $1', [e.id])).toMatchObject(
      { rowCount: 0 },
    );
  });

  it('by one releasing officer files a pending request and changes nothing', async () => {
    expect(await inRegister(kenya, 'RLB-2031-002')).toBe(false);
    const r = await officer.send('POST', `/api/v1/engagements/${e.id}/relabel`, {
      version: e.version,
      label: HO_KEN,
      reason: 'Agreed with KEN for the planning conference',
    });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({
      outcome: 'pending',
      version: e.version,
      portion: '(HR//REL TO XHN)',
    });
    expect(r.body.data.request).toMatchObject({
      status: 'pending',
      fromPortion: '(HR//REL TO XHN)',
      toPortion: '(HO//REL TO XHN, KEN)',
      requestedBy: { id: ids.officer, name: 'Maj. Kim Sato' },
      canDecide: false,
      canWithdraw: true,
    });
    requestId = r.body.data.request.id;
    const got = await planner.get(`/api/v1/engagements/${e.id}`);
    expect(got.body.data).toMatchObject({ portion: '(HR//REL TO XHN)', version: e.version });
    const row = (
      await t
        .owner()
        .query('SELECT label_id, from_label_id, status FROM relabel_request WHERE id = $1', [requestId])
    ).rows[0];
    expect(row).toMatchObject({
      status: 'pending',
      label_id: got.body.data.labelId,
      from_label_id: got.body.data.labelId,
    });
    expect(await events('engagement.downgrade_requested', e.id)).toHaveLength(1);
    expect(await inRegister(kenya, 'RLB-2031-002')).toBe(false);
  });

  it('shows the pending request to another releasing officer, who may decide it', async () => {
    const r = await approver.get(`/api/v1/engagements/${e.id}/relabel-requests`);
    expect(r.status).toBe(200);
    expect(r.body.data.canRelabel).toBe(true);
    expect(r.body.data.items).toEqual([
      expect.objectContaining({ id: requestId, status: 'pending', canDecide: true, canWithdraw: false }),
    ]);
  });

  it('allows one pending change per record: another downgrade or an upgrade waits until it is decided', async () => {
    const r = await officer.send('POST', `/api/v1/engagements/${e.id}/relabel`, {
      version: e.version,
      label: { ...HO_KEN, releasableTo: ['XHN', 'KEN', 'FRA'] },
      reason: 'wider',
    });
    expect(r.status).toBe(409);
    const up = await approver.send('POST', `/api/v1/engagements/${e.id}/relabel`, {
      version: e.version,
      label: { ...HR_HOME, level: 'HUB-CONFIDENTIAL' },
      reason: 'higher',
    });
    expect(up.status).toBe(409);
    expect(up.body.error.fields).toEqual([{ path: 'label', message: 'a downgrade is already pending' }]);
  });

  it('cannot be approved by the officer who filed it (named error), and nothing changes', async () => {
    const r = await officer.send(
      'POST',
      `/api/v1/engagements/${e.id}/relabel-requests/${requestId}/approve`,
      {},
    );
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({
      code: 'guard_failed',
      fields: [expect.objectContaining({ path: 'approver', message: expect.stringContaining('two_person') })],
    });
    expect((await planner.get(`/api/v1/engagements/${e.id}`)).body.data.portion).toBe('(HR//REL TO XHN)');
    expect(await events('engagement.downgrade_approve', e.id)).toEqual([
      expect.objectContaining({ decision: 'deny', reason: 'two_person' }),
    ]);
  });

  it('cannot be approved by a releasing officer of another organisation or by a non-releasing-officer', async () => {
    expect(
      (await intel.send('POST', `/api/v1/engagements/${e.id}/relabel-requests/${requestId}/approve`, {}))
        .status,
    ).toBe(403);
    expect(
      (await planner.send('POST', `/api/v1/engagements/${e.id}/relabel-requests/${requestId}/approve`, {}))
        .status,
    ).toBe(403);
    expect((await planner.get(`/api/v1/engagements/${e.id}`)).body.data.portion).toBe('(HR//REL TO XHN)');
  });

  it('is hidden from a user who cannot see the record: 404, the same as a missing request', async () => {
    const list = await kenya.get(`/api/v1/engagements/${e.id}/relabel-requests`);
    const missingList = await kenya.get(`/api/v1/engagements/${randomUUID()}/relabel-requests`);
    expect(list.status).toBe(404);
    expect(strip(list.body)).toEqual(strip(missingList.body));
    const approve = await kenya.send(
      'POST',
      `/api/v1/engagements/${e.id}/relabel-requests/${requestId}/approve`,
      {},
    );
    const missing = await kenya.send(
      'POST',
      `/api/v1/engagements/${e.id}/relabel-requests/${randomUUID()}/approve`,
      {},
    );
    expect(approve.status).toBe(404);
    expect(strip(approve.body)).toEqual(strip(missing.body));
  });

  it('approved by a second releasing officer: label changed, audit names both approvers, the partner now sees it', async () => {
    const r = await approver.send(
      'POST',
      `/api/v1/engagements/${e.id}/relabel-requests/${requestId}/approve`,
      { note: 'checked with J2' },
    );
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({
      outcome: 'relabelled',
      version: e.version + 1,
      portion: '(HO//REL TO XHN, KEN)',
    });
    expect(r.body.data.request).toMatchObject({ status: 'approved', decidedBy: { id: ids.approver } });
    expect((await planner.get(`/api/v1/engagements/${e.id}`)).body.data.portion).toBe(
      '(HO//REL TO XHN, KEN)',
    );
    const [ev] = await events('engagement.downgraded', e.id);
    expect(ev).toMatchObject({
      decision: 'permit',
      reason: 'Agreed with KEN for the planning conference',
      before: { portion: '(HR//REL TO XHN)' },
      after: { portion: '(HO//REL TO XHN, KEN)' },
      details: { requestedBy: ids.officer, approvedBy: ids.approver, approvers: [ids.officer, ids.approver] },
    });
    expect(await inRegister(kenya, 'RLB-2031-002')).toBe(true);
    expect((await kenya.get(`/api/v1/engagements/${e.id}`)).status).toBe(200);
    const again = await approver.send(
      'POST',
      `/api/v1/engagements/${e.id}/relabel-requests/${requestId}/approve`,
      {},
    );
    expect(again.status).toBe(409);
  });
});

describe('rejecting and withdrawing', () => {
  it('a second officer rejects; the requester withdraws their own; neither changes the label', async () => {
    const e = await schedule('RLB-2031-003', HR_HOME);
    const first = await officer.send('POST', `/api/v1/engagements/${e.id}/relabel`, {
      version: e.version,
      label: HO_KEN,
      reason: 'one',
    });
    const rid = first.body.data.request.id;
    expect(
      (await officer.send('POST', `/api/v1/engagements/${e.id}/relabel-requests/${rid}/reject`, {})).status,
    ).toBe(422);
    const rej = await approver.send('POST', `/api/v1/engagements/${e.id}/relabel-requests/${rid}/reject`, {
      note: 'not yet',
    });
    expect(rej.status).toBe(200);
    expect(rej.body.data).toMatchObject({ status: 'rejected', decisionNote: 'not yet' });
    const second = await officer.send('POST', `/api/v1/engagements/${e.id}/relabel`, {
      version: e.version,
      label: HO_KEN,
      reason: 'two',
    });
    const rid2 = second.body.data.request.id;
    expect(
      (await approver.send('POST', `/api/v1/engagements/${e.id}/relabel-requests/${rid2}/withdraw`, {}))
        .status,
    ).toBe(403);
    expect(
      (await officer.send('POST', `/api/v1/engagements/${e.id}/relabel-requests/${rid2}/withdraw`, {})).body
        .data.status,
    ).toBe('withdrawn');
    expect((await planner.get(`/api/v1/engagements/${e.id}`)).body.data.portion).toBe('(HR//REL TO XHN)');
    expect(await events('engagement.downgrade_rejected', e.id)).toHaveLength(1);
    expect(await events('engagement.downgrade_withdrawn', e.id)).toHaveLength(1);
  });
});

describe('partner-originated data', () => {
  it('cannot be downgraded by the ministry (the owner organisation is the originator)', async () => {
    const e = await schedule('RLB-2031-004', HR_HOME);
    await t.owner().query('UPDATE engagement SET owner_org_id = $1 WHERE id = $2', [ids.kenMod, e.id]);
    const r = await approver.send('POST', `/api/v1/engagements/${e.id}/relabel`, {
      version: e.version,
      label: HO_KEN,
      reason: 'release',
    });
    expect(r.status).toBe(403);
    expect(await events('engagement.relabel', e.id)).toEqual([
      expect.objectContaining({ decision: 'deny', reason: 'originator_consent' }),
    ]);
  });
});

describe('step-up (ACCESS.md §8)', () => {
  it('a downgrade asks for the second factor again when the last check is over 5 minutes old', async () => {
    const e = await schedule('RLB-2031-005', HR_HOME);
    await t
      .owner()
      .query("UPDATE session SET mfa_at = now() - interval '10 minutes' WHERE user_id = $1", [ids.officer]);
    const r = await officer.send('POST', `/api/v1/engagements/${e.id}/relabel`, {
      version: e.version,
      label: HO_KEN,
      reason: 'stale factor',
    });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('step_up_required');
    expect(await t.owner().query('SELECT 1 FROM relabel_request WHERE entity_id = $1', [e.id])).toMatchObject(
      { rowCount: 0 },
    );
  });
});

describe('row-level security alone (ACCESS.md §9 leak test 4)', () => {
  it('as entente_app: no request without subject settings, and none outside the permitted labels', async () => {
    const { default: pg } = await import('pg');
    const app = new pg.Client({ connectionString: t.db.appUrl });
    await app.connect();
    try {
      const all = await t.owner().query('SELECT label_id, community_id FROM relabel_request');
      expect(all.rowCount).toBeGreaterThan(0);
      expect((await app.query('SELECT count(*)::int AS n FROM relabel_request')).rows[0].n).toBe(0);
      const community = all.rows[0].community_id as string;
      const other = (
        await t
          .owner()
          .query('SELECT id FROM label WHERE id <> ALL($1::uuid[]) LIMIT 1', [
            all.rows.map((r) => r.label_id),
          ])
      ).rows[0].id;
      await app.query('BEGIN');
      await app.query(
        `SELECT set_config('entente.label_ids', $1, true), set_config('entente.community_ids', $2, true), set_config('entente.partner', 'false', true),
           set_config('entente.org_id', $3, true), set_config('entente.user_id', $3, true)`,
        [`{${other}}`, `{${community}}`, ids.seccoop],
      );
      expect((await app.query('SELECT count(*)::int AS n FROM relabel_request')).rows[0].n).toBe(0);
      await app.query('ROLLBACK');
    } finally {
      await app.end();
    }
  });
});
