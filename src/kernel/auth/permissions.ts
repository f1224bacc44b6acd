import { sql, type Expression } from 'kysely';
import type { Database } from '../db/connect.ts';
import type { Role } from '../db/schema.ts';
import { appendAudit } from '../audit/audit.ts';
import { badRequest, forbidden, notFound } from '../errors.ts';

/**
 * Authorization as data. A permission is `subject.action`:
 * - `case:<type>.<step>` for a case type's steps, `case:<type>.intake` to register one and
 *   `case:<type>.import` to record a batch exported from another system;
 * - a capability for work outside cases (`reports.publish`, `registers.publish`, `audit.verify`…).
 * A role is a bundle of default grants over the person's scope; duties (table `duties`) add
 * grants per person in a named org, and only there (with `subunits`, also below it).
 */
export interface Grant {
  subject: string;
  actions: string[];
  orgPath: string;
  subunits: boolean;
}

export interface Duty {
  orgId: number;
  orgName: string;
  orgPath: string;
  subunits: boolean;
  subject: string;
  actions: string[];
}

/** What `can` needs of an actor (the Actor carries these, loaded once per request). */
export interface Permitted {
  role: Role;
  scopePath: string;
  duties: Duty[];
}

export const CAPABILITIES = {
  'business.read': '查看管辖范围内的业务数据',
  'reports.edit': '起草、修改年度报告',
  'reports.send_review': '年度报告送审',
  'reports.approve': '年度报告审批通过',
  'reports.return': '年度报告退回修改',
  'reports.submit': '年度报告报送上级',
  'reports.publish': '年度报告向社会公开',
  'registers.publish': '发布清单新版本',
  'draws.commit': '创建双随机抽查任务',
  'draws.run': '双随机抽取',
  'targets.import': '导入检查对象名录',
  'sampling.run': '案卷评查抽样',
  'calendar.edit': '维护节假日与调休',
  'obligations.edit': '设定各单位是否负有述法等年度义务',
  'audit.read': '查阅审计日志与安全日志',
  'audit.verify': '校验审计链',
  'users.manage': '账号管理：新建、停用、解锁、重置密码（不含角色与职责）',
  'security.manage': '分配角色、可查看范围与职责，安全策略（不含新建账号与密码）',
} as const;
export type Capability = keyof typeof CAPABILITIES;

/**
 * The subjects a duty may name besides case types, with the actions each has. Reading the
 * business, users, security and the audit trail come only with a role: 三员分立 keeps them apart.
 */
export const ROLE_ONLY = ['business', 'users', 'security', 'audit'];
export const CAPABILITY_SUBJECTS: Record<string, string[]> = {};
for (const key of Object.keys(CAPABILITIES)) {
  const [subject, action] = key.split('.');
  if (!ROLE_ONLY.includes(subject)) (CAPABILITY_SUBJECTS[subject] ??= []).push(action);
}

export const caseSubject = (type: string) => `case:${type}`;
export const casePermission = (type: string, action: string) => `case:${type}.${action}`;
/** Registering a case of a type (登记/受理) and recording a batch from another system. */
export const INTAKE = 'intake';
export const IMPORT = 'import';

export const ROLE_LABELS: Record<Role, string> = {
  none: '未分配角色',
  admin: '系统管理员',
  secadmin: '安全管理员',
  auditor: '审计管理员',
  clerk: '经办人员',
  leader: '领导（只读）',
};

/**
 * Roles as bundles of default grants over the person's scope. Nobody's bundle lets them
 * change or erase the audit trail: the table refuses UPDATE and DELETE for everyone.
 */
