import { sql, type Selectable } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/connect.ts';
import type { CaseTable, Role } from '../db/schema.ts';
import type { Kernel } from '../kernel.ts';
import { appendAudit, sm3 } from '../audit/audit.ts';
import { assertCanAct, canSeeOrg, seesPersonalData, ROLE_LABELS, type Actor } from '../auth/actor.ts';
import { getOrg, governmentOf } from '../orgs.ts';
import { isIsoDate, yearOf } from '../calendar/dates.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../errors.ts';
import { parseInput } from '../validation.ts';
import { maskParty, type PartyView } from '../privacy.ts';
import { evaluateClock, daysLeft, type ClockState } from './clocks.ts';
import { outcomeLabel, stateLabel, UNIT_WORDS, type ActionDef, type CaseTypeDef, type ClockDef, type EventView } from './define.ts';

type CaseRow = Selectable<CaseTable>;
const DEFAULT_ROLES: Role[] = ['admin', 'clerk'];
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

async function loadEvents(db: Database, caseId: number): Promise<EventView[]> {
  const rows = await db
    .selectFrom('case_events')
    .select(['kind', 'occurred_on', 'data', 'actor_id'])
    .where('case_id', '=', caseId)
    .orderBy('occurred_on')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ kind: r.kind, on: r.occurred_on, data: r.data ?? {}, by: r.actor_id }));
}

/** Recomputes and stores every clock of a case from its events. */
async function writeClocks(k: Kernel, trx: Database, c: Pick<CaseRow, 'id' | 'type' | 'org_id'> & { fields: any }, def: CaseTypeDef, events: EventView[]) {
  const states: ClockState[] = def.clocks.map((cd) => evaluateClock(k.calendar, cd, events, c.fields ?? {}));
  for (const [i, s] of states.entries()) {
    const row = {
      length: s.length,
      unit: def.clocks[i].unit,
      status: s.status,
      started_on: s.startedOn,
      due_on: s.dueOn,
      stopped_on: s.stoppedOn,
      stopped_by: s.stoppedBy,
      extended: s.extended,
      paused_days: s.pausedDays,
      warnings: JSON.stringify(s.warnings),
      org_id: c.org_id,
    };
    await trx
      .insertInto('case_clocks')
      .values({ case_id: c.id, clock: s.key, type: c.type, ...row })
      .onConflict((oc) => oc.columns(['case_id', 'clock']).doUpdateSet(row))
      .execute();
  }
  return states;
}

export interface CreateCaseInput {
  type: string;
  orgId: number;
  fields: Record<string, unknown>;
}

/** Runs fn in the caller's transaction, or in a new one. */
const inTransaction = <T>(k: Kernel, trx: Database | undefined, fn: (trx: Database) => Promise<T>) => (trx ? fn(trx) : k.db.transaction().execute(fn));

