/**
 * Text that remembers where each character came from: map[i] is the offset in the original of
 * character i, and map[text.length] is the original's length. Every cleaning step keeps the map,
 * so a finding in the cleaned text points into what the user uploaded.
 */
export interface MappedText {
  text: string;
  map: Int32Array;
}

export function identity(text: string): MappedText {
  const map = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) map[i] = i;
  return { text, map };
}

/**
 * Rewrites every match of `re` (global) with replace(match) and keeps the map: replaced
 * characters map to the start of their match, except that equal-length replacements map one to one.
 */
export function rewrite(src: MappedText, re: RegExp, replace: (m: RegExpExecArray) => string): MappedText {
  const parts: string[] = [];
  const map: number[] = [];
  let last = 0;
  re.lastIndex = 0;
  for (let m = re.exec(src.text); m; m = re.exec(src.text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const seg = src.text.slice(last, m.index);
    parts.push(seg);
    for (let i = last; i < m.index; i++) map.push(src.map[i]);
    const rep = replace(m);
    parts.push(rep);
    for (let i = 0; i < rep.length; i++) map.push(src.map[m.index + (rep.length === m[0].length ? i : 0)]);
    last = m.index + m[0].length;
  }
  if (last === 0 && parts.length === 0) return src;
  parts.push(src.text.slice(last));
  for (let i = last; i < src.text.length; i++) map.push(src.map[i]);
  map.push(src.map[src.text.length]);
  return { text: parts.join(''), map: Int32Array.from(map) };
}

/** Original [start, end) of a span of the mapped text. */
export function originalSpan(t: MappedText, start: number, end: number): { start: number; end: number } {
  const s = t.map[start];
  // The end is one past the last character's original position.
  const e = end > start ? t.map[end - 1] + 1 : s;
  return { start: s, end: Math.max(e, s) };
}
