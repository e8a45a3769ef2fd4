/**
 * Partner suspension end to end on a real database (DOMAIN.md §2.2): a review due item for each
 * ongoing engagement only, visible only to who may see the engagement (never to a partner user),
 * settled on reinstatement; 409 on a stale version; validation with paths; one audit event each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent } from '../testing';

let t: Awaited<ReturnType<typeof startTestApp>>;
let planner: Agent;
let approver: Agent;
let kenLiaison: Agent;
let ongoingId: string;
let draftId: string;
let hiddenId: string;
let draft: Record<string, unknown>;

const today = () => new Date().toISOString().slice(0, 10);
const plus = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const setStatus = (who: Agent, body: Record<string, unknown>, iso3 = 'KEN') =>
  who.send('POST', `/api/v1/partners/${iso3}/status`, body);
const overview = async (who: Agent) =>
  (await who.get('/api/v1/partners/KEN')).body.data.partner as {
    status: string;
    version: number;
    transitions: string[];
  };
type Item = {
  id: string;
  subjectId: string;
  subjectKind: string;
  kind: string;
  status: string;
  dueOn: string;
};
/** Engagement reviews in the subject's due-items list (agreement reviews are another matter). */
const reviews = async (who: Agent) =>
  ((await who.get('/api/v1/due-items?kind=review')).body.data as Item[]).filter(
    (i) => i.kind === 'review' && i.subjectKind === 'engagement',
  );

beforeAll(async () => {
  t = await startTestApp();
  planner = await t.login('planner');
  approver = await t.login('approver');
  kenLiaison = await t.login('ken.liaison');
  const objectives = (await planner.get('/api/v1/strategy/objectives')).body.data;
  const initiatives = (await planner.get('/api/v1/strategy/initiatives')).body.data;
  const orgs = (await planner.get('/api/v1/reference/organisations')).body.data;
  const comms = (await planner.get('/api/v1/reference/communities')).body.data;
  const funds = (await planner.get('/api/v1/reference/funding-sources')).body.data;
  const org = (code: string) => orgs.find((o: { code: string }) => o.code === code).id;
  draft = {
    title: 'Coastal patrol staff talks',
    type: 'staff_talks',
    payload: { format: 'bilateral', agenda: ['patrol coordination'] },
    initiativeId: initiatives[0].id,
    partnerIso3s: ['KEN'],
    objectiveIds: [objectives[0].id],
    leadOrgId: org('XHN-SECCOOP'),
    locations: [],
    participants: [
      { orgId: org('XHN-SECCOOP'), role: 'lead', plannedHeadcount: 4 },
      { orgId: org('KEN-MOD'), role: 'participant', plannedHeadcount: 6 },
    ],
    plannedCost: '42000.00',
    currency: 'EUR',
    fundingSourceId: funds[0].id,
    communityId: comms.find((c: { code: string }) => c.code === 'all').id,
    label: { level: 'HUB-OFFICIAL', releasableTo: ['XHN', 'KEN'], restrictive: [], handling: [] },
  };
  const create = async (code: string, plannedStart: string) => {
    const r = await planner.send('POST', '/api/v1/engagements', {
      ...draft,
      code,
      plannedStart,
      plannedEnd: plus(plannedStart, 2),
    });
    expect(r.status).toBe(201);
    return r.body.data.id as string;
  };
  ongoingId = await create('TST-PST-001', '2031-03-02');
  const step = (who: Agent, to: string, version: number, extra: Record<string, string> = {}) =>
    who.send('POST', `/api/v1/engagements/${ongoingId}/transitions`, { to, version, ...extra });
  expect((await step(planner, 'proposed', 1)).status).toBe(200);
  expect((await step(approver, 'approved', 2)).status).toBe(200);
  expect((await step(planner, 'ongoing', 3, { actualStart: today() })).status).toBe(200);
  draftId = await create('TST-PST-002', '2031-04-02');
  // An ongoing KEN engagement above the planner's clearance (relabelled in place with a CONFIDENTIAL label the approver sees).
  hiddenId = await create('TST-PST-003', '2031-05-02');
  const visible = (await approver.get('/api/v1/engagements?pageSize=500')).body.data.items as {
    id: string;
    portion: string;
  }[];
  const hc = visible.find((e) => e.portion.startsWith('(HC'));
  expect(hc, 'a HUB-CONFIDENTIAL engagement').toBeDefined();
  const hcLabel = (await approver.get(`/api/v1/engagements/${hc!.id}`)).body.data.labelId as string;
  await t
    .owner()
    .query("UPDATE engagement SET status = 'ongoing', actual_start = $1, label_id = $2 WHERE id = $3", [
      today(),
      hcLabel,
      hiddenId,
    ]);
  expect((await planner.get(`/api/v1/engagements/${hiddenId}`)).status).toBe(404);
});
afterAll(() => t.close());

