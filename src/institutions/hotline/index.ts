import { z } from 'zod';
import { defineCaseType, f, partySchema, type EventView } from '../../kernel/cases/define.ts';
import { dateAndTime, type ImportStep } from '../../kernel/cases/import.ts';

/**
 * 12345 政务服务便民热线 and 营商环境 work orders (国办发〔2020〕53号; limits are local rules).
 * The hotline centre registers and dispatches a work order to a unit; the unit signs for it,
 * handles it or sends it back, or asks the centre for more time (延期); the centre calls the
 * citizen back and, on dissatisfaction or the citizen's 申诉, sends it back once for 重办.
 * Limits by urgency are configurable here: 一般5、复杂15个工作日; 签收1个工作日; 回访3个工作日;
 * a 紧急 order is counted in hours (below).
 */
export const HANDLING_WORKDAYS = { normal: 5, complex: 15 } as const;
export const SIGN_WORKDAYS = 1;
export const VISIT_WORKDAYS = 3;
/**
 * 紧急工单 (review 8.2, 8.3; choice): 国办发〔2020〕53号 sets no figures. The local rules read count
 * urgent orders in hours round the clock: 响应/签收 within 2 hours and the result within 24 hours
 * (e.g. 潍坊 紧急工单: 30 分钟内响应、2 小时内反馈初步结果、24 小时内回复最终结果; 北京:
 * 突发、可能造成生命财产损失的 2 小时内反馈, 水电气热等及时性诉求 24 小时内). Natural hours from
 * the minute of 派单; a step recorded without its time is judged by dates.
 */
export const URGENT_SIGN_HOURS = 2;
export const URGENT_HANDLING_HOURS = 24;
const isUrgent = (x: Record<string, any>) => x.urgency === 'urgent';
/** 紧急: hours; otherwise 工作日. */
const urgentInHours = (x: Record<string, any>) => (isUrgent(x) ? 'hour' : 'workday');
const handlingLength = (x: Record<string, any>) => (isUrgent(x) ? URGENT_HANDLING_HOURS : HANDLING_WORKDAYS[x.urgency as keyof typeof HANDLING_WORKDAYS] ?? HANDLING_WORKDAYS.normal);
const HANDLING_LABEL = `紧急${URGENT_HANDLING_HOURS}小时，一般${HANDLING_WORKDAYS.normal}、复杂${HANDLING_WORKDAYS.complex}个工作日`;
/**
 * 延期: neither 国办发〔2020〕53号 nor the local rules found set a number of days. The rules found
 * have the unit ask the centre before the limit runs out and the centre approve (choice: at most
 * 15 个工作日 in all, the longest ordinary limit). 重办 gets the order's own limit afresh.
 */
export const EXTENSION_MAX_WORKDAYS = 15;

const reordered = (events: EventView[]) => events.some((e) => e.kind === 'reorder');
/** The last 回访 (first or after 重办) found the citizen unsatisfied. */
const lastVisitUnsatisfied = (events: EventView[]) => events.findLast((e) => e.kind === 'visit' || e.kind === 'revisit')?.data.satisfaction === 'unsatisfied';
/** The first handling is judged once: a dispatch after a 重办 starts the 重办 clock, never the first one. */
const beforeReorder = (_e: EventView, earlier: EventView[]) => !reordered(earlier);
const afterReorder = (e: EventView, earlier: EventView[]) => e.kind === 'reorder' || reordered(earlier);

