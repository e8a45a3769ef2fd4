/**
 * Suspension reviews, reminders and escalation on a real database: suspending an agreement raises a
 * review due in 7 days, lifting it settles the review; the list shows each item's reminder stage and
 * filters due soon / overdue / escalated; the summary feeds the badge; partners see none of it.
 * The reminder rule itself is pinned with fixed dates in core (reminders.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent } from '../testing';

let t: Awaited<ReturnType<typeof startTestApp>>;
let planner: Agent;
let approver: Agent;
let partner: Agent;
let community: string;

const today = () => new Date().toISOString().slice(0, 10);
const plus = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

interface Item {
  id: string;
  subjectCode: string;
  kind: string;
  subjectId: string;
  dueOn: string;
  status: string;
  reminder: string;
  remindedOn: string | null;
  reminderTo: string | null;
}

const list = async (who: Agent, q = '') => {
  const r = await who.get(`/api/v1/due-items${q}`);
  expect(r.status).toBe(200);
  return r.body.data as Item[];
};
const move = (who: Agent, id: string, body: Record<string, unknown>) =>
  who.send('POST', `/api/v1/agreements/${id}/transitions`, body);

async function inForce(code: string): Promise<string> {
  const r = await planner.send('POST', '/api/v1/agreements', {
    code,
    kind: 'defence_cooperation',
    title: `Defence cooperation ${code}`,
    partnerIso3s: ['KEN'],
    coversTypes: [],
    status: 'in_force',
    inForceFrom: '2025-01-01',
    documentRef: `DC/${code}`,
    communityId: community,
    label: { level: 'HUB-OFFICIAL', releasableTo: ['XHN', 'KEN'], restrictive: [], handling: [] },
  });
  expect(r.status).toBe(201);
  return r.body.data.id as string;
}

beforeAll(async () => {
  t = await startTestApp();
  planner = await t.login('planner');
  approver = await t.login('approver');
  partner = await t.login('ken.liaison');
  const comms = (await planner.get('/api/v1/reference/communities')).body.data;
  community = comms.find((c: { code: string }) => c.code === 'all').id;
});
afterAll(() => t.close());

describe('suspending an agreement (DOMAIN.md §2.2)', () => {
  it('raises a review due in 7 days, audited; lifting the suspension settles it on time', async () => {
    const id = await inForce('AGR-SUS-001');
    const s = await move(planner, id, { to: 'suspended', version: 1, reason: 'Coup; cooperation paused' });
    expect(s.status).toBe(200);
    const [review] = (await list(planner)).filter((i) => i.subjectId === id);
    expect(review).toMatchObject({
      kind: 'review',
      status: 'pending',
      dueOn: plus(today(), 7),
      reminder: 'due_soon',
      reminderTo: 'owner',
    });
    const raised = await t
      .owner()
      .query("SELECT after FROM audit_event WHERE action = 'due_item.raised' AND entity_id = $1", [
        review!.id,
      ]);
    expect(raised.rows[0].after).toMatchObject({ kind: 'review', subjectId: id });
    expect((await list(partner)).some((i) => i.subjectId === id)).toBe(false);

    const lifted = await move(planner, id, { to: 'in_force', version: 2, reason: 'Transition agreed' });
    expect(lifted.status).toBe(200);
    const after = (await list(planner)).find((i) => i.id === review!.id);
    expect(after).toMatchObject({ status: 'submitted_on_time', reminder: 'none', reminderTo: null });
    const settled = await t
      .owner()
      .query("SELECT details FROM audit_event WHERE action = 'due_item.submitted' AND entity_id = $1", [
        review!.id,
      ]);
    expect(settled.rows[0].details).toEqual({ by: 'agreement.in_force' });
  });

  it('a review submitted by its owner counts as reviewed; terminating later settles nothing more', async () => {
    const id = await inForce('AGR-SUS-002');
    await move(planner, id, { to: 'suspended', version: 1, reason: 'Suspended pending review' });
    const [review] = (await list(planner)).filter((i) => i.subjectId === id && i.kind === 'review');
    const sub = await planner.send('POST', `/api/v1/due-items/${review!.id}/submit`, { version: 1 });
    expect(sub.status).toBe(200);
    expect(sub.body.data.status).toBe('submitted_on_time');
    expect((await move(planner, id, { to: 'terminated', version: 2, reason: 'Ended' })).status).toBe(200);
    expect((await list(planner)).filter((i) => i.subjectId === id && i.kind === 'review')).toHaveLength(1);
  });
});

describe('reminders and escalation (DOMAIN.md §3.4)', () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    // Four reviews, then moved to due dates that put them in each reminder stage as of today.
    const stages: [string, number][] = [
      ['later', 30],
      ['soon', 3],
      ['overdue', -8],
      ['escalated', -20],
    ];
    for (const [name, days] of stages) {
      const id = await inForce(`AGR-REM-${name.toUpperCase()}`);
      await move(planner, id, { to: 'suspended', version: 1, reason: 'for the reminder test' });
      const r = await t
        .owner()
        .query("UPDATE due_item SET due_on = $1 WHERE subject_id = $2 AND kind = 'review' RETURNING id", [
          plus(today(), days),
          id,
        ]);
      ids[name] = r.rows[0].id;
    }
  });

  it('shows each item’s stage, latest reminder date and recipient', async () => {
    const all = await list(planner);
    const get = (n: string) => all.find((i) => i.id === ids[n]);
    expect(get('later')).toMatchObject({ reminder: 'none', remindedOn: null });
    expect(get('soon')).toMatchObject({
      reminder: 'due_soon',
      remindedOn: plus(today(), -4),
      reminderTo: 'owner',
    });
    expect(get('overdue')).toMatchObject({
      status: 'overdue',
      reminder: 'overdue',
      remindedOn: plus(today(), -1),
      reminderTo: 'owner',
    });
    expect(get('escalated')).toMatchObject({
      status: 'overdue',
      reminder: 'escalated',
      remindedOn: plus(today(), -6),
      reminderTo: 'approver',
    });
  });

  it('filters due soon, overdue (escalated included) and escalated', async () => {
    const ofMine = (items: Item[]) =>
      Object.entries(ids)
        .filter(([, id]) => items.some((i) => i.id === id))
        .map(([n]) => n)
        .sort();
    expect(ofMine(await list(planner, '?attention=due_soon'))).toEqual(['soon']);
    expect(ofMine(await list(planner, '?attention=overdue'))).toEqual(['escalated', 'overdue']);
    expect(ofMine(await list(planner, '?attention=escalated'))).toEqual(['escalated']);
    const bad = await planner.get('/api/v1/due-items?attention=later');
    expect(bad.status).toBe(400);
  });

  it('counts them for the badge, tells an approver the escalations are theirs, and shows a partner nothing', async () => {
    const mine = await planner.get('/api/v1/due-items/summary');
    expect(mine.status).toBe(200);
    expect(mine.body.data.dueSoon).toBeGreaterThanOrEqual(1);
    expect(mine.body.data.overdue).toBeGreaterThanOrEqual(2);
    expect(mine.body.data.escalated).toBeGreaterThanOrEqual(1);
    expect(mine.body.data.badge).toBe(mine.body.data.dueSoon + mine.body.data.overdue);
    expect(mine.body.data.escalatedToMe).toBe(false);
    const boss = await approver.get('/api/v1/due-items/summary');
    expect(boss.body.data).toMatchObject({ escalated: mine.body.data.escalated, escalatedToMe: true });
    const ken = await partner.get('/api/v1/due-items/summary');
    expect(ken.status).toBe(200);
    const kenItems = await list(partner, '?attention=overdue');
    expect(kenItems.some((i) => Object.values(ids).includes(i.id))).toBe(false);
    const audited = await t.owner().query(
      `SELECT (SELECT count(*) FROM audit_read_stage WHERE route = $1)
            + (SELECT count(*) FROM audit_event WHERE details::text LIKE '%' || $1 || '%') AS n`,
      ['GET /due-items/summary'],
    );
    expect(Number(audited.rows[0].n)).toBeGreaterThanOrEqual(1);
  });

  it('an item assigned to another person leaves my badge', async () => {
    const before = (await planner.get('/api/v1/due-items/summary')).body.data.badge as number;
    const other = (await t.owner().query("SELECT id FROM app_user WHERE username = 'approver'")).rows[0].id;
    await t.owner().query('UPDATE due_item SET owner_person_id = $1 WHERE id = $2', [other, ids.soon]);
    expect((await planner.get('/api/v1/due-items/summary')).body.data.badge).toBe(before - 1);
  });
});

describe('the demo seed (seeded today by the test setup)', () => {
  it('shows every state on the Due items page of the ministry, and nothing to a partner', async () => {
    const leader = await t.login('leader');
    const all = await list(leader);
    const demo = all.filter((i) => !/^AGR-(SUS|REM)-/.test(i.subjectCode));
    const stages = new Set(demo.map((i) => i.reminder));
    const statuses = new Set(demo.map((i) => i.status));
    for (const s of ['due_soon', 'due_today', 'overdue', 'escalated']) expect(stages, s).toContain(s);
    for (const s of ['pending', 'overdue', 'submitted_on_time', 'submitted_late', 'waived'])
      expect(statuses, s).toContain(s);
    const ner = demo.find((i) => i.subjectCode === 'WA-AGR-SOFA-NER');
    expect(ner).toMatchObject({ kind: 'review', reminder: 'escalated', reminderTo: 'approver' });
    expect((await list(partner)).some((i) => demo.some((d) => d.id === i.id))).toBe(false);
  });
});
