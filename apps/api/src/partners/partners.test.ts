/** Partners: every state with region and memberships; one partner's overview over visible records only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARTNER_RECENT_ENGAGEMENTS } from '@entente/contracts';
import { startTestApp, type Agent } from '../testing';

let t: Awaited<ReturnType<typeof startTestApp>>;
let planner: Agent;

beforeAll(async () => {
  t = await startTestApp();
  planner = await t.login('planner');
});
afterAll(() => t.close());

describe('partners', () => {
  it('lists every state (ISO 3166 plus the home nation) with region, subregion and current groups', async () => {
    const list = (await planner.get('/api/v1/partners')).body.data as { iso3: string; region: string; subregion: string; groups: string[] }[];
    expect(list).toHaveLength(251);
    const ken = list.find((p) => p.iso3 === 'KEN')!;
    expect(ken).toMatchObject({ region: 'Africa', subregion: 'Eastern Africa' });
    expect(ken.groups).toEqual(expect.arrayContaining(['AU', 'UN']));
    expect(list.find((p) => p.iso3 === 'MLI')!.groups).not.toContain('ECOWAS');
    expect(list.find((p) => p.iso3 === 'SWE')!.groups).toContain('NATO');
  });

  it('gathers a partner overview whose totals count exactly the visible engagements with that partner', async () => {
    const r = (await planner.get('/api/v1/partners/SEN')).body.data;
    const all = (await planner.get('/api/v1/engagements?partner=SEN&pageSize=500')).body.data;
    expect(r.totals.engagements).toBe(all.total);
    expect(Object.values(r.totals.byType as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(all.total);
    expect(r.agreements.length).toBeGreaterThan(0);
    // The page lists the most recent ones, newest first, exactly the register's first page.
    const recent = (await planner.get(`/api/v1/engagements?partner=SEN&sort=plannedStart&order=desc&pageSize=${PARTNER_RECENT_ENGAGEMENTS}`)).body.data;
    expect(r.engagements.map((e: { id: string }) => e.id)).toEqual(recent.items.map((e: { id: string }) => e.id));
    expect(r.engagements.length).toBe(Math.min(all.total, PARTNER_RECENT_ENGAGEMENTS));
    expect(r.memberships.find((m: { orgCode: string }) => m.orgCode === 'ECOWAS')).toMatchObject({ status: 'member', sourceUrl: expect.stringMatching(/^https:\/\//) });
  });

  it('answers an unknown state like any missing record', async () => {
    const r = await planner.get('/api/v1/partners/ZZZ');
    expect(r.status).toBe(404);
  });

  it('shows dated alliance memberships, each with its source', async () => {
    const rows = (await planner.get('/api/v1/reference/memberships?org=NATO')).body.data as { memberIso3: string; from: string; sourceUrl: string }[];
    expect(rows.find((m) => m.memberIso3 === 'FIN')!.from).toBe('2023-04-04');
    expect(rows.every((m) => m.sourceUrl.startsWith('https://'))).toBe(true);
  });
});
