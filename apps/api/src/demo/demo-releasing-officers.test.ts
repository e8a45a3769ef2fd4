/**
 * The demo works as packages/db/src/seeds/users.ts documents: the seeded scenario engagements and
 * agreements originate from XHN-SECCOOP, so its two releasing officers (approver, release.officer)
 * can downgrade a seeded record under the two-person rule (ACCESS.md §3 step 7), and the demo due
 * items show on their dashboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent } from '../testing';

let t: Awaited<ReturnType<typeof startTestApp>>;
let approver: Agent;
let officer: Agent;
let planner: Agent;

beforeAll(async () => {
  t = await startTestApp();
  approver = await t.login('approver');
  officer = await t.login('release.officer');
  planner = await t.login('planner');
});
afterAll(() => t.close());

describe('the demo releasing officers', () => {
  it('belong to the organisation that originates every seeded engagement and agreement', async () => {
    const users = await t
      .owner()
      .query(
        "SELECT u.username, o.code FROM app_user u JOIN organisation o ON o.id = u.org_id WHERE u.username IN ('approver', 'release.officer') AND 'releasing_officer' = ANY(u.roles) ORDER BY u.username",
      );
    expect(users.rows).toEqual([
      { username: 'approver', code: 'XHN-SECCOOP' },
      { username: 'release.officer', code: 'XHN-SECCOOP' },
    ]);
    for (const table of ['engagement', 'agreement']) {
      const owners = await t
        .owner()
        .query(`SELECT DISTINCT o.code FROM ${table} r JOIN organisation o ON o.id = r.owner_org_id`);
      expect(owners.rows, table).toEqual([{ code: 'XHN-SECCOOP' }]);
    }
  });

  it('downgrade a seeded engagement: one requests, the other approves', async () => {
    const list = (await officer.get('/api/v1/engagements?pageSize=500')).body.data.items as {
      id: string;
      code: string;
      portion: string;
    }[];
    const seeded = list.find((e) => e.portion.startsWith('(HR//'));
    expect(seeded, 'a seeded HUB-RESTRICTED engagement').toBeDefined();
    const detail = (await officer.get(`/api/v1/engagements/${seeded!.id}`)).body.data;
    const lower = { ...detail.label, level: 'HUB-OFFICIAL' };
    const asked = await officer.send('POST', `/api/v1/engagements/${seeded!.id}/relabel`, {
      version: detail.version,
      label: lower,
      reason: 'Demo: release at OFFICIAL',
    });
    expect(asked.status).toBe(200);
    expect(asked.body.data.outcome).toBe('pending');
    const approved = await approver.send(
      'POST',
      `/api/v1/engagements/${seeded!.id}/relabel-requests/${asked.body.data.request.id}/approve`,
      { note: 'demo' },
    );
    expect(approved.status).toBe(200);
    expect(approved.body.data).toMatchObject({ outcome: 'relabelled', version: detail.version + 1 });
    expect(approved.body.data.portion.startsWith('(HO//')).toBe(true);
  });

  it('see the demo due items that need attention on the dashboard (planner and approver)', async () => {
    for (const who of [planner, approver]) {
      const s = (await who.get('/api/v1/due-items/summary')).body.data;
      expect(s.badge, who.username).toBeGreaterThan(0);
      const soon = (await who.get('/api/v1/due-items?attention=due_soon')).body.data as unknown[];
      const overdue = (await who.get('/api/v1/due-items?attention=overdue')).body.data as unknown[];
      expect(soon.length + overdue.length, who.username).toBeGreaterThan(0);
    }
  });
});
