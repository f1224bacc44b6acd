import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { closed, signIn, until } from './chromium.ts';
import { Kernel } from '../../src/kernel/kernel.ts';
import { createOrg } from '../../src/kernel/orgs.ts';
import { createUser } from '../../src/kernel/auth/sessions.ts';
import type { App } from '../../src/server/app.ts';
import { kernelAsOf, serveConsole } from './district.ts';
import { clerkDuties } from '../../src/demo/duties.ts';
import { assignDuties } from '../helpers.ts';

/**
 * The 年度报告 page's yearly publications: a department clerk records the 公开 of its 政府信息公开
 * 年报 and the board's status changes; a leader (read only) is not offered the form; the drawer
 * shows the 年报's tables, the 办理情况 and the 述法覆盖率 with the units that have not 述法.
 */
const AS_OF = '2026-01-20';
const PASSWORD = 'Test@12345';
let app: App;
let browser: Browser;
let base: string;
let k: Kernel;
const ids: Record<string, number> = {};

before(async () => {
  k = await kernelAsOf(AS_OF);
  const gov = await createOrg(k.db, { parentId: null, name: '测试区人民政府', shortName: '测试区', kind: 'government' });
  const education = await createOrg(k.db, { parentId: gov.id, name: '测试区教育体育局', shortName: '区教体局', kind: 'department' });
  Object.assign(ids, { gov: gov.id, education: education.id });
  const eduId = await createUser(k.db, { orgId: education.id, username: 'edu', displayName: '王教体', role: 'clerk', password: PASSWORD });
  await createUser(k.db, { orgId: gov.id, username: 'leader', displayName: '赵区长', role: 'leader', password: PASSWORD });
  await assignDuties(k, eduId, clerkDuties(education, { enforcer: true, petitions: false, justice: false }));
  ({ app, base, browser } = await serveConsole(k));
});

after(async () => {
  await browser?.close();
  await app?.close();
});

test('a department records the 公开 of its 政府信息公开年报 and the board shows it published', async () => {
  const p = await signIn(browser, base, 'edu', PASSWORD);
  await p.goto(`${base}/reports`);
  const tag = p.getByTestId(`annual-${ids.education}-govinfo`);
  await tag.getByText('政府信息公开工作年度报告待公开').waitFor();
  await p.getByTestId(`filing-${ids.education}`).click();
  const d = p.getByRole('dialog');
  await d.getByTestId('filing-due').getByText(/公开期限 2026-01-31（未登记）/).waitFor();
  await d.getByText('向社会公开').click();
  await d.getByLabel('公开网址').fill('https://www.example.gov.cn/xxgk/jyj/2025.html');
  await d.getByRole('button', { name: /登\s*记/ }).click();
  await closed(d);
  await tag.getByText('政府信息公开工作年度报告已公开 2026-01-20').waitFor();
  const row = await until(() => k.db.selectFrom('annual_filings').selectAll().where('org_id', '=', ids.education).executeTakeFirst(), 'the 公开 stored');
  assert.deepEqual([row!.report, row!.step, row!.done_on, row!.channel, row!.url], ['govinfo', 'publish', '2026-01-20', 'website', 'https://www.example.gov.cn/xxgk/jyj/2025.html']);
  // The 办理情况 of 2025 was due 2025-10-10 and nothing was recorded: flagged on the same board.
  await p.getByTestId(`annual-${ids.education}-proposals`).getByText('建议提案办理情况逾期未报送').waitFor();
});

test('a leader reads the tables but is not offered the form', async () => {
  const p = await signIn(browser, base, 'leader', PASSWORD);
  await p.goto(`${base}/reports`);
  await p.getByTestId(`annual-view-${ids.education}`).waitFor();
  assert.equal(await p.getByTestId(`filing-${ids.education}`).count(), 0);
  await p.getByTestId(`annual-view-${ids.education}`).click();
  const drawer = p.getByRole('dialog');
  await drawer.getByText('测试区教育体育局2025年政府信息公开工作年度报告').waitFor();
  await drawer.getByText(/政府网站公开/).waitFor();
  await drawer.getByRole('tab', { name: '建议提案办理情况' }).click();
  await drawer.getByText('测试区教育体育局2025年度人大代表建议和政协委员提案办理情况').waitFor();
  await drawer.getByRole('tab', { name: '述法覆盖率' }).click();
  // A department must 述法 by default and recorded none.
  await drawer.getByTestId('coverage-missing').getByText('测试区教育体育局').waitFor();
});
