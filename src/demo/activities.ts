import type { Kernel } from '../kernel/kernel.ts';
import { Random } from './random.ts';
import { spread, type Plan } from './district.ts';

/**
 * A year of the activities annual reports describe, at seed scale: 理论学习中心组学法 about once a
 * month, 常务会学法, trainings and exams, 述法 by every department (a few on site), some 200 普法
 * sessions reaching tens of thousands, two 府院联动 meetings, and the 法律顾问's quarterly tallies.
 */
export function planActivities(k: Kernel, year: number, o: { office: number; justice: number; departments: { id: number; name: string }[] }): Plan[] {
  const r = new Random(year * 7 + 1);
  const plans: Plan[] = [];
  const add = (type: string, orgId: number, fields: Record<string, unknown>) => plans.push({ type, orgId, fields, steps: [], stall: 1 });
  const topics = ['习近平法治思想', '宪法', '行政复议法', '行政处罚法', '政府信息公开条例', '优化营商环境条例', '民法典'];
  spread(k, r, year, 12).forEach((on, i) => add('law_study', o.office, { receivedOn: on, form: 'center_group', topic: topics[i % topics.length], attendees: r.int(12, 20) }));
  spread(k, r, year, 10).forEach((on, i) => add('law_study', o.office, { receivedOn: on, form: 'executive_meeting', topic: topics[(i + 3) % topics.length], attendees: r.int(20, 35) }));
  spread(k, r, year, 6).forEach((on) => add('training', o.justice, { receivedOn: on, audience: r.pick(['leaders', 'enforcement', 'staff', 'grassroots']), topic: '依法行政专题培训', participants: r.int(60, 420) }));
  add('exam', o.justice, { receivedOn: `${year}-11-15`, name: '领导干部法律知识考试', takers: 400, passed: 400 - r.int(0, 6) });
  add('exam', o.justice, { receivedOn: `${year}-12-05`, name: '行政执法人员资格考试', takers: 210, passed: 210 - r.int(2, 12) });
  // Every 述法 is 评议'd the same month; one department is given problems to put right (14.1).
  o.departments.forEach((d, i) => {
    const evaluation = i === 1
      ? { on: `${year}-12-30`, action: 'evaluate_with_issues', data: { result: 'average', issues: '重大行政决策合法性审查台账不全', issueCount: 1, days: 60 } }
      : { on: `${year}-12-30`, action: 'evaluate', data: { result: i < 3 ? 'good' : 'fair' } };
    plans.push({ type: 'law_report', orgId: o.office, fields: { receivedOn: `${year}-12-2${i % 5}`, form: i < 3 ? 'onsite' : 'written', reporter: d.name, unit: d.id, position: 'department_head', year }, steps: [evaluation], stall: 1 });
  });
  const themes = ['constitution_week', 'civil_code_month', 'security_day', 'campus', 'village', 'enterprise'];
  spread(k, r, year, 40).forEach((on) => add('publicity', r.chance(0.5) ? o.justice : r.pick(o.departments).id, { receivedOn: on, theme: r.pick(themes), venue: r.pick(['城关街道文化广场', '青溪中学', '工业园区', '各村（社区）', '政务服务中心']), sessions: r.int(2, 8), audience: r.int(300, 1000) }));
  add('court_liaison', o.office, { receivedOn: `${year}-04-18`, topic: '行政争议实质性化解', resolved: r.int(5, 15) });
  add('court_liaison', o.office, { receivedOn: `${year}-10-22`, topic: '府院联动联席会议', resolved: r.int(5, 12) });
  for (const q of ['03-31', '06-30', '09-30', '12-31']) {
    add('counsel_work', o.justice, { receivedOn: `${year}-${q}`, counsel: '青溪区政府法律顾问团', contracts: r.int(150, 260), meetings: r.int(40, 70), consultations: r.int(120, 180), opinions: r.int(5, 12) });
  }
  return plans;
}
