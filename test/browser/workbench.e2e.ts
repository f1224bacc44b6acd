import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { signIn, until } from './chromium.ts';
import { Kernel } from '../../src/kernel/kernel.ts';
import { createOrg } from '../../src/kernel/orgs.ts';
import { createUser, actorById } from '../../src/kernel/auth/sessions.ts';
import { createCase, performAction } from '../../src/kernel/cases/engine.ts';
import { openReport, updateReport } from '../../src/reports/report.ts';
import { actOnReport } from '../../src/reports/workflow.ts';
import type { App } from '../../src/server/app.ts';
import { kernelAsOf, serveConsole } from './district.ts';
import { clerkDuties, officeDuties } from '../../src/demo/duties.ts';
import { assignDuties } from '../helpers.ts';

/**
 * The daily workbench in headless Chromium, on a small district built here (fast to set up):
 * 待办 and the bell, the console's rough edges from the UX audit (each where it could come
 * back), 督办, charts with drill-down, 催报, and the portal on a 390 px phone.
 */
const AS_OF = '2025-11-20';
const PASSWORD = 'Test@12345';
let app: App;
let browser: Browser;
let base: string;
let k: Kernel;
const ids: Record<string, number> = {};

before(async () => {
  k = await kernelAsOf(AS_OF);
  const gov = await createOrg(k.db, { parentId: null, name: '测试区人民政府', shortName: '测试区', kind: 'government' });
  const office = await createOrg(k.db, { parentId: gov.id, name: '中共测试区委全面依法治区委员会办公室', shortName: '依法治区办', kind: 'office' });
  const justice = await createOrg(k.db, { parentId: gov.id, name: '测试区司法局', shortName: '区司法局', kind: 'department' });
  const education = await createOrg(k.db, { parentId: gov.id, name: '测试区教育体育局', shortName: '区教体局', kind: 'department' });
  Object.assign(ids, { gov: gov.id, office: office.id, justice: justice.id, education: education.id });
  const adminId = await createUser(k.db, { orgId: justice.id, scopeOrgId: gov.id, username: 'admin', displayName: '周管理', role: 'admin', password: PASSWORD });
  const clerkId = await createUser(k.db, { orgId: justice.id, username: 'clerk', displayName: '李经办', role: 'clerk', password: PASSWORD });
  const eduId = await createUser(k.db, { orgId: education.id, username: 'edu', displayName: '王教体', role: 'clerk', password: PASSWORD });
  const leaderId = await createUser(k.db, { orgId: gov.id, username: 'leader', displayName: '赵区长', role: 'leader', password: PASSWORD });
  // Duties as the demo gives them; in this small district the 司法局 clerk also runs the 12345 line
  // (the centre's steps and the unit's, for the orders of the 司法局 only).
  await assignDuties(k, adminId, officeDuties(gov, justice));
  const ownDuties = clerkDuties(justice, { enforcer: true, petitions: true, justice: true }).filter((d) => d.subject !== 'case:hotline');
  await assignDuties(k, clerkId, [...ownDuties, { orgId: justice.id, subunits: true, subject: 'case:hotline', actions: ['*'] }]);
  await assignDuties(k, eduId, clerkDuties(education, { enforcer: true, petitions: false, justice: false }));
  const clerk = (await actorById(k.db, clerkId))!;
  const leader = (await actorById(k.db, leaderId))!;
  // An overdue 复议 case (受理审查 is 5 working days) and a 12345 order waiting for its 回访.
  ids.overdue = await createCase(k, clerk, {
    type: 'reconsideration',
    orgId: justice.id,
    fields: { receivedOn: '2025-11-03', channel: 'in_person', respondent: '测试区市场监督管理局', category: 'penalty', actUnderReview: '行政处罚决定', parties: [{ role: 'applicant', name: '欧阳明远', phone: '13812345678' }] },
  });
  ids.hotline = await createCase(k, clerk, { type: 'hotline', orgId: justice.id, fields: { receivedOn: '2025-11-17', channel: 'phone', kind: 'complaint', category: '法律服务', content: '反映法律援助申请办理慢', urgency: 'normal' } });
  await performAction(k, clerk, ids.hotline, 'dispatch', { data: { unitId: justice.id } });
  await performAction(k, clerk, ids.hotline, 'sign');
  await performAction(k, clerk, ids.hotline, 'complete', { data: { result: '已协调加快办理' } });
  // A report the leader sent back, and one approved and ready to go up.
  const returned = await openReport(k, clerk, justice.id, 2025);
  await k.db.updateTable('reports').set({ state: 'review' }).where('id', '=', returned.id).execute();
  await actOnReport(k, leader, returned.id, 'return', { version: returned.version, comment: '请补充第三部分的具体数据' });
  ids.returned = returned.id;
  const approved = await openReport(k, clerk, justice.id, 2024);
  await k.db.updateTable('reports').set({ state: 'approved' }).where('id', '=', approved.id).execute();
  ids.approved = approved.id;
  void updateReport;

  ({ app, base, browser } = await serveConsole(k));
});

