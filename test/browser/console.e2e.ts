import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { closed, signIn } from './chromium.ts';
import { loadDemo, DEMO_PASSWORD } from '../../src/demo/district.ts';
import type { App } from '../../src/server/app.ts';
import { kernelAsOf, serveConsole } from './district.ts';

/**
 * The staff console in headless Chromium (Debian's, driven by playwright-core): log in, see the
 * dashboard, open an overdue 依申请公开 case and answer it.
 */
const AS_OF = '2025-11-20';
let app: App;
let browser: Browser;
let page: Page;
let base: string;

before(async () => {
  const k = await kernelAsOf(AS_OF);
  await loadDemo(k);
  ({ app, base, browser } = await serveConsole(k));
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
});

/** A fresh browser context logged in as a demo account. */
const login = (username: string) => signIn(browser, base, username, DEMO_PASSWORD, { context: { acceptDownloads: true } });

after(async () => {
  await browser?.close();
  await app?.close();
});

test('a wrong password shows the Chinese error; the right one opens the dashboard', async () => {
  await page.goto(base);
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText(/用户名或密码错误/).waitFor();
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('me').waitFor();
  assert.match(await page.getByTestId('me').innerText(), /周立法/);
  await page.getByText('全区主要指标').waitFor();
  const received = await page.getByTestId('figure-reconsideration.received').innerText();
  assert.match(received, /行政复议\.收到申请\s*\d+\s*件/);
});

test('a figure opens the records behind it', async () => {
  await page.getByTestId('figure-disclosure.on_time_rate').click();
  await page.getByText('指标来源：依申请公开.按期答复率').waitFor();
  await page.getByText(/分母「答复（计时）」的全部记录/).waitFor();
  await page.locator('.ant-drawer .ant-table-row').first().waitFor();
  await page.locator('.ant-drawer-close').click();
});

test('open an overdue case from the dashboard: the admin may not decide it, the clerk who handles it does', async () => {
  const row = page.getByTestId('overdue-table').locator('tr', { hasText: '行政复议' }).first();
  const href = (await row.getByRole('link').getAttribute('href'))!;
  await row.getByRole('link').click();
  await page.getByTestId('case-number').waitFor();
  // Deciding a 复议 is the 司法局 clerk's duty; the 依法治区办 only approves extensions, so it has no 作出决定 button.
  await page.getByText(/^当事人/).first().waitFor();
  assert.equal(await page.getByTestId('action-decide').count(), 0);
  const clerk = await login('sfj');
  await clerk.goto(base + href);
  await clerk.getByTestId('case-number').waitFor();
  assert.match(await clerk.getByTestId('case-number').innerText(), /复〔\d{4}〕\d+号/);
  // 行政复议法 art. 49: the parties are heard before an ordinary case is decided.
  await clerk.getByTestId('action-hear_views').click();
  const hearing = clerk.getByRole('dialog');
  await hearing.getByLabel('听取方式').click();
  await clerk.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await hearing.locator('.ant-select-content-has-value').first().waitFor();
  await hearing.getByLabel('听取的意见（记录在案）').fill('申请人坚持复议请求，被申请人坚持原行政行为合法');
  await hearing.getByRole('button', { name: /确认办理/ }).click();
  await closed(hearing);
  await clerk.getByText('已办理：听取当事人意见').waitFor();
  await clerk.getByTestId('action-decide').click();
  const dialog = clerk.getByRole('dialog');
  await dialog.getByLabel('决定类型').click();
  await clerk.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await dialog.locator('.ant-select-content-has-value').first().waitFor();
  // Art. 61: approved by the head, or by collective discussion.
  await dialog.getByLabel('决定的作出').click();
  await clerk.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '经行政复议机关负责人同意' }).click();
  await dialog.locator('.ant-select-content-has-value').nth(1).waitFor();
  // 条例 art. 39: two 复议人员 take part (asked of applications from 2026-07-01).
  await dialog.getByLabel('参加审理的行政复议人员（姓名，以顿号分隔）').fill('张某、李某');
  await dialog.getByLabel('决定要旨').fill('认定事实清楚，证据确凿，适用依据正确，程序合法，内容适当');
  await dialog.getByRole('button', { name: /确认办理/ }).click();
  await closed(dialog);
  await clerk.getByText('已办理：作出行政复议决定').waitFor();
  await clerk.getByText('当事人', { exact: true }).waitFor();
  await clerk.screenshot({ path: 'test-results/decided-case.png', fullPage: true });
});

