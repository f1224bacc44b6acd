import type { Kernel } from '../kernel/kernel.ts';
import type { Actor } from '../kernel/auth/actor.ts';
import { Kernel as KernelClass } from '../kernel/kernel.ts';
import { sql } from 'kysely';
import { createOrg, topOrg, type Org } from '../kernel/orgs.ts';
import { migrate } from '../kernel/db/connect.ts';
import { actorById, createUser } from '../kernel/auth/sessions.ts';
import { hashPassword } from '../kernel/auth/password.ts';
import { addDays, yearOf } from '../kernel/calendar/dates.ts';
import { computeDue } from '../kernel/calendar/calendar.ts';
import { applyExpiries } from '../kernel/cases/engine.ts';
import { bulkBatch, bulkTimings, type BulkStep } from '../kernel/cases/bulk.ts';
import { Random } from './random.ts';
import { installKind, markInstall } from '../kernel/auth/policy.ts';
import { AppError } from '../kernel/errors.ts';
import { company, person } from './people.ts';
import { planDisputes } from './disputes.ts';
import { planActivities } from './activities.ts';
import { loadDemoReports } from './reports.ts';
import { ENFORCERS, loadDemoDraws, loadDemoRegisters, planEnforcement } from './enforcement.ts';
import { planSmePayments } from './sme-payment.ts';
import { centreDuties, clerkDuties, officeDuties } from './duties.ts';
import { setDuties, type DutyInput } from '../kernel/auth/permissions.ts';

/**
 * The demo district 青溪区 (fictional): a government, its 依法治区办, 30 departments and
 * 6 乡镇/街道, staff, and every case from 2024-01-01 up to the as-of date, worked through the
 * real engine so clocks, 案号 and the audit trail are what production would hold.
 * Deterministic: a case's life depends only on the seed; the as-of date only cuts it short.
 */
export const DEMO_ROOT = '青溪区人民政府';
export const DEMO_PASSWORD = 'Fazhi@2024';
export const DEMO_ACCOUNTS = [
  { username: 'admin', who: '区司法局（依法治区办）系统管理员', sees: '全区', can: '依法治区办的业务（区级年度报告与清单、重大行政决策、法制审核、复议延期审批、案卷评查）；用户管理、维护节假日' },
  { username: 'secadmin', who: '安全管理员', sees: '用户与职责', can: '设定角色与职责、安全策略；不办理、不查阅业务' },
  { username: 'auditor', who: '审计管理员', sees: '审计日志', can: '查阅审计日志、校验审计链；不办理、不查阅业务' },
  { username: 'sfj', who: '区司法局 行政复议经办人', sees: '区司法局', can: '办理行政复议和本局依申请公开' },
  { username: 'jtj', who: '区教育体育局 经办人', sees: '区教育体育局', can: '办理本局依申请公开' },
  { username: 'rx12345', who: '区12345热线中心 话务员', sees: '全区', can: '登记、派单、导入、回访12345工单（可见来电人号码以便回访），不办理其他业务' },
  { username: 'leader', who: '区政府分管领导', sees: '全区', can: '只读，当事人信息脱敏' },
];

