import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { z } from 'zod';
import { connect, migrate } from '../../src/kernel/db/connect.ts';
import { DataDirLockedError, LOCK_FILE } from '../../src/kernel/db/datadir.ts';
import { DailyLogFile } from '../../src/server/logging.ts';
import { summaryCsv } from '../../src/analysis/files.ts';
import { assertZipWithinLimits } from '../../src/kernel/zip-guard.ts';
import { describeIssues, findUnstorableString, likeContains, recordId } from '../../src/kernel/validation.ts';
import { zipBomb } from '../fixtures/zip-bomb.ts';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-hard-'));

test('a second process cannot open the same PGlite directory; a lock whose process is gone is taken over', async () => {
  const dir = path.join(tmp(), 'data');
  const first = await connect({ dataDir: dir });
  await migrate(first.db);
  try {
    await assert.rejects(connect({ dataDir: dir }), (e: unknown) => {
      assert.ok(e instanceof DataDirLockedError);
      assert.match(e.message, new RegExp(`正被另一个 fazhi 进程使用（进程号 ${process.pid}，启动于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}`));
      return true;
    });
  } finally {
    await first.close();
  }
  assert.equal(fs.existsSync(path.join(dir, LOCK_FILE)), false, 'closing releases the lock');

  // A process that has exited leaves a stale lock behind.
  const child = spawn(process.execPath, ['-e', '0']);
  const deadPid = child.pid!;
  await new Promise((r) => child.on('exit', r));
  fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid, startedAt: new Date().toISOString(), host: os.hostname(), command: 'start' }));
  const again = await connect({ dataDir: dir });
  await again.close();

  const worldReadable: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if ((fs.statSync(p).mode & 0o077) !== 0) worldReadable.push(p);
      if (e.isDirectory()) walk(p);
    }
  };
  assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
  walk(dir);
  assert.deepEqual(worldReadable, [], 'no file or folder of the database is open to other users');
});

test('daily log files rotate by China date and are kept 180 days', () => {
  const dir = tmp();
  let now = Date.parse('2025-07-01T15:59:00Z'); // 23:59 in Beijing
  const log = new DailyLogFile(dir, 180, () => now, true);
  fs.writeFileSync(path.join(dir, 'fazhi-2025-01-01.log'), 'old\n');
  fs.writeFileSync(path.join(dir, 'fazhi-2025-01-05.log'), 'kept\n');
  log.write('{"a":1}\n');
  log.flushSync();
  now += 2 * 60_000; // 00:01 on 2 July in Beijing
  log.write('{"a":2}\n');
  log.flushSync();
  assert.deepEqual(fs.readdirSync(dir).sort(), ['fazhi-2025-01-05.log', 'fazhi-2025-07-01.log', 'fazhi-2025-07-02.log']);
  assert.equal(fs.readFileSync(path.join(dir, 'fazhi-2025-07-02.log'), 'utf8'), '{"a":2}\n');
  assert.equal(fs.statSync(path.join(dir, 'fazhi-2025-07-02.log')).mode & 0o077, 0);
});

test('the zip guard reads sizes from the central directory and refuses a bomb', () => {
  const bomb = zipBomb(['a.xml', 'b.xml', 'c.xml'], 1024 * 1024);
  assert.deepEqual(assertZipWithinLimits(bomb, '文件', { maxEntries: 10, maxUncompressedBytes: 4 * 1024 * 1024 }), { entries: 3, uncompressed: 3 * 1024 * 1024 });
  assert.throws(() => assertZipWithinLimits(bomb, '文件', { maxEntries: 10, maxUncompressedBytes: 2 * 1024 * 1024 }), /文件解压后超过2MB的上限/);
  assert.throws(() => assertZipWithinLimits(bomb, '文件', { maxEntries: 2, maxUncompressedBytes: 1e9 }), /包含3个压缩条目，超过2个的上限/);
  assert.throws(() => assertZipWithinLimits(bomb.subarray(0, bomb.length - 30), '文件'), /已损坏/);
});

test('CLI CSV: formula-looking titles are neutralised', () => {
  const csv = summaryCsv([{ file: 'a.txt', error: '=HYPERLINK("http://evil.example","点我")' }, { file: '@x.txt', error: '-1+1' }]);
  const lines = csv.split('\r\n');
  assert.match(lines[1], /^a\.txt,.*,"'=HYPERLINK\(""http:\/\/evil\.example"",""点我""\)"$/);
  assert.match(lines[2], /^'@x\.txt,.*,'-1\+1$/);
});

test('input helpers: unstorable strings found with their path, LIKE wildcards literal, int4 ids, Chinese messages', () => {
  assert.deepEqual(findUnstorableString({ a: [{ b: 'ok' }, { c: 'x\u0000' }] }), ['a', 1, 'c']);
  assert.deepEqual(findUnstorableString({ a: 'x\ud800' }), ['a']);
  assert.equal(findUnstorableString({ a: '😀 法' }), null, 'a paired surrogate is fine');
  assert.equal(likeContains('50%_a\\b'), '%50\\%\\_a\\\\b%');
  const s = z.object({ orgId: recordId('办理单位'), version: z.number().int().min(1), items: z.array(z.object({ name: z.string().max(3).meta({ title: '名称' }) })) });
  const r = s.safeParse({ orgId: 2147483648, version: 'x', items: [{ name: 'abcd' }] }, { reportInput: true });
  assert.ok(!r.success);
  assert.deepEqual(describeIssues(s, r.error.issues), ['「办理单位」不能大于2147483647', '「版本号」应为数字', '「第1项名称」不能超过3个字']);
  const root = z.object({ a: z.string() });
  assert.deepEqual(describeIssues(root, root.safeParse(null, { reportInput: true }).error!.issues, '提交的内容'), ['「提交的内容」不能为空']);
});
