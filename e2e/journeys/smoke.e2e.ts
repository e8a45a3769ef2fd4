/** The first minute of a new user: the notice, the banner on every page, logging in, the dashboard. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchBrowser, logIn, screenshotPath, startServer, type Server } from '../harness';

let server: Server;
let browser: Browser;

before(async () => {
  server = await startServer(18081, 54381);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the login page shows the notice and the classification banner before any credential', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByRole('heading', { name: /notice and consent/i }).waitFor();
  const banners = page.getByText('HUB OFFICIAL', { exact: false });
  assert.ok((await banners.count()) >= 2, 'banner at top and bottom');
  assert.equal(await page.getByLabel(/password/i).count(), 0, 'no credential form before consent');
  await page.screenshot({ path: screenshotPath('login'), fullPage: true });
  await page.close();
});

test('a planner logs in and sees the dashboard with its banners', async () => {
  const page = await browser.newPage();
  await logIn(page, server.url, 'planner');
  await page.getByRole('heading', { name: /dashboard/i }).first().waitFor();
  await page.getByText(/^HUB (OFFICIAL|RESTRICTED)/).first().waitFor();
  assert.ok((await page.getByText(/^HUB (OFFICIAL|RESTRICTED)/).count()) >= 2, 'banner at top and bottom');
  await page.screenshot({ path: screenshotPath('dashboard'), fullPage: true });
  await page.close();
});