const urgency = { urgent: '紧急', normal: '一般', complex: '复杂' };
const satisfaction = { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' };
/** 回访 and 重办回访 ask the same. */
const visitFields = z.object({ resolved: f.flag('诉求已解决'), satisfaction: f.choice('满意度', satisfaction) });

export const hotline = defineCaseType({
  key: 'hotline',
  name: '12345工单',
  basis: '《国务院办公厅关于进一步优化地方政务服务便民热线的指导意见》（国办发〔2020〕53号）及本地办理规定',
  number: ({ government, year, seq }) => `${government}12345〔${year}〕${seq}号`,
  numberedBy: 'government',
  states: {
    registered: { label: '待派单' },
    dispatched: { label: '待签收' },
    handling: { label: '办理中' },
    extension_pending: { label: '延期待审核' },
    returned: { label: '已退单待改派' },
    done: { label: '已办结待回访' },
    closed: { label: '已回访', final: true },
    invalid: { label: '无效工单', final: true },
  },
  initial: 'registered',
  intake: z.object({
    receivedOn: f.date('受理日期'),
    orderNo: f.optionalText('热线工单编号', 40),
    channel: f.choice('来源渠道', { phone: '电话', web: '网站', wechat: '微信', app: '移动端', letter: '信件' }),
    kind: f.choice('诉求类型', { consult: '咨询', help: '求助', complaint: '投诉', report: '举报', suggestion: '建议', praise: '表扬' }),
    category: f.text('问题分类', 50),
    location: f.optionalText('发生地点', 100),
    content: f.longText('诉求内容'),
    urgency: f.choice('紧急程度', urgency),
    businessEnv: f.flag('营商环境工单').optional(),
    parties: z.array(partySchema).max(1).optional().meta({ title: '诉求人' }),
  }),
  title: (x) => `${x.category}：${String(x.content).slice(0, 36)}`,
  actions: [
    { key: 'dispatch', label: '派单', from: ['registered', 'returned'], to: 'dispatched', reassignTo: 'unitId', fields: z.object({ unitId: f.org('承办单位'), note: f.optionalText('派单意见') }) },
    { key: 'sign', label: '签收', from: ['dispatched'], to: 'handling' },
    { key: 'return', label: '退单', basis: '不属于本单位职责的，说明理由并提出承办建议', from: ['dispatched', 'handling'], to: 'returned', fields: z.object({ reason: f.longText('退单理由') }) },
    { key: 'complete', label: '办结', from: ['handling', 'extension_pending'], to: 'done', fields: z.object({ result: f.longText('办理结果') }) },
    {
      key: 'request_extension',
      label: '申请延期',
      basis: `本地规定：情况复杂不能按时办结的，承办单位在办理时限届满前向热线中心申请延期，经同意后延长（累计不超过${EXTENSION_MAX_WORKDAYS}个工作日）`,
      from: ['handling'],
      to: 'extension_pending',
      fields: z.object({ days: f.days('申请延长工作日数', EXTENSION_MAX_WORKDAYS), reason: f.longText('延期理由') }),
      // Checked here rather than through the clock's requestOn: an order in 办理中 then offers its
      // steps without reading its history, which keeps a city's open orders cheap to list.
      check: ({ clocks, data, on, fields }) => {
        // Choice: 24 小时 is the whole limit of an urgent order; the rules read grant it no 延期.
        if (isUrgent(fields)) return `紧急工单的办理时限为${URGENT_HANDLING_HOURS}小时（本地规定），不予延期`;
        const cur = [clocks.rehandling, clocks.handling].find((c) => c?.status === 'running');
        if (!cur?.dueOn) return '办理时限未在计时，不能申请延期';
        if (on > cur.dueOn) return `办理时限已于${cur.dueOn}届满，届满后不能再申请延期`;
        if (cur.extended + data.days > EXTENSION_MAX_WORKDAYS) return `办理时限最多可延长${EXTENSION_MAX_WORKDAYS}个工作日（已延长${cur.extended}），本次最多${EXTENSION_MAX_WORKDAYS - cur.extended}`;
        return undefined;
      },
    },
    {
      key: 'approve_extension',
      label: '同意延期（热线中心）',
      basis: '本地规定：热线中心审核同意后，办理时限按同意的工作日数延长',
      from: ['extension_pending'],
      to: 'handling',
      fields: z.object({ days: f.days('同意延长工作日数', EXTENSION_MAX_WORKDAYS) }),
      prefill: ({ events }) => ({ days: events.findLast((e) => e.kind === 'request_extension')?.data.days }),
      check: ({ events, data }) => {
        const asked = Number(events.findLast((e) => e.kind === 'request_extension')?.data.days);
        return data.days > asked ? `同意的工作日数不能多于申请的${asked}个工作日` : undefined;
      },
    },
    { key: 'refuse_extension', label: '不同意延期', from: ['extension_pending'], to: 'handling', fields: z.object({ reason: f.optionalText('不同意理由') }) },
    {
      key: 'visit',
      label: '回访',
      from: ['done'],
      to: 'closed',
      outcome: { field: 'satisfaction' },
      fields: visitFields,
      // A check, not a `when`: 已办结待回访 orders are listed without reading their history.
      check: ({ events }) => (reordered(events) ? '该工单已重办，请办理「重办回访」' : undefined),
    },
    {
      key: 'reorder',
      label: '重办',
      basis: '本地规定：回访不满意或诉求人申诉，经热线中心审核，退回承办单位重新办理，办理时限重新计算',
      from: ['closed'],
      to: 'handling',
      fields: z.object({ ground: f.choice('重办原因', { unsatisfied: '回访不满意', appeal: '诉求人申诉' }), reason: f.longText('重办意见') }),
      // One 重办 per order: a second dissatisfaction is a matter for 督办, not another round.
      when: ({ events }) => !reordered(events),
      check: ({ events, data }) =>
        data.ground === 'unsatisfied' && !lastVisitUnsatisfied(events) ? '回访结果不是不满意，不能以回访不满意为由重办；诉求人申诉的，选择「诉求人申诉」' : undefined,
    },
    {
      key: 'revisit',
      label: '重办回访',
      from: ['done'],
      to: 'closed',
      outcome: { field: 'satisfaction' },
      fields: visitFields,
      check: ({ events }) => (reordered(events) ? undefined : '该工单未重办，请办理「回访」'),
    },
    { key: 'invalidate', label: '无效工单', from: ['registered'], to: 'invalid', outcome: 'invalid', fields: z.object({ reason: f.text('原因', 200) }) },
  ],
  clocks: [
    {
      key: 'sign',
      label: '签收时限',
      basis: `本地规定：派单后${SIGN_WORKDAYS}个工作日内签收；紧急工单${URGENT_SIGN_HOURS}小时内签收响应`,
      length: (x) => (isUrgent(x) ? URGENT_SIGN_HOURS : SIGN_WORKDAYS),
      lengthLabel: `一般、复杂${SIGN_WORKDAYS}个工作日，紧急${URGENT_SIGN_HOURS}小时`,
      unit: 'workday',
      unitFor: urgentInHours,
      startOn: ['dispatch'],
      startIf: beforeReorder,
      stopOn: ['sign', 'return'],
    },
    {
      key: 'handling',
      label: '办理时限',
      basis: `本地规定：按紧急程度${HANDLING_LABEL}，自派单起算，改派重新起算`,
      length: handlingLength,
      lengthLabel: HANDLING_LABEL,
      unit: 'workday',
      unitFor: urgentInHours,
      startOn: ['dispatch'],
      // The first handling's result stands: a 重办 and any 改派 after it run on the 重办 clock.
      startIf: beforeReorder,
      stopOn: ['complete', 'return'],
      extendOn: ['approve_extension'],
      maxExtension: EXTENSION_MAX_WORKDAYS,
    },
    {
      key: 'rehandling',
      label: '重办时限',
      basis: '本地规定：重办的，自热线中心重办之日起按原紧急程度重新计算办理时限，改派重新起算',
      length: handlingLength,
      lengthLabel: HANDLING_LABEL,
      unit: 'workday',
      unitFor: urgentInHours,
      startOn: ['reorder', 'dispatch'],
      startIf: afterReorder,
      stopOn: ['complete', 'return'],
      extendOn: ['approve_extension'],
      maxExtension: EXTENSION_MAX_WORKDAYS,
    },
    { key: 'visit', label: '回访时限', basis: `本地规定：办结后${VISIT_WORKDAYS}个工作日内回访`, length: VISIT_WORKDAYS, unit: 'workday', startOn: ['complete'], stopOn: ['visit', 'revisit'] },
  ],
  outcomes: { ...satisfaction, invalid: '无效工单' },
  report: { area: 'functions', sentences: ['受理12345政务服务便民热线工单{{12345工单.工单}}件，按时接单率{{12345工单.按时接单率}}，按时办结率{{12345工单.按时办结率}}，满意率{{12345工单.满意率}}。'] },
  indicators: [
    { key: 'orders', label: '工单', unit: '件', description: '期间内本单位（含下级）登记受理的热线工单；派往其他单位承办的，只计入受理的热线中心', count: { events: ['receive'] } },
    // What a handling unit sees of 12345: the orders sent to it, beside the centre's 受理 count.
    { key: 'assigned', label: '承办工单', unit: '件', description: '期间内派往本单位（含下级）承办的热线工单件次，按派单日期计；退回后改派的，新承办单位再计一次', count: { events: ['dispatch'], everyEvent: true } },
    { key: 'business_orders', label: '营商环境工单', unit: '个', description: '期间内受理的营商环境类工单', count: { events: ['receive'], dataEquals: { businessEnv: true } } },
    { key: 'business_units', label: '营商环境工单承办单位', unit: '个', description: '营商环境工单派往的单位数', count: { events: ['dispatch'], caseEquals: { businessEnv: true }, distinctOrgs: true } },
    { key: 'signed', label: '签收', unit: '件', description: '期间内签收的派单', count: { clocks: ['sign'], stoppedBy: ['sign'] } },
    { key: 'signed_on_time', label: '按时签收', unit: '件', description: '在签收时限内签收的派单', count: { clocks: ['sign'], stoppedBy: ['sign'], onTime: true } },
    { key: 'sign_rate', label: '按时接单率', unit: '%', description: '按时签收数 ÷ 签收数', rate: { numerator: 'signed_on_time', denominator: 'signed' } },
    { key: 'completed', label: '办结', unit: '件', description: '期间内承办单位办结的工单（计入承办单位）', count: { clocks: ['handling'], stoppedBy: ['complete'] } },
    { key: 'completed_on_time', label: '按时办结', unit: '件', description: '在办理时限内办结的工单', count: { clocks: ['handling'], stoppedBy: ['complete'], onTime: true } },
    { key: 'completion_rate', label: '按时办结率', unit: '%', description: '承办单位按时办结数 ÷ 办结数（计入承办单位）', rate: { numerator: 'completed_on_time', denominator: 'completed' } },
    { key: 'visited', label: '回访', unit: '件', description: '期间内回访的工单', count: { events: ['visit'] } },
    { key: 'resolved', label: '解决', unit: '件', description: '回访确认诉求已解决的工单', count: { events: ['visit'], dataEquals: { resolved: true } } },
    { key: 'resolution_rate', label: '解决率', unit: '%', description: '解决数 ÷ 回访数', rate: { numerator: 'resolved', denominator: 'visited' } },
    { key: 'satisfied', label: '满意', unit: '件', description: '回访满意或基本满意的工单', count: { events: ['visit'], outcomes: ['satisfied', 'basically'] } },
    { key: 'satisfaction_rate', label: '满意率', unit: '%', description: '满意和基本满意数 ÷ 回访数', rate: { numerator: 'satisfied', denominator: 'visited' } },
    // 延期 and 重办 (review 8.5, 8.6): the figures above stay those of the first handling and the first 回访.
    // Counted per event, so they roll up: an order may be extended twice; it is reordered at most once.
    { key: 'extended', label: '批准延期', unit: '件次', description: '期间内热线中心同意的延期（同一工单再次延期的，再计一次）', count: { events: ['approve_extension'], everyEvent: true } },
    { key: 'reordered', label: '重办', unit: '件', description: '期间内热线中心因回访不满意或诉求人申诉退回重办的工单', count: { events: ['reorder'], everyEvent: true } },
    { key: 'reorder_rate', label: '重办率', unit: '%', description: '重办数 ÷ 回访数', rate: { numerator: 'reordered', denominator: 'visited' } },
    { key: 'rehandled', label: '重办办结', unit: '件', description: '期间内重办后办结的工单', count: { clocks: ['rehandling'], stoppedBy: ['complete'] } },
    { key: 'rehandled_on_time', label: '重办按时办结', unit: '件', description: '在重办时限内办结的工单', count: { clocks: ['rehandling'], stoppedBy: ['complete'], onTime: true } },
    { key: 'revisited', label: '重办回访', unit: '件', description: '期间内重办后回访的工单', count: { events: ['revisit'] } },
    { key: 'revisit_satisfied', label: '重办后满意', unit: '件', description: '重办后回访满意或基本满意的工单', count: { events: ['revisit'], outcomes: ['satisfied', 'basically'] } },
    { key: 'revisit_satisfaction_rate', label: '重办后满意率', unit: '%', description: '重办后满意和基本满意数 ÷ 重办回访数', rate: { numerator: 'revisit_satisfied', denominator: 'revisited' } },
  ],
  import: {
    // The columns of a hotline system's monthly export; each filled date is a step already taken.
    columns: [
      { header: '承办单位', key: 'unit' },
      // A date cell may carry the time ('2026-03-02 09:30'): 紧急 orders are held to the hour.
      { header: '派单日期', key: 'dispatchedOn', withTime: true },
      { header: '签收日期', key: 'signedOn', withTime: true },
      { header: '办结日期', key: 'completedOn', withTime: true },
      { header: '办理结果', key: 'result' },
      { header: '回访日期', key: 'visitedOn' },
      { header: '是否解决', key: 'resolved' },
      { header: '满意度', key: 'satisfaction' },
    ],
    steps: (x) => {
      const steps: ImportStep[] = [];
      if (!x.dispatchedOn) return steps;
      const timed = (cell: string, data: Record<string, unknown> = {}) => {
        const { on, at } = dateAndTime(cell);
        return { on, data: at ? { ...data, at } : data };
      };
      steps.push({ action: 'dispatch', ...timed(x.dispatchedOn, { unitId: x.unit }) });
      if (x.signedOn) steps.push({ action: 'sign', ...timed(x.signedOn) });
      if (x.completedOn) steps.push({ action: 'complete', ...timed(x.completedOn, { result: x.result || '已办结' }) });
      if (x.visitedOn) {
        const sat = Object.entries(satisfaction).find(([, label]) => label === x.satisfaction)?.[0] ?? x.satisfaction;
        steps.push({ action: 'visit', on: x.visitedOn, data: { resolved: /^(是|已解决|解决)$/.test(x.resolved), satisfaction: sat } });
      }
      return steps;
    },
  },
});
