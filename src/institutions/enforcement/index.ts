import { z } from 'zod';
import { defineCaseType, f, type EventView } from '../../kernel/cases/define.ts';
import { invalidCertificates } from './certificate.ts';
import { exemptionItemKnown } from '../registers/index.ts';
import { computeDue } from '../../kernel/calendar/calendar.ts';
import { addMonths, diffDays } from '../../kernel/calendar/dates.ts';
import type { ActionDef, ClockDef } from '../../kernel/cases/define.ts';

/**
 * 行政执法案件 with the 三项制度 (国办发〔2018〕118号) under 行政处罚法 (2021):
 * 立案 by two certified officers (arts. 42, 55) → 调查 → 告知 with the rights to state a case and,
 * for heavy penalties, a hearing (arts. 44, 63) → 听证 → 法制审核 before the decisions art. 58
 * names, by someone who is not a handler → 决定 within 90 日 of 立案 (art. 60), where 首违不罚 or
 * 轻微免罚 (art. 33) cites the item of the org's 免罚清单 → 送达 within 7 日 (art. 61) → 公示 within
 * 7 工作日 (许可, 处罚) or 20 工作日 (other decisions) → 执行 and 结案. 全过程记录: attachments on
 * the case, covered by the audit chain. A case that turns out to be a crime goes through 行刑衔接
 * (移送 to the police, see TRANSFER_LAW below) on the same case.
 */
// 行政许可 and 行政强制 have their own case types (许可法, 强制法): their clocks are not a 处罚's.
const KINDS = { penalty: '行政处罚', inspection: '行政检查', other: '其他' };
/** Art. 63 ¶1: the sanctions that carry a hearing right whatever the amount. */
const HEAVY_SANCTIONS = {
  confiscation_large: '没收较大数额违法所得、较大价值非法财物',
  demotion: '降低资质等级',
  revocation: '吊销许可证件',
  suspension: '责令停产停业',
  closure: '责令关闭',
  restriction: '限制从业',
  other_heavy: '其他较重的行政处罚',
};
const SANCTIONS = { warning: '警告、通报批评', fine: '罚款', confiscation: '没收违法所得、非法财物', ...HEAVY_SANCTIONS, none: '不予处罚' };
/**
 * 较大数额罚款 (art. 63 ¶1 (一)) is fixed by each province or ministry; these are the platform's
 * defaults (公民1万元、法人或其他组织10万元), a local choice recorded in docs/domain.md.
 */
export const LARGE_FINE = { person: 10_000, organization: 100_000 };
/** The hearing right follows from the proposed sanction, not from a clerk's tick (art. 63). */
export const hearingRightOf = (notice: Record<string, any> | undefined) =>
  Boolean(notice) &&
  (notice!.hearingRight === true ||
    Object.hasOwn(HEAVY_SANCTIONS, notice!.sanction) ||
    (notice!.sanction === 'fine' && Number(notice!.proposedFine ?? 0) >= LARGE_FINE[notice!.partyType === 'person' ? 'person' : 'organization']));
const DECISIONS = {
  penalty: '给予行政处罚',
  lighter: '从轻处罚',
  mitigated: '减轻处罚',
  first_violation: '首违不罚',
  minor: '轻微免罚',
  no_fault: '无主观过错，不予处罚',
  not_established: '违法事实不成立，不予处罚',
  transferred: '涉嫌犯罪，移送司法机关',
  other_decision: '其他处理决定',
};
const EXEMPT = ['first_violation', 'minor', 'no_fault'];
const PENALTIES = ['penalty', 'lighter', 'mitigated'];

/** The grounds `exclude_period` may record (不计入办案期限的期间). */
const EXCLUSIONS = { suspension: '案件中止', hearing: '听证', notice: '公告', testing: '检测、检验、检疫、鉴定' };
type Exclusion = keyof typeof EXCLUSIONS;

/** One field's decision period under one text: its length, extensions and exclusions, 当场 caps. */
export interface FieldRule {
  days: number;
  /** The most all extensions may add (0: none). */
  extension: number;
  extensionBasis: string;
  /** How many 延长 steps the text allows (as many as fit in `extension` when unset). */
  extensionTimes?: number;
  fromReceipt: boolean;
  excludes: boolean;
  /** The 不计入 grounds the text names, and the words that say so (all four grounds when unset). */
  exclusions?: readonly Exclusion[];
  exclusionBasis?: string;
  basis: string;
  spotCap: { person: number; organization: number };
  /** The article that sets the 当场 cap when it is not 行政处罚法 art. 51. */
  spotBasis?: string;
  /** The text's own 送达 rule for the 决定书 (days, and the article), replacing 行政处罚法 art. 61's 7 日. */
  service?: { days: number; basis: string };
  /** The article letting one officer decide on the spot (with no objection and full recording), if the text has one. */
  singleOfficerSpot?: string;
  /**
   * A further 合理期限 the heads decide collectively once the extension is used up (市场监管):
   * the text sets no cap, so this is only the platform's bound on it.
   */
  collectiveExtension?: number;
}

/** A field: its rule, and the revised text's rule for cases whose 立案 (or 当场处罚) is on or after `from`. */
export interface EnforcementField extends FieldRule {
  label: string;
  /** The 备案 of an on-the-spot decision: working days, or natural hours where the law says 小时. */
  filing: { length: number; unit: 'workday' | 'hour' };
  revised?: FieldRule & { from: string; text: string; clockSuffix: string };
}

/**
 * 执法领域: art. 60 gives 90 日 from 立案 "法律、法规、规章另有规定的，从其规定", art. 51 lets a law
 * set other 当场处罚 caps, and art. 52 sets no period for the 备案 of an on-the-spot decision. Each
 * field's figures live here, so a department's own rules are one entry (docs/domain.md). 市场监管
 * (市场监督管理行政处罚程序规定, as its published flowcharts state it) and 治安 are examples. 治安
 * has two texts: the 2012 law (art. 99: 30 + 30 日 from 受理, 鉴定 excluded; art. 100: 当场 ≤200元;
 * art. 101: 备案 within 24 小时) and the 2025 revision in force 2026-01-01 (art. 118: 30 日 from
 * 立案, extended by 30 日 at most twice, 鉴定 and 听证 excluded; art. 119: 当场 ≤500元; art. 120 ¶4:
 * 备案 within 24 小时, counted in hours from the minute of the decision).
 */
