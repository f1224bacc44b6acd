import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Kernel } from '../../kernel/kernel.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { canSeeOrg } from '../../kernel/auth/actor.ts';
import { assertCan } from '../../kernel/auth/permissions.ts';
import { appendAudit, canonicalJson, sm3 } from '../../kernel/audit/audit.ts';
import { badRequest, conflict, notFound } from '../../kernel/errors.ts';
import { getOrg, governmentOf } from '../../kernel/orgs.ts';
import { createCase } from '../../kernel/cases/engine.ts';
import { recordId } from '../../kernel/validation.ts';
import { validCertificates } from '../enforcement/certificate.ts';

/**
 * The 双随机 draw (国发〔2019〕5号), made verifiable:
 * 1. commit: the target pool (filtered by category, stratified by risk) and the inspector pool
 *    (valid 执法证 holders, conflicts of interest excluded) are frozen into the draw's spec, and
 *    SM3 of a fresh random seed is published as the commitment, with SM3 of the spec (the pool
 *    hash) — before anyone knows the seed;
 * 2. draw: the seed is revealed and the selection is computed from spec + seed alone;
 * 3. verify: anyone with the published record re-runs step 2 and checks SM3(seed) = commitment.
 * Changing the seed, the pool or the result after the commitment is detected.
 */
export const RISK_LABELS = { high: '高风险', medium: '中风险', low: '低风险' } as const;
type Risk = keyof typeof RISK_LABELS;

export interface DrawSpec {
  item: string;
  /** How many targets to draw from each risk stratum. */
  counts: Record<Risk, number>;
  inspectorsPerTarget: number;
  /** Frozen pools, sorted, so the draw depends on nothing else. */
  targets: { code: string; name: string; risk: Risk }[];
  inspectors: { certNo: string; holder: string; orgId: number }[];
  /** 回避: an inspector is never sent to these targets. */
  conflicts: { certNo: string; code: string }[];
}

export interface DrawResult {
  targets: { code: string; name: string; risk: Risk; inspectors: string[] }[];
}

/** A deterministic stream of numbers in [0,1) from the seed: SM3(seed ‖ counter), 52 bits each. */
function stream(seed: string) {
  let counter = 0;
  return () => {
    const h = sm3(`${seed}:${counter++}`);
    return parseInt(h.slice(0, 13), 16) / 2 ** 52;
  };
}

/** Picks n of xs without replacement (partial Fisher–Yates); `next` gives numbers in [0,1). */
export function pick<T>(xs: T[], n: number, next: () => number): T[] {
  const a = [...xs];
  const k = Math.min(n, a.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(next() * (a.length - i));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, k);
}

/** The draw itself: a pure function of the spec and the seed. */
export function runDraw(spec: DrawSpec, seed: string): DrawResult {
  const next = stream(seed);
  const chosen = (['high', 'medium', 'low'] as Risk[]).flatMap((risk) => pick(spec.targets.filter((t) => t.risk === risk), spec.counts[risk], next));
  return {
    targets: chosen.map((t) => {
      const allowed = spec.inspectors.filter((i) => !spec.conflicts.some((c) => c.certNo === i.certNo && c.code === t.code));
      if (allowed.length < spec.inspectorsPerTarget) throw badRequest(`对象「${t.name}」可派检查人员不足${spec.inspectorsPerTarget}名（已排除需回避人员）`);
      return { ...t, inspectors: pick(allowed, spec.inspectorsPerTarget, next).map((i) => i.certNo) };
    }),
  };
}

export interface PublishedDraw {
  id: number;
  commitment: string;
  poolHash: string;
  seed: string | null;
  spec: DrawSpec;
  result: DrawResult | null;
}

/** Re-runs a published draw: does the seed match the commitment, and the result the seed? */
export const poolHash = (spec: DrawSpec) => sm3(canonicalJson(spec));

export function verifyDraw(d: Pick<PublishedDraw, 'commitment' | 'poolHash' | 'seed' | 'spec' | 'result'>): { ok: boolean; problems: string[] } {
  const problems: string[] = [];
  if (!d.seed) return { ok: false, problems: ['尚未抽取：种子未公开'] };
  if (sm3(d.seed) !== d.commitment) problems.push('种子与抽取前公布的承诺值（SM3）不符：种子被改动过');
  else if (poolHash(d.spec) !== d.poolHash) problems.push('对象名录或抽取参数与抽取前公布的名录哈希不符：名录被改动过');
  else if (canonicalJson(runDraw(d.spec, d.seed)) !== canonicalJson(d.result)) problems.push('按公布的种子和名录重新抽取，结果与公布的结果不同');
  return { ok: problems.length === 0, problems };
}

