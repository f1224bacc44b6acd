import { z } from 'zod';
import { defineCaseType, f } from '../../kernel/cases/define.ts';
import { recordId } from '../../kernel/validation.ts';
import { RISK_LABELS } from './draw.ts';
import { findingClue } from '../enterprise-inspection/index.ts';

/**
 * 双随机一公开 inspections (国发〔2019〕5号): each target drawn (see draw.ts) is an inspection
 * case; the result is recorded and made public within 20 工作日 of the inspection. 联合抽查 is
 * counted among all inspections, so its share can never exceed 100%.
 */
const RESULTS = { compliant: '未发现问题', problems: '发现问题责令整改', case: '发现违法行为，转本单位立案查处', transferred: '发现违法线索移交其他机关处理', not_found: '查无下落/已注销' };

export const inspection = defineCaseType({
  key: 'inspection',
  name: '双随机抽查',
  basis: '《国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》（国发〔2019〕5号）',
  number: ({ org, year, seq }) => `${org}抽查〔${year}〕${seq}号`,
  states: { drawn: { label: '待检查' }, inspected: { label: '已检查待公示' }, published: { label: '结果已公示', final: true } },
  initial: 'drawn',
  intake: z.object({
    receivedOn: f.date('抽取日期'),
    drawId: recordId('抽查任务'),
    item: f.text('抽查事项', 200),
    target: f.text('检查对象', 200),
    creditCode: f.text('统一社会信用代码', 18),
    risk: f.choice('风险等级', RISK_LABELS),
    inspectors: f.text('检查人员', 300),
    joint: f.flag('部门联合抽查'),
  }),
  title: (x) => `${x.item}：${x.target}`.slice(0, 80),
  actions: [
    {
      key: 'inspect',
      label: '记录检查结果',
      from: ['drawn'],
      to: 'inspected',
      outcome: { field: 'result' },
      fields: z.object({ result: f.choice('检查结果', RESULTS), findings: f.optionalText('检查情况') }),
      // 国发〔2019〕5号: a violation found is dealt with by the enforcement procedure, as a linked 行政执法 case.
      spawn: ({ fields, data, orgId }) => (data.result === 'case' ? { type: 'enforcement', orgId, fields: findingClue(fields, data.findings) } : null),
    },
    { key: 'publicize', label: '公示检查结果', basis: '国发〔2019〕5号：抽查结果20个工作日内向社会公示', from: ['inspected'], to: 'published' },
  ],
  clocks: [
    { key: 'publicity', label: '结果公示期限', basis: '国发〔2019〕5号：检查结束后20个工作日内', length: 20, unit: 'workday', startOn: ['inspect'], stopOn: ['publicize'] },
  ],
  outcomes: RESULTS,
  report: { area: 'functions', sentences: ['开展“双随机、一公开”抽查{{双随机抽查.抽查}}户次，其中部门联合抽查{{双随机抽查.联合抽查}}户次，联合抽查占比{{双随机抽查.联合抽查占比}}；抽查结果按期公示率{{双随机抽查.按期公示率}}。'] },
  indicators: [
    { key: 'drawn', label: '抽查', unit: '户次', description: '期间内抽取的检查对象', count: { events: ['receive'] } },
    { key: 'joint', label: '联合抽查', unit: '户次', description: '期间内部门联合抽查的对象（抽查的一部分）', count: { events: ['receive'], caseEquals: { joint: true } } },
    { key: 'joint_share', label: '联合抽查占比', unit: '%', description: '联合抽查 ÷ 抽查', rate: { numerator: 'joint', denominator: 'drawn' } },
    { key: 'problems', label: '发现问题', unit: '户', description: '期间内检查发现问题或违法线索的对象', count: { events: ['inspect'], outcomes: ['problems', 'case', 'transferred'] } },
    { key: 'published', label: '公示', unit: '户次', description: '期间内公示的抽查结果', count: { clocks: ['publicity'], stoppedBy: ['publicize'] } },
    { key: 'published_on_time', label: '按期公示', unit: '户次', description: '期间内20个工作日内公示的结果', count: { clocks: ['publicity'], stoppedBy: ['publicize'], onTime: true } },
    { key: 'publicity_rate', label: '按期公示率', unit: '%', description: '按期公示 ÷ 公示', rate: { numerator: 'published_on_time', denominator: 'published' } },
  ],
});