export const ENFORCEMENT_FIELDS = {
  general: {
    label: '一般（适用行政处罚法）',
    days: 90,
    extension: 0,
    extensionBasis: '',
    fromReceipt: false,
    excludes: false,
    basis: '行政处罚法第六十条：自立案之日起九十日内作出决定',
    spotCap: { person: 200, organization: 3000 },
    filing: { length: 2, unit: 'workday' },
  },
  market: {
    label: '市场监管',
    days: 90,
    extension: 30,
    extensionBasis: '市场监督管理行政处罚程序规定第六十四条：经市场监督管理部门负责人批准，可以延长三十日',
    fromReceipt: false,
    excludes: true,
    basis: '市场监督管理行政处罚程序规定第六十四条：自立案之日起九十日，经负责人批准可延长三十日，经延期仍不能作出的由负责人集体讨论决定是否继续延期；中止、听证、公告和检测、检验、检疫、鉴定等时间不计入',
    spotCap: { person: 200, organization: 3000 },
    filing: { length: 2, unit: 'workday' },
    collectiveExtension: 365,
  },
  public_security: {
    label: '公安（治安管理处罚）',
    days: 30,
    extension: 30,
    extensionBasis: '治安管理处罚法（2012年）第九十九条：案情重大、复杂的，经上一级公安机关批准，可以延长三十日',
    fromReceipt: true,
    excludes: true,
    exclusions: ['testing'],
    exclusionBasis: '治安管理处罚法（2012年）第九十九条第二款：只有为了查明案情进行鉴定的期间不计入办案期限',
    basis: '治安管理处罚法（2012年）第九十九条：自受理之日起三十日，经上一级公安机关批准可延长三十日；鉴定期间不计入（2026-01-01前立案的案件）',
    spotCap: { person: 200, organization: 200 },
    spotBasis: '治安管理处罚法（2012年）第一百条',
    service: { days: 2, basis: '治安管理处罚法（2012年）第九十七条第一款' },
    filing: { length: 24, unit: 'hour' },
    revised: {
      from: '2026-01-01',
      text: '治安管理处罚法（2025年修订）',
      clockSuffix: '2025',
      days: 30,
      extension: 60,
      extensionTimes: 2,
      extensionBasis: '治安管理处罚法（2025年修订）第一百一十八条第一款：案情重大、复杂的，经上一级公安机关批准，可以延长三十日，期限延长以二次为限；公安派出所办理的案件由所属公安机关批准',
      fromReceipt: false,
      excludes: true,
      exclusions: ['testing', 'hearing'],
      exclusionBasis: '治安管理处罚法（2025年修订）第一百一十八条第二款：只有为了查明案情进行鉴定的期间、听证的期间不计入办案期限',
      basis: '治安管理处罚法（2025年修订）第一百一十八条：自立案之日起三十日，经上一级公安机关批准可延长三十日，延长以二次为限；鉴定期间、听证期间不计入（2026-01-01起立案的案件）',
      spotCap: { person: 500, organization: 500 },
      spotBasis: '治安管理处罚法（2025年修订）第一百一十九条',
      service: { days: 2, basis: '治安管理处罚法（2025年修订）第一百一十六条第一款' },
      singleOfficerSpot: '治安管理处罚法（2025年修订）第一百二十条第三款',
    },
  },
} satisfies Record<string, EnforcementField>;
type FieldKey = keyof typeof ENFORCEMENT_FIELDS;
const FIELD_KEYS = Object.keys(ENFORCEMENT_FIELDS) as FieldKey[];
const fieldRule = (k: FieldKey): EnforcementField => ENFORCEMENT_FIELDS[k];
const fieldOf = (fields: Record<string, any>): FieldKey => (Object.hasOwn(ENFORCEMENT_FIELDS, fields.field) ? fields.field : 'general');
/** The rule a case follows: the revised text's when the step that fixes it (立案, 当场处罚) is on or after its date. */
export const ruleOn = (k: FieldKey, on: string): FieldRule => {
  const r = fieldRule(k);
  return r.revised && on >= r.revised.from ? r.revised : r;
};
/** A case's rule, fixed by its 立案 date (none yet: today's). */
const caseRule = (fields: Record<string, any>, events: EventView[], on: string) => ruleOn(fieldOf(fields), events.find((e) => e.kind === 'file')?.on ?? on);
const FIELD_LABELS = Object.fromEntries(Object.entries(ENFORCEMENT_FIELDS).map(([k, v]) => [k, v.label])) as Record<FieldKey, string>;
/** The decision clock of each field: `decision` for the general rule, `decision_<field>` for the others, `decision_<field>_<year>` for a revised text. */
const decisionClockKey = (k: FieldKey) => (k === 'general' ? 'decision' : `decision_${k}`);
const decisionClocks = (k: FieldKey) => {
  const r = fieldRule(k);
  return [decisionClockKey(k), ...(r.revised ? [`${decisionClockKey(k)}_${r.revised.clockSuffix}`] : [])];
};
const EXTENDABLE = FIELD_KEYS.filter((k) => fieldRule(k).extension > 0);
const EXTENDABLE_CLOCKS = EXTENDABLE.flatMap(decisionClocks);

/**
 * 行刑衔接 (行政执法机关移送涉嫌犯罪案件的规定, 国务院令第310号, 2020年修订): steps of the 行政执法
 * case rather than a case type of its own, because the transfer is a turn of the same matter — the
 * same officers, evidence and 涉案物品, the same parties — and the law ties it to the case's decision:
 * no 处罚 instead of a transfer (art. 11), and the case goes on to a 处罚 when the police decline
 * (art. 10). Its 3 日 periods are natural days (the regulation has no 工作日 rule, so 行政处罚法
 * art. 85 does not apply); the 24 小时 of arts. 5 and 7 are counted in hours from the minute recorded.
 */
const TRANSFER_LAW = '行政执法机关移送涉嫌犯罪案件的规定';
const TRANSFER_ACTIVE = ['filed', 'investigated', 'notified', 'heard', 'reviewed'];
const TRANSFER_AFTER = [...TRANSFER_ACTIVE, 'decided', 'served', 'closed'];
const APPROVER_ROLES = { head: '正职负责人', acting: '主持工作的负责人', other: '其他负责人（分管负责人等）' };
const POLICE_DECISIONS = { filed: '决定立案', not_filed: '决定不予立案' };
const last = (events: EventView[], kinds: string[]) => events.findLast((e) => kinds.includes(e.kind));
/** The report awaiting the head's decision, if any. */
const openReport = (events: EventView[]) => last(events, ['transfer_report', 'transfer_approval'])?.kind === 'transfer_report';
/** Approved to transfer and not yet transferred (art. 5 ¶2, art. 11 ¶1). */
const approvedNotSent = (events: EventView[]) => {
  const e = last(events, ['transfer_approval', 'transfer']);
  return e?.kind === 'transfer_approval' && e.data.decision === 'approved';
};
/**
 * The police's latest answer to the transfer: 立案 or 不予立案, first or on 复议; a 转送 to the
 * competent organ (art. 7) still awaits one; a case sent back (art. 13) is the agency's again.
 */
const policeAnswer = (events: EventView[]) => last(events, ['transfer', 'police_forwarded', 'police_decision', 'reconsideration_result', 'police_return']);
const AWAITING = ['transfer', 'police_forwarded'];
const policeFiled = (events: EventView[]) => {
  const e = policeAnswer(events);
  return e !== undefined && !AWAITING.includes(e.kind) && e.data.decision === 'filed';
};
/** Art. 13: the grounds on which the police send a case back for the agency to deal with. */
const RETURN_GROUNDS = { no_crime: '经审查没有犯罪事实', minor: '立案侦查后认为犯罪事实显著轻微，不需要追究刑事责任' };
/** States in which the case has already been decided (as 移送司法机关): a returned case needs a new one. */
const DECIDED_STATES = ['decided', 'served', 'closed'];

/** Art. 36: not discovered within 2 years (5 where life, health or financial security was harmed) → no penalty. */
export function timeBarred(fields: Record<string, any>, discoveredOn: string): string | undefined {
  if (!fields.violationOn) return undefined;
  const years = fields.longLimitation ? 5 : 2;
  const ends = addMonths(fields.violationOn, years * 12);
  return discoveredOn > ends
    ? `违法行为自${fields.violationOn}起${years}年内（至${ends}）未被发现，${discoveredOn}才发现，不再给予行政处罚（行政处罚法第三十六条）；请作不予立案处理`
    : undefined;
}

const fineOfDecision = (events: EventView[]) => {
  const d = events.findLast((e) => e.kind === 'decide');
  return d && PENALTIES.includes(d.data.decision) ? Number(d.data.fine ?? 0) : 0;
};
/** Art. 72 ¶1 (一): 3% of the fine per day late, never more than the fine itself. */
export const surchargeCap = (fine: number, daysLate: number) => Math.min(fine, Math.round(fine * 0.03 * Math.max(0, daysLate)));

const handlersOf = (events: EventView[]) => events.filter((e) => ['file', 'investigate', 'notify'].includes(e.kind)).map((e) => e.by).filter((x) => x != null);
/** Art. 58: a heavy case (重大执法决定) or one that went through a hearing needs 法制审核 first. */
const needsLegalReview = (fields: Record<string, any>, events: EventView[]) => fields.major === true || events.some((e) => e.kind === 'hearing');
const passedLegalReview = (events: EventView[]) => events.some((e) => e.kind === 'legal_review' && e.data.opinion !== 'rejected');

