import { sql } from 'kysely';
import type { Kernel } from './kernel.ts';
import type { Actor } from './auth/actor.ts';
import { can, casePermission } from './auth/permissions.ts';
import type { ActionDef, CaseTypeDef, EventView } from './cases/define.ts';
import { stateLabel } from './cases/define.ts';
import { dependsOnHistory, offered } from './cases/engine.ts';
import { dueInstantSql } from './cases/clocks.ts';

/**
 * 待办: what waits on one person. This is the ONE place that answers "which steps wait on this
 * person"; it asks the person's duties (auth/permissions.ts), as the engine does for each step.
 *
 * - Case steps: open cases whose next allowed steps the person holds a duty for, in that org.
 * - Reports: 待审批 for whoever may approve that org's report; 被退回 and 待报送 for whoever
 *   submits it.
 */
export const TODO_KINDS = {
  step: '待办理',
  approval: '待审批',
  returned: '被退回',
  supervision: '督办',
  hotline: '12345工单',
} as const;
export type TodoKind = keyof typeof TODO_KINDS;

export interface TodoItem {
  kind: TodoKind;
  /** What to do, in the clerk's words: the step labels or the report action. */
  what: string;
  title: string;
  number: string | null;
  orgName: string;
  typeName: string;
  stateLabel: string;
  handlerName: string | null;
  mine: boolean;
  dueOn: string | null;
  overdue: boolean;
  /** Console page where the step is taken. */
  link: string;
  caseId?: number;
  reportId?: number;
  comment?: string | null;
}

const MAX_ITEMS = 300;

/** Whether the actor may take this step of a case of this type in an org with this path (anywhere, without one). */
const mayTake = (actor: Actor, type: string, a: ActionDef, orgPath?: string) => !a.system && can(actor, casePermission(type, a.key), orgPath);

function kindOf(def: CaseTypeDef, actions: ActionDef[]): TodoKind {
  if (def.key === 'supervision') return 'supervision';
  if (def.key === 'hotline') return 'hotline';
  return actions.some((a) => a.key.startsWith('approve')) ? 'approval' : 'step';
}

/** `exhaustive` builds every item the slow way, as the test that the fast path agrees does. */
export async function todosFor(k: Kernel, actor: Actor, opts: { exhaustive?: boolean } = {}): Promise<{ counts: Record<TodoKind, number>; total: number; items: TodoItem[]; truncated: boolean }> {
  const cases = await caseTodos(k, actor, opts.exhaustive ?? false);
  const items = [...cases.items, ...(await reportTodos(k, actor))];
  const counts = Object.fromEntries(Object.keys(TODO_KINDS).map((kd) => [kd, 0])) as Record<TodoKind, number>;
  for (const i of items) counts[i.kind]++;
  for (const [kd, n] of Object.entries(cases.uncounted)) counts[kd as TodoKind] += n;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  // Overdue first, then by due date; items without a deadline last.
  items.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || (a.caseId ?? 0) - (b.caseId ?? 0));
  return { counts, total, items: items.slice(0, MAX_ITEMS), truncated: total > MAX_ITEMS };
}

type CaseRow = { id: number; type: string; number: string; title: string; state: string; handler_id: number | null; org_name: string; org_path: string; handler_name: string | null; next_due: string | null };

/**
 * Open cases whose next steps wait on the actor. Where no step from a state depends on the
 * case's history (dependsOnHistory), the steps follow from (type, state, org) alone: those cases are
 * counted per group in SQL and only the first MAX_ITEMS by due date are read, which is what
 * keeps a city's 200,000 open 12345 orders from being read on every page view. The rest are
 * read with their events and clocks and asked case by case.
 */