after(async () => {
  await browser?.close();
  await app?.close();
});

const login = (username: string, viewport = { width: 1440, height: 1000 }, bypassCSP = false): Promise<Page> =>
  signIn(browser, base, username, PASSWORD, { context: { viewport, acceptDownloads: true, bypassCSP } });

test('home: 我的待办 with counts and links, the bell, warnings, and a title per page', async () => {
  const p = await login('clerk');
  await p.getByTestId('todo-panel').waitFor();
  const table = p.getByTestId('todo-panel');
  await table.getByText('按退回意见修改后重新送审').waitFor();
  await table.getByText('回访').first().waitFor();
  assert.match(await p.getByTestId('bell').getAttribute('aria-label') ?? '', /待办与消息（[1-9]\d*）/);
  await p.getByTestId('warnings-panel').getByText(/红色（已超期）[1-9]/).waitFor();
  assert.equal(await p.title(), '工作台 - 法治政府建设工作平台');
  await table.getByRole('link', { name: /受理/ }).first().click();
  await p.getByTestId('case-number').waitFor();
  const number = await p.getByTestId('case-number').innerText();
  assert.match(await p.title(), new RegExp(`^${number.replace(/[〔〕]/g, '.')} - 案件办理 - `));
  assert.match(await p.getByTestId('breadcrumb').innerText(), /工作台\s*\/\s*案件办理\s*\/\s*测试区复/);
  await p.screenshot({ path: 'test-results/workbench-case.png' });
});

test('B4: a required switch left off does not block 回访', async () => {
  const p = await login('clerk');
  await p.goto(`${base}/cases/${ids.hotline}`);
  await p.getByTestId('action-visit').click();
  const d = p.getByRole('dialog');
  await d.getByLabel('满意度').click();
  await p.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await d.getByRole('button', { name: /确认办理/ }).click();
  await p.getByText('已办理：回访').waitFor();
  await p.getByTestId('case-state').getByText('已回访').waitFor();
});

test('the header search finds a case by the party name and opens it', async () => {
  const p = await login('clerk');
  await p.getByTestId('global-search').locator('input').fill('欧阳明远');
  await p.getByTestId(`search-hit-${ids.overdue}`).click();
  await p.waitForURL(`**/cases/${ids.overdue}`);
  await p.getByTestId('case-number').waitFor();
});

test('404 pages in the console and the portal; a bad case link says so', async () => {
  const p = await login('clerk');
  await p.goto(`${base}/foo`);
  await p.getByTestId('not-found').getByText('页面不存在').waitFor();
  assert.match(await p.title(), /^页面不存在/);
  await p.goto(`${base}/cases/abc`);
  await p.getByTestId('case-error').getByText('链接有误').waitFor();
  await p.goto(`${base}/portal/nope`);
  await p.getByTestId('not-found').waitFor();
  await p.getByRole('link', { name: '返回首页' }).click();
  await p.waitForURL(`${base}/portal`);
});

test('report editor: the 退回意见 banner, chips for figures, autosave on leaving, 抄送 to any unit', async () => {
  const p = await login('clerk');
  await p.goto(`${base}/reports/${ids.returned}`);
  await p.getByTestId('return-banner').getByText('请补充第三部分的具体数据').waitFor();
  assert.ok((await p.getByTestId('token-chips').count()) > 0, 'figure tokens are shown as chips');
  const box = p.getByRole('textbox', { name: /^正文：/ }).nth(1);
  await box.fill('本年度存在的不足：基层执法力量不足。');
  await p.getByTestId('autosave').getByText(/尚未保存|已自动保存/).waitFor();
  // Leave at once, before the 3-second autosave: the page saves on the way out.
  await p.getByRole('link', { name: '工作台' }).first().click();
  await p.getByTestId('todo-panel').waitFor();
  const text = '本年度存在的不足：基层执法力量不足。';
  await until(async () => {
    const stored = await k.db.selectFrom('reports').select('sections').where('id', '=', ids.returned).executeTakeFirstOrThrow();
    return (stored.sections as any[])[1].body === text;
  }, 'the text reached the server');
  await p.goto(`${base}/reports/${ids.returned}`);
  await until(async () => (await p.getByRole('textbox', { name: /^正文：/ }).nth(1).inputValue()) === text, 'the saved text is shown again');

  await p.goto(`${base}/reports/${ids.approved}`);
  await p.getByRole('button', { name: '报送上级' }).click();
  await p.getByTestId('copy-to').click();
  await p.locator('.ant-select-tree-node-content-wrapper', { hasText: '测试区教育体育局' }).waitFor();
  await p.locator('.ant-select-tree-node-content-wrapper', { hasText: '中共测试区委全面依法治区委员会办公室' }).click();
  await p.screenshot({ path: 'test-results/workbench-copy-to.png' });
});