test('a 12345 work order: the operator registers and dispatches, the unit signs and completes, the operator calls back', async () => {
  const op = await login('rx12345');
  await op.goto(base + '/cases');
  await op.getByTestId('new-case').hover();
  await op.getByRole('menuitem', { name: '12345工单' }).click();
  const dialog = op.getByRole('dialog');
  const pick = async (label: string, option: string) => {
    await dialog.getByLabel(label, { exact: true }).click();
    await op.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  };
  await dialog.getByLabel('受理日期').fill(AS_OF);
  await dialog.getByLabel('受理日期').press('Enter');
  await pick('来源渠道', '电话');
  await pick('诉求类型', '投诉');
  await dialog.getByLabel('问题分类').fill('教育收费');
  await dialog.getByLabel('诉求内容').fill('反映某小学违规收取教辅资料费');
  await pick('紧急程度', '一般');
  await pick('身份', '申请人');
  await dialog.getByLabel('姓名/名称').fill('钱女士');
  await dialog.getByRole('button', { name: /登\s*记/ }).click();
  await op.getByTestId('case-number').waitFor();
  assert.match(await op.getByTestId('case-number').innerText(), /^青溪区12345〔2025〕\d+号$/);
  await op.getByTestId('case-state').getByText('待派单').waitFor();
  const caseUrl = op.url();

  const step = async (p: Page, action: string, fill?: (d: ReturnType<Page['getByRole']>) => Promise<void>, state?: string) => {
    await p.getByTestId(`action-${action}`).click();
    const d = p.getByRole('dialog');
    await fill?.(d);
    await d.getByRole('button', { name: /确认办理/ }).click();
    if (state) await p.getByTestId('case-state').getByText(state).waitFor();
  };
  await step(op, 'dispatch', async (d) => {
    await d.getByTestId('org-picker').click();
    await op.keyboard.type('教育体育');
    await op.locator('.ant-select-tree-node-content-wrapper', { hasText: '青溪区教育体育局' }).click();
  }, '待签收');
  await op.getByTestId('clock-handling').getByText(/剩\d+个工作日/).waitFor();
  assert.equal(await op.getByTestId('action-sign').count(), 0, 'signing is the unit\'s step');
  const unit = await login('jtj');
  await unit.goto(caseUrl);
  await step(unit, 'sign', undefined, '办理中');
  await step(unit, 'complete', async (d) => d.getByLabel('办理结果').fill('已责令学校退还费用'), '已办结待回访');
  assert.equal(await unit.getByTestId('action-visit').count(), 0, 'the 回访 is the hotline centre\'s');
  await op.reload();
  await step(op, 'visit', async (d) => {
    await d.getByLabel('诉求已解决').click();
    await d.getByLabel('满意度').click();
    await op.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '满意' }).first().click();
  }, '已回访');
  await op.getByTestId('clock-visit').getByText('已完成（按期）').waitFor();
  await op.getByText('青溪区教育体育局', { exact: true }).waitFor();
  await op.screenshot({ path: 'test-results/hotline-order.png', fullPage: true });
});

test('report analysis: upload two reports, compare them, see the contradiction highlighted', async () => {
  await page.goto(base + '/analysis');
  const seeds = new URL('../fixtures/seeds/', import.meta.url).pathname;
  const fs = await import('node:fs');
  const s001 = seeds + fs.readdirSync(seeds).find((f) => f.startsWith('001'));
  const html = new URL('../fixtures/reports/004-page.html', import.meta.url).pathname;
  await page.locator('input[type=file]').setInputFiles([s001, html]);
  await page.getByRole('cell', { name: '中共昌江区委昌江区人民政府' }).waitFor();
  assert.equal(await page.locator('.ant-table-row').count(), 2);
  await page.getByTestId('bad-span').first().waitFor();
  await page.getByText('“其中”部分94件大于总数93件').waitFor();
  await page.getByText(/91.2% = 271 ÷ 297/).waitFor();
  await page.screenshot({ path: 'test-results/analysis.png', fullPage: true });
});

test('a leader sees masked parties and no actions', async () => {
  await page.getByRole('button', { name: /退\s*出/ }).click();
  await page.getByLabel('用户名').fill('leader');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('me').waitFor();
  // A 行政复议 case: its applicant has a phone number to mask (a 述法 record's party has none).
  await page.getByTestId('overdue-table').locator('tr', { hasText: '行政复议' }).getByRole('link').first().click();
  await page.getByTestId('case-number').waitFor();
  await page.getByText('当事人（已脱敏）').waitFor();
  assert.equal(await page.locator('[data-testid^="action-"]').count(), 0);
  const phone = await page.locator('td', { hasText: /^1\d{2}\*{4}\d{4}$/ }).count();
  assert.ok(phone > 0, 'phone numbers are masked');
});

