/**
 * The evaluation engine end to end through the API: import the real Crime at Sea file, then evaluate
 * Operation Atalanta (2008-12) in the HoA box against the Gulf of Guinea box — the §6.2 real-data
 * case — with before/after, ITS and DiD, and check that what a subject may not see never counts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { canonicalLabel, labelId, type Label } from '@entente/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent } from '../testing';

const CAS = fileURLToPath(
  new URL('../../../../../shared/testdata/piracy/crime-at-sea/pirate_attacks.csv', import.meta.url),
);

let t: Awaited<ReturnType<typeof startTestApp>>;
let analyst: Agent;

const upload = (agent: Agent, body: Buffer) => {
  const b = 'entente-eval-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="pirate_attacks.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    body,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return agent.send('POST', '/api/v1/incidents/import?source=crime_at_sea&community=all', payload, {
    'content-type': `multipart/form-data; boundary=${b}`,
  });
};

const request = {
  source: 'crime_at_sea',
  treatedArea: 'poly:preset-hoa',
  comparisonAreas: ['poly:preset-gulf-of-guinea'],
  t0: '2008-12-08',
  interventionLabel: 'EU NAVFOR Operation Atalanta',
  from: '2000-01-01',
  to: '2014-12-31',
  methods: ['before_after', 'interrupted_time_series', 'difference_in_differences'],
};

beforeAll(async () => {
  t = await startTestApp();
  analyst = await t.login('analyst');
  const r = await upload(analyst, readFileSync(CAS));
  if (r.status !== 200 || !r.body.data.ok) throw new Error(`import failed: ${r.text}`);
});
afterAll(() => t?.close());

describe('evaluation of an intervention against incident series', () => {
  it('evaluates Atalanta in the HoA box against the Gulf of Guinea box, with grades and warnings', async () => {
    const r = await analyst.send('POST', '/api/v1/evaluations/run', request);
    expect(r.status, r.text).toBe(200);
    const d = r.body.data;
    expect(d.months).toHaveLength(180);
    expect(d.areas.map((a: { key: string; total: number }) => [a.key, a.total])).toEqual([
      ['poly:preset-hoa', 1060],
      ['poly:preset-gulf-of-guinea', 580],
    ]);
    expect(d.inputsHash).toMatch(/^[0-9a-f]{64}$/);
    const by = Object.fromEntries(d.estimates.map((e: { method: string }) => [e.method, e]));
    // DiD: IRR ≈ 3.02 (helper's R cross-check of the same panel), pre-trend fails with one comparison → level 2.
    expect(by.difference_in_differences.estimate).toBeCloseTo(3.016, 2);
    expect(by.difference_in_differences.design.level).toBe(2);
    expect(by.difference_in_differences.warnings.map((w: { code: string }) => w.code)).toEqual(
      expect.arrayContaining(['PRETREND_FAIL', 'PRETREND_UNTESTABLE']),
    );
    expect(by.before_after.estimate).toBeGreaterThan(1);
    expect(by.interrupted_time_series.design.level).toBe(2);
    expect(r.body.meta.pageLabel.banner).toBeTruthy();
    expect(d.dataset).toMatchObject({ code: 'crime_at_sea', licence: 'CC-BY-4.0' });
    // The data-quality panel (§4.1) of the real file, pinned: every panel event of both boxes is
    // day-precise; 3 HoA positions are whole degrees (level 3), kept by the polygon rule.
    const qy = d.quality;
    expect(qy.dataset).toMatchObject({ code: 'crime_at_sea', version: 1, licence: 'CC-BY-4.0' });
    expect(qy.batches).toMatchObject([
      { status: 'committed', read: 7511, accepted: 7511, rejected: 0, warned: 319 },
    ]);
    expect(qy.precision).toEqual([
      { areaKey: 'poly:preset-hoa', total: 1060, dateClass: { fine: 1060 }, locLevel: { 1: 1057, 3: 3 } },
      { areaKey: 'poly:preset-gulf-of-guinea', total: 580, dateClass: { fine: 580 }, locLevel: { 1: 580 } },
    ]);
    expect(qy.coverage).toEqual({ from: '1993-01', to: '2020-12', monthsOutside: 0 });
    expect(qy.flags).toEqual([
      { code: 'W_COUNTRY_FROM_NEAREST', count: 263 },
      { code: 'W_EXACT_DUPLICATE_ROW', count: 3 },
      { code: 'W_WHOLE_DEGREE_POSITION', count: 3 },
      { code: 'W_COUNTRY_MISMATCH', count: 1 },
    ]);
    expect(qy).toMatchObject({
      sourceSwitches: [],
      unmappedTypes: [],
      unmappedAdmin1: [],
      exposureModelled: false,
    });
  });

  it('gives the same inputsHash for the same request and subject (results are reproducible)', async () => {
    const a = await analyst.send('POST', '/api/v1/evaluations/run', {
      ...request,
      methods: ['before_after'],
    });
    const b = await analyst.send('POST', '/api/v1/evaluations/run', {
      ...request,
      methods: ['before_after'],
    });
    expect(a.body.data.inputsHash).toBe(b.body.data.inputsHash);
    expect(a.body.data.estimates).toEqual(b.body.data.estimates);
  });

  it('keeps the inputsHash when a label that no counted row carries is created elsewhere', async () => {
    const run = () =>
      analyst.send('POST', '/api/v1/evaluations/run', { ...request, methods: ['before_after'] });
    const before = (await run()).body.data;
    const me = (await analyst.get('/api/v1/auth/me')).body.data;
    const scopeIds = async () => {
      const s = await t.ctx.access.subjectOf(me.id, me.assurance);
      return s ? (await t.ctx.access.scopeOf(s)).labelIds : [];
    };
    const permitted = await scopeIds();
    const base = t.ctx.access.label(permitted[0] as string) as Label;
    const extra = ['PER', 'CHL', 'URY', 'ISL', 'MNG'].find((c) => !base.releasableTo.includes(c)) as string;
    const l = canonicalLabel({ ...base, releasableTo: [...base.releasableTo, extra] });
    await t
      .owner()
      .query(
        'INSERT INTO label (id, policy, level, restrictive, releasable_to, handling, tlp, canonical) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [
          labelId(l),
          l.policy,
          l.level,
          l.restrictive,
          l.releasableTo,
          l.handling,
          l.tlp ?? null,
          JSON.stringify(l),
        ],
      );
    await t.ctx.access.refresh();
    // The analyst may now read one label more, which labels no incident row: the panel is the same.
    expect(await scopeIds()).toContain(labelId(l));
    const after = (await run()).body.data;
    expect(after.areas).toEqual(before.areas);
    expect(after.inputsHash).toBe(before.inputsHash);
  });

  it('counts only what the subject may see: a partner without the label evaluates empty series', async () => {
    const fra = await t.login('fra.liaison');
    const r = await fra.send('POST', '/api/v1/evaluations/run', { ...request, methods: ['before_after'] });
    expect(r.status, r.text).toBe(200);
    expect(r.body.data.areas.map((a: { total: number }) => a.total)).toEqual([0, 0]);
    // Its data-quality panel describes no hidden row either.
    const qy = r.body.data.quality;
    expect(qy.precision.map((p: { total: number }) => p.total)).toEqual([0, 0]);
    expect(qy).toMatchObject({
      batches: [],
      flags: [],
      coverage: { from: null, to: null, monthsOutside: 180 },
    });
    const mine = await analyst.send('POST', '/api/v1/evaluations/run', {
      ...request,
      methods: ['before_after'],
    });
    expect(r.body.data.inputsHash).not.toBe(mine.body.data.inputsHash);
  });

  it('says what is wrong with a bad request, and where', async () => {
    const r = await analyst.send('POST', '/api/v1/evaluations/run', { ...request, t0: '2020-01-01' });
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toEqual([{ path: 't0', message: 'outside the period' }]);
    const missing = await analyst.send('POST', '/api/v1/evaluations/run', {
      ...request,
      comparisonAreas: ['marine:nowhere'],
    });
    expect(missing.status).toBe(404);
    const none = await analyst.send('POST', '/api/v1/evaluations/run', { ...request, methods: [] });
    expect(none.status).toBe(400);
    expect(none.body.error.fields[0].path).toBe('methods');
  });
});
