import { z } from 'zod';
import ExcelJS from 'exceljs';
import type { Database } from './db/connect.ts';
import type { Actor } from './auth/actor.ts';
import { assertCan } from './auth/permissions.ts';
import { appendAudit } from './audit/audit.ts';
import { badRequest, notFound } from './errors.ts';
import { getOrg } from './orgs.ts';
import { safeXlsxBuffer } from './spreadsheet.ts';
import { describeIssues } from './validation.ts';

/**
 * A register (清单) is a publishable list an org keeps: 权责清单, 免罚清单, 证照分离事项… Each
 * publication is a new numbered version holding the whole list, so the portal shows the current
 * version and the change log is the difference between consecutive versions. Items are keyed by
 * their 编码.
 */
export interface RegisterKind {
  key: string;
  name: string;
  basis: string;
  /** One item's fields; `code` (编码) and `name` are required in every kind. */
  item: z.ZodObject<{ code: z.ZodString; name: z.ZodString } & z.ZodRawShape>;
}

export type RegisterItem = { code: string; name: string } & Record<string, unknown>;

export interface RegisterChange {
  version: number;
  publishedOn: string;
  note: string;
  added: string[];
  removed: string[];
  changed: string[];
}

export class RegisterKinds {
  private readonly byKey = new Map<string, RegisterKind>();
  constructor(kinds: RegisterKind[]) {
    for (const k of kinds) this.byKey.set(k.key, k);
  }
  all() {
    return [...this.byKey.values()];
  }
  get(key: string): RegisterKind {
    const k = this.byKey.get(key);
    if (!k) throw notFound(`清单类型「${key}」`);
    return k;
  }
}

/** Column titles of a kind's items, in order: what the Excel template and export use. */
export function columnsOf(kind: RegisterKind): { field: string; title: string; options?: Record<string, string> }[] {
  return Object.entries(kind.item.shape).map(([field, s]) => {
    const meta = (s as z.ZodType).meta() as { title?: string; options?: Record<string, string> } | undefined;
    return { field, title: meta?.title ?? field, options: meta?.options };
  });
}

/** Validates a whole list: every item by its schema, codes unique; every bad row named. */
export function parseItems(kind: RegisterKind, items: unknown[]): RegisterItem[] {
  const problems: string[] = [];
  const out: RegisterItem[] = [];
  const seen = new Set<string>();
  items.forEach((raw, i) => {
    const r = kind.item.safeParse(raw, { reportInput: true });
    if (!r.success) problems.push(`第${i + 1}项：${describeIssues(kind.item, r.error.issues).join('；')}`);
    else {
      const item = r.data as RegisterItem;
      if (seen.has(item.code)) problems.push(`第${i + 1}项：编码「${item.code}」重复`);
      seen.add(item.code);
      out.push(item);
    }
  });
  if (problems.length) throw badRequest(`${kind.name}有误，未发布：${problems.slice(0, 20).join('；')}${problems.length > 20 ? `……共${problems.length}处` : ''}`, { problems });
  if (!out.length) throw badRequest(`${kind.name}不能为空`);
  return out;
}

/** Publishes a new version of an org's register, atomically, with the audit trail. */
export async function publishRegister(db: Database, actor: Actor | null, input: { orgId: number; kind: RegisterKind; items: unknown[]; note: string; on: string }) {
  const org = await getOrg(db, input.orgId);
  if (actor) assertCan(actor, 'registers.publish', org.path);
  const items = parseItems(input.kind, input.items);
  return db.transaction().execute(async (trx) => {
    const reg =
      (await trx.selectFrom('registers').select('id').where('org_id', '=', org.id).where('kind', '=', input.kind.key).forUpdate().executeTakeFirst()) ??
      (await trx.insertInto('registers').values({ org_id: org.id, kind: input.kind.key }).returning('id').executeTakeFirstOrThrow());
    const last = await trx.selectFrom('register_versions').select('version').where('register_id', '=', reg.id).orderBy('version', 'desc').limit(1).executeTakeFirst();
    const version = (last?.version ?? 0) + 1;
    await trx
      .insertInto('register_versions')
      .values({ register_id: reg.id, version, items: JSON.stringify(items), note: input.note, published_on: input.on, published_by: actor?.id ?? null })
      .execute();
    await appendAudit(trx, { actorId: actor?.id ?? null, action: 'register.publish', entity: 'register', entityId: reg.id, after: { kind: input.kind.key, orgId: org.id, version, count: items.length, note: input.note } });
    return { registerId: reg.id, version, count: items.length };
  });
}

