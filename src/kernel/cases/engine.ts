import { sql, type Insertable, type Selectable } from 'kysely';
import { z } from 'zod';
import { builtOnce, type Database } from '../db/connect.ts';
import { builtByShape } from '../db/shaped.ts';
import type { CaseClockTable, CaseEventTable, CaseTable } from '../db/schema.ts';
import type { Kernel } from '../kernel.ts';
import { appendAudit, appendToLockedChain, chainHeadOf, chainLockColumns, sm3 } from '../audit/audit.ts';
import { casesWithPartyContact, insertParties, isContactQuery, openParties, partiesOfCaseColumn, readParties } from './parties.ts';
import { canSeeOrg, seesPersonalData, type Actor } from '../auth/actor.ts';
import { assertCan, can, casePermission, handles, IMPORT, INTAKE } from '../auth/permissions.ts';
import { getOrg, governmentOf } from '../orgs.ts';
import { addHours, asInstant, isIsoDate, yearOf } from '../calendar/dates.ts';
import { relevantWarnings } from '../calendar/calendar.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../errors.ts';
import { likeContains, MAX_PAGE, parseInput, recordIdParam } from '../validation.ts';
import { maskCaseTitle, maskCaseView, maskParty, NameIndex, personNames, type PartyRecord, type PartyView } from '../privacy.ts';
import { evaluateClock, daysLeft, dueInstantSql, keptTime, overdueSql, pastDue, type ClockState } from './clocks.ts';
import { cachedRead } from '../read-cache.ts';
import { clockUnit, outcomeLabel, stateLabel, UNIT_WORDS, type ActionContext, type ActionDef, type CaseTypeDef, type ClockDef, type ClockUnit, type EventView } from './define.ts';

type CaseRow = Selectable<CaseTable>;
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

/** Every clock of a case recomputed from its events, as case_clocks rows. */
function clockRows(k: Kernel, c: Pick<CaseRow, 'id' | 'type' | 'org_id'> & { fields: any }, def: CaseTypeDef, events: EventView[]) {
  return def.clocks.map((cd) => {
    const s = evaluateClock(k.calendar, cd, events, c.fields ?? {});
    return {
      case_id: c.id,
      clock: s.key,
      type: c.type,
      length: s.length,
      unit: clockUnit(cd, c.fields ?? {}),
      status: s.status,
      started_on: s.startedOn,
      due_on: s.dueOn,
      stopped_on: s.stoppedOn,
      due_at: s.dueAt,
      stopped_at: s.stoppedAt,
      stopped_by: s.stoppedBy,
      extended: s.extended,
      paused_days: s.pausedDays,
      warnings: JSON.stringify(s.warnings),
      org_id: c.org_id,
    };
  });
}

/** One INSERT … ON CONFLICT for all the clocks of a case (a case type has several). */
const upsertClocks = (trx: Database, rows: ReturnType<typeof clockRows>) =>
  trx
    .insertInto('case_clocks')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['case_id', 'clock']).doUpdateSet((eb) => ({
        length: eb.ref('excluded.length'),
        unit: eb.ref('excluded.unit'),
        status: eb.ref('excluded.status'),
        started_on: eb.ref('excluded.started_on'),
        due_on: eb.ref('excluded.due_on'),
        stopped_on: eb.ref('excluded.stopped_on'),
        due_at: eb.ref('excluded.due_at'),
        stopped_at: eb.ref('excluded.stopped_at'),
        stopped_by: eb.ref('excluded.stopped_by'),
        extended: eb.ref('excluded.extended'),
        paused_days: eb.ref('excluded.paused_days'),
        warnings: eb.ref('excluded.warnings'),
        org_id: eb.ref('excluded.org_id'),
      })),
    );

/** Recomputes and stores every clock of a case from its events. */
async function writeClocks(k: Kernel, trx: Database, c: Pick<CaseRow, 'id' | 'type' | 'org_id'> & { fields: any }, def: CaseTypeDef, events: EventView[]) {
  const rows = clockRows(k, c, def, events);
  if (rows.length) await upsertClocks(trx, rows).execute();
}

export interface CreateCaseInput {
  type: string;
  orgId: number;
  fields: Record<string, unknown>;
  /**
   * Opened as the consequence of a step already authorised (a draw, 评查 sampling, a follow-up
   * order) or recorded from another system's export (import): no intake duty of its own.
   */
  openedBy?: 'draw' | 'sampling' | 'follow_up' | 'import';
}

/** Runs fn in the caller's transaction, or in a new one. */
const inTransaction = <T>(k: Kernel, trx: Database | undefined, fn: (trx: Database) => Promise<T>) => (trx ? fn(trx) : k.db.transaction().execute(fn));

