import type { Figure } from './figures.ts';

/**
 * Relations a report states between its own figures, checked: a rate against its parts,
 * 其中-parts against their whole, enumerated parts against their total, concluded against received.
 */
export type Confidence = 'high' | 'medium' | 'low';

export interface Finding {
  kind: 'rate_mismatch' | 'part_exceeds_whole' | 'parts_exceed_whole' | 'sum_mismatch' | 'concluded_exceeds_received';
  text: string;
  stated: number;
  computed: number;
  confidence: Confidence;
  message: string;
  start: number;
  end: number;
}

export interface Relation {
  kind: 'rate' | 'sum';
  text: string;
  stated: number;
  computed: number;
  parts: number[];
  note?: string;
  start: number;
  end: number;
}

const COUNT_UNITS = new Set(['件', '起', '人', '人次', '次', '场', '个', '项', '家', '份', '张', '名', '户', '条', '批', '所', '处', '篇', '期', '台', '辆', '套', '家次', '户次']);
const isCount = (f: Figure) => COUNT_UNITS.has(f.unit) && f.max === undefined;
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const decimals = (f: Figure) => (/\.(\d+)/.exec(f.text)?.[1].length ?? 0);
const fmt = (x: number) => String(round(x, 1));

/** Sentences (split at 。；! ? and line ends), each with the figures inside it. */
function sentences(text: string, figures: Figure[]) {
  const out: { start: number; end: number; figs: Figure[] }[] = [];
  const re = /[^。；;!?！？\n]+[。；;!?！？]?/g;
  let i = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const s = { start: m.index, end: m.index + m[0].length, figs: [] as Figure[] };
    while (i < figures.length && figures[i].start < s.end) {
      if (figures[i].start >= s.start) s.figs.push(figures[i]);
      i++;
    }
    if (s.figs.length) out.push(s);
  }
  return out;
}

/** Does p% state a / b, at the precision it is written with? */
function rateMatches(p: Figure, a: number, b: number) {
  if (b <= 0) return false;
  const d = decimals(p);
  return Math.abs(round((a / b) * 100, d) - p.value) < (d === 0 ? 0.51 : 0.051);
}

/**
 * Two counts side by side are often independent totals (建议60件，提案40件，办结率100%).
 * A mismatch is claimed only when the text makes one the part of the other.
 */
function tiedAsPartAndWhole(text: string, whole: Figure, part: Figure, p: Figure) {
  const between = text.slice(whole.end, part.start);
  const beforeRate = text.slice(part.end, p.start);
  return /其中/.test(between) || /占比|比例|比重|占/.test(beforeRate);
}

