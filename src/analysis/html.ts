import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { htmlText } from './ingest.ts';
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

/** Text of `t` with only the lines `keep` accepts, still mapped into the source. */
function keepLines(t: MappedText, keep: (line: string) => boolean): MappedText {
  const chars: string[] = [];
  const map: number[] = [];
  let start = 0;
  for (let i = 0; i <= t.text.length; i++) {
    if (i < t.text.length && t.text[i] !== '\n') continue;
    const line = t.text.slice(start, i);
    if (line.trim() && keep(line.trim())) {
      if (chars.length) {
        chars.push('\n');
        map.push(t.map[start - 1] ?? t.map[start]);
      }
      for (let k = start; k < i; k++) {
        chars.push(t.text[k]);
        map.push(t.map[k]);
      }
    }
    start = i + 1;
  }
  map.push(t.map[t.text.length]);
  return { text: chars.join(''), map: Int32Array.from(map) };
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Larger pages than this are read without Readability (its cost grows with the DOM). */
const READABILITY_LIMIT = 3 * 1024 * 1024;

export function htmlDocument(html: string): { text: MappedText; meta: PageMeta } {
  const meta: PageMeta = {};
  const mapped = htmlText(html);
  let main: string | null = null;
  if (html.length <= READABILITY_LIMIT) {
    const { document } = parseHTML(html);
    const title = document.querySelector('title')?.textContent?.trim();
    if (title) {
      // 报告标题_某某区人民政府门户网站: the part that names the report, not the site.
      const parts = title.split(/\s*[|｜_]\s*|\s+-\s+/).filter(Boolean);
      meta.title = parts.find((x) => /报告|情况|总结/.test(x)) ?? parts[0];
    }
    for (const el of document.querySelectorAll('meta')) {
      const key = META_NAMES[(el.getAttribute('name') ?? el.getAttribute('property') ?? '').toLowerCase()];
      const content = el.getAttribute('content')?.trim();
      if (!key || !content || meta[key]) continue;
      const d = /(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})/.exec(content);
      if (key === 'date') {
        if (d) meta.date = isoDate(d[1], d[2], d[3]);
      } else meta[key] = content;
    }
    try {
      const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
      // Trust Readability only when it found a real body of text.
      if (article?.textContent && squeeze(article.textContent).length > 200) main = squeeze(`${article.title ?? ''}\n${meta.title ?? ''}\n${article.textContent}`);
    } catch {
      main = null;
    }
  }
  const text = keepLines(mapped, (line) => {
    if (metaLine(line, meta)) return false;
    return main === null || main.includes(squeeze(line));
  });
  return { text: text.text.trim() ? text : mapped, meta };
}
