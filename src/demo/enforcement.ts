import { sql } from 'kysely';
import { Kernel } from '../kernel/kernel.ts';
import type { Actor } from '../kernel/auth/actor.ts';
import type { Org } from '../kernel/orgs.ts';
import { addDays, yearOf } from '../kernel/calendar/dates.ts';
import { publishRegister } from '../kernel/registers.ts';
import { performAction } from '../kernel/cases/engine.ts';
import { createRegisterKinds } from '../institutions/registers/index.ts';
import { commitDraw, importTargets, performDraw } from '../institutions/inspection-draw/draw.ts';
import { Random } from './random.ts';
import { company } from './people.ts';
import { spread, wd, cd, type Plan, type Step } from './district.ts';

/** The departments that enforce, with how many 执法证 holders and cases a year they have. */
export const ENFORCERS: [string, number, number][] = [
  ['区市场监管局', 40, 90],
  ['区综合执法局', 36, 70],
  ['区生态环境分局', 16, 25],
  ['区交通运输局', 18, 30],
  ['区城管局', 20, 30],
  ['区卫健委', 12, 15],
  ['区应急局', 10, 12],
  ['区农业农村局', 10, 8],
  ['区自然资源局', 10, 10],
  ['区文广旅局', 8, 6],
  ['区司法局', 6, 4],
];

const certNo = (short: string, i: number) => `QX${String(ENFORCERS.findIndex(([s]) => s === short) + 1).padStart(2, '0')}${String(i).padStart(4, '0')}`;
/** The district's 重大行政决策目录, the same each year. */
const MAJOR_DECISIONS = ['城区老旧小区改造计划', '义务教育学校布局调整', '城区停车收费标准调整', '生活垃圾分类实施方案', '农村集中供水工程', '养老服务设施建设规划'];
const MATTERS = ['未按规定明码标价', '销售过期食品', '无证经营', '占道经营', '违法排放污水', '超限运输', '未按规定设置安全警示标志', '违规倾倒建筑垃圾', '擅自改变房屋用途', '未取得卫生许可证从业'];

