import { z } from 'zod';
import { defineCaseType, f, type CaseTypeDef } from '../../kernel/cases/define.ts';

/**
 * The activities behind half of every annual report (seeds 000–004): law study, training,
 * examinations, 述法, law publicity, 府院联动, and the 法律顾问's work. Each record is a dated
 * entry whose numbers add up into indicators, so "开展普法活动200余场，受众2.6万人次" is computed.
 */
const count = (title: string) => z.number().int().min(0).max(10_000_000).meta({ title });

const activity = (def: Omit<CaseTypeDef, 'states' | 'initial' | 'actions' | 'clocks' | 'outcomes' | 'group' | 'number'> & { code: string }): CaseTypeDef =>
  defineCaseType({
    ...def,
    group: 'activity',
    number: ({ org, year, seq }) => `${org}${def.code}〔${year}〕${seq}号`,
    states: { recorded: { label: '已记录', final: true } },
    initial: 'recorded',
    actions: [],
    clocks: [],
    outcomes: {},
  });

export const lawStudy = activity({
  key: 'law_study',
  name: '领导干部学法',
  code: '学',
  basis: '《法治政府建设实施纲要（2021—2025年）》：党委（党组）理论学习中心组学法、政府常务会议学法',
  intake: z.object({
    receivedOn: f.date('学法日期'),
    form: f.choice('学法形式', { center_group: '理论学习中心组学法', executive_meeting: '常务会议会前学法', lecture: '法治讲座', other: '其他' }),
    topic: f.text('学习内容', 200),
    attendees: count('参加人数'),
  }),
  title: (x) => `学法：${x.topic}`,
  report: { area: 'leadership', sentences: ['理论学习中心组专题学法{{领导干部学法.理论学习中心组学法}}次，政府常务会议会前学法{{领导干部学法.常务会学法}}次。'] },
  indicators: [
    { key: 'sessions', label: '学法', unit: '次', description: '期间内领导干部学法次数', count: { events: ['receive'] } },
    { key: 'center_group', label: '理论学习中心组学法', unit: '次', description: '理论学习中心组专题学法次数', count: { events: ['receive'], dataEquals: { form: 'center_group' } } },
    { key: 'executive', label: '常务会学法', unit: '次', description: '政府常务会议会前学法次数', count: { events: ['receive'], dataEquals: { form: 'executive_meeting' } } },
    { key: 'attendees', label: '参学人次', unit: '人次', description: '学法参加人数之和', count: { events: ['receive'], sum: 'attendees' } },
  ],
});

export const training = activity({
  key: 'training',
  name: '专题培训',
  code: '训',
  basis: '《法治政府建设实施纲要（2021—2025年）》：加强法治培训',
  intake: z.object({
    receivedOn: f.date('培训日期'),
    audience: f.choice('培训对象', { leaders: '领导干部', enforcement: '行政执法人员', staff: '机关工作人员', grassroots: '基层干部和法律明白人' }),
    topic: f.text('培训主题', 200),
    participants: count('参训人数'),
  }),
  title: (x) => `培训：${x.topic}`,
  report: { area: 'publicity', sentences: ['举办法治专题培训{{专题培训.培训}}期，参训{{专题培训.参训人次}}人次。'] },
  indicators: [
    { key: 'sessions', label: '培训', unit: '期', description: '期间内举办的法治专题培训', count: { events: ['receive'] } },
    { key: 'participants', label: '参训人次', unit: '人次', description: '参训人数之和', count: { events: ['receive'], sum: 'participants' } },
    { key: 'enforcement_participants', label: '执法人员参训人次', unit: '人次', description: '行政执法人员参训人数之和', count: { events: ['receive'], dataEquals: { audience: 'enforcement' }, sum: 'participants' } },
  ],
});

export const exam = activity({
  key: 'exam',
  name: '学法考试',
  code: '考',
  basis: '领导干部和行政执法人员法律知识考试',
  intake: z.object({
    receivedOn: f.date('考试日期'),
    name: f.text('考试名称', 200),
    takers: count('参考人数'),
    passed: count('合格人数'),
  }).refine((x) => x.passed <= x.takers, { message: '合格人数不能多于参考人数', path: ['passed'] }),
  title: (x) => `考试：${x.name}`,
  report: { area: 'publicity', sentences: ['组织学法考试{{学法考试.考试}}次，参考{{学法考试.参考人数}}人，合格率{{学法考试.合格率}}。'] },
  indicators: [
    { key: 'exams', label: '考试', unit: '次', description: '期间内组织的学法考试', count: { events: ['receive'] } },
    { key: 'takers', label: '参考人数', unit: '人', description: '参考人数之和', count: { events: ['receive'], sum: 'takers' } },
    { key: 'passed', label: '合格人数', unit: '人', description: '合格人数之和', count: { events: ['receive'], sum: 'passed' } },
    { key: 'pass_rate', label: '合格率', unit: '%', description: '合格人数 ÷ 参考人数', rate: { numerator: 'passed', denominator: 'takers' } },
  ],
});

