import fs from 'node:fs';
import { AppError } from '../kernel/errors.ts';
import { checkDateRule, coverage, conformanceMarkdown, type DateRuleCheck } from './registry.ts';
import { simulate, type SimResult } from './simulate.ts';
import { UNIT_WORDS } from '../kernel/cases/define.ts';

/** `npx fazhi conformance`: the rules, where they are encoded, and which scenario proves each. */
export function conformanceCommand(json: boolean | undefined, markdown: boolean): number {
  const cov = coverage();
  if (json) console.log(JSON.stringify(cov, null, 2));
  else if (markdown) process.stdout.write(conformanceMarkdown(cov));
  else {
    for (const r of cov) {
      console.log(`${r.scenarios.length ? '✓' : '✗'} ${r.id}  ${r.statute}${r.article}`);
      console.log(`    ${r.rule}`);
      console.log(`    编码：${r.encodedIn}`);
      console.log(`    情景：${r.scenarios.join('、') || '无'}`);
    }
    const tested = cov.filter((r) => r.scenarios.length).length;
    console.log(`\n共${cov.length}条规则，${tested}条有情景测试。`);
  }
  return cov.every((r) => r.scenarios.length) ? 0 : 1;
}

export function printSimulation(r: SimResult) {
  console.log(`${r.typeName}（${r.type}）`);
  for (const s of r.steps) {
    const head = s.ok ? `${s.stateLabel}${s.outcome ? `，结果：${s.outcomeLabel ?? s.outcome}` : ''}` : `拒绝：${s.refusal}`;
    console.log(`\n${s.on}  ${s.action}  →  ${head}`);
    for (const a of s.automatic) console.log(`  （依法自动：${a}）`);
    for (const c of s.clocks) {
      if (c.status === 'pending') continue;
      const status = { running: '计时中', paused: '暂停', stopped: '已停止' }[c.status] ?? c.status;
      console.log(
        `  ${c.label}：${c.length}${UNIT_WORDS[c.unit as keyof typeof UNIT_WORDS]}，起算${c.startedAt ?? c.startedOn ?? '—'}，届满${c.dueAt ?? c.dueOn ?? '（暂停中，未定）'}，暂停${c.pausedDays}日，延长${c.extended}，${status}${c.stoppedOn ? `于${c.stoppedAt ?? c.stoppedOn}` : ''}${c.late ? '（逾期）' : ''}`,
      );
    }
    for (const p of s.failedExpectations) console.log(`  ✗ ${p}`);
  }
}

/** A report scenario: the dates or statuses the platform computes, then what differs from the scenario's expectation. */
function printDateRule(d: DateRuleCheck) {
  console.log(`报告期限情景（${d.kind}）`);
  for (const [k, v] of Object.entries(d.computed)) console.log(`  ${k}：${v === null || v === undefined ? '不适用（无此义务）' : typeof v === 'object' ? JSON.stringify(v) : v}`);
  for (const p of d.problems) console.log(`  ✗ ${p}`);
  if (!d.problems.length) console.log('  ✓ 与情景预期一致');
}

/** `npx fazhi simulate FILE`: replay a scenario on a throw-away database. */
export async function simulateCommand(file: string | undefined, json: boolean | undefined): Promise<number> {
  if (!file) throw new AppError(400, 'bad_request', '请指定情景文件：npx fazhi simulate 情景.json');
  let body: unknown;
  try {
    body = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new AppError(400, 'bad_request', `无法读取情景文件「${file}」：${(e as Error).message}`);
  }
  const dated = checkDateRule(body);
  if (dated) {
    if (json) console.log(JSON.stringify({ ok: dated.problems.length === 0, ...dated }, null, 2));
    else printDateRule(dated);
    return dated.problems.length ? 1 : 0;
  }
  const r = await simulate(body);
  if (json) console.log(JSON.stringify(r, null, 2));
  else printSimulation(r);
  return r.ok ? 0 : 1;
}