export const ROLE_BUNDLES: Record<Role, { describe: string; grants: Capability[]; takesDuties: boolean }> = {
  none: { describe: '系统管理员新建的账号：安全管理员分配角色前没有任何权限', grants: [], takesDuties: false },
  admin: { describe: '账号的新建、停用、解锁、重置密码，系统运行维护（节假日）；不能分配角色或职责；办理业务须另有职责', grants: ['business.read', 'users.manage', 'calendar.edit'], takesDuties: true },
  secadmin: { describe: '分配角色、可查看范围与职责，安全策略；不能新建账号或设置密码；不办理业务、不查阅业务数据', grants: ['security.manage'], takesDuties: false },
  auditor: { describe: '查阅审计日志与安全日志、校验审计链；不办理业务、不查阅业务数据', grants: ['audit.read', 'audit.verify'], takesDuties: false },
  clerk: { describe: '查阅管辖范围内的业务；办理哪些案件类型和环节由职责决定', grants: ['business.read'], takesDuties: true },
  leader: { describe: '只读（当事人信息脱敏）；审批或退回年度报告', grants: ['business.read', 'reports.approve', 'reports.return'], takesDuties: false },
};

function grantsOf(actor: Permitted): Grant[] {
  const bundle = ROLE_BUNDLES[actor.role];
  const out: Grant[] = bundle.grants.map((c) => {
    const [subject, action] = c.split('.');
    return { subject, actions: [action], orgPath: actor.scopePath, subunits: true };
  });
  // A leader stays read-only and the security and audit administrators stay out of the business, whatever duties say.
  if (bundle.takesDuties) out.push(...actor.duties);
  return out;
}

const covers = (g: Grant, orgPath: string) => (g.subunits ? orgPath.startsWith(g.orgPath) : orgPath === g.orgPath);

function split(permission: string): [string, string] {
  const dot = permission.lastIndexOf('.');
  return [permission.slice(0, dot), permission.slice(dot + 1)];
}

/**
 * May the actor do this in that org? Without an org: do they hold it anywhere (the route guard
 * asks this before the body is read; the engine then asks again for the record's own org).
 * An org outside the person's scope is never theirs, whatever a duty says.
 */
export function can(actor: Permitted, permission: string, orgPath?: string): boolean {
  if (orgPath !== undefined && !orgPath.startsWith(actor.scopePath)) return false;
  const [subject, action] = split(permission);
  return grantsOf(actor).some((g) => g.subject === subject && (g.actions.includes('*') || g.actions.includes(action)) && (orgPath === undefined || covers(g, orgPath)));
}

/** Does the actor handle this case type in that org (any step)? That is the need to see its personal data. */
export function handles(actor: Permitted, type: string, orgPath: string): boolean {
  if (!orgPath.startsWith(actor.scopePath)) return false;
  return grantsOf(actor).some((g) => g.subject === caseSubject(type) && g.actions.length > 0 && covers(g, orgPath));
}

export function permissionLabel(permission: string): string {
  return (CAPABILITIES as Record<string, string>)[permission] ?? permission;
}

export function assertCan(actor: Permitted, permission: string, orgPath?: string, what?: string): void {
  if (can(actor, permission, orgPath)) return;
  if (orgPath !== undefined && !orgPath.startsWith(actor.scopePath)) throw forbidden('该单位不在您的管辖范围内');
  if (actor.role === 'leader') throw forbidden('领导账号为只读，不能办理或修改');
  throw forbidden(`您没有「${what ?? permissionLabel(permission)}」的职责${orgPath ? '（在该单位）' : ''}`);
}

/** The duties of a user as a JSON array, for a subquery (same shape and order as loadDuties). */
export const dutiesOf = (userId: Expression<number>) =>
  sql<Duty[]>`(SELECT coalesce(json_agg(json_build_object('orgId', d.org_id, 'orgName', o.name, 'orgPath', o.path, 'subunits', d.subunits, 'subject', d.subject, 'actions', d.actions) ORDER BY d.id), '[]') FROM duties d JOIN orgs o ON o.id = d.org_id WHERE d.user_id = ${userId})`;

