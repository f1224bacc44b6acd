import * as OpenCC from 'opencc-js';

/**
 * The character encoding of a text or HTML file: UTF-8, UTF-16 (with or without BOM), GBK/GB18030
 * or Big5, as government sites still publish all of them. Wrong decodings of Chinese are still
 * Chinese characters, only rare ones: the candidate whose characters are the common ones wins,
 * and a file no candidate reads as ordinary Chinese is refused rather than returned as garbage.
 */

// Some 400 of the commonest characters of government prose, simplified; their traditional forms are added.
const COMMON_SIMPLIFIED =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又利比或但质气第向道此变条只没结解问意建月公无系很情者最立代已通并提直题党程展五果象员位入常文总次品式活设及管特件长求基资边流路级少统接知较将组见计别期根论运农指几九区强放决被干做必先回则任取据处队南给光门即保治北造百规领七导志世金增争济阶思术极交受联认六共权收证改清再采转更单切教速带安场身例真务具万每目至达积示议报完类八华名确才科信节话整元况今集传土许步群广记需段研界律且究观越织影算低持众书复容须际商非验连断深难近千周委素技备半办省列习响约支般感劳便团历市何除构府称准精值号率族维划选标写存候效院查型按格易置层始专状育识适属包住调满县局照参细引该价严依执审诉讼纠纷调解复议案诉求监督检查考核培训宣传普及规范制度落实推进加强深化完善健全提升优化营商环境政务服务行政许可处罚强制公开申请合法性审查决策程序责任清单事项街道乡镇社区乡村人员干部领导负责同志习近平思想';
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const COMMON = new Set([...COMMON_SIMPLIFIED, ...toTraditional(COMMON_SIMPLIFIED)]);

/** Share of the Chinese characters in `text` that are common ones; how ordinary the text reads. */
export function commonShare(text: string): { han: number; share: number; bad: number } {
  let han = 0;
  let common = 0;
  let bad = 0;
  const n = Math.min(text.length, 20000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) {
      han++;
      if (COMMON.has(text[i])) common++;
    } else if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13) || (c >= 0xe000 && c <= 0xf8ff) || (c >= 0xd800 && c <= 0xdfff)) bad++;
  }
  return { han, share: han ? common / han : 0, bad: bad / Math.max(1, n) };
}

/** UTF-16 without BOM shows as zero bytes on one side of each pair wherever the text is ASCII. */
export function utf16Guess(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const n = Math.min(bytes.length, 8192) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.05 && even < odd * 0.1) return 'utf-16le';
  if (even > pairs * 0.05 && odd < even * 0.1) return 'utf-16be';
  return null;
}

export class UndecodableError extends Error {}

/** The text of a file in whichever encoding reads as ordinary Chinese; throws UndecodableError if none does. */
export function decodeChinese(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  const sixteen = utf16Guess(bytes);
  if (sixteen && (bytes[0] === 0xff || bytes[0] === 0xfe)) return { text: new TextDecoder(sixteen).decode(bytes.subarray(2)), encoding: sixteen };
  if (!sixteen) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      // not UTF-8: try the others below
    }
  }
  const names = sixteen ? [sixteen] : ['gb18030', 'big5', 'utf-8', ...(bytes.length % 2 === 0 ? ['utf-16le', 'utf-16be'] : [])];
  let best: { text: string; encoding: string; score: number; han: number } | null = null;
  for (const encoding of names) {
    const text = new TextDecoder(encoding).decode(bytes);
    const s = commonShare(text);
    const score = s.share - s.bad * 10;
    if (!best || score > best.score) best = { text, encoding, score, han: s.han };
  }
  // Text with hardly any Chinese (an English page in GBK) is what its ASCII says it is.
  if (best && (best.score >= 0.3 || (best.han < 20 && best.score >= 0 && best.encoding === 'gb18030'))) return { text: best.text, encoding: best.encoding };
  throw new UndecodableError(best?.encoding ?? 'unknown');
}
