/**
 * TLP recipients (ACCESS.md §2, §3 step 5, §4; ADR 0007): the SQL filter and RLS admit exactly whom
 * decide() admits. Property-style over the seed: a seeded random sample of engagements and agreements
 * is given TLP labels (clear, green, amber, amber+strict, red) and random recipients; then for every
 * demo user the register, totals, map, calendar, search, CSV export, dashboard and agreements list hold
 * exactly the records decide() permits. The recipients API is pinned too.
 */
import { randomUUID } from 'node:crypto';
import { canonicalLabel, decide, labelId, type Label, type TlpRecipients } from '@entente/core';
import { inScope, scoped } from '@entente/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent } from '../testing';
import { ENVIRONMENT_CEILING } from './service';

let t: Awaited<ReturnType<typeof startTestApp>>;
const USERS = [
  'planner',
  'analyst',
  'desk.officer',
  'ken.liaison',
  'sen.liaison',
  'fra.liaison',
  'mda.liaison',
];
const agents = new Map<string, Agent>();
const userIds = new Map<string, string>();
const orgIds = new Map<string, string>();
interface Row {
  id: string;
  code: string;
  label_id: string;
  community_id: string;
  party_org_ids: string[];
  owner_org_id: string;
  tlp_recipients: TlpRecipients | null;
  tlp: string | null;
}
const TLPS = ['clear', 'green', 'amber', 'amber_strict', 'red'] as const;
let amberForKen: Row;

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

