import { sql } from 'kysely';
import type { Database } from '../db/connect.ts';
import type { Kernel } from '../kernel.ts';
import type { Org } from '../orgs.ts';
import { chainRows, lockChainHead, type AuditInput, type AuditRow } from '../audit/audit.ts';
import { canSeeOrg, type Actor } from '../auth/actor.ts';
import { assertCan, casePermission, IMPORT, INTAKE } from '../auth/permissions.ts';
import { isIsoDate, yearOf } from '../calendar/dates.ts';
import { AppError, badRequest, forbidden, notFound } from '../errors.ts';
import { parseInput } from '../validation.ts';
import { maskParty } from '../privacy.ts';
import { evaluateClock } from './clocks.ts';
import { checkExtension, dependsOnHistory, nextHandler, notOffered, offered } from './engine.ts';
import { partyColumns } from './parties.ts';
import { loadKeyring } from '../crypto/data-key.ts';
import { clockUnit, stateLabel, type CaseTypeDef, type EventView } from './define.ts';

/**
 * The set-based write path for many cases at once (spreadsheet and hotline imports, the demo).
 * Each case is first worked through in memory by the same rules createCase and performAction
 * apply (intake form, who may act, allowed transitions, dates, step forms, when/check/verify,
 * extensions, 转送 and follow-up cases), giving the rows a live case would have: the case, its
 * parties, events, clocks, links and audit events. Only then is anything written, with one
 * multi-row INSERT … SELECT FROM unnest(…) per table and chunk, and the 案号 numbers taken in
 * one statement for every (org, type, year).
 */
export interface BulkStep {
  action: string;
  on: string;
  data?: Record<string, unknown>;
  /** Who takes it: a user, the system (null), or the clerk of the case's org at that moment. */
  actor: Actor | null | ((caseOrgId: number) => Actor | null);
}

export interface BulkCase {
  type: string;
  orgId: number;
  actor: Actor | null;
  fields: Record<string, unknown>;
  steps?: BulkStep[];
  /** Steps for the case this one opens (a follow-up or a 转送), taken after its own. */
  linkedSteps?: BulkStep[];
  /** Where a problem is reported (a spreadsheet's line). */
  line?: number;
  /** A problem found while reading the row (an unknown 承办单位). */
  problem?: string;
  /** A spreadsheet row: the import duty covers its intake and its steps, as in the engine. */
  imported?: boolean;
}

interface Draft {
  def: CaseTypeDef;
  id: number;
  orgId: number;
  numberOrg: Org;
  government: Org;
  org: Org;
  /** The org that received it: its short name is in the 案号 even after a 派单 moves the case. */
  receivingOrg: Org;
  year: number;
  seq: number;
  number: string;
  title: string;
  state: string;
  outcome: string | null;
  receivedOn: string;
  closedOn: string | null;
  handlerId: number | null;
  fields: Record<string, any>;
  parties: { role: string; name: string; kind?: 'person' | 'organisation'; idNumber?: string; phone?: string; address?: string }[];
  events: (EventView & { fromState: string | null; toState: string; outcome: string | null; orgId: number })[];
  version: number;
  links: { to: Draft; kind: string }[];
  imported: boolean;
}

/** An audit event whose case id and 案号 are known only once the rows get their ids. */
type PendingAudit = (d: Draft) => AuditInput;

/** Orgs read once: a bulk import resolves thousands of org names and governments. */
export class OrgDirectory {
  private constructor(private readonly byId: Map<number, Org>, private readonly byName: Map<string, Org>) {}

  static async load(db: Database): Promise<OrgDirectory> {
    const rows = await db.selectFrom('orgs').selectAll().orderBy('id').execute();
    const byId = new Map<number, Org>();
    const byName = new Map<string, Org>();
    for (const r of rows) {
      const o: Org = { id: r.id, parentId: r.parent_id, name: r.name, shortName: r.short_name, kind: r.kind, path: r.path };
      byId.set(o.id, o);
      for (const n of [o.shortName, o.name]) if (!byName.has(n)) byName.set(n, o);
    }
    return new OrgDirectory(byId, byName);
  }

