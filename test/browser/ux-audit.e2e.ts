import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { signIn } from './chromium.ts';
import { createOrg } from '../../src/kernel/orgs.ts';
import { createUser, actorById } from '../../src/kernel/auth/sessions.ts';
import { createCase, performAction } from '../../src/kernel/cases/engine.ts';
import type { App } from '../../src/server/app.ts';
import { kernelAsOf, serveConsole } from './district.ts';
import { clerkDuties, officeDuties } from '../../src/demo/duties.ts';
import { assignDuties } from '../helpers.ts';

/**
 * The UX audit's bugs that live in the browser (docs/ux-audit.md): a validation failure logs no
 * uncaught error (B22), an error toast does not follow you to the next page (B27), an analysis
 * survives navigation (B31), the 批准延期 form starts with the days asked for (B23), and the home
 * figures name their real scope and what each 12345 tile counts (B9, B10).
 */
const AS_OF = '2025-11-20';
const PASSWORD = 'Test@12345';
let app: App;
let browser: Browser;
let base: string;
const ids: Record<string, number> = {};

before(async () => {
  const k = await kernelAsOf(AS_OF);
  const gov = await createOrg(k.db, { parentId: null, name: '测试区人民政府', shortName: '测试区', kind: 'government' });
  const justice = await createOrg(k.db, { parentId: gov.id, name: '测试区司法局', shortName: '区司法局', kind: 'department' });
  const adminId = await createUser(k.db, { orgId: justice.id, scopeOrgId: gov.id, username: 'admin', displayName: '周管理', role: 'admin', password: PASSWORD });
  const clerkId = await createUser(k.db, { orgId: justice.id, username: 'clerk', displayName: '李经办', role: 'clerk', password: PASSWORD });
  await assignDuties(k, adminId, officeDuties(gov, justice));
  await assignDuties(k, clerkId, clerkDuties(justice, { enforcer: true, petitions: true, justice: true }));
  const clerk = (await actorById(k.db, clerkId))!;
  const intake = (receivedOn: string) => ({ receivedOn, channel: 'in_person', respondent: '测试区市场监督管理局', category: 'penalty', actUnderReview: '行政处罚决定', parties: [{ role: 'applicant', name: '欧阳明远' }] });
  // Received 11-03: the 5 working days for 通知补正 are over by 11-20, so the server refuses it.
  ids.late = await createCase(k, clerk, { type: 'reconsideration', orgId: justice.id, fields: intake('2025-11-03') });
  // Accepted, with a request for 10 more days waiting for the head's approval.
  ids.extension = await createCase(k, clerk, { type: 'reconsideration', orgId: justice.id, fields: intake('2025-10-20') });
  await performAction(k, clerk, ids.extension, 'accept', { on: '2025-10-22' });
  await performAction(k, clerk, ids.extension, 'request_extension', { on: '2025-11-18', data: { days: 10, reason: '案情复杂，需补充调查' } });
  ({ app, base, browser } = await serveConsole(k));
});

after(async () => {
  await browser?.close();
  await app?.close();
});

/** A logged-in page that records uncaught errors, from the console and from the page. */
async function login(username: string): Promise<{ p: Page; uncaught: string[] }> {
  const uncaught: string[] = [];
  const p = await signIn(browser, base, username, PASSWORD, {
    watch: (page) => {
      page.on('console', (m) => {
        if (m.type() === 'error' && /Uncaught/.test(m.text())) uncaught.push(m.text());
      });
      page.on('pageerror', (e) => uncaught.push(`pageerror: ${e.message}`));
    },
  });
  return { p, uncaught };
}

test('B22 and B27: an empty required field logs no uncaught error; a refusal\'s toast does not follow to the next page', async () => {
  const { p, uncaught } = await login('clerk');
  await p.goto(`${base}/cases/${ids.late}`);
  await p.getByTestId('action-request_correction').click();
  const d = p.getByRole('dialog');
  await d.getByRole('button', { name: /确认办理/ }).click();
  await d.getByText('请填写需补正的事项').waitFor();
  // The server's refusal comes back as an error toast; the failed validation before it has had every chance to log.
  await d.getByLabel('需补正的事项').fill('请补充身份证明');
  await d.getByRole('button', { name: /确认办理/ }).click();
  const toast = p.locator('.ant-message-notice').filter({ hasText: '五个工作日内通知补正' });
  await toast.waitFor();
  assert.deepEqual(uncaught, []);
  await d.getByRole('button', { name: /取\s*消/ }).click();
  await p.getByRole('menu').getByRole('link', { name: '工作台' }).click();
  await p.getByTestId('todo-panel').waitFor();
  // Its 6 s are not over yet: on the new page it is gone, or on its way out.
  const staying = await p.evaluate(() => [...document.querySelectorAll('.ant-message-notice')].filter((n) => n.textContent?.includes('五个工作日内通知补正') && !n.closest('[class*="leave"]')).length);
  assert.equal(staying, 0, 'the error toast followed to the next page');
  await toast.waitFor({ state: 'detached' });
});

