import * as OpenCC from 'opencc-js';
import { rewrite, type MappedText } from './mapped.ts';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** Characters that occur only in traditional text; their absence lets us skip conversion. */
const TRADITIONAL_HINT = /[這個們國會發與實進點說時為對經區開關處還幾當從於數據門現將設萬億兩來眾複]/;

const TONE = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
/**
 * A machine-converted page leaves one tone-marked pinyin syllable in brackets after a character:
 * 經(jīng). Only that is removed; 附件(PDF), 对(a)项 and (2024) stay.
 */
const TONED = new RegExp(`[${TONE}]`);
const PINYIN = new RegExp(`(?<=\\p{Script=Han})\\((?=[a-zü${TONE}]*[${TONE}])[a-zü${TONE}]{1,6}\\)`, 'gu');

/** CJK radicals-supplement forms that PDF fonts emit and NFKC leaves alone. */
const RADICALS: Record<string, string> = { '⺠': '民', '⻔': '门', '⻓': '长', '⻄': '西', '⻅': '见', '⻋': '车', '⻢': '马', '⻜': '飞', '⻚': '页', '⻛': '风', '⻘': '青', '⻝': '食', '⻥': '鱼', '⻩': '黄', '⻬': '齐', '⻰': '龙', '⻳': '龟', '⺟': '母', '⺫': '目', '⻆': '角', '⻈': '讠', '⻉': '贝', '⻙': '韦', '⻦': '鸟' };

/**
 * Full-width ASCII to half-width, ideographic spaces to spaces, and stray spaces between
 * Chinese characters removed. One-to-one except for the removed spaces.
 */
function widths(t: MappedText): MappedText {
  const folded = rewrite(t, /[\uFF01-\uFF5E\u3000\u00A0\u2E80-\u2FDF\uF900-\uFAFF]/g, (m) => {
    const c = m[0].charCodeAt(0);
    if (c === 0x3000 || c === 0xa0) return ' ';
    // PDF text layers often carry Kangxi radicals (⼀ ⼯ ⾏) for the ideographs they look like.
    if (c < 0xff00) return RADICALS[m[0]] ?? (m[0].normalize('NFKC').length === 1 ? m[0].normalize('NFKC') : m[0]);
    return String.fromCharCode(c - 0xfee0);
  });
  return rewrite(folded, /(?<=[\p{Script=Han}，。、；：？！”“）（])[ \t]+(?=[\p{Script=Han}，。、；：？！”“）（\d])|(?<=\d)[ \t]+(?=[\p{Script=Han}%])/gu, () => '');
}

/** Traditional to simplified, line by line so that a length change never shifts other offsets. */
function simplified(t: MappedText): MappedText {
  if (!TRADITIONAL_HINT.test(t.text.slice(0, 20000)) && (t.text.length <= 20000 || !TRADITIONAL_HINT.test(t.text))) return t;
  // Usually every line keeps its length: then the whole text converts at once and the map stays.
  const whole = toSimplified(t.text);
  const before = t.text.split('\n');
  const after = whole.split('\n');
  if (after.length === before.length && after.every((l, i) => l.length === before[i].length)) return { text: whole, map: t.map };
  return rewrite(t, /[^\n]+/g, (m) => {
    const line = toSimplified(m[0]);
    if (line.length === m[0].length) return line;
    // Rare phrase conversions change length; convert character by character to keep offsets.
    return [...m[0]].map((ch) => {
      const c = toSimplified(ch);
      return c.length === ch.length ? c : ch;
    }).join('');
  });
}

/** Web page furniture that pages copied as text carry along (seed 003, 004). */
const BOILERPLATE = new RegExp(
  String.raw`^[ 	]*(?:主办单位|承办单位|协办单位|主管单位|网站标识码|联系方式|联系电话|技术支持|网站地图|版权所有|Copyright|当前位置|您当前的位置|浏览次数|阅读次数|分享到|字号|字体大小|【\s*(?:打印|关闭|大|中|小)\s*】|扫一扫|推荐使用|建议使用).*(?:
|$)|^.*(?:ICP备|公网安备|IE\d+及以上|分辨率浏览).*(?:
|$)|^[ 	]*(?:打印|关闭|打印本页|关闭窗口|返回顶部|\[打印\]|\[关闭\])[ 	]*(?:
|$)`,
  'gmu',
);

export function normalize(t: MappedText): MappedText {
  const lines = rewrite(t, /\r\n?/g, () => '\n');
  const wide = widths(lines);
  // The pinyin search looks behind at every character: run it only where a tone mark is.
  const simple = simplified(TONED.test(wide.text) ? rewrite(wide, PINYIN, () => '') : wide);
  return rewrite(rewrite(simple, BOILERPLATE, () => ''), /[ \t]*[|｜][ \t]*$/gm, () => '');
}
