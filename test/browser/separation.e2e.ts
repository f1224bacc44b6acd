import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signIn } from './chromium.ts';
import { databases, makeWorld, type World } from '../helpers.ts';
import { buildApp, type App } from '../../src/server/app.ts';
import { buildWebIfNeeded, WEB_DIST } from '../../src/server/web.ts';
import { createAccount } from '../../src/kernel/auth/accounts.ts';
import { createUser } from '../../src/kernel/auth/sessions.ts';

/**
 * 三员分立 in the console (headless Chromium): the system administrator's 用户管理 offers no role,
 * the security administrator's page assigns one but never to themselves, a role-less account sees a notice.
 */
const PW = 'Test@12345';
let app: App;
let browser: Browser;
let base: string;
let w: World;

before(async () => {
  await buildWebIfNeeded();
  w = await makeWorld(databases()[0]);
  await createUser(w.k.db, { orgId: w.justice, scopeOrgId: w.district, username: 'secadmin', displayName: '吴安全', role: 'secadmin', password: PW });
  app = await buildApp(w.k, { webRoot: WEB_DIST });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await app?.close();
  await w?.conn.close();
});

const login = (username: string, password = PW): Promise<Page> => signIn(browser, base, username, password, { signedIn: false });

test('the system administrator creates an account with no role field; the security administrator assigns the role, not their own', async () => {
  const admin = await login('admin');
  await admin.getByTestId('me').waitFor();
  await admin.goto(`${base}/users`);
  await admin.getByRole('button', { name: '新建用户' }).click();
  const dialog = admin.getByRole('dialog');
  await dialog.getByText('新建的账号在安全管理员分配角色之前没有任何权限').waitFor();
  assert.equal(await dialog.getByLabel('角色').count(), 0, 'no role field for the system administrator');
  assert.equal(await dialog.getByLabel(/可查看范围/).count(), 0, 'no scope field either');
  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  await admin.goto(`${base}/system`);
  await admin.getByRole('tab', { name: '权限矩阵' }).waitFor();
  assert.equal(await admin.getByRole('tab', { name: '角色与职责' }).count(), 0);

  const { id } = await createAccount(w.k.db, w.admin, { username: 'newhire', displayName: '新同事', orgId: w.education });
  const sec = await login('secadmin');
  await sec.getByTestId('me').waitFor();
  await sec.goto(`${base}/system`);
  await sec.getByRole('tab', { name: '安全策略' }).waitFor();
  const own = sec.getByRole('row').filter({ hasText: '吴安全' });
  await own.getByText('本人（须由另一位安全管理员分配）').waitFor();
  assert.equal(await own.getByRole('button', { name: '分配角色' }).count(), 0, 'no grant button on their own row');
  const row = sec.getByRole('row').filter({ hasText: '新同事' });
  await row.getByText('待分配角色').waitFor();
  await row.getByRole('button', { name: '分配角色' }).click();
  const grant = sec.getByRole('dialog');
  await grant.getByLabel('角色').click();
  await sec.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '经办人员：' }).first().click();
  await grant.getByRole('button', { name: /保\s*存/ }).click();
  await row.getByText('经办人员').waitFor();
  const stored = await w.k.db.selectFrom('users').select('role').where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(stored.role, 'clerk');
});

test('an account without a role sees only the notice', async () => {
  await createUser(w.k.db, { orgId: w.justice, username: 'norole', displayName: '待分配', role: 'none', password: PW });
  const page = await login('norole');
  await page.getByText('账号尚未分配角色').waitFor();
  assert.equal(await page.getByTestId('me').count(), 0);
});