/** Receives a case: 案号, parties, the receipt event and its clocks, in one transaction. */
export async function createCase(k: Kernel, actor: Actor | null, input: CreateCaseInput, trx?: Database): Promise<number> {
  const def = k.types.get(input.type);
  const fields = parseInput(def.intake, input.fields) as Record<string, any>;
  const db = trx ?? k.db;
  const org = await getOrg(db, input.orgId);
  if (actor) assertCanAct(actor, org.path);
  const receivedOn: string = fields.receivedOn;
  if (receivedOn > k.today()) throw badRequest(`收到日期（${receivedOn}）不能晚于今天（${k.today()}）`);
  const government = await governmentOf(db, org.id);
  const { parties = [], ...rest } = fields;
  const year = yearOf(receivedOn);
  return inTransaction(k, trx, async (trx) => {
    // One row per org, type and year; the number only ever goes up, so a 案号 is never reused.
    const { last: seq } = await trx
      .insertInto('case_sequences')
      .values({ org_id: def.numberedBy === 'government' ? government.id : org.id, type: def.key, year, last: 1 })
      .onConflict((oc) => oc.columns(['org_id', 'type', 'year']).doUpdateSet({ last: sql`case_sequences.last + 1` }))
      .returning('last')
      .executeTakeFirstOrThrow();
    const number = def.number({ government: government.shortName, org: org.shortName, year, seq });
    const c = await trx
      .insertInto('cases')
      .values({
        type: def.key,
        org_id: org.id,
        number,
        year,
        seq,
        title: def.title(fields),
        state: def.initial,
        received_on: receivedOn,
        closed_on: def.states[def.initial].final ? receivedOn : null,
        handler_id: actor?.id ?? null,
        fields: JSON.stringify(rest),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    for (const p of parties) {
      await trx
        .insertInto('case_parties')
        .values({ case_id: c.id, role: p.role, name: p.name, id_number: p.idNumber ?? null, phone: p.phone ?? null, address: p.address ?? null })
        .execute();
    }
    await trx
      .insertInto('case_events')
      .values({
        case_id: c.id,
        type: def.key,
        org_id: org.id,
        kind: 'receive',
        occurred_on: receivedOn,
        from_state: null,
        to_state: def.initial,
        outcome: null,
        data: JSON.stringify(rest),
        actor_id: actor?.id ?? null,
      })
      .execute();
    await writeClocks(k, trx, { ...c, fields: rest }, def, [{ kind: 'receive', on: receivedOn, data: rest }]);
    const follow = def.followUp?.(rest);
    if (follow) {
      const linked = await createCase(k, actor, { type: follow.type, orgId: org.id, fields: { ...follow.fields, receivedOn, parties } }, trx);
      await trx.insertInto('case_links').values({ from_case_id: c.id, to_case_id: linked, kind: 'follow_up' }).execute();
    }
    await appendAudit(trx, {
      actorId: actor?.id ?? null,
      action: 'case.create',
      entity: 'case',
      entityId: c.id,
      // Parties go into the audit trail masked: the trail is for accountability, not a copy of the file.
      after: { number, type: def.key, orgId: org.id, state: def.initial, fields: rest, parties: parties.map((p: any) => maskParty({ ...p, idNumber: p.idNumber ?? null, phone: p.phone ?? null, address: p.address ?? null })) },
    });
    return c.id;
  });
}

async function loadCase(k: Kernel, actor: Actor | null, caseId: number, db: Database = k.db) {
  const c = await db
    .selectFrom('cases as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .selectAll('c')
    .select(['o.name as org_name', 'o.path as org_path'])
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  if (!c || (actor && !canSeeOrg(actor, c.org_path))) throw notFound('案件');
  return c;
}

const toClockMap = (rows: { clock: string; due_on: string | null; status: string; extended: number }[]) =>
  Object.fromEntries(rows.map((r) => [r.clock, { dueOn: r.due_on, status: r.status, extended: r.extended }]));

async function clockMap(db: Database, caseId: number) {
  return toClockMap(await db.selectFrom('case_clocks').selectAll().where('case_id', '=', caseId).execute());
}

export interface ActionInput {
  /** The version the clerk saw; a stale one is a conflict, not a silent overwrite. */
  version?: number;
  /** The date the step happened (default today). */
  on?: string;
  /** The case type the caller expects (a per-type route): a case of another type is refused. */
  type?: string;
  data?: Record<string, unknown>;
}

const rolesLabel = (roles: Role[]) => roles.map((r) => ROLE_LABELS[r]).join('或');

/** Takes one step of a case's procedure, with every rule checked before anything is written. */
export async function performAction(k: Kernel, actor: Actor | null, caseId: number, actionKey: string, input: ActionInput = {}, trx?: Database): Promise<void> {
  const db = trx ?? k.db;
  const c = await loadCase(k, actor, caseId, db);
  if (input.type && c.type !== input.type) throw badRequest(`该案件不是${k.types.get(input.type).name}案件`);
  const def = k.types.get(c.type);
  const action = def.actions.find((a) => a.key === actionKey);
  if (!action) throw badRequest(`「${def.name}」没有名为「${actionKey}」的办理环节`);
  if (actor) {
    assertCanAct(actor, c.org_path);
    if (action.system) throw forbidden(`「${action.label}」由系统依法自动处理，不能手工办理`);
    const roles = action.roles ?? DEFAULT_ROLES;
    if (!roles.includes(actor.role)) throw forbidden(`「${action.label}」需由${rolesLabel(roles)}办理`);
  }
  if (!action.from.includes(c.state)) {
    throw new AppError(409, 'invalid_transition', `案件当前处于「${stateLabel(def, c.state)}」，不能办理「${action.label}」`);
  }
  if (input.version !== undefined && input.version !== c.version) {
    throw conflict(`该案件已被他人修改（您看到的是第${input.version}版，当前为第${c.version}版），请刷新后重新办理`, { currentVersion: c.version });
  }
  const on = input.on ?? k.today();
  if (!isIsoDate(on)) throw badRequest(`办理日期「${on}」无效，应为 YYYY-MM-DD 格式的真实日期`);
  if (on > k.today()) throw badRequest(`办理日期（${on}）不能晚于今天（${k.today()}）`);
  const events = await loadEvents(db, c.id);
  const lastOn = events.at(-1)?.on;
  if (lastOn && on < lastOn) throw badRequest(`办理日期（${on}）不能早于上一办理环节的日期（${lastOn}）`);
  const data = action.fields ? (parseInput(action.fields, input.data ?? {}) as Record<string, any>) : {};
  const clocks = await clockMap(db, c.id);
  if (action.when && !action.when({ state: c.state, events, clocks })) {
    throw new AppError(409, 'invalid_transition', `当前条件下不能办理「${action.label}」`);
  }
  const ctx = { state: c.state, events, data, on, clocks, fields: c.fields ?? {}, actorId: actor?.id ?? null };
  const refusal = action.check?.(ctx) ?? checkExtension(def, action, data, on, clocks) ?? (await action.verify?.({ ...ctx, db, orgId: c.org_id, calendar: k.calendar }));
  if (refusal) throw badRequest(refusal);

  const outcome = typeof action.outcome === 'string' ? action.outcome : action.outcome ? (data[action.outcome.field] as string) : null;
  const toState = action.to ?? c.state;
  let orgId = c.org_id;
  if (action.reassignTo) {
    const target = await getOrg(db, Number(data[action.reassignTo]));
    if (actor && !canSeeOrg(actor, target.path)) throw forbidden('承办单位不在您的管辖范围内');
    orgId = target.id;
  }
  const closes = def.states[toState].final === true;
  const spawn = action.spawn?.({ fields: c.fields ?? {}, data, orgId: c.org_id });
  await inTransaction(k, trx, async (trx) => {
    const updated = await trx
      .updateTable('cases')
      .set({
        state: toState,
        outcome: outcome ?? c.outcome,
        closed_on: closes ? (c.closed_on ?? on) : null,
        org_id: orgId,
        version: c.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', c.id)
      .where('version', '=', c.version)
      .returning('version')
      .executeTakeFirst();
    if (!updated) throw conflict('该案件刚被他人修改，请刷新后重新办理');
    await trx
      .insertInto('case_events')
      .values({
        case_id: c.id,
        type: c.type,
        org_id: orgId,
        kind: action.key,
        occurred_on: on,
        outcome,
        from_state: c.state,
        to_state: toState,
        data: JSON.stringify(data),
        actor_id: actor?.id ?? null,
      })
      .execute();
    await writeClocks(k, trx, { ...c, org_id: orgId }, def, [...events, { kind: action.key, on, data }]);
    if (spawn) {
      // The linked case (访调诉 routing, 差评 → 整改) is received the same day with the same parties.
      const parties = await trx.selectFrom('case_parties').selectAll().where('case_id', '=', c.id).execute();
      // A 转送 crosses units: allowed within the same government, without rights over the target.
      if ((await governmentOf(trx, spawn.orgId)).id !== (await governmentOf(trx, c.org_id)).id) throw badRequest('只能转送本级政府所属单位');
      const linked = await createCase(
        k,
        null,
        {
          type: spawn.type,
          orgId: spawn.orgId,
          fields: { ...spawn.fields, receivedOn: on, parties: parties.map((p) => ({ role: p.role, name: p.name, idNumber: p.id_number ?? undefined, phone: p.phone ?? undefined, address: p.address ?? undefined })) },
        },
        trx,
      );
      await trx.insertInto('case_links').values({ from_case_id: c.id, to_case_id: linked, kind: action.key }).execute();
    }
    await appendAudit(trx, {
      actorId: actor?.id ?? null,
      action: `case.${action.key}`,
      entity: 'case',
      entityId: c.id,
      before: { state: c.state, outcome: c.outcome, version: c.version, orgId: c.org_id },
      after: { state: toState, outcome: outcome ?? c.outcome, version: c.version + 1, orgId, on, data },
    });
  });
}

/** Extensions: only while the clock runs, before it expires, and never past the statutory maximum. */
function checkExtension(def: CaseTypeDef, action: ActionDef, data: Record<string, any>, on: string, clocks: Record<string, { dueOn: string | null; status: string; extended: number }>): string | undefined {
  for (const cd of def.clocks) {
    if (!cd.extendOn?.includes(action.key)) continue;
    const cur = clocks[cd.key];
    if (!cur || cur.status !== 'running' || !cur.dueOn) return `「${cd.label}」未在计时，不能延长`;
    if (on > cur.dueOn) return `「${cd.label}」已于${cur.dueOn}届满，不能再延长`;
    const max = cd.maxExtension ?? 0;
    if (cur.extended + Number(data.days) > max) {
      return `「${cd.label}」最多可延长${max}${UNIT_WORDS[cd.unit]}（已延长${cur.extended}），本次最多${max - cur.extended}`;
    }
  }
  return undefined;
}

export interface ClockView extends ClockState {
  label: string;
  basis: string;
  unit: ClockDef['unit'];
  daysLeft: number | null;
  overdue: boolean;
  late: boolean;
}

export function clockView(k: Kernel, def: CaseTypeDef, row: { clock: string; status: any; started_on: string | null; due_on: string | null; stopped_on: string | null; stopped_by: string | null; extended: number; paused_days: number; warnings: any; length: number | null }): ClockView {
  const cd = def.clocks.find((c) => c.key === row.clock)!;
  const today = k.today();
  const running = row.status === 'running' && row.due_on;
  return {
    key: row.clock,
    label: cd.label,
    basis: cd.basis,
    unit: cd.unit,
    length: row.length ?? (typeof cd.length === 'number' ? cd.length : 0),
    status: row.status,
    startedOn: row.started_on,
    dueOn: row.due_on,
    stoppedOn: row.stopped_on,
    stoppedBy: row.stopped_by,
    extended: row.extended,
    pausedDays: row.paused_days,
    warnings: row.warnings ?? [],
    daysLeft: running ? daysLeft(k.calendar, cd.unit, today, row.due_on!) : null,
    overdue: Boolean(running && today > row.due_on!),
    late: Boolean(row.status === 'stopped' && row.due_on && row.stopped_on! > row.due_on),
  };
}

export function actionForm(action: ActionDef) {
  return {
    key: action.key,
    label: action.label,
    basis: action.basis ?? null,
    schema: action.fields ? z.toJSONSchema(action.fields, { io: 'input', unrepresentable: 'any' }) : null,
  };
}

/** What the case page shows: the case, its parties (masked unless the viewer handles it), clocks, timeline, next steps. */
export async function getCase(k: Kernel, actor: Actor, caseId: number) {
  const c = await loadCase(k, actor, caseId);
  const def = k.types.get(c.type);
  const [parties, events, clockRows, attachments, handler, links] = await Promise.all([
    k.db.selectFrom('case_parties').selectAll().where('case_id', '=', c.id).orderBy('id').execute(),
    k.db
      .selectFrom('case_events as e')
      .leftJoin('users as u', 'u.id', 'e.actor_id')
      .select(['e.id', 'e.kind', 'e.occurred_on', 'e.from_state', 'e.to_state', 'e.outcome', 'e.data', 'e.recorded_at', 'u.display_name as actor_name'])
      .where('e.case_id', '=', c.id)
      .orderBy('e.occurred_on')
      .orderBy('e.id')
      .execute(),
    k.db.selectFrom('case_clocks').selectAll().where('case_id', '=', c.id).execute(),
    k.db.selectFrom('attachments').select(['id', 'event_id', 'filename', 'mime', 'size', 'sm3', 'uploaded_at']).where('case_id', '=', c.id).orderBy('id').execute(),
    c.handler_id ? k.db.selectFrom('users').select('display_name').where('id', '=', c.handler_id).executeTakeFirst() : undefined,
    k.db
      .selectFrom('case_links as l')
      .innerJoin('cases as x', (j) => j.on((eb) => eb.or([eb.and([eb('l.from_case_id', '=', c.id), eb('x.id', '=', eb.ref('l.to_case_id'))]), eb.and([eb('l.to_case_id', '=', c.id), eb('x.id', '=', eb.ref('l.from_case_id'))])])))
      .select(['x.id', 'x.number', 'x.type', 'x.state', 'l.kind', 'l.from_case_id'])
      .execute(),
  ]);
  const showPersonal = seesPersonalData(actor, c.org_path);
  const canAct = actor.role !== 'leader';
  const eventViews = events.map((e) => ({ kind: e.kind, on: e.occurred_on, data: e.data ?? {} }));
  const clocks = toClockMap(clockRows);
  const actions = canAct
    ? def.actions.filter(
        (a) =>
          !a.system &&
          a.from.includes(c.state) &&
          (a.roles ?? DEFAULT_ROLES).includes(actor.role) &&
          (!a.when || a.when({ state: c.state, events: eventViews, clocks })),
      )
    : [];
  const actionLabel = (kind: string) => (kind === 'receive' ? '收到申请' : def.actions.find((a) => a.key === kind)?.label ?? kind);
  return {
    id: c.id,
    type: c.type,
    typeName: def.name,
    number: c.number,
    title: c.title,
    state: c.state,
    stateLabel: stateLabel(def, c.state),
    final: def.states[c.state]?.final === true,
    outcome: c.outcome,
    outcomeLabel: outcomeLabel(def, c.outcome),
    orgId: c.org_id,
    orgName: c.org_name,
    receivedOn: c.received_on,
    closedOn: c.closed_on,
    handlerName: handler?.display_name ?? null,
    fields: c.fields,
    version: c.version,
    personalDataMasked: !showPersonal,
    parties: parties.map((p): PartyView => {
      const raw = { role: p.role, name: p.name, idNumber: p.id_number, phone: p.phone, address: p.address };
      return showPersonal ? { ...raw, masked: false } : maskParty(raw);
    }),
    clocks: def.clocks
      .map((cd) => clockRows.find((r) => r.clock === cd.key))
      .filter((r): r is NonNullable<typeof r> => Boolean(r))
      .map((r) => clockView(k, def, r)),
    timeline: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      label: actionLabel(e.kind),
      on: e.occurred_on,
      fromState: e.from_state,
      toState: e.to_state,
      toStateLabel: stateLabel(def, e.to_state),
      outcome: e.outcome,
      outcomeLabel: outcomeLabel(def, e.outcome),
      data: e.data,
      actorName: e.actor_name ?? '系统',
      recordedAt: e.recorded_at,
    })),
    actions: actions.map(actionForm),
    attachments: attachments.map((a) => {
      const e = events.find((x) => x.id === a.event_id);
      return { ...a, size: Number(a.size), step: e ? `${e.occurred_on} ${actionLabel(e.kind)}` : null };
    }),
    links: links.map((l) => {
      const t = k.types.get(l.type);
      return { caseId: l.id, number: l.number, typeName: t.name, stateLabel: stateLabel(t, l.state), direction: l.from_case_id === c.id ? '转出' : '来源', via: def.actions.find((a) => a.key === l.kind)?.label ?? t.actions.find((a) => a.key === l.kind)?.label ?? l.kind };
    }),
  };
}

export const caseListQuery = z.object({
  type: z.string().optional(),
  state: z.string().optional(),
  orgId: z.coerce.number().int().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  open: z.enum(['true', 'false']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type CaseListQuery = z.infer<typeof caseListQuery>;

/** The case list: scoped to what the actor may see, filtered, with each case's nearest due date. */
export async function listCases(k: Kernel, actor: Actor, q: CaseListQuery) {
  const today = k.today();
  let scopePath = actor.scopePath;
  if (q.orgId) {
    const org = await getOrg(k.db, q.orgId);
    if (!canSeeOrg(actor, org.path)) throw notFound('单位');
    scopePath = org.path;
  }
  let base = k.db
    .selectFrom('cases as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .where('o.path', 'like', `${scopePath}%`);
  if (q.type) base = base.where('c.type', '=', q.type);
  if (q.state) base = base.where('c.state', '=', q.state);
  if (q.year) base = base.where('c.year', '=', q.year);
  if (q.open === 'true') base = base.where('c.closed_on', 'is', null);
  if (q.open === 'false') base = base.where('c.closed_on', 'is not', null);
  if (q.q) base = base.where((eb) => eb.or([eb('c.number', 'like', `%${q.q}%`), eb('c.title', 'like', `%${q.q}%`)]));
  const overdueExists = sql<boolean>`exists (select 1 from case_clocks cc where cc.case_id = c.id and cc.status = 'running' and cc.due_on < ${today})`;
  if (q.overdue === 'true') base = base.where(overdueExists);
  const [{ total }] = await base.select(sql<number>`count(*)::int`.as('total')).execute();
  const rows = await base
    .select([
      'c.id',
      'c.type',
      'c.number',
      'c.title',
      'c.state',
      'c.outcome',
      'c.received_on',
      'c.closed_on',
      'o.name as org_name',
      sql<string | null>`(select min(cc.due_on) from case_clocks cc where cc.case_id = c.id and cc.status = 'running')`.as('next_due'),
      overdueExists.as('overdue'),
    ])
    .orderBy('c.received_on', 'desc')
    .orderBy('c.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => {
      const def = k.types.get(r.type);
      return {
        id: r.id,
        type: r.type,
        typeName: def.name,
        number: r.number,
        title: r.title,
        state: r.state,
        stateLabel: stateLabel(def, r.state),
        outcomeLabel: outcomeLabel(def, r.outcome),
        orgName: r.org_name,
        receivedOn: r.received_on,
        closedOn: r.closed_on,
        nextDue: r.next_due,
        overdue: Boolean(r.overdue),
      };
    }),
  };
}

/** Applies what the law makes happen when nobody acted in time (e.g. 复议 视为受理). */
export async function applyExpiries(k: Kernel): Promise<number> {
  let applied = 0;
  for (const def of k.types.all()) {
    for (const cd of def.clocks) {
      if (!cd.onExpiry) continue;
      const action = def.actions.find((a) => a.key === cd.onExpiry!.action)!;
      const due = await k.db
        .selectFrom('case_clocks as cc')
        .innerJoin('cases as c', 'c.id', 'cc.case_id')
        .select(['cc.case_id', 'cc.due_on'])
        .where('cc.type', '=', def.key)
        .where('cc.clock', '=', cd.key)
        .where('cc.status', '=', 'running')
        .where('cc.due_on', '<', k.today())
        .where('c.state', 'in', action.from)
        .execute();
      for (const r of due) {
        await performAction(k, null, r.case_id, action.key, { on: r.due_on! });
        applied++;
      }
    }
  }
  return applied;
}

/** After a calendar change every stored due date is recomputed from the events. */
export async function recomputeAllClocks(k: Kernel, onProgress?: (done: number) => void): Promise<number> {
  let lastId = 0;
  let done = 0;
  for (;;) {
    const batch = await k.db.selectFrom('cases').select(['id', 'type', 'org_id', 'fields']).where('id', '>', lastId).orderBy('id').limit(500).execute();
    if (batch.length === 0) return done;
    await k.db.transaction().execute(async (trx) => {
      for (const c of batch) await writeClocks(k, trx, c, k.types.get(c.type), await loadEvents(trx, c.id));
    });
    lastId = batch.at(-1)!.id;
    done += batch.length;
    onProgress?.(done);
  }
}

/**
 * 全过程记录: a file documents the case's current step (its latest event). Once a later step is
 * taken, that step is closed and its record can no longer be added to; a trigger refuses any
 * change or deletion of a stored file, and its SM3 is in the audit chain.
 */
export async function addAttachment(k: Kernel, actor: Actor, caseId: number, file: { filename: string; mime: string; content: Buffer; eventId?: number }) {
  const c = await loadCase(k, actor, caseId);
  assertCanAct(actor, c.org_path);
  if (file.content.length === 0) throw badRequest('附件为空文件');
  if (file.content.length > MAX_ATTACHMENT_BYTES) throw badRequest(`附件不能超过${MAX_ATTACHMENT_BYTES / 1024 / 1024}MB`);
  const hash = sm3(file.content);
  const latest = await k.db.selectFrom('case_events').select(['id', 'kind']).where('case_id', '=', c.id).orderBy('occurred_on', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
  if (file.eventId !== undefined && file.eventId !== latest.id) throw conflict('该环节已办结，其全过程记录材料不能再补充；材料只能附于当前环节');
  return k.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('attachments')
      .values({ case_id: c.id, event_id: latest.id, filename: file.filename, mime: file.mime, size: file.content.length, sm3: hash, content: file.content, uploaded_by: actor.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actorId: actor.id, action: 'case.attach', entity: 'case', entityId: c.id, after: { attachmentId: row.id, step: latest.kind, eventId: latest.id, filename: file.filename, size: file.content.length, sm3: hash } });
    return row.id;
  });
}

export async function getAttachment(k: Kernel, actor: Actor, id: number) {
  const a = await k.db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) throw notFound('附件');
  await loadCase(k, actor, a.case_id);
  return a;
}
