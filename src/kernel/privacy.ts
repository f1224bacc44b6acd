/**
 * Personal data (个人信息保护法): the one place that masks it, for every output a reader without
 * the need sees (the portal, public API, exports, the leader's and other orgs' views). Keeps
 * enough to recognise a record, never enough to identify a person.
 *
 * Whether a name is a person's is decided by the party's kind (自然人 or 组织) and by the names
 * the case itself records, never by how the name ends: 刘会 and 张社 are people.
 */
export type PartyKind = 'person' | 'organisation';

const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const ID_CARD = /^\d{17}[\dXx]$/;

/** An 18-character number is a 身份证号 only if it carries a real birth date (credit codes of 个体户 look alike). */
function isIdCard(s: string): boolean {
  if (!ID_CARD.test(s)) return false;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  return y >= 1880 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/** The kind stated at intake; otherwise a 统一社会信用代码 means an organisation, and anything else is treated as a person. */
export function partyKind(p: { kind?: PartyKind | null; idNumber?: string | null }): PartyKind {
  if (p.kind) return p.kind;
  return p.idNumber && CREDIT_CODE.test(p.idNumber) && !isIdCard(p.idNumber) ? 'organisation' : 'person';
}

export function maskName(name: string, kind: PartyKind = 'person'): string {
  if (kind === 'organisation') return name;
  const chars = [...name];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(phone.length);
  return digits.slice(0, 3) + '****' + digits.slice(-4);
}

export function maskAddress(address: string): string {
  const chars = [...address];
  const keep = Math.min(6, Math.max(0, chars.length - 2));
  return chars.slice(0, keep).join('') + '****';
}

export interface PartyView {
  role: string;
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
  masked: boolean;
}

export interface PartyRecord {
  role: string;
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
  kind?: PartyKind | null;
}

export function maskParty(p: PartyRecord): PartyView {
  const kind = partyKind(p);
  return {
    role: p.role,
    name: maskName(p.name, kind),
    // An organisation's 信用代码 and business address are public registration data.
    idNumber: p.idNumber && (kind === 'organisation' ? p.idNumber : maskIdNumber(p.idNumber)),
    phone: p.phone && maskPhone(p.phone),
    address: p.address && (kind === 'organisation' ? p.address : maskAddress(p.address)),
    masked: true,
  };
}

/** The names of natural persons among a case's parties (and its other person-name fields): what free text must not show. */
export function personNames(parties: PartyRecord[], extra: string[] = []): string[] {
  return [...parties.filter((p) => partyKind(p) === 'person').map((p) => p.name), ...extra].map((n) => n.trim()).filter((n) => [...n].length >= 2);
}

const CJK = '\\u4e00-\\u9fa5';
const PATTERNS: [RegExp, (m: string, ...g: string[]) => string][] = [
  // 身份证号 (with a real birth date), then mobile and landline numbers.
  [/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, (m) => (isIdCard(m) ? maskIdNumber(m) : m)],
  [/(?<!\d)1[3-9]\d{9}(?!\d)/g, maskPhone],
  [/(?<![\d-])(?:0\d{2,3}[-－ ]|[(（]0\d{2,3}[)）] ?)\d{7,8}(?!\d)/g, (m) => m.replace(/\d{7,8}$/, (n) => n.slice(0, 1) + '*'.repeat(n.length - 1))],
  // Addresses: a road and house number, or a village and its 组.
  [new RegExp(`[${CJK}]{0,10}?(?:路|街|大道|巷|弄|胡同)\\d+(?:-\\d+)?号(?:\\d+(?:栋|幢|单元|室|号楼|楼))*`, 'g'), keepPlace],
  [new RegExp(`[${CJK}]{0,10}?村[${CJK}\\d]{1,4}?组(?:\\d+号)?`, 'g'), keepPlace],
  // A name right after a word that introduces a person (联系人张三丰, 原告：刘会).
  [new RegExp(`(联系人|当事人|申请人|被申请人|第三人|原告|信访人|诉求人|举报人|投诉人|受援人|代理人|户主|姓名)([:：]?)([${CJK}]{2,3})(?=[，,。；;、（(\\s]|$)`, 'g'), (_m, cue, colon, name) => cue + colon + maskName(name)],
];

/** Keeps the 区/县/乡/镇 a masked address lies in, so the text still reads. */
function keepPlace(m: string): string {
  const at = Math.max(...['区', '县', '乡', '镇'].map((c) => m.lastIndexOf(c)));
  return (at >= 0 && at < m.length - 3 ? m.slice(0, at + 1) : '') + '****';
}

/**
 * Names to hide, compiled once for many texts: indexed by first character, longest first. A list
 * of every person the records know runs to thousands of names and is masked into every title of a
 * page, so it must not be sorted again per text. `with` lays a case's own names over a shared index.
 */
export class NameIndex {
  private constructor(private readonly parts: Map<string, string[]>[]) {}

  private static compiled = new WeakMap<object, NameIndex>();

  /** The index of a list; the same array (a cached list) is compiled once. */
  static of(names: Names): NameIndex {
    if (names instanceof NameIndex) return names;
    const hit = NameIndex.compiled.get(names);
    if (hit) return hit;
    const index = new NameIndex([byFirstChar(names)]);
    NameIndex.compiled.set(names, index);
    return index;
  }

  with(more: Iterable<string>): NameIndex {
    return new NameIndex([byFirstChar(more), ...this.parts]);
  }

  /**
   * Every occurrence of every name shows only its first character, overlapping ones too: a position
   * any name hides stays hidden, so no order of replacement can leave part of a name readable.
   */
  hide(text: string): string {
    let hidden: Uint8Array | null = null;
    for (let i = 0; i < text.length; i++) {
      for (const part of this.parts) {
        for (const n of part.get(text[i]) ?? []) {
          if (!text.startsWith(n, i)) continue;
          hidden ??= new Uint8Array(text.length);
          const first = text.codePointAt(i)! > 0xffff ? 2 : 1;
          hidden.fill(1, i + first, i + n.length);
        }
      }
    }
    if (!hidden) return text;
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const wide = text.codePointAt(i)! > 0xffff;
      out += hidden[i] ? '*' : wide ? text.slice(i, i + 2) : text[i];
      if (wide) i++;
    }
    return out;
  }
}

