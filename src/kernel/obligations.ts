import type { Database } from './db/connect.ts';
import type { OrgKind } from './db/schema.ts';
import type { Permitted } from './auth/permissions.ts';
import { assertCan } from './auth/permissions.ts';
import { appendAudit } from './audit/audit.ts';
import { badRequest } from './errors.ts';
import { getOrg, type Org } from './orgs.ts';

/**
 * Yearly duties of an org that each district sets for itself, as data: the kinds that carry one
 * by default, and per org a row (table org_obligations) that says otherwise. A 述法工作方案 names
 * who must 述法 (辽宁, 金昌, 黄石: the 党委、政府 and their 工作部门's 主要负责人; 乡镇（街道）
 * 参照); the default follows them for a 区: the 区政府, its departments and the 乡镇（街道）
 * **(choice)**, not the 委员会 (调委会) nor the party offices, whose 述法 the 区委 arranges.
 */
export const OBLIGATIONS = {
  law_report: {
    label: '述法',
    basis: '党政主要负责人履行推进法治建设第一责任人职责规定；本地述法工作方案（述法主体）',
    defaultKinds: ['government', 'department', 'township'] as OrgKind[],
  },
} as const;
export type Obligation = keyof typeof OBLIGATIONS;

export interface ObligedOrg extends Org {
  required: boolean;
  /** 'set' when the district recorded it for this org, 'default' when the org's kind gives it. */
  source: 'set' | 'default';
}

function known(obligation: string): asserts obligation is Obligation {
  if (!(obligation in OBLIGATIONS)) throw badRequest(`没有「${obligation}」这一义务`);
}

/** Every org of the subtree, by the orgs' sort order, with whether it carries the obligation. */
export async function obligationOfOrgs(db: Database, obligation: string, rootPath: string): Promise<ObligedOrg[]> {
  known(obligation);
  const rows = await db
    .selectFrom('orgs as o')
    .leftJoin('org_obligations as b', (j) => j.onRef('b.org_id', '=', 'o.id').on('b.obligation', '=', obligation))
    .select(['o.id', 'o.parent_id', 'o.name', 'o.short_name', 'o.kind', 'o.path', 'b.required'])
    .where('o.path', 'like', `${rootPath}%`)
    // The orgs' own sort order, then id (as orgTree orders siblings), not the path text ('/1/10/' < '/1/2/').
    .orderBy('o.sort')
    .orderBy('o.id')
    .execute();
  const defaults: readonly OrgKind[] = OBLIGATIONS[obligation].defaultKinds;
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind,
    path: r.path,
    required: r.required ?? defaults.includes(r.kind),
    source: r.required === null || r.required === undefined ? 'default' : 'set',
  }));
}

/**
 * Records whether an org carries the obligation; null returns it to its kind's default. With the
 * audit trail; only someone holding `obligations.edit` over the org (null: the CLI and loaders).
 */
export async function setObligation(db: Database, by: (Permitted & { id: number }) | null, orgId: number, obligation: string, required: boolean | null): Promise<ObligedOrg> {
  known(obligation);
  const org = await getOrg(db, orgId);
  if (by) assertCan(by, 'obligations.edit', org.path);
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('org_obligations').select('required').where('org_id', '=', orgId).where('obligation', '=', obligation).executeTakeFirst();
    if (required === null) await trx.deleteFrom('org_obligations').where('org_id', '=', orgId).where('obligation', '=', obligation).execute();
    else {
      await trx
        .insertInto('org_obligations')
        .values({ org_id: orgId, obligation, required, set_by: by?.id ?? null })
        .onConflict((oc) => oc.columns(['org_id', 'obligation']).doUpdateSet({ required, set_by: by?.id ?? null, set_at: new Date() }))
        .execute();
    }
    await appendAudit(trx, { actorId: by?.id ?? null, action: 'org.obligation', entity: 'org', entityId: orgId, before: { obligation, required: before?.required ?? null }, after: { obligation, required } });
  });
  return (await obligationOfOrgs(db, obligation, org.path)).find((o) => o.id === orgId)!;
}