test('督办 from a case page reaches the unit as a message and a 待办', async () => {
  const admin = await login('admin');
  await admin.goto(`${base}/cases/${ids.overdue}`);
  await admin.getByTestId('supervise').click();
  const d = admin.getByRole('dialog');
  await d.getByLabel('督办事项').fill('超期未受理');
  await d.getByLabel('督办要求').fill('请说明超期原因并于期限内办结受理审查');
  await d.getByRole('button', { name: /签\s*发/ }).click();
  await admin.getByTestId('case-number').getByText(/测试区督〔2025〕\d+号/).waitFor();
  const clerk = await login('clerk');
  await clerk.getByTestId('bell').click();
  await clerk.getByRole('tab', { name: /消息/ }).click();
  await clerk.getByText('督办：超期未受理').first().waitFor();
  await clerk.getByTestId('todo-panel').locator('.ant-segmented-item', { hasText: '督办 1' }).click();
  await clerk.getByTestId('todo-panel').getByText('答复督办').waitFor();
});

test('文书: an 审批表 is issued from the case page with its 文号 and prints without the console around it', async () => {
  const p = await login('clerk');
  await p.goto(`${base}/cases/${ids.overdue}`);
  await p.getByTestId('document-template').click();
  await p.locator('.ant-select-item-option', { hasText: '案件审批表' }).click();
  await p.getByTestId('issue-document').click();
  await p.getByText(/已制作案件审批表，文号 区司法局批〔2025〕\d+号/).waitFor();
  await p.getByTestId('case-documents').getByRole('link', { name: '打印' }).first().click();
  const doc = p.getByTestId('document-print');
  await doc.getByText('案件审批表').waitFor();
  assert.match(await doc.innerText(), /案号：测试区复〔2025〕1号/);
  await p.emulateMedia({ media: 'print' });
  assert.equal(await p.locator('.ant-layout-header').isVisible(), false, 'the header is not printed');
  assert.equal(await p.locator('.ant-layout-sider').isVisible(), false, 'the menu is not printed');
  await p.screenshot({ path: 'test-results/document-print.png', fullPage: true });
});

test('文书模板: an admin saves a template as a new version', async () => {
  const p = await login('admin');
  await p.goto(`${base}/documents`);
  const row = p.locator('tr', { hasText: '送达回证' });
  await row.getByText('内置').waitFor();
  await row.getByRole('link', { name: '修改' }).click();
  await p.getByLabel('模板正文').fill('受送达人：{{当事人}}\n送达文书：{{事项}}（{{案号}}）');
  await p.getByRole('button', { name: '保存为新版本' }).click();
  await p.getByText('已保存为第1版').waitFor();
  await row.getByText('第1版').waitFor();
});

test('charts on the home page; the overdue bar opens the matching cases', async () => {
  const p = await login('admin');
  // The charts load once scrolled into view.
  await p.getByTestId('home-charts').scrollIntoViewIfNeeded();
  await p.getByTestId('chart-trend').locator('canvas').waitFor();
  await p.getByTestId('chart-satisfaction').locator('canvas').waitFor();
  const bar = p.getByTestId('chart-overdue');
  await bar.scrollIntoViewIfNeeded();
  await bar.locator('canvas').waitFor();
  await p.waitForTimeout(800);
  await bar.screenshot({ path: 'test-results/workbench-overdue-chart.png' });
  const b = (await bar.boundingBox())!;
  // One type is overdue: its bar stands in the middle of the plot.
  await p.mouse.click(b.x + b.width / 2 + 10, b.y + b.height - 60);
  await p.waitForURL(/\/cases\?.*overdue=true/);
  assert.match(p.url(), /type=reconsideration/);
  await p.screenshot({ path: 'test-results/workbench-overdue-cases.png' });
});

