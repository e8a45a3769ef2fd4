/** List reads through the real app: staged without the head lock, then one chained event each (ACCESS.md §7, ADR 0005). */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditVerifierKey, flushStagedReads, hashFilters, verifyAuditChain } from '@entente/db';
import { TEST_SECRET_KEY } from '@entente/db/testing';
import { startTestApp, type Agent } from '../testing';

let t: Awaited<ReturnType<typeof startTestApp>>;
let planner: Agent;

beforeAll(async () => {
  t = await startTestApp();
  planner = await t.login('planner');
});
afterAll(() => t.close());

const readEvents = async (route: string) =>
  (
    await t
      .owner()
      .query(
        "SELECT seq, actor_id, label_id, details, request_id FROM audit_event WHERE action = 'read.list' AND entity_id = $1 ORDER BY seq",
        [route],
      )
  ).rows;

describe('audit of list reads', () => {
  it('a list read becomes, after a flush, one chained event with the route, the filters hash and the count', async () => {
    const r = await planner.get('/api/v1/partners?region=Africa');
    expect(r.status).toBe(200);
    await flushStagedReads(t.ctx.owner.db);
    const ev = await readEvents('GET /partners');
    expect(ev).toHaveLength(1);
    expect(ev[0].details).toMatchObject({
      route: 'GET /partners',
      count: r.body.data.length,
      filtersHash: hashFilters({ region: 'Africa' }),
    });
    const actor = (await t.owner().query("SELECT id FROM app_user WHERE username = 'planner'")).rows[0].id;
    expect(ev[0].actor_id).toBe(actor);
    const v = await verifyAuditChain(t.owner(), { key: auditVerifierKey(TEST_SECRET_KEY) });
    expect(v).toMatchObject({ ok: true });
  });

  it('audits the other list and search reads too', async () => {
    for (const url of [
      '/api/v1/agreements',
      '/api/v1/strategy/objectives',
      '/api/v1/strategy/plans',
      '/api/v1/strategy/initiatives',
      '/api/v1/dashboard',
    ])
      expect((await planner.get(url)).status).toBe(200);
    await flushStagedReads(t.ctx.owner.db);
    for (const route of [
      'GET /agreements',
      'GET /strategy/objectives',
      'GET /strategy/plans',
      'GET /strategy/initiatives',
      'GET /dashboard',
    ])
      expect(await readEvents(route), route).toHaveLength(1);
  });

  it('keeps the ids returned when a returned record carries audit_read (a SECRET engagement in a partner overview)', async () => {
    const secret = (
      await t.owner()
        .query(`SELECT e.id, e.partner_iso3s[1] AS iso3 FROM engagement e JOIN label l ON l.id = e.label_id
        WHERE l.level = 'HUB-SECRET' AND l.tlp IS NULL AND cardinality(e.partner_iso3s) > 0 ORDER BY e.planned_start DESC LIMIT 1`)
    ).rows[0] as { id: string; iso3: string };
    const analyst = await t.login('analyst');
    const r = await analyst.get(`/api/v1/partners/${secret.iso3}`);
    expect(r.status).toBe(200);
    const shown = (r.body.data.engagements as { id: string }[]).map((e) => e.id);
    await flushStagedReads(t.ctx.owner.db);
    const ev = (await readEvents('GET /partners/:iso3')).at(-1);
    expect(ev.details.count).toBe(ev.details.ids.length);
    if (shown.includes(secret.id)) expect(ev.details.ids).toContain(secret.id);
    expect(ev.details.ids).toEqual(expect.arrayContaining(shown));
    // The event carries a label at least as high as what it lists: not the home-only label.
    expect(ev.label_id).not.toBe(t.ctx.homeLabelId);
  });

  it('reads do not queue on the audit head: with its lock held elsewhere, 24 concurrent list reads all answer', async () => {
    const holder = new pg.Client({ connectionString: t.db.ownerUrl });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE');
    try {
      const urls = [
        '/api/v1/partners',
        '/api/v1/agreements',
        '/api/v1/strategy/objectives',
        '/api/v1/dashboard',
      ];
      const all = Promise.all(
        Array.from({ length: 24 }, (_, i) => planner.get(urls[i % urls.length] as string)),
      );
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('reads waited for the audit head')), 30_000),
      );
      const res = await Promise.race([all, timeout]);
      expect(res.map((x) => x.status)).toEqual(Array(24).fill(200));
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    await flushStagedReads(t.ctx.owner.db);
    expect((await t.owner().query('SELECT count(*)::int AS n FROM audit_read_stage')).rows[0].n).toBe(0);
    expect((await verifyAuditChain(t.owner(), { key: auditVerifierKey(TEST_SECRET_KEY) })).ok).toBe(true);
  });
});