test('B23: the 批准延期 form starts with the days asked for', async () => {
  const { p } = await login('admin');
  await p.goto(`${base}/cases/${ids.extension}`);
  await p.getByTestId('action-approve_extension').click();
  const d = p.getByRole('dialog');
  await d.getByLabel('批准延长天数').waitFor();
  assert.equal(await d.getByLabel('批准延长天数').inputValue(), '10');
  await d.getByRole('button', { name: /确认办理/ }).click();
  await p.getByText('已办理：批准延期（复议机构负责人）').waitFor();
});

test('B31: an analysis is still there after visiting another page', async () => {
  const { p } = await login('clerk');
  await p.getByRole('menu').getByRole('link', { name: '报告分析' }).click();
  const text = '测试区2024年法治政府建设年度报告\n一、2024年推进法治政府建设的主要举措和成效\n全年受理人民调解案件297起，成功调解271起，调解成功率达91.2%。\n';
  await p.locator('input[type=file]').setInputFiles({ name: '测试区报告.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await p.getByRole('cell', { name: '测试区报告.txt' }).waitFor();
  await p.getByRole('menu').getByRole('link', { name: '工作台' }).click();
  await p.getByTestId('todo-panel').waitFor();
  await p.getByRole('menu').getByRole('link', { name: '报告分析' }).click();
  await p.getByRole('cell', { name: '测试区报告.txt' }).waitFor();
  // Gone after logout: the next person on this browser starts afresh.
  await p.getByRole('button', { name: /退\s*出/ }).click();
  await p.getByLabel('用户名').waitFor();
  assert.equal(await p.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('fazhi:kept:')).length), 0);
});

test('B9 and B10: the home figures are titled by the scope they cover, and the 12345 tiles say what they count', async () => {
  const admin = (await login('admin')).p;
  await admin.getByTestId('figures-title').getByText('全区主要指标').waitFor();
  const clerk = (await login('clerk')).p;
  await clerk.getByTestId('figures-title').getByText('测试区司法局主要指标').waitFor();
  await clerk.getByTestId('figure-hotline.orders').getByText('12345工单·受理（热线中心登记）').waitFor();
  await clerk.getByTestId('figure-hotline.assigned').getByText('12345工单·派本单位承办').waitFor();
});

test('B21: the login page and the portal ask nothing that answers 401; a reload keeps the session', async () => {
  const p = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
  const refused: string[] = [];
  p.on('response', (r) => {
    if (r.status() === 401) refused.push(r.url());
  });
  await p.goto(`${base}/portal`);
  await p.getByRole('link', { name: /年度报告/ }).first().waitFor();
  await p.goto(base);
  await p.getByLabel('用户名').fill('clerk');
  await p.getByLabel('密码').fill(PASSWORD);
  await p.getByRole('button', { name: /登\s*录/ }).click();
  await p.getByTestId('me').waitFor();
  assert.deepEqual(refused, []);
  await p.reload();
  await p.getByTestId('me').waitFor();
});

test('B16: a refused list or report ends its spinner and says why', async () => {
  const { p, uncaught } = await login('clerk');
  await p.goto(`${base}/cases?year=abc`);
  await p.getByTestId('list-error').waitFor();
  assert.equal(await p.locator('.ant-table .ant-spin-spinning').count(), 0, 'no endless spinner');
  await p.goto(`${base}/reports/99999`);
  await p.getByTestId('report-error').waitFor();
  assert.deepEqual(uncaught, []);
});

test('a focused field is outlined in blue, not in the red that means an error', async () => {
  const p = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
  await p.goto(base);
  await p.getByLabel('用户名').focus();
  // The border colour eases in: wait for it rather than reading it once.
  await p.waitForFunction(() => getComputedStyle(document.activeElement!.closest('.ant-input-affix-wrapper') ?? document.activeElement!).borderTopColor === 'rgb(29, 78, 216)');
});
