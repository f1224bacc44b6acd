import type { Figure } from './figures.ts';

/**
 * The same indicators read from every report, so that reports can be laid side by side by body
 * and year (行政复议 收到/受理/审结, 依申请公开, 行政应诉 and 出庭率, …). An indicator is the first
 * figure of its unit whose sentence names the topic and whose clause names the step.
 */
export interface IndicatorDef {
  key: string;
  label: string;
  unit: 'count' | 'rate';
  topic: RegExp;
  step: RegExp;
  not?: RegExp;
}

export const INDICATORS: IndicatorDef[] = [
  { key: 'reconsideration_received', label: '行政复议 收到申请', unit: 'count', topic: /行政复议|复议/, step: /收到|接收|新收|申请/, not: /受理|审结|办结|纠错|维持|撤销|驳回|终止/ },
  { key: 'reconsideration_accepted', label: '行政复议 受理', unit: 'count', topic: /行政复议|复议/, step: /受理/, not: /不予受理|审结|办结/ },
  { key: 'reconsideration_concluded', label: '行政复议 审结', unit: 'count', topic: /行政复议|复议/, step: /审结|办结|结案/, not: /按期|纠错|维持|撤销|驳回/ },
  { key: 'reconsideration_correction_rate', label: '行政复议 纠错率', unit: 'rate', topic: /复议/, step: /纠错率/ },
  { key: 'disclosure_requests', label: '依申请公开 申请', unit: 'count', topic: /依申请公开|信息公开申请|政府信息公开/, step: /收到|受理|办理|申请|答复/, not: /主动公开/ },
  { key: 'litigation_cases', label: '行政应诉 案件', unit: 'count', topic: /行政诉讼|应诉/, step: /案件|应诉|收到|新收|发生|办理/, not: /出庭|败诉|胜诉/ },
  { key: 'litigation_appearance_rate', label: '行政应诉 负责人出庭率', unit: 'rate', topic: /出庭/, step: /出庭(应诉)?率/ },
  { key: 'penalty_cases', label: '行政处罚 案件', unit: 'count', topic: /行政处罚/, step: /案件|办理|作出|查处|办结/, not: /简易|不予|免罚|轻微|从轻|减轻|减少/ },
  { key: 'mediation_cases', label: '人民调解 受理纠纷', unit: 'count', topic: /调解|矛盾纠纷/, step: /受理|调处|排查|化解|调解/, not: /成功|率/ },
  { key: 'mediation_success_rate', label: '人民调解 调解成功率', unit: 'rate', topic: /调解/, step: /成功率/ },
  { key: 'normative_documents_reviewed', label: '规范性文件 审查', unit: 'count', topic: /规范性文件/, step: /审查|审核|备案|制定|出台|清理/ },
  { key: 'enforcement_training', label: '执法人员 培训', unit: 'count', topic: /执法人员|执法队伍/, step: /培训|参训|参加/, not: /考试|合格/ },
];

/** One test that rules out most sentences before the per-indicator tests. */
const ANY_TOPIC = new RegExp(INDICATORS.map((d) => d.topic.source).join('|'));

const COUNT_UNITS = new Set(['件', '起', '人', '人次', '名', '份', '次', '个', '项', '条']);

/** Each indicator's value in one report (only those the report states). */
export function readIndicators(text: string, figures: Figure[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of figures) {
    if (f.approx || f.max !== undefined) continue;
    const sentenceStart = Math.max(text.lastIndexOf('。', f.start - 1), text.lastIndexOf('\n', f.start - 1)) + 1;
    const sentence = text.slice(sentenceStart, f.start);
    if (!ANY_TOPIC.test(sentence)) continue;
    const clause = sentence.slice(Math.max(0, ...[...'，,；;：:、'].map((c) => sentence.lastIndexOf(c) + 1)));
    for (const d of INDICATORS) {
      if (d.key in out) continue;
      if (d.unit === 'rate' ? f.unit !== '%' : !COUNT_UNITS.has(f.unit)) continue;
      if (!d.topic.test(sentence) || !d.step.test(clause) || (d.not && d.not.test(clause))) continue;
      if (/同比|较上年|比上年|较去年|比去年|上年|去年/.test(clause)) continue;
      out[d.key] = f.value;
      break;
    }
  }
  return out;
}
