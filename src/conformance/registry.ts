import fs from 'node:fs';
import path from 'node:path';
import { RULES, type ConformanceRule } from './rules.ts';
import { OBLIGATIONS, type Obligation } from '../kernel/obligations.ts';
import { Sandbox, type SimResult } from './simulate.ts';
import { reportDeadline, publishDeadline, govinfoDeadline, enforcementDataDeadline, proposalsReportDeadline, lineStatus } from '../reports/duty.ts';
import { filingStatus } from '../reports/annual.ts';

/** Where the scenario files live (relative to the project root). */
export const SCENARIO_DIR = 'test/scenarios';

export interface ScenarioFile {
  file: string;
  title: string;
  rules: string[];
  body: any;
}

export function loadScenarios(root = process.cwd()): ScenarioFile[] {
  const dir = path.join(root, SCENARIO_DIR);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const body = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
      return { file: `${SCENARIO_DIR}/${f}`, title: body.title ?? f, rules: body.rules ?? [], body };
    });
}

export interface RuleCoverage extends ConformanceRule {
  scenarios: string[];
}

export function coverage(scenarios = loadScenarios()): RuleCoverage[] {
  return RULES.map((r) => ({ ...r, scenarios: scenarios.filter((s) => s.rules.includes(r.id)).map((s) => s.file) }));
}

/** The expected values a computed date or figure does not have, as problems. */
const mismatches = (expect: Record<string, unknown>, got: Record<string, unknown>) =>
  Object.entries(expect)
    .filter(([k, v]) => got[k] !== v)
    .map(([k, v]) => `${k} 应为 ${v}，实际为 ${got[k]}`);

/** A scenario that checks a date rule of the reports rather than replaying a case: what was computed, and how it differs from what the law requires. */
export interface DateRuleCheck {
  kind: string;
  computed: Record<string, unknown>;
  problems: string[];
}

/**
 * Checks a report scenario (reporting dates, recipient lines, filings, who carries a duty) for an
 * org kind; null for a case scenario, which is replayed instead.
 */
export function checkDateRule(b: any): DateRuleCheck | null {
  const check = (kind: string, expect: Record<string, unknown>, computed: Record<string, unknown>) => ({ kind, computed, problems: mismatches(expect, computed) });
  if (b.reportDeadline) {
    const { orgKind, year, expect } = b.reportDeadline;
    return check('reportDeadline', expect, { due: reportDeadline(orgKind, year), publishBy: publishDeadline(year) });
  }
  if (b.govinfoDeadline || b.enforcementDataDeadline) {
    // 政府信息公开条例 art. 49 / 国办发〔2018〕118号: null for an org with no duty under it.
    const kind = b.govinfoDeadline ? 'govinfoDeadline' : 'enforcementDataDeadline';
    const { orgKind, year, expect } = b[kind];
    const d = (b.govinfoDeadline ? govinfoDeadline : enforcementDataDeadline)(orgKind, year);
    return check(kind, expect, { submitBy: d?.submitBy ?? null, publishBy: d?.publishBy ?? null });
  }
  if (b.obligationDefault) {
    // Who carries a yearly duty when the district has set nothing for the org: its kind decides.
    const { obligation, orgKind, expect } = b.obligationDefault;
    const required = (OBLIGATIONS[obligation as Obligation]?.defaultKinds as readonly string[] | undefined)?.includes(orgKind) ?? null;
    return check('obligationDefault', { required: expect }, { required });
  }
  if (b.proposalsReportDeadline) {
    // The yearly 建议提案 办理情况 (a local rule, same year as the 交办): null for an org with no duty.
    const { orgKind, year, expect } = b.proposalsReportDeadline;
    return check('proposalsReportDeadline', expect, { submitBy: proposalsReportDeadline(orgKind, year)?.submitBy ?? null });
  }
  if (b.annualFiling) {
    // A computed yearly publication's 报送 and 公开 against its deadline: {submitStatus, publishStatus}, null where not required.
    const { report, orgKind, year, today, submittedOn, publishedOn, expect } = b.annualFiling;
    return check('annualFiling', expect, filingStatus(report, orgKind, year, { submittedOn: submittedOn ?? null, publishedOn: publishedOn ?? null }, today));
  }
  if (b.reportLines) {
    // Each recipient line of a report: {line: status} for the lines the org must report to; a line
    // the org does not have, or one expected and missing, is a problem too.
    const { orgKind, year, today, sent, expect } = b.reportLines;
    const computed: Record<string, unknown> = Object.fromEntries(lineStatus(orgKind, year, sent ?? [], today).map((l) => [l.key, l.status]));
    const keys = new Set([...Object.keys(expect), ...Object.keys(computed)]);
    const problems = [...keys].filter((k) => computed[k] !== expect[k]).map((k) => `${k} 应为 ${expect[k] ?? '（无此报送对象）'}，实际为 ${computed[k] ?? '（无此报送对象）'}`);
    return { kind: 'reportLines', computed, problems };
  }
  return null;
}

/** Runs one scenario file: a report scenario is checked, a case scenario replayed on the sandbox. Returns the problems found (empty when the law is met). */
export async function runScenario(sb: Sandbox, s: ScenarioFile): Promise<{ problems: string[]; result?: SimResult }> {
  const b = s.body;
  const dated = checkDateRule(b);
  if (dated) return { problems: dated.problems };
  const result = await sb.run(b);
  return { result, problems: result.steps.flatMap((st) => st.failedExpectations.map((p) => `${st.on} ${st.action}：${p}`)) };
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** docs/conformance.md's generated part, from the registry and the scenario files. */
export function conformanceMarkdown(cov = coverage()): string {
  const tested = cov.filter((r) => r.scenarios.length > 0).length;
  const lines = [
    '<!-- generated by `npx fazhi conformance --markdown`; test/conformance/conformance.test.ts fails when it is stale -->',
    `## 规则登记表（${cov.length}条规则，${tested}条有情景测试）`,
    '',
    '| 规则 | 法律 | 条款 | 规则内容 | 编码位置 | 情景测试 | 审查表行 |',
    '|---|---|---|---|---|---|---|',
    ...cov.map((r) => `| ${r.id} | ${cell(r.statute)} | ${cell(r.article)} | ${cell(r.rule)} | \`${cell(r.encodedIn)}\` | ${r.scenarios.map((f) => `\`${path.basename(f)}\``).join('<br>') || '**无**'} | ${(r.review ?? []).join(', ')} |`),
    '',
  ];
  return lines.join('\n');
}
