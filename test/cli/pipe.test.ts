import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';

/**
 * Runs the CLI into a real pipe (`|`, as a shell makes it; Node's own spawn uses a socket pair,
 * which does not show the bug) whose reader sleeps before reading: by then the CLI has filled
 * the pipe, and before the fix it exited with the rest unwritten.
 */
async function throughSlowPipe(args: string[]) {
  const cli = [process.execPath, 'bin/fazhi.js', ...args].map((a) => `'${a}'`).join(' ');
  // pipefail: the exit code is the CLI's, not cat's.
  const sh = spawn('bash', ['-c', `set -o pipefail; ${cli} 2>/dev/null | (sleep 1.5; cat)`], { stdio: ['ignore', 'pipe', 'inherit'] });
  const chunks: Buffer[] = [];
  for await (const chunk of sh.stdout) chunks.push(chunk as Buffer);
  const code = await new Promise<number>((resolve) => (sh.exitCode !== null ? resolve(sh.exitCode) : sh.on('exit', (c) => resolve(c ?? -1))));
  return { out: Buffer.concat(chunks).toString('utf8'), code };
}

test('case-types --json survives a pipe whose reader is slow: all of it arrives and parses', async () => {
  const { out, code } = await throughSlowPipe(['case-types', '--json']);
  assert.equal(code, 0);
  assert.ok(Buffer.byteLength(out) > 64 * 1024, `more than one pipe buffer (${Buffer.byteLength(out)} bytes)`);
  const types = JSON.parse(out);
  assert.ok(types.some((t: any) => t.key === 'reconsideration'));
});

test('analyze --json survives a slow pipe: every line is a whole JSON object', async () => {
  const { out, code } = await throughSlowPipe(['analyze', 'test/fixtures/seeds', 'test/fixtures/seeds', '--json']);
  assert.equal(code, 0);
  assert.ok(Buffer.byteLength(out) > 64 * 1024, `${Buffer.byteLength(out)} bytes`);
  const lines = out.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 10);
});
