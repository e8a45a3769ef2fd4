/** The agreement lifecycle end to end on a real database: transitions, guards, 409, audit, renewal items, and approval coverage. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent } from '../testing';

let t: Awaited<ReturnType<typeof startTestApp>>;
let planner: Agent;
let approver: Agent;
let viewer: Agent;
let community: string;
let agreementInput: Record<string, unknown>;

const LABEL = { level: 'HUB-OFFICIAL', releasableTo: ['XHN', 'KEN'], restrictive: [], handling: [] };

beforeAll(async () => {
  t = await startTestApp();
  planner = await t.login('planner');
  approver = await t.login('approver');
  viewer = await t.login('leader');
  const comms = (await planner.get('/api/v1/reference/communities')).body.data;
  community = comms.find((c: { code: string }) => c.code === 'all').id;
  agreementInput = {
    code: 'AGR-TST-KEN-TECH',
    kind: 'technical_arrangement',
    title: 'Technical arrangement on sensor cooperation',
    partnerIso3s: ['KEN'],
    coversTypes: ['technology_cooperation'],
    status: 'draft',
    documentRef: 'TA/2030/7',
    communityId: community,
    label: LABEL,
  };
});
afterAll(() => t.close());

const move = (who: Agent, id: string, body: Record<string, unknown>) =>
  who.send('POST', `/api/v1/agreements/${id}/transitions`, body);

describe('agreement transitions', () => {
  let id: string;

  it('walks draft → negotiating → signed → in_force, recording dates, with an audit event (before/after) for each', async () => {
    const created = await planner.send('POST', '/api/v1/agreements', {
      ...agreementInput,
      expiresOn: '2035-12-31',
    });
    expect(created.status).toBe(201);
    id = created.body.data.id;
    expect(created.body.data.allowedTransitions).toEqual(['negotiating']);
    expect((await move(planner, id, { to: 'negotiating', version: 1 })).status).toBe(200);
    const signed = await move(planner, id, { to: 'signed', version: 2, signedOn: '2025-05-01' });
    expect(signed.body.data).toMatchObject({ status: 'signed', signedOn: '2025-05-01', version: 3 });
    const inForce = await move(planner, id, { to: 'in_force', version: 3 });
    expect(inForce.status).toBe(200);
    expect(inForce.body.data).toMatchObject({ status: 'in_force', inForceFrom: '2025-05-01', version: 4 });
    expect(inForce.body.data.allowedTransitions).toEqual(['suspended', 'expired', 'terminated']);
    const trail = await t
      .owner()
      .query('SELECT action, before, after FROM audit_event WHERE entity_id = $1 ORDER BY seq', [id]);
    expect(trail.rows.map((r) => r.action)).toEqual([
      'agreement.recorded',
      'agreement.negotiating',
      'agreement.signed',
      'agreement.in_force',
    ]);
    expect(trail.rows[3]).toMatchObject({
      before: { status: 'signed' },
      after: { status: 'in_force', inForceFrom: '2025-05-01' },
    });
  });

  it('raises the renewal due item 180 days before expiry on entering in force', async () => {
    const r = await t
      .owner()
      .query(
        'SELECT kind, due_on::text AS due, status, label_id, community_id FROM due_item WHERE subject_id = $1',
        [id],
      );
    expect(r.rows).toEqual([
      expect.objectContaining({
        kind: 'renewal',
        due: '2035-07-04',
        status: 'pending',
        community_id: community,
      }),
    ]);
  });

  it('refuses an unlisted transition with the named error, and a stale version with 409', async () => {
    const back = await move(planner, id, { to: 'draft', version: 4 });
    expect(back.status).toBe(409);
    expect(back.body.error.code).toBe('invalid_transition');
    const stale = await move(planner, id, { to: 'suspended', version: 2, reason: 'late' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    expect((await planner.get('/api/v1/agreements?q=AGR-TST-KEN-TECH')).body.data[0]).toMatchObject({
      status: 'in_force',
      version: 4,
    });
  });

  it('needs a reason to suspend, and a role that may change agreements', async () => {
    const noReason = await move(planner, id, { to: 'suspended', version: 4 });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.fields[0].path).toBe('reason');
    expect((await move(viewer, id, { to: 'suspended', version: 4, reason: 'x' })).status).toBe(403);
    const missing = await move(planner, '00000000-0000-4000-8000-000000000000', {
      to: 'suspended',
      version: 4,
      reason: 'x',
    });
    expect(missing.status).toBe(404);
  });

  it('refuses approval of an engagement once its covering agreement is suspended, and allows it again on resumption', async () => {
    const objectives = (await planner.get('/api/v1/strategy/objectives')).body.data;
    const initiatives = (await planner.get('/api/v1/strategy/initiatives')).body.data;
    const orgs = (await planner.get('/api/v1/reference/organisations')).body.data;
    const funds = (await planner.get('/api/v1/reference/funding-sources')).body.data;
    const org = (code: string) => orgs.find((o: { code: string }) => o.code === code).id;
    const e = await planner.send('POST', '/api/v1/engagements', {
      code: 'TST-AGR-2031-001',
      title: 'Sensor technology cooperation',
      type: 'technology_cooperation',
      payload: { technologyArea: 'maritime sensors', iprTerms: 'shared', exportControlRef: 'EC-1' },
      initiativeId: initiatives[0].id,
      partnerIso3s: ['KEN'],
      objectiveIds: [objectives[0].id],
      leadOrgId: org('XHN-SECCOOP'),
      plannedStart: '2031-04-01',
      plannedEnd: '2031-04-03',
      locations: [],
      participants: [
        { orgId: org('XHN-SECCOOP'), role: 'lead', plannedHeadcount: 2 },
        { orgId: org('KEN-MOD'), role: 'participant', plannedHeadcount: 2 },
      ],
      plannedCost: '1000.00',
      currency: 'EUR',
      fundingSourceId: funds[0].id,
      communityId: community,
      label: LABEL,
    });
    expect(e.status).toBe(201);
    const eid = e.body.data.id;
    expect(
      (await planner.send('POST', `/api/v1/engagements/${eid}/transitions`, { to: 'proposed', version: 1 }))
        .status,
    ).toBe(200);

    const suspended = await move(approver, id, {
      to: 'suspended',
      version: 4,
      reason: 'Partner government suspended cooperation',
    });
    expect(suspended.status).toBe(200);
    const ev = await t
      .owner()
      .query(
        "SELECT reason, before, after FROM audit_event WHERE entity_id = $1 AND action = 'agreement.suspended'",
        [id],
      );
    expect(ev.rows[0]).toMatchObject({
      reason: 'Partner government suspended cooperation',
      before: { status: 'in_force' },
      after: { status: 'suspended' },
    });

    const refused = await approver.send('POST', `/api/v1/engagements/${eid}/transitions`, {
      to: 'approved',
      version: 2,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/No agreement in force covers/);

    expect((await move(approver, id, { to: 'in_force', version: 5 })).status).toBe(422); // resuming needs a reason
    expect(
      (await move(approver, id, { to: 'in_force', version: 5, reason: 'Cooperation restored' })).status,
    ).toBe(200);
    expect(
      (await approver.send('POST', `/api/v1/engagements/${eid}/transitions`, { to: 'approved', version: 2 }))
        .status,
    ).toBe(200);
  });

  it('terminates with a reason and then offers nothing more', async () => {
    const done = await move(approver, id, {
      to: 'terminated',
      version: 6,
      reason: 'Superseded by a new arrangement',
    });
    expect(done.status).toBe(200);
    expect(done.body.data.allowedTransitions).toEqual([]);
    expect((await move(approver, id, { to: 'in_force', version: 7, reason: 'again' })).body.error.code).toBe(
      'invalid_transition',
    );
  });
});