const DEPARTMENTS: [string, string][] = [
  ['青溪区人民政府办公室', '区政府办'],
  ['青溪区发展和改革局', '区发改局'],
  ['青溪区教育体育局', '区教体局'],
  ['青溪区科技和工业信息化局', '区科工信局'],
  ['青溪区公安分局', '区公安分局'],
  ['青溪区民政局', '区民政局'],
  ['青溪区司法局', '区司法局'],
  ['青溪区财政局', '区财政局'],
  ['青溪区人力资源和社会保障局', '区人社局'],
  ['青溪区自然资源局', '区自然资源局'],
  ['青溪区生态环境分局', '区生态环境分局'],
  ['青溪区住房和城乡建设局', '区住建局'],
  ['青溪区交通运输局', '区交通运输局'],
  ['青溪区农业农村局', '区农业农村局'],
  ['青溪区水利局', '区水利局'],
  ['青溪区商务局', '区商务局'],
  ['青溪区文化广电旅游局', '区文广旅局'],
  ['青溪区卫生健康委员会', '区卫健委'],
  ['青溪区退役军人事务局', '区退役军人局'],
  ['青溪区应急管理局', '区应急局'],
  ['青溪区审计局', '区审计局'],
  ['青溪区市场监督管理局', '区市场监管局'],
  ['青溪区统计局', '区统计局'],
  ['青溪区医疗保障局', '区医保局'],
  ['青溪区城市管理局', '区城管局'],
  ['青溪区林业局', '区林业局'],
  ['青溪区信访局', '区信访局'],
  ['青溪区行政审批局', '区行政审批局'],
  ['青溪区综合行政执法局', '区综合执法局'],
  ['青溪区档案馆', '区档案馆'],
];
const TOWNSHIPS: [string, string][] = [
  ['城关街道办事处', '城关街道'],
  ['东城街道办事处', '东城街道'],
  ['西城街道办事处', '西城街道'],
  ['青溪镇人民政府', '青溪镇'],
  ['河口镇人民政府', '河口镇'],
  ['石门乡人民政府', '石门乡'],
];

/** 复议 applications per year (seed 001's district: 57) and 依申请公开 requests per year. */
const RECONSIDERATION_PER_YEAR: Record<number, number> = { 2024: 57, 2025: 63, 2026: 60 };
const DISCLOSURE_PER_YEAR = 180;

const RESPONDENTS = ['区市场监管局', '区公安分局', '区自然资源局', '区人社局', '区住建局', '区城管局', '区综合执法局', '区交通运输局', '区卫健委', '青溪镇', '城关街道', '区生态环境分局'];
const ACTS: Record<string, string[]> = {
  penalty: ['行政处罚决定', '罚款决定', '责令停产停业决定'],
  coercion: ['查封扣押决定', '强制拆除决定'],
  licensing: ['不予许可决定', '撤销许可决定'],
  disclosure: ['政府信息公开答复'],
  nonperformance: ['未履行查处职责', '未答复投诉举报'],
  expropriation: ['征收补偿决定'],
  work_injury: ['不予认定工伤决定', '工伤认定决定'],
  other: ['行政确认行为', '行政登记行为'],
};
const DISCLOSURE_TOPICS = [
  '地块征收补偿安置方案及补偿标准',
  '年度财政专项资金使用明细',
  '建设项目环境影响评价批复文件',
  '中小学校舍改造项目招标文件',
  '老旧小区改造项目预算及验收资料',
  '集体土地征收的批准文件',
  '违法建设查处的立案及处理决定',
  '农村低保对象认定的审批材料',
  '道路拓宽工程的规划许可证',
  '食品安全抽检结果及处理情况',
  '最低工资标准执行情况的检查记录',
  '拆迁安置房分配方案',
];

const DISCLOSURE_WEIGHTS: Record<string, number> = {
  区政府办: 30, 区自然资源局: 16, 区住建局: 12, 区教体局: 8, 区人社局: 6, 区民政局: 5, 区市场监管局: 5, 区城管局: 4,
  区农业农村局: 3, 区财政局: 3, 区生态环境分局: 3, 区公安分局: 2, 区卫健委: 2, 区交通运输局: 2, 区司法局: 1,
  城关街道: 2, 东城街道: 2, 西城街道: 1, 青溪镇: 2, 河口镇: 1, 石门乡: 1,
};

interface Staff {
  admin: Actor;
  centre?: Actor;
  clerks: Map<number, Actor>;
}

/**
 * A demo load writes a marker first (its own transaction) and clears it last: a marker found
 * at start means the last load was interrupted. When the database held nothing else it is
 * emptied and the demo loaded again.
 */
export async function interruptedDemo(k: Kernel): Promise<{ databaseWasEmpty: boolean } | undefined> {
  const { rows } = await sql<{ database_was_empty: boolean }>`SELECT database_was_empty FROM demo_loads`.execute(k.db);
  return rows[0] && { databaseWasEmpty: rows[0].database_was_empty };
}

export async function demoExists(k: Kernel): Promise<boolean> {
  return Boolean(await k.db.selectFrom('orgs').select('id').where('name', '=', DEMO_ROOT).executeTakeFirst());
}

