import type { Kernel } from '../kernel/kernel.ts';
import type { Actor } from '../kernel/auth/actor.ts';
import { canSeeOrg } from '../kernel/auth/actor.ts';
import { assertCan } from '../kernel/auth/permissions.ts';
import { appendAudit } from '../kernel/audit/audit.ts';
import { createCase } from '../kernel/cases/engine.ts';
import { badRequest, notFound } from '../kernel/errors.ts';
import { getOrg } from '../kernel/orgs.ts';
import { reportDeadline } from '../reports/duty.ts';
import { clerksOf, notify } from './notify.ts';

/**
 * 督办 is issued on a case (the case's unit answers) or on a unit directly. It is a case of
 * type `supervision` (src/institutions/supervision), linked to the case it presses on.
 */
/** Who issues 督办 (the 依法治区办) also presses late reports: the duty to open a 督办. */
const SUPERVISE = 'case:supervision.intake';

export async function issueSupervision(k: Kernel, actor: Actor, input: { orgId?: number; caseId?: number; subject: string; demand: string; replyDays: number }) {
  assertCan(actor, SUPERVISE, undefined, '签发督办');
  let orgId = input.orgId;
  let caseNumber: string | undefined;
  if (input.caseId) {
    const c = await k.db.selectFrom('cases as c').innerJoin('orgs as o', 'o.id', 'c.org_id').select(['c.id', 'c.number', 'c.org_id', 'o.path']).where('c.id', '=', input.caseId).executeTakeFirst();
    if (!c || !canSeeOrg(actor, c.path)) throw notFound('被督办的案件');
    orgId = c.org_id;
    caseNumber = c.number;
  }
  if (!orgId) throw badRequest('请选择被督办单位或案件');
  const org = await getOrg(k.db, orgId);
  return k.db.transaction().execute(async (trx) => {
    const id = await createCase(k, actor, { type: 'supervision', orgId: org.id, fields: { receivedOn: k.today(), subject: input.subject, demand: input.demand, replyDays: input.replyDays, ...(caseNumber ? { caseNumber } : {}) } }, trx);
    if (input.caseId) await trx.insertInto('case_links').values({ from_case_id: id, to_case_id: input.caseId, kind: 'supervise' }).execute();
    const number = (await trx.selectFrom('cases').select('number').where('id', '=', id).executeTakeFirstOrThrow()).number;
    await notify(trx, await clerksOf(trx, org.id), {
      kind: 'supervision',
      title: `督办：${input.subject}`,
      body: `${number}，请于${input.replyDays}个工作日内答复。${caseNumber ? `关联案件${caseNumber}。` : ''}`,
      link: `/cases/${id}`,
      dedupe: `supervision:${id}`,
      by: actor.id,
    });
    return id;
  });
}

/** 催报: reminds the reporting clerks of units that have not submitted their annual report. */
export async function urgeReports(k: Kernel, actor: Actor, input: { year: number; orgIds: number[] }) {
  assertCan(actor, SUPERVISE, undefined, '催报');
  const today = k.today();
  const results: { orgId: number; orgName: string; notified: number }[] = [];
  await k.db.transaction().execute(async (trx) => {
    for (const orgId of [...new Set(input.orgIds)]) {
      const org = await getOrg(trx, orgId);
      if (!canSeeOrg(actor, org.path)) throw notFound('单位');
      const report = await trx.selectFrom('reports').select(['id', 'state']).where('org_id', '=', org.id).where('year', '=', input.year).executeTakeFirst();
      if (report && ['submitted', 'published'].includes(report.state)) throw badRequest(`${org.name}已报送${input.year}年度报告，无需催报`);
      const due = reportDeadline(org.kind, input.year);
      if (!due) throw badRequest(`${org.name}没有报送法治政府建设年度报告的义务，无需催报`);
      const sent = await notify(trx, await clerksOf(trx, org.id), {
        kind: 'urge',
        title: `催报：${input.year}年度法治政府建设年度报告`,
        body: `${org.name}：请最迟于${due}完成并报送${input.year}年度法治政府建设年度报告${today > due ? '（已逾期）' : ''}。`,
        link: report ? `/reports/${report.id}` : '/reports',
        // At most one reminder per unit per day.
        dedupe: `urge:${org.id}:${input.year}:${today}`,
        by: actor.id,
      });
      await appendAudit(trx, { actorId: actor.id, action: 'report.urge', entity: 'org', entityId: org.id, after: { year: input.year, notified: sent } });
      results.push({ orgId: org.id, orgName: org.name, notified: sent.length });
    }
  });
  return results;
}
