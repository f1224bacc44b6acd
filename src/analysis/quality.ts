import type { Structure, Heading } from './structure.ts';
import { KIND_LABELS, STANDARD_ORDER } from './structure.ts';
import type { Figure } from './figures.ts';
import type { Finding } from './consistency.ts';

/**
 * A score out of 100 from the criteria published studies of these reports use: complete
 * structure in order, on time, figures rather than slogans, specific problems with causes,
 * plans that answer the problems, consistent figures. Every deduction is given as a reason.
 */
export interface Quality {
  score: number;
  reasons: { criterion: string; points: number; max: number; reason: string }[];
}

const sectionText = (text: string, s: Heading | undefined) => (s ? text.slice(s.headingEnd, s.end) : '');

const COMMON = /^(习近平|近平法|平法治|法治思|治思想|法治政府|政府建设|治政府|府建设|进一步|一步加|推进法|进法治|法治建|治建设|建设工|设工作|全面依|面依法|依法治)/;

/** Phrases of three or more characters the problems and the plans share (the plan answers the problem). */
export function sharedPhrases(problems: string, plans: string): string[] {
  const found: string[] = [];
  for (const run of problems.match(/\p{Script=Han}{3,}/gu) ?? []) {
    for (let i = 0; i + 3 <= run.length; i++) {
      let len = 3;
      if (!plans.includes(run.slice(i, i + len)) || COMMON.test(run.slice(i, i + 3))) continue;
      while (i + len < run.length && len < 8 && plans.includes(run.slice(i, i + len + 1))) len++;
      const phrase = run.slice(i, i + len);
      if (!/^(的|一步|步)|的$/.test(phrase) && !found.some((f) => f.includes(phrase))) found.push(phrase);
      i += len - 1;
    }
  }
  return found;
}

export function scoreQuality(text: string, st: Structure, figures: Figure[], findings: Finding[], deadline?: string): Quality {
  const reasons: Quality['reasons'] = [];
  const add = (criterion: string, points: number, max: number, reason: string) => reasons.push({ criterion, points: Math.max(0, Math.round(points)), max, reason });

  // Structure (25): the four required parts; order (5).
  const present = 4 - st.missing.length;
  add('结构完整', (present / 4) * 25, 25, st.missing.length ? `缺少：${st.missing.map((k) => KIND_LABELS[k]).join('、')}` : '四个必备部分齐全');
  // A part that merges two standard parts (seed 002) sits where its first part belongs.
  const seen = st.sections.filter((x) => x.level === 1 && x.kind !== 'unknown').map((x) => x.kind).filter((k, i, a) => a.indexOf(k) === i);
  const expected = STANDARD_ORDER.filter((k) => seen.includes(k));
  const inOrder = seen.every((k, i) => k === expected[i]);
  add('顺序规范', inOrder ? 5 : 2, 5, inOrder ? '各部分顺序符合规定' : `顺序与规定不同：${seen.map((k) => KIND_LABELS[k]).join(' → ')}`);

  // Timeliness (10): published by 1 April of the following year (督察工作规定 art. 24).
  const due = deadline ?? (st.year ? `${st.year + 1}-04-01` : undefined);
  if (!st.date) add('按时报告', 5, 10, '未找到落款日期，无法判断是否按时');
  else if (due && st.date > due) add('按时报告', 0, 10, `落款日期${st.date}晚于${due}`);
  else add('按时报告', 10, 10, `落款日期${st.date}${due ? `，不晚于${due}` : ''}`);

  // Figures rather than slogans (20): exact figures per thousand characters of body text.
  const body = Math.max(1, st.bodyEnd);
  const exact = figures.filter((f) => !f.approx).length;
  const density = (exact / body) * 1000;
  add('数据支撑', Math.min(20, density * 5), 20, `每千字${density.toFixed(1)}个确数（共${figures.length}个数据，其中约数${figures.length - exact}个）；每千字4个以上得满分`);

  // Problems: specific, with causes (20).
  const problems = st.sections.find((s) => s.level === 1 && s.kinds.includes('shortcomings'));
  const ptext = sectionText(text, problems);
  if (!problems) add('问题与原因', 0, 20, '未报告存在的不足');
  else {
    const causes = /原因|由于|主要是|导致|造成|源于|受.{1,8}影响/.test(ptext);
    const items = Math.max(1, (ptext.match(/[一二三四五六七八九十]是|\([一二三四五六七八九十]\)|\d[.、]/g) ?? []).length);
    const specific = ptext.length / items > 60;
    const pts = 8 + (causes ? 7 : 0) + (specific ? 5 : 0);
    add('问题与原因', pts, 20, `${causes ? '分析了原因' : '只列问题，未分析原因'}；${specific ? '问题表述较具体' : '问题表述笼统'}（${ptext.length}字，${items}条）`);
  }

  // Plans that answer the problems (10).
  const plans = st.sections.find((s) => s.level === 1 && s.kinds.includes('next_year'));
  if (!plans) add('安排回应问题', 0, 10, '未报告下一年度安排');
  else if (!problems) add('安排回应问题', 4, 10, '有下一年度安排，但没有可对应的问题');
  else {
    const shared = sharedPhrases(ptext, sectionText(text, plans));
    add('安排回应问题', Math.min(10, 4 + shared.length), 10, shared.length ? `安排与问题共同涉及：${shared.slice(0, 8).join('、')}` : '下一年度安排与所列问题缺少对应');
  }

  // Consistent figures (10).
  const weight = { high: 5, medium: 3, low: 1 };
  const lost = findings.reduce((n, f) => n + weight[f.confidence], 0);
  add('数据一致', 10 - lost, 10, findings.length ? `发现${findings.length}处数据矛盾` : '未发现数据矛盾');

  return { score: reasons.reduce((n, r) => n + r.points, 0), reasons };
}