describe('partner status', () => {
  it('offers the status change to an approver only, and refuses others', async () => {
    expect(await overview(approver)).toMatchObject({
      status: 'active',
      transitions: ['restricted', 'suspended'],
    });
    expect((await overview(planner)).transitions).toEqual([]);
    const p = await overview(planner);
    expect((await setStatus(planner, { to: 'suspended', version: p.version, reason: 'test' })).status).toBe(
      403,
    );
    // A partner user cannot see the home-only partner record: the same 404 as an unknown state.
    expect(
      (await setStatus(kenLiaison, { to: 'suspended', version: p.version, reason: 'test' })).status,
    ).toBe(404);
    expect((await setStatus(approver, { to: 'suspended', version: 1, reason: 'test' }, 'ZZZ')).status).toBe(
      404,
    );
  });

  it('rejects bad input with field paths and changes nothing', async () => {
    const p = await overview(approver);
    const noReason = await setStatus(approver, { to: 'suspended', version: p.version, reason: '   ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.map((f: { path: string }) => f.path)).toContain('reason');
    const badTo = await setStatus(approver, { to: 'dissolved', version: p.version, reason: 'x' });
    expect(badTo.status).toBe(400);
    expect(badTo.body.error.fields.map((f: { path: string }) => f.path)).toContain('to');
    expect((await setStatus(approver, { to: 'active', version: p.version, reason: 'already' })).status).toBe(
      409,
    ); // not listed: active → active
    expect(await overview(approver)).toMatchObject({ status: 'active', version: p.version });
    expect(await reviews(approver)).toEqual([]);
  });

  it('suspending raises a review due in 7 days for each ongoing engagement only, audited in the same transaction', async () => {
    const p = await overview(approver);
    const list = (await approver.get('/api/v1/engagements?partner=KEN&pageSize=500')).body.data.items as {
      id: string;
      status: string;
    }[];
    const ongoing = list.filter((e) => e.status === 'ongoing').map((e) => e.id);
    expect(ongoing).toContain(ongoingId);
    const r = await setStatus(approver, {
      to: 'suspended',
      version: p.version,
      reason: 'Unconstitutional change of government',
    });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({
      iso3: 'KEN',
      status: 'suspended',
      version: p.version + 1,
      reviewsSkipped: 0,
      reviewsSettled: 0,
    });
    expect(r.body.data.reviewsRaised).toBe(ongoing.length);
    const rows = await t
      .owner()
      .query(
        "SELECT d.subject_id, d.due_on::text AS due_on, d.status, o.code AS owner, d.label_id = e.label_id AS same_label FROM due_item d JOIN engagement e ON e.id = d.subject_id JOIN organisation o ON o.id = d.owner_org_id WHERE d.kind = 'review' AND d.subject_kind = 'engagement'",
      );
    expect(rows.rows.map((x) => x.subject_id).sort()).toEqual([...ongoing].sort());
    expect(
      rows.rows.every((x) => x.due_on === plus(today(), 7) && x.status === 'pending' && x.same_label),
    ).toBe(true);
    expect(rows.rows.map((x) => x.subject_id)).not.toContain(draftId);
    const ev = await t
      .owner()
      .query("SELECT action, reason, before, after FROM audit_event WHERE entity = 'partner' ORDER BY seq");
    expect(ev.rows).toEqual([
      {
        action: 'partner.suspended',
        reason: 'Unconstitutional change of government',
        before: { status: 'active' },
        after: { status: 'suspended' },
      },
    ]);
    const raised = await t
      .owner()
      .query(
        "SELECT count(*)::int AS n FROM audit_event WHERE action = 'due_item.raised' AND after->>'kind' = 'review'",
      );
    expect(raised.rows[0].n).toBe(ongoing.length);
  });

  it('shows the review only to who may see the engagement: the owning organisation, never the partner user', async () => {
    const mine = await reviews(planner);
    expect(mine.map((i) => i.subjectId)).toContain(ongoingId);
    for (const i of mine) expect((await planner.get(`/api/v1/engagements/${i.subjectId}`)).status).toBe(200);
    // The partner user sees the engagement (KEN-MOD is a party) but not the review its owner owes.
    expect((await kenLiaison.get(`/api/v1/engagements/${ongoingId}`)).status).toBe(200);
    expect(await reviews(kenLiaison)).toEqual([]);
    // Above the planner's clearance: the approver sees its review, the planner does not.
    expect((await reviews(approver)).map((i) => i.subjectId)).toContain(hiddenId);
    expect(mine.map((i) => i.subjectId)).not.toContain(hiddenId);
    const submit = await kenLiaison.send('POST', `/api/v1/due-items/${mine[0]!.id}/submit`, { version: 1 });
    expect(submit.status).toBe(404);
  });

  it('warns in the engagement check and refuses approval while suspended', async () => {
    const check = await planner.send('POST', '/api/v1/engagements/check', {
      type: 'staff_talks',
      plannedStart: '2031-04-02',
      plannedEnd: '2031-04-04',
      partnerIso3s: ['KEN'],
    });
    expect(check.status).toBe(200);
    expect(check.body.data.warnings).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'partner_suspended', severity: 'warning' })]),
    );
    expect(
      (
        await planner.send('POST', `/api/v1/engagements/${draftId}/transitions`, {
          to: 'proposed',
          version: 1,
        })
      ).status,
    ).toBe(200);
    const refused = await approver.send('POST', `/api/v1/engagements/${draftId}/transitions`, {
      to: 'approved',
      version: 2,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/suspended/);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const p = await overview(approver);
    const r = await setStatus(approver, { to: 'active', version: p.version - 1, reason: 'late click' });
    expect(r.status).toBe(409);
    expect((await overview(approver)).status).toBe('suspended');
  });

  it('reinstating settles the open reviews and is audited', async () => {
    const p = await overview(approver);
    expect(p.transitions).toEqual(['active', 'restricted']);
    const r = await setStatus(approver, {
      to: 'active',
      version: p.version,
      reason: 'Transition roadmap agreed',
    });
    expect(r.status).toBe(200);
    const open = await t
      .owner()
      .query(
        "SELECT count(*)::int AS n FROM due_item WHERE kind = 'review' AND subject_kind = 'engagement' AND status = 'pending'",
      );
    expect(open.rows[0].n).toBe(0);
    const all = await t
      .owner()
      .query(
        "SELECT count(*)::int AS n FROM due_item WHERE kind = 'review' AND subject_kind = 'engagement' AND status = 'submitted_on_time'",
      );
    expect(r.body.data.reviewsSettled).toBe(all.rows[0].n);
    expect(all.rows[0].n).toBeGreaterThan(0);
    const mine = await reviews(planner);
    expect(mine.find((i) => i.subjectId === ongoingId)).toMatchObject({ status: 'submitted_on_time' });
    const ev = await t
      .owner()
      .query("SELECT action, reason FROM audit_event WHERE entity = 'partner' ORDER BY seq");
    expect(ev.rows.map((x) => x.action)).toEqual(['partner.suspended', 'partner.active']);
    expect((await overview(approver)).status).toBe('active');
  });
});
