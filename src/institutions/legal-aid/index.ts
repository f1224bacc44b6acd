import { z } from 'zod';
import { defineCaseType, f, partySchema } from '../../kernel/cases/define.ts';

/**
 * 法律援助 under the 法律援助法 (2021). The law counts its 7日, 3日 and 5日 periods without saying
 * 工作日, so they are natural days; time spent supplying missing materials is excluded (办理法律援助
 * 案件程序规定). Two ways in: an application (审查 7 日, then 指派 3 日, art. 43) or a 通知 from the
 * court, procuratorate or police (通知辩护/代理: 指派 within 3 日 of the notice, arts. 25, 28, 36).
 */
const isNotice = (x: Record<string, any>) => x.source === 'notice';
const provisionalGrounds = {
  limitation: '距法定时效或者期限届满不足七日，需要及时起诉或者申请仲裁、行政复议',
  preservation: '需要立即申请财产保全、证据保全或者先予执行',
  other: '法律、法规、规章规定的其他情形',
};
const caseCategories = { civil: '民事', criminal: '刑事', administrative: '行政', compensation: '国家赔偿', labour_arbitration: '劳动争议仲裁', other: '其他' };

export const legalAid = defineCaseType({
  key: 'legal_aid',
  name: '法律援助',
  basis: '《中华人民共和国法律援助法》',
  number: ({ org, year, seq }) => `${org}援〔${year}〕${seq}号`,
  states: {
    applied: { label: '审查中' },
    materials_requested: { label: '补充材料中' },
    granted: { label: '待指派' },
    assigned: { label: '办理中' },
    refused: { label: '不予援助', final: true },
    closed: { label: '已结案', final: true },
    terminated: { label: '终止援助', final: true },
    withdrawn: { label: '视为撤回申请', final: true },
    objection: { label: '异议审查中' },
    objection_upheld: { label: '异议审查维持原决定', final: true },
  },
  initial: 'applied',
  intake: z.object({
    receivedOn: f.date('收到申请或通知日期'),
    source: f.choice('来源', { application: '当事人申请', notice: '办案机关通知辩护或代理（法律援助法第二十五条、第二十八条、第三十六条）' }).optional(),
    notifier: f.optionalText('通知机关（人民法院、人民检察院、公安机关）', 100),
    category: f.choice('案件类别', caseCategories),
    matter: f.longText('申请事项'),
    noMeansCondition: f.flag('不受经济困难条件限制（法律援助法第三十二条）').optional(),
    noMeansTest: f.flag('免予核查经济困难状况（法律援助法第四十二条）').optional(),
    parties: z.array(partySchema).min(1, { message: '至少填写一名申请人' }).meta({ title: '申请人' }),
  }),
  title: (x) => `${caseCategories[x.category as keyof typeof caseCategories] ?? ''}法律援助：${String(x.matter).slice(0, 30)}`,
  actions: [
    {
      key: 'provisional',
      label: '决定先行提供法律援助',
      basis: '法律援助法第四十四条：情况紧急的可以先行提供法律援助，受援人应当及时补办手续、补充材料',
      from: ['applied', 'materials_requested'],
      to: 'granted',
      fields: z.object({ ground: f.choice('先行援助情形', provisionalGrounds), recipients: z.number().int().min(1).max(500).meta({ title: '受援人数' }) }),
      check: ({ fields }) => (isNotice(fields) ? '通知辩护、代理案件收到通知后直接指派，无需先行援助（法律援助法第三十六条）' : undefined),
    },
    {
      key: 'request_materials',
      label: '通知补充材料',
      basis: '法律援助法第四十三条第二款：一次性告知申请人需要补充的材料；补充材料的时间不计入审查期限（办理法律援助案件程序规定）',
      from: ['applied'],
      to: 'materials_requested',
      fields: z.object({ items: f.longText('需补充的材料'), deadline: f.date('补充材料期限').optional() }),
      check: ({ data, on, events }) =>
        events.some((e) => e.kind === 'request_materials') ? '应当一次性告知需要补充的材料（法律援助法第四十三条第二款）' : data.deadline && data.deadline <= on ? '补充材料期限应晚于告知日期' : undefined,
    },
    { key: 'receive_materials', label: '收到补充材料', from: ['materials_requested'], to: 'applied' },
    {
      key: 'deem_withdrawn',
      label: '未按要求补充材料，视为撤回申请',
      basis: '法律援助法第四十三条第二款：申请人未按要求补充材料的，视为撤回申请',
      from: ['materials_requested'],
      to: 'withdrawn',
      outcome: 'withdrawn',
      check: ({ events, on }) => {
        const deadline = events.findLast((e) => e.kind === 'request_materials')?.data.deadline;
        if (!deadline) return '通知补充材料时未告知期限，不能认定视为撤回（法律援助法第四十三条第二款）';
        return on <= deadline ? `补充材料期限至${deadline}尚未届满，不能视为撤回（法律援助法第四十三条第二款）` : undefined;
      },
    },
    {
      key: 'grant',
      label: '决定给予法律援助',
      basis: '法律援助法第四十三条：自收到申请之日起七日内审查并作出决定',
      from: ['applied'],
      to: 'granted',
      fields: z.object({ recipients: z.number().int().min(1).max(500).meta({ title: '受援人数' }) }),
      check: ({ fields }) => (isNotice(fields) ? '通知辩护、代理案件不经审查决定，收到通知之日起三日内指派律师（法律援助法第三十六条）' : undefined),
    },
    {
      key: 'refuse',
      label: '决定不予法律援助',
      basis: '法律援助法第四十三条：书面告知申请人并说明理由',
      from: ['applied'],
      to: 'refused',
      outcome: 'refused',
      fields: z.object({ reason: f.longText('不予援助的理由') }),
    },
    {
      key: 'assign',
      label: '指派法律援助人员',
      basis: '法律援助法第四十三条：决定给予之日起三日内指派；第三十六条：收到通知之日起三日内指派律师并通知办案机关',
      from: ['granted', 'applied'],
      to: 'assigned',
      fields: z.object({ lawyer: f.text('法律援助人员', 50), firm: f.text('所在机构', 100) }),
      check: ({ state, fields }) =>
        state === 'applied' && !isNotice(fields) ? '依申请的案件应先作出给予法律援助的决定，再指派（法律援助法第四十三条）' : undefined,
    },
    {
      key: 'close',
      label: '结案',
      basis: '法律援助法第五十条：提交结案材料',
      from: ['assigned'],
      to: 'closed',
      outcome: { field: 'result' },
      fields: z.object({ result: f.choice('办理结果', { won: '胜诉或全部支持', partly: '部分支持', mediated: '调解或和解', lost: '未获支持', other: '其他' }), summary: f.optionalText('结案说明') }),
    },
    {
      key: 'terminate',
      label: '终止法律援助',
      basis: '法律援助法第四十八条',
      from: ['granted', 'assigned'],
      to: 'terminated',
      outcome: 'terminated',
      fields: z.object({ reason: f.longText('终止原因') }),
    },
    {
      key: 'object',
      label: '申请人提出异议',
      basis: '法律援助法第四十九条：对不予法律援助、终止法律援助的决定有异议的，可以向设立该法律援助机构的司法行政部门提出',
      from: ['refused', 'terminated'],
      to: 'objection',
      fields: z.object({ grounds: f.longText('异议理由') }),
    },
    {
      key: 'objection_maintain',
      label: '司法行政部门维持原决定',
      basis: '法律援助法第四十九条：自收到异议之日起五日内审查，作出维持或者责令改正的决定',
      from: ['objection'],
      to: 'objection_upheld',
      fields: z.object({ reason: f.longText('维持的理由（书面告知异议人）') }),
    },
    {
      key: 'objection_correct',
      label: '司法行政部门责令改正，提供法律援助',
      basis: '法律援助法第四十九条：认为符合法律援助条件的，责令法律援助机构改正',
      from: ['objection'],
      to: 'granted',
      outcome: 'corrected',
      fields: z.object({ reason: f.longText('改正的决定内容') }),
    },
  ],
  clocks: [
    {
      key: 'decision',
      label: '审查决定期限',
      basis: '法律援助法第四十三条：收到申请之日起七日内作出决定',
      length: 7,
      unit: 'day',
      rollOverHoliday: true,
      appliesTo: (x) => !isNotice(x),
      startOn: ['receive'],
      stopOn: ['grant', 'refuse', 'deem_withdrawn', 'provisional'],
      pauseOn: ['request_materials'],
      resumeOn: ['receive_materials'],
    },
    {
      key: 'assignment',
      label: '指派期限',
      basis: '法律援助法第四十三条：决定给予之日起三日内指派',
      length: 3,
      unit: 'day',
      startOn: ['grant', 'provisional', 'objection_correct'],
      stopOn: ['assign', 'terminate'],
    },
    {
      key: 'notice_assignment',
      label: '通知辩护指派期限',
      basis: '法律援助法第三十六条：收到通知之日起三日内指派律师，并通知人民法院、人民检察院、公安机关',
      length: 3,
      unit: 'day',
      rollOverHoliday: true,
      appliesTo: isNotice,
      startOn: ['receive'],
      stopOn: ['assign', 'terminate'],
    },
    {
      key: 'objection',
      label: '异议审查期限',
      basis: '法律援助法第四十九条：司法行政部门自收到异议之日起五日内审查',
      length: 5,
      unit: 'day',
      rollOverHoliday: true,
      startOn: ['object'],
      stopOn: ['objection_maintain', 'objection_correct'],
    },
  ],
  outcomes: { won: '胜诉或全部支持', partly: '部分支持', mediated: '调解或和解', lost: '未获支持', other: '其他', refused: '不予援助', terminated: '终止援助', withdrawn: '视为撤回申请', corrected: '异议后责令改正' },
  report: { area: 'disputes', sentences: ['办理法律援助案件{{法律援助.办理案件}}件，受援人数{{法律援助.受援人数}}人。'] },
  indicators: [
    { key: 'applications', label: '申请', unit: '件', description: '期间内收到的法律援助申请', count: { events: ['receive'] } },
    { key: 'granted', label: '办理案件', unit: '件', description: '期间内决定给予（含先行提供）法律援助的案件数', count: { events: ['grant', 'provisional'] } },
    { key: 'notified', label: '通知辩护代理', unit: '件', description: '期间内收到办案机关通知辩护、代理的案件数', count: { events: ['receive'], caseEquals: { source: 'notice' } } },
    { key: 'notice_on_time', label: '通知案件按期指派', unit: '件', description: '收到通知三日内指派的案件数', count: { clocks: ['notice_assignment'], stoppedBy: ['assign'], onTime: true } },
    { key: 'recipients', label: '受援人数', unit: '人', description: '期间内给予援助的受援人数之和', count: { events: ['grant', 'provisional'], sum: 'recipients' } },
    { key: 'closed', label: '结案', unit: '件', description: '期间内结案的法律援助案件', count: { events: ['close'] } },
    { key: 'decided', label: '审查决定', unit: '件', description: '期间内作出给予或不予决定的申请', count: { clocks: ['decision'], stoppedBy: ['grant', 'refuse'] } },
    { key: 'decided_on_time', label: '按期决定', unit: '件', description: '七日内（不含补充材料时间）作出决定的申请', count: { clocks: ['decision'], stoppedBy: ['grant', 'refuse'], onTime: true } },
    { key: 'on_time_rate', label: '按期决定率', unit: '%', description: '按期决定数 ÷ 审查决定数', rate: { numerator: 'decided_on_time', denominator: 'decided' } },
  ],
});

