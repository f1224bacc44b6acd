import { chineseNumber } from './figures.ts';
import type { Finding, Relation } from './consistency.ts';

/**
 * A stated count of listed things against the things listed: 开展3场活动：A、B、C；
 * 从五个方面…：一是…二是…; 采取三项措施，一是…. Lists that say they are not complete (…等)
 * are left alone; quoted names (《A、B办法》) count as one item.
 */
const COUNTED = /(\d{1,2}|[一二两三四五六七八九十]{1,3})(场|项|次|个|条|类|种|批|部|大|方面|点)([\p{Script=Han}“”"《》·]{0,14}?)(：|:|，即|,即|即|，分别是|，分别为|,分别是|，包括|,包括|(?=[，,]?(?:[一1]是|\(一\)|第一，)))/gu;
const ORDINAL = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** How many 一是/二是…, (一)(二)… or 第一、第二… run in order from the start of `s`. */
function ordinals(s: string): number {
  return Math.max(...[(k: string) => `${k}是`, (k: string) => `(${k})`, (k: string) => `第${k}，`].map((form) => ordinalRun(s, form)));
}
function ordinalRun(s: string, form: (k: string) => string): number {
  let at = 0;
  let k = 0;
  while (k < ORDINAL.length) {
    const i = s.indexOf(form(ORDINAL[k]), at);
    if (i < 0 || (k === 0 && i > 6)) break;
    // 十一是 must not be read as 一是.
    if (k === 0 && s[i - 1] === '十') break;
    at = i + form(ORDINAL[k]).length;
    k++;
  }
  return k;
}

export function checkLists(text: string, start: number, end: number, findings: Finding[], relations: Relation[]) {
  const sentence = text.slice(start, end);
  COUNTED.lastIndex = 0;
  for (let m = COUNTED.exec(sentence); m; m = COUNTED.exec(sentence)) {
    const [, rawN, unit, noun, sep] = m;
    if (/[\d.]/.test(sentence[m.index - 1] ?? '') || sentence[m.index - 1] === '第') continue;
    const n = /^\d/.test(rawN) ? Number(rawN) : chineseNumber(rawN);
    if (n < 2 || n > 30) continue;
    const at = start + m.index + m[0].length;
    // Ordinals may run over several sentences of the paragraph.
    const lineEnd = text.indexOf('\n', at);
    const paragraph = text.slice(at, lineEnd < 0 ? text.length : lineEnd);
    let listed = ordinals(paragraph.replace(/^[，,：:]/, ''));
    let confidence: Finding['confidence'] = 'high';
    if (!listed) {
      if (!sep) continue;
      const items = text.slice(at, end).replace(/[。；;]$/, '');
      // Non-exhaustive lists, and prose rather than a list, are not counted.
      if (/等/.test(items) || /[，,；;：:]/.test(items)) continue;
      const flat = items.replace(/《[^》]*》|“[^”]*”|"[^"]*"|（[^）]*）|\([^)]*\)/g, '□');
      const parts = flat.split('、');
      const last = parts[parts.length - 1];
      const joined = /和|及|以及|与/.test(last) && last.split(/以及|和|及|与/).every((x) => x.length >= 2 || x.includes('□'));
      listed = parts.length + (joined ? 1 : 0);
      if (joined || /包括/.test(sep)) confidence = 'medium';
      if (listed < 2 || parts.some((x) => x.length > 24)) continue;
    }
    const span = { start: start + m.index, end: Math.min(end, at + 200), text: text.slice(start + m.index, Math.min(end, at + 200)) };
    if (listed === n) relations.push({ kind: 'list', ...span, stated: n, computed: listed, parts: [] });
    else findings.push({ kind: 'list_count_mismatch', ...span, stated: n, computed: listed, confidence, message: `文中称“${rawN}${unit}${noun}”，实际列出${listed}${unit === '方面' || unit === '大' ? '个' : unit}` });
  }
}