  get(id: number): Org {
    const o = this.byId.get(id);
    if (!o) throw notFound('单位');
    return o;
  }

  /** By id, full name or short name, as findOrg does. */
  find(idOrName: string): Org {
    const o = /^\d+$/.test(idOrName) ? this.byId.get(Number(idOrName)) : undefined;
    const found = o ?? this.byName.get(idOrName);
    if (!found) throw notFound(`单位「${idOrName}」`);
    return found;
  }

  governmentOf(org: Org): Org {
    for (const id of org.path.split('/').filter(Boolean).map(Number).reverse()) {
      const o = this.byId.get(id);
      if (o?.kind === 'government') return o;
    }
    return org;
  }
}

/** Cases worked through in memory, ready to write; problems name the line of each bad case. */
export class BulkBatch {
  readonly drafts: Draft[] = [];
  private readonly audits: { draft: Draft; make: PendingAudit }[] = [];
  readonly problems: string[] = [];
  roots = 0;
  /** Duties already found to allow (actor, permission, org): an import asks the same thousands of times. */
  private readonly allowed = new Set<string>();

  constructor(private readonly k: Kernel, private readonly orgs: OrgDirectory, private readonly db: Database) {}

  /** Works one case (and the case it opens) through; on a rule's refusal records the problem and keeps nothing of it. */
  async add(input: BulkCase): Promise<boolean> {
    const mark = { drafts: this.drafts.length, audits: this.audits.length };
    try {
      if (input.problem) throw badRequest(input.problem);
      const c = this.receive(input.actor, input.type, input.orgId, input.fields, input.imported ? IMPORT : INTAKE);
      for (const step of input.steps ?? []) await this.step(c, step);
      const linked = c.links[0]?.to;
      if (linked) for (const step of input.linkedSteps ?? []) await this.step(linked, step);
      this.roots++;
      return true;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      this.drafts.length = mark.drafts;
      this.audits.length = mark.audits;
      const msg = e.message.replace(/^填写有误：/, '');
      this.problems.push(input.line ? `第${input.line}行：${msg}` : msg);
      return false;
    }
  }

  private assertCan(actor: Actor, permission: string, orgPath: string, what: string) {
    const key = `${actor.id}|${permission}|${orgPath}`;
    if (this.allowed.has(key)) return;
    assertCan(actor, permission, orgPath, what);
    this.allowed.add(key);
  }

  /** `need` is the duty that opens it: INTAKE, IMPORT, or none for a case another one opens. */
  private receive(actor: Actor | null, type: string, orgId: number, input: Record<string, unknown>, need: string | null): Draft {
    const k = this.k;
    const def = k.types.get(type);
    const fields = parseInput(def.intake, input) as Record<string, any>;
    const org = this.orgs.get(orgId);
    if (actor && need) this.assertCan(actor, casePermission(def.key, need), org.path, `${need === IMPORT ? '导入' : '登记'}${def.name}`);
    const receivedOn: string = fields.receivedOn;
    if (receivedOn > k.today()) throw badRequest(`收到日期（${receivedOn}）不能晚于今天（${k.today()}）`);
    const government = this.orgs.governmentOf(org);
    const { parties = [], ...rest } = fields;
    const d: Draft = {
      def,
      id: 0,
      orgId: org.id,
      org,
      receivingOrg: org,
      numberOrg: def.numberedBy === 'government' ? government : org,
      government,
      year: yearOf(receivedOn),
      seq: 0,
      number: '',
      title: def.title(fields),
      state: def.initial,
      outcome: null,
      receivedOn,
      closedOn: def.states[def.initial].final ? receivedOn : null,
      handlerId: actor?.id ?? null,
      fields: rest,
      parties,
      events: [{ kind: 'receive', on: receivedOn, data: rest, by: actor?.id ?? null, fromState: null, toState: def.initial, outcome: null, orgId: org.id }],
      version: 1,
      links: [],
      imported: need === IMPORT,
    };
    this.drafts.push(d);
    const follow = def.followUp?.(rest);
    if (follow) {
      const linked = this.receive(actor, follow.type, org.id, { ...follow.fields, receivedOn, parties }, null);
      d.links.push({ to: linked, kind: 'follow_up' });
    }
    this.audits.push({
      draft: d,
      make: (c) => ({
        actorId: actor?.id ?? null,
        action: 'case.create',
        entity: 'case',
        entityId: c.id,
        after: { number: c.number, type: def.key, orgId: org.id, state: def.initial, fields: rest, parties: parties.map((p: any) => maskParty({ ...p, idNumber: p.idNumber ?? null, phone: p.phone ?? null, address: p.address ?? null })) },
      }),
    });
    return d;
  }