export const enforcement = defineCaseType({
  key: 'enforcement',
  name: '行政执法',
  basis: '《中华人民共和国行政处罚法》（2021年修订）；国办发〔2018〕118号（行政执法三项制度）',
  statute: 'penalty',
  number: ({ org, year, seq }) => `${org}执〔${year}〕${seq}号`,
  states: {
    clue: { label: '线索待立案' },
    filed: { label: '已立案调查中' },
    investigated: { label: '调查终结' },
    notified: { label: '已告知' },
    heard: { label: '已听证' },
    reviewed: { label: '已法制审核' },
    decided: { label: '已决定待送达' },
    served: { label: '已送达待执行' },
    closed: { label: '已结案', final: true },
    not_filed: { label: '不予立案', final: true },
  },
  initial: 'clue',
  intake: z.object({
    receivedOn: f.date('发现线索日期'),
    kind: f.choice('执法类别', KINDS),
    source: f.choice('线索来源', { inspection: '检查发现', report: '投诉举报', transfer: '移送', other: '其他' }),
    matter: f.text('违法行为或事项', 300),
    major: f.flag('重大执法决定或情节复杂、重大违法（须法制审核、集体讨论）'),
    field: f.choice('执法领域（决定期限按领域规定）', FIELD_LABELS).optional(),
    violationOn: f.date('违法行为发生日期（连续或继续状态的，为行为终了之日）').optional(),
    longLimitation: f.flag('涉及公民生命健康安全、金融安全且有危害后果（追责时效五年）').optional(),
  }),
  title: (x) => x.matter.slice(0, 80),
  actions: [
    {
      key: 'file',
      label: '立案',
      basis: '行政处罚法第五十四条、第五十五条：执法人员不得少于两人，并出示执法证件',
      from: ['clue'],
      to: 'filed',
      fields: z.object({ officer1: f.text('执法人员一（执法证号）', 30), officer2: f.text('执法人员二（执法证号）', 30) }),
      check: ({ data, fields }) =>
        data.officer1 === data.officer2 ? '执法人员不得少于两人，请填写两名不同执法人员的执法证号（行政处罚法第四十二条）' : timeBarred(fields, fields.receivedOn),
      verify: async ({ db, orgId, data, on }) => {
        const bad = await invalidCertificates(db, orgId, [data.officer1, data.officer2], on);
        return bad.length ? `执法证号${bad.join('、')}不是有效的执法证件（未登记、已暂扣、已注销或逾期未年审），不能从事执法（行政处罚法第四十二条）` : undefined;
      },
    },
    {
      key: 'on_the_spot',
      label: '当场作出处罚决定（简易程序）',
      basis: '行政处罚法第五十一条至第五十三条：违法事实确凿并有法定依据，对公民二百元以下、对法人或者其他组织三千元以下罚款或者警告的，可以当场作出；出示执法证件，决定书当场交付，报所属行政机关备案',
      from: ['clue'],
      to: 'served',
      outcome: 'penalty',
      fields: z.object({
        officer1: f.text('执法人员一（执法证号）', 30),
        officer2: f.optionalText('执法人员二（执法证号；治安案件依法由一名人民警察作出的不填）', 30),
        singleOfficer: f.flag('由一名人民警察作出（治安，2026-01-01起：被处罚人无异议，全程同步录音录像）').optional(),
        noObjection: f.flag('被处罚人对拟作出处罚的内容及事实、理由、依据没有异议').optional(),
        fullRecording: f.flag('全程同步录音录像').optional(),
        certificatesShown: f.flag('已出示执法证件'),
        partyType: f.choice('当事人类型', { person: '公民', organization: '法人或其他组织' }),
        sanction: f.choice('处罚种类', { warning: '警告', fine: '罚款' }),
        fine: z.number().int().min(0).max(1_000_000_000).optional().meta({ title: '罚款金额（元）' }),
        statement: f.optionalText('当事人陈述、申辩及复核情况'),
      }),
      check: ({ data, fields, on }) => {
        const rule = ruleOn(fieldOf(fields), on);
        const cap = rule.spotCap[data.partyType as 'person' | 'organization'];
        if (data.singleOfficer) {
          if (!rule.singleOfficerSpot) return '执法人员不得少于两人；只有2026年1月1日起的治安当场处罚可以由一名人民警察作出（行政处罚法第四十二条，治安管理处罚法（2025年修订）第一百二十条第三款）';
          if (!data.noObjection || !data.fullRecording) return `由一名人民警察当场作出处罚决定，须被处罚人对拟作出处罚的内容及事实、理由、依据没有异议，并全程同步录音录像（${rule.singleOfficerSpot}）`;
          if (data.officer2) return '由一名人民警察作出的，请不要填写执法人员二';
        } else if (!data.officer2 || data.officer1 === data.officer2) return '执法人员不得少于两人，请填写两名不同执法人员的执法证号（行政处罚法第四十二条）';
        if (!data.certificatesShown) return '当场作出行政处罚决定的，执法人员应当向当事人出示执法证件（行政处罚法第五十二条）';
        if (data.sanction === 'fine' && !(Number(data.fine) > 0)) return '当场罚款的，请填写罚款金额';
        if (data.sanction === 'fine' && data.fine > cap)
          return `当场处罚只适用于对${data.partyType === 'person' ? '公民' : '法人或者其他组织'}处以${cap}元以下罚款或者警告，${data.fine}元须按普通程序立案办理（${rule.spotBasis ?? '行政处罚法第五十一条'}）`;
        return timeBarred(fields, fields.receivedOn);
      },
      verify: async ({ db, orgId, data, on }) => {
        const bad = await invalidCertificates(db, orgId, [data.officer1, data.officer2].filter(Boolean), on);
        return bad.length ? `执法证号${bad.join('、')}不是有效的执法证件，不能当场作出处罚决定（行政处罚法第四十二条、第五十二条）` : undefined;
      },
    },
    {
      key: 'file_record',
      label: '当场处罚决定报所属机关备案',
      basis: '行政处罚法第五十二条第三款：执法人员当场作出的行政处罚决定，应当报所属行政机关备案',
      from: ['served', 'closed'],
      when: ({ events }) => events.some((e) => e.kind === 'on_the_spot') && !events.some((e) => e.kind === 'file_record'),
      fields: z.object({ note: f.optionalText('备案说明') }),
    },
    {
      key: 'recusal',
      label: '回避申请或决定',
      basis: '行政处罚法第四十三条：执法人员与案件有直接利害关系或者有其他关系可能影响公正执法的，应当回避；当事人有权申请回避；回避决定作出之前，不停止调查',
      from: ['filed', 'investigated', 'notified'],
      fields: z.object({
        officer: f.text('被申请回避的执法人员（执法证号）', 30),
        by: f.choice('提出方式', { party: '当事人申请', self: '执法人员自行回避', ordered: '行政机关决定' }),
        reason: f.longText('回避事由'),
        decision: f.choice('负责人决定', { granted: '回避', refused: '驳回申请' }),
        decidedBy: f.text('作出决定的负责人', 50),
        replacement: f.optionalText('更换的执法人员（执法证号）', 30),
      }),
      check: ({ data, events }) => {
        const officers = events.filter((e) => e.kind === 'file').flatMap((e) => [e.data.officer1, e.data.officer2]);
        if (data.decision === 'granted' && !data.replacement) return '决定回避的，应当更换执法人员，请填写更换的执法人员（行政处罚法第四十三条）';
        if (data.replacement && (data.replacement === data.officer || officers.includes(data.replacement))) return '更换的执法人员不能是被回避的人员或本案原有的执法人员（行政处罚法第四十二条、第四十三条）';
        return undefined;
      },
      verify: async ({ db, orgId, data, on }) => {
        if (!data.replacement) return undefined;
        const bad = await invalidCertificates(db, orgId, [data.replacement], on);
        return bad.length ? `执法证号${data.replacement}不是有效的执法证件，不能接替办案（行政处罚法第四十二条）` : undefined;
      },
    },
    {
      key: 'preserve',
      label: '先行登记保存证据',
      basis: '行政处罚法第五十六条：证据可能灭失或者以后难以取得的，经行政机关负责人批准，可以先行登记保存，并应当在七日内及时作出处理决定',
      from: ['filed'],
      when: ({ clocks }) => clocks.preservation?.status !== 'running',
      fields: z.object({ items: f.longText('登记保存的物品'), approver: f.text('批准的负责人', 50) }),
    },
    {
      key: 'preservation_decision',
      label: '对登记保存的物品作出处理决定',
      basis: '行政处罚法第五十六条：七日内及时作出处理决定（第八十五条：工作日）',
      from: ['filed', 'investigated', 'notified', 'heard', 'reviewed', 'decided'],
      when: ({ clocks }) => clocks.preservation?.status === 'running',
      fields: z.object({ measure: f.choice('处理决定', { release: '解除登记保存', seal: '依法查封、扣押', sample: '抽样检验或鉴定', return: '退还' }), note: f.optionalText('说明') }),
    },
    {
      key: 'exclude_period',
      label: '不计入办案期限的期间开始（中止、听证、公告、检测鉴定等）',
      basis: '市场监督管理行政处罚程序规定第六十四条：中止、听证、公告和检测、检验、检疫、鉴定等时间不计入办案期限；治安管理处罚法（2012年）第九十九条第二款：鉴定期间不计入；（2025年修订）第一百一十八条第二款：鉴定期间、听证期间不计入',
      from: ['filed', 'investigated', 'notified', 'heard', 'reviewed'],
      when: ({ clocks }) => EXTENDABLE_CLOCKS.some((k) => clocks[k]?.status === 'running'),
      fields: z.object({ reason: f.choice('事由', EXCLUSIONS), note: f.optionalText('说明') }),
      // A field's text names its own grounds: 治安 excludes 鉴定 (and from 2026 听证) only.
      check: ({ data, fields, events, on }) => {
        const rule = caseRule(fields, events, on);
        return rule.exclusions && !rule.exclusions.includes(data.reason) ? `${EXCLUSIONS[data.reason as Exclusion]}的期间不能从办案期限中扣除（${rule.exclusionBasis}）` : undefined;
      },
    },
    {
      key: 'resume_period',
      label: '不计入期间结束，恢复计算办案期限',
      from: ['filed', 'investigated', 'notified', 'heard', 'reviewed'],
      when: ({ clocks }) => EXTENDABLE_CLOCKS.some((k) => clocks[k]?.status === 'paused'),
      fields: z.object({ note: f.optionalText('说明') }),
    },
    ...EXTENDABLE.map((k): ActionDef => {
      const key = `extend_decision_${k}`;
      const r = fieldRule(k);
      const steps = (events: EventView[]) => events.filter((e) => e.kind === key);
      const used = (events: EventView[]) => steps(events).reduce((n, e) => n + (Number(e.data.days) || 0), 0);
      /** Refused when the text's own cap or count is reached; the heads' 集体讨论 (市场监管) is a step of its own. */
      const spent = (rule: FieldRule, events: EventView[]) =>
        rule.extensionTimes && steps(events).length >= rule.extensionTimes
          ? `办案期限已延长${steps(events).length}次，不能再延长（${rule.extensionBasis}）`
          : used(events) >= rule.extension
            ? `已延长${used(events)}日，经批准的延长已用完（${rule.extensionBasis}）${rule.collectiveExtension ? '；继续延期须由负责人集体讨论决定' : ''}`
            : undefined;
      return {
        key,
        label: `延长办案期限（${r.label}）`,
        basis: [r.extensionBasis, r.revised?.extensionBasis].filter(Boolean).join('；'),
        from: ['filed', 'investigated', 'notified', 'heard', 'reviewed'],
        when: ({ events, clocks }) => !spent(r.revised && clocks[decisionClocks(k)[1]]?.status === 'running' ? r.revised : r, events),
        // Each approval adds at most the 30 日 the texts name (治安 2025: up to twice).
        fields: z.object({ days: f.days('延长天数', r.extension), approver: f.text('批准的负责人或机关', 50), reason: f.longText('延长理由') }),
        check: ({ data, fields, events, on }) => {
          // Another field's case has no such clock: the kernel says so.
          if (fieldOf(fields) !== k) return undefined;
          const rule = caseRule(fields, events, on);
          const why = spent(rule, events);
          if (why) return why;
          return used(events) + Number(data.days) > rule.extension ? `经批准最多延长${rule.extension}日，已延长${used(events)}日（${rule.extensionBasis}）` : undefined;
        },
      };
    }),
    {
      key: 'extend_decision_market_collective',
      label: '负责人集体讨论决定继续延期（市场监管）',
      basis: '市场监督管理行政处罚程序规定第六十四条：案情特别复杂或者有其他特殊情况，经延期仍不能作出处理决定的，应当由市场监督管理部门负责人集体讨论决定是否继续延期，决定继续延期的，应当同时确定延长的合理期限',
      from: ['filed', 'investigated', 'notified', 'heard', 'reviewed'],
      when: ({ events }) => events.some((e) => e.kind === 'extend_decision_market'),
      fields: z.object({
        days: f.days('继续延长的合理期限（日）', ENFORCEMENT_FIELDS.market.collectiveExtension),
        discussedOn: f.date('集体讨论日期'),
        participants: f.text('参加集体讨论的负责人', 200),
        grounds: f.longText('案情特别复杂或者其他特殊情况'),
        minutes: f.text('集体讨论记录（会议纪要编号）', 100),
      }),
      check: ({ data, fields, events, on }) => {
        if (fieldOf(fields) !== 'market') return undefined;
        const head = events.find((e) => e.kind === 'extend_decision_market');
        if (!head) return '须先经负责人批准延长三十日，延期后仍不能作出处理决定的，才能由负责人集体讨论决定继续延期（市场监督管理行政处罚程序规定第六十四条）';
        if (data.discussedOn > on || data.discussedOn < head.on) return `集体讨论日期（${data.discussedOn}）应在负责人批准延期（${head.on}）之后、本次登记之前`;
        return undefined;
      },
    },
    { key: 'refuse', label: '不予立案', from: ['clue'], to: 'not_filed', outcome: 'not_filed', fields: z.object({ reason: f.longText('理由') }) },
    { key: 'investigate', label: '调查终结', from: ['filed'], to: 'investigated', fields: z.object({ findings: f.longText('调查认定的事实') }) },
    {
      key: 'notify',
      label: '告知拟作决定及权利',
      basis: '行政处罚法第四十四条、第六十三条、第六十四条',
      from: ['investigated'],
      to: 'notified',
      fields: z.object({
        proposal: f.longText('拟作决定的内容、事实、理由、依据'),
        sanction: f.choice('拟作处罚种类', SANCTIONS),
        proposedFine: z.number().int().min(0).max(1_000_000_000).optional().meta({ title: '拟罚款金额（元）' }),
        partyType: f.choice('当事人类型', { person: '公民', organization: '法人或其他组织' }),
        hearingRight: f.flag('另行告知听证权利（法律、法规、规章规定的其他情形）').optional(),
      }),
      check: ({ data }) => (data.sanction === 'fine' && data.proposedFine === undefined ? '拟罚款的，请填写拟罚款金额' : undefined),
    },
    {
      key: 'hearing',
      label: '组织听证',
      basis: '行政处罚法第六十四条：当事人要求听证的，应当在告知后五日内提出',
      from: ['notified'],
      to: 'heard',
      when: ({ events }) => hearingRightOf(events.findLast((e) => e.kind === 'notify')?.data),
      fields: z.object({
        noticeOn: f.date('通知当事人听证时间、地点的日期'),
        host: f.text('听证主持人', 50),
        hostNotInvestigator: f.flag('主持人系行政机关指定的非本案调查人员'),
        attendance: f.choice('当事人出席情况', { attended: '出席（含委托代理人）', absent: '无正当理由拒不出席或未经许可中途退出（视为放弃听证权利）' }),
        summary: f.longText('听证笔录要点'),
      }),
      check: ({ data, events, on }) => {
        if (!data.hostNotInvestigator) return '听证由行政机关指定的非本案调查人员主持（行政处罚法第六十四条第四项）';
        const notified = events.findLast((e) => e.kind === 'notify')?.on;
        if (data.noticeOn > on || (notified && data.noticeOn < notified)) return `听证通知日期（${data.noticeOn}）应在告知之后、听证之前`;
        return undefined;
      },
      verify: async ({ data, on, calendar }) => {
        // "七日前" is 7 工作日 (art. 85): the hearing may be held on the 7th working day after the notice at the earliest.
        const earliest = computeDue(calendar, data.noticeOn, { length: 7, unit: 'workday' }).due;
        return on < earliest ? `${data.noticeOn}通知的听证最早于${earliest}举行：行政机关应当在举行听证的七日前通知当事人（行政处罚法第六十四条第二项、第八十五条）` : undefined;
      },
    },
    {
      key: 'legal_review',
      label: '法制审核',
      basis: '行政处罚法第五十八条：由非案件承办人员进行法制审核',
      from: ['notified', 'heard'],
      to: 'reviewed',
      fields: z.object({
        reviewer: f.text('审核人员', 50),
        firstTime: f.flag('审核人员系初次从事行政处罚决定法制审核').optional(),
        qualified: f.flag('审核人员取得法律职业资格'),
        opinion: f.choice('审核意见', { approved: '同意', amended: '修改后同意', rejected: '不同意' }),
        notes: f.optionalText('审核意见说明'),
      }),
      check: ({ data, events, actorId }) =>
        data.firstTime && !data.qualified
          ? '初次从事行政处罚决定法制审核的人员应当通过国家统一法律职业资格考试取得法律职业资格（行政处罚法第五十八条第二款）'
          : actorId != null && handlersOf(events).includes(actorId)
            ? '法制审核应由非案件承办人员进行，承办本案的人员不能审核（国办发〔2018〕118号）'
            : undefined,
    },
    {
      key: 'transfer_report',
      label: '专案组提出移送涉嫌犯罪案件的书面报告',
      basis: `${TRANSFER_LAW}第三条、第五条第一款：涉嫌构成犯罪、依法需要追究刑事责任的，必须移送公安机关；应当立即指定2名或者2名以上行政执法人员组成专案组，核实情况后提出书面报告，报经本机关正职负责人或者主持工作的负责人审批`,
      from: TRANSFER_ACTIVE,
      when: ({ events }) => !openReport(events) && !approvedNotSent(events),
      fields: z.object({
        member1: f.text('专案组执法人员一（执法证号）', 30),
        member2: f.text('专案组执法人员二（执法证号）', 30),
        suspicion: f.longText('涉嫌的犯罪及核实的情况（金额、情节、后果）'),
      }),
      check: ({ data }) => (data.member1 === data.member2 ? `专案组应由2名或者2名以上行政执法人员组成，请填写两名不同执法人员的执法证号（${TRANSFER_LAW}第五条第一款）` : undefined),
      verify: async ({ db, orgId, data, on }) => {
        const bad = await invalidCertificates(db, orgId, [data.member1, data.member2], on);
        return bad.length ? `执法证号${bad.join('、')}不是有效的执法证件，不能组成专案组（${TRANSFER_LAW}第五条第一款）` : undefined;
      },
    },
    {
      key: 'transfer_approval',
      label: '负责人批准或不批准移送',
      basis: `${TRANSFER_LAW}第五条第二款：正职负责人或者主持工作的负责人应当自接到报告之日起3日内作出批准移送或者不批准移送的决定；决定不批准的，应当将不予批准的理由记录在案`,
      from: TRANSFER_ACTIVE,
      when: ({ events }) => openReport(events),
      fields: z.object({
        decision: f.choice('决定', { approved: '批准移送', refused: '不批准移送' }),
        approver: f.text('审批的负责人', 50),
        approverRole: f.choice('审批人身份', APPROVER_ROLES),
        reason: f.optionalText('不予批准的理由'),
      }),
      check: ({ data }) => {
        if (data.approverRole === 'other') return `移送涉嫌犯罪案件由本机关正职负责人或者主持工作的负责人审批，其他负责人不能审批（${TRANSFER_LAW}第五条）`;
        if (data.decision === 'refused' && !data.reason) return `决定不批准移送的，应当将不予批准的理由记录在案（${TRANSFER_LAW}第五条第二款）`;
        return undefined;
      },
    },
    {
      key: 'transfer',
      label: '向公安机关移送涉嫌犯罪案件',
      basis: `${TRANSFER_LAW}第五条第二款、第六条：决定批准的，应当在24小时内向同级公安机关移送，附涉嫌犯罪案件移送书、调查报告、涉案物品清单、检验报告或者鉴定结论等材料`,
      from: TRANSFER_ACTIVE,
      when: ({ events }) => approvedNotSent(events),
      fields: z.object({
        police: f.text('接收移送的同级公安机关', 100),
        letter: f.flag('附涉嫌犯罪案件移送书'),
        report: f.flag('附涉嫌犯罪案件情况的调查报告'),
        items: f.flag('附涉案物品清单'),
        tests: f.choice('检验报告或者鉴定结论', { attached: '已附', none: '本案无检验、鉴定' }),
        copiedToProcuratorate: f.flag('已将移送书及有关材料目录抄送同级人民检察院'),
      }),
      check: ({ data }) =>
        !data.letter || !data.report || !data.items ? `移送涉嫌犯罪案件，应当附有移送书、调查报告和涉案物品清单（${TRANSFER_LAW}第六条）` : undefined,
    },
    {
      key: 'police_forwarded',
      label: '公安机关转送有管辖权的机关（按书面告知载明的转送日期登记）',
      basis: `${TRANSFER_LAW}第七条：公安机关应当在涉嫌犯罪案件移送书的回执上签字；不属于本机关管辖的，应当在24小时内转送有管辖权的机关，并书面告知移送案件的行政执法机关`,
      from: TRANSFER_AFTER,
      when: ({ events }) => policeAnswer(events)?.kind === 'transfer',
      fields: z.object({ forwardedTo: f.text('接受转送的有管辖权的机关', 100), noticeNo: f.text('书面告知文号', 60) }),
    },
    {
      key: 'police_return',
      label: '公安机关将案件移送回本机关',
      basis: `${TRANSFER_LAW}第十三条：公安机关经审查没有犯罪事实，或者立案侦查后认为犯罪事实显著轻微，不需要追究刑事责任，但依法应当追究行政责任的，应当及时将案件移送同级行政执法机关，有关行政执法机关应当依法作出处理`,
      from: TRANSFER_AFTER,
      when: ({ events }) => policeFiled(events),
      fields: z.object({ ground: f.choice('移送回的理由', RETURN_GROUNDS), police: f.text('移送回的公安机关', 100), noticeNo: f.text('移送文书文号', 60) }),
      // Already closed as 移送司法机关: the matter comes back as a new 线索 (来源：移送), linked to this case.
      spawn: ({ fields, orgId, state }) =>
        DECIDED_STATES.includes(state)
          ? {
              type: 'enforcement',
              orgId,
              fields: {
                kind: fields.kind,
                source: 'transfer',
                matter: String(fields.matter),
                major: fields.major === true,
                ...(fields.field ? { field: fields.field } : {}),
                ...(fields.violationOn ? { violationOn: fields.violationOn } : {}),
                ...(fields.longLimitation ? { longLimitation: true } : {}),
              },
            }
          : null,
    },
    {
      key: 'police_decision',
      label: '收到公安机关立案或不予立案的书面通知',
      basis: `${TRANSFER_LAW}第八条：公安机关应当自接受移送之日起3日内审查，决定立案的书面通知移送的行政执法机关；不予立案的，应当说明理由，书面通知并相应退回案卷材料`,
      from: TRANSFER_AFTER,
      when: ({ events }) => AWAITING.includes(policeAnswer(events)?.kind ?? ''),
      fields: z.object({ decision: f.choice('公安机关的决定', POLICE_DECISIONS), noticeNo: f.text('通知书文号', 60), reason: f.optionalText('不予立案的理由') }),
      check: ({ data }) => (data.decision === 'not_filed' && !data.reason ? `公安机关不予立案的，应当说明理由，请填写通知书载明的理由（${TRANSFER_LAW}第八条）` : undefined),
    },
    {
      key: 'reconsideration_request',
      label: '提请公安机关复议不予立案决定',
      basis: `${TRANSFER_LAW}第九条第一款：认为依法应当由公安机关决定立案的，可以自接到不予立案通知书之日起3日内，提请作出不予立案决定的公安机关复议`,
      from: TRANSFER_AFTER,
      when: ({ events }) => policeAnswer(events)?.kind === 'police_decision' && policeAnswer(events)!.data.decision === 'not_filed' && !events.some((e) => e.kind === 'reconsideration_request'),
      fields: z.object({ grounds: f.longText('认为应当立案的理由') }),
      verify: async ({ events, on, calendar }) => {
        const notice = last(events, ['police_decision'])!;
        const ends = computeDue(calendar, notice.on, { length: 3, unit: 'day' }).due;
        return on > ends ? `${notice.on}接到不予立案通知书，提请复议的期限至${ends}已过；可以建议人民检察院依法进行立案监督（${TRANSFER_LAW}第九条第一款）` : undefined;
      },
    },
    {
      key: 'reconsideration_result',
      label: '收到公安机关的复议决定',
      basis: `${TRANSFER_LAW}第九条第二款：公安机关应当自收到提请复议的文件之日起3日内作出立案或者不予立案的决定，并书面通知移送案件的行政执法机关`,
      from: TRANSFER_AFTER,
      when: ({ events }) => last(events, ['reconsideration_request', 'reconsideration_result'])?.kind === 'reconsideration_request',
      fields: z.object({ decision: f.choice('复议决定', POLICE_DECISIONS), noticeNo: f.text('复议决定通知书文号', 60) }),
    },
    {
      key: 'supervision_request',
      label: '建议人民检察院依法进行立案监督',
      basis: `${TRANSFER_LAW}第九条：对不予立案决定，可以建议人民检察院依法进行立案监督；对复议决定仍有异议的，应当自收到复议决定通知书之日起3日内建议；第十四条：移送接受人民检察院的监督`,
      from: TRANSFER_AFTER,
      when: ({ events }) => {
        const e = policeAnswer(events);
        return e !== undefined && !AWAITING.includes(e.kind) && e.data.decision === 'not_filed' && !events.some((x) => x.kind === 'supervision_request');
      },
      fields: z.object({ procuratorate: f.text('人民检察院', 100), grounds: f.longText('建议立案监督的理由') }),
      verify: async ({ events, on, calendar }) => {
        const result = last(events, ['reconsideration_result']);
        if (!result) return undefined;
        const ends = computeDue(calendar, result.on, { length: 3, unit: 'day' }).due;
        return on > ends ? `${result.on}收到复议决定通知书，仍有异议的应当在3日内（至${ends}）建议人民检察院依法进行立案监督，现已逾期（${TRANSFER_LAW}第九条第二款）` : undefined;
      },
    },
    {
      key: 'hand_over',
      label: '向公安机关移交涉案物品和有关材料',
      basis: `${TRANSFER_LAW}第十二条：对公安机关决定立案的案件，应当自接到立案通知书之日起3日内将涉案物品以及与案件有关的其他材料移交公安机关，并办结交接手续`,
      from: TRANSFER_AFTER,
      when: ({ events }) => policeFiled(events) && !events.some((e) => e.kind === 'hand_over'),
      fields: z.object({ items: f.longText('移交的涉案物品和材料'), receipt: f.text('交接手续（交接清单编号）', 60) }),
    },
    {
      key: 'decide',
      label: '作出决定',
      basis: '行政处罚法第五十七条、第六十条：立案之日起九十日内作出决定',
      from: ['notified', 'heard', 'reviewed'],
      to: 'decided',
      outcome: { field: 'decision' },
      fields: z.object({
        decision: f.choice('决定', DECISIONS),
        fine: z.number().int().min(0).max(1_000_000_000).optional().meta({ title: '罚没金额（元）' }),
        waived: z.number().int().min(0).max(1_000_000_000).optional().meta({ title: '免予处罚涉及金额（元）' }),
        exemptionItem: f.optionalText('适用的免罚清单事项（有清单的写明）', 200),
        collective: f.flag('经负责人集体讨论').optional(),
        hearingWaived: f.flag('当事人明确放弃听证').optional(),
        transferredTo: f.optionalText('移送的司法机关', 100),
        detentionDays: z.number().int().min(1).max(20).optional().meta({ title: '行政拘留（日，治安案件）' }),
      }),
      check: ({ data, events, fields }) => {
        if (data.detentionDays && fieldOf(fields) !== 'public_security') return '限制人身自由的行政处罚权只能由公安机关和法律规定的其他机关行使（行政处罚法第十八条第三款）：行政拘留只适用于公安机关办理的治安案件，请选择执法领域「公安（治安管理处罚）」';
        if (needsLegalReview(fields, events) && !passedLegalReview(events)) return '本案属重大执法决定或经过听证，须经法制审核同意后才能作出决定（行政处罚法第五十八条）';
        if (events.some((e) => e.kind === 'legal_review' && e.data.opinion === 'rejected') && !passedLegalReview(events)) return '法制审核意见为不同意，不能作出决定（行政处罚法第五十八条）';
        // 移送规定 art. 11 ¶1: once the transfer is approved, a 处罚 cannot stand in for it.
        if (PENALTIES.includes(data.decision) && approvedNotSent(events)) return `已批准移送涉嫌犯罪案件，应当先向公安机关移送，不得以行政处罚代替移送（${TRANSFER_LAW}第十一条第一款）`;
        if (PENALTIES.includes(data.decision) && fields.major === true && !data.collective) return '对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定（行政处罚法第五十七条第二款）';
        if (data.decision === 'transferred' && policeAnswer(events)?.kind === 'police_return')
          return `公安机关已将案件移送回本机关，应当依法作出处理（给予或者不予行政处罚等），不能再以移送司法机关结案（${TRANSFER_LAW}第十三条）`;
        if (data.decision === 'transferred' && !data.transferredTo) return '请填写移送的司法机关（行政处罚法第二十七条、第五十七条第一款第四项）';
        if (PENALTIES.includes(data.decision) && data.fine === undefined) return '请填写罚没金额（没有罚款的填0）';
        return undefined;
      },
      verify: async ({ db, orgId, data, events, on, calendar }) => {
        // Art. 33 ¶1: 不予处罚 does not depend on a list; a cited list item must be real.
        if (EXEMPT.includes(data.decision) && data.exemptionItem && !(await exemptionItemKnown(db, orgId, data.exemptionItem))) return `「${data.exemptionItem}」不在本单位现行免罚清单中`;
        const notice = events.findLast((e) => e.kind === 'notify');
        if (notice && hearingRightOf(notice.data) && !events.some((e) => e.kind === 'hearing') && !data.hearingWaived) {
          const closes = computeDue(calendar, notice.on, { length: 5, unit: 'workday' }).due;
          if (on <= closes) return `已告知听证权利，当事人可在告知后五个工作日内（至${closes}）要求听证，期满前不得作出决定（行政处罚法第六十四条第一项、第八十五条）`;
        }
        return undefined;
      },
    },
    {
      key: 'serve',
      label: '送达决定书',
      basis: '行政处罚法第六十一条：当事人不在场的，七日内送达（第八十五条：工作日）；治安管理处罚法（2012年）第九十七条、（2025年修订）第一百一十六条：向被处罚人宣告并当场交付，无法当场宣告的二日以内送达，给予行政拘留的及时通知被处罚人的家属',
      from: ['decided'],
      to: 'served',
      fields: z.object({
        method: f.choice('送达方式', { spot: '当场宣告并交付', direct: '直接送达', post: '邮寄送达', electronic: '电子送达', notice: '公告送达' }),
        familyNotified: f.flag('已通知被处罚人的家属（给予行政拘留的）').optional(),
      }),
      // The family notice is due 及时 (no period): the platform asks for it by the time the 决定书 is served.
      check: ({ data, events, fields, on }) => {
        const detention = Number(events.findLast((e) => e.kind === 'decide')?.data.detentionDays) || 0;
        const rule = caseRule(fields, events, on);
        return detention > 0 && !data.familyNotified && rule.service ? `决定给予行政拘留处罚的，应当及时通知被处罚人的家属（${rule.service.basis}）` : undefined;
      },
    },
    {
      key: 'revoke_decision',
      label: '决定被变更、撤销、确认违法或确认无效',
      basis: '行政处罚法第四十八条第二款：已公开的决定被依法变更、撤销、确认违法或者确认无效的，应当在三日内撤回公开信息并公开说明理由',
      from: ['decided', 'served', 'closed'],
      when: ({ events }) => events.some((e) => e.kind === 'decide') && !events.some((e) => e.kind === 'revoke_decision'),
      fields: z.object({ by: f.choice('处理结果', { altered: '变更', revoked: '撤销', illegal: '确认违法', void: '确认无效' }), source: f.text('依据（复议决定书或判决书文号）', 100) }),
    },
    {
      key: 'withdraw_publicity',
      label: '撤回公示信息并说明理由',
      basis: '行政处罚法第四十八条第二款',
      from: ['decided', 'served', 'closed'],
      when: ({ clocks }) => clocks.withdrawal?.status === 'running',
      fields: z.object({ reason: f.longText('公开说明的理由') }),
    },
    {
      key: 'publicize',
      label: '公示执法决定',
      basis: '国办发〔2018〕118号：行政许可、行政处罚决定7个工作日内公开，其他决定20个工作日内公开',
      from: ['decided', 'served', 'closed'],
      when: ({ events }) => events.some((e) => e.kind === 'decide') && !events.some((e) => e.kind === 'publicize'),
      fields: z.object({ summary: f.longText('公示内容（不含个人信息）') }),
    },
    {
      key: 'defer_payment',
      label: '批准暂缓或分期缴纳罚款',
      basis: '行政处罚法第六十六条第二款：当事人确有经济困难，需要延期或者分期缴纳罚款的，经当事人申请和行政机关批准，可以暂缓或者分期缴纳',
      from: ['served'],
      fields: z.object({ days: f.days('暂缓（或分期最后一期）延后天数', 365), approver: f.text('批准的负责人', 50), plan: f.optionalText('分期安排') }),
    },
    {
      key: 'pay',
      label: '罚款缴纳完毕',
      basis: '行政处罚法第六十七条第三款：自收到决定书之日起十五日内缴纳；第七十二条第一款第一项：到期不缴纳的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额',
      from: ['served', 'closed'],
      when: ({ clocks }) => clocks.payment?.status === 'running',
      fields: z.object({ surcharge: z.number().int().min(0).max(1_000_000_000).meta({ title: '加处罚款（元，按期缴纳的填0）' }) }),
      check: ({ data, events, on, clocks }) => {
        const spot = events.findLast((e) => e.kind === 'on_the_spot');
        const fine = spot ? Number(spot.data.fine ?? 0) : fineOfDecision(events);
        const due = clocks.payment?.dueOn;
        const cap = surchargeCap(fine, due ? diffDays(due, on) : 0);
        return data.surcharge > cap
          ? `加处罚款最多${cap}元：到期（${due}）后每日按罚款数额的百分之三计算，且不得超出罚款数额（行政处罚法第七十二条第一款第一项、第二款）`
          : undefined;
      },
    },
    {
      key: 'apply_court',
      label: '申请人民法院强制执行',
      basis: '行政强制法第五十三条、第五十四条：当事人在法定期限内不申请复议、不起诉又不履行的，自期限届满之日起三个月内申请；申请前应当催告，催告书送达十日后仍未履行的才可申请',
      from: ['served'],
      fields: z.object({ warnedOn: f.date('催告书送达日期'), court: f.text('受理的人民法院', 100) }),
      verify: async ({ data, on, calendar }) => {
        const after = computeDue(calendar, data.warnedOn, { length: 10, unit: 'workday' }).due;
        return on <= after ? `催告书${data.warnedOn}送达，十个工作日（至${after}）届满后仍未履行的才可申请人民法院强制执行（行政强制法第五十四条、第六十九条）` : undefined;
      },
    },
    { key: 'execute', label: '执行完毕，结案', from: ['served'], to: 'closed', fields: z.object({ performance: f.choice('执行情况', { performed: '自觉履行', enforced: '强制执行', court: '申请法院强制执行', none: '无需执行' }) }) },
  ],
  clocks: [
    // One clock per field and text; a revised text's clock runs for cases filed on or after its date.
    ...FIELD_KEYS.flatMap((k): ClockDef[] => {
      const field = fieldRule(k);
      const texts: { key: string; rule: FieldRule; label: string; startIf?: (e: EventView) => boolean }[] = field.revised
        ? [
            { key: decisionClocks(k)[0], rule: field, label: `作出决定期限（${field.label}，${field.revised.from}前立案）`, startIf: (e) => e.on < field.revised!.from },
            { key: decisionClocks(k)[1], rule: field.revised, label: `作出决定期限（${field.label}，${field.revised.from}起立案）`, startIf: (e) => e.on >= field.revised!.from },
          ]
        : [{ key: decisionClockKey(k), rule: field, label: k === 'general' ? '作出决定期限' : `作出决定期限（${field.label}）` }];
      return texts.map(({ key, rule: r, label, startIf }) => ({
        key,
        label,
        basis: r.basis,
        length: r.days,
        unit: 'day',
        appliesTo: (x) => fieldOf(x) === k,
        startOn: ['file'],
        ...(startIf ? { startIf } : {}),
        ...(r.fromReceipt ? { countFrom: { file: 'receive' } } : {}),
        stopOn: ['decide'],
        ...(r.excludes ? { pauseOn: ['exclude_period'], resumeOn: ['resume_period'] } : {}),
        ...(r.extension
          ? { extendOn: [`extend_decision_${k}`, ...(r.collectiveExtension ? [`extend_decision_${k}_collective`] : [])], maxExtension: r.extension + (r.collectiveExtension ?? 0) }
          : {}),
      }));
    }),
    // A field whose text sets its own 送达 rule (治安: 2 日) has that clock instead of art. 61's.
    { key: 'service', label: '送达期限', basis: '行政处罚法第六十一条：七日', length: 7, unit: 'day', appliesTo: (x) => !fieldRule(fieldOf(x)).service, startOn: ['decide'], stopOn: ['serve'] },
    {
      key: 'service_public_security',
      label: '送达期限（治安）',
      basis: '治安管理处罚法（2012年）第九十七条第一款、（2025年修订）第一百一十六条第一款：当场宣告并交付，无法当场宣告的二日以内送达被处罚人（该法未规定工作日，按自然日计）',
      length: 2,
      unit: 'day',
      statute: null,
      appliesTo: (x) => fieldOf(x) === 'public_security',
      startOn: ['decide'],
      stopOn: ['serve'],
    },
    { key: 'withdrawal', label: '撤回公示期限', basis: '行政处罚法第四十八条第二款：三日', length: 3, unit: 'day', startOn: ['revoke_decision'], stopOn: ['withdraw_publicity'] },
    {
      key: 'publicity',
      label: '公示期限',
      basis: '国办发〔2018〕118号；行政处罚法第四十八条第一款：具有一定社会影响的行政处罚决定依法公开（不予处罚、不予立案、当场处罚不计公示期限）',
      length: (x) => (x.kind === 'penalty' ? 7 : 20),
      lengthLabel: '处罚7个工作日，其他20个工作日',
      unit: 'workday',
      startOn: ['decide'],
      // 行政处罚 cases publish 处罚决定 only: 不予处罚, 不成立 and 移送 are not 处罚 (art. 48 ¶1).
      startIf: (e, _earlier, x) => x.kind !== 'penalty' || PENALTIES.includes(e.data.decision),
      stopOn: ['publicize'],
    },
    // 行刑衔接: natural days (statute null: 行政处罚法 art. 85 does not govern the 移送规定's periods).
    { key: 'transfer_approval', label: '批准或不批准移送期限', basis: `${TRANSFER_LAW}第五条第二款：自接到报告之日起3日内`, length: 3, unit: 'day', statute: null, startOn: ['transfer_report'], stopOn: ['transfer_approval'] },
    {
      key: 'transfer_send',
      label: '移送公安机关期限',
      basis: `${TRANSFER_LAW}第五条第二款：决定批准的，应当在24小时内向同级公安机关移送`,
      length: 24,
      unit: 'hour',
      statute: null,
      startOn: ['transfer_approval'],
      startIf: (e) => e.data.decision === 'approved',
      stopOn: ['transfer'],
    },
    {
      key: 'police_forward',
      label: '公安机关转送期限',
      // Start and stop on the one step: it only shows whether the police kept their 24 小时.
      basis: `${TRANSFER_LAW}第七条：不属于本机关管辖的，应当在24小时内转送有管辖权的机关（公安机关的期限）`,
      length: 24,
      unit: 'hour',
      statute: null,
      startOn: ['police_forwarded'],
      countFrom: { police_forwarded: 'transfer' },
      stopOn: ['police_forwarded'],
    },
    // Forwarded: the competent organ's 3 日 run from the day it received the case.
    { key: 'police_filing', label: '公安机关立案审查期限', basis: `${TRANSFER_LAW}第八条：公安机关自接受移送之日起3日内决定是否立案（公安机关的期限，逾期的可建议人民检察院监督，第十七条）；经转送的，自有管辖权的机关接受之日起算`, length: 3, unit: 'day', statute: null, startOn: ['transfer', 'police_forwarded'], stopOn: ['police_decision'] },
    { key: 'police_reconsideration', label: '公安机关复议期限', basis: `${TRANSFER_LAW}第九条第二款：自收到提请复议的文件之日起3日内作出决定（公安机关的期限）`, length: 3, unit: 'day', statute: null, startOn: ['reconsideration_request'], stopOn: ['reconsideration_result'] },
    {
      key: 'hand_over',
      label: '移交涉案物品期限',
      basis: `${TRANSFER_LAW}第十二条：自接到立案通知书之日起3日内`,
      length: 3,
      unit: 'day',
      statute: null,
      startOn: ['police_decision', 'reconsideration_result'],
      startIf: (e) => e.data.decision === 'filed',
      // Sent back before the hand-over: nothing is left to hand over.
      stopOn: ['hand_over', 'police_return'],
    },
    { key: 'preservation', label: '先行登记保存处理期限', basis: '行政处罚法第五十六条：七日', length: 7, unit: 'day', startOn: ['preserve'], stopOn: ['preservation_decision'] },
    {
      key: 'filing',
      label: '当场处罚备案期限',
      basis: '行政处罚法第五十二条第三款：报所属行政机关备案，法律未定期限（平台默认2个工作日）；治安管理处罚法（2012年）第一百零一条、（2025年修订）第一百二十条第四款：二十四小时内',
      length: (x) => fieldRule(fieldOf(x)).filing.length,
      lengthLabel: '按执法领域：一般2个工作日，治安24小时',
      unit: 'workday',
      unitFor: (x) => fieldRule(fieldOf(x)).filing.unit,
      statute: null,
      startOn: ['on_the_spot'],
      stopOn: ['file_record'],
    },
    {
      key: 'payment',
      label: '缴纳罚款期限',
      basis: '行政处罚法第六十七条第三款：自收到行政处罚决定书之日起十五日内；第六十六条第二款：经批准可暂缓或分期',
      length: 15,
      unit: 'day',
      startOn: ['serve', 'on_the_spot'],
      startIf: (e, earlier) => (e.kind === 'on_the_spot' ? Number(e.data.fine ?? 0) > 0 : fineOfDecision(earlier) > 0),
      stopOn: ['pay'],
      extendOn: ['defer_payment'],
      maxExtension: 365,
    },
    {
      key: 'court_application',
      label: '申请法院强制执行期限',
      basis: '行政强制法第五十三条：复议、诉讼期限（起诉期限六个月，行政诉讼法第四十六条）届满之日起三个月内',
      length: 9,
      unit: 'month',
      statute: null,
      startOn: ['serve', 'on_the_spot'],
      startIf: (e, earlier) => (e.kind === 'on_the_spot' ? Number(e.data.fine ?? 0) > 0 : fineOfDecision(earlier) > 0),
      stopOn: ['pay', 'apply_court'],
    },
  ],
  outcomes: { ...DECISIONS, not_filed: '不予立案' },
  report: {
    area: 'enforcement',
    sentences: [
      '全年行政执法立案{{行政执法.立案}}件，作出行政处罚决定{{行政执法.处罚决定}}件，开展重大执法决定法制审核{{行政执法.法制审核}}件；适用首违不罚、轻微免罚{{行政执法.不予处罚}}件，涉及金额{{行政执法.免罚金额}}元；执法决定按期公示率{{行政执法.按期公示率}}。',
    ],
  },
  indicators: [
    { key: 'filed', label: '立案', unit: '件', description: '期间内立案的执法案件', count: { events: ['file'] } },
    { key: 'decided', label: '决定', unit: '件', description: '期间内作出决定的执法案件', count: { events: ['decide'] } },
    { key: 'penalties', label: '处罚决定', unit: '件', description: '期间内作出行政处罚（含从轻、减轻）决定的案件', count: { events: ['decide'], outcomes: ['penalty', 'lighter', 'mitigated'] } },
    { key: 'penalty_decisions', label: '行政处罚决定', unit: '件', description: '期间内作出的行政处罚决定，含当场处罚（政府信息公开年报“本年处理决定数量”）', count: { events: ['decide', 'on_the_spot'], outcomes: ['penalty', 'lighter', 'mitigated'] } },
    { key: 'fines', label: '罚没金额', unit: '元', description: '期间内处罚决定的罚没金额之和', count: { events: ['decide'], sum: 'fine' } },
    { key: 'penalty_fines', label: '罚没金额（含当场处罚）', unit: '元', description: '期间内行政处罚决定（含当场处罚）的罚没金额之和（行政执法年度数据）', count: { events: ['decide', 'on_the_spot'], outcomes: PENALTIES, sum: 'fine' } },
    { key: 'legal_reviews', label: '法制审核', unit: '件', description: '期间内完成法制审核的案件', count: { events: ['legal_review'] } },
    { key: 'hearings', label: '听证', unit: '件', description: '期间内组织听证的案件', count: { events: ['hearing'] } },
    { key: 'exempted', label: '不予处罚', unit: '件', description: '期间内适用首违不罚、轻微免罚的案件', count: { events: ['decide'], outcomes: EXEMPT } },
    { key: 'waived', label: '免罚金额', unit: '元', description: '期间内首违不罚、轻微免罚涉及的金额之和', count: { events: ['decide'], outcomes: EXEMPT, sum: 'waived' } },
    { key: 'published', label: '公示', unit: '件', description: '期间内公示的执法决定', count: { clocks: ['publicity'], stoppedBy: ['publicize'] } },
    { key: 'published_on_time', label: '按期公示', unit: '件', description: '期间内在期限内公示的执法决定', count: { clocks: ['publicity'], stoppedBy: ['publicize'], onTime: true } },
    { key: 'publicity_rate', label: '按期公示率', unit: '%', description: '按期公示 ÷ 公示', rate: { numerator: 'published_on_time', denominator: 'published' } },
    { key: 'transfers', label: '移送件数', unit: '件', description: '期间内向公安机关移送的涉嫌犯罪案件（行政执法机关移送涉嫌犯罪案件的规定第五条）', count: { events: ['transfer'] } },
    { key: 'transfers_on_time', label: '按期移送', unit: '件', description: '期间内在批准后1日（24小时）内移送的案件', count: { clocks: ['transfer_send'], stoppedBy: ['transfer'], onTime: true } },
    { key: 'transfer_rate', label: '按期移送率', unit: '%', description: '按期移送 ÷ 移送件数', rate: { numerator: 'transfers_on_time', denominator: 'transfers' } },
    { key: 'police_forwarded', label: '公安转送', unit: '件', description: '期间内公安机关以不属于本机关管辖转送有管辖权机关的移送案件（行政执法机关移送涉嫌犯罪案件的规定第七条）', count: { events: ['police_forwarded'] } },
    { key: 'police_returned', label: '公安移送回', unit: '件', description: '期间内公安机关认为不需要追究刑事责任、移送回本机关依法处理的案件（行政执法机关移送涉嫌犯罪案件的规定第十三条）', count: { events: ['police_return'] } },
    { key: 'police_filed', label: '公安立案数', unit: '件', description: '期间内公安机关对移送案件决定立案（含复议后立案）的案件', count: { events: ['police_decision', 'reconsideration_result'], dataEquals: { decision: 'filed' } } },
  ],
});

