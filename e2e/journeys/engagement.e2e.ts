/**
 * The planner's journey: log in → dashboard → create an engagement (the form refuses to save
 * without an objective) → find it on the calendar and on the map.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, logIn, screenshotPath, startServer, type Server } from '../harness';

let server: Server;
let browser: Browser;
let page: Page;
const CODE = 'E2E-2027-001';

before(async () => {
  server = await startServer(18082, 54382);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('log in and reach the dashboard with its map and charts', async () => {
  await logIn(page, server.url, 'planner');
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  await page.locator('canvas').first().waitFor({ timeout: 20_000 });
  await page.screenshot({ path: screenshotPath('journey-dashboard'), fullPage: true });
});

test('create an engagement; without an objective the form refuses to save', async () => {
  await page.getByRole('link', { name: 'Engagements' }).first().click();
  await page.getByRole('link', { name: /new engagement/i }).click();
  await page.getByLabel('Code').fill(CODE);
  await page.getByLabel(/^Title/).fill('Coast guard boarding officers course, Mombasa');
  await page.getByLabel(/^Type/).selectOption('training_course');
  const initiative = page.getByLabel('Initiative');
  await initiative.locator('option').nth(1).waitFor({ state: 'attached' });
  await initiative.selectOption({ index: 1 });
  await page.getByLabel('Search the country list').fill('Kenya');
  await page.locator('#eng-partners').selectOption('KEN');
  const lead = page.getByLabel('Lead organisation');
  await lead.selectOption({ label: 'Security Cooperation Directorate (XHN-SECCOOP)' });
  await page.getByLabel('Planned start').fill('2027-02-08');
  await page.getByLabel('Planned end').fill('2027-02-19');
  await page.getByLabel('Planned cost').fill('185000.00');
  const community = page.getByLabel('Community');
  await community.selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Save engagement' }).click();
  await page.getByText(/at least one strategic objective/i).first().waitFor();
  assert.match(page.url(), /\/engagements\/new/);
  await page.screenshot({ path: screenshotPath('journey-form-error'), fullPage: true });

  await page.locator('#eng-objectives').selectOption({ index: 0 });
  await page.getByRole('button', { name: 'Save engagement' }).click();
  await page.waitForURL(/\/engagements\/[0-9a-f-]{36}$/, { timeout: 15_000 });
  await page.getByText(CODE).first().waitFor();
  await page.screenshot({ path: screenshotPath('journey-detail'), fullPage: true });
});

test('find it on the calendar in its month', async () => {
  await page.goto(`${server.url}/calendar?month=2027-02`);
  await page.getByRole('heading', { name: /February 2027/ }).first().waitFor();
  await page.getByRole('link', { name: new RegExp(CODE) }).first().waitFor({ timeout: 30_000 });
  await page.screenshot({ path: screenshotPath('journey-calendar'), fullPage: true });
});

test('find it on the map (and in the map’s text alternative)', async () => {
  await page.getByRole('link', { name: 'Dashboard' }).first().click();
  await page.getByLabel('Year').selectOption('2027');
  await page.locator('canvas').first().waitFor();
  // The canvas cannot be read; its text alternative lists the same points.
  await page.getByText(/List of the \d+ mapped engagement locations/).click();
  await page.getByRole('link', { name: new RegExp(CODE) }).first().waitFor({ timeout: 30_000 });
  await page.screenshot({ path: screenshotPath('journey-map'), fullPage: true });
});
