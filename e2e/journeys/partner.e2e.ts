/** A partner liaison officer cannot see a restricted engagement anywhere: register, search, calendar, map, direct link. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { apiSession, launchBrowser, logIn, screenshotPath, startServer, type Server } from '../harness';

let server: Server;
let browser: Browser;
let page: Page;
// A home-only SECRET//CT engagement about Senegal, and one released to Senegal.
const HIDDEN = 'WA-INT-2024-SEN-KED';
let hidden: { id: string; code: string; plannedStart: string };

before(async () => {
  server = await startServer(18083, 54383);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  const analyst = await apiSession(server.url, 'analyst');
  type Page = { items: { id: string; code: string; plannedStart: string }[] };
  hidden = (await analyst.get<Page>(`/api/v1/engagements?q=${HIDDEN}`)).items[0]!;
  // (Not logged in as the liaison here: a TOTP code is accepted once, and the browser needs it.)
  assert.ok(hidden, 'fixture exists');
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the Senegalese liaison logs in with TOTP and sees records released to Senegal', async () => {
  await logIn(page, server.url, 'sen.liaison');
  await page.goto(`${server.url}/engagements?partner=SEN`);
  await page.locator('tbody tr').first().waitFor();
  const marks = await page.locator('tbody tr').allInnerTexts();
  assert.ok(marks.length > 5, 'several engagements are released to Senegal');
  // Released to Senegal directly or through a group it belongs to today.
  for (const row of marks) assert.match(row, /REL TO [^)]*\b(SEN|ECOWAS|AU|UN)\b/, `released to Senegal: ${row}`);
  await page.screenshot({ path: screenshotPath('partner-register'), fullPage: true });
  assert.equal(await page.getByRole('link', { name: 'Admin' }).count(), 0, 'no administration for partners');
});

test('but not the home-only engagement: not in the register, the search, the calendar or the map', async () => {
  await page.goto(`${server.url}/engagements?q=${HIDDEN}`);
  await page.getByText(/no engagements match/i).waitFor();
  await page.screenshot({ path: screenshotPath('partner-search'), fullPage: true });
  await page.goto(`${server.url}/calendar?month=${hidden.plannedStart.slice(0, 7)}`);
  await page.waitForLoadState('networkidle');
  assert.equal(await page.getByText(HIDDEN).count(), 0);
  await page.goto(`${server.url}/`);
  await page.waitForLoadState('networkidle');
  assert.equal(await page.getByText(HIDDEN).count(), 0);
});

test('and its direct link looks exactly like a missing engagement', async () => {
  await page.goto(`${server.url}/engagements/${hidden.id}`);
  await page.getByText(/not found/i).first().waitFor();
  const hiddenText = await page.locator('main').innerText();
  await page.goto(`${server.url}/engagements/00000000-0000-4000-8000-000000000000`);
  await page.getByText(/not found/i).first().waitFor();
  const missingText = await page.locator('main').innerText();
  assert.equal(hiddenText, missingText);
  await page.screenshot({ path: screenshotPath('partner-hidden'), fullPage: true });
});