export interface DemoResult {
  created: boolean;
  asOf: string;
  orgs: number;
  cases: number;
}

/** Loads the demo district once; a second call finds it and changes nothing. */
export async function loadDemo(base: Kernel, opts: { asOf?: string; onProgress?: (done: number, total: number) => void } = {}): Promise<DemoResult> {
  const asOf = opts.asOf ?? base.today();
  // The demo password is published: it must never open an install made for real use.
  if ((await installKind(base.db)) === 'production') throw new AppError(409, 'production_install', '该数据库已由 fazhi init 初始化为正式环境，不能载入演示数据');
  const interrupted = await interruptedDemo(base);
  if (interrupted) {
    if (!interrupted.databaseWasEmpty) throw new Error('上次载入演示区未完成，且数据库中还有其他数据，无法自动重做：请从备份恢复（npx fazhi restore）后再载入');
    await sql`DROP SCHEMA public CASCADE`.execute(base.db);
    await sql`CREATE SCHEMA public`.execute(base.db);
    await migrate(base.db);
    await base.reloadCalendar();
  } else if (await demoExists(base)) return { created: false, asOf, orgs: 0, cases: 0 };
  await sql`INSERT INTO demo_loads (as_of, database_was_empty) VALUES (${asOf}, ${!(await topOrg(base.db))})`.execute(base.db);
  await base.db.transaction().execute((trx) => markInstall(trx, 'demo'));
  // The engine refuses dates after "today"; generate as of the as-of date.
  const k = await KernelClass.open(base.conn, base.types, { today: () => asOf });
  let t = performance.now();
  const phase = (label: string) => {
    if (process.env.FAZHI_BULK_TIMINGS) bulkTimings[`demo ${label}`] = (bulkTimings[`demo ${label}`] ?? 0) + performance.now() - t;
    t = performance.now();
  };

  const root = await createOrg(k.db, { parentId: null, name: DEMO_ROOT, shortName: '青溪区', kind: 'government' });
  const orgs = new Map<string, Org>();
  const office = await createOrg(k.db, { parentId: root.id, name: '中共青溪区委全面依法治区委员会办公室', shortName: '区委依法治区办', kind: 'office', sort: 0 });
  orgs.set(office.shortName, office);
  let sort = 1;
  for (const [name, shortName] of DEPARTMENTS) orgs.set(shortName, await createOrg(k.db, { parentId: root.id, name, shortName, kind: 'department', sort: sort++ }));
  for (const [name, shortName] of TOWNSHIPS) orgs.set(shortName, await createOrg(k.db, { parentId: root.id, name, shortName, kind: 'township', sort: sort++ }));
  // Registered mediation bodies: the district's committees under the 司法局, one per 乡镇/街道.
  const committees: Org[] = [];
  for (const [name, shortName] of [['青溪区人民调解委员会', '区调委会'], ['青溪区医疗纠纷人民调解委员会', '区医调委'], ['青溪区交通事故纠纷人民调解委员会', '区交调委']]) {
    committees.push(await createOrg(k.db, { parentId: orgs.get('区司法局')!.id, name, shortName, kind: 'committee' }));
  }
  for (const [, t] of TOWNSHIPS) {
    committees.push(await createOrg(k.db, { parentId: orgs.get(t)!.id, name: `${t}人民调解委员会`, shortName: `${t}调委会`, kind: 'committee' }));
  }
  for (const c of committees) orgs.set(c.shortName, c);
  const hotlineCentre = await createOrg(k.db, { parentId: orgs.get('区政府办')!.id, name: '青溪区12345政务服务便民热线中心', shortName: '区12345热线', kind: 'office' });

  const justice = orgs.get('区司法局')!;
  const education = orgs.get('区教体局')!;
  const caseActions = Object.fromEntries(k.types.all().map((t) => [t.key, t.actions.map((a) => a.key)]));
  // One scrypt per account, each with its own salt, computed side by side on libuv's thread pool
  // while the accounts are created one by one, in order: 7 named accounts and a clerk for every
  // other org (the loop below).
  const clerkless = [...orgs.values()].filter((o) => o.id !== justice.id && o.id !== education.id).length;
  const hashes = Array.from({ length: 7 + clerkless }, () => hashPassword(DEMO_PASSWORD));
  const mk = async (orgId: number, username: string, displayName: string, role: Actor['role'], scopeOrgId?: number, duties: DutyInput[] = []) => {
    const id = await createUser(k.db, { orgId, scopeOrgId, username, displayName, role, password: DEMO_PASSWORD, passwordHash: hashes.shift() });
    if (duties.length) await setDuties(k.db, null, id, duties, caseActions);
    return (await actorById(k.db, id))!;
  };
  const enforcers = new Set(ENFORCERS.map(([short]) => orgs.get(short)!.id));
  const dutiesOf = (org: Org) => clerkDuties(org, { enforcer: enforcers.has(org.id), petitions: org.shortName === '区信访局', justice: org.id === justice.id, smePayments: org.shortName === '区科工信局' });
  const staff: Staff = { admin: await mk(justice.id, 'admin', '周立法', 'admin', root.id, officeDuties(root, justice)), clerks: new Map() };
  await mk(justice.id, 'secadmin', '吴安全', 'secadmin', root.id);
  await mk(justice.id, 'auditor', '钱审计', 'auditor', root.id);
  staff.clerks.set(justice.id, await mk(justice.id, 'sfj', '陈复议', 'clerk', undefined, dutiesOf(justice)));
  staff.clerks.set(education.id, await mk(education.id, 'jtj', '林公开', 'clerk', undefined, dutiesOf(education)));
  const leader = await mk(root.id, 'leader', '郑区长', 'leader', root.id);
  staff.centre = await mk(hotlineCentre.id, 'rx12345', '何热线', 'clerk', root.id, centreDuties(root));
  staff.clerks.set(hotlineCentre.id, staff.centre);
  let n = 1;
  for (const org of orgs.values()) {
    if (!staff.clerks.has(org.id)) staff.clerks.set(org.id, await mk(org.id, `clerk${String(n++).padStart(2, '0')}`, `${org.shortName}经办人`, 'clerk', undefined, dutiesOf(org)));
  }

  phase('orgs and users');
  await loadDemoRegisters(k, root, orgs, (id) => staff.clerks.get(id) ?? staff.admin, asOf);
  phase('registers');

  const townshipNames = TOWNSHIPS.map(([, s]) => s);
  const plans: Plan[] = [];
  for (let year = 2024; year <= yearOf(asOf); year++) {
    const r = new Random(year * 7919 + 17);
    const receipts = spread(k, r, year, RECONSIDERATION_PER_YEAR[year] ?? 60);
    for (const on of receipts) plans.push(planReconsideration(k, new Random(r.int(1, 2 ** 31)), on, justice.id, townshipNames));
    const d = new Random(year * 104729 + 3);
    for (const on of spread(k, d, year, DISCLOSURE_PER_YEAR)) {
      const org = orgs.get(d.weighted(DISCLOSURE_WEIGHTS))!;
      plans.push(planDisclosure(k, new Random(d.int(1, 2 ** 31)), on, org.id, townshipNames));
    }
    plans.push(...planActivities(k, year, { office: office.id, justice: justice.id, departments: [...orgs.values()].filter((o) => o.kind === 'department') }));
    plans.push(...planEnforcement(k, year, orgs, justice.id, root.id));
    plans.push(...planSmePayments(k, year, orgs.get('区科工信局')!.id, townshipNames));
    plans.push(...planDisputes(k, year, { justice: justice.id, petitions: orgs.get('区信访局')!.id, committees: committees.map((c) => c.id), centre: hotlineCentre.id, units: [...orgs.values()].filter((o) => o.kind === 'department' || o.kind === 'township').map((o) => o.id), townships: townshipNames }));
  }
  const due = plans.filter((p) => p.fields.receivedOn <= asOf);
  stallSome(due, asOf);
  phase('plans');
  // Every case through the engine's rules in memory, then written set-based: the rows the
  // step-by-step engine would write (test/kernel/bulk.test.ts), in a fraction of the time.
  const batch = await bulkBatch(k);
  const actorOf = (step: Step, own: () => Actor) =>
    step.by === 'system' ? null : step.by === 'admin' ? staff.admin : step.by === 'center' ? staff.centre! : step.byOrg ? staff.clerks.get(step.byOrg)! : own();
  const upTo = (steps: Step[] | undefined, own: (orgId: number) => Actor): BulkStep[] => {
    const cut = steps?.findIndex((s) => s.on > asOf) ?? -1;
    const taken = cut < 0 ? steps ?? [] : steps!.slice(0, cut);
    return taken.map((step) => ({ action: step.action, on: step.on, data: step.data, actor: (orgId: number) => actorOf(step, () => own(orgId)) }));
  };
  let done = 0;
  for (const p of due) {
    const clerk = staff.clerks.get(p.orgId)!;
    // The linked case is worked by the clerk of the org it was opened in.
    let linkedOwner: Actor | undefined;
    // Rules that read other records (a 立案 needs valid 执法证, themselves demo cases) see
    // what came before them: pending cases of other types are written first.
    const reads = k.types.get(p.type).actions.some((a) => a.verify);
    if (reads && batch.drafts.some((d) => d.def.key !== p.type)) await k.db.transaction().execute((trx) => batch.write(trx));
    const ok = await batch.add({
      type: p.type,
      orgId: p.orgId,
      actor: clerk,
      fields: p.fields,
      steps: upTo(p.steps, () => clerk),
      linkedSteps: upTo(p.followUpSteps, (orgId) => (linkedOwner ??= staff.clerks.get(orgId)!)),
    });
    if (!ok) throw new Error(`demo plan for ${p.type} received ${p.fields.receivedOn}: ${batch.problems.at(-1)}`);
    if (batch.drafts.length >= 2000) await k.db.transaction().execute((trx) => batch.write(trx));
    opts.onProgress?.(++done, due.length);
  }
  await k.db.transaction().execute((trx) => batch.write(trx));
  phase('cases');
  // PGlite runs no autovacuum: without statistics the planner takes the tables just filled for
  // empty and joins a year of events to the org tree row by row (a report's figures cost 5× more).
  // The draws, the reports and every page served afterwards read these tables.
  await sql`ANALYZE orgs, users, cases, case_parties, case_events, case_clocks`.execute(k.db);
  phase('statistics');
  await loadDemoDraws(k, orgs, (id) => staff.clerks.get(id)!, asOf);
  await applyExpiries(k);
  phase('draws and expiries');
  const reporting = [root, ...orgs.values()].filter((o) => o.kind !== 'committee' && o.id !== hotlineCentre.id);
  for (let year = 2024; `${year + 1}-01-10` <= asOf; year++) {
    await loadDemoReports(k, year, reporting, { clerkOf: (id) => staff.clerks.get(id) ?? staff.admin, leader }, asOf);
  }
  phase('reports');
  await sql`DELETE FROM demo_loads`.execute(k.db);
  return { created: true, asOf, orgs: orgs.size + 1, cases: due.length };
}