test('the annual report: write with a figure token, see its value, review, approve, submit, publish, find it on the portal', async () => {
  const act = async (p: Page, label: string, state: string) => {
    // Ant Design spaces out two-character button labels (送 审).
    await p.getByRole('button', { name: new RegExp(`^${[...label].join('\\s*')}$`) }).click();
    await p.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await p.getByTestId('report-state').getByText(state).waitFor();
    await p.getByRole('dialog').waitFor({ state: 'hidden' });
  };
  const clerk = await login('sfj');
  await clerk.getByRole('link', { name: '年度报告' }).click();
  await clerk.locator('tr', { hasText: '青溪区司法局' }).getByRole('button', { name: '生成初稿' }).click();
  await clerk.getByTestId('report-title').getByText('青溪区司法局2024年法治政府建设年度报告').waitFor();

  // A paragraph with a token typed in, and one inserted from the indicator list.
  const achievements = clerk.getByLabel(/^正文：2024年推进法治政府建设的主要举措和成效/);
  await achievements.press('Control+End');
  await achievements.pressSequentially('\n全年受理行政复议申请{{行政复议.受理}}件，纠错率');
  await clerk.getByLabel(/^插入数据：2024年推进法治政府建设的主要举措和成效/).click();
  await clerk.keyboard.type('行政复议.纠错率');
  await clerk.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await achievements.press('Control+End');
  await achievements.pressSequentially('。');
  const figure = clerk.getByTestId('preview').getByTestId('figure-行政复议.受理').last();
  await figure.waitFor();
  const value = Number(await figure.innerText());
  assert.ok(value > 0, 'the live value from the records');
  await clerk.getByTestId('preview').getByTestId('figure-行政复议.纠错率').last().getByText(/^\d+(\.\d)?%$/).waitFor();
  await figure.click();
  await clerk.getByText('指标来源：行政复议.受理').waitFor();
  await clerk.getByText(`共 ${value} 条`).waitFor();
  await clerk.locator('.ant-drawer-close').click();

  await clerk.getByLabel(/^正文：2024年推进法治政府建设存在的不足和原因/).fill('一是复议案件审理周期偏长，主要原因是办案人员不足。');
  await clerk.getByLabel(/^正文：2025年推进法治政府建设的主要安排/).fill('一是充实复议办案人员，缩短审理周期。');
  await clerk.getByRole('button', { name: /保\s*存/ }).click();
  await clerk.getByText('已保存').waitFor();
  await act(clerk, '送审', '审核中');
  const reportUrl = clerk.url();

  const leader = await login('leader');
  await leader.goto(reportUrl);
  await act(leader, '审批通过', '领导已审批');
  await clerk.reload();
  await act(clerk, '报送上级', '已报送');
  await clerk.getByText(/报送青溪区人民政府/).waitFor();
  await act(clerk, '向社会公开', '已公开');
  await clerk.screenshot({ path: 'test-results/report-published.png', fullPage: true });

  // The public: no login.
  const visitor = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await visitor.goto(base + '/portal');
  await visitor.getByRole('link', { name: '青溪区司法局2024年法治政府建设年度报告' }).click();
  await visitor.getByText(`全年受理行政复议申请${value}件`).waitFor();
  const [download] = await Promise.all([visitor.waitForEvent('download'), visitor.getByTestId('download-docx').click()]);
  assert.match(download.suggestedFilename(), /青溪区司法局2024年法治政府建设年度报告\.docx$/);
  const fs = await import('node:fs');
  assert.equal(fs.readFileSync((await download.path())!).subarray(0, 2).toString(), 'PK');
  await visitor.screenshot({ path: 'test-results/portal.png', fullPage: true });
});

test('双随机: commit a draw, see its commitment, draw it, and find it verified on the portal', async () => {
  // The draw is the 市场监管局's own (clerk21), not the district administrator's.
  const admin = await login('clerk21');
  await admin.getByRole('link', { name: '双随机抽查' }).click();
  await admin.getByRole('button', { name: '新建抽查任务' }).click();
  const dialog = admin.getByRole('dialog');
  await dialog.getByLabel('抽查单位').click();
  await admin.keyboard.type('市场监督');
  await admin.locator('.ant-select-tree-node-content-wrapper', { hasText: '青溪区市场监督管理局' }).click();
  await dialog.getByLabel('任务名称').fill('冬季食品销售专项抽查');
  await dialog.getByLabel('抽查事项').fill('食品销售者经营行为检查');
  await dialog.getByLabel('行业类别（为空则不限）').fill('食品销售');
  await dialog.getByRole('button', { name: '冻结名录并公布承诺值' }).click();
  const commitment = await admin.getByTestId('commitment').innerText();
  assert.match(commitment, /^[0-9a-f]{64}$/);
  await admin.getByText('抽取时公开', { exact: true }).waitFor();
  await admin.locator('.ant-drawer').getByRole('button', { name: /^抽\s*取$/ }).click();
  await admin.getByText('已抽取，检查任务已生成').waitFor();
  await admin.locator('.ant-drawer .ant-table-row').nth(4).waitFor();
  assert.equal(await admin.locator('.ant-drawer .ant-table-row').count(), 5, '2 high, 2 medium, 1 low');
  await admin.screenshot({ path: 'test-results/draw.png', fullPage: true });

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(base + '/portal/draws');
  await visitor.getByRole('link', { name: '冬季食品销售专项抽查' }).click();
  await visitor.getByText('复核通过').waitFor();
  assert.equal(await visitor.getByTestId('commitment').innerText(), commitment, 'the commitment published before the draw');
  await visitor.goto(base + '/portal/enforcement');
  await visitor.locator('.ant-table-row').first().waitFor();
  assert.match(await visitor.locator('.ant-table-row').first().innerText(), /执〔20\d\d〕\d+号/, '执法决定 are public, by 案号');
});
