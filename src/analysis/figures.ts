/**
 * Every stated quantity in a report: Arabic or Chinese numerals, 万/亿, decimals, percentages,
 * ranges, approximations, units, and the noun phrase the figure counts. Dates, years, document
 * numbers, section numbers and fixed phrases (三项制度, 八五普法) are not figures.
 */
export interface Figure {
  text: string;
  value: number;
  /** Upper end of a range (5-15个工作日). */
  max?: number;
  unit: string;
  approx: boolean;
  counts: string;
  /** Offsets in the normalised text (mapped back to the original by the caller). */
  start: number;
  end: number;
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000, 亿: 100000000 };

/** 二十 → 20, 一千二百零五 → 1205, 三百 → 300, 两万 → 20000. */
export function chineseNumber(s: string): number {
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in DIGITS) digit = DIGITS[ch];
    else if (ch === '万' || ch === '亿') {
      section = (section + digit) * UNITS[ch];
      total += section;
      section = 0;
      digit = 0;
    } else if (ch in UNITS) {
      section += (digit || 1) * UNITS[ch];
      digit = 0;
    }
  }
  return total + section + digit;
}

// Longest first, so 个工作日 wins over 个 and 人次 over 人.
const UNIT_WORDS = [
  '家\\(次\\)', '户\\(次\\)', '人\\(次\\)', '个百分点', '个工作日', '平方米', '人次', '家次', '户次', '万元', '亿元', '元', '个月', '小时', '分钟', '公里',
  '件', '起', '人', '次', '场', '个', '项', '家', '份', '张', '天', '日', '篇', '期', '名', '户', '条', '批', '所', '处',
  '台', '辆', '套', '本', '册', '吨', '亩', '米', '支', '位', '部', '门', '块', '座', '间', '轮', '类', '组',
];
// Thousands separated by commas, or by the single spaces PDF text layers leave (4 827 家次).
const ARABIC = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?![\d.])|\d+(?:\.\d+)?`;
// 万/亿 inside a numeral (一万一千) belong to it; a trailing one is split off below (三万元 is 3 万元).
const CHINESE = '[零〇一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千万亿]*';
// 百分之十二点五: a Chinese decimal, in rates written in words.
const CHINESE_DECIMAL = '[零〇一二两三四五六七八九十百]+点[零〇一二三四五六七八九]+';
const NUM = `(?:${ARABIC}|${CHINESE_DECIMAL}|${CHINESE})`;
const FIGURE = new RegExp(
  String.raw`(近|约|逾|超过|不少于|不足|大约)?` + // approximate prefix
    String.raw`(百分之)?(${NUM})(?:\s*[-~—–至到]\s*(${NUM}))?` + // value, range
    String.raw`(万|亿)?(余|多)?` + // multiplier, approximate suffix
    String.raw`(%|‰|${UNIT_WORDS.join('|')})?` + // a unit; only 百分之… may go without

    String.raw`(以上|左右|之多|余)?`,
  'gu',
);

/** Phrases whose numeral is part of a name, not a count. */
const FIXED = /^(三项制度|两个维护|四个意识|四个自信|两个确立|[七八九]五普法|三重一大|一件事|两法衔接|一网通办|一次办|一站式|一门式|一窗|三级|四级|五级|两个|一批|一起|一次性|一体|一线|一把手|五个|六个方面|双随机)/;
const CH_NUM_ONLY = new RegExp(`^(?:${CHINESE}|[百千])$`, 'u');

/** The noun phrase a figure counts: what follows a measure word, else the clause before it. */
function countedPhrase(text: string, start: number, end: number, unit: string): string {
  const after = /^[\p{Script=Han}“”"]{1,12}/u.exec(text.slice(end, end + 12))?.[0] ?? '';
  const classifier = /^(个|项|家|名|份|张|场|篇|所|处|条|批|位|支|部|类|组|套|台|辆|户)$/.test(unit);
  const followingNoun = after.replace(/(进行|开展|参加|参与|实现|完成|现场|书面|均|全部|的|已|被|共|在|为|和|与|及|等).*$/u, '');
  if (classifier && followingNoun.length >= 2) return followingNoun.replace(/[“”"]/g, '');
  const before = text.slice(Math.max(0, start - 24), start);
  const clause = before.split(/[,，。;；:：、\n(（)）]/).pop() ?? '';
  return clause
    .replace(/(达到|达|为|是|约|共计|共|累计|合计|总计|全年|均|分别|其中|占比?|同比|增长|下降|已|近|超过|逾|有)+$/u, '')
    .replace(/^(其中|全年|共|累计|今年以来|截至\S*底|\d{4}年(度)?)/u, '')
    .trim();
}

export function extractFigures(text: string): Figure[] {
  const out: Figure[] = [];
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(text); m; m = FIGURE.exec(text)) {
    const [whole, prefix, percentWord, rawNumber, rawMaxNumber, rawMult, approxMid, rawUnit, approxEnd] = m;
    if (!rawUnit && !percentWord) continue;
    let rawValue = rawNumber;
    let rawMax = rawMaxNumber;
    let mult = rawMult;
    // 三万元, 1.5万人次: a trailing 万/亿 of a Chinese numeral is the multiplier (a unit with 元).
    const lastChar = (rawMax ?? rawValue).slice(-1);
    if (!mult && (lastChar === '万' || lastChar === '亿') && CH_NUM_ONLY.test(rawValue)) {
      mult = lastChar;
      if (rawMax) rawMax = rawMax.slice(0, -1);
      else rawValue = rawValue.slice(0, -1);
    }
    const unitWord = (rawUnit ?? '').replace(/[()]/g, '');
    const start = m.index;
    const end = start + whole.length;
    const prev = text[start - 1] ?? '';
    const next = text[end] ?? '';
    const numStart = start + (prefix?.length ?? 0) + (percentWord?.length ?? 0);
    // Not a figure: part of a longer number or a word (第3次, 〔2023〕2号, 1.5.3), an ordinal, or a date.
    if (/[\d.]/.test(text[numStart - 1] ?? '') || prev === '第' || /^[年月日号]/.test(next) && /^\d/.test(rawValue)) continue;
    if (unitWord === '日' && /月$/.test(text.slice(0, numStart))) continue; // 2月12日 is a date
    if (/[〔\[]\d*$/.test(text.slice(Math.max(0, numStart - 6), numStart))) continue;
    const chinese = CH_NUM_ONLY.test(rawValue);
    if (rawValue.includes('点') && !percentWord) continue; // 三点 is not a number but 百分之三点五 is
    if (chinese) {
      if (FIXED.test(text.slice(numStart, numStart + 6))) continue;
      // A lone 一 with a measure word is almost always idiom (一项重要任务, 一起部署).
      if (!percentWord && (rawValue === '一' || rawValue === '两' && unitWord === '个')) continue;
      // 百场公益普法 names a campaign; a count starts with a digit word (百分之百 is a rate).
      if (/^[百千万]/.test(rawValue) && !percentWord) continue;
      if (/^[是者期届轮中大]/.test(text[numStart + rawValue.length] ?? '')) continue;
    }
    if (unitWord === '门' || unitWord === '部' || unitWord === '间') {
      if (!/^\d/.test(rawValue)) continue; // 五部门 is a name; 12部 a count of items only with digits
    }
    const parse = (s: string) => {
      const dot = s.indexOf('点');
      if (dot > 0) return Number(`${chineseNumber(s.slice(0, dot))}.${[...s.slice(dot + 1)].map((c) => chineseNumber(c)).join('')}`);
      return CH_NUM_ONLY.test(s) ? chineseNumber(s) : Number(s.replace(/[, ]/g, ''));
    };
    const factor = mult === '万' ? 10_000 : mult === '亿' ? 100_000_000 : 1;
    let unit = unitWord;
    let scale = factor;
    if (mult && unitWord === '元') {
      unit = mult + unitWord; // 22.23万元 is stated in 万元
      scale = 1;
    }
    if (percentWord) unit = '%';
    const value = parse(rawValue) * scale;
    const max = rawMax ? parse(rawMax) * scale : undefined;
    const approx = Boolean(prefix || approxMid || approxEnd);
    out.push({
      text: whole,
      value,
      ...(max !== undefined ? { max } : {}),
      unit,
      approx,
      counts: countedPhrase(text, start, end, unit),
      start,
      end,
    });
  }
  return out;
}
