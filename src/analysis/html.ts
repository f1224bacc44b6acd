import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { decodeEntity, htmlText } from './ingest.ts';
import type { MappedText } from './mapped.ts';

/**
 * A published web page: its main content (chosen by Mozilla's Readability, so related-article
 * lists, counters, navigation and footers drop out), still mapped to the page source, and the
 * page's own metadata — <title>, meta tags and the 发布机构/索引号/发布日期 lines — which say
 * who published what and when but are not report text.
 */
export interface PageMeta {
  title?: string;
  publisher?: string;
  date?: string;
  index?: string;
}

/** Metadata lines of government pages (信息公开 tables and article info bars). */
const META_LABEL = /(索引号|发布机构|发文机关|发布单位|公开主体|发布日期|发布时间|成文日期|发文日期|文号|发文字号|主题分类|主题词|信息来源|来源|作者|浏览次数|阅读次数|点击数|访问量|浏览量|字体大小|字号|有效性|公开方式|公开范围|信息分类)\s*[:：]/;
const META_FIELDS: [keyof PageMeta, RegExp][] = [
  ['publisher', /(?:发布机构|发文机关|发布单位|公开主体|信息来源|来源)\s*[:：]\s*([^\s:：|｜]{2,30})/],
  ['date', /(?:成文日期|发文日期|发布日期|发布时间)\s*[:：]\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/],
  ['index', /索引号\s*[:：]\s*([\w/.-]{4,60})/],
];
const META_NAMES: Record<string, keyof PageMeta> = {
  articletitle: 'title',
  'og:title': 'title',
  contentsource: 'publisher',
  author: 'publisher',
  'og:site_name': 'publisher',
  pubdate: 'date',
  firstpublishedtime: 'date',
  'article:published_time': 'date',
};

