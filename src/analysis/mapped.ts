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
  // Made at the first match and grown on demand; unchanged stretches are copied in one go (this
  // runs several times per report, mostly finding nothing).
  let map = new Int32Array(0);
  let n = 0;
  const room = (k: number) => {
    if (n + k <= map.length) return;
    if (map.length === 0) return void (map = new Int32Array(Math.max(src.text.length + 1, k)));
    const bigger = new Int32Array(Math.max(map.length * 2, n + k));
    bigger.set(map.subarray(0, n));
    map = bigger;
  };
  let last = 0;
  re.lastIndex = 0;
  for (let m = re.exec(src.text); m; m = re.exec(src.text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    parts.push(src.text.slice(last, m.index));
    room(m.index - last);
    map.set(src.map.subarray(last, m.index), n);
    n += m.index - last;
    const rep = replace(m);
    parts.push(rep);
    room(rep.length);
    if (rep.length === m[0].length) map.set(src.map.subarray(m.index, m.index + rep.length), n), (n += rep.length);
    else for (let i = 0; i < rep.length; i++) map[n++] = src.map[m.index];
    last = m.index + m[0].length;
  }
  if (last === 0 && parts.length === 0) return src;
  parts.push(src.text.slice(last));
  room(src.text.length - last + 1);
  map.set(src.map.subarray(last, src.text.length + 1), n);
  n += src.text.length - last + 1;
  return { text: parts.join(''), map: map.slice(0, n) };
}

/** Original [start, end) of a span of the mapped text. */
export function originalSpan(t: MappedText, start: number, end: number): { start: number; end: number } {
  const s = t.map[start];
  // The end is one past the last character's original position.
  const e = end > start ? t.map[end - 1] + 1 : s;
  return { start: s, end: Math.max(e, s) };
}