/** 法律咨询: counted separately from cases (咨询人次). */
export const legalConsultation = defineCaseType({
  key: 'legal_consultation',
  name: '法律咨询',
  basis: '《中华人民共和国法律援助法》第二十二条',
  number: ({ org, year, seq }) => `${org}咨〔${year}〕${seq}号`,
  states: { answered: { label: '已解答', final: true } },
  initial: 'answered',
  intake: z.object({
    receivedOn: f.date('咨询日期'),
    channel: f.choice('咨询方式', { visit: '来访', phone: '电话', online: '网络', hotline: '12348热线' }),
    topic: f.text('咨询事项', 200),
    persons: z.number().int().min(1).max(1000).meta({ title: '人次' }),
  }),
  title: (x) => `咨询：${x.topic}`,
  actions: [],
  clocks: [],
  outcomes: {},
  report: { area: 'disputes', sentences: ['解答法律咨询{{法律咨询.咨询人次}}人次。'] },
  indicators: [
    { key: 'consultations', label: '咨询', unit: '次', description: '期间内记录的法律咨询次数', count: { events: ['receive'] } },
    { key: 'persons', label: '咨询人次', unit: '人次', description: '期间内法律咨询人次之和', count: { events: ['receive'], sum: 'persons' } },
  ],
});