export function checkConsistency(text: string, figures: Figure[]): { findings: Finding[]; relations: Relation[] } {
  const findings: Finding[] = [];
  const relations: Relation[] = [];
  for (const s of sentences(text, figures)) {
    const span = { text: text.slice(s.start, s.end), start: s.start, end: s.end };
    const counts = s.figs.filter(isCount);
    const exact = counts.filter((f) => !f.approx);

    // 其中: a part larger than its whole.
    const qizhong = span.text.indexOf('其中');
    if (qizhong >= 0) {
      const at = s.start + qizhong;
      const whole = [...exact].reverse().find((f) => f.end <= at);
      const parts = exact.filter((f) => f.start > at && whole && f.unit === whole.unit);
      if (whole) {
        for (const p of parts) {
          if (p.value > whole.value) {
            findings.push({ kind: 'part_exceeds_whole', ...span, stated: p.value, computed: whole.value, confidence: 'high', message: `“其中”部分${p.text}大于总数${whole.text}` });
          }
        }
        const sum = parts.reduce((n, p) => n + p.value, 0);
        if (parts.length > 1 && sum > whole.value && parts.every((p) => p.value <= whole.value)) {
          findings.push({ kind: 'parts_exceed_whole', ...span, stated: sum, computed: whole.value, confidence: 'medium', message: `“其中”各部分合计${sum}${whole.unit}，超过总数${whole.text}` });
        }
      }
    }

    // An enumerated total: 60项，包括…6项、…3项、…11项、…40项.
    const listed = /(包括|分别为|分别是|涵盖|含)/.exec(span.text);
    if (listed) {
      const at = s.start + listed.index;
      const whole = [...exact].reverse().find((f) => f.end <= at);
      const parts = whole ? exact.filter((f) => f.start > at && f.unit === whole.unit) : [];
      if (whole && parts.length >= 2) {
        const sum = parts.reduce((n, p) => n + p.value, 0);
        if (sum === whole.value) relations.push({ kind: 'sum', ...span, stated: whole.value, computed: sum, parts: parts.map((p) => p.value) });
        else findings.push({ kind: 'sum_mismatch', ...span, stated: whole.value, computed: sum, confidence: listed[1].startsWith('分别') ? 'high' : 'medium', message: `总数${whole.text}与所列各项之和${sum}${whole.unit}（${parts.map((p) => p.value).join('+')}）不符` });
      }
    }

    // Concluded more than received, in one sentence (carry-overs can explain it: low confidence).
    const notConcluded = (f: Figure) => !/办结|审结|结案/.test(f.counts);
    const received = exact.find((f) => /受理/.test(f.counts) && notConcluded(f)) ?? exact.find((f) => /收到|接收|新收/.test(f.counts) && notConcluded(f));
    const concluded = exact.find((f) => /办结|审结|结案/.test(f.counts));
    if (received && concluded && received.unit === concluded.unit && concluded.value > received.value) {
      findings.push({ kind: 'concluded_exceeds_received', ...span, stated: concluded.value, computed: received.value, confidence: 'low', message: `办结${concluded.text}多于受理${received.text}（可能含上年结转，请核实）` });
    }

    // Rates: each percentage against the counts stated before it in the sentence.
    for (const p of s.figs.filter((f) => f.unit === '%' && !f.approx && f.max === undefined)) {
      const before = text.slice(Math.max(s.start, p.start - 8), p.start);
      if (/增长|下降|提高|降低|同比|环比|上升|减少|提升/.test(before)) continue;
      const prior = exact.filter((f) => f.end <= p.start);
      if (prior.length < 2) continue;
      const pairs: { a: Figure; b: Figure }[] = [];
      for (let i = 0; i < prior.length; i++)
        for (let j = 0; j < prior.length; j++) if (i !== j && prior[i].unit === prior[j].unit) pairs.push({ a: prior[i], b: prior[j] });
      if (!pairs.length) continue;
      // The natural reading: the nearest count is the part, the one before it the whole.
      const natural = { a: prior[prior.length - 1], b: prior[prior.length - 2] };
      const match = pairs.find((x) => rateMatches(p, x.a.value, x.b.value));
      const pspan = { start: Math.min(natural.b.start, p.start), end: p.end, text: text.slice(Math.min(natural.b.start, p.start), p.end) };
      if (match) {
        const note = match.a === natural.a && match.b === natural.b ? undefined : `与${match.a.text}÷${match.b.text}相符，而非紧邻的${natural.a.text}÷${natural.b.text}`;
        relations.push({ kind: 'rate', ...pspan, stated: p.value, computed: round((match.a.value / match.b.value) * 100, 2), parts: [match.a.value, match.b.value], ...(note ? { note } : {}) });
      } else if (natural.a.unit === natural.b.unit && tiedAsPartAndWhole(text, natural.b, natural.a, p)) {
        const computed = (natural.a.value / natural.b.value) * 100;
        findings.push({ kind: 'rate_mismatch', ...pspan, stated: p.value, computed: round(computed, 2), confidence: 'medium', message: `所述${p.text}与${natural.a.text}÷${natural.b.text}=${fmt(computed)}%不符` });
      }
    }
  }
  return { findings, relations };
}
