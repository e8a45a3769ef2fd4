/**
 * The analyst's incident journey (issue 3, item 7) on a fresh demo start without ENTENTE_DEMO_DATA,
 * so the demo generates synthetic incidents: Datasets shows the SYNTHETIC warning; Explore shows the
 * monthly chart and the map with the source line and caveats; Evaluate runs HoA vs Gulf of Guinea
 * around Atalanta and shows estimate cards with their design grade; Import takes a small Crime at
 * Sea file and shows its report (and a second upload of the same file changes nothing). The reference
 * evaluations the server stores in the background after start are then readable through the API.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { apiSession, launchBrowser, logIn, screenshotPath, startServer, type Server } from '../harness';

const SYNTHETIC = 'SYNTHETIC — generated demo data, not real incidents';

let server: Server;
let browser: Browser;
let page: Page;
let tmp: string;

before(async () => {
  delete process.env.ENTENTE_DEMO_DATA; // the harness passes its environment on: force the synthetic path
  server = await startServer(18086, 54386);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  tmp = mkdtempSync(join(tmpdir(), 'entente-e2e-incidents-'));
});
after(async () => {
  await browser?.close();
  await server?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('Datasets lists the synthetic demo datasets with their warning', async () => {
  await logIn(page, server.url, 'analyst');
  await page.getByRole('navigation').getByRole('link', { name: 'Datasets' }).click();
  await page.getByRole('heading', { name: 'Incident datasets' }).waitFor();
  const cards = page.getByRole('heading', { level: 2, name: new RegExp(`^${SYNTHETIC}`) });
  await cards.first().waitFor({ timeout: 20_000 });
  assert.equal(await cards.count(), 2, 'the Crime at Sea and GED datasets both say SYNTHETIC');
  assert.ok(
    (await page.getByText(SYNTHETIC).count()) >= 4,
    'title, attribution and caveat repeat the warning',
  );
  await page.screenshot({ path: screenshotPath('incidents-datasets-synthetic'), fullPage: true });
});

test('Explore shows the HoA monthly chart and map with the synthetic source line', async () => {
  await page.goto(
    `${server.url}/incidents/explore?source=crime_at_sea&area=poly%3Apreset-hoa&from=2000-01-01&to=2024-12-31`,
  );
  await page.getByRole('heading', { name: 'Explore incidents' }).waitFor();
  const figure = page.locator('figure.incident-series');
  await figure.waitFor({ timeout: 30_000 });
  await figure.locator('canvas, svg').first().waitFor({ timeout: 30_000 });
  await figure.getByText(SYNTHETIC).first().waitFor();
  await figure.getByText('Counts are reported incidents, not all incidents.').first().waitFor();
  await page
    .locator('section[aria-labelledby="incident-map-title"] canvas')
    .first()
    .waitFor({ timeout: 30_000 });
  await page
    .locator('section[aria-labelledby="incident-map-title"] .source-line')
    .getByText(SYNTHETIC)
    .waitFor();
  await page.waitForTimeout(1500); // let the map tiles and the chart animation settle for the screenshot
  await page.screenshot({ path: screenshotPath('incidents-explore-synthetic'), fullPage: true });
});

test('Evaluate HoA vs Gulf of Guinea around Atalanta shows estimate cards with a design grade', async () => {
  await page.getByRole('navigation').getByRole('link', { name: 'Evaluate' }).click();
  await page.locator('#ev-treated').waitFor({ timeout: 20_000 });
  await page.locator('#ev-source').selectOption('crime_at_sea');
  await page.locator('#ev-treated').selectOption('poly:preset-hoa');
  assert.equal(await page.locator('#ev-t0').inputValue(), '2008-12-08');
  await page.getByRole('button', { name: 'Run evaluation' }).click();
  const cards = page.locator('.estimate-card__title');
  await cards.first().waitFor({ timeout: 120_000 });
  assert.ok((await cards.count()) >= 3, 'before/after, ITS and DiD each give a card');
  await page.locator('.design-grade__badge').first().waitFor();
  assert.match((await page.locator('.design-grade__badge').first().textContent()) ?? '', /Design level \d/);
  await page.getByText(SYNTHETIC).first().waitFor();
  // The synthetic dataset declares no source switch, so nothing collides with the intervention step.
  assert.equal(await page.getByText(/SOURCE_SWITCH|COLLINEAR_DESIGN/).count(), 0);
  await page.screenshot({ path: screenshotPath('incidents-evaluate-synthetic'), fullPage: true });
});

test('the reference evaluations stored in the background after start are on their engagements', async () => {
  const api = await apiSession(server.url, 'analyst');
  const byCode = async (code: string) =>
    (await api.get<{ items: { id: string; code: string }[] }>(`/api/v1/engagements?q=${code}`)).items.find(
      (e) => e.code === code,
    )!.id;
  for (const [code, title] of [
    ['HOA-MTF-ATA-2008', /^Reference: Operation Atalanta/],
    ['CF-PKO-SO-2014', /^Reference: MINUSCA/],
  ] as const) {
    const id = await byCode(code);
    let items: { title: string }[] = [];
    for (let i = 0; i < 120 && !items.length; i++) {
      items = (
        await api.get<{ items: { title: string }[] }>(
          `/api/v1/evaluations?subjectKind=engagement&subjectId=${id}`,
        )
      ).items;
      if (!items.length) await new Promise((r) => setTimeout(r, 1000));
    }
    assert.equal(items.length, 1, `one stored evaluation on ${code}`);
    assert.match(items[0]!.title, title);
  }
  // On the engagement page: the Evaluations panel links to the stored result, which keeps the warning.
  await page.goto(`${server.url}/engagements/${await byCode('HOA-MTF-ATA-2008')}`);
  await page.getByRole('heading', { name: 'Evaluations' }).waitFor({ timeout: 20_000 });
  await page.getByRole('link', { name: /^Reference: Operation Atalanta/ }).click();
  await page.waitForURL(/\/evaluations\/[0-9a-f-]{36}$/);
  await page.locator('.design-grade__badge').first().waitFor({ timeout: 60_000 });
  await page.getByText(SYNTHETIC).first().waitFor();
  await page.screenshot({ path: screenshotPath('incidents-stored-evaluation'), fullPage: true });
});

// Last: a real file replaces the synthetic rows of its dataset, which the tests above rely on.
test('Import a small Crime at Sea file: it replaces the synthetic rows; the same file again changes nothing', async () => {
  const file = join(tmp, 'e2e-crime-at-sea.csv');
  writeFileSync(
    file,
    [
      'date,time,longitude,latitude,attack_type,location_description,nearest_country,eez_country,shore_distance,shore_longitude,shore_latitude,attack_description,vessel_name,vessel_type,vessel_status,data_source',
      '2021-03-04,NA,47.1234,12.4321,Attempted,E2E test — Gulf of Aden,YEM,YEM,40.5,NA,NA,"E2E test row, not a real incident",E2E vessel 1,Tanker,Steaming,e2e',
      '2021-05-06,NA,4.5678,2.3456,Boarded,E2E test — Gulf of Guinea,NGA,NGA,80.2,NA,NA,"E2E test row, not a real incident",E2E vessel 2,Bulk Carrier,Anchored,e2e',
      '2021-07-08,NA,103.9,1.2,Boarded,E2E test — Singapore Strait,SGP,SGP,3.1,NA,NA,"E2E test row, not a real incident",E2E vessel 3,Container Ship,Berthed,e2e',
    ].join('\n') + '\n',
  );
  const upload = async () => {
    await page.goto(`${server.url}/incidents/import`);
    await page.getByRole('heading', { name: 'Import incident data' }).waitFor();
    await page.locator('#incident-file').setInputFiles(file);
    await page.getByRole('button', { name: 'Import file' }).click();
    const report = page.locator('section[aria-labelledby="incident-report-title"]');
    await report.waitFor({ timeout: 60_000 });
    return report;
  };
  const first = await upload();
  await first.getByRole('heading', { name: /Import result: e2e-crime-at-sea\.csv/ }).waitFor();
  await first.getByRole('status').waitFor();
  assert.match(
    (await first.getByRole('status').textContent()) ?? '',
    /Committed: 3 incidents inserted, 0 superseded, 0 unchanged, [\d,]+ withdrawn/,
    'the synthetic demo rows of Crime at Sea are withdrawn by the first real file',
  );
  await page.screenshot({ path: screenshotPath('incidents-import-report'), fullPage: true });
  const second = await upload();
  await second.getByRole('status').waitFor();
  assert.match((await second.getByRole('heading', { level: 2 }).textContent()) ?? '', /no change/i);
  // Only the GED dataset still says SYNTHETIC.
  await page.goto(`${server.url}/incidents/datasets`);
  await page
    .getByRole('heading', { level: 2, name: /Crime at Sea/ })
    .first()
    .waitFor();
  assert.equal(
    await page.getByRole('heading', { level: 2, name: new RegExp(`^${SYNTHETIC}`) }).count(),
    1,
    'Crime at Sea is described as the real dataset again',
  );
});
