import fs from 'node:fs';
import type { Kernel } from '../kernel/kernel.ts';
import { actorById } from '../kernel/auth/sessions.ts';
import { AppError } from '../kernel/errors.ts';
import { findOrg, topOrg } from '../kernel/orgs.ts';
import { csvFileChunks, importRowChunks } from '../kernel/cases/import-stream.ts';
import { progress } from './progress.ts';

/**
 * `fazhi import FILE.csv --type hotline --user USERNAME [--org 单位]`: a CSV of any size (a
 * city's year of 12345 orders) read in chunks, with a progress bar; all rows or none.
 */
export async function importCommand(k: Kernel, opts: { file?: string; type?: string; user?: string; org?: string }) {
  if (!opts.file || !fs.existsSync(opts.file)) throw new AppError(400, 'bad_request', '请指定要导入的 CSV 文件（UTF-8，首行为列名，可先在控制台下载导入模板）');
  if (!opts.type || !k.types.all().some((t) => t.key === opts.type)) throw new AppError(400, 'bad_request', `请用 --type 指定案件类型：${k.types.all().map((t) => t.key).join('、')}`);
  if (!opts.user) throw new AppError(400, 'bad_request', '请用 --user 指定导入人的用户名（记入审计日志）');
  const user = await k.db.selectFrom('users').select('id').where('username', '=', opts.user).executeTakeFirst();
  const actor = user && (await actorById(k.db, user.id));
  if (!actor) throw new AppError(404, 'not_found', `用户「${opts.user}」不存在或已停用`);
  const org = opts.org ? await findOrg(k.db, opts.org) : await topOrg(k.db);
  if (!org) throw new AppError(400, 'bad_request', '请用 --org 指定受理单位');
  const bar = progress('导入');
  const started = Date.now();
  const r = await importRowChunks(k, actor, { type: opts.type, orgId: org.id, chunks: csvFileChunks(opts.file, 5000, (read, total) => bar(read, total)) });
  return { ...r, seconds: (Date.now() - started) / 1000 };
}