const decodeEntities = (s: string) => s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, decodeEntity);
const isoDate = (y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;

/** Reads the metadata a line states into `meta`; true if the line is metadata only. */
function metaLine(line: string, meta: PageMeta): boolean {
  if (!META_LABEL.test(line)) return false;
  for (const [key, re] of META_FIELDS) {
    const m = re.exec(line);
    // The date a document was written (成文日期) is its date; the publishing date only stands in for it.
    if (!m || (meta[key] && !(key === 'date' && /成文日期|发文日期/.test(m[0])))) continue;
    meta[key] = key === 'date' ? isoDate(m[1], m[2], m[3]) : m[1];
  }
  // A line that starts with a label (or is a run of them) carries no report text.
  return META_LABEL.test(line.slice(0, 12)) || line.length < 120;
}

/** Text of `t` with only the lines `keep` accepts (given the line and where it starts in the source), still mapped into the source. */
function keepLines(t: MappedText, keep: (line: string, at: number) => boolean): MappedText {
  const parts: string[] = [];
  const map = new Int32Array(t.text.length + 1);
  let n = 0;
  for (let start = 0; start <= t.text.length; ) {
    let end = t.text.indexOf('\n', start);
    if (end < 0) end = t.text.length;
    const line = t.text.slice(start, end).trim();
    if (line && keep(line, t.map[start])) {
      if (n) {
        parts.push('\n');
        map[n++] = t.map[start - 1] ?? t.map[start];
      }
      parts.push(t.text.slice(start, end));
      map.set(t.map.subarray(start, end), n);
      n += end - start;
    }
    start = end + 1;
  }
  map[n] = t.map[t.text.length];
  return { text: parts.join(''), map: map.slice(0, n + 1) };
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Larger pages than this are read without Readability (its cost grows with the DOM). */
const READABILITY_LIMIT = 3 * 1024 * 1024;

/** An element of the page as the one-pass scan sees it: where it is, and how much text and link text it holds. */
interface Block {
  name: string;
  start: number;
  end: number;
  parent: Block | null;
  children: Block[];
  /** Visible characters (no blank space), and those inside links. */
  chars: number;
  linkChars: number;
  commas: number;
  /** Content score, as Readability scores: from the paragraphs below it. */
  score: number;
  /** A block below it was scored as a paragraph. */
  hasParagraph: boolean;
}

const VOID = /^(area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr)$/;
const NO_TEXT = /^(script|style|noscript|template|textarea|svg|iframe|select|title)$/;
/** Elements that can hold a paragraph of text. */
const PARAGRAPH = /^(p|pre|td|dd|li|blockquote|h[2-6]|div|section|article)$/;
const linkDensity = (b: Block) => (b.chars ? b.linkChars / b.chars : 0);

/**
 * The page's main content without building a DOM, when it is clear. One scan of the tags builds a
 * light tree that keeps per element only its text, link text and commas. Paragraphs are scored
 * as Readability scores them (length and commas, handed up to the parent in full, to ancestors in
 * part, discounted by link density). The content is clear when one element holds over 200
 * characters and no element outside it scores a third as much. It is then taken with its
 * paragraph siblings, less the link lists inside it. Otherwise null, and Readability decides.
 * Also reads the meta tags into `meta` (by name), and <title> as '#title'.
 */
export function clearMainContent(html: string, meta: Record<string, string> = {}): { keep: [number, number][]; drop: [number, number][] } | null {
  const root: Block = { name: '#root', start: 0, end: html.length, parent: null, children: [], chars: 0, linkChars: 0, commas: 0, score: 0, hasParagraph: false };
  let top = root;
  let inLink = 0;
  let skip: string | null = null;
  let titleFrom = -1;
  const close = (b: Block, at: number) => {
    b.end = at;
    const p = b.parent!;
    p.chars += b.chars;
    p.linkChars += b.linkChars;
    p.commas += b.commas;
    if (b.name === 'a') inLink--;
    // A paragraph is the innermost block with text of its own (25 characters at least, not links).
    const own = b.chars - b.linkChars;
    if (PARAGRAPH.test(b.name) && !b.hasParagraph && own >= 25) {
      const score = 1 + b.commas + Math.min(Math.floor(own / 100), 3);
      let a: Block | null = p;
      for (let level = 0; a && level < 5; level++, a = a.parent) a.score += score / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
      b.hasParagraph = true;
    }
    if (b.hasParagraph) p.hasParagraph = true;
  };
  const TAG = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?\]\]>|<!?(\/?)([a-zA-Z][\w:-]*)([^>]*)>/g;
  let pos = 0;
  for (let m = TAG.exec(html); ; m = TAG.exec(html)) {
    const end = m ? m.index : html.length;
    if (!skip && end > pos) {
      for (let i = pos; i < end; i++) {
        const c = html.charCodeAt(i);
        if (c <= 32 || c === 0x3000 || c === 0xa0) continue;
        top.chars++;
        if (inLink > 0) top.linkChars++;
        if (c === 0xff0c || c === 0x3001 || c === 44) top.commas++;
      }
    }
    if (!m) break;
    pos = m.index + m[0].length;
    const name = m[2]?.toLowerCase();
    if (!name) continue;
    if (m[1]) {
      if (skip) {
        if (name === skip) {
          if (name === 'title' && titleFrom >= 0) meta['#title'] ??= html.slice(titleFrom, m.index);
          skip = null;
        }
        continue;
      }
      // Tolerant closing: up to the nearest open element of that name (within 64 levels, so broken
      // markup stays linear); a stray end tag is ignored.
      let b: Block | null = top;
      for (let up = 0; b && b.name !== name && up < 64; up++) b = b.parent;
      if (b && b.name !== name) continue;
      if (!b || b === root) continue;
      while (top !== b) (close(top, m.index), (top = top.parent!));
      close(b, pos);
      top = b.parent!;
      continue;
    }
    if (skip) continue;
    if (name === 'meta') {
      const attr = (a: string) => new RegExp(`\\b${a}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(m[3]);
      const key = attr('name') ?? attr('property');
      const content = attr('content');
      if (key && content) meta[(key[1] ?? key[2] ?? key[3]).toLowerCase()] ??= content[1] ?? content[2] ?? content[3];
      continue;
    }
    if (NO_TEXT.test(name)) {
      if (!m[0].endsWith('/>')) skip = name;
      if (name === 'title') titleFrom = pos;
      continue;
    }
    if (VOID.test(name) || m[0].endsWith('/>')) continue;
    // An unclosed <p> or <li> ends where the next one starts.
    if ((name === 'p' || name === 'li') && top.name === name) (close(top, m.index), (top = top.parent!));
    const b: Block = { name, start: m.index, end: html.length, parent: top, children: [], chars: 0, linkChars: 0, commas: 0, score: 0, hasParagraph: false };
    top.children.push(b);
    top = b;
    if (name === 'a') inLink++;
  }
  while (top !== root) (close(top, html.length), (top = top.parent!));

  // The best candidate, and the best one neither inside it nor containing it.
  // Walked with a stack, not recursion: a hostile page can nest elements a million deep.
  const all: Block[] = [];
  for (const stack = [...root.children]; stack.length; ) {
    const b = stack.pop()!;
    if (b.score > 0) all.push(b);
    for (const c of b.children) stack.push(c);
  }
  const final = (b: Block) => b.score * (1 - linkDensity(b));
  let best: Block | null = null;
  for (const b of all) if (!best || final(b) > final(best)) best = b;
  if (!best || best.chars - best.linkChars < 200 || linkDensity(best) > 0.25) return null;
  const related = (a: Block, b: Block) => a.start <= b.start && b.end <= a.end;
  let rival = 0;
  for (const b of all) if (!related(b, best) && !related(best, b)) rival = Math.max(rival, final(b));
  if (rival * 3 > final(best)) return null;
  // Siblings that read as part of the article: well scored, or a paragraph of low link density.
  const keep: [number, number][] = [];
  for (const s of best.parent!.children) {
    if (s === best || final(s) >= Math.max(10, final(best) * 0.2) || (s.hasParagraph && s.chars - s.linkChars >= 80 && linkDensity(s) < 0.25)) keep.push([s.start, s.end]);
  }
  // Lists of links inside the content (相关链接, 分享) are not report text.
  const drop: [number, number][] = [];
  for (const stack = best.parent!.children.filter((s) => keep.some(([a]) => a === s.start)); stack.length; ) {
    for (const c of stack.pop()!.children) {
      if (c.chars && linkDensity(c) > 0.5) drop.push([c.start, c.end]);
      else stack.push(c);
    }
  }
  return { keep, drop };
}

/** The page's report text, mapped into the source, and its metadata; `readability: 'always'` skips the one-scan choice (tests compare the two). */
export function htmlDocument(html: string, opts: { readability?: 'always' } = {}): { text: MappedText; meta: PageMeta } {
  const meta: PageMeta = {};
  const mapped = htmlText(html);
  const tags: Record<string, string> = {};
  const fast = opts.readability === 'always' ? (clearMainContent(html, tags), null) : clearMainContent(html, tags);
  const title = tags['#title'] && decodeEntities(tags['#title']).trim();
  if (title) {
    // 报告标题_某某区人民政府门户网站: the part that names the report, not the site.
    const parts = title.split(/\s*[|｜_]\s*|\s+-\s+/).filter(Boolean);
    meta.title = parts.find((x) => /报告|情况|总结/.test(x)) ?? parts[0];
  }
  for (const [name, raw] of Object.entries(tags)) {
    const key = META_NAMES[name];
    const content = decodeEntities(raw).trim();
    if (!key || !content || meta[key]) continue;
    const d = /(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})/.exec(content);
    if (key === 'date') {
      if (d) meta.date = isoDate(d[1], d[2], d[3]);
    } else meta[key] = content;
  }
  let keepLine: (line: string, at: number) => boolean = () => true;
  if (fast && opts.readability !== 'always') {
    const inside = (at: number, ranges: [number, number][]) => ranges.some(([s, e]) => at >= s && at < e);
    const heading = meta.title && squeeze(meta.title);
    keepLine = (line, at) => (inside(at, fast.keep) && !inside(at, fast.drop)) || squeeze(line) === heading;
  } else if (html.length <= READABILITY_LIMIT) {
    let main: string | null = null;
    try {
      const { document } = parseHTML(html);
      const article = new Readability(document as unknown as Document, { charThreshold: 200, disableJSONLD: true }).parse();
      // Trust Readability only when it found a real body of text.
      if (article?.textContent && squeeze(article.textContent).length > 200) main = squeeze(`${article.title ?? ''}\n${meta.title ?? ''}\n${article.textContent}`);
    } catch {
      main = null;
    }
    if (main !== null) keepLine = (line) => main.includes(squeeze(line));
  }
  const text = keepLines(mapped, (line, at) => !metaLine(line, meta) && keepLine(line, at));
  return { text: text.text.trim() ? text : mapped, meta };
}