  private clocksOf(c: Draft) {
    return Object.fromEntries(
      c.def.clocks.map((cd) => {
        const s = evaluateClock(this.k.calendar, cd, c.events, c.fields);
        return [cd.key, { dueOn: s.dueOn, status: s.status, extended: s.extended }];
      }),
    );
  }

  private async step(c: Draft, step: BulkStep) {
    const k = this.k;
    const def = c.def;
    const actor = typeof step.actor === 'function' ? step.actor(c.orgId) : step.actor;
    const action = def.actions.find((a) => a.key === step.action);
    if (!action) throw badRequest(`「${def.name}」没有名为「${step.action}」的办理环节`);
    if (actor) {
      if (action.system) throw forbidden(`「${action.label}」由系统依法自动处理，不能手工办理`);
      if (c.imported) this.assertCan(actor, casePermission(def.key, IMPORT), c.org.path, `导入${def.name}`);
      else this.assertCan(actor, casePermission(def.key, action.key), c.org.path, `${def.name}·${action.label}`);
    }
    if (!action.from.includes(c.state)) throw new AppError(409, 'invalid_transition', `案件当前处于「${stateLabel(def, c.state)}」，不能办理「${action.label}」`);
    if (action.refersTo && (!action.refersTo.field || String(step.data?.[action.refersTo.field] ?? '').trim())) throw badRequest(`「${action.label}」关联其他案件，请在案件页面逐件办理，不能批量导入`);
    const on = step.on;
    if (!isIsoDate(on)) throw badRequest(`办理日期「${on}」无效，应为 YYYY-MM-DD 格式的真实日期`);
    if (on > k.today()) throw badRequest(`办理日期（${on}）不能晚于今天（${k.today()}）`);
    const lastOn = c.events.at(-1)!.on;
    if (on < lastOn) throw badRequest(`办理日期（${on}）不能早于上一办理环节的日期（${lastOn}）`);
    const data = action.fields ? (parseInput(action.fields, step.data ?? {}) as Record<string, any>) : {};
    // Clocks are replayed only when a rule reads them.
    const needsClocks = dependsOnHistory(def, action) || action.check || action.verify;
    const clocks = needsClocks ? this.clocksOf(c) : {};
    const events = c.events.map((e) => ({ kind: e.kind, on: e.on, data: e.data, by: e.by }));
    const ctx = { state: c.state, events, data, on, clocks, fields: c.fields, actorId: actor?.id ?? null };
    if (!offered(def, action, { state: c.state, events, clocks })) throw notOffered(def, action, ctx);
    const refusal = action.check?.(ctx) ?? checkExtension(def, action, data, on, clocks) ?? (await action.verify?.({ ...ctx, db: this.db, orgId: c.orgId, calendar: k.calendar }));
    if (refusal) throw badRequest(refusal);

    const outcome = typeof action.outcome === 'string' ? action.outcome : action.outcome ? (data[action.outcome.field] as string) : null;
    const toState = action.to ?? c.state;
    const before = { state: c.state, outcome: c.outcome, version: c.version, orgId: c.orgId };
    let org = c.org;
    if (action.reassignTo) {
      org = this.orgs.get(Number(data[action.reassignTo]));
      if (actor && !canSeeOrg(actor, org.path)) throw forbidden('承办单位不在您的管辖范围内');
    }
    const spawn = action.spawn?.({ fields: c.fields, data, orgId: c.orgId, state: c.state, events });
    const closes = def.states[toState].final === true;
    c.events.push({ kind: action.key, on, data, by: actor?.id ?? null, fromState: c.state, toState, outcome, orgId: org.id });
    c.state = toState;
    c.outcome = outcome ?? c.outcome;
    c.closedOn = closes ? (c.closedOn ?? on) : null;
    c.handlerId = nextHandler(c.handlerId, c.orgId, org.id, actor, org.path);
    c.org = org;
    c.orgId = org.id;
    c.version++;
    if (spawn) {
      if (this.orgs.governmentOf(this.orgs.get(spawn.orgId)).id !== this.orgs.governmentOf(this.orgs.get(before.orgId)).id) throw badRequest('只能转送本级政府所属单位');
      const parties = c.parties.map((p) => ({ role: p.role, name: p.name, idNumber: p.idNumber, phone: p.phone, address: p.address }));
      const linked = this.receive(null, spawn.type, spawn.orgId, { ...spawn.fields, receivedOn: on, parties }, null);
      c.links.push({ to: linked, kind: action.key });
    }
    const after = { state: toState, outcome: c.outcome, version: c.version, orgId: org.id, on, data };
    this.audits.push({ draft: c, make: (d) => ({ actorId: actor?.id ?? null, action: `case.${action.key}`, entity: 'case', entityId: d.id, before, after }) });
  }