async function caseTodos(k: Kernel, actor: Actor, exhaustive: boolean): Promise<{ items: TodoItem[]; uncounted: Partial<Record<TodoKind, number>> }> {
  // (type, state) pairs in which the actor holds a step somewhere: the candidates.
  const plain: [string, string][] = [];
  const conditional: [string, string][] = [];
  for (const def of k.types.all()) {
    if (def.group === 'activity') continue;
    for (const state of Object.keys(def.states)) {
      const held = def.actions.filter((a) => !a.system && a.from.includes(state) && mayTake(actor, def.key, a));
      if (held.length) (exhaustive || held.some((a) => dependsOnHistory(def, a)) ? conditional : plain).push([def.key, state]);
    }
  }
  const uncounted: Partial<Record<TodoKind, number>> = {};
  const items = [...(await plainTodos(k, actor, plain, uncounted)), ...(await conditionalTodos(k, actor, conditional))];
  return { items, uncounted };
}

const pairIn = (pairs: [string, string][]) => sql<boolean>`(c.type, c.state) in (${sql.join(pairs.map(([t, s]) => sql`(${t}, ${s})`))})`;

function openCases(k: Kernel, actor: Actor) {
  return k.db
    .selectFrom('cases as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .where('o.path', 'like', `${actor.scopePath}%`)
    .where('c.closed_on', 'is', null);
}

function rowsOf(k: Kernel, actor: Actor) {
  return openCases(k, actor)
    .leftJoin('users as u', 'u.id', 'c.handler_id')
    .select(['c.id', 'c.type', 'c.number', 'c.title', 'c.state', 'c.handler_id', 'o.name as org_name', 'o.path as org_path', 'u.display_name as handler_name'])
    // The nearest due instant ('YYYY-MM-DD HH:mm'; a day clock's is its last minute), so hour clocks sort and turn overdue by the minute.
    .select(sql<string | null>`(select min(${dueInstantSql}) from case_clocks cc where cc.case_id = c.id and cc.status = 'running')`.as('next_due'));
}

function item(k: Kernel, actor: Actor, def: CaseTypeDef, r: CaseRow, steps: ActionDef[]): TodoItem {
  return {
    kind: kindOf(def, steps),
    what: steps.map((a) => a.label).join('、'),
    title: r.title,
    number: r.number,
    orgName: r.org_name,
    typeName: def.name,
    stateLabel: stateLabel(def, r.state),
    handlerName: r.handler_name,
    mine: r.handler_id === actor.id,
    dueOn: r.next_due?.slice(0, 10) ?? null,
    overdue: Boolean(r.next_due && k.now() > r.next_due),
    link: `/cases/${r.id}`,
    caseId: r.id,
  };
}

async function plainTodos(k: Kernel, actor: Actor, pairs: [string, string][], uncounted: Partial<Record<TodoKind, number>>): Promise<TodoItem[]> {
  if (!pairs.length) return [];
  const groups = await openCases(k, actor)
    .select(['c.type', 'c.state', 'c.org_id', 'o.path', sql<number>`count(*)::int`.as('n')])
    .where(pairIn(pairs))
    .groupBy(['c.type', 'c.state', 'c.org_id', 'o.path'])
    .execute();
  const stepsOf = (type: string, state: string, path: string) => k.types.get(type).actions.filter((a) => a.from.includes(state) && mayTake(actor, type, a, path));
  const wanted = groups.filter((g) => stepsOf(g.type, g.state, g.path).length);
  if (!wanted.length) return [];
  for (const g of wanted) {
    const kd = kindOf(k.types.get(g.type), stepsOf(g.type, g.state, g.path));
    uncounted[kd] = (uncounted[kd] ?? 0) + g.n;
  }
  // The first MAX_ITEMS by due date (no date last), in the order todosFor sorts in.
  const rows = (await rowsOf(k, actor)
    .where(sql<boolean>`(c.type, c.state, c.org_id) in (${sql.join(wanted.map((g) => sql`(${g.type}, ${g.state}, ${g.org_id})`))})`)
    .orderBy(sql`next_due asc nulls last`)
    .orderBy('c.id')
    .limit(MAX_ITEMS)
    .execute()) as CaseRow[];
  const out = rows.map((r) => item(k, actor, k.types.get(r.type), r, stepsOf(r.type, r.state, r.org_path)));
  // These are counted above already; only the ones not shown remain to add.
  for (const i of out) uncounted[i.kind]!--;
  return out;
}

async function conditionalTodos(k: Kernel, actor: Actor, pairs: [string, string][]): Promise<TodoItem[]> {
  if (!pairs.length) return [];
  const rows = (await rowsOf(k, actor).where(pairIn(pairs)).execute()) as CaseRow[];
  const candidates = rows.filter((r) => k.types.get(r.type).actions.some((a) => a.from.includes(r.state) && mayTake(actor, r.type, a, r.org_path)));
  const ids = candidates.map((r) => r.id);
  const events = new Map<number, EventView[]>();
  const clocks = new Map<number, Record<string, { dueOn: string | null; status: string; extended: number }>>();
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const [ev, cl] = await Promise.all([
      k.db.selectFrom('case_events').select(['case_id', 'kind', 'occurred_on', 'data', 'actor_id']).where('case_id', 'in', chunk).orderBy('occurred_on').orderBy('id').execute(),
      k.db.selectFrom('case_clocks').select(['case_id', 'clock', 'due_on', 'status', 'extended']).where('case_id', 'in', chunk).execute(),
    ]);
    for (const e of ev) (events.get(e.case_id) ?? events.set(e.case_id, []).get(e.case_id)!).push({ kind: e.kind, on: e.occurred_on, data: e.data ?? {}, by: e.actor_id });
    for (const c of cl) (clocks.get(c.case_id) ?? clocks.set(c.case_id, {}).get(c.case_id)!)[c.clock] = { dueOn: c.due_on, status: c.status, extended: c.extended };
  }
  const out: TodoItem[] = [];
  for (const r of candidates) {
    const def = k.types.get(r.type);
    const ctx = { state: r.state, events: events.get(r.id) ?? [], clocks: clocks.get(r.id) ?? {} };
    const steps = def.actions.filter((a) => a.from.includes(r.state) && mayTake(actor, def.key, a, r.org_path) && offered(def, a, ctx));
    if (steps.length) out.push(item(k, actor, def, r, steps));
  }
  return out;
}

