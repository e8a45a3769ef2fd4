/**
 * Initiative rules on real PostgreSQL: significance derived from the budget and what it covers
 * (DOMAIN.md §2.1), closing a significant initiative only with a stored evaluation (invariant 6), and
 * one initiative per code in a community (409 on `code`, also for a code hidden from the caller).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent } from '../../testing';

let t: Awaited<ReturnType<typeof startTestApp>>;
let planner: Agent;
let approver: Agent;
let analyst: Agent;
let all: string;
let lead: string;

const HOME_ONLY = { level: 'HUB-OFFICIAL', releasableTo: ['XHN'], restrictive: [], handling: [] };
const draft = (code: string, over: Record<string, unknown> = {}) => ({
  code,
  title: 'Kenya logistics depots',
  partnerIso3s: ['KEN'],
  leadOrgId: lead,
  problemStatement: 'Depots are not maintained.',
  from: '2027-01-01',
  to: '2029-12-31',
  communityId: all,
  label: HOME_ONLY,
  ...over,
});
const EUR = (amount: string) => ({ amount, currency: 'EUR' });

beforeAll(async () => {
  t = await startTestApp();
  [planner, approver, analyst] = [
    await t.login('planner'),
    await t.login('approver'),
    await t.login('analyst'),
  ];
  all = (await planner.get('/api/v1/reference/communities')).body.data.find(
    (c: { code: string }) => c.code === 'all',
  ).id;
  lead = (await planner.get('/api/v1/reference/organisations')).body.data.find(
    (o: { code: string }) => o.code === 'XHN-SECCOOP',
  ).id;
});
afterAll(() => t?.close());

const create = async (a: Agent, body: unknown) => {
  const r = await a.send('POST', '/api/v1/strategy/initiatives', body);
  expect(r.status, r.text).toBe(201);
  return r.body.data;
};
const move = (id: string, to: string, expectedVersion: number) =>
  approver.send('POST', `/api/v1/strategy/initiatives/${id}/transitions`, { to, expectedVersion });

describe('initiative significance', () => {
  it('is what the demo initiatives record: the budget and coverage of each give its stored significance', async () => {
    const list = (await analyst.get('/api/v1/strategy/initiatives')).body.data as { id: string; code: string }[];
    expect(list.length).toBeGreaterThanOrEqual(17);
    const mismatched: string[] = [];
    const significant: string[] = [];
    for (const i of list) {
      const d = (await analyst.get(`/api/v1/strategy/initiatives/${i.id}`)).body.data;
      if ((d.significanceNotes as string[]).some((n) => n.startsWith('Recorded as'))) mismatched.push(i.code);
      if (d.significance === 'significant') significant.push(i.code);
    }
    expect(mismatched).toEqual([]);
    expect(significant).toEqual(expect.arrayContaining(['INI-HOA-PATROL', 'AF-INI-TAA', 'CF-INI-PKO', 'WA-INI-SAHEL']));
    expect(significant).not.toContain('INI-HOA-MSA');
  });

  it('is derived on create: a significance sent by the client is ignored', async () => {
    const d = await create(planner, draft('INI-SIG-1', { significance: 'significant' }));
    expect(d).toMatchObject({
      significance: 'routine',
      budget: null,
      significanceReasons: [],
      significanceNotes: [],
      significantCost: EUR('1000000'),
    });
  });

  it('is significant over the cost threshold, for equipment or capacity building, with the reasons', async () => {
    const d = await create(
      planner,
      draft('INI-SIG-2', { budget: EUR('2500000'), covers: ['equipment', 'unit_training'] }),
    );
    expect(d.significance).toBe('significant');
    expect(d.budget).toEqual(EUR('2500000'));
    expect(d.significanceReasons).toEqual([
      'Costs 2500000 EUR, over the threshold of 1000000 EUR',
      'Transfers equipment',
      'Builds capacity (unit training)',
    ]);
    // Significant: the evaluation-plan gate now applies.
    expect(d.gates.checks.find((c: { gate: string }) => c.gate === 'evaluation_plan').applies).toBe(true);
  });

  it('is recomputed on every edit, and a budget in another currency is not compared', async () => {
    const d = await create(planner, draft('INI-SIG-3', { covers: ['equipment'] }));
    expect(d.significance).toBe('significant');
    const r = await planner.send('PUT', `/api/v1/strategy/initiatives/${d.id}`, {
      expectedVersion: d.version,
      initiative: draft('INI-SIG-3', { covers: [], budget: { amount: '9000000', currency: 'USD' } }),
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body.data).toMatchObject({ significance: 'routine', significanceReasons: [] });
    expect(r.body.data.significanceNotes).toEqual([
      'The budget (9000000 USD) is not compared with the threshold (1000000 EUR): no exchange rate between USD and EUR.',
    ]);
    const stored = await t.owner().query('SELECT significance, budget FROM initiative WHERE id = $1', [d.id]);
    expect(stored.rows).toEqual([
      { significance: 'routine', budget: { amount: '9000000', currency: 'USD' } },
    ]);
  });

  it('refuses a malformed budget with its field path', async () => {
    const r = await planner.send(
      'POST',
      '/api/v1/strategy/initiatives',
      draft('INI-SIG-4', { budget: { amount: 'lots', currency: 'EUR' } }),
    );
    expect(r.status).toBe(400);
    expect(r.body.error.fields.map((f: { path: string }) => f.path)).toContain('budget.amount');
  });
});

/** An initiative taken to `closing` by the owner role (the approval gates are tested elsewhere). */
async function closingInitiative(code: string, covers: string[]) {
  const d = await create(planner, draft(code, { covers }));
  await t.owner().query("UPDATE initiative SET status = 'active' WHERE id = $1", [d.id]);
  const r = await move(d.id, 'closing', d.version);
  expect(r.status, r.text).toBe(200);
  return r.body.data as { id: string; version: number; significance: string };
}