/**
 * 执法案卷评查: closed case files are sampled and scored on a checklist (主体、事实证据、程序、
 * 法律适用、文书); problems found are rectified by the handling unit within 30 日 (a local rule).
 */
const GRADES = { excellent: '优秀', pass: '合格', fail: '不合格' };
const gradeOf = (score: number) => (score >= 90 ? 'excellent' : score >= 60 ? 'pass' : 'fail');

export const fileReview = defineCaseType({
  key: 'file_review',
  name: '执法案卷评查',
  basis: '国办发〔2018〕118号；各地行政执法案卷评查办法',
  number: ({ org, year, seq }) => `${org}评查〔${year}〕${seq}号`,
  states: { sampled: { label: '待评查' }, scored: { label: '已评查待整改' }, closed: { label: '已办结', final: true } },
  initial: 'sampled',
  intake: z.object({ receivedOn: f.date('抽取日期'), caseNumber: f.text('被评查案卷案号', 60), caseOrg: f.text('办案单位', 100) }),
  title: (x) => `评查${x.caseNumber}`,
  actions: [
    {
      key: 'score',
      label: '评查打分',
      from: ['sampled'],
      to: 'scored',
      outcome: { field: 'grade' },
      fields: z.object({
        subject: z.number().int().min(0).max(10).meta({ title: '执法主体（10分）' }),
        evidence: z.number().int().min(0).max(30).meta({ title: '事实与证据（30分）' }),
        procedure: z.number().int().min(0).max(30).meta({ title: '执法程序（30分）' }),
        law: z.number().int().min(0).max(20).meta({ title: '法律适用（20分）' }),
        documents: z.number().int().min(0).max(10).meta({ title: '文书制作（10分）' }),
        grade: f.choice('评查等次', GRADES),
        problems: f.optionalText('发现的问题'),
      }),
      check: ({ data }) => {
        const total = data.subject + data.evidence + data.procedure + data.law + data.documents;
        return gradeOf(total) !== data.grade ? `总分${total}分，对应等次应为「${GRADES[gradeOf(total)]}」（90分以上优秀，60分以上合格）` : undefined;
      },
    },
    { key: 'rectify', label: '整改完成', from: ['scored'], to: 'closed', fields: z.object({ measures: f.longText('整改情况') }) },
  ],
  clocks: [{ key: 'rectify', label: '整改期限', basis: '评查结果反馈之日起30日（地方规定）', length: 30, unit: 'day', startOn: ['score'], stopOn: ['rectify'] }],
  outcomes: GRADES,
  report: { area: 'enforcement', sentences: ['开展行政执法案卷评查，共评查案卷{{执法案卷评查.评查}}份，其中优秀{{执法案卷评查.优秀}}份、不合格{{执法案卷评查.不合格}}份，发现问题均已督促整改。'] },
  indicators: [
    { key: 'scored', label: '评查', unit: '份', description: '期间内评查的案卷', count: { events: ['score'] } },
    { key: 'excellent', label: '优秀', unit: '份', description: '期间内评为优秀的案卷', count: { events: ['score'], outcomes: ['excellent'] } },
    { key: 'failed', label: '不合格', unit: '份', description: '期间内评为不合格的案卷', count: { events: ['score'], outcomes: ['fail'] } },
    { key: 'rectified', label: '整改', unit: '份', description: '期间内完成整改的案卷', count: { events: ['rectify'] } },
  ],
});
