import type { Figure } from './figures.ts';
import { checkLists } from './lists.ts';

/**
 * Relations a report states between its own figures, read the way the sentence states them and
 * checked: rates against their numerator and denominator, parts against their whole (其中, 在…中,
 * 分别为, 包括, 合计), year-on-year changes, reductions (由X压缩至Y), and counted lists.
 * A finding is high-confidence only when the numbers the sentence names fully determine it;
 * when the reading needs a guess (which of two totals is the base) it is medium; when a common
 * explanation exists (cases carried over) it is low.
 */
export type Confidence = 'high' | 'medium' | 'low';

export interface Finding {
  kind:
    | 'rate_mismatch'
    | 'part_exceeds_whole'
    | 'parts_exceed_whole'
    | 'sum_mismatch'
    | 'concluded_exceeds_received'
    | 'yoy_mismatch'
    | 'reduction_mismatch'
    | 'list_count_mismatch';
  text: string;
  stated: number;
  computed: number;
  confidence: Confidence;
  message: string;
  start: number;
  end: number;
}

export interface Relation {
  kind: 'rate' | 'sum' | 'yoy' | 'reduction' | 'list';
  text: string;
  stated: number;
  computed: number;
  parts: number[];
  note?: string;
  start: number;
  end: number;
}

/** A year-on-year change stated without last year's figure: checked against last year's report when there is one. */
export interface YoyClaim {
  /** What the figure counts (as Figure.counts), to find the same figure in last year's report. */
  counts: string;
  unit: string;
  value: number;
  /** The stated change in per cent, signed (negative for 下降). */
  change: number;
  decimals: number;
  text: string;
  start: number;
  end: number;
}

const COUNT_UNITS = new Set(['件', '起', '人', '人次', '次', '场', '个', '项', '家', '份', '张', '名', '户', '条', '批', '所', '处', '篇', '期', '台', '辆', '套', '家次', '户次']);
const isCount = (f: Figure) => COUNT_UNITS.has(f.unit) && f.max === undefined && !f.approx;
const PEOPLE = new Set(['人', '名']);
const sameUnit = (a: Figure, b: Figure) => a.unit === b.unit || (PEOPLE.has(a.unit) && PEOPLE.has(b.unit));
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
export const decimalsOf = (s: string) => /\.(\d+)/.exec(s)?.[1].length ?? 0;
const fmt = (x: number) => String(round(x, 1));

/** Does the stated percentage equal x at the precision it is written with (rounded or truncated)? */
export function samePercent(stated: number, decimals: number, x: number) {
  return Math.abs(x - stated) < 10 ** -decimals - 1e-9;
}
const rateMatches = (p: Figure, a: number, b: number) => b > 0 && samePercent(p.value, decimalsOf(p.text), (a / b) * 100);

interface Span {
  start: number;
  end: number;
  figs: Figure[];
}

const SENTENCE_STOP = /[。！？!?\n]/g;
const SEGMENT_STOP = /[；;]/g;

/** Spans split at the given stops (a global RegExp), each with the figures inside it (figures sorted by start). */
function spans(text: string, figures: Figure[], stop: RegExp, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  let i = 0;
  let s = from;
  const push = (e: number) => {
    if (e > s) {
      const sp: Span = { start: s, end: e, figs: [] };
      while (i < figures.length && figures[i].start < e) {
        if (figures[i].start >= s) sp.figs.push(figures[i]);
        i++;
      }
      out.push(sp);
    }
    s = e;
  };
  // One global search rather than a test per character: this runs over every report's whole text.
  const re = stop;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) push(m.index + 1);
  push(to);
  return out;
}

const PUNCT = /[，,；;：:、。(（)）！？!?\n]/;
/** The clause a position sits in, up to that position. */
function clauseBefore(text: string, pos: number, floor: number) {
  let k = pos;
  while (k > floor && !PUNCT.test(text[k - 1])) k--;
  return text.slice(k, pos);
}
/** What a count counts: its clause before it plus the words right after it. */
const phraseOf = (text: string, f: Figure, floor: number) => clauseBefore(text, f.start, floor) + (/^[\p{Script=Han}]{0,6}/u.exec(text.slice(f.end))?.[0] ?? '') + f.counts;

