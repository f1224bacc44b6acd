import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect } from '../../src/kernel/db/connect.ts';
import { login } from '../../src/kernel/auth/login.ts';
import { DEMO_PASSWORD } from '../../src/demo/district.ts';

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-users-'));
const fazhi = (...args: string[]) =>
  run(process.execPath, ['bin/fazhi.js', ...args], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } }).then(
    (r) => ({ code: 0, ...r }),
    (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }),
  );
const oneTime = (stdout: string) => stdout.match(/一次性密码：(\S+)/)![1];

/** Opens the CLI's PGlite directory in this process (the CLI has exited) to try a login. */
async function tryLogin(username: string, password: string) {
  const conn = await connect({ dataDir });
  try {
    return await login(conn.db, username, password);
  } finally {
    await conn.close();
  }
}

test('init prepares a production install: the three administrators, one-time passwords printed once, change and TOTP required', async () => {
  const r = await fazhi('init', '--admin', 'boss', '--secadmin', 'sec1', '--auditor', 'aud1', '--org', '测试市某区人民政府');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /已初始化正式环境：测试市某区人民政府/);
  const password = oneTime(r.stdout);
  assert.ok(password.length >= 14);
  const first = await tryLogin('boss', password);
  assert.deepEqual([first.stage, first.mustChangePassword, first.actor.role], ['enrol', true, 'admin']);
  const secPassword = r.stdout.match(/安全管理员 sec1 的一次性密码：(\S+)/)![1];
  assert.deepEqual([(await tryLogin('sec1', secPassword)).actor.role], ['secadmin']);
  assert.match(r.stdout, /审计管理员 aud1 的一次性密码：\S{14,}/);
  const list = JSON.parse((await fazhi('users', 'list', '--json')).stdout);
  assert.deepEqual(list.map((u: any) => [u.username, u.role, u.mustChangePassword]), [
    ['aud1', 'auditor', true],
    ['boss', 'admin', true],
    ['sec1', 'secadmin', true],
  ]);

  const again = await fazhi('init', '--admin', 'other');
  assert.equal(again.code, 2);
  assert.match(again.stderr, /已有单位和账号/);
  const demo = await fazhi('demo');
  assert.equal(demo.code, 2);
  assert.match(demo.stderr, /正式环境，不能载入演示数据/);
  await assert.rejects(tryLogin('admin', DEMO_PASSWORD), /用户名或密码错误/);
});

test('users add, disable, enable, unlock and passwd work from the shell', async () => {
  const add = await fazhi('users', 'add', 'zhang3', '--org', '测试市某区', '--role', 'clerk', '--name', '张三');
  assert.equal(add.code, 0, add.stderr);
  const pw = oneTime(add.stdout);
  assert.equal((await tryLogin('zhang3', pw)).actor.displayName, '张三');

  assert.equal((await fazhi('users', 'disable', 'zhang3')).code, 0);
  await assert.rejects(tryLogin('zhang3', pw), /用户名或密码错误/);
  assert.equal((await fazhi('users', 'enable', 'zhang3')).code, 0);

  for (let i = 0; i < 5; i++) await tryLogin('zhang3', `Wrong#guess${i}`).catch(() => undefined);
  await assert.rejects(tryLogin('zhang3', pw), /已锁定/);
  assert.equal((await fazhi('users', 'unlock', 'zhang3')).code, 0);
  assert.equal((await tryLogin('zhang3', pw)).actor.username, 'zhang3');

  const reset = await fazhi('users', 'passwd', 'boss', '--reset-totp');
  assert.equal(reset.code, 0, reset.stderr);
  const fresh = oneTime(reset.stdout);
  assert.equal((await tryLogin('boss', fresh)).mustChangePassword, true);
  const listed = (await fazhi('users', 'list')).stdout;
  assert.match(listed, /zhang3\s+张三\s+经办人员\s+测试市某区人民政府\s+待改密/);

  const bad = await fazhi('users', 'add', 'li4', '--org', '没有这个单位', '--role', 'clerk');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /单位「没有这个单位」不存在/);
  const noRole = await fazhi('users', 'add', 'li4', '--org', '测试市某区', '--role', 'boss');
  assert.equal(noRole.code, 2);
  assert.match(noRole.stderr, /角色应为/);
  assert.equal((await fazhi('users', 'frob')).code, 2);
});

test('users add without a role makes a role-less account; users role assigns one (the server\'s own path)', async () => {
  const add = await fazhi('users', 'add', 'wang5', '--org', '测试市某区', '--name', '王五');
  assert.equal(add.code, 0, add.stderr);
  assert.match(add.stdout, /尚未分配角色/);
  const pw = oneTime(add.stdout);
  assert.equal((await tryLogin('wang5', pw)).actor.role, 'none');
  const role = await fazhi('users', 'role', 'wang5', 'leader');
  assert.equal(role.code, 0, role.stderr);
  assert.match(role.stdout, /已为用户 wang5 分配角色：领导（只读），可查看范围：测试市某区人民政府/);
  assert.equal((await tryLogin('wang5', pw)).actor.role, 'leader');
  const bad = await fazhi('users', 'role', 'wang5', 'boss');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /角色应为/);
});
