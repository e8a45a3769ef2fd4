/**
 * Custom areas through the API on a cloned database with the real Crime at Sea file: create a drawn
 * box/polygon with re-assignment and its series, path-located validation errors, permissions,
 * hidden = missing, archiving.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent } from '../testing';

const CAS = fileURLToPath(
  new URL('../../../../../shared/testdata/piracy/crime-at-sea/pirate_attacks.csv', import.meta.url),
);
const HOA = [
  [40, -12],
  [70, -12],
  [70, 22],
  [43.5, 22],
  [43.5, 15.5],
  [40, 15.5],
  [40, -12],
];

let t: Awaited<ReturnType<typeof startTestApp>>;
let analyst: Agent;

beforeAll(async () => {
  t = await startTestApp();
  analyst = await t.login('analyst');
  const boundary = 'entente-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="pirate_attacks.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    readFileSync(CAS),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const r = await analyst.send(
    'POST',
    '/api/v1/incidents/import?source=crime_at_sea&community=all',
    payload,
    {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
  );
  expect(r.status, r.text).toBe(200);
});
afterAll(() => t?.close());

describe('custom areas API', () => {
  let key = '';
  it('creates a drawn polygon equal to the HoA preset: 1,133 incidents assigned, the same series as the preset', async () => {
    const r = await analyst.send('POST', '/api/v1/incidents/areas', {
      type: 'polygon',
      name: 'Drawn HoA',
      description: 'equal to the preset',
      geometry: { type: 'Polygon', coordinates: [HOA] },
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body.data.areas).toEqual([
      expect.objectContaining({ kind: 'polygon', name: 'Drawn HoA', assigned: 1133 }),
    ]);
    expect(r.body.meta.pageLabel).toBeTruthy();
    key = r.body.data.areas[0].key;
    expect(key).toMatch(/^poly:[0-9a-f-]{36}$/);
    const mine = await analyst.get(
      `/api/v1/incidents/series?area=${encodeURIComponent(key)}&source=crime_at_sea`,
    );
    const preset = await analyst.get('/api/v1/incidents/series?area=poly:preset-hoa&source=crime_at_sea');
    expect(mine.status, mine.text).toBe(200);
    expect(mine.body.data.total).toBe(1133);
    expect(mine.body.data.points).toEqual(preset.body.data.points);
    const detail = await analyst.get(`/api/v1/incidents/areas/${encodeURIComponent(key)}`);
    expect(detail.status).toBe(200);
    expect(detail.body.data).toMatchObject({
      name: 'Drawn HoA',
      custom: true,
      geometry: { type: 'Polygon' },
    });
    const list = await analyst.get('/api/v1/incidents/areas?q=Drawn');
    expect(list.body.data.items.map((a: { key: string }) => a.key)).toEqual([key]);
  });

  it('a box across the antimeridian is accepted; a self-intersecting polygon is refused with its path and nothing is stored', async () => {
    const box = await analyst.send('POST', '/api/v1/incidents/areas', {
      type: 'box',
      name: 'Date line box',
      box: [170, -25, -170, 0],
    });
    expect(box.status, box.text).toBe(200);
    expect(box.body.data.areas[0]).toMatchObject({ kind: 'box' });
    expect(box.body.data.areas[0].key).toMatch(/^bbox:/);
    const before = (await analyst.get('/api/v1/incidents/areas?kind=polygon')).body.data.items.length;
    const bad = await analyst.send('POST', '/api/v1/incidents/areas', {
      type: 'polygon',
      name: 'Bow tie',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [40, 0],
            [42, 2],
            [42, 0],
            [40, 3],
            [40, 0],
          ],
        ],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([
      expect.objectContaining({
        path: 'geometry.coordinates[0][0]',
        message: expect.stringContaining('E_SELF_INTERSECTION'),
      }),
    ]);
    const open = await analyst.send('POST', '/api/v1/incidents/areas', {
      type: 'geojson',
      name: 'Upload',
      geojson: {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [HOA.slice(0, 6)] } },
        ],
      },
    });
    expect(open.status).toBe(400);
    expect(open.body.error.fields[0].path).toBe('geojson.features[0].geometry.coordinates[0]');
    expect((await analyst.get('/api/v1/incidents/areas?kind=polygon')).body.data.items.length).toBe(before);
  });

  it('planners may not create areas; a subject without the label gets 404 as for a missing area', async () => {
    const planner = await t.login('planner');
    const r = await planner.send('POST', '/api/v1/incidents/areas', {
      type: 'box',
      name: 'x',
      box: [0, 0, 1, 1],
    });
    expect(r.status).toBe(403);
    const partner = await t.login('fra.liaison');
    const hidden = await partner.get(`/api/v1/incidents/areas/${encodeURIComponent(key)}`);
    const missing = await partner.get('/api/v1/incidents/areas/poly:00000000-0000-4000-8000-000000000000');
    expect([hidden.status, missing.status]).toEqual([404, 404]);
    expect(hidden.body.error.message).toBe(missing.body.error.message);
  });

  it('admin-1 areas are found by name or code', async () => {
    const r = await analyst.get('/api/v1/incidents/areas?q=CF-UK');
    expect(r.status, r.text).toBe(200);
    expect(r.body.data.items).toEqual([
      expect.objectContaining({ key: 'admin1:CF-UK', kind: 'admin1', name: 'Ouaka' }),
    ]);
  });

  it('archiving removes the area and its cells', async () => {
    const r = await analyst.send('DELETE', `/api/v1/incidents/areas/${encodeURIComponent(key)}`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.data).toEqual({ key, archived: true });
    expect((await analyst.get(`/api/v1/incidents/areas/${encodeURIComponent(key)}`)).status).toBe(404);
    const cells = await t
      .owner()
      .query('SELECT count(*)::int AS n FROM area_month WHERE area_key = $1', [key]);
    expect(cells.rows[0].n).toBe(0);
    const builtIn = await analyst.send('DELETE', '/api/v1/incidents/areas/poly:preset-hoa');
    expect(builtIn.status).toBe(400);
  });
});
