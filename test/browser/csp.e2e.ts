import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { databases, makeWorld, reconsiderationIntake } from '../helpers.ts';
import { buildApp, type App } from '../../src/server/app.ts';
import { buildWebIfNeeded, WEB_DIST } from '../../src/server/web.ts';
import { createCase } from '../../src/kernel/cases/engine.ts';

/**
 * The built console and the portal under the server's Content-Security-Policy in Debian's Chromium:
 * every page is visited and no CSP violation, uncaught error or failed script may occur.
 */
let app: App;
let browser: Browser;
let base: string;

before(async () => {
  await buildWebIfNeeded();
  const w = await makeWorld(databases()[0]);
  await createCase(w.k, w.clerk, { type: 'reconsideration', orgId: w.justice, fields: reconsiderationIntake('2025-06-09') });
  app = await buildApp(w.k, { webRoot: WEB_DIST });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await app?.close();
});

/** A page that records CSP violations (from the DOM event and the console) and uncaught errors. */
async function watched(): Promise<{ page: Page; problems: string[] }> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('console', (m) => {
    // The console asks who is logged in first: its 401 before login is expected, not a fault.
    if (m.type() === 'error' && !/status of 401/.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  return { page, problems };
}

test('the console passes its Content-Security-Policy on every page', async () => {
  const { page, problems } = await watched();
  const first = await page.goto(base);
  assert.match(String(first?.headers()['content-security-policy']), /script-src 'self'/);
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill('Test@12345');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('me').waitFor();
  for (const route of ['/cases', '/cases/1', '/indicators', '/reports', '/registers', '/draws', '/analysis', '/calendar', '/']) {
    await page.goto(base + route);
    await page.getByTestId('me').waitFor();
    await page.waitForLoadState('networkidle');
  }
  // Ant Design's styles are inserted at run time: the page must actually be styled, not just error-free.
  const styled = await page.evaluate(() => document.querySelectorAll('style').length);
  assert.ok(styled > 0, 'Ant Design styles were applied');
  assert.deepEqual(problems, []);
});

test('the portal passes its Content-Security-Policy', async () => {
  const { page, problems } = await watched();
  await page.goto(`${base}/portal`);
  await page.waitForLoadState('networkidle');
  assert.ok((await page.locator('body').innerText()).length > 0);
  assert.deepEqual(problems, []);
});