/** 评议 results of a 述法 (the 等次 provincial 述法方案 use; a province with other words changes them here). */
export const LAW_REPORT_RESULTS = { good: '好', fair: '较好', average: '一般', poor: '差' };
export const LAW_REPORT_POSITIONS = { party_head: '党委（党组）主要负责人', government_head: '政府主要负责人', department_head: '部门主要负责人', other_member: '其他领导班子成员' };

/**
 * 述法 (review row 14.1): a 党政主要负责人 reports in the 年终述职 on the duty of 第一责任人
 * (党政主要负责人履行推进法治建设第一责任人职责规定: the duty is part of the 年终述职), in writing
 * or at a meeting; the 评议 gives a result and may raise problems, each 整改 by the period the 评议
 * sets (no statute fixes one), and the 整改 is closed when done. Provincial 述法工作方案 (辽宁, 安徽,
 * 山东) put the results into the 考核 and the annual 法治建设 report: the figures below.
 */
export const lawReport = defineCaseType({
  key: 'law_report',
  name: '述法',
  basis: '《党政主要负责人履行推进法治建设第一责任人职责规定》：履行第一责任人职责情况列入年终述职内容；省级述法工作方案：评议、反馈问题、整改',
  number: ({ org, year, seq }) => `${org}述〔${year}〕${seq}号`,
  states: {
    reported: { label: '已述法，待评议' },
    rectifying: { label: '整改中' },
    closed: { label: '已办结', final: true },
  },
  initial: 'reported',
  intake: z.object({
    receivedOn: f.date('述法日期'),
    form: f.choice('述法形式', { onsite: '会议述法（现场）', written: '书面述法' }),
    reporter: f.text('述法单位或负责人', 100),
    // The org whose 主要负责人 述法'd, when the record is kept by another (the 依法治区办 records the
    // departments'); the 述法覆盖率 counts it for that org. Left empty: the record's own org.
    unit: f.org('述法单位（计入述法覆盖率）').optional(),
    person: f.personName('述法人').optional(),
    position: f.choice('述法人职务', LAW_REPORT_POSITIONS).optional(),
    year: z.number().int().min(2000).max(2100).optional().meta({ title: '述法年度', description: '所述履职情况的年度（年终述法多在次年初进行）' }),
    evaluated: f.flag('已评议').optional(),
  }),
  title: (x) => `述法：${x.reporter}`,
  actions: [
    {
      key: 'evaluate',
      label: '评议（无需整改），办结',
      basis: '省级述法工作方案：述法评议',
      from: ['reported'],
      to: 'closed',
      outcome: 'evaluated',
      fields: z.object({ result: f.choice('评议结果', LAW_REPORT_RESULTS), opinion: f.optionalText('评议意见') }),
    },
    {
      key: 'evaluate_with_issues',
      label: '评议并反馈问题，限期整改',
      basis: '省级述法工作方案：评议发现履职不到位的，反馈问题并督促整改；整改期限由评议逐项确定',
      from: ['reported'],
      to: 'rectifying',
      fields: z.object({
        result: f.choice('评议结果', LAW_REPORT_RESULTS),
        issues: f.longText('反馈的问题'),
        issueCount: z.number().int().min(1).max(100).meta({ title: '问题数（项）' }),
        days: f.days('整改期限（自评议之日起，日）', 365),
      }),
    },
    {
      key: 'rectify',
      label: '整改完成，办结',
      from: ['rectifying'],
      to: 'closed',
      outcome: 'rectified',
      fields: z.object({ summary: f.longText('整改情况') }),
    },
  ],
  clocks: [
    {
      key: 'rectification',
      label: '整改期限',
      basis: '述法评议确定的整改期限（逐项确定，无法定期限）',
      length: () => 0,
      lengthLabel: '按评议意见',
      lengthFrom: 'days',
      unit: 'day',
      statute: null,
      startOn: ['evaluate_with_issues'],
      stopOn: ['rectify'],
    },
  ],
  outcomes: { evaluated: '评议办结', rectified: '整改完成' },
  report: {
    area: 'leadership',
    sentences: [
      '{{述法.现场述法}}名部门负责人现场述法，{{述法.书面述法}}名部门负责人书面述法。',
      '开展述法评议{{述法.评议}}人次。',
      '评议反馈问题{{述法.反馈问题}}项，限期整改{{述法.限期整改}}人次，整改完成{{述法.整改完成}}人次，整改完成率{{述法.整改完成率}}。',
    ],
  },
  indicators: [
    { key: 'reports', label: '述法', unit: '人', description: '期间内述法的负责人', count: { events: ['receive'] } },
    { key: 'onsite', label: '现场述法', unit: '人', description: '会议（现场）述法的负责人', count: { events: ['receive'], dataEquals: { form: 'onsite' } } },
    { key: 'written', label: '书面述法', unit: '人', description: '书面述法的负责人', count: { events: ['receive'], dataEquals: { form: 'written' } } },
    { key: 'evaluated', label: '评议', unit: '人次', description: '期间内完成评议的述法', count: { events: ['evaluate', 'evaluate_with_issues'] } },
    { key: 'evaluation_rate', label: '评议率', unit: '%', description: '评议 ÷ 述法', rate: { numerator: 'evaluated', denominator: 'reports' } },
    { key: 'with_issues', label: '限期整改', unit: '人次', description: '评议反馈问题、限期整改的述法', count: { events: ['evaluate_with_issues'] } },
    { key: 'issues', label: '反馈问题', unit: '项', description: '评议反馈的问题项数之和', count: { events: ['evaluate_with_issues'], sum: 'issueCount' } },
    { key: 'rectified', label: '整改完成', unit: '人次', description: '期间内整改完成的述法', count: { events: ['rectify'] } },
    { key: 'rectification_rate', label: '整改完成率', unit: '%', description: '整改完成 ÷ 限期整改', rate: { numerator: 'rectified', denominator: 'with_issues' } },
    { key: 'rectified_on_time', label: '按期整改', unit: '人次', description: '在评议确定的期限内整改完成的述法', count: { clocks: ['rectification'], stoppedBy: ['rectify'], onTime: true } },
  ],
});