/** Receives a case: 案号, parties, the receipt event and its clocks, in one transaction. */
export async function createCase(k: Kernel, actor: Actor | null, input: CreateCaseInput, trx?: Database): Promise<number> {
  const def = k.types.get(input.type);
  const fields = parseInput(def.intake, input.fields) as Record<string, any>;
  const db = trx ?? k.db;
  const org = await getOrg(db, input.orgId);
  if (actor) {
    const need = input.openedBy === 'import' ? IMPORT : input.openedBy ? null : INTAKE;
    if (need) assertCan(actor, casePermission(def.key, need), org.path, `${need === IMPORT ? '导入' : '登记'}${def.name}`);
  }
  const receivedOn: string = fields.receivedOn;
  if (receivedOn > k.today()) throw badRequest(`收到日期（${receivedOn}）不能晚于今天（${k.today()}）`);
  const government = await governmentOf(db, org.id);
  // An org named on the intake (the 制定机关 of a 规范性文件 filed at the 司法局) is one of this district's.
  for (const key of intakeOrgFields(def)) {
    if (fields[key] === undefined) continue;
    const named = await getOrg(db, Number(fields[key])).catch(() => { throw badRequest(`${intakeTitle(def, key)}（编号${fields[key]}）不存在`); });
    if ((await governmentOf(db, named.id)).id !== government.id) throw badRequest(`${intakeTitle(def, key)}须为本级政府所属单位`);
  }
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
    await insertParties(trx, c.id, parties);
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
      const linked = await createCase(k, actor, { type: follow.type, orgId: org.id, fields: { ...follow.fields, receivedOn, parties }, openedBy: 'follow_up' }, trx);
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

/** The intake fields that name an org (f.org), read once per case type. */
const orgFieldsByType = new WeakMap<CaseTypeDef, string[]>();
const fieldMeta = (s: any): Record<string, any> => s.meta?.() ?? s.unwrap?.().meta?.() ?? {};
function intakeOrgFields(def: CaseTypeDef): string[] {
  let keys = orgFieldsByType.get(def);
  if (!keys) orgFieldsByType.set(def, (keys = Object.entries(def.intake.shape as Record<string, any>).filter(([, s]) => fieldMeta(s).widget === 'org').map(([key]) => key)));
  return keys;
}
const intakeTitle = (def: CaseTypeDef, key: string) => fieldMeta((def.intake.shape as Record<string, any>)[key]).title ?? key;

async function loadCase(k: Kernel, actor: Actor | null, caseId: number, db: Database = k.db) {
  const c = await db
    .selectFrom('cases as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .selectAll('c')
    .select(['o.name as org_name', 'o.path as org_path'])
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  if (!c || (actor && !can(actor, 'business.read', c.org_path))) throw notFound('案件');
  return c;
}

const toClockMap = (rows: { clock: string; due_on: string | null; status: string; extended: number }[]) =>
  Object.fromEntries(rows.map((r) => [r.clock, { dueOn: r.due_on, status: r.status, extended: r.extended }]));

export interface ActionInput {
  /** The version the clerk saw; a stale one is a conflict, not a silent overwrite. */
  version?: number;
  /** The date the step happened (default today). */
  on?: string;
  /** The case type the caller expects (a per-type route): a case of another type is refused. */
  type?: string;
  data?: Record<string, unknown>;
  /** A step recorded from another system's export (12345 工单): needs the import duty, not the step's. */
  imported?: boolean;
}

/** A refusal that names an article, or the 文号 of the document that sets the rule (国办发〔2024〕54号), is the law's. */
const NAMES_ARTICLE = /第[一二三四五六七八九十百零〇\d]+条|〔\d{4}〕\d+号/;

/** Takes one step of a case's procedure, with every rule checked before anything is written. */
/** What a step reads first: the case, its events and its clocks (built once: see builtOnce). */
const stepRead = builtOnce('fazhi_step_case', (db, caseId) =>
  db
    .selectFrom('cases as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .selectAll('c')
    .select(['o.name as org_name', 'o.path as org_path'])
    .select(
      sql<{ kind: string; on: string; data: Record<string, any> | null; by: number | null }[]>`(SELECT coalesce(json_agg(json_build_object('kind', e.kind, 'on', e.occurred_on, 'data', e.data, 'by', e.actor_id) ORDER BY e.occurred_on, e.id), '[]') FROM case_events e WHERE e.case_id = c.id)`.as(
        'event_list',
      ),
    )
    .select(sql<{ clock: string; due_on: string | null; status: string; extended: number }[]>`(SELECT coalesce(json_agg(json_build_object('clock', cc.clock, 'due_on', cc.due_on, 'status', cc.status, 'extended', cc.extended)), '[]') FROM case_clocks cc WHERE cc.case_id = c.id)`.as('clock_list'))
    .where('c.id', '=', caseId),
);

type CaseSet = { state: string; outcome: string | null; closed_on: string | null; org_id: number; handler_id: number | null; version: number; updated_at: Date };

/** A step's update of its case (only if still at the version read), locking its audit chain in variant 'lock'. */
const stepUpdate = builtByShape('step_update', (db, v: { set: CaseSet; id: number; version: number }, variant) =>
  db
    .with('u', (db) => db.updateTable('cases').set(v.set).where('id', '=', v.id).where('version', '=', v.version).returning('version'))
    .selectFrom('u')
    .select('u.version')
    .$if(variant === 'lock', (q) => q.select(chainLockColumns())),
);

/** A step's event and its case's recomputed clocks; in variant 'lock' also the head of the chain it locked. */
const stepWrite = builtByShape('step_write', (db, v: { event: Insertable<CaseEventTable>; clocks: ReturnType<typeof clockRows>; chain: number | undefined }, variant) =>
  db
    .with('e', (db) => db.insertInto('case_events').values(v.event))
    .with('k', (db) => (v.clocks.length ? upsertClocks(db as Database, v.clocks) : db.selectNoFrom(sql`1`.as('x'))) as any)
    .selectNoFrom((eb) => (variant === 'lock' ? [chainHeadOf(eb as unknown as Database, v.chain!).as('head')] : [sql<null>`null`.as('head')])),
);

export async function performAction(k: Kernel, actor: Actor | null, caseId: number, actionKey: string, input: ActionInput = {}, trx?: Database): Promise<void> {
  const db = trx ?? k.db;
  // The case, its events and its clocks in one round trip: this is the busiest write path.
  const c = await stepRead(k.db, db, caseId);
  if (!c || (actor && !can(actor, 'business.read', c.org_path))) throw notFound('案件');
  if (input.type && c.type !== input.type) throw badRequest(`该案件不是${k.types.get(input.type).name}案件`);
  const def = k.types.get(c.type);
  const action = def.actions.find((a) => a.key === actionKey);
  if (!action) throw badRequest(`「${def.name}」没有名为「${actionKey}」的办理环节`);
  if (actor) {
    if (action.system) throw forbidden(`「${action.label}」由系统依法自动处理，不能手工办理`);
    if (input.imported) assertCan(actor, casePermission(c.type, IMPORT), c.org_path, `导入${def.name}`);
    else assertCan(actor, casePermission(c.type, action.key), c.org_path, `${def.name}·${action.label}`);
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
  const events: EventView[] = c.event_list.map((e) => ({ kind: e.kind, on: e.on, data: e.data ?? {}, by: e.by }));
  const lastOn = events.at(-1)?.on;
  if (lastOn && on < lastOn) throw badRequest(`办理日期（${on}）不能早于上一办理环节的日期（${lastOn}）`);
  const data = action.fields ? (parseInput(action.fields, input.data ?? {}) as Record<string, any>) : {};
  const clocks = toClockMap(c.clock_list);
  const ctx = { state: c.state, events, data, on, clocks, fields: c.fields ?? {}, actorId: actor?.id ?? null };
  if (!offered(def, action, { state: c.state, events, clocks })) throw notOffered(def, action, ctx);
  const refusal = action.check?.(ctx) ?? checkExtension(def, action, data, on, clocks) ?? (await action.verify?.({ ...ctx, db, orgId: c.org_id, calendar: k.calendar }));
  // A step the law does not allow is a conflict with the law (409) and its message names the article.
  if (refusal) throw NAMES_ARTICLE.test(refusal) ? new AppError(409, 'refused_by_law', refusal) : badRequest(refusal);
  // A step about another case: what it records about that case is read from it, not typed.
  let referred: { caseId: number; data: Record<string, unknown> } | undefined;
  const found = action.refersTo ? await action.refersTo.find({ ...ctx, db, orgId: c.org_id, calendar: k.calendar }) : null;
  if (typeof found === 'string') throw NAMES_ARTICLE.test(found) ? new AppError(409, 'refused_by_law', found) : badRequest(found);
  if (found) {
    if ((await governmentOf(db, (await loadCase(k, null, found.caseId, db)).org_id)).id !== (await governmentOf(db, c.org_id)).id) throw badRequest('只能关联本级政府所属单位的案件');
    referred = found;
    Object.assign(data, found.data);
  }

  const outcome = typeof action.outcome === 'string' ? action.outcome : action.outcome ? (data[action.outcome.field] as string) : null;
  const toState = action.to ?? c.state;
  let orgId = c.org_id;
  if (action.reassignTo) {
    const target = await getOrg(db, Number(data[action.reassignTo]));
    if (actor && !canSeeOrg(actor, target.path)) throw forbidden('承办单位不在您的管辖范围内');
    orgId = target.id;
  }
  const closes = def.states[toState].final === true;
  const handlerId = nextHandler(c.handler_id, c.org_id, orgId, actor, orgId === c.org_id ? c.org_path : (await getOrg(db, orgId)).path);
  const spawn = action.spawn?.({ fields: c.fields ?? {}, data, orgId: c.org_id, state: c.state, events });
  const audit = {
    actorId: actor?.id ?? null,
    action: `case.${action.key}`,
    entity: 'case',
    entityId: c.id,
    before: { state: c.state, outcome: c.outcome, version: c.version, orgId: c.org_id },
    after: { state: toState, outcome: outcome ?? c.outcome, version: c.version + 1, orgId, on, data },
  };
  const event = {
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
  };
  const clockValues = clockRows(k, { ...c, org_id: orgId }, def, [...events, { kind: action.key, on, data }]);
  await inTransaction(k, trx, async (trx) => {
    // A step that opens a linked case takes row locks (the 案号 sequence) after this statement, and
    // one that records a step on the case it refers to appends that step's audit first, so both
    // lock their audit chain at the end as every other writer does; a plain step locks the chain
    // here, after its case row, and saves two round trips.
    const lockEarly = !spawn && !(referred && action.refersTo?.mirror);
    const [updated] = await stepUpdate<{ version: number; audit_chain?: number }>(
      trx,
      {
        set: { state: toState, outcome: outcome ?? c.outcome, closed_on: closes ? (c.closed_on ?? on) : null, org_id: orgId, handler_id: handlerId, version: c.version + 1, updated_at: new Date() },
        id: c.id,
        version: c.version,
      },
      lockEarly ? 'lock' : '',
    );
    if (!updated) throw conflict('该案件刚被他人修改，请刷新后重新办理');
    // The event and the recomputed clocks in one statement, which also reads the chain head (after the lock).
    const [written] = await stepWrite<{ head: string | null }>(trx, { event, clocks: clockValues, chain: lockEarly ? Number(updated.audit_chain) : undefined }, lockEarly ? 'lock' : '');
    if (spawn) {
      // The linked case (访调诉 routing, 差评 → 整改) is received the same day with the same parties.
      const parties = await readParties(trx, [c.id]);
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
    if (referred) {
      // The earlier case is the source: on its page this one shows as where it went.
      const [from, to] = action.refersTo!.sourceIsThis ? [c.id, referred.caseId] : [referred.caseId, c.id];
      await trx.insertInto('case_links').values({ from_case_id: from, to_case_id: to, kind: action.key }).execute();
      if (action.refersTo!.mirror) await performAction(k, null, referred.caseId, action.refersTo!.mirror, { on, data: { ...referred.data, linkedCaseId: c.id, linkedNumber: c.number } }, trx);
    }
    if (lockEarly) await appendToLockedChain(trx, { chain: Number(updated.audit_chain), head: written.head }, [audit]);
    else await appendAudit(trx, audit);
  });
}

/**
 * The 经办人 follows the case: a step that moves it to another unit (派单) leaves it unassigned, and
 * the first person of the handling unit who then acts (签收) becomes its 经办人. Others acting on it
 * (the centre's 回访, an admin's approval) do not take it over.
 */
export function nextHandler(current: number | null, fromOrgId: number, toOrgId: number, actor: Pick<Actor, 'id' | 'orgPath'> | null, toOrgPath: string): number | null {
  if (fromOrgId !== toOrgId) return null;
  if (current === null && actor && actor.orgPath.startsWith(toOrgPath)) return actor.id;
  return current;
}

/** The clocks a step extends, or asks to extend (复议 延期, 申请延长). */
const extendedBy = (def: CaseTypeDef, action: ActionDef) => def.clocks.filter((cd) => cd.extendOn?.includes(action.key) || cd.requestOn?.includes(action.key));

/**
 * The clocks an extension step acts on now: those of its clocks that are running, or all of them
 * when none is (so the refusal names them). A step may extend one of two successive periods (12345
 * 办理 and 重办), and only the one that runs can be extended.
 */
const extensionTargets = (def: CaseTypeDef, action: ActionDef, clocks: Record<string, { status: string }>) => {
  const all = extendedBy(def, action);
  const running = all.filter((cd) => clocks[cd.key]?.status === 'running');
  return running.length ? running : all;
};

/** Whether offering a step depends on the case's history: its `when`, or an extension cap read from the clocks. */
export function dependsOnHistory(def: CaseTypeDef, action: ActionDef): boolean {
  return Boolean(action.when) || extendedBy(def, action).length > 0;
}

/**
 * Whether a step is offered now: its own condition holds, and a step that extends a clock (or asks
 * for that) still has extension left on a running clock, so the page never offers what the law
 * then refuses (申请延长 after the 30 日 are used).
 */
export function offered(def: CaseTypeDef, action: ActionDef, ctx: { state: string; events: EventView[]; clocks: Record<string, { dueOn: string | null; status: string; extended: number }> }): boolean {
  if (action.when && !action.when(ctx)) return false;
  return extensionTargets(def, action, ctx.clocks).every((cd) => {
    const cur = ctx.clocks[cd.key];
    return cur !== undefined && cur.status === 'running' && cur.extended < (cd.maxExtension ?? 0);
  });
}

/** The refusal for a step that is not offered: the law's own reason when the step's check names one. */
export function notOffered(def: CaseTypeDef, action: ActionDef, ctx: ActionContext): AppError {
  const why = action.check?.(ctx) ?? checkExtension(def, action, { ...ctx.data, days: Math.max(1, Number(ctx.data.days) || 1) }, ctx.on, ctx.clocks);
  // The same answer as a refusal of a step that is offered: 409 when the law's article is named, else 400.
  if (why) return NAMES_ARTICLE.test(why) ? new AppError(409, 'refused_by_law', why) : badRequest(why);
  return new AppError(409, 'invalid_transition', `当前条件下不能办理「${action.label}」`);
}

/** Extensions: only while the clock runs, before it expires, and never past the statutory maximum. */
export function checkExtension(def: CaseTypeDef, action: ActionDef, data: Record<string, any>, on: string, clocks: Record<string, { dueOn: string | null; status: string; extended: number }>): string | undefined {
  for (const cd of extensionTargets(def, action, clocks)) {
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

export function clockView(
  k: Kernel,
  def: CaseTypeDef,
  row: { clock: string; unit?: string | null; status: any; started_on: string | null; due_on: string | null; stopped_on: string | null; due_at?: string | null; stopped_at?: string | null; stopped_by: string | null; extended: number; paused_days: number; warnings: any; length: number | null },
): ClockView {
  const cd = def.clocks.find((c) => c.key === row.clock)!;
  const today = k.today();
  const running = row.status === 'running' && row.due_on;
  // The unit this case's clock counts in (12345: hours for a 紧急 order), as stored with it.
  const unit = (row.unit as ClockUnit | null | undefined) ?? cd.unit;
  const dueAt = asInstant(row.due_at);
  const stoppedAt = asInstant(row.stopped_at);
  // The start instant is not stored: it is the due instant less the period (hour clocks have no pauses).
  const startedAt = dueAt && row.length !== null ? addHours(dueAt, -(row.length + row.extended)) : null;
  return {
    key: row.clock,
    label: cd.label,
    basis: cd.basis,
    unit,
    length: row.length ?? (typeof cd.length === 'number' ? cd.length : 0),
    status: row.status,
    startedOn: row.started_on,
    dueOn: row.due_on,
    stoppedOn: row.stopped_on,
    startedAt,
    dueAt,
    stoppedAt,
    stoppedBy: row.stopped_by,
    extended: row.extended,
    pausedDays: row.paused_days,
    warnings: relevantWarnings(row.warnings ?? [], row.status === 'stopped' ? row.stopped_on : null),
    daysLeft: running ? daysLeft(k.calendar, unit, today, row.due_on!) : null,
    overdue: Boolean(running && pastDue({ dueOn: row.due_on, dueAt }, k.now())),
    late: row.status === 'stopped' && Boolean(row.due_on) && !keptTime({ dueOn: row.due_on, stoppedOn: row.stopped_on, dueAt, stoppedAt }),
  };
}

/** A step's form as the console draws it. Definitions never change, so each is built once (zod's JSON Schema was a tenth of a step's CPU over HTTP). */
const actionForms = new WeakMap<ActionDef, { key: string; label: string; basis: string | null; schema: Record<string, unknown> | null }>();
export function actionForm(action: ActionDef) {
  let form = actionForms.get(action);
  if (!form) {
    form = {
      key: action.key,
      label: action.label,
      basis: action.basis ?? null,
      schema: action.fields ? z.toJSONSchema(action.fields, { io: 'input', unrepresentable: 'any' }) : null,
    };
    actionForms.set(action, form);
  }
  return form;
}

/** The case page's one query (built once: see builtOnce). */
const caseViewRead = builtOnce('fazhi_case_view', (db, caseId) =>
  db
    .selectFrom('cases as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .selectAll('c')
    .select(['o.name as org_name', 'o.path as org_path'])
    .select([
      sql<{ id: number; kind: string; occurred_on: string; from_state: string | null; to_state: string; outcome: string | null; data: any; recorded_at: string; actor_name: string | null }[]>`(SELECT coalesce(json_agg(json_build_object('id', e.id, 'kind', e.kind, 'occurred_on', e.occurred_on, 'from_state', e.from_state, 'to_state', e.to_state, 'outcome', e.outcome, 'data', e.data, 'recorded_at', e.recorded_at, 'actor_name', u.display_name) ORDER BY e.occurred_on, e.id), '[]') FROM case_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.case_id = c.id)`.as(
        'event_rows',
      ),
      sql<Selectable<CaseClockTable>[]>`(SELECT coalesce(json_agg(cc), '[]') FROM case_clocks cc WHERE cc.case_id = c.id)`.as('clock_rows'),
      sql<{ id: number; event_id: number | null; filename: string; mime: string; size: number; sm3: string; uploaded_at: string }[]>`(SELECT coalesce(json_agg(json_build_object('id', a.id, 'event_id', a.event_id, 'filename', a.filename, 'mime', a.mime, 'size', a.size, 'sm3', a.sm3, 'uploaded_at', a.uploaded_at) ORDER BY a.id), '[]') FROM attachments a WHERE a.case_id = c.id)`.as(
        'attachment_rows',
      ),
      partiesOfCaseColumn().as('party_rows'),
      sql<string | null>`(SELECT h.display_name FROM users h WHERE h.id = c.handler_id)`.as('handler_name'),
      sql<{ id: number; number: string; type: string; state: string; kind: string; from_case_id: number }[]>`(SELECT coalesce(json_agg(json_build_object('id', x.id, 'number', x.number, 'type', x.type, 'state', x.state, 'kind', l.kind, 'from_case_id', l.from_case_id)), '[]') FROM case_links l JOIN cases x ON (l.from_case_id = c.id AND x.id = l.to_case_id) OR (l.to_case_id = c.id AND x.id = l.from_case_id))`.as(
        'link_rows',
      ),
    ])
    .where('c.id', '=', caseId),
);

/** What the case page shows: the case, its parties (masked unless the viewer handles it), clocks, timeline, next steps. */
export async function getCase(k: Kernel, actor: Actor, caseId: number) {
  // The case page after every step: its parties, events, clocks, files, handler and links come
  // with the case in one query (one round trip, one pooled connection).
  const c = await caseViewRead(k.db, k.db, caseId);
  if (!c) throw notFound('案件');
  const def = k.types.get(c.type);
  // Read through a named org only: the case is not the actor's to act on, and its links lead into
  // the filing org's other work.
  const namedOnly = !can(actor, 'business.read', c.org_path);
  if (namedOnly && !(await readsAsNamedOrg(k, actor, def, c.fields))) throw notFound('案件');
  const parties = openParties(c.party_rows);
  // Timestamps come back from JSON as text: the same instants as Dates, as a plain query gives them.
  const events = c.event_rows.map((e) => ({ ...e, recorded_at: new Date(e.recorded_at) }));
  const clockRows = c.clock_rows;
  const attachments = c.attachment_rows.map((a) => ({ ...a, uploaded_at: new Date(a.uploaded_at) }));
  const handler = c.handler_id ? { display_name: c.handler_name } : undefined;
  const links = c.link_rows;
  const showPersonal = seesPersonalData(actor, c.type, c.org_path);
  const eventViews = events.map((e) => ({ kind: e.kind, on: e.occurred_on, data: e.data ?? {} }));
  const clocks = toClockMap(clockRows);
  const actions = def.actions.filter(
    (a) => !a.system && a.from.includes(c.state) && can(actor, casePermission(c.type, a.key), c.org_path) && offered(def, a, { state: c.state, events: eventViews, clocks }),
  );
  const actionLabel = (kind: string) => (kind === 'receive' ? '收到申请' : def.actions.find((a) => a.key === kind)?.label ?? kind);
  const partyRecords: PartyRecord[] = parties.map((p) => ({ role: p.role, name: p.name, idNumber: p.id_number, phone: p.phone, address: p.address, kind: p.kind }));
  const view = {
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
    parties: partyRecords.map(({ kind: _kind, ...p }): PartyView => ({ ...p, masked: false })),
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
    actions: actions.map((a) => ({ ...actionForm(a), defaults: a.prefill?.({ state: c.state, events: eventViews, clocks }) ?? {} })),
    attachments: attachments.map((a) => {
      const e = events.find((x) => x.id === a.event_id);
      return { ...a, size: Number(a.size), step: e ? `${e.occurred_on} ${actionLabel(e.kind)}` : null };
    }),
    links: (namedOnly ? [] : links).map((l) => {
      const t = k.types.get(l.type);
      return { caseId: l.id, number: l.number, typeName: t.name, stateLabel: stateLabel(t, l.state), direction: l.from_case_id === c.id ? '转出' : '来源', via: def.actions.find((a) => a.key === l.kind)?.label ?? t.actions.find((a) => a.key === l.kind)?.label ?? l.kind };
    }),
  };
  // Free text may name the people of other cases too: every person the records know of is masked.
  return showPersonal ? view : maskCaseView(view, partyRecords, NameIndex.of(await knownPersonNames(k, '/')).with(personFieldValues(def, c.fields)));
}

/**
 * The intake fields that count a case for another org than the one it is filed at: an indicator's
 * `orgField` (a 规范性文件 is counted for its 制定机关, filed at the 司法局 that reviews it).
 */
const namedOrgFields = (def: CaseTypeDef): string[] => [...new Set(def.indicators.flatMap((d) => ('count' in d && 'orgField' in d.count && d.count.orgField ? [d.count.orgField] : [])))];

/**
 * Whether the actor reads a case filed outside their scope because a field names an org they read
 * (its 制定机关): the figures of that org count the case, so its clerks can open what they count.
 * Read only: the steps stay with the filing org's duties, and personal data stays masked (the
 * actor handles nothing in the filing org).
 */
async function readsAsNamedOrg(k: Kernel, actor: Actor, def: CaseTypeDef, fields: Record<string, any> | null): Promise<boolean> {
  const ids = namedOrgFields(def).map((f) => Number(fields?.[f])).filter((id) => Number.isInteger(id) && id > 0);
  if (!ids.length) return false;
  const orgs = await k.db.selectFrom('orgs').select('path').where('id', 'in', ids).execute();
  return orgs.some((o) => can(actor, 'business.read', o.path));
}

/** Intake fields whose form marks them as a person's name (行政应诉's 原告): masked in text like parties' names. */
export function personFieldValues(def: CaseTypeDef, fields: Record<string, any> | null): string[] {
  const shape = def.intake.shape as Record<string, z.ZodType>;
  return Object.entries(shape)
    .filter(([, s]) => (s.meta() as { personName?: boolean } | undefined)?.personName)
    .map(([key]) => fields?.[key])
    .filter((v): v is string => typeof v === 'string' && v.length > 0);
}

/**
 * Case titles in a list the actor reads (dashboard, drill-down): masked where the actor does not
 * handle the case; `actor` null masks every title (an export, the portal).
 */
export async function maskTitlesFor<T extends { title: string }>(k: Kernel, actor: Actor | null, items: T[], idOf: (item: T) => number): Promise<T[]> {
  const ids = items.map(idOf);
  if (!ids.length) return items;
  const rows = await k.db.selectFrom('cases as c').innerJoin('orgs as o', 'o.id', 'c.org_id').select(['c.id', 'c.type', 'c.fields', 'o.path']).where('c.id', 'in', ids).execute();
  const names = await caseNames(k, rows.filter((r) => !actor || !seesPersonalData(actor, r.type, r.path)));
  return items.map((i) => (names.has(idOf(i)) ? { ...i, title: maskCaseTitle(i.title, names.get(idOf(i))!) } : i));
}

const namesCache = new WeakMap<Kernel, Map<string, { key: string; names: string[] }>>();

/**
 * The names of every natural person the records under an org know of: what published text must
 * not show. Parties are never edited after intake, so the list is kept until a case or party is added.
 */
export async function knownPersonNames(k: Kernel, orgPath: string): Promise<string[]> {
  const { p, c } = await k.db
    .selectNoFrom((eb) => [eb.selectFrom('case_parties').select((x) => x.fn.max('id').as('m')).as('p'), eb.selectFrom('cases').select((x) => x.fn.max('id').as('m')).as('c')])
    .executeTakeFirstOrThrow();
  const key = `${p}|${c}`;
  const byPath = namesCache.get(k) ?? new Map<string, { key: string; names: string[] }>();
  namesCache.set(k, byPath);
  const hit = byPath.get(orgPath);
  if (hit?.key === key) return hit.names;
  const names = await readPersonNames(k, orgPath);
  byPath.set(orgPath, { key, names });
  return names;
}

async function readPersonNames(k: Kernel, orgPath: string): Promise<string[]> {
  const parties = await k.db
    .selectFrom('case_parties as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .select(['p.role', 'p.name', 'p.id_number', 'p.kind'])
    .where('o.path', 'like', `${orgPath}%`)
    .execute();
  const withFields = k.types.all().filter((t) => personFieldValues(t, Object.fromEntries(Object.keys(t.intake.shape).map((key) => [key, 'x']))).length);
  const fieldNames: string[] = [];
  for (const t of withFields) {
    const rows = await k.db.selectFrom('cases as c').innerJoin('orgs as o', 'o.id', 'c.org_id').select('c.fields').where('c.type', '=', t.key).where('o.path', 'like', `${orgPath}%`).execute();
    for (const r of rows) fieldNames.push(...personFieldValues(t, r.fields));
  }
  return [...new Set(personNames(parties.map((p) => ({ role: p.role, name: p.name, idNumber: p.id_number, phone: null, address: null, kind: p.kind })), fieldNames))];
}

/** Names each case records of its people, for masking the titles of a list or an export. */
export async function caseNames(k: Kernel, rows: { id: number; type: string; fields?: unknown }[]): Promise<Map<number, NameIndex>> {
  const ids = rows.map((r) => r.id);
  const parties = ids.length ? await k.db.selectFrom('case_parties').select(['case_id', 'role', 'name', 'id_number', 'phone', 'address', 'kind']).where('case_id', 'in', ids).execute() : [];
  const out = new Map<number, NameIndex>();
  const everyone = NameIndex.of(rows.length ? await knownPersonNames(k, '/') : []);
  for (const r of rows) {
    const own = parties.filter((p) => p.case_id === r.id).map((p) => ({ role: p.role, name: p.name, idNumber: p.id_number, phone: p.phone, address: p.address, kind: p.kind }));
    out.set(r.id, everyone.with(personNames(own, personFieldValues(k.types.get(r.type), (r.fields ?? null) as any))));
  }
  return out;
}

export const caseListQuery = z.object({
  type: z.string().max(50).optional().meta({ title: '案件类型' }),
  state: z.string().max(50).optional().meta({ title: '状态' }),
  orgId: recordIdParam('单位').optional(),
  overdue: z.enum(['true', 'false']).optional(),
  open: z.enum(['true', 'false']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().max(100).optional().meta({ title: '关键词' }),
  // Deep pages are a search's job: the offset stays within what an index walk answers quickly.
  page: z.coerce.number().int().min(1).max(500).default(1).meta({ title: '页码' }),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).meta({ title: '每页条数' }),
});
export type CaseListQuery = z.infer<typeof caseListQuery>;

export const LIST_COUNT_CAP = 10_000;

/** The case list: scoped to what the actor may see, filtered, with each case's nearest due date. */
export async function listCases(k: Kernel, actor: Actor, q: CaseListQuery, countCap = LIST_COUNT_CAP) {
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
  if (q.q) {
    const text = q.q;
    // A phone or ID number finds the cases of that party, through the blind index (values are encrypted).
    base = base.where((eb) => eb.or([eb('c.number', 'like', likeContains(text)), eb('c.title', 'like', likeContains(text)), ...(isContactQuery(text) ? [casesWithPartyContact(text.trim())] : [])]));
  }
  const now = k.now();
  const overdueExists = sql<boolean>`exists (select 1 from case_clocks cc where cc.case_id = c.id and cc.status = 'running' and ${overdueSql(today, now)})`;
  if (q.overdue === 'true') base = base.where(overdueExists);
  // Counting stops at a cap: a million-case scope is not counted on every page view. The count is
  // most of a page view's cost and the same for every page and every viewer of that scope and
  // filters, so it is kept until the next write (read-cache.ts).
  // Overdue turns with the clock, not only with writes: that count is kept for the minute it was read at.
  const filters = { scopePath, countCap, type: q.type, state: q.state, year: q.year, open: q.open, q: q.q, overdue: q.overdue, ...(q.overdue === 'true' ? { now } : {}) };
  const total = await cachedRead(k, `cases.count:${JSON.stringify(filters)}`, async () => {
    const [row] = await k.db
      .selectFrom(base.select(sql`1`.as('x')).limit(countCap + 1).as('capped'))
      .select(sql<number>`count(*)::int`.as('total'))
      .execute();
    return row.total;
  });
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
      'c.fields',
      'o.name as org_name',
      'o.path as org_path',
      sql<string | null>`(select min(${dueInstantSql}) from case_clocks cc where cc.case_id = c.id and cc.status = 'running')`.as('next_due'),
    ])
    .orderBy('c.received_on', 'desc')
    .orderBy('c.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const names = await caseNames(k, rows.filter((r) => !seesPersonalData(actor, r.type, r.org_path)));
  return {
    total: Math.min(total, countCap),
    /** More cases match than were counted. */
    totalCapped: total > countCap,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => {
      const def = k.types.get(r.type);
      return {
        id: r.id,
        type: r.type,
        typeName: def.name,
        number: r.number,
        title: names.has(r.id) ? maskCaseTitle(r.title, names.get(r.id)!) : r.title,
        personalDataMasked: names.has(r.id),
        state: r.state,
        stateLabel: stateLabel(def, r.state),
        outcomeLabel: outcomeLabel(def, r.outcome),
        orgName: r.org_name,
        receivedOn: r.received_on,
        closedOn: r.closed_on,
        nextDue: r.next_due?.slice(0, 10) ?? null,
        // Overdue exactly when the nearest running due instant has passed (no second subquery per row).
        overdue: Boolean(r.next_due && now > r.next_due),
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
  if (!handles(actor, c.type, c.org_path)) throw forbidden(`您没有办理该${k.types.get(c.type).name}的职责，不能上传材料`);
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
  const c = await loadCase(k, actor, a.case_id);
  // Case files carry personal data in clear: only those who handle the case open them.
  if (!seesPersonalData(actor, c.type, c.org_path)) throw forbidden('全过程记录材料仅供办理该案件的人员查阅');
  return a;
}
