/** Due items end to end on a real database: closure items from the engagement lifecycle, overdue, submit, waive, and no leaks to partners. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent } from '../testing';

let t: Awaited<ReturnType<typeof startTestApp>>;
let planner: Agent;
let approver: Agent;
let partner: Agent;
let draft: Record<string, unknown>;

const today = () => new Date().toISOString().slice(0, 10);
const plus = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestApp();
  planner = await t.login('planner');
  approver = await t.login('approver');
  partner = await t.login('ken.liaison');
  const objectives = (await planner.get('/api/v1/strategy/objectives')).body.data;
  const initiatives = (await planner.get('/api/v1/strategy/initiatives')).body.data;
  const orgs = (await planner.get('/api/v1/reference/organisations')).body.data;
  const comms = (await planner.get('/api/v1/reference/communities')).body.data;
  const funds = (await planner.get('/api/v1/reference/funding-sources')).body.data;
  const org = (code: string) => orgs.find((o: { code: string }) => o.code === code).id;
  draft = {
    title: 'Maritime law enforcement staff talks',
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
});
afterAll(() => t.close());

/** Create an engagement and walk it to `completed` with the given actual dates. */
async function completed(code: string, plannedStart: string, actualStart: string, actualEnd: string) {
  const r = await planner.send('POST', '/api/v1/engagements', {
    ...draft,
    code,
    plannedStart,
    plannedEnd: plus(plannedStart, 2),
  });
  expect(r.status).toBe(201);
  const id = r.body.data.id as string;
  const step = (who: Agent, to: string, version: number, extra: Record<string, string> = {}) =>
    who.send('POST', `/api/v1/engagements/${id}/transitions`, { to, version, ...extra });
  expect((await step(planner, 'proposed', 1)).status).toBe(200);
  expect((await step(approver, 'approved', 2)).status).toBe(200);
  expect((await step(planner, 'ongoing', 3, { actualStart })).status).toBe(200);
  expect((await step(planner, 'completed', 4, { actualEnd })).status).toBe(200);
  return {
    id,
    close: async () => {
      await t
        .owner()
        .query("UPDATE engagement SET outcome_summary = 'Talks held; minutes agreed.' WHERE id = $1", [id]);
      return step(planner, 'closed', 5);
    },
  };
}

const mine = async (who: Agent, q = '') => {
  const r = await who.get(`/api/v1/due-items${q}`);
  expect(r.status).toBe(200);
  return r.body.data as {
    id: string;
    subjectId: string;
    kind: string;
    status: string;
    dueOn: string;
    version: number;
    canSubmit: boolean;
    canWaive: boolean;
    daysLeft: number;
  }[];
};

describe('closure due items', () => {
  let onTime: { id: string; close: () => Promise<{ status: number }> };

  it('completing an engagement raises its closure item, due 14 days after the actual end, owned by the lead organisation', async () => {
    const end = plus(today(), -1);
    onTime = await completed('TST-DUE-001', '2031-01-10', plus(end, -2), end);
    const items = (await mine(planner)).filter((i) => i.subjectId === onTime.id);
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'closure',
        status: 'pending',
        dueOn: plus(end, 14),
        daysLeft: 13,
        canSubmit: true,
        canWaive: false,
      }),
    ]);
    const row = await t
      .owner()
      .query(
        'SELECT d.owner_org_id, o.code, d.label_id = e.label_id AS same_label, d.community_id = e.community_id AS same_community FROM due_item d JOIN engagement e ON e.id = d.subject_id JOIN organisation o ON o.id = d.owner_org_id WHERE d.subject_id = $1',
        [onTime.id],
      );
    expect(row.rows[0]).toMatchObject({ code: 'XHN-SECCOOP', same_label: true, same_community: true });
    const ev = await t
      .owner()
      .query(
        "SELECT count(*)::int AS n FROM audit_event WHERE action = 'due_item.raised' AND entity = 'due_item'",
      );
    expect(ev.rows[0].n).toBeGreaterThanOrEqual(1);
  });

  it('closing the engagement marks its closure item submitted on time', async () => {
    expect((await onTime.close()).status).toBe(200);
    const item = (await mine(planner)).find((i) => i.subjectId === onTime.id);
    expect(item).toMatchObject({ status: 'submitted_on_time', canSubmit: false });
    expect((await mine(planner, '?status=submitted_on_time')).map((i) => i.subjectId)).toContain(onTime.id);
  });

  it('shows an item past its due date as overdue, filters on it, and a late closure submits it late', async () => {
    const late = await completed('TST-DUE-002', '2031-02-10', '2026-01-01', '2026-01-05');
    const overdue = await mine(planner, '?overdue=true');
    expect(overdue.find((i) => i.subjectId === late.id)).toMatchObject({
      status: 'overdue',
      dueOn: '2026-01-19',
    });
    expect(overdue.every((i) => i.status === 'overdue')).toBe(true);
    expect((await mine(planner, '?status=pending')).find((i) => i.subjectId === late.id)).toBeUndefined();
    expect((await late.close()).status).toBe(200);
    expect((await mine(planner)).find((i) => i.subjectId === late.id)?.status).toBe('submitted_late');
  });
});

