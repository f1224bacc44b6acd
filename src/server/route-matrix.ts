import type { FastifyRequest, RouteOptions } from 'fastify';
import type { CaseTypeRegistry } from '../kernel/cases/registry.ts';
import { can, CAPABILITIES, CAPABILITY_SUBJECTS, caseSubject, ROLE_BUNDLES, ROLE_LABELS, type Permitted } from '../kernel/auth/permissions.ts';
import { forbidden, unauthorized } from '../kernel/errors.ts';
import type { Role } from '../kernel/db/schema.ts';

/**
 * The permission matrix: every API route and what it needs. It is enforced (a guard runs it
 * before the body is even validated), served at /api/permissions/matrix, shown in the console
 * and written to docs/permissions.md. A route with no line here is refused for everyone.
 *
 * A need is one of:
 * - 'public': no login;
 * - 'login': any logged-in user;
 * - 'case-duty': a duty for some case type (the engine then checks the case's own type and org);
 * - a permission, where {type} and {step} stand for the case type and step of the generated
 *   per-type routes, and any other {name} for the route's path parameter of that name.
 * The guard asks "held anywhere?"; the kernel asks again for the record's own org.
 *
 * To add a route: one line, [method, path as in OpenAPI, need].
 */
export const ROUTE_MATRIX: [method: string, path: string, need: string][] = [
  ['GET', '/api/health', 'public'],
  ['GET', '/api/openapi.json', 'public'],
  ['POST', '/api/auth/login', 'public'],
  ['POST', '/api/auth/logout', 'login'],
  ['GET', '/api/auth/me', 'login'],
  ['GET', '/api/case-types', 'login'],
  ['GET', '/api/orgs', 'login'],
  ['GET', '/api/permissions/matrix', 'login'],
  ['GET', '/api/calendar/deadline', 'login'],
  ['POST', '/api/simulate', 'login'],
  ['GET', '/api/calendar/recompute', 'login'],
  ['GET', '/api/orgs/directory', 'login'],
  ['GET', '/api/todos', 'login'],
  ['GET', '/api/notifications', 'login'],
  ['POST', '/api/notifications/read', 'login'],
  ['GET', '/api/notifications/preferences', 'login'],
  ['PUT', '/api/notifications/preferences', 'login'],
  ['GET', '/api/outbound', 'users.manage'],
  ['GET', '/api/warning-rules', 'business.read'],
  ['PUT', '/api/warning-rules', 'users.manage'],
  ['GET', '/api/document-templates', 'login'],
  ['PUT', '/api/document-templates/{key}', 'users.manage'],
  ['GET', '/api/calendar/overrides', 'login'],
  ['PUT', '/api/calendar/overrides/{day}', 'calendar.edit'],
  ['POST', '/api/calendar/years', 'calendar.edit'],
  ['GET', '/api/audit/verify', 'audit.verify'],
  ['GET', '/api/audit/events', 'audit.read'],
  ['POST', '/api/audit/checkpoints', 'audit.verify'],
  ['GET', '/api/security/users', 'security.manage'],
  ['GET', '/api/security-policy', 'security.manage'],
  ['PUT', '/api/security-policy', 'security.manage'],
  ['POST', '/api/auth/login/totp', 'login'],
  ['GET', '/api/auth/account', 'login'],
  ['POST', '/api/auth/password', 'login'],
  ['GET', '/api/auth/sessions', 'login'],
  ['DELETE', '/api/auth/sessions/{id}', 'login'],
  ['POST', '/api/auth/totp/enrol', 'login'],
  ['POST', '/api/auth/totp/confirm', 'login'],
  ['GET', '/api/users', 'users.manage'],
  ['POST', '/api/users', 'users.manage'],
  ['GET', '/api/users/roles', 'login'],
  ['GET', '/api/users/{id}', 'users.manage'],
  ['PUT', '/api/users/{id}', 'users.manage'],
  ['POST', '/api/users/{id}/disable', 'users.manage'],
  ['POST', '/api/users/{id}/enable', 'users.manage'],
  ['POST', '/api/users/{id}/unlock', 'users.manage'],
  ['POST', '/api/users/{id}/reset-password', 'users.manage'],
  ['POST', '/api/users/{id}/reset-totp', 'users.manage'],
  ['PUT', '/api/security/users/{id}/role', 'security.manage'],
  ['PUT', '/api/security/users/{id}/duties', 'security.manage'],

  ['GET', '/api/cases', 'business.read'],
  ['GET', '/api/cases/export.xlsx', 'business.read'],
  ['GET', '/api/cases/{id}', 'business.read'],
  ['POST', '/api/cases/{id}/attachments', 'case-duty'],
  ['GET', '/api/attachments/{id}', 'case-duty'],
  ['GET', '/api/dashboard', 'business.read'],
  ['GET', '/api/warnings', 'business.read'],
  ['GET', '/api/search', 'business.read'],
  ['POST', '/api/supervisions', 'case:supervision.intake'],
  ['GET', '/api/cases/{id}/documents', 'business.read'],
  ['POST', '/api/cases/{id}/documents', 'case-duty'],
  ['GET', '/api/documents/{id}', 'business.read'],
  ['GET', '/api/documents/{id}/document.docx', 'business.read'],
  ['GET', '/api/stats/trend', 'business.read'],
  ['GET', '/api/stats/ranking', 'business.read'],
  ['GET', '/api/stats/overdue', 'business.read'],
  ['GET', '/api/stats/compare', 'business.read'],
  ['GET', '/api/stats/matrix', 'business.read'],
  ['GET', '/api/stats/matrix.xlsx', 'business.read'],
  ['GET', '/api/{type}/import-template.xlsx', 'case:{type}.import'],
  ['POST', '/api/{type}/import', 'case:{type}.import'],
  ['POST', '/api/{type}/cases', 'case:{type}.intake'],
  ['POST', '/api/{type}/cases/{id}/{step}', 'case:{type}.{step}'],

  ['GET', '/api/indicators', 'business.read'],
  ['GET', '/api/indicators/{key}/records', 'business.read'],
  ['POST', '/api/analysis', 'business.read'],

  ['GET', '/api/reports', 'business.read'],
  ['POST', '/api/reports', 'reports.edit'],
  ['POST', '/api/reports/urge', 'case:supervision.intake'],
  ['GET', '/api/reports/govinfo', 'business.read'],
  ['GET', '/api/reports/enforcement-data', 'business.read'],
  ['POST', '/api/reports/govinfo/submission', 'reports.submit'],
  ['POST', '/api/reports/govinfo/publication', 'reports.publish'],
  ['POST', '/api/reports/enforcement-data/submission', 'reports.submit'],
  ['POST', '/api/reports/enforcement-data/publication', 'reports.publish'],
  ['POST', '/api/reports/proposals/submission', 'reports.submit'],
  ['POST', '/api/reports/proposals/publication', 'reports.publish'],
  ['GET', '/api/reports/proposals', 'business.read'],
  ['GET', '/api/reports/law-report-coverage', 'business.read'],
  ['PUT', '/api/orgs/{id}/obligations/{obligation}', 'obligations.edit'],
  ['GET', '/api/reports/{id}', 'business.read'],
  ['PUT', '/api/reports/{id}', 'reports.edit'],
  ['POST', '/api/reports/{id}/preview', 'reports.edit'],
  ['POST', '/api/reports/{id}/deliveries', 'reports.submit'],
  ['POST', '/api/reports/{id}/{action}', 'reports.{action}'],
  ['GET', '/api/reports/{id}/report.docx', 'business.read'],
  ['GET', '/api/reports/{id}/report.pdf', 'business.read'],
  ['GET', '/api/reports/{id}/check', 'business.read'],

  ['GET', '/api/registers/kinds', 'login'],
  ['GET', '/api/registers/template.xlsx', 'login'],
  ['GET', '/api/registers', 'business.read'],
  ['GET', '/api/registers/{id}', 'business.read'],
  ['GET', '/api/registers/{id}/export.xlsx', 'business.read'],
  ['POST', '/api/registers', 'registers.publish'],
  ['POST', '/api/registers/import', 'registers.publish'],

  ['GET', '/api/draws', 'business.read'],
  ['GET', '/api/draws/{id}', 'business.read'],
  ['POST', '/api/draws', 'draws.commit'],
  ['POST', '/api/draws/{id}/draw', 'draws.run'],
  ['GET', '/api/inspection-targets', 'business.read'],
  ['POST', '/api/inspection-targets/import', 'targets.import'],
  ['POST', '/api/file-reviews/sample', 'sampling.run'],

  ['GET', '/api/public/reports', 'public'],
  ['GET', '/api/public/reports/{id}', 'public'],
  ['GET', '/api/public/reports/{id}/report.docx', 'public'],
  ['GET', '/api/public/reports/{id}/report.pdf', 'public'],
  ['GET', '/api/public/registers', 'public'],
  ['GET', '/api/public/registers/{id}', 'public'],
  ['GET', '/api/public/draws', 'public'],
  ['GET', '/api/public/draws/{id}', 'public'],
  ['GET', '/api/public/enforcement', 'public'],
  ['GET', '/api/public/audit-checkpoints', 'public'],
];

