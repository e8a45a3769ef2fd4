/** The incident API end to end on a cloned database: import, datasets, batches, list, series, areas, scoping. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent } from '../testing';

const CAS = fileURLToPath(
  new URL('../../../../../shared/testdata/piracy/crime-at-sea/pirate_attacks.csv', import.meta.url),
);

let t: Awaited<ReturnType<typeof startTestApp>>;
let analyst: Agent;

const upload = (agent: Agent, name: string, body: Buffer, query = '') => {
  const boundary = 'entente-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    body,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return agent.send('POST', `/api/v1/incidents/import${query}`, payload, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
};

beforeAll(async () => {
  t = await startTestApp();
  analyst = await t.login('analyst');
});
afterAll(() => t?.close());

describe('incident API', () => {
  it('imports Crime at Sea through a multipart upload (analyst), labelled with the community default label', async () => {
    const r = await upload(
      analyst,
      'pirate_attacks.csv',
      readFileSync(CAS),
      '?source=crime_at_sea&community=all',
    );
    expect(r.status, r.text).toBe(200);
    expect(r.body.data).toMatchObject({ ok: true, outcome: 'committed', source: 'crime_at_sea' });
    expect(r.body.data.counts).toMatchObject({ read: 7511, inserted: 7511, rejected: 0 });
    expect(r.body.meta.pageLabel.banner).toBeTruthy();
  });

  it('refuses a file of another source than the one named, listing the problem', async () => {
    const r = await upload(analyst, 'pirate_attacks.csv', readFileSync(CAS), '?source=ucdp_ged');
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ ok: false, outcome: 'refused' });
    expect(r.body.data.problems[0]).toMatchObject({ code: 'E_HEADER', line: 1 });
    const stored = await analyst.get(`/api/v1/incidents/batches/${r.body.data.batchId}/rejections`);
    expect(stored.status).toBe(200);
    expect(stored.body.data.items).toEqual([expect.objectContaining({ code: 'E_HEADER', line: 1 })]);
    const partner = await t.login('fra.liaison');
    const hidden = await partner.get(`/api/v1/incidents/batches/${r.body.data.batchId}/rejections`);
    const missing = await partner.get(
      '/api/v1/incidents/batches/00000000-0000-4000-8000-000000000000/rejections',
    );
    expect([hidden.status, missing.status]).toEqual([404, 404]);
    expect(hidden.body.error.message).toBe(missing.body.error.message);
  });

  it('a role without create on incidents is refused', async () => {
    const planner = await t.login('planner');
    const r = await upload(planner, 'pirate_attacks.csv', Buffer.from('date\n'));
    expect(r.status).toBe(403);
  });

  it('lists datasets with licence, attribution, caveats and visible row counts', async () => {
    const r = await analyst.get('/api/v1/incidents/datasets');
    expect(r.status).toBe(200);
    const cas = r.body.data.items.find((d: { code: string }) => d.code === 'crime_at_sea');
    expect(cas).toMatchObject({
      rowCount: 7511,
      version: 1,
      licence: 'CC-BY-4.0',
      rowsRedistributable: true,
    });
    expect(cas.attribution).toContain('doi.org/10.5334/johd.39');
    expect(cas.caveats.map((c: { date: string | null }) => c.date)).toContain('2015-01-01');
    expect(r.body.data.items.find((d: { code: string }) => d.code === 'acled')).toMatchObject({
      rowsRedistributable: false,
      rowCount: 0,
    });
  });

  it('lists batches, newest first', async () => {
    const r = await analyst.get('/api/v1/incidents/batches?source=crime_at_sea');
    expect(r.status).toBe(200);
    expect(r.body.data.items.map((b: { status: string }) => b.status)).toEqual(['refused', 'committed']);
  });

  it('lists visible incidents with filters and paging, each with its portion mark', async () => {
    const r = await analyst.get(
      '/api/v1/incidents?source=crime_at_sea&area=marine:gulf-of-aden&from=2009-01-01&to=2009-12-31&pageSize=5',
    );
    expect(r.status, r.text).toBe(200);
    expect(r.body.data.items).toHaveLength(5);
    expect(r.body.data.total).toBeGreaterThanOrEqual(107);
    expect(r.body.data.items[0]).toMatchObject({ source: 'crime_at_sea', licence: 'CC-BY-4.0' });
    expect(r.body.data.items[0].portion).toBeTruthy();
    expect(r.body.data.attribution).toContain('Crime at Sea');
  });

  it('refuses row lists of datasets whose rows may not leave Entente, with an explanation', async () => {
    const r = await analyst.get('/api/v1/incidents?source=acled');
    expect(r.status).toBe(403);
    expect(r.body.error.message).toMatch(/aggregates only/);
  });

  it('series for the Gulf of Aden sums area_month over visible labels (393; 107 in 2009)', async () => {
    const r = await analyst.get('/api/v1/incidents/series?area=marine:gulf-of-aden&source=crime_at_sea');
    expect(r.status, r.text).toBe(200);
    const s = r.body.data;
    expect(s.total).toBe(393);
    expect(
      s.points
        .filter((p: { month: string }) => p.month.startsWith('2009'))
        .reduce((a: number, p: { count: number }) => a + p.count, 0),
    ).toBe(107);
    expect(s.excluded).toEqual({ datePrecision: 0, locationPrecision: 0 });
    expect(s.dataset).toMatchObject({ code: 'crime_at_sea', version: 1 });
    expect(s.note).toMatch(/reported incidents/);
    expect(
      (await analyst.get('/api/v1/incidents/series?area=marine:no-such-sea&source=crime_at_sea')).status,
    ).toBe(404);
  });

  it('lists the built-in areas by kind', async () => {
    const r = await analyst.get('/api/v1/areas?kind=marine');
    expect(r.status).toBe(200);
    expect(r.body.data.items).toHaveLength(307);
    expect(r.body.data.items.find((a: { key: string }) => a.key === 'marine:gulf-of-aden')).toMatchObject({
      kind: 'marine',
      name: 'Gulf of Aden',
    });
  });

  it('a subject without the label sees 0 in the list, the series and the dataset counts', async () => {
    const partner = await t.login('fra.liaison');
    const list = await partner.get('/api/v1/incidents?source=crime_at_sea');
    expect(list.status).toBe(200);
    expect(list.body.data).toMatchObject({ items: [], total: 0 });
    const s = await partner.get('/api/v1/incidents/series?area=marine:gulf-of-aden&source=crime_at_sea');
    expect(s.status).toBe(200);
    expect(s.body.data).toMatchObject({ points: [], total: 0 });
    const d = await partner.get('/api/v1/incidents/datasets');
    expect(d.body.data.items.find((x: { code: string }) => x.code === 'crime_at_sea').rowCount).toBe(0);
  });
});