async function reportTodos(k: Kernel, actor: Actor): Promise<TodoItem[]> {
  const rows = await k.db
    .selectFrom('reports as r')
    .innerJoin('orgs as o', 'o.id', 'r.org_id')
    .select(['r.id', 'r.title', 'r.state', 'r.year', 'o.name as org_name', 'o.path as org_path'])
    .select(
      sql<string | null>`(select a.action from audit_events a where a.entity = 'report' and a.entity_id = r.id::text and a.action like 'report.%' and a.action <> 'report.edit' order by a.id desc limit 1)`.as('last_action'),
    )
    .select(sql<any>`(select a.after from audit_events a where a.entity = 'report' and a.entity_id = r.id::text and a.action = 'report.return' order by a.id desc limit 1)`.as('returned'))
    .where('o.path', 'like', `${actor.scopePath}%`)
    .where('r.state', 'in', ['draft', 'review', 'approved'])
    .execute();
  const out: TodoItem[] = [];
  const base = (r: (typeof rows)[number]) => ({ number: null, orgName: r.org_name, typeName: '年度报告', handlerName: null, mine: false, dueOn: null, overdue: false, link: `/reports/${r.id}`, reportId: r.id, title: r.title });
  for (const r of rows) {
    const ownUnit = can(actor, 'reports.submit', r.org_path);
    if (r.state === 'review' && can(actor, 'reports.approve', r.org_path)) out.push({ ...base(r), kind: 'approval', what: '审批报告', stateLabel: '审核中' });
    if (r.state === 'draft' && ownUnit && r.last_action === 'report.return') {
      out.push({ ...base(r), kind: 'returned', what: '按退回意见修改后重新送审', stateLabel: '被退回', comment: (typeof r.returned === 'string' ? JSON.parse(r.returned) : r.returned)?.comment ?? null });
    }
    if (r.state === 'approved' && ownUnit) out.push({ ...base(r), kind: 'step', what: '报送上级', stateLabel: '领导已审批' });
  }
  return out;
}
