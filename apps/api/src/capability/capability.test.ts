/** Capability assessments through the API, on real PostgreSQL: create, submit, approve, supersede, list by partner with access filtering. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushStagedReads } from '@entente/db';
import { startTestApp, type Agent } from '../testing';

let t: Awaited<ReturnType<typeof startTestApp>>;
let planner: Agent;
let approver: Agent;
let ken: Agent;
let all: string;
const orgs = new Map<string, string>();

const input = (over: Record<string, unknown> = {}) => ({
  partnerIso3: 'KEN',
  subjectOrgId: orgs.get('KEN-NAVY'),
  capabilityArea: 'maritime_security',
  method: 'visit',
  conductedOn: '2026-03-10',
  findings: 'Boarding teams competent; evidence handling weak.',
  gaps: ['evidence handling'],
  ratings: [{ criterion: 'boarding', score: 3 }],
  absorptiveCapacity: { rating: 'medium', maxTraineesPerMonth: 40, constraints: ['instructor shortage'] },
  risks: [],
  evidence: ['visit report 2026-03'],
  communityId: all,
  label: { level: 'HUB-OFFICIAL', releasableTo: ['XHN', 'KEN'], restrictive: [], handling: [] },
  ...over,
});

beforeAll(async () => {
  t = await startTestApp();
  [planner, approver, ken] = [
    await t.login('planner'),
    await t.login('approver'),
    await t.login('ken.liaison'),
  ];
  all = (await planner.get('/api/v1/reference/communities')).body.data.find(
    (c: { code: string }) => c.code === 'all',
  ).id;
  for (const o of (await planner.get('/api/v1/reference/organisations')).body.data as {
    id: string;
    code: string;
  }[])
    orgs.set(o.code, o.id);
});
afterAll(() => t.close());

const audits = async (id: string) =>
  (
    await t
      .owner()
      .query<{ action: string }>('SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY seq', [id])
  ).rows.map((r) => r.action);

describe('capability assessments', () => {
  it('are created as drafts by the assessor, then submitted and approved by someone else, each step audited', async () => {
    const c = await planner.send('POST', '/api/v1/capability-assessments', input());
    expect(c.status).toBe(201);
    const a = c.body.data;
    expect(a).toMatchObject({
      status: 'draft',
      partnerIso3: 'KEN',
      subjectOrg: { code: 'KEN-NAVY' },
      current: false,
      version: 1,
    });
    expect(c.body.meta.pageLabel.banner).toBeTruthy();
    // Approving a draft skips a step.
    expect(
      (
        await approver.send('POST', `/api/v1/capability-assessments/${a.id}/transitions`, {
          to: 'approved',
          expectedVersion: 1,
        })
      ).status,
    ).toBe(409);
    const s = await planner.send('POST', `/api/v1/capability-assessments/${a.id}/transitions`, {
      to: 'submitted',
      expectedVersion: 1,
    });
    expect(s.status).toBe(200);
    // A planner is not an approver; a stale version is refused.
    expect(
      (
        await planner.send('POST', `/api/v1/capability-assessments/${a.id}/transitions`, {
          to: 'approved',
          expectedVersion: 2,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await approver.send('POST', `/api/v1/capability-assessments/${a.id}/transitions`, {
          to: 'approved',
          expectedVersion: 1,
        })
      ).status,
    ).toBe(409);
    const ok = await approver.send('POST', `/api/v1/capability-assessments/${a.id}/transitions`, {
      to: 'approved',
      expectedVersion: 2,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.data.assessment).toMatchObject({ status: 'approved', current: true, version: 3 });
    expect(await audits(a.id)).toEqual([
      'capability_assessment.created',
      'capability_assessment.submitted',
      'capability_assessment.approved',
    ]);
  });

  it('refuse an approver approving their own assessment', async () => {
    const a = (
      await approver.send('POST', '/api/v1/capability-assessments', input({ capabilityArea: 'logistics' }))
    ).body.data;
    await approver.send('POST', `/api/v1/capability-assessments/${a.id}/transitions`, {
      to: 'submitted',
      expectedVersion: 1,
    });
    const r = await approver.send('POST', `/api/v1/capability-assessments/${a.id}/transitions`, {
      to: 'approved',
      expectedVersion: 2,
    });
    expect(r.status).toBe(422);
    expect(r.body.error.message).toMatch(/not be the assessor/);
  });

  it('supersede the earlier approved assessment of the same unit and area when a newer one is approved', async () => {
    const older = (
      await planner.send(
        'POST',
        '/api/v1/capability-assessments',
        input({ capabilityArea: 'training_system', conductedOn: '2023-05-01' }),
      )
    ).body.data;
    await planner.send('POST', `/api/v1/capability-assessments/${older.id}/transitions`, {
      to: 'submitted',
      expectedVersion: 1,
    });
    await approver.send('POST', `/api/v1/capability-assessments/${older.id}/transitions`, {
      to: 'approved',
      expectedVersion: 2,
    });
    const list1 = (await planner.get('/api/v1/partners/KEN/capability-assessments')).body.data;
    // Approved but older than 24 months: not current.
    expect(list1.find((x: { id: string }) => x.id === older.id)).toMatchObject({
      status: 'approved',
      current: false,
    });
    const newer = (
      await planner.send(
        'POST',
        '/api/v1/capability-assessments',
        input({ capabilityArea: 'training_system', conductedOn: '2026-01-15' }),
      )
    ).body.data;
    await planner.send('POST', `/api/v1/capability-assessments/${newer.id}/transitions`, {
      to: 'submitted',
      expectedVersion: 1,
    });
    const r = await approver.send('POST', `/api/v1/capability-assessments/${newer.id}/transitions`, {
      to: 'approved',
      expectedVersion: 2,
    });
    expect(r.body.data.superseded).toEqual([older.id]);
    const list2 = (await planner.get('/api/v1/partners/KEN/capability-assessments')).body.data;
    expect(list2.find((x: { id: string }) => x.id === older.id).status).toBe('superseded');
    expect(await audits(older.id)).toContain('capability_assessment.superseded');
  });

  it('refuse bad input with field paths and write nothing', async () => {
    const before = (await planner.get('/api/v1/partners/KEN/capability-assessments')).body.data.length;
    const wrongUnit = await planner.send(
      'POST',
      '/api/v1/capability-assessments',
      input({ subjectOrgId: orgs.get('SOM-MOD') }),
    );
    expect(wrongUnit.status).toBe(400);
    expect(wrongUnit.body.error.fields).toEqual([
      { path: 'subjectOrgId', message: 'the assessed unit must belong to KEN' },
    ]);
    const future = await planner.send(
      'POST',
      '/api/v1/capability-assessments',
      input({ conductedOn: '2999-01-01' }),
    );
    expect(future.status).toBe(400);
    expect(future.body.error.fields[0].path).toBe('conductedOn');
    const score = await planner.send(
      'POST',
      '/api/v1/capability-assessments',
      input({ ratings: [{ criterion: 'x', score: 7 }] }),
    );
    expect(score.status).toBe(400);
    expect(score.body.error.fields[0].path).toMatch(/ratings/);
    expect((await planner.get('/api/v1/partners/KEN/capability-assessments')).body.data.length).toBe(before);
  });

  it('are listed by partner only to those who may read them; a hidden one is 404 like a missing one', async () => {
    const som = (
      await planner.send(
        'POST',
        '/api/v1/capability-assessments',
        input({
          partnerIso3: 'SOM',
          subjectOrgId: orgs.get('SOM-COASTGUARD'),
          label: { level: 'HUB-OFFICIAL', releasableTo: ['XHN'], restrictive: [], handling: [] },
        }),
      )
    ).body.data;
    const homeOnlyKen = (
      await planner.send(
        'POST',
        '/api/v1/capability-assessments',
        input({
          capabilityArea: 'cyber',
          label: { level: 'HUB-OFFICIAL', releasableTo: ['XHN'], restrictive: [], handling: [] },
        }),
      )
    ).body.data;
    expect(
      (await planner.get('/api/v1/partners/SOM/capability-assessments')).body.data.map(
        (x: { id: string }) => x.id,
      ),
    ).toContain(som.id);
    // The Kenyan liaison sees the Kenyan assessments released to Kenya, not the home-only one, and nothing of Somalia.
    const kenList = (await ken.get('/api/v1/partners/KEN/capability-assessments')).body.data as {
      id: string;
      capabilityArea: string;
    }[];
    expect(kenList.length).toBeGreaterThan(0);
    expect(kenList.map((x) => x.id)).not.toContain(homeOnlyKen.id);
    expect((await ken.get('/api/v1/partners/SOM/capability-assessments')).body.data).toEqual([]);
    const hidden = await ken.send('POST', `/api/v1/capability-assessments/${som.id}/transitions`, {
      to: 'submitted',
      expectedVersion: 1,
    });
    const missing = await ken.send(
      'POST',
      '/api/v1/capability-assessments/00000000-0000-4000-8000-000000000000/transitions',
      { to: 'submitted', expectedVersion: 1 },
    );
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(hidden.body.error.message).toBe(missing.body.error.message);
    // The list read is audited (staged, then chained by the flusher).
    await flushStagedReads(t.ctx.owner.db);
    const reads = await t
      .owner()
      .query(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'read.list' AND entity_id = 'GET /partners/:iso3/capability-assessments'`,
      );
    expect(reads.rows[0].n).toBeGreaterThan(0);
  });
});