export const publicity = activity({
  key: 'publicity',
  name: '普法活动',
  code: '普',
  basis: '“谁执法谁普法”普法责任制；“八五”普法规划',
  intake: z.object({
    receivedOn: f.date('活动日期'),
    theme: f.choice('主题', { constitution_week: '宪法宣传周', civil_code_month: '民法典宣传月', security_day: '全民国家安全教育日', campus: '法治进校园', village: '法治进乡村（社区）', enterprise: '法治进企业', other: '其他' }),
    venue: f.text('地点或载体', 100),
    sessions: count('场次'),
    audience: count('受众人次'),
  }),
  title: (x) => `普法：${x.venue}`,
  report: { area: 'publicity', sentences: ['开展普法宣传活动{{普法活动.场次}}场，受众{{普法活动.受众人次}}人次。'] },
  indicators: [
    { key: 'sessions', label: '场次', unit: '场', description: '普法活动场次之和', count: { events: ['receive'], sum: 'sessions' } },
    { key: 'audience', label: '受众人次', unit: '人次', description: '普法活动受众人次之和', count: { events: ['receive'], sum: 'audience' } },
    { key: 'constitution_week', label: '宪法宣传周场次', unit: '场', description: '宪法宣传周活动场次之和', count: { events: ['receive'], dataEquals: { theme: 'constitution_week' }, sum: 'sessions' } },
  ],
});

export const courtLiaison = activity({
  key: 'court_liaison',
  name: '府院联动',
  code: '联',
  basis: '府院联动工作机制（无全国统一规定）',
  intake: z.object({
    receivedOn: f.date('会议日期'),
    topic: f.text('议题', 200),
    resolved: count('协调化解纠纷数'),
  }),
  title: (x) => `府院联动：${x.topic}`,
  report: { area: 'disputes', sentences: ['召开府院联动联席会议{{府院联动.联席会议}}次，协调化解行政争议{{府院联动.协调化解纠纷}}起。'] },
  indicators: [
    { key: 'meetings', label: '联席会议', unit: '次', description: '期间内召开的府院联动会议', count: { events: ['receive'] } },
    { key: 'resolved', label: '协调化解纠纷', unit: '起', description: '府院联动协调化解的纠纷数之和', count: { events: ['receive'], sum: 'resolved' } },
  ],
});

export const counselWork = activity({
  key: 'counsel_work',
  name: '法律顾问工作',
  code: '顾',
  basis: '党政机关法律顾问制度',
  intake: z.object({
    receivedOn: f.date('统计截止日期'),
    counsel: f.text('法律顾问或公职律师', 100),
    contracts: count('审查合同及法律文书份数'),
    meetings: count('参加会议次数'),
    consultations: count('提供法律咨询次数'),
    opinions: count('出具法律意见书件数'),
  }),
  title: (x) => `法律顾问：${x.counsel}`,
  report: { area: 'decisions', sentences: ['法律顾问共审查、草拟合同及法律文书{{法律顾问工作.审查合同}}份，参与各类会议{{法律顾问工作.参加会议}}次，提供法律咨询{{法律顾问工作.法律咨询}}次，出具法律意见书{{法律顾问工作.法律意见书}}件。'] },
  indicators: [
    { key: 'contracts', label: '审查合同', unit: '份', description: '审查、草拟合同及法律文书份数之和（如 seed 000：936份）', count: { events: ['receive'], sum: 'contracts' } },
    { key: 'meetings', label: '参加会议', unit: '次', description: '法律顾问参加会议次数之和', count: { events: ['receive'], sum: 'meetings' } },
    { key: 'consultations', label: '法律咨询', unit: '次', description: '提供法律咨询次数之和', count: { events: ['receive'], sum: 'consultations' } },
    { key: 'opinions', label: '法律意见书', unit: '件', description: '出具法律意见书件数之和', count: { events: ['receive'], sum: 'opinions' } },
  ],
});

export const activities = [lawStudy, training, exam, lawReport, publicity, courtLiaison, counselWork];