export interface Step {
  on: string;
  action: string;
  data?: Record<string, unknown>;
  by?: 'clerk' | 'admin' | 'system' | 'center';
  /** Taken by the clerk of this org (a 12345 unit signs for its order). */
  byOrg?: number;
}
export interface Plan {
  type: string;
  orgId: number;
  fields: Record<string, any>;
  steps: Step[];
  /** Drawn with the case, so which cases a clerk let slide does not depend on anything else. */
  stall: number;
  /** Steps for the linked case this one opens (the 整改 order of a 差评, a routed mediation). */
  followUpSteps?: Step[];
}

/**
 * A real district always has a few cases nobody moved in time. Cases received in a window
 * before the as-of date stop after their first steps (复议: after acceptance) or at the turn of
 * the year, so they are overdue on the dashboard; at least two of each type, more where the draw says so.
 */
function stallSome(plans: Plan[], asOf: string) {
  const windows: Record<string, [number, number]> = { disclosure: [60, 32], reconsideration: [100, 66] };
  for (const [type, [far, near]] of Object.entries(windows)) {
    const inWindow = plans
      .filter((p) => p.type === type && p.fields.receivedOn >= addDays(asOf, -far) && p.fields.receivedOn <= addDays(asOf, -near))
      .sort((a, b) => a.stall - b.stall);
    inWindow.forEach((p, i) => {
      if (i >= 2 && p.stall >= 0.3) return;
      const keep = type === 'reconsideration' ? p.steps.findIndex((s) => ['accept', 'accept_simple', 'deem_accept'].includes(s.action)) + 1 : 0;
      // Only this year's work is left undone: a past year's figures do not depend on the as-of date.
      const thisYear = `${asOf.slice(0, 4)}-01-01`;
      p.steps = p.steps.filter((s, i) => i < keep || s.on < thisYear);
    });
  }
}