/** The OpenAPI spelling of a Fastify path: /api/cases/:id → /api/cases/{id}. */
export const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

export interface ResolvedRule {
  method: string;
  pattern: string;
  /** The need with {type} and {step} filled in for this route; other {params} stay for the request. */
  need: string;
}

/**
 * The matrix line for one concrete route. {type} matches a case type's key and {step} one of
 * its steps; any other {name} matches only the route's own parameter of that name.
 */
export function ruleFor(types: CaseTypeRegistry, method: string, path: string): ResolvedRule | undefined {
  const m = method === 'HEAD' ? 'GET' : method;
  const segs = path.split('/');
  for (const [rm, pattern, need] of ROUTE_MATRIX) {
    if (rm !== m) continue;
    const ps = pattern.split('/');
    if (ps.length !== segs.length) continue;
    const bind: Record<string, string> = {};
    const ok = ps.every((p, i) => {
      if (p === segs[i]) return true;
      if ((p === '{type}' || p === '{step}') && /^[a-z_]+$/.test(segs[i])) return (bind[p.slice(1, -1)] = segs[i]), true;
      return false;
    });
    if (!ok) continue;
    if (bind.type && !types.all().some((t) => t.key === bind.type)) continue;
    if (bind.step && !types.get(bind.type).actions.some((a) => a.key === bind.step)) continue;
    return { method: m, pattern, need: need.replace(/\{(type|step)\}/g, (_, k) => bind[k]) };
  }
  return undefined;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: ResolvedRule | null;
  }
}

