import { z } from 'zod';
import { defineCaseType, f, type EventView } from '../../kernel/cases/define.ts';
import { invalidCertificates } from './certificate.ts';
import { exemptionItemKnown } from '../registers/index.ts';
import { computeDue } from '../../kernel/calendar/calendar.ts';
import { addMonths, diffDays } from '../../kernel/calendar/dates.ts';
import type { ClockDef } from '../../kernel/cases/define.ts';

/**
 * 行政执法案件 with the 三项制度 (国办发〔2018〕118号) under 行政处罚法 (2021):
 * 立案 by two certified officers (arts. 42, 55) → 调查 → 告知 with the rights to state a case and,
 * for heavy penalties, a hearing (arts. 44, 63) → 听证 → 法制审核 before the decisions art. 58
 * names, by someone who is not a handler → 决定 within 90 日 of 立案 (art. 60), where 首违不罚 or
 * 轻微免罚 (art. 33) cites the item of the org's 免罚清单 → 送达 within 7 日 (art. 61) → 公示 within
 * 7 工作日 (许可, 处罚) or 20 工作日 (other decisions) → 执行 and 结案. 全过程记录: attachments on
 * the case, covered by the audit chain.
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

/**
 * 执法领域: art. 60 gives 90 日 from 立案 "法律、法规、规章另有规定的，从其规定", art. 51 lets a law
 * set other 当场处罚 caps, and art. 52 sets no period for the 备案 of an on-the-spot decision. Each
 * field's figures live here, so a department's own rules are one entry (docs/domain.md). 市场监管
 * (市场监督管理行政处罚程序规定, as its published flowcharts state it) and 治安 (治安管理处罚法 2012
 * art. 99: from 受理; art. 100: 当场 ≤200元; art. 101: 备案 within 24 小时, kept as 1 工作日 since hours are not modelled) are examples.
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
    filingDays: 2,
  },
  market: {
    label: '市场监管',
    days: 90,
    extension: 30,
    extensionBasis: '市场监督管理行政处罚程序规定：经市场监督管理部门负责人批准，可以延长三十日',
    fromReceipt: false,
    excludes: true,
    basis: '市场监督管理行政处罚程序规定：自立案之日起九十日，经负责人批准可延长三十日；中止、听证、公告和检测、检验、检疫、鉴定等时间不计入',
    spotCap: { person: 200, organization: 3000 },
    filingDays: 2,
  },
  public_security: {
    label: '公安（治安管理处罚）',
    days: 30,
    extension: 30,
    extensionBasis: '治安管理处罚法（2012年）第九十九条：案情重大、复杂的，经上一级公安机关批准，可以延长三十日',
    fromReceipt: true,
    excludes: true,
    basis: '治安管理处罚法（2012年）第九十九条：自受理之日起三十日，经上一级公安机关批准可延长三十日；鉴定期间不计入',
    spotCap: { person: 200, organization: 200 },
    filingDays: 1,
  },
} as const;
type FieldKey = keyof typeof ENFORCEMENT_FIELDS;
const fieldOf = (fields: Record<string, any>): FieldKey => (Object.hasOwn(ENFORCEMENT_FIELDS, fields.field) ? fields.field : 'general');
const FIELD_LABELS = Object.fromEntries(Object.entries(ENFORCEMENT_FIELDS).map(([k, v]) => [k, v.label])) as Record<FieldKey, string>;
/** The decision clock of each field: `decision` for the general rule, `decision_<field>` for the others. */
const decisionClockKey = (k: FieldKey) => (k === 'general' ? 'decision' : `decision_${k}`);
const EXTENDABLE = (Object.keys(ENFORCEMENT_FIELDS) as FieldKey[]).filter((k) => ENFORCEMENT_FIELDS[k].extension > 0);

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
        officer2: f.text('执法人员二（执法证号）', 30),
        certificatesShown: f.flag('已出示执法证件'),
        partyType: f.choice('当事人类型', { person: '公民', organization: '法人或其他组织' }),
        sanction: f.choice('处罚种类', { warning: '警告', fine: '罚款' }),
        fine: z.number().int().min(0).max(1_000_000_000).optional().meta({ title: '罚款金额（元）' }),
        statement: f.optionalText('当事人陈述、申辩及复核情况'),
      }),
      check: ({ data, fields }) => {
        const cap = ENFORCEMENT_FIELDS[fieldOf(fields)].spotCap[data.partyType as 'person' | 'organization'];
        if (data.officer1 === data.officer2) return '执法人员不得少于两人，请填写两名不同执法人员的执法证号（行政处罚法第四十二条）';
        if (!data.certificatesShown) return '当场作出行政处罚决定的，执法人员应当向当事人出示执法证件（行政处罚法第五十二条）';
        if (data.sanction === 'fine' && !(Number(data.fine) > 0)) return '当场罚款的，请填写罚款金额';
        if (data.sanction === 'fine' && data.fine > cap)
          return `当场处罚只适用于对${data.partyType === 'person' ? '公民' : '法人或者其他组织'}处以${cap}元以下罚款或者警告，${data.fine}元须按普通程序立案办理（行政处罚法第五十一条）`;
        return timeBarred(fields, fields.receivedOn);
      },
      verify: async ({ db, orgId, data, on }) => {
        const bad = await invalidCertificates(db, orgId, [data.officer1, data.officer2], on);
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
      basis: '市场监督管理行政处罚程序规定：中止、听证、公告和检测、检验、检疫、鉴定等时间不计入办案期限；治安管理处罚法（2012年）第九十九条第二款：鉴定期间不计入',
      from: ['filed', 'investigated', 'notified', 'heard', 'reviewed'],
      when: ({ clocks }) => EXTENDABLE.some((k) => clocks[decisionClockKey(k)]?.status === 'running'),
      fields: z.object({ reason: f.choice('事由', { suspension: '案件中止', hearing: '听证', notice: '公告', testing: '检测、检验、检疫、鉴定' }), note: f.optionalText('说明') }),
    },
    {
      key: 'resume_period',
      label: '不计入期间结束，恢复计算办案期限',
      from: ['filed', 'investigated', 'notified', 'heard', 'reviewed'],
      when: ({ clocks }) => EXTENDABLE.some((k) => clocks[decisionClockKey(k)]?.status === 'paused'),
      fields: z.object({ note: f.optionalText('说明') }),
    },
    ...EXTENDABLE.map((k) => ({
      key: `extend_decision_${k}`,
      label: `延长办案期限（${ENFORCEMENT_FIELDS[k].label}）`,
      basis: ENFORCEMENT_FIELDS[k].extensionBasis,
      from: ['filed', 'investigated', 'notified', 'heard', 'reviewed'],
      fields: z.object({ days: f.days('延长天数', ENFORCEMENT_FIELDS[k].extension), approver: f.text('批准的负责人或机关', 50), reason: f.longText('延长理由') }),
    })),
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
      }),
      check: ({ data, events, fields }) => {
        if (needsLegalReview(fields, events) && !passedLegalReview(events)) return '本案属重大执法决定或经过听证，须经法制审核同意后才能作出决定（行政处罚法第五十八条）';
        if (events.some((e) => e.kind === 'legal_review' && e.data.opinion === 'rejected') && !passedLegalReview(events)) return '法制审核意见为不同意，不能作出决定（行政处罚法第五十八条）';
        if (PENALTIES.includes(data.decision) && fields.major === true && !data.collective) return '对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定（行政处罚法第五十七条第二款）';
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
      basis: '行政处罚法第六十一条：当事人不在场的，七日内送达（第八十五条：工作日）',
      from: ['decided'],
      to: 'served',
      fields: z.object({ method: f.choice('送达方式', { direct: '直接送达', post: '邮寄送达', electronic: '电子送达', notice: '公告送达' }) }),
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
    ...(Object.keys(ENFORCEMENT_FIELDS) as FieldKey[]).map((k): ClockDef => {
      const r = ENFORCEMENT_FIELDS[k];
      return {
        key: decisionClockKey(k),
        label: k === 'general' ? '作出决定期限' : `作出决定期限（${r.label}）`,
        basis: r.basis,
        length: r.days,
        unit: 'day',
        appliesTo: (x) => fieldOf(x) === k,
        startOn: ['file'],
        ...(r.fromReceipt ? { countFrom: { file: 'receive' } } : {}),
        stopOn: ['decide'],
        ...(r.excludes ? { pauseOn: ['exclude_period'], resumeOn: ['resume_period'] } : {}),
        ...(r.extension ? { extendOn: [`extend_decision_${k}`], maxExtension: r.extension } : {}),
      };
    }),
    { key: 'service', label: '送达期限', basis: '行政处罚法第六十一条：七日', length: 7, unit: 'day', startOn: ['decide'], stopOn: ['serve'] },
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
    { key: 'preservation', label: '先行登记保存处理期限', basis: '行政处罚法第五十六条：七日', length: 7, unit: 'day', startOn: ['preserve'], stopOn: ['preservation_decision'] },
    {
      key: 'filing',
      label: '当场处罚备案期限',
      basis: '行政处罚法第五十二条第三款：报所属行政机关备案，法律未定期限（平台默认2个工作日）；治安管理处罚法（2012年）第一百零一条：二十四小时内',
      length: (x) => ENFORCEMENT_FIELDS[fieldOf(x)].filingDays,
      lengthLabel: '按执法领域：一般2个工作日，治安1日',
      unit: 'workday',
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