/** Parenthesis depth at each position is needed to keep nested (其中…) out of the direct parts. */
function depthAt(text: string, from: number, pos: number) {
  let d = 0;
  for (let k = from; k < pos; k++) {
    if (text[k] === '(' || text[k] === '（') d++;
    else if ((text[k] === ')' || text[k] === '）') && d > 0) d--;
  }
  return d;
}

// Stems of named rates and the words counts use for their numerator.
const STEM_SYNONYMS: [RegExp, string[]][] = [
  [/结案|审结/, ['审结', '结案', '办结']],
  [/办结/, ['办结', '办理完毕', '处理完毕', '结案']],
  [/合格/, ['合格', '通过']],
  [/通过/, ['通过', '合格']],
  [/出庭/, ['出庭']],
  [/成功/, ['成功']],
  [/满意/, ['满意']],
  [/答复/, ['答复']],
  [/采纳/, ['采纳']],
  [/整改/, ['整改']],
  [/纠错/, ['纠错']],
  [/化解/, ['化解']],
  [/发现/, ['发现']],
  [/受理/, ['受理']],
  [/完成/, ['完成', '办结', '处理完毕', '办理完毕']],
  [/处理/, ['处理']],
  [/公开/, ['公开']],
  [/胜诉/, ['胜诉']],
  [/败诉/, ['败诉']],
];
/** 按期审结率 is not 审结率: a qualified rate needs a count with the same qualifier. */
const QUALIFIER = /^(按期|按时|及时|限时|当场|当日|一次性|网上|线上|主动|首次|一审|二审|直接)/;
function stemsOf(name: string): string[] {
  const q = QUALIFIER.exec(name)?.[0] ?? '';
  const core = name.slice(q.length);
  const out = [name];
  for (const [re, words] of STEM_SYNONYMS) if (re.test(core)) out.push(...words.map((w) => q + w));
  return out;
}

const CHANGE = /同比|环比|较上年|比上年|较去年|比去年|较上一年|较同期|上年同期|去年同期|增长|下降|提高|降低|上升|增加|提升|压缩|缩短|精简|压减|缩减|减少|幅度|提速|回落|下滑/;
const YOY_MARK = /同比|较上年|比上年|较去年|比去年|较上一年|比上一年|较同期|上年同期|去年同期|上年为|去年为|上年的|去年的/;
const UP = /增长|上升|增加|提高|提升|增至|增长到|上涨|扩大|增幅|涨幅/;
const DOWN = /下降|减少|降低|回落|下滑|降至|缩减|压减|减至/;
const VERBISH = /适用|涉及|通过|作出|当场|办理|采用|实行|经|被|已|其他/;

interface Ctx {
  text: string;
  findings: Finding[];
  relations: Relation[];
  claims: YoyClaim[];
}
const spanOf = (text: string, start: number, end: number) => ({ start, end, text: text.slice(start, end) });