export const commitInput = z.object({
  orgId: recordId('抽查单位'),
  title: z.string().trim().min(1).max(200).meta({ title: '抽查任务名称' }),
  item: z.string().trim().min(1).max(200).meta({ title: '抽查事项' }),
  category: z.string().trim().max(50).optional().meta({ title: '行业类别（为空则不限）' }),
  counts: z.object({ high: z.number().int().min(0).max(10000), medium: z.number().int().min(0).max(10000), low: z.number().int().min(0).max(10000) }).meta({ title: '各风险等级抽取数量' }),
  inspectorsPerTarget: z.number().int().min(2).max(10).default(2).meta({ title: '每户检查人员数' }),
  jointOrgIds: z.array(recordId('联合抽查部门')).max(20).default([]).meta({ title: '联合抽查部门' }),
  conflicts: z.array(z.object({ certNo: z.string().trim().min(1), code: z.string().trim().min(1) })).max(1000).default([]).meta({ title: '需回避的人员与对象' }),
});

/** Step 1: freeze the pools and publish the commitment. The seed stays secret until the draw. */
export async function commitDraw(k: Kernel, actor: Actor, input: z.infer<typeof commitInput>) {
  const org = await getOrg(k.db, input.orgId);
  assertCan(actor, 'draws.commit', org.path);
  const orgIds = [org.id, ...input.jointOrgIds];
  for (const id of input.jointOrgIds) if ((await governmentOf(k.db, id)).id !== (await governmentOf(k.db, org.id)).id) throw badRequest('联合抽查部门须为本级政府所属部门');
  let q = k.db.selectFrom('inspection_targets').select(['credit_code as code', 'name', 'risk']).where('org_id', 'in', orgIds).where('active', '=', true);
  if (input.category) q = q.where('category', '=', input.category);
  const targets = [...new Map((await q.execute()).map((t) => [t.code, t])).values()].sort((a, b) => a.code.localeCompare(b.code));
  const inspectors = await validCertificates(k.db, { orgIds }, k.today());
  for (const risk of ['high', 'medium', 'low'] as Risk[]) {
    const have = targets.filter((t) => t.risk === risk).length;
    if (input.counts[risk] > have) throw badRequest(`${RISK_LABELS[risk]}对象只有${have}户，不足${input.counts[risk]}户`);
  }
  if (input.counts.high + input.counts.medium + input.counts.low === 0) throw badRequest('请至少抽取1户检查对象');
  if (inspectors.length < input.inspectorsPerTarget) throw badRequest(`持有效执法证的检查人员只有${inspectors.length}名，不足每户${input.inspectorsPerTarget}名`);
  const spec: DrawSpec = { item: input.item, counts: input.counts, inspectorsPerTarget: input.inspectorsPerTarget, targets: targets as DrawSpec['targets'], inspectors, conflicts: input.conflicts };
  const seed = randomBytes(32).toString('hex');
  return k.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('draws')
      .values({ org_id: org.id, title: input.title, item: input.item, joint_org_ids: JSON.stringify(input.jointOrgIds), spec: JSON.stringify(spec), commitment: sm3(seed), pool_hash: poolHash(spec), seed, result: null, drawn_on: null, created_by: actor.id })
      .returning(['id', 'commitment'])
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actorId: actor.id, action: 'draw.commit', entity: 'draw', entityId: row.id, after: { commitment: row.commitment, poolHash: poolHash(spec), targets: targets.length, inspectors: inspectors.length } });
    return row;
  });
}

