/**
 * The skeleton of a report: headings at every level (一、 (一) 1. (1) 一是), title, reporting
 * body, year reported on, signature date, and the top-level parts mapped onto the standard
 * structure of 法治政府建设与责任落实督察工作规定.
 */
export type SectionKind = 'achievements' | 'first_responsibility' | 'shortcomings' | 'next_year' | 'other' | 'unknown';

export const STANDARD_ORDER: SectionKind[] = ['achievements', 'shortcomings', 'first_responsibility', 'next_year', 'other'];
export const KIND_LABELS: Record<SectionKind, string> = {
  achievements: '主要举措和成效',
  first_responsibility: '党政主要负责人履行第一责任人职责情况',
  shortcomings: '存在的不足和原因',
  next_year: '下一年度主要安排',
  other: '其他需要报告的情况',
  unknown: '未识别',
};

export interface Heading {
  heading: string;
  level: number;
  /** For top-level parts: the standard parts it covers (seed 002 merges two). */
  kinds: SectionKind[];
  kind: SectionKind;
  /** Heading span, and the section's extent up to the next heading of the same or higher level. */
  start: number;
  end: number;
  headingEnd: number;
}

const CN = '[一二三四五六七八九十]+';
const MARKERS: [number, RegExp][] = [
  [1, new RegExp(`^${CN}、`, 'u')],
  [1, new RegExp(`^第${CN}部分`, 'u')],
  [2, new RegExp(`^\\(${CN}\\)`, 'u')],
  [3, /^\d{1,2}[.、](?!\d)/u],
  [4, /^\(\d{1,2}\)/u],
];
/** 一是 / 二是 items, which reports run into paragraphs. */
const ITEM = new RegExp(`(?:^|(?<=[。;；]))(${CN}是)`, 'gu');

function classify(heading: string, reportYear: number | null): SectionKind[] {
  const kinds: SectionKind[] = [];
  const h = heading.replace(/^\S+?[、)]/, '');
  if (/不足|问题|短板|差距|困难/.test(h)) kinds.push('shortcomings');
  const laterYear = /(\d{4})年/.exec(h);
  const isNext = /下一|下步|明年|今后|展望/.test(h) || (/安排|打算|计划|思路|目标/.test(h) && (!laterYear || !reportYear || Number(laterYear[1]) > reportYear));
  if (isNext && !kinds.includes('shortcomings')) kinds.push('next_year');
  if (/举措|成效|主要工作|工作情况|工作举措|取得|做法|进展|开展情况|推进情况/.test(h) && !isNext) kinds.push('achievements');
  if (/第一责任人|主要负责人|主要负责同志/.test(h)) kinds.push('first_responsibility');
  if (/其他|其它/.test(h)) kinds.push('other');
  return kinds.length ? kinds : ['unknown'];
}

export interface Structure {
  title: string | null;
  entity: string | null;
  year: number | null;
  date: string | null;
  sections: Heading[];
  missing: SectionKind[];
  /** Top-level kinds in the order they appear. */
  order: SectionKind[];
  /** Where the signature block starts (so body analysis can stop there). */
  bodyEnd: number;
}

const CN_DIGIT: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
function cnDate(s: string): string | null {
  const m = /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/u.exec(s);
  if (!m) return null;
  const small = (x: string) => (x.length === 1 ? (x === '十' ? 10 : +CN_DIGIT[x]) : x.startsWith('十') ? 10 + +CN_DIGIT[x[1]] : x.endsWith('十') ? +CN_DIGIT[x[0]] * 10 : +CN_DIGIT[x[0]] * 10 + +CN_DIGIT[x[2]]);
  const y = [...m[1]].map((c) => CN_DIGIT[c]).join('');
  return `${y}-${String(small(m[2])).padStart(2, '0')}-${String(small(m[3])).padStart(2, '0')}`;
}

function isoDate(line: string): string | null {
  const m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(line);
  if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return cnDate(line);
}

const ENTITY_SUFFIX = /(人民政府|管理委员会|管委会|委员会|办公室|办事处|政府|局|委|办|区委|县委|中心|院|厅|署|街道|镇|乡)$/;

/** Who a preamble says reports: 2024年以来，昌江区政府坚持… ; 我区/我局 name no one, the page metadata does. */
const PREAMBLE = /^(?:\d{4}\s*年(?:以来|度)?[，,]?\s*)?((?:中共)?[\p{Script=Han}]{2,24}?(?:人民政府|政府|管理委员会|管委会|委员会|办公室|办事处|局|委|办|街道|镇|乡|区|县|市))(?:坚持|始终|深入|全面|认真|紧紧|紧扣|围绕|按照|以习近平|在[^，,。]{0,12}(?:领导|指导)下)/u;

