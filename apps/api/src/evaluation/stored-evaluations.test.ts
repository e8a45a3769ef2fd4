/**
 * Stored evaluations end to end: save an evaluation of Atalanta (HoA vs Gulf of Guinea) for an
 * engagement, list, open, re-run, export; then import new versions of the Crime at Sea file and
 * watch the stored result go stale and come back current — in the background queue, and lazily
 * when a stale one is opened — with the real-data pins of the full file (HoA 1,060 vs GoG 580).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent } from '../testing';
import { evaluationQueue } from './rerun-queue';
import { rerunStored } from './rerun-evaluation';

const CAS = readFileSync(
  fileURLToPath(
    new URL('../../../../../shared/testdata/piracy/crime-at-sea/pirate_attacks.csv', import.meta.url),
  ),
  'utf8',
);

/** The records of the file dated before `year` (quote-aware: a description may span lines). */
function before(year: string): Buffer {
  const records: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < CAS.length; i++) {
    const c = CAS[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) {
      records.push(CAS.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < CAS.length) records.push(CAS.slice(start));
  const [header, ...rows] = records;
  return Buffer.from(header + rows.filter((r) => r.slice(0, 4) < year).join(''));
}

let t: Awaited<ReturnType<typeof startTestApp>>;
let analyst: Agent;
let engagementId: string;
/** The dataset version after the first import. */
let v0: number;
let batches: number;

const upload = async (body: Buffer) => {
  const b = 'entente-stored-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="pirate_attacks.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    body,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  const r = await analyst.send(
    'POST',
    '/api/v1/incidents/import?source=crime_at_sea&community=all',
    payload,
    {
      'content-type': `multipart/form-data; boundary=${b}`,
    },
  );
  if (r.status !== 200 || !r.body.data.ok) throw new Error(`import failed: ${r.text}`);
  return r.body.data;
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
const totals = (d: { result: { areas: { key: string; total: number }[] } }) =>
  d.result.areas.map((a) => [a.key, a.total]);

beforeAll(async () => {
  t = await startTestApp();
  analyst = await t.login('analyst');
  v0 = (await upload(before('2008'))).datasetVersion;
  const mine = await analyst.get('/api/v1/engagements?pageSize=200');
  const fra = await (await t.login('fra.liaison')).get('/api/v1/engagements?pageSize=200');
  const seen = new Set(fra.body.data.items.map((e: { id: string }) => e.id));
  engagementId = mine.body.data.items.find((e: { id: string }) => !seen.has(e.id)).id;
});
afterAll(() => t?.close());

describe('stored evaluations', () => {
  let id: string;
  let first: { inputsHash: string; version: number; lastRunAt: string };
  let previous: { inputsHash: string; result: { areas: { key: string; total: number }[] } };

  it('saves an evaluation for an engagement with the data versions it used, in one audited transaction', async () => {
    const r = await analyst.send('POST', '/api/v1/evaluations', {
      subjectKind: 'engagement',
      subjectId: engagementId,
      request,
    });
    expect(r.status, r.text).toBe(201);
    const d = r.body.data;
    id = d.id;
    first = d;
    expect(d).toMatchObject({
      subjectKind: 'engagement',
      subjectId: engagementId,
      status: 'current',
      version: 1,
    });
    expect(d.dataVersions.dataset).toMatchObject({ code: 'crime_at_sea', version: v0 });
    expect(d.dataVersions.dataset.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    batches = d.dataVersions.batches.length;
    expect(d.dataVersions.batches.map((b: { status: string }) => b.status)).toContain('committed');
    expect(d.dataVersions.batches.map((b: { datasetVersion: number }) => b.datasetVersion)).toContain(v0);
    expect(d.dataVersions.areas.map((a: { key: string }) => a.key)).toEqual([
      'poly:preset-hoa',
      'poly:preset-gulf-of-guinea',
    ]);
    // Only incidents before 2008 are in: fewer than the full file's 1,060 and 580.
    const [hoa, gog] = totals(d).map((x) => x[1] as number);
    expect(hoa).toBeGreaterThan(0);
    expect(hoa).toBeLessThan(1060);
    expect(gog).toBeLessThan(580);
    expect(d.portion).toMatch(/^\(.+\)$/);
    const ev = await t.owner().query("SELECT entity_id FROM audit_event WHERE action = 'evaluation.saved'");
    expect(ev.rows).toEqual([{ entity_id: id }]);
  });

  it('lists the evaluations of the engagement with the headline and opens one', async () => {
    const l = await analyst.get(`/api/v1/evaluations?subjectKind=engagement&subjectId=${engagementId}`);
    expect(l.status, l.text).toBe(200);
    expect(l.body.data.items.map((e: { id: string }) => e.id)).toEqual([id]);
    expect(l.body.data.items[0].headline).toMatchObject({ designLevel: expect.any(Number) });
    expect(l.body.meta.pageLabel.banner).toBeTruthy();
    const g = await analyst.get(`/api/v1/evaluations/${id}`);
    expect(g.status).toBe(200);
    expect(g.body.data.inputsHash).toBe(first.inputsHash);
    expect(g.body.data.request).toMatchObject({ treatedArea: 'poly:preset-hoa' });
  });

  it('hides an evaluation, and the record it is about, from a user who may not see the record (404, empty list)', async () => {
    const fra = await t.login('fra.liaison');
    expect((await fra.get(`/api/v1/evaluations/${id}`)).status).toBe(404);
    expect((await fra.get(`/api/v1/evaluations/${id}/export.json`)).status).toBe(404);
    const l = await fra.get(`/api/v1/evaluations?subjectKind=engagement&subjectId=${engagementId}`);
    expect(l.body.data.items).toEqual([]);
    const s = await analyst.send('POST', '/api/v1/evaluations', {
      subjectKind: 'objective',
      subjectId: engagementId,
      request,
    });
    expect(s.status).toBe(404);
  });

  it('refuses a bad request with the field, and changes nothing', async () => {
    const r = await analyst.send('POST', '/api/v1/evaluations', {
      subjectKind: 'engagement',
      subjectId: engagementId,
      request: { ...request, t0: '2020-01-01' },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toEqual([{ path: 't0', message: 'outside the period' }]);
    const n = await t.owner().query('SELECT count(*)::int AS n FROM evaluation');
    expect(n.rows[0].n).toBe(1);
  });

  it('re-runs on request: 409 on a stale version; an unchanged inputsHash only moves last_run_at', async () => {
    const stale = await analyst.send('POST', `/api/v1/evaluations/${id}/rerun`, { version: 7 });
    expect(stale.status).toBe(409);
    const r = await analyst.send('POST', `/api/v1/evaluations/${id}/rerun`, { version: 1 });
    expect(r.status, r.text).toBe(200);
    expect(r.body.data).toMatchObject({ status: 'current', version: 1, inputsHash: first.inputsHash });
    expect(r.body.data.lastRunAt > first.lastRunAt).toBe(true);
  });

  it('exports a self-describing JSON document as an attachment, audited as an export', async () => {
    const r = await analyst.get(`/api/v1/evaluations/${id}/export.json`);
    expect(r.status, r.text).toBe(200);
    expect(String(r.headers['content-disposition'])).toMatch(
      /^attachment; filename="entente-evaluation_.+\.json"$/,
    );
    const doc = JSON.parse(r.text);
    expect(doc.format).toBe('entente.evaluation/1');
    expect(doc.classification.banner).toBeTruthy();
    expect(doc.evaluation).toMatchObject({ id, subject: { kind: 'engagement', id: engagementId } });
    expect(doc.request.treatedArea).toBe('poly:preset-hoa');
    expect(doc.result.inputsHash).toBe(first.inputsHash);
    expect(doc.dataVersions.dataset.version).toBe(v0);
    expect(doc.sourceLine).toContain(`version ${v0}`);
    expect(doc.sourceLine).toContain('batch status committed');
    expect(doc.attribution.dataset).toBeTruthy();
    expect(doc.caveats).toContain(
      'Counts are reported incidents, not all incidents. Rate per area-month, not per transit unless an exposure series is modelled.',
    );
    const ev = await t
      .owner()
      .query(
        "SELECT details->>'format' AS f FROM audit_event WHERE action = 'evaluation.exported' AND entity_id = $1",
        [id],
      );
    expect(ev.rows).toEqual([{ f: 'json' }]);
  });

  it('draws the stored evaluation as a PDF report, audited as an export', async () => {
    const r = await analyst.get(`/api/v1/evaluations/${id}/report.pdf`);
    expect(r.status, r.text.slice(0, 300)).toBe(200);
    expect(String(r.headers['content-type'])).toBe('application/pdf');
    expect(String(r.headers['content-disposition'])).toMatch(
      /^attachment; filename="entente-evaluation_.+\.pdf"$/,
    );
    expect(r.text.slice(0, 5)).toBe('%PDF-');
    const ev = await t
      .owner()
      .query(
        "SELECT details->>'format' AS f FROM audit_event WHERE action = 'evaluation.exported' AND entity_id = $1 ORDER BY seq",
        [id],
      );
    expect(ev.rows.map((x: { f: string }) => x.f)).toEqual(['json', 'pdf']);
  });

  it('re-runs in the background when an import commits a new dataset version', async () => {
    const report = await upload(before('2010'));
    expect(report.datasetVersion).toBe(v0 + 1);
    await evaluationQueue(t.ctx).idle();
    const g = await analyst.get(`/api/v1/evaluations/${id}`);
    expect(g.body.data).toMatchObject({ status: 'current', version: 2 });
    expect(g.body.data.dataVersions.dataset.version).toBe(v0 + 1);
    expect(g.body.data.dataVersions.batches).toHaveLength(batches + 1);
    expect(g.body.data.inputsHash).not.toBe(first.inputsHash);
    expect(totals(g.body.data)[0]![1]).toBeGreaterThan(totals(first as never)[0]![1] as number);
    const ev = await t
      .owner()
      .query(
        "SELECT actor_kind, details->>'changed' AS changed FROM audit_event WHERE action = 'evaluation.rerun' AND entity_id = $1 ORDER BY seq",
        [id],
      );
    expect(ev.rows.at(-1)).toEqual({ actor_kind: 'system', changed: 'true' });
    previous = g.body.data;
  });

  it('marks it stale on the next import and re-runs it when opened: the full file gives HoA 1,060 vs GoG 580, DiD IRR 3.016', async () => {
    const q = evaluationQueue(t.ctx);
    q.pause();
    try {
      const report = await upload(Buffer.from(CAS));
      expect(report.datasetVersion).toBe(v0 + 2);
      await q.idle();
      const l = await analyst.get(`/api/v1/evaluations?subjectKind=engagement&subjectId=${engagementId}`);
      expect(l.body.data.items[0]).toMatchObject({ id, status: 'stale', datasetVersion: v0 + 1 });
      const g = await analyst.get(`/api/v1/evaluations/${id}`);
      expect(g.body.data).toMatchObject({ status: 'current', version: 3 });
      expect(g.body.data.dataVersions.dataset.version).toBe(v0 + 2);
      expect(totals(g.body.data)[0]![1]).toBeGreaterThan(totals(previous)[0]![1] as number);
      expect(g.body.data.inputsHash).not.toBe(previous.inputsHash);
      // The full file: the real-data pins of evaluation.test.ts hold for the stored, re-run result.
      expect(totals(g.body.data)).toEqual([
        ['poly:preset-hoa', 1060],
        ['poly:preset-gulf-of-guinea', 580],
      ]);
      const did = g.body.data.result.estimates.find(
        (e: { method: string }) => e.method === 'difference_in_differences',
      );
      expect(did.estimate).toBeCloseTo(3.016, 2);
    } finally {
      q.resume();
    }
    await q.idle();
    expect((await analyst.get(`/api/v1/evaluations/${id}`)).body.data.version).toBe(3);
  });

  it('fails with a reason when its creator no longer exists or is disabled', async () => {
    await t.owner().query("UPDATE app_user SET disabled = true WHERE username = 'analyst'");
    try {
      expect(await rerunStored(t.ctx, id)).toBe('failed');
    } finally {
      await t.owner().query("UPDATE app_user SET disabled = false WHERE username = 'analyst'");
    }
    const r = await t.owner().query('SELECT status, status_reason FROM evaluation WHERE id = $1', [id]);
    expect(r.rows[0]).toEqual({
      status: 'failed',
      status_reason: 'The user who created it no longer exists or is disabled.',
    });
    const ev = await t
      .owner()
      .query(
        "SELECT actor_kind, reason FROM audit_event WHERE action = 'evaluation.rerun_failed' AND entity_id = $1",
        [id],
      );
    expect(ev.rows).toEqual([
      { actor_kind: 'system', reason: 'The user who created it no longer exists or is disabled.' },
    ]);
  });

  // A new evaluation label is permitted to the analyst but labels no incident row: the hashes above stay.
  it("saves to an initiative too, with a title of the user's choosing, listed under that initiative only", async () => {
    const ini = (await analyst.get('/api/v1/strategy/initiatives')).body.data[0];
    const r = await analyst.send('POST', '/api/v1/evaluations', {
      subjectKind: 'initiative',
      subjectId: ini.id,
      title: 'Screening for the initiative',
      request: { ...request, methods: ['before_after'] },
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body.data).toMatchObject({
      subjectKind: 'initiative',
      title: 'Screening for the initiative',
      subjectCode: ini.code,
    });
    const l = await analyst.get(`/api/v1/evaluations?subjectKind=initiative&subjectId=${ini.id}`);
    expect(l.body.data.items.map((e: { id: string }) => e.id)).toEqual([r.body.data.id]);
  });
  it('lists every evaluation the user may see, filtered and paged, counted after access filtering', async () => {
    type Item = { id: string; subjectKind: string; subjectCode: string; status: string; title: string };
    const all = await analyst.get('/api/v1/evaluations?pageSize=100');
    expect(all.status, all.text).toBe(200);
    const items: Item[] = all.body.data.items;
    expect(all.body.data).toMatchObject({ total: 2, page: 1, hasMore: false });
    expect(items.map((e) => e.subjectKind).sort()).toEqual(['engagement', 'initiative']);
    const eng = items.find((e) => e.subjectKind === 'engagement') as Item;
    expect(eng.id).toBe(id);
    expect(eng.subjectCode).toMatch(/\S/);

    const ini = await analyst.get('/api/v1/evaluations?subjectKind=initiative');
    expect(ini.body.data.items.map((e: Item) => e.title)).toEqual(['Screening for the initiative']);
    const byCode = await analyst.get(`/api/v1/evaluations?q=${encodeURIComponent(eng.subjectCode)}`);
    expect(byCode.body.data.items.map((e: Item) => e.id)).toEqual([id]);
    for (const status of new Set(items.map((e) => e.status))) {
      const f = await analyst.get(`/api/v1/evaluations?status=${status}`);
      expect(f.body.data.total).toBe(items.filter((e) => e.status === status).length);
    }

    const p2 = await analyst.get('/api/v1/evaluations?pageSize=1&page=2');
    expect(p2.body.data).toMatchObject({ total: 2, hasMore: false });
    expect(p2.body.data.items).toHaveLength(1);
    const past = await analyst.get('/api/v1/evaluations?pageSize=1&page=3');
    expect(past.body.data).toMatchObject({ total: 2, items: [] });

    // A partner user who cannot see the engagement sees neither its evaluation nor it in the count.
    const fra = await (await t.login('fra.liaison')).get('/api/v1/evaluations?pageSize=100');
    expect(fra.status).toBe(200);
    expect(fra.body.data.items.map((e: Item) => e.id)).not.toContain(id);
    expect(fra.body.data.total).toBe(fra.body.data.items.length);

    const bad = await analyst.get(`/api/v1/evaluations?subjectId=${engagementId}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([
      { path: 'subjectKind', message: 'Say which kind of record subjectId names.' },
    ]);
  });
});