/** Registers the district and its departments keep; 证照分离 at seed 002's 6 + 3 + 11 + 40. */
/** Each register is published by its own org's clerk (the district's by the 依法治区办). */
export async function loadDemoRegisters(k: Kernel, root: Org, orgs: Map<string, Org>, publisherOf: (orgId: number) => Actor, asOf: string) {
  const kinds = createRegisterKinds();
  const on = '2024-01-15';
  const modes = [...Array(6).fill('cancelled'), ...Array(3).fill('filing'), ...Array(11).fill('pledge'), ...Array(40).fill('optimised')];
  await publishRegister(k.db, publisherOf(root.id), { orgId: root.id, kind: kinds.get('licence_reform'), note: '首次发布', on, items: modes.map((mode, i) => ({ code: `ZZFL-${String(i + 1).padStart(3, '0')}`, name: `涉企经营许可事项${i + 1}`, mode, basis: '国发〔2021〕7号' })) });
  await publishRegister(k.db, publisherOf(root.id), {
    orgId: root.id,
    kind: kinds.get('exemptions'),
    note: '首次发布',
    on,
    items: MATTERS.map((name, i) => ({ code: `MF-${String(i + 1).padStart(3, '0')}`, name, kind: i % 2 ? 'minor' : 'first_violation', condition: '初次违法且危害后果轻微并及时改正', basis: '《中华人民共和国行政处罚法》第三十三条' })),
  });
  for (const [short, , cases] of ENFORCERS) {
    const org = orgs.get(short)!;
    const items = (n: number) => Array.from({ length: n }, (_, i) => ({ code: `${certNo(short, 0).slice(0, 4)}-${String(i + 1).padStart(3, '0')}`, name: `${org.shortName}行政职权事项${i + 1}`, type: ['penalty', 'inspection', 'coercion', 'licence', 'confirmation'][i % 5], basis: '相关法律法规' }));
    const n = 20 + cases;
    await publishRegister(k.db, publisherOf(org.id), { orgId: org.id, kind: kinds.get('powers'), note: '首次发布', on, items: items(n) });
    if (asOf >= '2025-03-20') await publishRegister(k.db, publisherOf(org.id), { orgId: org.id, kind: kinds.get('powers'), note: '根据机构职能调整动态更新', on: '2025-03-20', items: items(n + 3).filter((_, i) => i !== 4) });
  }
  for (let year = 2024; `${year}-01-20` <= asOf; year++) {
    await publishRegister(k.db, publisherOf(root.id), { orgId: root.id, kind: kinds.get('major_decisions'), note: `${year}年度目录`, on: `${year}-01-20`, items: MAJOR_DECISIONS.map((name, i) => ({ code: `JC-${year}-0${i + 1}`, name, undertaker: '区政府有关部门', planned: `${year}年${i + 6}月` })) });
  }
  await publishRegister(k.db, publisherOf(orgs.get('区司法局')!.id), {
    orgId: orgs.get('区司法局')!.id,
    kind: kinds.get('publicity_duties'),
    note: '首次发布',
    on,
    items: ['宪法', '民法典', '行政复议法', '人民调解法', '法律援助法'].map((law, i) => ({ code: `PF-${i + 1}`, name: `${law}宣传`, laws: `《${law}》`, audience: i < 2 ? '全体公民' : '基层干部群众', measures: '集中宣传、以案释法' })),
  });
  // Review §16: seed 004's 4名公职律师 and seed 001's 法律顾问全覆盖, its 告知承诺 and 备案 lists, seed 000's 应知应会 lists.
  const justiceOrg = orgs.get('区司法局')!;
  const lawyers = ['孙明', '周敏', '吴磊', '郑洁'].map((name, i) => ({ code: `GZLS-${i + 1}`, name, category: 'public_lawyer', certificate: `13601202410${i + 1}`, unit: justiceOrg.name, termStart: '2024-01-01', termEnd: '2026-12-31' }));
  const advisers = [...orgs.values()].filter((o) => o.kind === 'department').slice(0, 6).map((o, i) => ({ code: `FLGW-${i + 1}`, name: `顾问${i + 1}`, category: 'adviser', certificate: `13601201810${i + 1}`, unit: '青溪律师事务所', servedOrg: o.name, termStart: '2024-01-01', termEnd: '2025-12-31' }));
  await publishRegister(k.db, publisherOf(justiceOrg.id), { orgId: justiceOrg.id, kind: kinds.get('counsel_roster'), note: '首次发布', on, items: [...lawyers, ...advisers] });
  await publishRegister(k.db, publisherOf(root.id), {
    orgId: root.id,
    kind: kinds.get('certification_pledges'),
    note: '首次发布',
    on,
    items: ['无犯罪记录证明', '学历证明', '从业经历证明'].map((name, i) => ({ code: `GZCN-${i + 1}`, name, matter: '相关许可事项', basis: '国办发〔2020〕42号', pledge: `申请人承诺已具备${name}所证明的条件`, verification: '事后抽查核验', breach: '终止办理或撤销决定，记入信用记录' })),
  });
  await publishRegister(k.db, publisherOf(root.id), {
    orgId: root.id,
    kind: kinds.get('filing_items'),
    note: '首次发布',
    on,
    items: ['民办培训机构收费备案', '物业服务合同备案', '建设工程竣工验收备案'].map((name, i) => ({ code: `XZBA-${i + 1}`, name, department: ['区教体局', '区住建局', '区住建局'][i], basis: '有关法律、法规、规章' })),
  });
  await publishRegister(k.db, publisherOf(root.id), {
    orgId: root.id,
    kind: kinds.get('required_laws'),
    note: '首次发布',
    on,
    items: ['中华人民共和国宪法', '中华人民共和国民法典', '中华人民共和国行政处罚法', '中华人民共和国行政复议法', '中华人民共和国行政诉讼法'].map((name, i) => ({ code: `YZYH-${i + 1}`, name, scope: 'common', audience: '全区国家工作人员' })),
  });
}

