import { z } from 'zod';
import { defineCaseType, f, partySchema } from '../../kernel/cases/define.ts';
import { serviceFields, servedNotAfterStep } from '../../kernel/cases/service.ts';

/**
 * 行政许可 under the 行政许可法. Every period of the law is in 工作日 (art. 82), so the periods
 * are written as the law writes them and the statute's rule counts them.
 * 收到申请 → 受理审查: 补正 told at once or within 5 日, otherwise the application counts as
 * accepted from receipt (art. 32 ¶1 (四)) → 决定 within 20 日, +10 日 with the head's approval
 * (art. 42); 听证、检验、检测、鉴定、专家评审 time excluded (art. 45) → 颁发证件 within 10 日
 * (art. 44). 不予受理 and 不予许可 give reasons (arts. 32, 38).
 */
export const outcomes = { granted: '准予许可', refused: '不予许可', not_accepted: '不予受理', withdrawn: '申请人撤回' };

const ACCEPTED = ['accept', 'deem_accept'];

export const licensing = defineCaseType({
  key: 'licensing',
  name: '行政许可',
  basis: '《中华人民共和国行政许可法》',
  statute: 'licensing',
  number: ({ org, year, seq }) => `${org}许〔${year}〕${seq}号`,
  states: {
    received: { label: '受理审查' },
    correction_requested: { label: '补正中' },
    accepted: { label: '审查中' },
    excluded: { label: '听证、检验、鉴定等（不计入期限）' },
    decided: { label: '已决定' },
    closed: { label: '已办结', final: true },
    not_accepted: { label: '不予受理', final: true },
    withdrawn: { label: '已撤回', final: true },
  },
  initial: 'received',
  intake: z.object({
    receivedOn: f.date('收到申请材料日期'),
    matter: f.text('许可事项', 200),
    channel: f.choice('申请方式', { window: '窗口', online: '网上', mail: '信函', other: '其他' }),
    parties: z.array(partySchema).min(1, { message: '至少填写一名申请人' }).meta({ title: '申请人' }),
  }),
  title: (x) => `${x.matter}`.slice(0, 80),
  actions: [
    {
      key: 'request_correction',
      label: '一次告知补正',
      basis: '行政许可法第三十二条第一款第四项：当场或者在五日内一次告知申请人需要补正的全部内容；逾期不告知的，自收到申请材料之日起即为受理',
      from: ['received'],
      to: 'correction_requested',
      fields: z.object({ items: f.longText('需要补正的全部内容') }),
      check: ({ events, clocks, on }) => {
        if (events.some((e) => e.kind === 'request_correction')) return '补正内容应当一次告知（行政许可法第三十二条）';
        const due = clocks.acceptance?.dueOn;
        return due && on > due ? `五日告知期限已于${due}届满，申请自收到材料之日起即为受理（行政许可法第三十二条）` : undefined;
      },
    },
    { key: 'receive_correction', label: '收到补正材料', basis: '行政许可法第三十二条第一款第五项', from: ['correction_requested'], to: 'received' },
    { key: 'accept', label: '受理', basis: '行政许可法第三十二条：出具加盖专用印章和注明日期的书面凭证', from: ['received'], to: 'accepted' },
    {
      key: 'deem_accept',
      label: '逾期未告知补正，视为受理',
      basis: '行政许可法第三十二条第一款第四项：逾期不告知的，自收到申请材料之日起即为受理',
      from: ['received'],
      to: 'accepted',
      system: true,
    },
    {
      key: 'reject',
      label: '不予受理',
      basis: '行政许可法第三十二条第一款第一项、第二项：不需要取得许可或不属于本机关职权范围的，即时告知；书面凭证',
      from: ['received'],
      to: 'not_accepted',
      outcome: 'not_accepted',
      fields: z.object({ reason: f.longText('不予受理理由'), competentOrgan: f.optionalText('告知向其申请的机关', 100) }),
    },
    {
      key: 'exclude',
      label: '听证、招标、检验、检测、鉴定或专家评审',
      basis: '行政许可法第四十五条：所需时间不计算在期限内，应当书面告知申请人',
      from: ['accepted'],
      to: 'excluded',
      fields: z.object({ kind: f.choice('事项', { hearing: '听证', tender: '招标、拍卖', test: '检验、检测、检疫', appraisal: '鉴定', experts: '专家评审' }) }),
    },
    { key: 'resume', label: '听证、检验等完成，恢复计算', basis: '行政许可法第四十五条', from: ['excluded'], to: 'accepted' },
    {
      key: 'extend',
      label: '延长决定期限（本机关负责人批准）',
      basis: '行政许可法第四十二条：二十日内不能作出决定的，经本行政机关负责人批准，可以延长十日，并告知申请人理由',
      from: ['accepted'],
      fields: z.object({ days: f.days('延长工作日数', 10), reason: f.longText('延期理由（告知申请人）') }),
    },
    {
      key: 'decide',
      label: '作出许可决定',
      basis: '行政许可法第三十八条：不予许可的，应当说明理由，并告知申请行政复议或者提起行政诉讼的权利',
      from: ['accepted'],
      to: 'decided',
      outcome: { field: 'decision' },
      fields: z.object({ decision: f.choice('决定', { granted: outcomes.granted, refused: outcomes.refused }), reason: f.optionalText('理由及救济途径') }),
      check: ({ data }) => (data.decision === 'refused' && !data.reason ? '不予许可的，应当说明理由并告知复议、诉讼权利（行政许可法第三十八条）' : undefined),
    },
    {
      key: 'issue',
      label: '颁发、送达许可证件',
      basis: '行政许可法第四十四条：作出准予许可决定之日起十日内颁发、送达',
      from: ['decided'],
      to: 'closed',
      fields: serviceFields,
      check: servedNotAfterStep,
    },
    { key: 'close', label: '不予许可决定送达，办结', from: ['decided'], to: 'closed', when: ({ events }) => events.findLast((e) => e.kind === 'decide')?.data.decision === 'refused' },
    { key: 'withdraw', label: '申请人撤回申请', from: ['received', 'correction_requested', 'accepted', 'excluded'], to: 'withdrawn', outcome: 'withdrawn' },
  ],
  clocks: [
    {
      key: 'acceptance',
      label: '补正告知期限',
      basis: '行政许可法第三十二条：五日',
      length: 5,
      unit: 'day',
      startOn: ['receive'],
      stopOn: ['request_correction', 'accept', 'reject', 'deem_accept', 'withdraw'],
      onExpiry: { action: 'deem_accept' },
    },
    {
      key: 'decision',
      label: '许可决定期限',
      basis: '行政许可法第四十二条：受理之日起二十日，经批准可延长十日；第四十五条所列时间不计算在内',
      length: 20,
      unit: 'day',
      startOn: ACCEPTED,
      // 视为受理 dates back to the receipt of the materials (art. 32 ¶1 (四)).
      countFrom: { deem_accept: 'receive' },
      stopOn: ['decide', 'withdraw'],
      pauseOn: ['exclude'],
      resumeOn: ['resume'],
      extendOn: ['extend'],
      maxExtension: 10,
    },
    { key: 'issuance', label: '颁发证件期限', basis: '行政许可法第四十四条：十日', length: 10, unit: 'day', startOn: ['decide'], stopOn: ['issue', 'close'] },
  ],
  outcomes,
  report: { area: 'functions', sentences: ['全年受理行政许可申请{{行政许可.受理}}件，办结{{行政许可.决定}}件，按期办结率{{行政许可.按期办结率}}。'] },
  indicators: [
    { key: 'received', label: '收到申请', unit: '件', description: '期间内收到的行政许可申请', count: { events: ['receive'] } },
    { key: 'accepted', label: '受理', unit: '件', description: '期间内受理（含逾期未告知补正视为受理）的申请', count: { events: ACCEPTED } },
    { key: 'decided', label: '决定', unit: '件', description: '期间内作出许可决定的申请', count: { events: ['decide'] } },
    { key: 'granted', label: '准予许可', unit: '件', description: '期间内准予许可的申请', count: { events: ['decide'], outcomes: ['granted'] } },
    { key: 'refused', label: '不予许可', unit: '件', description: '期间内作出不予许可决定的申请（行政执法年度数据）', count: { events: ['decide'], outcomes: ['refused'] } },
    { key: 'on_time', label: '按期决定', unit: '件', description: '在法定期限（含批准延长）内作出决定的申请', count: { clocks: ['decision'], stoppedBy: ['decide'], onTime: true } },
    { key: 'timed', label: '决定（计时）', unit: '件', description: '期间内作出决定且有决定期限的申请', count: { clocks: ['decision'], stoppedBy: ['decide'] } },
    { key: 'on_time_rate', label: '按期办结率', unit: '%', description: '按期决定 ÷ 决定（计时）', rate: { numerator: 'on_time', denominator: 'timed' } },
  ],
});