describe('closing an initiative (invariant 6)', () => {
  it('refuses to close a significant initiative without a stored evaluation: 422, nothing changes', async () => {
    const d = await closingInitiative('INI-CLS-1', ['equipment']);
    expect(d.significance).toBe('significant');
    const r = await move(d.id, 'closed', d.version);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('guard_failed');
    expect(r.body.error.message).toMatch(/^A significant initiative cannot close without an evaluation/);
    expect(r.body.error.fields).toEqual([
      { path: 'evaluations', message: 'No stored evaluation of this initiative.' },
    ]);
    const after = (await approver.get(`/api/v1/strategy/initiatives/${d.id}`)).body.data;
    expect(after).toMatchObject({ status: 'closing', version: d.version });
  });

  it('closes it once an evaluation of it is stored', async () => {
    const d = await closingInitiative('INI-CLS-2', ['unit_training']);
    // A real stored evaluation needs incidents and areas: import the Crime at Sea file (read in place).
    const csv = readFileSync(
      fileURLToPath(
        new URL('../../../../../../shared/testdata/piracy/crime-at-sea/pirate_attacks.csv', import.meta.url),
      ),
    );
    const b = 'entente-rules-boundary';
    const imported = await analyst.send(
      'POST',
      '/api/v1/incidents/import?source=crime_at_sea&community=all',
      Buffer.concat([
        Buffer.from(
          `--${b}\r\nContent-Disposition: form-data; name="file"; filename="pirate_attacks.csv"\r\nContent-Type: text/csv\r\n\r\n`,
        ),
        csv,
        Buffer.from(`\r\n--${b}--\r\n`),
      ]),
      { 'content-type': `multipart/form-data; boundary=${b}` },
    );
    expect(imported.status, imported.text).toBe(200);
    const saved = await analyst.send('POST', '/api/v1/evaluations', {
      subjectKind: 'initiative',
      subjectId: d.id,
      title: 'Final screening',
      request: {
        source: 'crime_at_sea',
        treatedArea: 'poly:preset-hoa',
        comparisonAreas: ['poly:preset-gulf-of-guinea'],
        t0: '2008-12-08',
        interventionLabel: 'Kenya logistics depots',
        from: '2000-01-01',
        to: '2014-12-31',
        methods: ['before_after'],
      },
    });
    expect(saved.status, saved.text).toBe(201);
    const r = await move(d.id, 'closed', d.version);
    expect(r.status, r.text).toBe(200);
    expect(r.body.data.status).toBe('closed');
  });

  it('closes a routine initiative without one', async () => {
    const d = await closingInitiative('INI-CLS-3', []);
    expect(d.significance).toBe('routine');
    const r = await move(d.id, 'closed', d.version);
    expect(r.status, r.text).toBe(200);
  });
});

describe('initiative codes', () => {
  it('are unique: a duplicate on create or edit is a 409 on `code`, and nothing is written', async () => {
    await create(planner, draft('INI-DUP-1'));
    const other = await create(planner, draft('INI-DUP-2'));
    const dup = await planner.send('POST', '/api/v1/strategy/initiatives', draft('INI-DUP-1'));
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({
      code: 'conflict',
      fields: [{ path: 'code', message: 'already used' }],
    });
    const edit = await planner.send('PUT', `/api/v1/strategy/initiatives/${other.id}`, {
      expectedVersion: other.version,
      initiative: draft('INI-DUP-1'),
    });
    expect(edit.status).toBe(409);
    expect(edit.body.error.fields[0].path).toBe('code');
    const n = await t.owner().query("SELECT count(*)::int AS n FROM initiative WHERE code = 'INI-DUP-1'");
    expect(n.rows[0].n).toBe(1);
    // Keeping one's own code is no duplicate.
    const same = await planner.send('PUT', `/api/v1/strategy/initiatives/${other.id}`, {
      expectedVersion: other.version,
      initiative: draft('INI-DUP-2', { title: 'Renamed' }),
    });
    expect(same.status, same.text).toBe(200);
  });

  it('collide with an initiative the caller cannot see in the same community: the unique index answers 409', async () => {
    await create(
      approver,
      draft('INI-DUP-C', {
        label: { level: 'HUB-CONFIDENTIAL', releasableTo: ['XHN'], restrictive: [], handling: [] },
      }),
    );
    const list = (await planner.get('/api/v1/strategy/initiatives')).body.data as { code: string }[];
    expect(list.some((i) => i.code === 'INI-DUP-C')).toBe(false);
    const dup = await planner.send('POST', '/api/v1/strategy/initiatives', draft('INI-DUP-C'));
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'conflict', fields: [{ path: 'code' }] });
    const n = await t.owner().query("SELECT count(*)::int AS n FROM initiative WHERE code = 'INI-DUP-C'");
    expect(n.rows[0].n).toBe(1);
  });
});