/** An org's register: the current items and every version's changes against the one before. */
export async function readRegister(db: Database, registerId: number) {
  const reg = await db.selectFrom('registers as r').innerJoin('orgs as o', 'o.id', 'r.org_id').select(['r.id', 'r.kind', 'r.org_id', 'o.name as orgName', 'o.path']).where('r.id', '=', registerId).executeTakeFirst();
  if (!reg) throw notFound('清单');
  const versions = await db.selectFrom('register_versions').select(['version', 'items', 'note', 'published_on']).where('register_id', '=', registerId).orderBy('version').execute();
  const changes: RegisterChange[] = [];
  let before = new Map<string, string>();
  for (const v of versions) {
    const now = new Map((v.items as RegisterItem[]).map((i) => [i.code, JSON.stringify(i)]));
    changes.push({
      version: v.version,
      publishedOn: v.published_on,
      note: v.note,
      added: [...now.keys()].filter((c) => !before.has(c)),
      removed: [...before.keys()].filter((c) => !now.has(c)),
      changed: [...now.keys()].filter((c) => before.has(c) && before.get(c) !== now.get(c)),
    });
    before = now;
  }
  const current = versions.at(-1);
  return { ...reg, version: current?.version ?? 0, publishedOn: current?.published_on ?? null, items: (current?.items ?? []) as RegisterItem[], changes: changes.reverse() };
}

/** The current items of the registers of this kind that apply to an org: its own, then its ancestors'. */
export async function applicableItems(db: Database, orgId: number, kind: string): Promise<RegisterItem[]> {
  const org = await getOrg(db, orgId);
  const ancestors = org.path.split('/').filter(Boolean).map(Number);
  const regs = await db.selectFrom('registers').select('id').where('kind', '=', kind).where('org_id', 'in', ancestors).execute();
  const out: RegisterItem[] = [];
  for (const r of regs) {
    const v = await db.selectFrom('register_versions').select('items').where('register_id', '=', r.id).orderBy('version', 'desc').limit(1).executeTakeFirst();
    out.push(...((v?.items ?? []) as RegisterItem[]));
  }
  return out;
}

/** The register as an .xlsx (current version), with option labels spelled out; also the import template. */
export async function registerWorkbook(kind: RegisterKind, items: RegisterItem[]): Promise<Buffer> {
  const cols = columnsOf(kind);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(kind.name);
  ws.addRow(cols.map((c) => c.title)).font = { bold: true };
  for (const i of items) ws.addRow(cols.map((c) => (c.options ? (c.options[String(i[c.field])] ?? i[c.field]) : i[c.field]) ?? ''));
  ws.columns.forEach((c) => (c.width = 24));
  return safeXlsxBuffer(wb);
}

/** Spreadsheet rows (title → text) back into items: option labels become their keys. */
export function rowsToItems(kind: RegisterKind, rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const cols = columnsOf(kind);
  return rows.map((row) =>
    Object.fromEntries(
      cols.map((c) => {
        const text = String(row[c.title] ?? '').trim();
        const key = c.options ? (Object.entries(c.options).find(([, label]) => label === text)?.[0] ?? text) : text;
        return [c.field, key === '' ? undefined : key];
      }),
    ),
  );
}