/** A whole and its direct parts, checked: a part larger than the whole, parts that add up to more (or, for 分别为, to other than the whole). */
function checkParts(ctx: Ctx, whole: Figure, parts: Figure[], how: 'qizhong' | 'zai' | 'fenbie' | 'baokuo', sentence: { start: number; end: number }, sep: string, etc: boolean) {
  const span = spanOf(ctx.text, Math.min(whole.start, sentence.start), sentence.end);
  for (const p of parts) {
    if (p.value > whole.value) {
      const named = how === 'qizhong' ? '“其中”部分' : how === 'zai' ? '“在…中”的部分' : '所列部分';
      ctx.findings.push({ kind: 'part_exceeds_whole', ...span, stated: p.value, computed: whole.value, confidence: 'high', message: `${named}${p.text}大于总数${whole.text}` });
      return;
    }
  }
  if (parts.length < 2) return;
  const sum = parts.reduce((n, p) => n + p.value, 0);
  const listed = `${parts.map((p) => p.value).join('+')}=${sum}${whole.unit}`;
  if (how === 'fenbie' || (how === 'baokuo' && !etc)) {
    if (sum === whole.value) ctx.relations.push({ kind: 'sum', ...span, stated: whole.value, computed: sum, parts: parts.map((p) => p.value) });
    else if (how === 'fenbie' || sum > whole.value)
      ctx.findings.push({ kind: 'sum_mismatch', ...span, stated: whole.value, computed: sum, confidence: how === 'fenbie' ? 'high' : 'medium', message: `总数${whole.text}与所列各项之和不符（${listed}）` });
    return;
  }
  if (sum === whole.value) {
    ctx.relations.push({ kind: 'sum', ...span, stated: whole.value, computed: sum, parts: parts.map((p) => p.value) });
    return;
  }
  // Parts after 其中 can overlap (适用简易程序…，涉及企业…): only a partition may not exceed its whole.
  const phrases = parts.map((p) => phraseOf(ctx.text, p, sentence.start));
  const partition = parts.length >= 3 || sep !== '，' || phrases.every((ph) => !VERBISH.test(ph));
  if (sum > whole.value && partition && !/交叉|重复|同时/.test(span.text)) {
    ctx.findings.push({ kind: 'parts_exceed_whole', ...span, stated: sum, computed: whole.value, confidence: 'medium', message: `各部分合计超过总数${whole.text}（${listed}）` });
  }
}

/** Counts after `from` that are the direct parts of `whole`: same unit, not in brackets, up to a nested 其中. */
function directParts(text: string, whole: Figure, figs: Figure[], from: number, end: number) {
  const parts: Figure[] = [];
  let sep = '';
  for (const f of figs) {
    if (f.start < from || f.start >= end || !isCount(f) || !sameUnit(f, whole)) continue;
    if (depthAt(text, from, f.start) > 0) continue;
    // A bracketed aside (（其中涉企43件）) is nested, not the end of the list.
    const gap = text.slice(parts.length ? parts[parts.length - 1].end : from, f.start).replace(/（[^）]*）|\([^)]*\)/g, '');
    // After 其中 a rate closes the list: 其中持证410人，持证率96.2%，新增38人.
    if (parts.length && /其中|中[，,:：]|%|率/.test(gap)) break;
    if (parts.length === 1) sep = /；|;/.test(gap) ? '；' : /、/.test(gap) ? '、' : '，';
    else if (parts.length > 1 && sep !== '；' && /[；;]/.test(gap)) break;
    parts.push(f);
  }
  return { parts, sep };
}

export function checkConsistency(text: string, figures: Figure[]): { findings: Finding[]; relations: Relation[]; claims: YoyClaim[] } {
  const ctx: Ctx = { text, findings: [], relations: [], claims: [] };
  const sentences = spans(text, figures, SENTENCE_STOP);
  let prevCounts: Figure[] = [];
  for (const s of sentences) {
    const counts = s.figs.filter(isCount);
    const body = text.slice(s.start, s.end);
    if (s.figs.length) {
      partWhole(ctx, s, counts, prevCounts);
      sums(ctx, s, counts);
      changes(ctx, s, counts);
      const segs = /[；;]/.test(body) ? spans(text, s.figs, SEGMENT_STOP, s.start, s.end) : [s];
      for (const seg of segs) segment(ctx, seg, prevCounts, s);
    }
    // Only a sentence with a list marker can state a counted list.
    if (/[：:]|即|分别|包括|是|\(一\)|第一/.test(body) && /[一二三四五六七八九十\d]/.test(body)) checkLists(text, s.start, s.end, ctx.findings, ctx.relations);
    if (counts.length) prevCounts = counts;
    else if (body.trim()) prevCounts = [];
  }
  return { findings: ctx.findings, relations: ctx.relations, claims: ctx.claims };
}