/** `n` receipt dates spread over the working days of a year. */
export function spread(k: Kernel, r: Random, year: number, n: number): string[] {
  const days: string[] = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) if (k.calendar.isWorkday(d)) days.push(d);
  return Array.from({ length: n }, () => r.pick(days)).sort();
}

export const wd = (k: Kernel, from: string, n: number) => (n <= 0 ? k.calendar.nextWorkday(from) : computeDue(k.calendar, from, { length: n, unit: 'workday' }).due);
export const cd = (k: Kernel, from: string, n: number) => k.calendar.nextWorkday(addDays(from, n));

function planReconsideration(k: Kernel, r: Random, receivedOn: string, orgId: number, townships: string[]): Plan {
  const stall = r.next();
  const category = r.weighted({ penalty: 34, nonperformance: 14, disclosure: 12, work_injury: 10, licensing: 8, coercion: 8, expropriation: 6, other: 8 });
  const fields = {
    receivedOn,
    channel: r.weighted({ in_person: 5, mail: 3, online: 3, forwarded: 1 }),
    respondent: r.pick(RESPONDENTS),
    category,
    actUnderReview: r.pick(ACTS[category]),
    request: '请求撤销该行政行为',
    parties: [r.chance(0.8) ? person(r, townships) : company(r, townships)],
  };
  const steps: Step[] = [];
  let at = receivedOn;
  if (r.chance(0.12)) {
    steps.push({ on: (at = wd(k, at, r.int(1, 3))), action: 'request_correction', data: { items: '请补充提交被申请复议的行政行为文书及身份证明材料' } });
    // The 10 工作日 run from the applicant's receipt of the notice (送达回证).
    steps.push({ on: (at = wd(k, at, r.int(1, 2))), action: 'serve_correction', data: { method: r.pick(['direct', 'post']), servedOn: at } });
    if (r.chance(0.2)) {
      steps.push({ on: wd(k, at, r.int(11, 13)), action: 'abandon' });
      return { type: 'reconsideration', orgId, fields, steps, stall };
    }
    steps.push({ on: (at = wd(k, at, r.int(2, 8))), action: 'receive_correction' });
  }
  const route = r.weighted({ normal: 62, simple: 24, reject: 11, deemed: 3 });
  if (route === 'reject') {
    const [ground, reason] = r.pick([['late', '超过法定申请期限'], ['scope', '不属于行政复议受案范围'], ['standing', '申请人与被申请复议的行政行为无利害关系']]);
    steps.push({ on: wd(k, at, r.int(1, 5)), action: 'reject', data: { ground, reason } });
    return { type: 'reconsideration', orgId, fields, steps, stall };
  }
  const acceptedOn = route === 'deemed' ? wd(k, at, 5) : wd(k, at, r.int(1, 5));
  steps.push({ on: acceptedOn, action: route === 'simple' ? 'accept_simple' : route === 'deemed' ? 'deem_accept' : 'accept', by: route === 'deemed' ? 'system' : 'clerk', data: route === 'simple' ? { ground: r.pick(['small_amount', 'warning', 'disclosure', 'on_the_spot', 'consent']) } : undefined });
  // 行政复议法 arts. 48, 54: the copy goes to the respondent, who answers within 10 (简易 5) 工作日 of receiving it.
  const copyOn = wd(k, acceptedOn, r.int(1, route === 'simple' ? 2 : 4));
  steps.push({ on: copyOn, action: route === 'simple' ? 'send_copy_simple' : 'send_copy', data: { method: 'direct', servedOn: copyOn } });
  steps.push({ on: wd(k, copyOn, r.int(1, route === 'simple' ? 3 : 6)), action: 'respondent_answer' });
  let limit = route === 'simple' ? 30 : 60;
  let pausedUntil = 0;
  if (r.chance(0.06)) {
    const s = r.int(10, 25);
    const len = r.int(10, 40);
    // 行政复议法 art. 39 ¶3: the parties are told in writing of the 中止 and of the 恢复.
    const suspendOn = cd(k, acceptedOn, s);
    const resumeOn = cd(k, acceptedOn, s + len);
    steps.push({ on: suspendOn, action: 'suspend', data: { ground: r.pick(['mediation', 'related_case', 'interpretation']), noticeOn: suspendOn } });
    steps.push({ on: resumeOn, action: 'resume', data: { noticeOn: resumeOn } });
    pausedUntil = s + len;
    limit += len;
  }
  let lastStep = pausedUntil;
  if (route !== 'simple' && r.chance(0.12)) {
    const ask = Math.max(pausedUntil + 2, r.int(40, 48));
    const days = r.pick([15, 20, 30]);
    const askOn = cd(k, acceptedOn, ask);
    const approveOn = wd(k, askOn, 1);
    // Only while the 60 days still run: an approval after expiry would be refused, as it should.
    if (approveOn <= cd(k, acceptedOn, limit)) {
      steps.push({ on: askOn, action: 'request_extension', data: { days, reason: '案情重大复杂，需进一步调查取证' } });
      steps.push({ on: approveOn, action: 'approve_extension', data: { days }, by: 'admin' });
      limit += days;
      lastStep = Math.round((Date.parse(approveOn) - Date.parse(acceptedOn)) / 86_400_000);
    }
  }
  // Most are concluded well within the limit; a few run late, as real districts' do.
  const late = r.chance(0.04);
  const minEnd = Math.max(lastStep + 3, route === 'simple' ? 10 : 25);
  const endDay = late ? limit + r.int(3, 25) : Math.max(minEnd, r.int(minEnd, limit - 3));
  const drawn = r.weighted({ upheld: 45, dismissed: 10, revoked: 9, altered: 2, confirmed_illegal: 7, ordered_performance: 3, confirmed_void: 1, mediated: 6, withdrawn: 15, terminated_other: 2 });
  // 行政复议法 art. 69: 驳回复议请求 only where a duty was said to be unperformed; otherwise a lawful act is upheld (art. 68).
  const ending = drawn === 'dismissed' && category !== 'nonperformance' ? 'upheld' : drawn;
  const endOn = cd(k, acceptedOn, endDay);
  if (ending === 'mediated') steps.push({ on: endOn, action: 'mediate', data: { summary: '双方自愿达成调解协议，被申请人重新核定处理' } });
  else if (ending === 'withdrawn' || ending === 'terminated_other') steps.push({ on: endOn, action: 'terminate', data: { ground: ending } });
  else {
    // Art. 49: an ordinary case hears the parties before it is decided; art. 61: the head approves, or a collective discussion.
    if (route !== 'simple') steps.push({ on: cd(k, acceptedOn, Math.max(lastStep + 1, endDay - 2)), action: 'hear_views', data: { method: r.pick(['in_person', 'phone', 'online']), record: '申请人坚持复议请求，被申请人坚持原行政行为合法' } });
    steps.push({ on: endOn, action: 'decide', data: { outcome: ending, approval: r.chance(0.8) ? 'head' : 'collective', reviewers: '区司法局复议科张某、李某', summary: ending === 'upheld' ? '认定事实清楚，证据确凿，适用依据正确，程序合法，内容适当' : '经审理，依法作出决定' } });
  }
  if (['revoked', 'confirmed_illegal', 'ordered_performance'].includes(ending) && r.chance(0.3)) {
    const letterOn = wd(k, endOn, r.int(3, 15));
    steps.push({ on: letterOn, action: 'issue_opinion_letter', data: { recipient: fields.respondent, content: '规范执法程序，加强证据收集' } });
    steps.push({ on: cd(k, letterOn, r.int(20, 55)), action: 'opinion_reply', data: { summary: '已按意见书要求完成整改并报送' } });
  }
  // Steps are taken in date order (a stable sort keeps same-day steps as planned).
  steps.sort((x, y) => x.on.localeCompare(y.on));
  return { type: 'reconsideration', orgId, fields, steps, stall };
}