  /** Writes every drafted case in the caller's transaction; returns how many input cases were written. */
  async write(trx: Database): Promise<number> {
    const drafts = this.drafts;
    if (drafts.length === 0) return 0;
    let t = performance.now();
    const lap = (label: string) => {
      if (process.env.FAZHI_BULK_TIMINGS) bulkTimings[label] = (bulkTimings[label] ?? 0) + performance.now() - t;
      t = performance.now();
    };
    await allocate(trx, drafts);
    lap('allocate');
    await insertRows(this.k, trx, drafts, null, lap);
    const audits = this.auditInputs();
    lap('audit inputs');
    const { chain, head } = await lockChainHead(trx);
    const rows = chainRows(audits, chain, head);
    lap('audit hash');
    await writeAudit(this.k, trx, rows, null);
    lap('audit write');
    return this.clear();
  }

  /** Forgets the drafts once written; returns how many input cases they were. */
  clear(): number {
    const written = this.roots;
    this.drafts.length = 0;
    this.audits.length = 0;
    this.roots = 0;
    return written;
  }

  /** Case ids and 案号 for every draft (for a staged write, before its rows are staged). */
  async allocate(trx: Database): Promise<void> {
    await allocate(trx, this.drafts);
  }

  /** The audit events of every draft, in the order the steps were taken (after allocate). */
  auditInputs(): AuditInput[] {
    return this.audits.map((a) => a.make(a.draft));
  }

  /** Audit rows into the staging table under `importId`, chained already (the import chain's). */
  async stageAudit(trx: Database, importId: number, rows: AuditRow[]): Promise<void> {
    await writeAudit(this.k, trx, rows, importId);
  }

  /** Drafts [from, to) into the staging tables under `importId` (after allocate). */
  async stage(trx: Database, importId: number, from: number, to: number): Promise<void> {
    await insertRows(this.k, trx, this.drafts.slice(from, to), importId);
  }
}