export function analyzeStructure(text: string, meta: { title?: string; publisher?: string; date?: string } = {}): Structure {
  const lines: { text: string; start: number; end: number }[] = [];
  for (let i = 0, s = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      const raw = text.slice(s, i);
      const lead = raw.length - raw.trimStart().length;
      if (raw.trim()) lines.push({ text: raw.trim(), start: s + lead, end: s + lead + raw.trim().length });
      s = i + 1;
    }
  }
  // Title: the first line that reads like one.
  const first = lines[0];
  const titleLine = first && !MARKERS.some(([, re]) => re.test(first.text)) && /报告|情况|总结/.test(first.text) && first.text.length <= 80 ? first : undefined;
  const title = titleLine ? titleLine.text.replace(/[\s|｜]+$/, '') : meta.title && /报告|情况|总结/.test(meta.title) ? meta.title : null;

  // Signature block: a date line near the end, and the org name right above or below it.
  let date: string | null = null;
  let signature: string | null = null;
  let bodyEnd = text.length;
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 8); i--) {
    const d = isoDate(lines[i].text);
    if (!d) continue;
    date = d;
    bodyEnd = lines[i].start;
    for (const j of [i - 1, i + 1]) {
      const l = lines[j];
      if (l && l.text.length <= 40 && ENTITY_SUFFIX.test(l.text) && !/[。,，]/.test(l.text)) {
        signature = l.text;
        if (j < i) bodyEnd = l.start;
      }
    }
    break;
  }

  const yearInTitle = title ? /(\d{4})\s*年/.exec(title) : null;
  const preambleLine = lines.find((l) => l !== titleLine && !MARKERS.some(([, re]) => re.test(l.text)));
  const preamble = preambleLine && preambleLine.start < 2000 ? PREAMBLE.exec(preambleLine.text) : null;
  const fromPreamble = preamble && !/^(我|本|全)/.test(preamble[1]) ? preamble[1] : null;
  const entity = (title && yearInTitle ? title.slice(0, title.indexOf(yearInTitle[0])).trim() || null : null) ?? signature ?? fromPreamble ?? meta.publisher ?? null;
  if (!date && meta.date) date = meta.date;

  const sections: Heading[] = [];
  for (const l of lines) {
    if (l === titleLine || l.start >= bodyEnd) continue;
    const marker = MARKERS.find(([, re]) => re.test(l.text));
    if (marker) {
      // A heading run into its paragraph ends at the first full stop (or colon).
      const stop = l.text.search(/[。:：]/);
      const short = stop >= 0 && stop < 80 ? stop + 1 : l.text.length <= 80 ? l.text.length : l.text.search(/[，,]/) + 1 || 80;
      sections.push({ heading: l.text.slice(0, short).replace(/[。:：]$/, ''), level: marker[0], kinds: [], kind: 'unknown', start: l.start, end: bodyEnd, headingEnd: l.start + short });
    }
    ITEM.lastIndex = 0;
    for (let m = ITEM.exec(l.text); m; m = ITEM.exec(l.text)) {
      const at = l.start + m.index + (m[0].length - m[1].length);
      const rest = text.slice(at, l.end);
      const stop = rest.search(/[。;；]/);
      const len = stop >= 0 && stop < 60 ? stop : Math.min(rest.length, 30);
      sections.push({ heading: rest.slice(0, len), level: 5, kinds: [], kind: 'unknown', start: at, end: at + len, headingEnd: at + len });
    }
  }
  sections.sort((a, b) => a.start - b.start);
  // A section runs to the next heading of the same or a higher level: one pass with the open ones.
  const open: Heading[] = [];
  for (const s of sections) {
    if (s.level === 5) continue;
    while (open.length && open[open.length - 1].level >= s.level) open.pop()!.end = s.start;
    open.push(s);
  }
  for (const s of open) s.end = bodyEnd;

  const years = [...(title ?? '').matchAll(/(\d{4})\s*年/g)].map((m) => +m[1]);
  const headingYears = sections.filter((s) => s.level === 1).flatMap((s) => [...s.heading.matchAll(/(\d{4})年/g)].map((m) => +m[1]));
  const preambleYear = preambleLine ? /^(\d{4})\s*年/.exec(preambleLine.text) : null;
  const year = years[0] ?? (headingYears.length ? Math.min(...headingYears) : preambleYear ? +preambleYear[1] : date ? +date.slice(0, 4) - 1 : null);

  const top = sections.filter((s) => s.level === 1);
  for (const s of top) {
    s.kinds = classify(s.heading, year);
    s.kind = s.kinds[0];
  }
  const covered = new Set(top.flatMap((s) => s.kinds));
  // Many reports put the 第一责任人 part as a sub-section of part one (seed 000).
  const sub = sections.find((s) => s.level === 2 && /第一责任人/.test(s.heading));
  if (sub && !covered.has('first_responsibility')) {
    covered.add('first_responsibility');
    sub.kinds = ['first_responsibility'];
    sub.kind = 'first_responsibility';
  }
  const missing = STANDARD_ORDER.filter((k) => k !== 'other' && !covered.has(k));
  return { title, entity, year, date, sections, missing, order: top.flatMap((s) => s.kinds).filter((k) => k !== 'unknown'), bodyEnd };
}
