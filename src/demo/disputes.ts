import type { Kernel } from '../kernel/kernel.ts';
import { Random } from './random.ts';
import { company, person } from './people.ts';
import { cd, spread, wd, type Plan, type Step } from './district.ts';
import { disputeCategories } from '../institutions/mediation/index.ts';

/**
 * Yearly volumes for the demo district, near the figures the seed reports state (seed 001:
 * 排查605次, 人民调解受理297起/成功271起, 信访454件, 应诉7件, 法律援助502件, 建议60件/提案40件;
 * seed 004: 12345工单987件, 营商环境工单53个), scaled down where a first start would otherwise be slow.
 */
export const VOLUMES = { screening: 600, mediation: 300, petition: 250, litigation: 7, legalAid: 200, consultation: 150, deputy: 60, cppcc: 40, hotline: 400, ratings: 500 };

interface Orgs {
  justice: number;
  petitions: number;
  committees: number[];
  centre: number;
  units: number[];
  townships: string[];
}

const HOTLINE_TOPICS: [string, string][] = [
  ['城市管理', '小区门口占道经营，影响通行'],
  ['环境保护', '夜间施工噪音扰民'],
  ['市场监管', '超市销售过期食品'],
  ['住房保障', '公租房申请进度查询'],
  ['劳动保障', '公司拖欠工资三个月'],
  ['教育', '咨询小学入学政策'],
  ['交通', '公交线路调整建议'],
  ['医疗卫生', '社区卫生服务中心服务态度差'],
  ['营商环境', '企业开办审批材料重复提交'],
  ['营商环境', '惠企补贴兑现进度慢'],
];
const SERVICES = ['个体工商户登记', '社保卡补办', '不动产登记', '医保报销', '户籍迁移', '公积金提取', '营业执照变更', '教师资格认定', '食品经营许可', '残疾人补贴申请'];