function planDisclosure(k: Kernel, r: Random, receivedOn: string, orgId: number, townships: string[]): Plan {
  const stall = r.next();
  const applicantType = r.weighted({ person: 78, business: 12, legal_service: 5, nonprofit: 2, research: 1, other: 2 });
  const fields = {
    receivedOn,
    channel: r.weighted({ online: 6, letter: 3, in_person: 2, fax: 1 }),
    applicantType,
    content: `${r.pick(townships)}${r.pick(DISCLOSURE_TOPICS)}`,
    parties: [applicantType === 'person' ? person(r, townships) : company(r, townships)],
  };
  const steps: Step[] = [];
  let at = receivedOn;
  if (r.chance(0.04)) {
    steps.push({ on: wd(k, at, r.int(1, 8)), action: 'withdraw' });
    return { type: 'disclosure', orgId, fields, steps, stall };
  }
  if (r.chance(0.08)) {
    const noticeOn = wd(k, at, r.int(1, 6));
    const deadline = addDays(noticeOn, 15);
    steps.push({ on: noticeOn, action: 'request_correction', data: { items: '所需信息的名称、文号或者便于行政机关查询的其他特征性描述不明确', deadline } });
    if (r.chance(0.25)) {
      steps.push({ on: wd(k, deadline, 2), action: 'abandon' });
      return { type: 'disclosure', orgId, fields, steps, stall };
    }
    steps.push({ on: (at = wd(k, noticeOn, r.int(2, 9))), action: 'receive_correction' });
  }
  let limit = 20;
  let next = at;
  if (r.chance(0.05)) {
    const c = wd(k, at, r.int(2, 6));
    const back = wd(k, c, r.int(5, 15));
    steps.push({ on: c, action: 'consult', data: { thirdParty: '相关企业', matter: '申请公开的信息可能涉及商业秘密，征求是否同意公开' } });
    steps.push({ on: back, action: 'consult_reply', data: { opinion: r.pick(['agree', 'disagree', 'no_reply']) } });
    limit += r.int(5, 15);
    next = back;
  }
  if (r.chance(0.08)) {
    const days = r.int(10, 20);
    steps.push({ on: (next = next === at ? wd(k, at, r.int(14, 18)) : wd(k, next, r.int(1, 3))), action: 'extend', data: { days, reason: '申请内容复杂，需调取多年档案', approver: '分管副局长' } });
    limit += days;
  }
  const late = r.chance(0.03);
  const answerOn = late ? wd(k, at, limit + r.int(1, 6)) : wd(k, at, Math.max(r.int(5, Math.max(6, limit - 2)), 0));
  const outcome = r.weighted({ disclosed: 42, partial: 12, refused: 6, unavailable: 22, not_handled: 8, other: 10 });
  const reasons: Record<string, string> = {
    partial: '部分内容涉及第三方商业秘密，依据条例第十五条不予公开',
    refused: '属于内部事务信息，依据条例第十六条不予公开',
    not_handled: '申请人以政府信息公开申请形式进行信访，依据条例第三十九条不予处理',
  };
  // The 年报 ground that goes with each reason above (no further random draw, so the demo's other figures stay).
  const grounds: Record<string, string> = { refused: 'internal', unavailable: 'not_held', not_handled: 'petition' };
  steps.push({ on: answerOn < next ? next : answerOn, action: 'answer', data: { outcome, ground: grounds[outcome], reason: reasons[outcome], method: r.weighted({ electronic: 5, mail: 3, paper: 2, on_site: 1 }) } });
  return { type: 'disclosure', orgId, fields, steps, stall };
}