export type Names = Iterable<string> | NameIndex;

function byFirstChar(names: Iterable<string>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const raw of new Set(names)) {
    const n = raw.trim();
    if ([...n].length < 2) continue;
    const list = map.get(n[0]);
    if (list) list.push(n);
    else map.set(n[0], [n]);
  }
  for (const list of map.values()) list.sort((a, b) => b.length - a.length);
  return map;
}

/**
 * The one masker of free text: 身份证号, mobile and landline numbers, addresses, names after
 * a word that introduces a person, and every name in `names` (the case's own people).
 */
export function maskText(text: string, names: Names = []): string {
  let out = text;
  for (const [re, fn] of PATTERNS) out = out.replace(re, fn as any);
  return NameIndex.of(names).hide(out);
}

/** @deprecated name kept for callers; the same masker. */
export const maskPersonalDataInText = (text: string) => maskText(text);

/** Every string inside a JSON value (a case's fields, a step's data, a register item), masked. */
export function maskDeep<T>(value: T, names: Names = []): T {
  const list = NameIndex.of(names);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return maskText(v, list);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object' && !(v instanceof Date)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

// One function per output kind, each calling the one masker.

/** A case as someone without the need sees it: title, fields, timeline and parties. */
export function maskCaseView<C extends { title: string; fields: unknown; parties: PartyView[]; timeline: { data: unknown }[] }>(view: C, parties: PartyRecord[], extraNames: Names = []): C {
  const names = NameIndex.of(extraNames).with(personNames(parties));
  return {
    ...view,
    title: maskText(view.title, names),
    fields: maskDeep(view.fields, names),
    parties: parties.map(maskParty),
    timeline: view.timeline.map((e) => ({ ...e, data: maskDeep(e.data, names) })),
  };
}

/** A case's title in a list, an export or the dashboard. */
export const maskCaseTitle = (title: string, names: Names) => maskText(title, names);

/** A report's public text: title, headings and body (the .docx and PDF are made from it). */
export function maskReport<R extends { title: string; sections: { heading: string; rendered: string }[] }>(r: R, names: Names = []): R {
  const list = NameIndex.of(names);
  return { ...r, title: maskText(r.title, list), sections: r.sections.map((s) => ({ ...s, heading: maskText(s.heading, list), rendered: maskText(s.rendered, list) })) };
}

/** A register version's items and note as the portal publishes them. */
export const maskRegisterItems = <T>(items: T, names: Names = []) => maskDeep(items, names);

/** An 执法决定公示 row: the matter and the summary. */
export const maskNotice = (r: { matter: string; summary: string }, names: Names = []) => ({ matter: maskText(r.matter, names), summary: maskText(r.summary, names) });