async function withTlp(baseLabelId: string, tlp: (typeof TLPS)[number]): Promise<string> {
  const base = t.ctx.access.label(baseLabelId) as Label;
  const l = canonicalLabel({ ...base, tlp });
  const id = labelId(l);
  await t
    .owner()
    .query(
      `INSERT INTO label (id, policy, level, restrictive, releasable_to, handling, tlp, canonical) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      [id, l.policy, l.level, l.restrictive, l.releasableTo, l.handling, l.tlp, JSON.stringify(l)],
    );
  return id;
}

const rowsOf = async (table: 'engagement' | 'agreement') =>
  (
    await t
      .owner()
      .query<Row>(
        `SELECT id, code, label_id, community_id, party_org_ids, owner_org_id, tlp_recipients, tlp FROM ${table}`,
      )
  ).rows;

async function expectedFor(u: string, kind: 'engagement' | 'agreement', rows: Row[]): Promise<Set<string>> {
  const me = (await (agents.get(u) as Agent).get('/api/v1/auth/me')).body.data;
  const s = await t.ctx.access.subjectOf(me.id, me.assurance);
  const now = new Date().toISOString();
  const ok = rows.filter(
    (r) =>
      decide(s!, 'read', t.ctx.access.label(r.label_id) as Label, {
        now,
        registry: t.ctx.access.registry(),
        environmentCeiling: ENVIRONMENT_CEILING,
        resource: {
          kind,
          communityId: r.community_id,
          ownerOrgId: r.owner_org_id,
          originatorOrgId: r.owner_org_id,
          partyOrgIds: r.party_org_ids,
          ...(r.tlp_recipients ? { tlpRecipients: r.tlp_recipients } : {}),
        },
      }).effect === 'permit',
  );
  return new Set(ok.map((r) => r.id));
}

async function listAll(a: Agent, query = ''): Promise<{ ids: string[]; total: number }> {
  const ids: string[] = [];
  let total = -1;
  for (let page = 1; ; page++) {
    const r = await a.get(`/api/v1/engagements?pageSize=100&page=${page}${query}`);
    expect(r.status).toBe(200);
    total = r.body.data.total;
    ids.push(...r.body.data.items.map((i: { id: string }) => i.id));
    if (!r.body.data.hasMore) break;
  }
  return { ids, total };
}

beforeAll(async () => {
  t = await startTestApp();
  for (const u of USERS) agents.set(u, await t.login(u));
  for (const r of (await t.owner().query('SELECT id, username FROM app_user')).rows)
    userIds.set(r.username, r.id);
  for (const r of (await t.owner().query('SELECT id, code FROM organisation')).rows) orgIds.set(r.code, r.id);
  const orgPool = ['XHN-SECCOOP', 'XHN-POLICY', 'KEN-MOD', 'SEN-MOD', 'MDA-MOD', 'FRA-MOD'].map(
    (c) => orgIds.get(c) as string,
  );
  const userPool = USERS.map((u) => userIds.get(u) as string);
  const rand = rng(20261129);
  const pick = <T>(xs: T[]) => xs.filter(() => rand() < 0.3);
  for (const table of ['engagement', 'agreement'] as const) {
    for (const r of await rowsOf(table)) {
      if (rand() > (table === 'engagement' ? 0.35 : 0.6)) continue;
      const tlp = TLPS[Math.floor(rand() * TLPS.length)] as (typeof TLPS)[number];
      const recipients: TlpRecipients = {
        orgIds: pick(orgPool),
        clientOrgIds: pick(orgPool),
        userIds: pick(userPool),
      };
      await t
        .owner()
        .query(`UPDATE ${table} SET label_id = $1, tlp_recipients = $2 WHERE id = $3`, [
          await withTlp(r.label_id, tlp),
          JSON.stringify(recipients),
          r.id,
        ]);
    }
  }
  // One amber record Kenya would otherwise see (party, releasable), owned by and addressed to the home
  // planning organisation only (the source sets the recipients).
  const ken = await expectedFor('ken.liaison', 'engagement', await rowsOf('engagement'));
  amberForKen = (await rowsOf('engagement')).find((r) => ken.has(r.id) && r.tlp === null) as Row;
  const seccoop = orgIds.get('XHN-SECCOOP');
  await t
    .owner()
    .query('UPDATE engagement SET label_id = $1, tlp_recipients = $2, owner_org_id = $3 WHERE id = $4', [
      await withTlp(amberForKen.label_id, 'amber'),
      JSON.stringify({ orgIds: [seccoop], clientOrgIds: [], userIds: [] }),
      seccoop,
      amberForKen.id,
    ]);
  await t.ctx.access.refresh();
});
afterAll(() => t.close());

describe('the trigger derives what SQL and RLS test', () => {
  it('keeps tlp equal to the label colour and the admitted org and user sets per colour', async () => {
    const r = await t.owner().query<{
      n: string;
    }>(`SELECT count(*) AS n FROM engagement e JOIN label l ON l.id = e.label_id
      WHERE e.tlp IS DISTINCT FROM l.tlp
         OR (l.tlp = 'red' AND cardinality(e.tlp_org_ids) > 0)
         OR (l.tlp IN ('clear','green') AND (cardinality(e.tlp_org_ids) > 0 OR cardinality(e.tlp_user_ids) > 0))`);
    expect(Number(r.rows[0]!.n)).toBe(0);
    const colours = await t
      .owner()
      .query<{ tlp: string }>('SELECT DISTINCT tlp FROM engagement WHERE tlp IS NOT NULL ORDER BY tlp');
    expect(colours.rows.map((x) => x.tlp)).toEqual(['amber', 'amber_strict', 'clear', 'green', 'red']);
  });
});

describe('SQL ≡ decide() with TLP recipients, for every demo user', () => {
  it.each(USERS)(
    '%s: register, total, search, map, calendar, CSV export and dashboard hold exactly what decide() permits',
    async (u) => {
      const a = agents.get(u) as Agent;
      const rows = await rowsOf('engagement');
      const want = await expectedFor(u, 'engagement', rows);
      const { ids, total } = await listAll(a);
      expect(new Set(ids)).toEqual(want);
      expect(total).toBe(want.size);
      const search = await listAll(a, '&q=20');
      for (const id of search.ids) expect(want.has(id)).toBe(true);
      const map = (await a.get('/api/v1/engagements/map')).body.data as { id: string }[];
      for (const p of map) expect(want.has(p.id)).toBe(true);
      const cal = (await a.get('/api/v1/engagements/calendar?from=2000-01-01&to=2035-12-31')).body.data as {
        id: string;
      }[];
      expect(new Set(cal.map((x) => x.id))).toEqual(want);
      const csv = (await a.get('/api/v1/engagements/export.csv')).text;
      for (const r of rows) if (!want.has(r.id)) expect(csv.includes(`\r\n${r.code},`)).toBe(false);
      expect((await a.get('/api/v1/dashboard')).body.data.totals.engagements).toBe(want.size);
    },
  );

  it.each(USERS)('%s: the agreements list holds exactly what decide() permits', async (u) => {
    const rows = await rowsOf('agreement');
    const want = await expectedFor(u, 'agreement', rows);
    const got = (await (agents.get(u) as Agent).get('/api/v1/agreements')).body.data as { id: string }[];
    expect(new Set(got.map((x) => x.id))).toEqual(want);
  });

  it('the sample is not vacuous: TLP hides records from users who pass every other check', async () => {
    const rows = await rowsOf('engagement');
    const tlpRows = rows.filter((r) => r.tlp !== null);
    expect(tlpRows.length).toBeGreaterThan(50);
    const planner = await expectedFor('planner', 'engagement', rows);
    expect(
      tlpRows.filter((r) => ['amber', 'amber_strict', 'red'].includes(r.tlp as string) && !planner.has(r.id))
        .length,
    ).toBeGreaterThan(0);
    expect(
      tlpRows.filter((r) => ['amber', 'amber_strict', 'red'].includes(r.tlp as string) && planner.has(r.id))
        .length,
    ).toBeGreaterThan(0);
  });

  it('row-level security alone applies the same TLP rule (raw SQL in the subject scope)', async () => {
    for (const u of ['planner', 'ken.liaison']) {
      const me = (await (agents.get(u) as Agent).get('/api/v1/auth/me')).body.data;
      const scope = await t.ctx.access.scopeOf((await t.ctx.access.subjectOf(me.id, me.assurance))!);
      const ids = await inScope(t.ctx.db.db, scope, async (tx) =>
        (await tx.execute<{ id: string }>(sql`SELECT id FROM engagement`)).rows.map((r) => r.id),
      );
      expect(new Set(ids)).toEqual(await expectedFor(u, 'engagement', await rowsOf('engagement')));
    }
  });
});

describe('due items and downgrade requests follow their record (migration 0020)', () => {
  it('carry the TLP columns of their engagement or agreement, after every change of the record', async () => {
    const drift = await t.owner().query<{ n: number }>(`SELECT count(*)::int AS n FROM due_item d
      LEFT JOIN engagement e ON d.subject_kind = 'engagement' AND e.id = d.subject_id
      LEFT JOIN agreement a ON d.subject_kind = 'agreement' AND a.id = d.subject_id
      WHERE (d.tlp, d.tlp_org_ids, d.tlp_user_ids) IS DISTINCT FROM
            (coalesce(e.tlp, a.tlp), coalesce(e.tlp_org_ids, a.tlp_org_ids), coalesce(e.tlp_user_ids, a.tlp_user_ids))
        AND (e.id IS NOT NULL OR a.id IS NOT NULL)`);
    expect(drift.rows[0]!.n).toBe(0);
    const inherited = await t
      .owner()
      .query<{ n: number }>(
        `SELECT count(*)::int AS n FROM due_item WHERE tlp IN ('amber','amber_strict','red')`,
      );
    expect(inherited.rows[0]!.n).toBeGreaterThan(0);
  });

  it.each(['planner', 'desk.officer'])(
    '%s: lists no due item of a TLP record that does not admit them',
    async (u) => {
      const a = agents.get(u) as Agent;
      const me = (await a.get('/api/v1/auth/me')).body.data;
      const items = (await a.get('/api/v1/due-items')).body.data as { id: string }[];
      expect(items.length).toBeGreaterThan(0);
      const barred = await t
        .owner()
        .query<{ id: string }>(
          `SELECT id FROM due_item WHERE tlp IN ('amber','amber_strict','red') AND NOT ($1::uuid = ANY(tlp_user_ids) OR $2::uuid = ANY(tlp_org_ids))`,
          [me.id, orgIds.get(me.orgCode)],
        );
      expect(barred.rows.length).toBeGreaterThan(0);
      const listed = new Set(items.map((x) => x.id));
      for (const r of barred.rows) expect(listed.has(r.id)).toBe(false);
    },
  );
});

describe('the fast path stays fast (ADR 0004)', () => {
  it('the partner read predicate, TLP part included, still reaches the GIN index on party_org_ids', async () => {
    const me = (await (agents.get('ken.liaison') as Agent).get('/api/v1/auth/me')).body.data;
    const scope = await t.ctx.access.scopeOf((await t.ctx.access.subjectOf(me.id, me.assurance))!);
    const plan = await inScope(t.ctx.db.db, scope, async (tx) => {
      // Seq scans off: the question is whether the predicate can use the index at all, not what 284 rows cost.
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      return scoped.explainVisible(tx, scope, 'engagement');
    });
    expect(plan).toContain('engagement_party_idx');
  });
});

describe('a TLP:AMBER record not addressed to the reader', () => {
  it('is missing for Kenya everywhere, and its detail answers like a random id', async () => {
    const ken = agents.get('ken.liaison') as Agent;
    expect((await listAll(ken)).ids).not.toContain(amberForKen.id);
    const a = await ken.get(`/api/v1/engagements/${amberForKen.id}`);
    const b = await ken.get(`/api/v1/engagements/${randomUUID()}`);
    expect(a.status).toBe(404);
    expect({ ...a.body.error, requestId: '' }).toEqual({ ...b.body.error, requestId: '' });
    expect((await ken.get(`/api/v1/engagements/${amberForKen.id}/tlp-recipients`)).status).toBe(404);
    expect((await ken.get('/api/v1/engagements/export.csv')).text).not.toContain(`\r\n${amberForKen.code},`);
  });

  it('appears once the planner adds KEN-MOD as a client org, and goes again when the label turns AMBER+STRICT', async () => {
    const planner = agents.get('planner') as Agent;
    const ken = agents.get('ken.liaison') as Agent;
    const url = `/api/v1/engagements/${amberForKen.id}/tlp-recipients`;
    const cur = (await planner.get(url)).body.data;
    expect(cur).toMatchObject({ tlp: 'amber', orgIds: [orgIds.get('XHN-SECCOOP')], clientOrgIds: [] });
    const put = await planner.send('PUT', url, {
      orgIds: cur.orgIds,
      clientOrgIds: [orgIds.get('KEN-MOD')],
      usernames: ['analyst'],
      version: cur.version,
    });
    expect(put.status).toBe(200);
    expect(put.body.data.users.map((x: { username: string }) => x.username)).toEqual(['analyst']);
    expect((await ken.get(`/api/v1/engagements/${amberForKen.id}`)).status).toBe(200);
    const audit = await t
      .owner()
      .query("SELECT count(*)::int AS n FROM audit_event WHERE action = 'engagement.tlp_recipients_updated'");
    expect(audit.rows[0].n).toBe(1);
    await t
      .owner()
      .query('UPDATE engagement SET label_id = $1 WHERE id = $2', [
        await withTlp(amberForKen.label_id, 'amber_strict'),
        amberForKen.id,
      ]);
    await t.ctx.access.refresh();
    expect((await ken.get(`/api/v1/engagements/${amberForKen.id}`)).status).toBe(404);
    expect((await planner.get(`/api/v1/engagements/${amberForKen.id}`)).status).toBe(200);
  });

  it('refuses unknown recipients with field paths, a stale version with 409, and recipients that shut the editor out', async () => {
    const planner = agents.get('planner') as Agent;
    const url = `/api/v1/engagements/${amberForKen.id}/tlp-recipients`;
    const cur = (await planner.get(url)).body.data;
    const bad = await planner.send('PUT', url, {
      orgIds: [randomUUID()],
      clientOrgIds: [],
      usernames: ['nobody-here'],
      version: cur.version,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['orgIds.0', 'usernames.0']);
    const stale = await planner.send('PUT', url, {
      orgIds: cur.orgIds,
      clientOrgIds: [],
      usernames: [],
      version: cur.version + 1,
    });
    expect(stale.status).toBe(409);
    const out = await planner.send('PUT', url, {
      orgIds: [orgIds.get('KEN-MOD')],
      clientOrgIds: [],
      usernames: [],
      version: cur.version,
    });
    expect(out.status).toBe(400);
    expect((await planner.get(url)).body.data.version).toBe(cur.version);
  });
});