/** Case ids in one statement, and each (org, type, year) sequence moved on once for the whole batch. */
async function allocate(trx: Database, drafts: Draft[]) {
  const { rows: ids } = await sql<{ id: number }>`SELECT nextval(pg_get_serial_sequence('cases', 'id'))::int AS id FROM generate_series(1, ${drafts.length}::int)`.execute(trx);
  drafts.forEach((d, i) => (d.id = ids[i].id));
  const groups = new Map<string, Draft[]>();
  for (const d of drafts) {
    const key = `${d.numberOrg.id}|${d.def.key}|${d.year}`;
    const g = groups.get(key);
    if (g) g.push(d);
    else groups.set(key, [d]);
  }
  const keys = [...groups.values()].map((g) => g[0]);
  const { rows } = await sql<{ org_id: number; type: string; year: number; last: number }>`
    INSERT INTO case_sequences (org_id, type, year, last)
    SELECT * FROM unnest(${keys.map((d) => d.numberOrg.id)}::int[], ${keys.map((d) => d.def.key)}::text[], ${keys.map((d) => d.year)}::int[], ${[...groups.values()].map((g) => g.length)}::int[])
    ON CONFLICT (org_id, type, year) DO UPDATE SET last = case_sequences.last + excluded.last
    RETURNING org_id, type, year, last`.execute(trx);
  for (const r of rows) {
    const g = groups.get(`${r.org_id}|${r.type}|${r.year}`)!;
    g.forEach((d, i) => {
      d.seq = r.last - g.length + 1 + i;
      d.number = d.def.number({ government: d.government.shortName, org: d.receivingOrg.shortName, year: d.year, seq: d.seq });
    });
  }
}