/**
 * Certificates (issued 2024, reviewed each December; a few revoked) and a year of enforcement
 * cases through the 三项制度, with reviews, decisions and 公示 mostly on time.
 */
export function planEnforcement(k: Kernel, year: number, orgs: Map<string, Org>, justice: number, root: number): Plan[] {
  const r = new Random(year * 3571 + 11);
  const plans: Plan[] = [];
  for (const [short, holders, perYear] of ENFORCERS) {
    const org = orgs.get(short)!;
    if (year === 2024) {
      for (let i = 1; i <= holders + 3; i++) {
        const reviews: Step[] = [2024, 2025, 2026].map((y) => ({ on: `${y}-12-15`, action: 'annual_review', data: { passed: true, hours: r.int(40, 90) } }));
        // The last three of each department leave in 2025: revoked, and never named in the demo's cases.
        const steps = i > holders ? [reviews[0], { on: `2025-0${r.int(3, 9)}-10`, action: 'revoke', data: { reason: r.pick(['left', 'retired']) } }] : reviews;
        plans.push({ type: 'enforcement_certificate', orgId: org.id, fields: { receivedOn: '2024-01-02', holder: `${org.shortName.slice(1, 3)}执法员${i}`, certNo: certNo(short, i), field: org.shortName.slice(1) }, steps, stall: 1 });
      }
    }
    let n = 0;
    for (const on of spread(k, r, year, perYear)) {
      n += 1;
      const a = r.int(1, holders);
      const officers = { officer1: certNo(short, a), officer2: certNo(short, (a % holders) + 1) };
      const major = r.chance(0.15);
      const fields = { receivedOn: on, kind: 'penalty', source: r.pick(['inspection', 'report', 'transfer']), matter: r.pick(MATTERS), major };
      if (r.chance(0.05)) {
        plans.push({ type: 'enforcement', orgId: org.id, fields, steps: [{ on: wd(k, on, 2), action: 'refuse', data: { reason: '违法事实不能成立' } }], stall: 1 });
        continue;
      }
      const filed = wd(k, on, r.int(1, 3));
      const investigated = wd(k, filed, r.int(8, 25));
      const notified = wd(k, investigated, r.int(1, 3));
      const hearing = r.chance(0.08);
      const steps: Step[] = [
        { on: filed, action: 'file', data: officers },
        { on: investigated, action: 'investigate', data: { findings: '经调查，违法事实清楚，证据确凿' } },
        { on: notified, action: 'notify', data: { proposal: '拟依法作出处理', sanction: hearing ? 'suspension' : 'fine', proposedFine: hearing ? undefined : r.int(5, 200) * 100, partyType: 'organization' } },
      ];
      let last = notified;
      // The hearing notice goes out with the 告知, 8 working days ahead: art. 64 (二) asks for 7.
      if (hearing) steps.push({ on: (last = wd(k, last, 8)), action: 'hearing', data: { noticeOn: notified, host: '法制科', hostNotInvestigator: true, attendance: 'attended', summary: '当事人进行了陈述申辩' } });
      if (major || hearing) steps.push({ on: (last = wd(k, last, 3)), action: 'legal_review', by: 'admin', data: { reviewer: '区司法局法制审核组', qualified: true, opinion: r.chance(0.8) ? 'approved' : 'amended' } });
      const exempt = r.chance(0.12);
      const decided = wd(k, last, r.int(2, 6));
      steps.push({
        on: decided,
        action: 'decide',
        data: exempt
          ? { decision: r.chance(0.5) ? 'first_violation' : 'minor', waived: r.int(5, 60) * 100, exemptionItem: `MF-${String(r.int(1, MATTERS.length)).padStart(3, '0')}` }
          : { decision: r.pick(['penalty', 'penalty', 'lighter', 'mitigated']), fine: r.int(5, 200) * 100, collective: major },
      });
      steps.push({ on: cd(k, decided, r.int(0, 5)), action: 'serve', data: { method: r.pick(['direct', 'post', 'electronic']) } });
      // Fines are paid within the 15 日 of art. 67 ¶3 (a fixed day, so the other draws stay as they were).
      if (!exempt) steps.push({ on: cd(k, decided, 7), action: 'pay', data: { surcharge: 0 } });
      steps.push({ on: wd(k, decided, r.chance(0.93) ? r.int(1, 6) : r.int(9, 14)), action: 'publicize', data: { summary: `${org.shortName}对${fields.matter}作出处理决定` } });
      steps.push({ on: cd(k, decided, r.int(15, 40)), action: 'execute', data: { performance: exempt ? 'none' : r.pick(['performed', 'performed', 'enforced']) } });
      // About one case in 30 turns out to be a crime: 行刑衔接 instead of a 处罚 (移送规定 arts. 5, 8, 12).
      // Chosen by count, not drawn, so the other cases' draws stay as they were.
      if (!exempt && !major && !hearing && n % 30 === 17) {
        const reported = cd(k, notified, 1);
        const approved = cd(k, reported, 1);
        const sent = cd(k, approved, 1);
        const answered = cd(k, sent, 2);
        const handed = cd(k, answered, 1);
        steps.splice(3, steps.length - 3,
          { on: reported, action: 'transfer_report', data: { member1: officers.officer1, member2: officers.officer2, suspicion: `${fields.matter}，涉案数额达到刑事立案追诉标准` } },
          { on: approved, action: 'transfer_approval', data: { decision: 'approved', approver: '局长', approverRole: 'head' } },
          { on: sent, action: 'transfer', data: { police: '青溪区公安分局', letter: true, report: true, items: true, tests: 'none', copiedToProcuratorate: true } },
          { on: answered, action: 'police_decision', data: { decision: 'filed', noticeNo: `青公立字〔${year}〕${n}号` } },
          { on: handed, action: 'hand_over', data: { items: '涉案物品及账册', receipt: `交接清单${year}-${n}` } },
          { on: handed, action: 'decide', data: { decision: 'transferred', transferredTo: '青溪区公安分局' } },
          { on: handed, action: 'serve', data: { method: 'direct' } },
          { on: handed, action: 'execute', data: { performance: 'none' } },
        );
      }
      plans.push({ type: 'enforcement', orgId: org.id, fields, steps: steps.sort((x, y) => x.on.localeCompare(y.on)), stall: 1 });
    }
    // 涉企行政检查 (国办发〔2024〕54号): a few a year, approved, by two of the department's holders; own draws, so the cases above stay as they were.
    const ri = new Random(year * 7919 + holders);
    for (const on of spread(k, ri, year, Math.ceil(perYear / 10))) {
      const a = ri.int(1, holders);
      const mode = ri.chance(0.3) ? 'offsite' : 'onsite';
      const fields = { receivedOn: on, kind: ri.pick(['routine', 'routine', 'individual', 'special']), item: `${org.shortName.slice(1)}日常监督检查`, target: `青溪区第${ri.int(1, 400)}号企业`, creditCode: `91360000MA${String(ri.int(1, 99999999)).padStart(8, '0')}`, mode, joint: ri.chance(0.2) };
      const record = { officer1: certNo(short, a), officer2: certNo(short, (a % holders) + 1), certificatesShown: true, told: true, scanned: mode === 'onsite' && ri.chance(0.8), findings: '按检查表逐项检查' };
      plans.push({ type: 'enterprise_inspection', orgId: org.id, fields, steps: [{ on, action: 'approve', data: { approver: '局长' } }, { on: wd(k, on, ri.int(1, 5)), action: 'record', data: record }, { on: wd(k, on, ri.int(6, 12)), action: 'conclude', data: { result: ri.pick(['compliant', 'compliant', 'guidance', 'rectify']), told: true } }], stall: 1 });
    }
  }
  // 行政赔偿 (国家赔偿法): a few claims a year against the busiest enforcers, each the 赔偿义务机关 of
  // its own acts (art. 7), decided within the two months of art. 13; own draws, so the cases above stay as they were.
  const rc = new Random(year * 6151 + 7);
  const rp = new Random(year * 7919 + 11);
  const townships = [...orgs.values()].filter((o) => o.kind === 'township').map((o) => o.shortName);
  for (const short of ['区市场监管局', '区综合执法局', '区城管局']) {
    const org = orgs.get(short)!;
    for (const on of spread(k, rc, year, 2)) {
      const accepted = wd(k, on, rc.int(1, 4));
      const steps: Step[] = [{ on: accepted, action: 'accept', data: { receipt: true } }];
      let decided: string;
      if (rc.chance(0.6)) {
        const heard = cd(k, accepted, rc.int(15, 30));
        decided = cd(k, heard, rc.int(5, 15));
        const amount = rc.int(10, 300) * 100;
        steps.push({ on: heard, action: 'hear_views', data: { way: 'in_person', views: '要求赔偿财产损失', negotiated: true, agreement: `协商确定赔偿${amount}元` } });
        steps.push({ on: decided, action: 'award', data: { method: 'money', items: '直接财产损失', amount } });
      } else {
        decided = cd(k, accepted, rc.int(20, 50));
        steps.push({ on: decided, action: 'refuse', data: { reason: '经审查，该职权行为未侵犯请求人合法权益，不属于国家赔偿范围' } });
      }
      const served = cd(k, decided, rc.int(2, 9));
      steps.push({ on: served, action: 'serve', data: { method: 'direct', servedOn: served } });
      if (rc.chance(0.25)) steps.push({ on: cd(k, decided, rc.int(40, 80)), action: 'sued', data: { court: '青溪区人民法院', filedOn: cd(k, decided, rc.int(30, 39)) } });
      else if (steps.some((s) => s.action === 'award') && rp.chance(0.8)) {
        // 国家赔偿法第三十七条: the claimant applies with the 决定书, the organ asks the 财政部门, which pays.
        const amount = Number(steps.find((s) => s.action === 'award')!.data?.amount);
        const applied = cd(k, served, rp.int(5, 25));
        const asked = cd(k, applied, rp.int(2, 8));
        steps.push({ on: applied, action: 'payment_apply', data: { form: 'written', document: 'decision', documentNo: `${short}赔决〔${year}〕${rp.int(1, 30)}号`, amount } });
        steps.push({ on: asked, action: 'finance_apply', data: { finance: '青溪区财政局', application: true, document: true, identity: true } });
        steps.push({ on: cd(k, asked, rp.int(4, 16)), action: 'pay', data: { amount } });
      }
      const fields = { receivedOn: on, channel: 'in_person', act: `${rc.pick(MATTERS)}案件中的查封、扣押`, harm: 'property', claimed: rc.int(20, 500) * 100, parties: [company(rc, townships)] };
      plans.push({ type: 'state_compensation', orgId: org.id, fields, steps, stall: 1 });
    }
  }
  // 案卷评查 in the fourth quarter; legality review, decisions and legal opinions through the year.
  spread(k, r, year, 22).forEach((on, i) => {
    const score = { subject: 10, evidence: r.int(20, 30), procedure: r.int(18, 30), law: r.int(14, 20), documents: r.int(6, 10) };
    const total = Object.values(score).reduce((a, b) => a + b, 0);
    const grade = total >= 90 ? 'excellent' : total >= 60 ? 'pass' : 'fail';
    const receivedOn = `${year}-11-${String(3 + (i % 20)).padStart(2, '0')}`;
    plans.push({ type: 'file_review', orgId: justice, fields: { receivedOn, caseNumber: `${r.pick(ENFORCERS)[0]}执〔${year}〕${i + 1}号`, caseOrg: '区执法部门' }, steps: [{ on: addDays(receivedOn, 5), action: 'score', by: 'admin', data: { ...score, grade, problems: grade === 'excellent' ? undefined : '文书说理不充分' } }, { on: addDays(receivedOn, 25), action: 'rectify', by: 'admin', data: { measures: '已完成整改' } }], stall: 1 });
  });
  spread(k, r, year, 16).forEach((on, i) => {
    const reviewed = wd(k, on, r.int(5, 14));
    // Every third document touches businesses and carries its 公平竞争审查 (公平竞争审查条例 art. 18).
    const affectsMarket = i % 3 === 0;
    const issued = wd(k, reviewed, 10);
    const steps: Step[] = [
      ...(affectsMarket ? [{ on, action: 'fair_competition', data: { reviewer: 'drafter', conclusion: 'clear' } }] : []),
      { on: reviewed, action: 'review', data: { opinion: r.chance(0.85) ? 'amended' : 'approved', reviewer: '区司法局法制科' } },
      { on: wd(k, reviewed, 7), action: 'deliberate', data: { meeting: '区政府常务会议', result: 'passed' } },
      { on: issued, action: 'issue', data: { docNo: `青政规〔${year}〕${i + 1}号` } },
      { on: wd(k, issued, r.int(1, 5)), action: 'publish', data: { medium: '区政府门户网站' } },
    ];
    const filedOn = cd(k, issued, r.int(10, 25));
    steps.push({ on: filedOn, action: 'file', data: { filedWith: '市人民政府' } });
    const drafter = r.pick([...orgs.values()].filter((o) => o.kind === 'department'));
    // Every other document is the drafting department's own (its 局务会议, its 文号); the rest the 区政府's.
    // All are filed at the 司法局; each 年报 counts the ones its org issued.
    const own = i % 2 === 1;
    if (own) {
      steps.find((s) => s.action === 'deliberate')!.data = { meeting: `${drafter.shortName}局务会议`, result: 'passed' };
      steps.find((s) => s.action === 'issue')!.data = { docNo: `${drafter.shortName.replace(/^区/, '青')}规〔${year}〕${Math.ceil(i / 2)}号` };
    }
    // A department's document is filed with the 区政府; the 区政府's own also with the 区人大常委会, the same day.
    if (own) steps.find((s) => s.action === 'file')!.data = { filedWith: '青溪区人民政府' };
    else steps.push({ on: filedOn, action: 'file_congress', data: { filedWith: '青溪区人大常委会' } });
    const title = `${own ? drafter.name : '青溪区'}规范性文件${year}-${i + 1}`;
    plans.push({ type: 'normative_document', orgId: justice, fields: { receivedOn: on, title, drafter: drafter.name, issuerOrgId: own ? drafter.id : root, materials: true, affectsMarket, congressFiling: !own }, steps, stall: 1 });
  });
  for (let i = 0; i < 6; i++) {
    const on = `${year}-0${i + 2}-10`;
    const from = wd(k, on, 5);
    const submitted = cd(k, from, 40);
    const steps: Step[] = [
      { on: cd(k, from, 35), action: 'consult', by: 'admin', data: { from, to: addDays(from, 31), opinions: r.int(10, 120) } },
      { on: submitted, action: 'experts', by: 'admin', data: { experts: r.int(3, 7), conclusion: '方案总体可行' } },
      { on: submitted, action: 'risk', by: 'admin', data: { level: 'low', measures: '做好政策解读' } },
      { on: wd(k, submitted, 4), action: 'counsel', by: 'admin', data: { adviser: '区政府法律顾问团', opinion: '程序完备，建议完善配套措施' } },
      { on: wd(k, submitted, 8), action: 'legality', by: 'admin', data: { submittedOn: submitted, opinion: 'amended' } },
      { on: wd(k, submitted, 12), action: 'discuss', by: 'admin', data: { meetingKind: 'standing', meeting: `区政府第${i + 3}次常务会议`, headDecision: 'majority' } },
      { on: wd(k, submitted, 15), action: 'report_party', by: 'admin', data: { committee: '中共青溪区委' } },
      { on: wd(k, submitted, 18), action: 'publish', by: 'admin', data: { docNo: `青政发〔${year}〕${i + 10}号` } },
    ];
    plans.push({ type: 'major_decision', orgId: root, fields: { receivedOn: on, title: MAJOR_DECISIONS[i], catalogueCode: `JC-${year}-0${i + 1}`, needsExperts: true, needsRisk: true }, steps, stall: 1 });
  }
  spread(k, r, year, 240).forEach((on) => {
    const kind = r.chance(0.8) ? 'contract' : 'opinion';
    plans.push({ type: 'legal_opinion', orgId: justice, fields: { receivedOn: on, kind, requester: r.pick([...orgs.values()].filter((o) => o.kind === 'department')).name, subject: kind === 'contract' ? '政府采购合同审查' : '涉法事务法律意见' }, steps: [{ on: wd(k, on, r.chance(0.92) ? r.int(1, 5) : r.int(6, 9)), action: 'answer', data: { adviser: r.pick(['区政府法律顾问团', '公职律师']), opinion: '已出具审查意见' } }], stall: 1 });
  });
  return plans;
}

