/**
 * People through the API on real PostgreSQL: create, update, 409 on a stale version, 400/422 with field
 * paths (nothing changed), partner liaisons see only people released to them (a hidden person is the
 * same 404 as a random id), and the field-labelled contact is absent for a reader without its label,
 * in the API and under RLS alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushStagedReads, inScope } from '@entente/db';
import { sql } from 'drizzle-orm';
import { startTestApp, type Agent } from '../testing';

let t: Awaited<ReturnType<typeof startTestApp>>;
const a: Record<string, Agent> = {};
let all: string;
const orgs = new Map<string, string>();
const MISSING = '00000000-0000-4000-8000-000000000000';
const CANARY = 'PERSON-CONTACT-CANARY-4e1a';

type P = { id: string; name: string; focalPoint: boolean; version: number; position: string };
const people = async (u: string, iso3 = 'KEN') => {
  const r = await a[u]!.get(`/api/v1/partners/${iso3}/people`);
  expect(r.status).toBe(200);
  return r.body.data as P[];
};
const byName = async (u: string, name: string) => (await people('planner')).find((p) => p.name === name)!;
const input = (over: Record<string, unknown> = {}) => ({
  partnerIso3: 'KEN',
  name: 'Wanjiku Njoroge',
  rank: 'Colonel',
  position: 'Commandant, Kenya Navy training school',
  orgId: orgs.get('KEN-NAVY'),
  nationality: 'KEN',
  languages: ['English', 'Kiswahili'],
  focalPoint: false,
  communityId: all,
  label: { level: 'HUB-OFFICIAL', releasableTo: ['XHN', 'KEN'], restrictive: [], handling: [] },
  ...over,
});
const count = async (q: string, p: unknown[] = []) => (await t.owner().query<{ n: number }>(q, p)).rows[0]!.n;

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['planner', 'approver', 'ken.liaison', 'sen.liaison', 'mda.liaison'])
    a[u] = await t.login(u);
  all = (await a.planner!.get('/api/v1/reference/communities')).body.data.find(
    (c: { code: string }) => c.code === 'all',
  ).id;
  for (const o of (await a.planner!.get('/api/v1/reference/organisations')).body.data as {
    id: string;
    code: string;
  }[])
    orgs.set(o.code, o.id);
});
afterAll(() => t.close());

describe('people of a partner', () => {
  it('lists the demo key leaders and focal points, focal points first, each with its portion mark', async () => {
    const ps = await people('planner');
    expect(ps.map((p) => p.name)).toContain('Joseph Kiptoo Rono');
    expect(ps[0]!.focalPoint).toBe(true);
    expect(ps.filter((p) => p.focalPoint).map((p) => p.name)).toEqual(
      expect.arrayContaining(['Daniel Otieno', 'Helen Marsh']),
    );
    const cdf = ps.find((p) => p.name === 'Peter Kamau Mwangi')!;
    expect(cdf).toMatchObject({ rank: 'General', position: 'Chief of Defence Forces', nationality: 'KEN' });
    expect((cdf as unknown as { org: { code: string }; portion: string }).org.code).toBe('KEN-MOD');
  });

  it('creates a person (201, audited), then edits it at the seen version; a stale version is a 409 that changes nothing', async () => {
    const c = await a.planner!.send('POST', '/api/v1/people', input());
    expect(c.status).toBe(201);
    const p = c.body.data as P;
    expect(p).toMatchObject({ name: 'Wanjiku Njoroge', version: 1, focalPoint: false });
    const u = await a.planner!.send('PUT', `/api/v1/people/${p.id}`, {
      ...input(),
      position: 'Commandant, Kenya Navy training school (acting)',
      focalPoint: true,
      expectedVersion: 1,
    });
    expect(u.status).toBe(200);
    expect(u.body.data).toMatchObject({ version: 2, focalPoint: true });
    const stale = await a.approver!.send('PUT', `/api/v1/people/${p.id}`, {
      ...input(),
      position: 'overwritten',
      expectedVersion: 1,
    });
    expect(stale.status).toBe(409);
    const now = (await a.planner!.get(`/api/v1/people/${p.id}`)).body.data;
    expect(now).toMatchObject({ position: 'Commandant, Kenya Navy training school (acting)', version: 2 });
    const actions = (
      await t.owner().query('SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY seq', [p.id])
    ).rows.map((r: { action: string }) => r.action);
    expect(actions).toEqual(['person.created', 'person.updated']);
    // released to KEN: the Kenyan liaison sees it, the Senegalese one does not
    expect((await people('ken.liaison')).map((x) => x.id)).toContain(p.id);
    expect((await a['sen.liaison']!.get(`/api/v1/people/${p.id}`)).status).toBe(404);
  });

  it('bad input is a 400 naming the field, a foreign organisation a 422 on orgId, and neither writes', async () => {
    const before = await count('SELECT count(*)::int AS n FROM person');
    const bad = await a.planner!.send('POST', '/api/v1/people', input({ name: '', nationality: 'ke' }));
    expect(bad.status).toBe(400);
    const paths = (bad.body.error.fields as { path: string }[]).map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'nationality']));
    const foreign = await a.planner!.send('POST', '/api/v1/people', input({ orgId: orgs.get('SEN-MOD') }));
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.fields).toEqual([expect.objectContaining({ path: 'orgId' })]);
    const target = await byName('planner', 'Grace Achieng Odhiambo');
    const upd = await a.planner!.send('PUT', `/api/v1/people/${target.id}`, {
      ...input({ orgId: orgs.get('MDA-MOD') }),
      expectedVersion: target.version,
    });
    expect(upd.status).toBe(422);
    expect(await count('SELECT count(*)::int AS n FROM person')).toBe(before);
    expect((await byName('planner', 'Grace Achieng Odhiambo')).version).toBe(target.version);
  });

  it('a partner liaison cannot write people', async () => {
    const r = await a['ken.liaison']!.send('POST', '/api/v1/people', input());
    expect(r.status).toBe(403);
    const target = await byName('planner', 'Daniel Otieno');
    const u = await a['ken.liaison']!.send('PUT', `/api/v1/people/${target.id}`, {
      ...input({ orgId: orgs.get('KEN-MOD') }),
      expectedVersion: target.version,
    });
    expect(u.status).toBe(403);
  });
});

describe('access: released people only, hidden = missing', () => {
  it('the Kenyan liaison sees KEN people released to KEN but not the home-only one, which is a 404 like a random id', async () => {
    const hidden = await byName('planner', 'Samuel Kiprotich Langat');
    const names = (await people('ken.liaison')).map((p) => p.name);
    expect(names).toContain('Joseph Kiptoo Rono');
    expect(names).not.toContain('Samuel Kiprotich Langat');
    const h = await a['ken.liaison']!.get(`/api/v1/people/${hidden.id}`);
    const m = await a['ken.liaison']!.get(`/api/v1/people/${MISSING}`);
    expect(h.status).toBe(404);
    expect(m.status).toBe(404);
    expect({ ...h.body.error, requestId: '' }).toEqual({ ...m.body.error, requestId: '' });
    const hf = await a['ken.liaison']!.get(`/api/v1/people/${hidden.id}/fields`);
    expect(hf.status).toBe(404);
  });

  it('liaisons of other nations see none of the KEN people; the list read is audited', async () => {
    expect(await people('sen.liaison')).toEqual([]);
    expect(await people('mda.liaison')).toEqual([]);
    expect((await people('mda.liaison', 'MDA')).map((p) => p.name)).toContain('Elena Munteanu');
    await flushStagedReads(t.ctx.owner.db);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'read.list' AND entity_id = 'GET /partners/:iso3/people'`,
      ),
    ).toBeGreaterThan(0);
  });
});

describe('contact: a field label of the person', () => {
  it('a home-only contact is absent (no name, no placeholder) for the Kenyan liaison and present for the planner', async () => {
    const dmi = await byName('planner', 'Joseph Kiptoo Rono');
    const home = await a.planner!.get(`/api/v1/people/${dmi.id}/fields`);
    expect(home.status).toBe(200);
    expect(home.body.data.items).toEqual([expect.objectContaining({ field: 'contact' })]);
    const ken = await a['ken.liaison']!.get(`/api/v1/people/${dmi.id}/fields`);
    expect(ken.status).toBe(200);
    expect(ken.body.data.items).toEqual([]);
    expect(ken.text).not.toContain('contact');
    // a contact released to KEN is shown to the Kenyan liaison
    const fp = await byName('planner', 'Daniel Otieno');
    const shown = await a['ken.liaison']!.get(`/api/v1/people/${fp.id}/fields`);
    expect(shown.body.data.items.map((f: { field: string }) => f.field)).toEqual(['contact']);
  });

  it('is written with its own label (versioned, audited) and never leaks into the people list', async () => {
    const p = await byName('planner', 'Grace Achieng Odhiambo');
    const w = await a.planner!.send('PUT', `/api/v1/people/${p.id}/fields/contact`, {
      value: CANARY,
      label: { level: 'HUB-OFFICIAL', releasableTo: ['XHN'] },
      version: 0,
    });
    expect(w.status).toBe(200);
    expect(w.body.data).toMatchObject({ field: 'contact', value: CANARY, version: 1 });
    const again = await a.planner!.send('PUT', `/api/v1/people/${p.id}/fields/contact`, {
      value: 'overwrite',
      label: { level: 'HUB-OFFICIAL', releasableTo: ['XHN'] },
      version: 0,
    });
    expect(again.status).toBe(409);
    const above = await a.approver!.send('PUT', `/api/v1/people/${p.id}/fields/contact`, {
      value: 'too high',
      label: { level: 'HUB-CONFIDENTIAL', releasableTo: ['XHN'] },
      version: 1,
    });
    expect(above.status).toBe(400);
    expect(above.body.error.fields).toEqual([expect.objectContaining({ path: 'contact.label' })]);
    expect(
      await count(
        "SELECT count(*)::int AS n FROM audit_event WHERE action = 'person.field_updated' AND entity_id = $1",
        [p.id],
      ),
    ).toBe(1);
    for (const u of ['planner', 'ken.liaison']) {
      expect((await a[u]!.get('/api/v1/partners/KEN/people')).text).not.toContain(CANARY);
      expect((await a[u]!.get(`/api/v1/people/${p.id}`)).text).not.toContain(CANARY);
    }
    expect((await a['ken.liaison']!.get(`/api/v1/people/${p.id}/fields`)).body.data.items).toEqual([]);
  });

  it('row-level security alone hides the people and contacts (raw SQL in the reader scope)', async () => {
    const rows = async (u: string) => {
      const me = (await a[u]!.get('/api/v1/auth/me')).body.data;
      const s = await t.ctx.access.subjectOf(me.id, me.assurance);
      const scope = await t.ctx.access.scopeOf(s!);
      return inScope(t.ctx.db.db, scope, async (tx) => ({
        people: (
          await tx.execute<{ name: string }>(sql`SELECT name FROM person WHERE partner_iso3 = 'KEN'`)
        ).rows.map((r) => r.name),
        contacts: (
          await tx.execute<{ value: string }>(
            sql`SELECT value #>> '{}' AS value FROM record_field WHERE record_kind = 'person'`,
          )
        ).rows.map((r) => r.value),
      }));
    };
    const ken = await rows('ken.liaison');
    expect(ken.people).toContain('Joseph Kiptoo Rono');
    expect(ken.people).not.toContain('Samuel Kiprotich Langat');
    expect(ken.contacts.some((c) => c.includes('XHN-DEFINT'))).toBe(false);
    expect(ken.contacts).not.toContain(CANARY);
    const sen = await rows('sen.liaison');
    expect(sen.people).toEqual([]);
    const planner = await rows('planner');
    expect(planner.people).toContain('Samuel Kiprotich Langat');
    expect(planner.contacts.some((c) => c.includes('XHN-DEFINT'))).toBe(true);
  });
});