/** Registered at the root before any route: every /api route is tied to its matrix line. */
export function tagRoute(types: CaseTypeRegistry, route: RouteOptions) {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const url = openApiPath(route.url);
  if (!url.startsWith('/api/')) return;
  route.config = { ...(route.config as object), permission: ruleFor(types, methods[0], url) ?? null };
}

/** Whether an actor passes the route's need (held anywhere); `params` fill the remaining {names}. */
export function passes(actor: Permitted | undefined, need: string, params: Record<string, string> = {}): boolean {
  if (need === 'public') return true;
  if (!actor) return false;
  if (need === 'login') return true;
  if (need === 'case-duty') return ROLE_BUNDLES[actor.role].takesDuties && actor.duties.some((d) => d.subject.startsWith('case:'));
  return can(actor, need.replace(/\{(\w+)\}/g, (_, k) => params[k] ?? `{${k}}`));
}

/** The guard: runs before validation, so a refused caller learns nothing about the body's shape. */
export const guardRoute = (types: CaseTypeRegistry) => async (req: FastifyRequest & { actor?: any }) => {
  const url = req.routeOptions.url;
  if (!url || !url.startsWith('/api/')) return;
  const rule = req.routeOptions.config.permission;
  if (!rule) throw forbidden('该接口尚未登记权限，已拒绝访问');
  if (rule.need === 'public') return;
  if (!req.actor) throw unauthorized();
  if (!passes(req.actor, rule.need, req.params as Record<string, string>)) throw forbidden(`您没有「${needLabel(rule.need, req.params as Record<string, string>, types)}」的权限或职责`);
};