test('tables: column settings and Excel export of what is shown', async () => {
  const p = await login('admin');
  await p.goto(`${base}/indicators`);
  // A drill-down opened and closed leaves the page working.
  await p.getByTestId('value-reconsideration.received').click();
  await p.getByText('指标来源：行政复议.收到申请').waitFor();
  await p.locator('.ant-drawer-close').click();
  await p.getByTestId('value-reconsideration.received').waitFor();
  await p.getByTestId('columns-indicators').click();
  await p.locator('.ant-popover .ant-checkbox-wrapper', { hasText: '口径' }).click();
  await p.keyboard.press('Escape');
  assert.equal(await p.locator('.ant-table-thead th', { hasText: '口径' }).count(), 0);
  const [download] = await Promise.all([p.waitForEvent('download'), p.getByTestId('export-indicators').click()]);
  assert.match(download.suggestedFilename(), /^指标统计-.*\.xlsx$/);
  const file = await download.path();
  const { readFileSync } = await import('node:fs');
  assert.equal(readFileSync(file).subarray(0, 2).toString(), 'PK');
  await p.reload();
  await p.getByTestId('columns-indicators').waitFor();
  assert.equal(await p.locator('.ant-table-thead th', { hasText: '口径' }).count(), 0, 'the choice is kept');
});

test('年度报告 board: filters, progress chart and one-click 催报', async () => {
  const p = await login('admin');
  await p.goto(`${base}/reports`);
  await p.getByTestId('chart-report-progress').locator('canvas').waitFor();
  await p.locator('.ant-segmented-item', { hasText: '未起草' }).click();
  await p.getByTestId(`urge-${ids.education}`).click();
  await p.getByText(/已向 1 个单位催报/).waitFor();
  const edu = await login('edu');
  await edu.getByTestId('bell').click();
  await edu.getByRole('tab', { name: /消息/ }).click();
  await edu.getByText('催报：2024年度法治政府建设年度报告').waitFor();
});

test('saving a holiday answers at once and shows the recompute progress', async () => {
  const p = await login('admin');
  await p.goto(`${base}/calendar`);
  const form = p.locator('form').nth(1);
  await form.locator('input').first().fill('2025-12-31');
  await form.locator('input').first().press('Enter');
  await form.getByPlaceholder('如：2027年春节').fill('测试补休');
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await p.getByTestId('recompute-progress').getByText(/期限重算已完成|正在重算/).waitFor();
  await p.getByTestId('recompute-progress').getByText('期限重算已完成').waitFor();
});

test('the portal on a 390 px phone: the header fits and lists replace wide tables', async () => {
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })).newPage();
  const noisy: string[] = [];
  phone.on('response', (r) => r.status() === 401 && noisy.push(r.url()));
  await phone.goto(`${base}/portal/enforcement`);
  await phone.locator('.portal-nav').waitFor();
  for (const link of await phone.locator('.portal-nav a').all()) {
    const box = (await link.boundingBox())!;
    assert.ok(box.height < 40, `nav link on one line (${box.height}px)`);
  }
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no sideways scrolling (${width}px)`);
  assert.equal(await phone.locator('.ant-table').count(), 0, 'no table on a phone');
  assert.equal(await phone.title(), '执法决定公示 - 法治政府建设信息公开');
  assert.deepEqual(noisy, [], 'the anonymous portal does not ask who is logged in');
  await phone.screenshot({ path: 'test-results/portal-phone.png' });
});

test('accessibility: axe-core finds no serious or critical problem on the home page, a case and the portal', async () => {
  const { source } = (await import('axe-core')).default;
  // The checker is injected as a script, which a strict CSP would (rightly) refuse.
  const p = await login('clerk', undefined, true);
  const check = async (path: string, ready: () => Promise<unknown>) => {
    await p.goto(base + path);
    await ready();
    await p.addScriptTag({ content: source });
    const result: any = await p.evaluate(() => (window as any).axe.run(document, { resultTypes: ['violations'] }));
    const bad = result.violations.filter((v: any) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(
      bad.map((v: any) => `${path} ${v.id}: ${v.nodes.slice(0, 3).map((n: any) => `${n.target.join(" ")} ${n.html.slice(0, 160)}`).join(" | ")}`),
      [],
    );
  };
  await check('/', () => p.getByTestId('todo-panel').getByRole('table').waitFor());
  await check(`/cases/${ids.overdue}`, () => p.getByTestId('case-number').waitFor());
  await check('/portal', () => p.locator('.portal-nav').waitFor());
});