/** 双随机 each spring and autumn: the 市场监管局's pool (jointly with the 卫健委 in autumn), drawn, inspected, published. */
export async function loadDemoDraws(base: Kernel, orgs: Map<string, Org>, clerkOf: (orgId: number) => Actor, asOf: string) {
  let day = asOf;
  const k = await Kernel.open(base.conn, base.types, { today: () => day });
  const market = orgs.get('区市场监管局')!;
  const health = orgs.get('区卫健委')!;
  const r = new Random(5003);
  const rows = (n: number, prefix: string, category: string) =>
    Array.from({ length: n }, (_, i) => ({ 统一社会信用代码: `92${prefix}00${String(i).padStart(9, '0')}X`, 名称: `青溪${category}经营户${i + 1}`, 行业类别: category, 风险等级: r.pick(['高', '中', '中', '低', '低', '低']) }));
  day = '2024-02-01';
  await importTargets(k, clerkOf(market.id), market.id, [...rows(160, '3501', '食品销售'), ...rows(60, '3502', '餐饮服务')]);
  await importTargets(k, clerkOf(health.id), health.id, rows(40, '3503', '公共场所'));
  for (let year = 2024; year <= yearOf(asOf); year++) {
    for (const [month, joint] of [['04', false], ['09', true]] as const) {
      const drawOn = `${year}-${month}-15`;
      if (drawOn > asOf) continue;
      day = drawOn;
      const clerk = clerkOf(market.id);
      const { id } = await commitDraw(k, clerk, {
        orgId: market.id,
        title: `${year}年${month === '04' ? '上' : '下'}半年${joint ? '食品安全部门联合' : '食品销售'}双随机抽查`,
        item: joint ? '食品经营和公共场所卫生联合检查' : '食品销售者经营行为检查',
        category: joint ? undefined : '食品销售',
        counts: { high: 6, medium: 5, low: 4 },
        inspectorsPerTarget: 2,
        jointOrgIds: joint ? [health.id] : [],
        conflicts: [],
      });
      day = k.calendar.nextWorkday(addDays(drawOn, 2));
      await performDraw(k, clerk, id);
      const cases = await k.db.selectFrom('cases').select('id').where('type', '=', 'inspection').where(sql`(fields->>'drawId')::int`, '=', id).execute();
      const drawnOn = day;
      day = asOf;
      for (const c of cases) {
        const inspected = wd(k, drawnOn, r.int(3, 20));
        const published = wd(k, inspected, r.chance(0.9) ? r.int(3, 15) : r.int(21, 26));
        if (inspected > asOf) continue;
        await performAction(k, null, c.id, 'inspect', { on: inspected, data: { result: r.pick(['compliant', 'compliant', 'compliant', 'problems', 'transferred']) } });
        if (published <= asOf) await performAction(k, null, c.id, 'publicize', { on: published });
      }
    }
  }
}
