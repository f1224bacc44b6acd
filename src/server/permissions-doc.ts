import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRegistry } from '../institutions/index.ts';
import type { CaseTypeRegistry } from '../kernel/cases/registry.ts';
import { describeMatrix } from './route-matrix.ts';

/** docs/permissions.md, written from the matrix in route-matrix.ts (`npm run docs:permissions`); a test fails when it is stale. */
export function permissionsMarkdown(types: CaseTypeRegistry): string {
  const m = describeMatrix(types);
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    '# 权限矩阵',
    '',
    '<!-- 由 src/server/route-matrix.ts 生成：npm run docs:permissions。请勿手工修改。 -->',
    '',
    '每个接口所需的权限。「允许」是角色本身带有的默认权限；「按职责」是须由安全管理员为此人设定职责',
    '（某单位、某类案件或某项工作、哪些环节）后才有，且只在职责所指的单位（及其下级，如设定）内有效；',
    '「否」是该角色无论如何都没有。接口先按此表把关，再由业务层按记录所在单位复核。',
    '',
    '## 角色',
    '',
    '| 角色 | 说明 | 默认权限 |',
    '|---|---|---|',
    ...m.bundles.map((b) => `| ${b.label}（${b.role}） | ${b.describe} | ${b.grants.map((g) => g.label).join('；')} |`),
    '',
    '## 可设定为职责的权限',
    '',
    '查看业务数据、用户管理、安全管理和审计只随角色而来，不能作为职责授予（三员分立）。',
    '',
    '| 权限 | 说明 |',
    '|---|---|',
    ...m.capabilities.map((c) => `| \`${c.key}\` | ${c.label} |`),
    '',
    '案件类型的职责写作 `case:类型`，环节为下表所列（`intake` 登记，`import` 导入，`*` 全部）。',
    '',
    '| 职责 | 案件类型 | 环节 |',
    '|---|---|---|',
    ...m.caseTypes.map((t) => `| \`${t.subject}\` | ${t.name} | ${t.actions.map((a) => `${a.key}（${a.label}）`).join('、')} |`),
    '',
    '## 接口',
    '',
    `| 方法 | 路径 | 所需权限 | ${m.roles.map((r) => r.label).join(' | ')} |`,
    `|---|---|---|${m.roles.map(() => '---').join('|')}|`,
    ...m.routes.map((r) => `| ${r.method} | \`${r.path}\` | ${cell(r.label)} | ${m.roles.map((p) => r.cells[p.key]).join(' | ')} |`),
    '',
  ];
  return lines.join('\n');
}

export const PERMISSIONS_DOC = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../docs/permissions.md');

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(PERMISSIONS_DOC, permissionsMarkdown(createRegistry()));
  console.log(`已生成 ${path.relative(process.cwd(), PERMISSIONS_DOC)}`);
}