describe('submitting and waiving', () => {
  let item: { id: string; version: number };

  beforeAll(async () => {
    const e = await completed('TST-DUE-003', '2031-03-10', '2026-02-01', '2026-02-03');
    item = (await mine(planner)).find((i) => i.subjectId === e.id)!;
  });

  it('waiving needs a reason and an approver, and is audited with the reason', async () => {
    const byPlanner = await planner.send('POST', `/api/v1/due-items/${item.id}/waive`, {
      version: item.version,
      reason: 'Not needed',
    });
    expect(byPlanner.status).toBe(403);
    const noReason = await approver.send('POST', `/api/v1/due-items/${item.id}/waive`, {
      version: item.version,
    });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.fields[0].path).toBe('reason');
    const stale = await approver.send('POST', `/api/v1/due-items/${item.id}/waive`, {
      version: item.version + 5,
      reason: 'x',
    });
    expect(stale.status).toBe(409);
    const ok = await approver.send('POST', `/api/v1/due-items/${item.id}/waive`, {
      version: item.version,
      reason: 'Closure handled in the annual review',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({
      status: 'waived',
      waivedReason: 'Closure handled in the annual review',
      canWaive: false,
    });
    const ev = await t
      .owner()
      .query(
        "SELECT reason, before, after FROM audit_event WHERE entity_id = $1 AND action = 'due_item.waived'",
        [item.id],
      );
    expect(ev.rows[0]).toMatchObject({
      reason: 'Closure handled in the annual review',
      before: { status: 'overdue' },
      after: { status: 'waived' },
    });
  });

  it('refuses to submit a waived item with the named error', async () => {
    const r = await planner.send('POST', `/api/v1/due-items/${item.id}/submit`, {
      version: item.version + 1,
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('invalid_transition');
  });
});

describe('no leaks to partners', () => {
  it("a partner user does not see the home nation's due items, and acting on one looks exactly like a missing id", async () => {
    const home = await mine(planner);
    expect(home.length).toBeGreaterThan(0);
    const theirs = await mine(partner);
    expect(theirs.filter((i) => home.some((h) => h.id === i.id))).toEqual([]);
    const hidden = await partner.send('POST', `/api/v1/due-items/${home[0]!.id}/submit`, {
      version: home[0]!.version,
    });
    const missing = await partner.send(
      'POST',
      '/api/v1/due-items/00000000-0000-4000-8000-000000000000/submit',
      { version: 1 },
    );
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect({ ...hidden.body.error, requestId: '' }).toEqual({ ...missing.body.error, requestId: '' });
  });
});

describe('timeliness', () => {
  it('scores each month as on-time ÷ due over my organisation’s items, not counting waived ones', async () => {
    const r = await planner.get('/api/v1/due-items/timeliness?months=36');
    expect(r.status).toBe(200);
    const months = r.body.data as {
      month: string;
      due: number;
      onTime: number;
      ratio: number | null;
      rating: string | null;
    }[];
    expect(months).toHaveLength(36);
    expect(months.at(-1)?.month).toBe(today().slice(0, 7));
    expect(months.find((m) => m.month === '2026-01')).toEqual({
      month: '2026-01',
      due: 1,
      onTime: 0,
      ratio: 0,
      rating: 'red',
    });
    expect(months.find((m) => m.month === '2026-02')).toMatchObject({ due: 0, ratio: null }); // the waived item
    expect(
      (await partner.get('/api/v1/due-items/timeliness')).body.data.every(
        (m: { due: number }) => m.due === 0,
      ),
    ).toBe(true);
  });
});