/**
 * The whole a sentence opening with 其中 refers to. When the sentence before states several
 * totals of one kind (收到200件，受理180件。其中…), the parts may belong to any: take the largest,
 * so that only what no reading allows is flagged.
 */
function wholeBefore(prevCounts: Figure[]) {
  const last = prevCounts[prevCounts.length - 1];
  return last && prevCounts.filter((f) => sameUnit(f, last)).reduce((a, b) => (b.value > a.value ? b : a), last);
}

/** 其中 (also opening the sentence after its whole), 在…中, 分别为, 包括…(等). */
function partWhole(ctx: Ctx, s: Span, counts: Figure[], prevCounts: Figure[]) {
  const { text } = ctx;
  const body = text.slice(s.start, s.end);
  const qi = body.search(/其中/);
  if (qi >= 0 && depthAt(text, s.start, s.start + qi) === 0) {
    const at = s.start + qi;
    const whole = [...counts].reverse().find((f) => f.end <= at) ?? (/^\s*其中/.test(body) ? wholeBefore(prevCounts) : undefined);
    if (whole) {
      const { parts, sep } = directParts(text, whole, counts, at, s.end);
      checkParts(ctx, whole, parts, 'qizhong', s, sep, false);
    }
  }
  const zai = /在([^，。；,;]{0,30}?)中[，,:：]?/.exec(body);
  if (zai) {
    const inside = { start: s.start + zai.index, end: s.start + zai.index + zai[0].length };
    const whole = [...counts].reverse().find((f) => f.start >= inside.start && f.end <= inside.end);
    if (whole) {
      const { parts, sep } = directParts(text, whole, counts, inside.end, s.end);
      checkParts(ctx, whole, parts, 'zai', s, sep, false);
    }
  }
  for (const m of body.matchAll(/分别为|分别是|分别有|包括|涵盖/g)) {
    const at = s.start + m.index;
    const whole = [...counts].reverse().find((f) => f.end <= at);
    if (!whole || /率/.test(text.slice(whole.end, at))) continue;
    const { parts, sep } = directParts(text, whole, counts, at, s.end);
    const last = parts[parts.length - 1];
    const etc = Boolean(last && /^[^，。；]{0,12}等/.test(text.slice(last.end, s.end)));
    checkParts(ctx, whole, parts, m[0].startsWith('分别') ? 'fenbie' : 'baokuo', s, sep, etc);
  }
}

/** Totals stated after their parts: A 3件、B 5件，合计8件. */
function sums(ctx: Ctx, s: Span, counts: Figure[]) {
  const { text } = ctx;
  for (const total of counts) {
    const lead = text.slice(Math.max(s.start, total.start - 10), total.start);
    const m = /(合计|共计|总计|总共|以上共|(?<=[，,])共)[\p{Script=Han}]{0,6}$/u.exec(lead);
    if (!m) continue;
    const before = counts.filter((f) => f.end <= total.start - m[0].length && sameUnit(f, total));
    // The list runs back from the total while only list separators lie between its items.
    const run: Figure[] = [];
    for (let i = before.length - 1; i >= 0; i--) {
      const gap = text.slice(before[i].end, run.length ? run[0].start : total.start - m[0].length);
      if (/其中|。/.test(gap) || depthAt(text, before[i].end, total.start) !== 0) break;
      run.unshift(before[i]);
    }
    if (run.length < 2) continue;
    const span = spanOf(text, run[0].start, total.end);
    // A total of a tail of the list (the list started later than we thought) is consistent.
    for (let k = 0; k < run.length - 1; k++) {
      const sum = run.slice(k).reduce((n, f) => n + f.value, 0);
      if (sum === total.value) {
        ctx.relations.push({ kind: 'sum', ...span, stated: total.value, computed: sum, parts: run.slice(k).map((f) => f.value) });
        return;
      }
    }
    const sum = run.reduce((n, f) => n + f.value, 0);
    const whole = run.length === before.length && m[1] !== '共';
    ctx.findings.push({ kind: 'sum_mismatch', ...span, stated: total.value, computed: sum, confidence: whole ? 'high' : 'medium', message: `${m[1]}${total.text}与所列各项之和${sum}${total.unit}（${run.map((f) => f.value).join('+')}）不符` });
  }
}

