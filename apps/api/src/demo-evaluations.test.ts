/**
 * The demo's reference evaluations and watch area on the synthetic demo incidents: stored through
 * the save and create use cases as the analyst (audited as the system acting for them), attached to
 * the Atalanta and MINUSCA engagements, visible to the analyst through the API, and not stored twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidents, openDatabase, seedDemoIncidents, type Database } from '@entente/db';
import { createLogger } from './logger';
import { startTestApp, type Agent } from './testing';
import { HOA_WATCH_NAME, storeDemoEvaluations } from './demo-evaluations';

let t: Awaited<ReturnType<typeof startTestApp>>;
let owner: Database;
let analyst: Agent;
const log = createLogger('silent');
const idOf = async (code: string) =>
  (await t.owner().query<{ id: string }>('SELECT id FROM engagement WHERE code = $1', [code])).rows[0]!.id;

beforeAll(async () => {
  t = await startTestApp();
  owner = openDatabase(t.db.ownerUrl, 2);
  await seedDemoIncidents(owner, { areaSources: incidents.areaSourcesOf(t.ctx.config) });
  analyst = await t.login('analyst');
});
afterAll(async () => {
  await owner?.close();
  await t?.close();
});

describe('storeDemoEvaluations', () => {
  it('stores the two reference evaluations and the HoA watch area as the analyst', async () => {
    const done = await storeDemoEvaluations(t.ctx, owner, log);
    expect(done).toEqual([
      'evaluation HOA-MTF-ATA-2008',
      'evaluation CF-PKO-SO-2014',
      'watch area poly:preset-hoa',
    ]);

    const ata = await idOf('HOA-MTF-ATA-2008');
    const list = await analyst.get(`/api/v1/evaluations?subjectKind=engagement&subjectId=${ata}`);
    expect(list.status).toBe(200);
    expect(list.body.data.items).toHaveLength(1);
    const got = await analyst.get(`/api/v1/evaluations/${list.body.data.items[0].id}`);
    expect(got.status).toBe(200);
    const e = got.body.data;
    expect(e.title).toMatch(/^Reference: Operation Atalanta/);
    expect(e.request).toMatchObject({
      source: 'crime_at_sea',
      treatedArea: 'poly:preset-hoa',
      t0: '2008-12-08',
    });
    // The marine seas exist here (the tests configure the marine polygons): GoG plus the other seas.
    expect(e.request.comparisonAreas).toEqual([
      'poly:preset-gulf-of-guinea',
      'marine:strait-of-malacca',
      'marine:south-china-sea',
      'marine:caribbean-sea',
      'marine:bay-of-bengal',
    ]);
    const methods = (e.result.estimates as { method: string; design: { level: number } }[]).map(
      (x) => x.method,
    );
    expect(methods).toEqual(expect.arrayContaining(['before_after', 'difference_in_differences']));

    const car = await idOf('CF-PKO-SO-2014');
    const carList = await analyst.get(`/api/v1/evaluations?subjectKind=engagement&subjectId=${car}`);
    expect(carList.body.data.items).toHaveLength(1);

    const m = await t
      .owner()
      .query('SELECT area_key, source, created_by FROM monitor WHERE name = $1', [HOA_WATCH_NAME]);
    expect(m.rows).toEqual([
      expect.objectContaining({ area_key: 'poly:preset-hoa', source: 'crime_at_sea' }),
    ]);
    const audit = await t.owner().query<{ n: string }>(
      `SELECT count(*) AS n FROM audit_event e JOIN app_user u ON u.id = e.actor_id
        WHERE e.action IN ('evaluation.saved', 'monitor.created') AND e.actor_kind = 'system' AND u.username = 'analyst'`,
    );
    expect(Number(audit.rows[0]!.n)).toBe(3);
  });

  it('stores nothing the second time', async () => {
    expect(await storeDemoEvaluations(t.ctx, owner, log)).toEqual([]);
    expect(
      Number((await t.owner().query<{ n: string }>('SELECT count(*) AS n FROM evaluation')).rows[0]!.n),
    ).toBe(2);
  });
});