/** Duties of one user, with their orgs' names and paths. */
export async function loadDuties(db: Database, userId: number): Promise<Duty[]> {
  const rows = await db
    .selectFrom('duties as d')
    .innerJoin('orgs as o', 'o.id', 'd.org_id')
    .select(['d.org_id', 'o.name', 'o.path', 'd.subunits', 'd.subject', 'd.actions'])
    .where('d.user_id', '=', userId)
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({ orgId: r.org_id, orgName: r.name, orgPath: r.path, subunits: r.subunits, subject: r.subject, actions: r.actions }));
}

export interface DutyInput {
  orgId: number;
  subunits?: boolean;
  subject: string;
  actions: string[];
}

/**
 * Replaces a user's duties, atomically and with the audit trail. Subjects and actions are
 * checked against the case types and capabilities the platform has; `knownCaseActions`
 * maps a case type key to its step keys.
 */
export async function setDuties(
  db: Database,
  by: (Permitted & { id: number }) | null,
  userId: number,
  duties: DutyInput[],
  knownCaseActions: Record<string, string[]>,
): Promise<Duty[]> {
  // 三员分立: only the security administrator grants duties, never to themselves (null: the local CLI and loaders).
  if (by && !can(by, 'security.manage')) throw forbidden('仅安全管理员可以设定职责');
  const user = await db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.role', 'u.scope_org_id', 'o.path'])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!user || (by && !user.path.startsWith(by.scopePath))) throw notFound('用户');
  if (by && by.id === userId) throw forbidden('不能设定自己的职责（三员分立：须由另一位安全管理员设定）');
  if (duties.length && !ROLE_BUNDLES[user.role].takesDuties) throw badRequest(`${ROLE_LABELS[user.role]}不承担业务职责（三员分立、领导只读）`);
  const problems: string[] = [];
  duties.forEach((d, i) => {
    const caseType = d.subject.startsWith('case:') ? d.subject.slice(5) : null;
    const allowed = caseType ? (knownCaseActions[caseType] && [...knownCaseActions[caseType], INTAKE, IMPORT]) : CAPABILITY_SUBJECTS[d.subject];
    if (!allowed) return problems.push(`第${i + 1}项：没有「${d.subject}」这一业务或权限`);
    if (!d.actions.length) return problems.push(`第${i + 1}项：至少选择一个环节`);
    const unknown = d.actions.filter((a) => a !== '*' && !allowed.includes(a));
    if (unknown.length) problems.push(`第${i + 1}项：「${d.subject}」没有环节 ${unknown.join('、')}`);
  });
  if (problems.length) throw badRequest(`职责有误，未保存：${problems.join('；')}`, { problems });
  return db.transaction().execute(async (trx) => {
    const scope = await trx.selectFrom('orgs').select('path').where('id', '=', user.scope_org_id).executeTakeFirstOrThrow();
    for (const d of duties) {
      const org = await trx.selectFrom('orgs').select(['path', 'name']).where('id', '=', d.orgId).executeTakeFirst();
      if (!org) throw badRequest(`单位（编号${d.orgId}）不存在`);
      if (!org.path.startsWith(scope.path)) throw badRequest(`「${org.name}」不在该用户的管辖范围内，不能为其设定职责`);
    }
    const before = await loadDuties(trx, userId);
    await trx.deleteFrom('duties').where('user_id', '=', userId).execute();
    for (const d of duties) {
      await trx
        .insertInto('duties')
        .values({ user_id: userId, org_id: d.orgId, subunits: d.subunits ?? true, subject: d.subject, actions: JSON.stringify([...new Set(d.actions)]) })
        .onConflict((oc) => oc.columns(['user_id', 'org_id', 'subject']).doUpdateSet({ actions: JSON.stringify([...new Set(d.actions)]), subunits: d.subunits ?? true }))
        .execute();
    }
    await appendAudit(trx, {
      actorId: by?.id ?? null,
      action: 'user.duties',
      entity: 'user',
      entityId: userId,
      before: before.map(({ orgId, subunits, subject, actions }) => ({ orgId, subunits, subject, actions })),
      after: duties,
    });
    return loadDuties(trx, userId);
  });
}
