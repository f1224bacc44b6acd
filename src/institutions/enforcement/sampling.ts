import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { Kernel } from '../../kernel/kernel.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { assertCan, can } from '../../kernel/auth/permissions.ts';
import { notFound } from '../../kernel/errors.ts';
import { badRequest } from '../../kernel/errors.ts';
import { getOrg } from '../../kernel/orgs.ts';
import { createCase } from '../../kernel/cases/engine.ts';
import { pick } from '../inspection-draw/draw.ts';

/**
 * 案卷评查 sampling: closed enforcement case files of a year, from the units under `fromOrgId`,
 * picked at random (never one already under review) and opened as 评查 cases in the reviewing org.
 */
export async function sampleCaseFiles(k: Kernel, actor: Actor, input: { reviewerOrgId: number; fromOrgId: number; year: number; count: number }) {
  const reviewer = await getOrg(k.db, input.reviewerOrgId);
  const from = await getOrg(k.db, input.fromOrgId);
  // Sampled by the reviewing org's own people, from units they may see.
  assertCan(actor, 'sampling.run', reviewer.path);
  if (!can(actor, 'business.read', from.path)) throw notFound('被评查单位');
  const reviewed = k.db.selectFrom('cases').select(sql<string>`fields->>'caseNumber'`.as('n')).where('type', '=', 'file_review');
  const pool = await k.db
    .selectFrom('cases as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .select(['c.number', 'o.name as orgName'])
    .where('c.type', '=', 'enforcement')
    .where('c.state', '=', 'closed')
    .where('c.closed_on', '>=', `${input.year}-01-01`)
    .where('c.closed_on', '<=', `${input.year}-12-31`)
    .where('o.path', 'like', `${from.path}%`)
    .where('c.number', 'not in', reviewed)
    .orderBy('c.number')
    .execute();
  if (!pool.length) throw badRequest(`${from.name}${input.year}年没有可供评查的已结案卷`);
  const chosen = pick(pool, input.count, () => randomInt(2 ** 47) / 2 ** 47);
  const today = k.today();
  return k.db.transaction().execute(async (trx) => {
    for (const c of chosen) {
      await createCase(k, actor, { type: 'file_review', orgId: reviewer.id, fields: { receivedOn: today, caseNumber: c.number, caseOrg: c.orgName }, openedBy: 'sampling' }, trx);
    }
    return { sampled: chosen.length, of: pool.length, numbers: chosen.map((c) => c.number) };
  });
}