/** Year-on-year changes and reductions (由X压缩至Y，压缩Z%). */
function changes(ctx: Ctx, s: Span, counts: Figure[]) {
  const { text } = ctx;
  const body = text.slice(s.start, s.end);
  const percents = s.figs.filter((f) => f.unit === '%' && !f.approx && f.max === undefined);
  const yoy = YOY_MARK.test(body);

  // 由X…至Y: the direction the verb states.
  const moves: { from: Figure; to: Figure; down: boolean }[] = [];
  const all = s.figs.filter((f) => f.unit !== '%');
  for (let i = 0; i + 1 < all.length; i++) {
    const [a, b] = [all[i], all[i + 1]];
    if (a.unit !== b.unit) continue;
    if (!/(由|从)(原来的|原|法定的|上年的|去年的|上年|去年|之前的)?$/.test(text.slice(Math.max(s.start, a.start - 6), a.start))) continue;
    const verb = /^(?:[\p{Script=Han}]{0,2}?)(压缩|缩短|减少|压减|缩减|精简|降低|下降|减|降|提高|提升|增加|增长|扩大|增|升)(至|到|为)$/u.exec(text.slice(a.end, b.start));
    if (!verb) continue;
    const down = !/提高|提升|增加|增长|扩大|增|升/.test(verb[1]);
    moves.push({ from: a, to: b, down });
    const top = a.max ?? a.value;
    const wrong = down ? b.value >= top : b.value <= a.value;
    const span = spanOf(text, a.start, b.end);
    if (wrong) ctx.findings.push({ kind: 'reduction_mismatch', ...span, stated: b.value, computed: a.value, confidence: 'high', message: `“由${a.text}${verb[0]}${b.text}”：数值${down ? '不降反升' : '不升反降'}` });
    else ctx.relations.push({ kind: 'reduction', ...span, stated: b.value, computed: a.value, parts: [a.value, b.value] });
  }
  if (!yoy && moves.length === 1) {
    // 由20个工作日压缩至8个工作日，压缩了12个工作日: the amount must be the difference.
    const { from, to, down } = moves[0];
    for (const f of all) {
      if (f === from || f === to || f.start < to.end || f.unit !== from.unit || from.max !== undefined) continue;
      if (!/(压缩|缩短|减少|压减|缩减|精简|节省|提前|提高|增加)(了)?$/.test(text.slice(Math.max(s.start, f.start - 4), f.start))) continue;
      const diff = Math.abs(from.value - to.value);
      if (Math.abs(f.value - diff) < 1e-9 || down !== from.value > to.value) continue;
      ctx.findings.push({ kind: 'reduction_mismatch', ...spanOf(text, from.start, f.end), stated: f.value, computed: diff, confidence: 'high', message: `由${from.text}到${to.text}，相差${diff}${from.unit}，而非${f.text}` });
    }
  }
  if (!yoy && moves.length) {
    for (const p of percents) {
      const clause = clauseBefore(text, p.start, s.start);
      if (!/压缩|缩短|减少|压减|缩减|精简|降低|下降|提速|节省|节约/.test(clause) || moves.length !== 1) continue;
      const { from, to } = moves[0];
      if (from.max !== undefined) continue;
      const computed = ((from.value - to.value) / from.value) * 100;
      if (samePercent(p.value, decimalsOf(p.text), computed)) continue;
      ctx.findings.push({ kind: 'reduction_mismatch', ...spanOf(text, Math.min(p.start, from.start), Math.max(p.end, to.end)), stated: p.value, computed: round(computed, 2), confidence: 'high', message: `由${from.text}到${to.text}，降幅应为${fmt(computed)}%，而非${p.text}` });
    }
  }

  // 同比/较上年 增长/下降 X%.
  if (!yoy && !/增长|下降|上升|减少|降低|提高|增幅|降幅/.test(body)) return;
  for (const p of percents) {
    const clause = text.slice(Math.max(s.start, p.start - 12), p.start);
    const dir = /(增长|上升|增加|提高|提升|上涨|增幅|涨幅|下降|减少|降低|回落|下滑|降幅|减幅)(了|幅度为|幅度达|为|达|约)?$/.exec(clause);
    if (!dir || (!yoy && !YOY_MARK.test(clause))) continue;
    const up = UP.test(dir[1]);
    const prior = counts.filter((f) => /(上年|去年|上一年|同期)(同期)?(的|为|是)?[（(]?$/.test(text.slice(Math.max(s.start, f.start - 8), f.start)));
    // 增加20件 is the change, not this year's figure.
    const isChange = (f: Figure) => /(增加|减少|增长|下降|上升|提高|降低|多|少|了)$/.test(text.slice(Math.max(s.start, f.start - 3), f.start));
    const sameThing = (f: Figure) => !prior.includes(f) && !isChange(f) && (!prior.length || sameUnit(f, prior[0]));
    const current = counts.filter((f) => sameThing(f) && f.start < p.start);
    // …比上年同期的96件增长12.5%，达到108件: this year's figure may follow the change.
    const cur = current[current.length - 1] ?? counts.find((f) => sameThing(f) && f.start > p.end && /^[，,]?(达到|达|为|增至|降至|至)/.test(text.slice(p.end, f.start)));
    if (!cur) continue;
    const d = decimalsOf(p.text);
    if (!prior.length) {
      ctx.claims.push({ counts: cur.counts, unit: cur.unit, value: cur.value, change: up ? p.value : -p.value, decimals: d, ...spanOf(text, cur.start, p.end) });
      continue;
    }
    const prev = prior[0];
    const computed = ((cur.value - prev.value) / prev.value) * 100;
    const span = spanOf(text, Math.min(cur.start, prev.start), Math.max(p.end, prev.end));
    const confidence: Confidence = prior.length === 1 && current.length <= 2 ? 'high' : 'medium';
    if (Math.abs(computed) >= 10 ** -d && computed > 0 !== up) {
      ctx.findings.push({ kind: 'yoy_mismatch', ...span, stated: up ? p.value : -p.value, computed: round(computed, 2), confidence, message: `由${prev.text}到${cur.text}是${computed > 0 ? '增长' : '下降'}${fmt(Math.abs(computed))}%，而文中称“${dir[1]}${p.text}”` });
    } else if (!samePercent(p.value, d, Math.abs(computed))) {
      ctx.findings.push({ kind: 'yoy_mismatch', ...span, stated: up ? p.value : -p.value, computed: round(computed, 2), confidence, message: `由${prev.text}到${cur.text}，变化幅度应为${fmt(Math.abs(computed))}%，而非${p.text}` });
    } else ctx.relations.push({ kind: 'yoy', ...span, stated: p.value, computed: round(computed, 2), parts: [prev.value, cur.value] });
  }
}

/** Rates and 办结/受理 within one ；-segment of a sentence. */
function segment(ctx: Ctx, seg: Span, prevCounts: Figure[], sentence: Span) {
  const { text } = ctx;
  const counts = seg.figs.filter(isCount);
  const body = text.slice(seg.start, seg.end);

  // Concluded more than received (cases carried over from last year can explain it: low confidence).
  const notConcluded = (f: Figure) => !/办结|审结|结案/.test(f.counts);
  const received = counts.find((f) => /受理/.test(f.counts) && notConcluded(f)) ?? counts.find((f) => /收到|接收|新收/.test(f.counts) && notConcluded(f));
  const concluded = counts.find((f) => /办结|审结|结案/.test(f.counts) && !/按期|按时|逾期/.test(f.counts));
  // A sentence that names the carry-over has explained it.
  if (received && concluded && sameUnit(received, concluded) && concluded.value > received.value && !/结转|旧存|积存|上年|去年|往年/.test(body)) {
    ctx.findings.push({ kind: 'concluded_exceeds_received', ...spanOf(text, seg.start, seg.end), stated: concluded.value, computed: received.value, confidence: 'low', message: `办结${concluded.text}多于受理${received.text}（可能含上年结转，请核实）` });
  }

  // A segment opening with 其中 takes its whole from the one before.
  const opensWithPart = /^\s*其中/.test(body) || (seg.start === sentence.start && /^\s*其中/.test(text.slice(sentence.start, sentence.end)));
  const inheritedWhole = opensWithPart && prevCounts.length ? [prevCounts[prevCounts.length - 1]] : [];
  const sentenceCounts = sentence.figs.filter(isCount);
  const pool = [...inheritedWhole, ...(counts.length ? counts : [])];

  for (const p of seg.figs) {
    if (p.unit !== '%' || p.approx || p.max !== undefined) continue;
    if (/^\s*[-~—–至到]\s*\d/.test(text.slice(p.end, p.end + 3)) || /%\s*[-~—–至到]\s*$/.test(text.slice(Math.max(0, p.start - 3), p.start))) continue;
    const clause = clauseBefore(text, p.start, seg.start);
    if (CHANGE.test(clause) || /(均|都|分别)(为|是|达到|达|保持|在)?$/.test(clause) || /以上|以下|左右/.test(text.slice(p.end, p.end + 2))) continue;
    const scope = pool.length >= 2 ? pool : [...inheritedWhole, ...sentenceCounts];
    // Any ratio of two stated counts that gives the rate: consistent (it may be over another base).
    const prior = scope.filter((f) => f.end <= p.start);
    let match: { a: Figure; b: Figure } | undefined;
    for (const a of scope) for (const b of scope) if (!match && a !== b && sameUnit(a, b) && rateMatches(p, a.value, b.value)) match = { a, b };
    if (match) {
      const natural = prior.length >= 2 ? { a: prior[prior.length - 1], b: prior[prior.length - 2] } : match;
      const start = Math.min(match.b.start, match.a.start, p.start);
      const note = match.a === natural.a && match.b === natural.b ? undefined : `与${match.a.text}÷${match.b.text}相符，而非紧邻的${natural.a.text}÷${natural.b.text}`;
      ctx.relations.push({ kind: 'rate', ...spanOf(text, start, Math.max(p.end, match.a.end, match.b.end)), stated: p.value, computed: round((match.a.value / match.b.value) * 100, 2), parts: [match.a.value, match.b.value], ...(note ? { note } : {}) });
      continue;
    }
    const stated = statedRate(ctx, p, clause, scope, sentence);
    if (!stated) continue;
    const { num, den, confidence } = stated;
    const computed = (num.value / den.value) * 100;
    const start = Math.min(num.start, den.start, p.start);
    ctx.findings.push({ kind: 'rate_mismatch', ...spanOf(text, start, Math.max(p.end, num.end, den.end)), stated: p.value, computed: round(computed, 2), confidence, message: `所述${p.text}与${num.text}÷${den.text}=${fmt(computed)}%不符` });
  }
}

/** The numerator and denominator a rate's sentence names, if it names them. */
function statedRate(ctx: Ctx, p: Figure, clause: string, scope: Figure[], sentence: Span): { num: Figure; den: Figure; confidence: Confidence } | null {
  const { text } = ctx;
  const body = text.slice(sentence.start, sentence.end);
  const zhan = clause.lastIndexOf('占');
  // The whole a 其中 or 在…中 names.
  const qi = body.indexOf('其中');
  const zai = /在([^，。；,;]{0,30}?)中/.exec(body);
  const wholeOf = (num: Figure) => {
    if (zai) {
      const inside = [sentence.start + zai.index, sentence.start + zai.index + zai[0].length];
      const w = scope.find((f) => f.start >= inside[0] && f.end <= inside[1] && f !== num);
      if (w) return w;
    }
    if (qi >= 0 && num.start > sentence.start + qi) return [...scope].reverse().find((f) => f.end <= sentence.start + qi) ?? scope.find((f) => f !== num && f.start < num.start);
    return undefined;
  };
  if (zhan >= 0) {
    // 占…的X%, 占比X%: the count before 占 over the count between 占 and the rate, or over the whole.
    const zhanAt = p.start - (clause.length - zhan);
    const num = [...scope].reverse().find((f) => f.end <= zhanAt);
    if (!num) return null;
    const inBetween = scope.find((f) => f.start > zhanAt && f.end <= p.start && sameUnit(f, num));
    if (inBetween) return { num, den: inBetween, confidence: 'high' };
    const whole = wholeOf(num);
    if (whole && sameUnit(whole, num)) return { num, den: whole, confidence: 'high' };
    // A count that has its own 占比 is a sibling part, not the base: 调解36件，占比38.3%；判决58件，占比61.7%.
    const ownShare = (f: Figure) => /^[^，,；;。]{0,3}[，,]?占/.test(text.slice(f.end, f.end + 6));
    const others = scope.filter((f) => f !== num && sameUnit(f, num) && f.start < num.start && !ownShare(f));
    return others.length === 1 ? { num, den: others[0], confidence: 'medium' } : null;
  }
  const named = /([\p{Script=Han}]{1,8})率(为|达到|达|是|约|保持)?$/u.exec(clause);
  if (named) {
    const name = named[1].replace(/^(全年|年度|总体|平均|实现|其中|整体|案件|事项)/, '');
    const stems = stemsOf(name);
    // 满意度回访 and 化解率 name other things than the counts of 满意 or 化解.
    const phraseNoRates = (f: Figure) => clauseBefore(text, f.start, sentence.start).replace(/[\p{Script=Han}]{2}[度率]/gu, '  ');
    const withStem = (f: Figure) => stems.findIndex((st) => phraseNoRates(f).includes(st));
    // Nearest to the figure first: 排查化解矛盾纠纷1543件，化解1113件 → the second.
    const distance = (f: Figure) => {
      const ph = phraseNoRates(f);
      return Math.min(...stems.map((st) => (ph.includes(st) ? ph.length - ph.lastIndexOf(st) - st.length : 99)));
    };
    const candidates = scope.filter((f) => withStem(f) >= 0).sort((a, b) => withStem(a) - withStem(b) || distance(a) - distance(b));
    const num = candidates[0];
    if (!num) return null;
    const whole = wholeOf(num);
    if (whole && sameUnit(whole, num)) return { num, den: whole, confidence: 'high' };
    const dens = scope.filter((f) => f !== num && sameUnit(f, num) && !(withStem(f) >= 0 && distance(f) === 0));
    if (!dens.length) return null;
    if (dens.length === 1) return { num, den: dens[0], confidence: 'high' };
    const den = dens.find((f) => /受理/.test(phraseOf(text, f, sentence.start))) ?? [...dens].reverse().find((f) => f.start < num.start) ?? dens[0];
    return { num, den, confidence: 'medium' };
  }
  // 其中 X件，…X%: the natural reading, only when the text makes one the part of the other.
  const prior = scope.filter((f) => f.end <= p.start);
  if (prior.length >= 2 && qi >= 0) {
    const num = prior[prior.length - 1];
    const den = wholeOf(num);
    if (den && sameUnit(den, num) && /占比|比例|比重/.test(clause)) return { num, den, confidence: 'medium' };
  }
  return null;
}