/** Step 2: reveal the seed, compute the selection, and open an inspection case per drawn target. */
export async function performDraw(k: Kernel, actor: Actor, id: number) {
  const d = await k.db.selectFrom('draws').selectAll().where('id', '=', id).executeTakeFirst();
  if (!d) throw notFound('抽查任务');
  const org = await getOrg(k.db, d.org_id);
  assertCan(actor, 'draws.run', org.path);
  if (d.result) throw conflict('该任务已抽取，结果不能重抽');
  const spec = d.spec as DrawSpec;
  const result = runDraw(spec, d.seed!);
  const today = k.today();
  const holders = new Map(spec.inspectors.map((i) => [i.certNo, i.holder]));
  await k.db.transaction().execute(async (trx) => {
    const done = await trx.updateTable('draws').set({ result: JSON.stringify(result), drawn_on: today }).where('id', '=', id).where('result', 'is', null).executeTakeFirst();
    if (!done.numUpdatedRows) throw conflict('该任务已抽取，结果不能重抽');
    for (const t of result.targets) {
      await createCase(k, actor, {
        type: 'inspection',
        orgId: d.org_id,
        fields: { receivedOn: today, drawId: id, item: d.item, target: t.name, creditCode: t.code, risk: t.risk, inspectors: t.inspectors.map((c) => `${holders.get(c)}（${c}）`).join('、'), joint: d.joint_org_ids.length > 0 },
        openedBy: 'draw',
      }, trx);
    }
    await appendAudit(trx, { actorId: actor.id, action: 'draw.draw', entity: 'draw', entityId: id, after: { seed: d.seed, selected: result.targets.map((t) => t.code) } });
  });
  return readDraw(k, actor, id);
}

/** A draw as published: before the draw, the commitment only; after, the seed and the result. */
export async function readDraw(k: Kernel, actor: Actor | null, id: number) {
  const d = await k.db.selectFrom('draws as d').innerJoin('orgs as o', 'o.id', 'd.org_id').selectAll('d').select(['o.name as orgName', 'o.path']).where('d.id', '=', id).executeTakeFirst();
  if (!d || (actor && !canSeeOrg(actor, d.path))) throw notFound('抽查任务');
  const joint = await Promise.all(d.joint_org_ids.map((j) => getOrg(k.db, j).then((o) => o.name)));
  const spec = d.spec as DrawSpec;
  return {
    id: d.id,
    title: d.title,
    item: d.item,
    orgName: d.orgName,
    jointOrgNames: joint,
    committedAt: d.committed_at,
    commitment: d.commitment,
    poolHash: d.pool_hash,
    drawnOn: d.drawn_on,
    seed: d.result ? d.seed : null,
    // Inspectors' certificates are public (执法公示); targets are businesses, not persons.
    spec,
    result: d.result as DrawResult | null,
    pool: { targets: spec.targets.length, inspectors: spec.inspectors.length },
  };
}

const RISK_BY_LABEL: Record<string, Risk> = { 高: 'high', 高风险: 'high', 中: 'medium', 中风险: 'medium', 低: 'low', 低风险: 'low' };
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The target pool from a spreadsheet: all rows or none; every bad row named by its line. */
export async function importTargets(k: Kernel, actor: Actor, orgId: number, rows: Record<string, unknown>[]) {
  const org = await getOrg(k.db, orgId);
  assertCan(actor, 'targets.import', org.path);
  const problems: string[] = [];
  const items = rows.map((r, i) => {
    const line = i + 2;
    const code = String(r['统一社会信用代码'] ?? '').trim().toUpperCase();
    const name = String(r['名称'] ?? '').trim();
    const category = String(r['行业类别'] ?? '').trim();
    const risk = RISK_BY_LABEL[String(r['风险等级'] ?? '').trim()];
    if (!CREDIT_CODE.test(code)) problems.push(`第${line}行：统一社会信用代码「${code}」格式不正确`);
    if (!name) problems.push(`第${line}行：名称不能为空`);
    if (!category) problems.push(`第${line}行：行业类别不能为空`);
    if (!risk) problems.push(`第${line}行：风险等级应为 高、中 或 低`);
    return { org_id: orgId, credit_code: code, name, category, risk, address: String(r['地址'] ?? '').trim() || null };
  });
  if (!rows.length) problems.push('文件中没有数据行');
  if (problems.length) throw badRequest(`导入失败，未导入任何数据：${problems.slice(0, 20).join('；')}${problems.length > 20 ? `……共${problems.length}处` : ''}`, { problems });
  await k.db.transaction().execute(async (trx) => {
    for (const it of items) {
      await trx.insertInto('inspection_targets').values(it).onConflict((oc) => oc.columns(['org_id', 'credit_code']).doUpdateSet({ name: it.name, category: it.category, risk: it.risk, address: it.address, active: true })).execute();
    }
    await appendAudit(trx, { actorId: actor.id, action: 'targets.import', entity: 'org', entityId: orgId, after: { rows: items.length } });
  });
  return { imported: items.length };
}