/** A need in words, for messages, the console and docs/permissions.md. */
export function needLabel(need: string, params: Record<string, string> = {}, types?: CaseTypeRegistry): string {
  if (need === 'public') return '公开（无需登录）';
  if (need === 'login') return '登录即可';
  if (need === 'case-duty') return '承担某类案件的办理职责';
  const filled = need.replace(/\{(\w+)\}/g, (_, k) => params[k] ?? `{${k}}`);
  if (filled.startsWith('case:')) {
    const [subject, action] = [filled.slice(0, filled.lastIndexOf('.')), filled.slice(filled.lastIndexOf('.') + 1)];
    const type = subject.slice(5);
    const def = types?.all().find((t) => t.key === type);
    const step = action === 'intake' ? '登记' : action === 'import' ? '导入' : (def?.actions.find((a) => a.key === action)?.label ?? action);
    return `${def?.name ?? type}·${step}（职责）`;
  }
  return (CAPABILITIES as Record<string, string>)[filled] ?? filled;
}

export type Persona = Role | 'anonymous';
/** Cell of the routes × roles table: 允许 (by the role itself), 部分允许 (some of a route's actions), 按职责 (if a duty grants it), or 否. */
export function roleCell(role: Persona, need: string): '允许' | '部分允许' | '按职责' | '否' {
  if (need === 'public') return '允许';
  if (role === 'anonymous') return '否';
  if (need === 'login') return '允许';
  const bundle = ROLE_BUNDLES[role];
  if (need === 'case-duty' || need.startsWith('case:')) return bundle.takesDuties ? '按职责' : '否';
  const [subject] = need.split('.');
  const actions = need.includes('{') ? Object.keys(CAPABILITIES).filter((c) => c.startsWith(`${subject}.`)) : [need];
  if (actions.every((a) => (bundle.grants as string[]).includes(a))) return '允许';
  if (bundle.takesDuties) return '按职责';
  return actions.some((a) => (bundle.grants as string[]).includes(a)) ? '部分允许' : '否';
}

export const PERSONAS: { key: Persona; label: string }[] = [{ key: 'anonymous', label: '未登录' }, ...(Object.keys(ROLE_LABELS) as Role[]).map((r) => ({ key: r, label: ROLE_LABELS[r] }))];

/** The matrix as the API, the console and the docs show it. */
export function describeMatrix(types: CaseTypeRegistry) {
  return {
    roles: PERSONAS,
    bundles: (Object.keys(ROLE_BUNDLES) as Role[]).map((r) => ({ role: r, label: ROLE_LABELS[r], describe: ROLE_BUNDLES[r].describe, takesDuties: ROLE_BUNDLES[r].takesDuties, grants: ROLE_BUNDLES[r].grants.map((g) => ({ key: g, label: CAPABILITIES[g] })) })),
    /** What a duty may grant besides case types (the rest comes only with a role). */
    capabilities: Object.entries(CAPABILITIES).filter(([key]) => key.split('.')[0] in CAPABILITY_SUBJECTS).map(([key, label]) => ({ key, label })),
    caseTypes: types.all().map((t) => ({ subject: caseSubject(t.key), name: t.name, actions: [{ key: 'intake', label: '登记' }, { key: 'import', label: '导入' }, ...t.actions.filter((a) => !a.system).map((a) => ({ key: a.key, label: a.label }))] })),
    routes: ROUTE_MATRIX.map(([method, path, need]) => ({ method, path, need, label: needLabel(need, {}, types), cells: Object.fromEntries(PERSONAS.map((p) => [p.key, roleCell(p.key, need)])) })),
  };
}