export function planDisputes(k: Kernel, year: number, o: Orgs): Plan[] {
  const plans: Plan[] = [];
  const r = new Random(year * 31337 + 11);
  const each = (n: number, f: (r: Random, on: string) => Plan | null) => {
    for (const on of spread(k, r, year, n)) {
      const p = f(new Random(r.int(1, 2 ** 31)), on);
      if (p) plans.push(p);
    }
  };
  const party = (r: Random) => (r.chance(0.85) ? person(r, o.townships) : company(r, o.townships));

  each(VOLUMES.screening, (r, on) => ({
    type: 'dispute_screening',
    orgId: r.pick(o.committees),
    fields: { receivedOn: on, target: `${r.pick(o.townships)}${r.pick(['村（社区）', '企业园区', '集贸市场', '建筑工地'])}`, disputesFound: r.chance(5 / 9) ? 0 : r.int(1, 3) },
    steps: [],
    stall: 1,
  }));

  each(VOLUMES.mediation, (r, on) => {
    const steps: Step[] = [];
    if (r.chance(0.03)) return { type: 'mediation', orgId: r.pick(o.committees), fields: mediationFields(r, on, party), steps: [{ on: wd(k, on, 1), action: 'decline', data: { reason: '一方当事人明确拒绝调解' } }], stall: r.next() };
    const accepted = wd(k, on, r.int(0, 2));
    steps.push({ on: accepted, action: 'accept', data: { mediator: r.pick(['王建国', '刘秀英', '陈志强', '李桂兰', '张德明']) } });
    if (r.chance(0.5)) steps.push({ on: cd(k, accepted, r.int(2, 8)), action: 'session', data: { summary: '召集双方当面调解，释法明理' } });
    const end = cd(k, accepted, r.int(9, 28));
    if (r.chance(0.91)) {
      steps.push({ on: end, action: 'agree', data: { form: r.chance(0.8) ? 'written' : 'oral', content: '双方自愿达成协议', amount: r.chance(0.5) ? r.int(5, 300) * 100 : undefined } });
      if (r.chance(0.08)) steps.push({ on: cd(k, end, r.int(3, 20)), action: 'judicial_confirmation', data: { court: '青溪区人民法院' } });
    } else steps.push({ on: end, action: 'fail', data: { routes: '告知当事人可向人民法院提起诉讼' } });
    return { type: 'mediation', orgId: r.pick(o.committees), fields: mediationFields(r, on, party), steps, stall: r.next() };
  });

  each(VOLUMES.petition, (r, on) => {
    const steps: Step[] = [];
    const fields = { receivedOn: on, channel: r.weighted({ online: 5, visit: 3, letter: 2, phone: 1 }), category: r.weighted({ claim: 7, suggestion: 2, accusation: 1 }), content: r.pick(['反映拆迁补偿标准过低', '反映物业公司乱收费', '反映企业拖欠农民工工资', '反映小区违章搭建', '建议增设公交站点', '反映土地承包经营权纠纷']), parties: [party(r)] };
    const route = r.chance(0.1);
    if (route) {
      const routed = wd(k, on, r.int(1, 5));
      steps.push({ on: routed, action: 'route', data: { target: 'mediation', targetOrgId: r.pick(o.committees) } });
      const mediated = wd(k, routed, r.int(1, 3));
      const followUpSteps: Step[] = [
        { on: mediated, action: 'accept', data: { mediator: '联合接访调解员' } },
        r.chance(0.8) ? { on: cd(k, mediated, r.int(5, 20)), action: 'agree', data: { form: 'written', content: '经访调对接达成协议' } } : { on: cd(k, mediated, r.int(5, 20)), action: 'fail', data: { routes: '告知依法提起诉讼' } },
      ];
      return { type: 'petition', orgId: o.petitions, fields, steps, stall: r.next(), followUpSteps };
    }
    if (r.chance(0.05)) return { type: 'petition', orgId: o.petitions, fields, steps: [{ on: wd(k, on, r.int(2, 8)), action: 'reject', data: { reason: '属于诉讼程序处理的事项，已告知向人民法院提出' } }], stall: r.next() };
    const accepted = wd(k, on, r.int(1, 8));
    steps.push({ on: accepted, action: 'accept' });
    let limit = 60;
    let earliest = 15;
    // Only 申诉求决 matters have the 60 日 (+30) clock (信访工作条例第三十四条).
    if (r.chance(0.05) && fields.category === 'claim') {
      const ext = r.int(40, 50);
      steps.push({ on: cd(k, accepted, ext), action: 'extend', data: { days: 30, reason: '涉及多个部门，需会商', approver: '局长' } });
      limit = 90;
      earliest = ext + 10;
    }
    const done = cd(k, accepted, r.chance(0.03) ? limit + r.int(2, 10) : r.int(earliest, limit - 5));
    steps.push({ on: done, action: 'conclude', data: { opinion: r.weighted({ support: 3, explain: 6, not_support: 1 }), summary: '经调查核实，依法依规作出处理' } });
    // 复查 is the 上一级's own case (信访工作条例第三十五条); the 市 level is not on this platform.
    // Only 申诉求决 answers can be reviewed; the draws stay as they were so the rest of the demo does not move.
    if (r.chance(0.04)) {
      const requested = cd(k, done, r.int(5, 25));
      r.int(45, 55);
      if (fields.category === 'claim') steps.push({ on: requested, action: 'request_review' });
    }
    return { type: 'petition', orgId: o.petitions, fields, steps, stall: r.next() };
  });

  each(VOLUMES.litigation, (r, on) => {
    const fields = { receivedOn: on, court: '青溪区人民法院', courtCaseNo: `(${year})赣0102行初${r.int(1, 200)}号`, plaintiff: company(r, o.townships).name, actUnderReview: r.pick(['行政处罚决定', '征收补偿决定', '不予登记决定']), instance: 'first' };
    const answered = cd(k, on, r.int(7, 14));
    const heard = cd(k, answered, r.int(20, 60));
    const steps: Step[] = [
      { on: answered, action: 'answer' },
      { on: heard, action: 'hearing', data: { headAppeared: true, ...r.pick([{ headName: '分管副区长', headRole: 'in_charge' }, { headName: '副局长', headRole: 'deputy' }, { headName: '局长', headRole: 'principal' }]) } },
    ];
    if (r.chance(0.15)) steps.push({ on: cd(k, heard, r.int(5, 20)), action: 'withdraw' });
    else {
      const judged = cd(k, heard, r.int(20, 60));
      steps.push({ on: judged, action: 'judgment', data: { result: r.weighted({ won: 17, lost: 2, partly_lost: 1 }) } }, { on: cd(k, judged, r.int(15, 40)), action: 'perform', data: { performance: '已按生效裁判履行' } });
    }
    return { type: 'litigation', orgId: o.justice, fields, steps, stall: 1 };
  });

  each(VOLUMES.legalAid, (r, on) => {
    const fields = { receivedOn: on, category: r.weighted({ civil: 5, labour_arbitration: 3, criminal: 2, administrative: 1 }), matter: r.pick(['追索劳动报酬', '工伤赔偿', '交通事故损害赔偿', '赡养纠纷', '刑事辩护', '离婚纠纷']), parties: [person(r, o.townships)] };
    if (r.chance(0.04)) return { type: 'legal_aid', orgId: o.justice, fields, steps: [{ on: cd(k, on, r.int(1, 6)), action: 'refuse', data: { reason: '不符合经济困难标准' } }], stall: 1 };
    const steps: Step[] = [];
    let at = on;
    if (r.chance(0.1)) {
      steps.push({ on: (at = cd(k, at, 1)), action: 'request_materials', data: { items: '经济困难状况说明表' } });
      steps.push({ on: (at = cd(k, at, r.int(2, 8))), action: 'receive_materials' });
    }
    const granted = cd(k, at, r.int(1, 5));
    const assigned = cd(k, granted, r.int(0, 2));
    steps.push({ on: granted, action: 'grant', data: { recipients: r.chance(0.8) ? 1 : r.int(2, 6) } }, { on: assigned, action: 'assign', data: { lawyer: r.pick(['赵律师', '钱律师', '孙律师', '周律师']), firm: '青溪区法律援助中心' } });
    steps.push({ on: cd(k, assigned, r.int(30, 150)), action: 'close', data: { result: r.weighted({ won: 5, partly: 2, mediated: 3, lost: 1 }) } });
    return { type: 'legal_aid', orgId: o.justice, fields, steps, stall: 1 };
  });

  each(VOLUMES.consultation, (r, on) => ({
    type: 'legal_consultation',
    orgId: o.justice,
    fields: { receivedOn: on, channel: r.weighted({ visit: 3, phone: 4, online: 2, hotline: 3 }), topic: r.pick(['劳动争议', '婚姻家庭', '房屋租赁', '借款纠纷', '继承', '交通事故']), persons: r.int(3, 18) },
    steps: [],
    stall: 1,
  }));

  // 建议提案 are assigned after the 两会 in spring.
  const spring = spread(k, r, year, VOLUMES.deputy + VOLUMES.cppcc).map((d) => `${year}-03-${String(Number(d.slice(8)) % 20 + 5).padStart(2, '0')}`);
  spring.forEach((on, i) => {
    const rr = new Random(year * 997 + i);
    const kind = i < VOLUMES.deputy ? 'deputy' : 'cppcc';
    const unit = rr.pick(o.units);
    const signed = wd(k, on, rr.int(1, 3));
    const answered = cd(k, signed, rr.int(30, 80));
    plans.push({
      type: 'proposal',
      orgId: unit,
      fields: { receivedOn: k.calendar.nextWorkday(on), kind, code: String(i + 1), proposer: `${rr.pick(['王', '李', '张', '刘', '陈'])}${rr.pick(['代表', '委员'])}`, subject: rr.pick(['关于加强社区法律服务的建议', '关于优化营商环境的建议', '关于改善农村道路的建议', '关于加强校园周边安全的建议']) },
      steps: [
        { on: signed, action: 'sign' },
        // 代表法 art. 51: the deputy is consulted before the answer.
        ...(kind === 'deputy' ? [{ on: cd(k, answered, -10), action: 'contact', data: { way: 'meeting', opinion: '代表希望尽快落实' } }] : []),
        { on: answered, action: 'answer', data: { grade: rr.weighted({ A: 6, B: 3, C: 1 }), summary: '已认真研究办理' } },
        { on: cd(k, answered, rr.int(5, 20)), action: 'feedback', data: { opinion: rr.weighted({ satisfied: 9, basically: 1 }) } },
      ],
      stall: 1,
    });
  });

  each(VOLUMES.hotline, (r, on) => {
    const [category, content] = r.pick(HOTLINE_TOPICS);
    const urgency = r.weighted({ normal: 7, urgent: 1, complex: 2 });
    const limit = { urgent: 1, normal: 5, complex: 15 }[urgency];
    // 紧急 orders are held to the hour (2 小时 to sign, 24 小时 to finish): the steps carry a time,
    // fixed rather than drawn so the rest of the district's data stays as it was.
    const time = (t: string) => (urgency === 'urgent' ? { at: t } : {});
    const fields = { receivedOn: on, channel: r.weighted({ phone: 6, web: 2, wechat: 2 }), kind: r.weighted({ consult: 3, help: 2, complaint: 3, report: 1, suggestion: 1 }), category, content, urgency, businessEnv: category === '营商环境', parties: [person(r, o.townships)] };
    const steps: Step[] = [];
    let unit = r.pick(o.units);
    steps.push({ on, action: 'dispatch', data: { unitId: unit, ...time('09:00') }, by: 'center' });
    let at = on;
    if (r.chance(0.06)) {
      steps.push({ on: (at = wd(k, at, 1)), action: 'return', data: { reason: '不属于本单位职责' }, byOrg: unit });
      unit = r.pick(o.units);
      steps.push({ on: at, action: 'dispatch', data: { unitId: unit, ...time('09:00') }, by: 'center' });
    }
    const signed = r.chance(0.02) ? wd(k, at, 2) : at;
    steps.push({ on: signed, action: 'sign', data: time('10:30'), byOrg: unit });
    const done = wd(k, at, r.chance(0.04) ? limit + r.int(1, 4) : r.int(0, limit));
    steps.push({ on: done < signed ? signed : done, action: 'complete', data: { result: '已核实处理并答复诉求人', ...time(done <= at ? '16:00' : '08:30') }, byOrg: unit });
    steps.push({ on: wd(k, done < signed ? signed : done, r.int(1, 3)), action: 'visit', data: { resolved: r.chance(0.92), satisfaction: r.weighted({ satisfied: 85, basically: 10, unsatisfied: 5 }) }, by: 'center' });
    return { type: 'hotline', orgId: o.centre, fields, steps, stall: r.next() };
  });

  each(VOLUMES.ratings, (r, on) => {
    const grade = r.weighted({ very_good: 80, good: 15, fair: 4, bad: 1 });
    const fixed = wd(k, on, r.int(1, 4));
    return {
      type: 'service_rating',
      orgId: r.pick(o.units),
      fields: { receivedOn: on, channel: r.weighted({ window: 5, web: 3, app: 2 }), service: r.pick(SERVICES), grade, active: r.chance(0.998), comment: grade === 'bad' ? '等候时间过长，材料要求不清楚' : undefined },
      steps: [],
      stall: 1,
      followUpSteps: [
        { on: fixed, action: 'rectify', data: { measures: '一次性告知材料清单，增设引导岗' } },
        { on: wd(k, fixed, r.int(1, 2)), action: 'visit', data: { satisfaction: r.weighted({ satisfied: 9, basically: 1 }) } },
      ],
    };
  });
  return plans;
}

function mediationFields(r: Random, on: string, party: (r: Random) => any) {
  const category = r.pick(Object.keys(disputeCategories));
  return { receivedOn: on, source: r.weighted({ application: 6, initiative: 2, court: 1, police: 1 }), category, summary: r.pick(['因宅基地界址发生争执', '因装修噪音产生矛盾', '因交通事故赔偿协商不成', '因工资结算发生纠纷', '因赡养老人产生分歧']), parties: [party(r), party(r)] };
}