/** COPY's text format: tab-separated, \N for null, backslash escapes. */
const copyCell = (v: unknown) => {
  if (v === null || v === undefined) return '\\N';
  const text = typeof v === 'string' ? v : String(v);
  // Most cells need no escape: test before replacing, which would allocate for every cell.
  return NEEDS_ESCAPE.test(text) ? text.replace(/[\\\t\n\r]/g, (ch) => (ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r')) : text;
};
const NEEDS_ESCAPE = /[\\\t\n\r]/;

/**
 * Rows into one table: COPY on PostgreSQL, one INSERT … SELECT FROM unnest(…) on PGlite.
 * Rows keep their order, so serial ids follow it (a case's events stay in step order).
 */
async function writeTable(k: Kernel, trx: Database, table: string, columns: [name: string, type: string][], rows: unknown[][], importId: number | null, lap?: (label: string) => void) {
  lap?.(`${table} rows`);
  if (rows.length === 0) return;
  // A staged import writes the same rows, marked with its id, into the table's staging twin.
  if (importId !== null) {
    table = `import_${table}`;
    columns = [['import_id', 'int'], ...columns];
    rows = rows.map((r) => [importId, ...r]);
  }
  const names = columns.map(([n]) => n).join(', ');
  if (k.conn.copyIn) {
    let text = '';
    for (const r of rows) {
      let line = copyCell(r[0]);
      for (let i = 1; i < r.length; i++) line += '\t' + copyCell(r[i]);
      text += line + '\n';
    }
    lap?.(`${table} text`);
    await k.conn.copyIn(trx, `COPY ${table} (${names}) FROM STDIN`, text);
    lap?.(`${table} write`);
    return;
  }
  // Arrays go in as text[] (or int[]) and are cast per column: one parameter per column.
  const arrays = columns.map(([, type], i) => sql`${rows.map((r) => r[i])}::${sql.raw(type === 'int' ? 'int' : 'text')}[]`);
  const casts = columns.map(([, type], i) => sql.raw(`c${i}::${type}`));
  const aliases = sql.raw(columns.map((_, i) => `c${i}`).join(', '));
  await sql`INSERT INTO ${sql.raw(table)} (${sql.raw(names)}) SELECT ${sql.join(casts)} FROM unnest(${sql.join(arrays)}) WITH ORDINALITY AS t(${aliases}, n) ORDER BY n`.execute(trx);
  lap?.(`${table} write`);
}

export const bulkTimings: Record<string, number> = {};

async function insertRows(k: Kernel, trx: Database, drafts: Draft[], importId: number | null, lap?: (label: string) => void) {
  await writeTable(k, trx, 'cases', [['id', 'int'], ['type', 'text'], ['org_id', 'int'], ['number', 'text'], ['year', 'int'], ['seq', 'int'], ['title', 'text'], ['state', 'text'], ['outcome', 'text'], ['received_on', 'date'], ['closed_on', 'date'], ['handler_id', 'int'], ['fields', 'jsonb'], ['version', 'int']],
    drafts.map((d) => [d.id, d.def.key, d.orgId, d.number, d.year, d.seq, d.title, d.state, d.outcome, d.receivedOn, d.closedOn, d.handlerId, JSON.stringify(d.fields), d.version]), importId, lap);
  // Parties go through the one sealing path (SM4 and blind indexes), as the engine writes them.
  const ring = loadKeyring();
  await writeTable(k, trx, 'case_parties', [['case_id', 'int'], ['role', 'text'], ['name', 'text'], ['kind', 'text'], ['id_number', 'text'], ['phone', 'text'], ['address', 'text'], ['id_number_bidx', 'text'], ['phone_bidx', 'text']],
    drafts.flatMap((d) =>
      d.parties.map((p) => {
        const c = partyColumns(d.id, p, ring);
        return [c.case_id, c.role, c.name, c.kind, c.id_number, c.phone, c.address, c.id_number_bidx, c.phone_bidx];
      }),
    ), importId, lap);
  await writeTable(k, trx, 'case_events', [['case_id', 'int'], ['type', 'text'], ['org_id', 'int'], ['kind', 'text'], ['occurred_on', 'date'], ['outcome', 'text'], ['from_state', 'text'], ['to_state', 'text'], ['data', 'jsonb'], ['actor_id', 'int']],
    drafts.flatMap((d) => d.events.map((e) => [d.id, d.def.key, e.orgId, e.kind, e.on, e.outcome, e.fromState, e.toState, JSON.stringify(e.data), e.by ?? null])), importId, lap);
  await writeTable(k, trx, 'case_clocks', [['case_id', 'int'], ['clock', 'text'], ['type', 'text'], ['org_id', 'int'], ['length', 'int'], ['unit', 'text'], ['status', 'text'], ['started_on', 'date'], ['due_on', 'date'], ['stopped_on', 'date'], ['due_at', 'timestamp'], ['stopped_at', 'timestamp'], ['stopped_by', 'text'], ['extended', 'int'], ['paused_days', 'int'], ['warnings', 'jsonb']],
    drafts.flatMap((d) =>
      d.def.clocks.map((cd) => {
        const s = evaluateClock(k.calendar, cd, d.events, d.fields);
        return [d.id, s.key, d.def.key, d.orgId, s.length, clockUnit(cd, d.fields), s.status, s.startedOn, s.dueOn, s.stoppedOn, s.dueAt, s.stoppedAt, s.stoppedBy, s.extended, s.pausedDays, JSON.stringify(s.warnings)];
      }),
    ), importId, lap);
  await writeTable(k, trx, 'case_links', [['from_case_id', 'int'], ['to_case_id', 'int'], ['kind', 'text']], drafts.flatMap((d) => d.links.map((l) => [d.id, l.to.id, l.kind])), importId, lap);
}

/** Audit rows in chain order: their ids follow it, and the chain's lock keeps other writers out. */
async function writeAudit(k: Kernel, trx: Database, rows: AuditRow[], importId: number | null) {
  await writeTable(k, trx, 'audit_events', [['at', 'timestamptz'], ['actor_id', 'int'], ['action', 'text'], ['entity', 'text'], ['entity_id', 'text'], ['before', 'jsonb'], ['after', 'jsonb'], ['prev_hash', 'text'], ['hash', 'text'], ['chain', 'smallint']],
    rows.map((r) => [r.at.toISOString(), r.actor_id, r.action, r.entity, r.entity_id, r.before, r.after, r.prev_hash, r.hash, r.chain]), importId);
}

/** A batch over the orgs as they stand; `db` answers the rules that read other records. */
export async function bulkBatch(k: Kernel, db: Database = k.db): Promise<BulkBatch> {
  return new BulkBatch(k, await OrgDirectory.load(db), db);
}
