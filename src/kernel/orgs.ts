import { sql } from 'kysely';
import { analyzeOrgs, type Database } from './db/connect.ts';
import type { OrgKind } from './db/schema.ts';
import { appendAudit } from './audit/audit.ts';
import { notFound } from './errors.ts';

export interface Org { id: number; parentId: number | null; name: string; shortName: string; kind: OrgKind; path: string }
export interface OrgNode extends Org { children: OrgNode[] }

const toOrg = (r: any): Org => ({ id: r.id, parentId: r.parent_id, name: r.name, shortName: r.short_name, kind: r.kind, path: r.path });

export async function createOrg(
  db: Database,
  input: { parentId: number | null; name: string; shortName: string; kind: OrgKind; sort?: number },
  actorId: number | null = null,
): Promise<Org> {
  const created = await db.transaction().execute(async (trx) => {
    const parent = input.parentId == null ? null : await getOrg(trx, input.parentId);
    const row = await trx
      .insertInto('orgs')
      .values({ parent_id: input.parentId, name: input.name, short_name: input.shortName, kind: input.kind, path: '', sort: input.sort ?? 0 })
      .returningAll()
      .executeTakeFirstOrThrow();
    const path = `${parent?.path ?? '/'}${row.id}/`;
    await trx.updateTable('orgs').set({ path }).where('id', '=', row.id).execute();
    const org = toOrg({ ...row, path });
    await appendAudit(trx, { actorId, action: 'org.create', entity: 'org', entityId: org.id, after: org });
    return org;
  });
  await analyzeOrgs(db);
  return created;
}

export async function getOrg(db: Database, id: number): Promise<Org> {
  const r = await db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('单位');
  return toOrg(r);
}

export async function findOrg(db: Database, idOrName: string): Promise<Org> {
  const asId = /^\d+$/.test(idOrName) ? Number(idOrName) : -1;
  const r = await db
    .selectFrom('orgs')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', asId), eb('name', '=', idOrName), eb('short_name', '=', idOrName)]))
    .orderBy('id')
    .executeTakeFirst();
  if (!r) throw notFound(`单位「${idOrName}」`);
  return toOrg(r);
}

export async function topOrg(db: Database): Promise<Org | undefined> {
  const r = await db.selectFrom('orgs').selectAll().where('parent_id', 'is', null).orderBy('id').executeTakeFirst();
  return r && toOrg(r);
}

/** Ids of the org and everything under it. */
export async function subtreeIds(db: Database, orgId: number): Promise<number[]> {
  const org = await getOrg(db, orgId);
  const rows = await db.selectFrom('orgs').select('id').where('path', 'like', `${org.path}%`).execute();
  return rows.map((r) => r.id);
}

export async function orgTree(db: Database, rootId: number): Promise<OrgNode> {
  const root = await getOrg(db, rootId);
  const rows = await db.selectFrom('orgs').selectAll().where('path', 'like', `${root.path}%`).orderBy('sort').orderBy('id').execute();
  const nodes = new Map<number, OrgNode>(rows.map((r) => [r.id, { ...toOrg(r), children: [] }]));
  for (const n of nodes.values()) if (n.id !== root.id && n.parentId != null) nodes.get(n.parentId)?.children.push(n);
  return nodes.get(root.id)!;
}

/** The nearest government (区/县 人民政府) at or above the org: it names 复议机关-style 案号. */
export async function governmentOf(db: Database, orgId: number): Promise<Org> {
  const org = await getOrg(db, orgId);
  const ids = org.path.split('/').filter(Boolean).map(Number);
  // One query for the whole line up: the nearest government is the one with the longest path.
  const r = await db.selectFrom('orgs').selectAll().where('id', 'in', ids).where('kind', '=', 'government').orderBy(sql`length(path)`, 'desc').limit(1).executeTakeFirst();
  return r ? toOrg(r) : org;
}
