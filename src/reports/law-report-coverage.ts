import { sql } from 'kysely';
import type { Kernel } from '../kernel/kernel.ts';
import type { Actor } from '../kernel/auth/actor.ts';
import { canSeeOrg } from '../kernel/auth/actor.ts';
import { badRequest, notFound } from '../kernel/errors.ts';
import { getOrg } from '../kernel/orgs.ts';
import { percent } from '../kernel/indicators/compute.ts';
import { obligationOfOrgs, OBLIGATIONS } from '../kernel/obligations.ts';
import type { OrgKind } from '../kernel/db/schema.ts';

/**
 * 述法覆盖率 (review row 14.1) of an org subtree: the orgs that must 述法 (OBLIGATIONS.law_report,
 * the district's list) and which of them did. 述法 is yearly, so a 述法 counts for the 述法年度 it
 * reports on (recorded, or else the year of its 述法日期: a 年终述法 held in January with its year
 * recorded counts for the year before) **(choice)**; a period counts the 述法 of its years. A 述法
 * counts for the org it names as 述法单位, or else the org that keeps the record.
 *
 * It is not an indicator: an indicator counts cases, this divides orgs by orgs, so its drill-down
 * is its own list (`orgs`, with `missing` first) rather than /api/indicators/records.
 */
export interface CoverageOrg {
  orgId: number;
  name: string;
  kind: OrgKind;
  /** Whether the list was set for this org ('set') or follows its kind ('default'). */
  source: 'set' | 'default';
  reported: boolean;
  /** The 案号 of its 述法 in the period's years. */
  cases: string[];
}

export interface LawReportCoverage {
  orgId: number;
  orgName: string;
  from: string;
  to: string;
  years: number[];
  label: string;
  value: number | null;
  numerator: number;
  denominator: number;
  /** Every org that must 述法, in tree order. */
  orgs: CoverageOrg[];
  /** Those that have not (the drill-down to what is missing). */
  missing: { orgId: number; name: string; kind: OrgKind }[];
  /** 述法 by orgs the list does not require (counted nowhere in the rate, shown so none is lost). */
  others: { orgId: number; name: string; cases: string[] }[];
  basis: string;
}

export async function lawReportCoverage(k: Kernel, actor: Actor | null, orgId: number, period: { from: string; to: string }): Promise<LawReportCoverage> {
  const org = await getOrg(k.db, orgId);
  if (actor && !canSeeOrg(actor, org.path)) throw notFound('单位');
  if (period.from > period.to) throw badRequest('起始日期不能晚于截止日期');
  const [y1, y2] = [Number(period.from.slice(0, 4)), Number(period.to.slice(0, 4))];
  const obliged = await obligationOfOrgs(k.db, 'law_report', org.path);
  const { rows } = await sql<{ unit: number; number: string }>`
    select x.unit, x.number from (
      select coalesce((c.fields ->> 'unit')::int, c.org_id) as unit, c.number, c.received_on, c.id,
        coalesce((c.fields ->> 'year')::int, extract(year from c.received_on)::int) as year
      from cases c where c.type = 'law_report') x
    where x.year between ${y1} and ${y2} and x.unit in (select id from orgs where path like ${org.path + '%'})
    order by x.received_on, x.id`.execute(k.db);
  const byOrg = new Map<number, string[]>();
  for (const r of rows) byOrg.set(Number(r.unit), [...(byOrg.get(Number(r.unit)) ?? []), r.number]);
  const orgs: CoverageOrg[] = obliged
    .filter((o) => o.required)
    .map((o) => ({ orgId: o.id, name: o.name, kind: o.kind, source: o.source, reported: byOrg.has(o.id), cases: byOrg.get(o.id) ?? [] }));
  const required = new Set(orgs.map((o) => o.orgId));
  const names = new Map(obliged.map((o) => [o.id, o.name]));
  const numerator = orgs.filter((o) => o.reported).length;
  return {
    orgId: org.id,
    orgName: org.name,
    from: period.from,
    to: period.to,
    years: Array.from({ length: y2 - y1 + 1 }, (_, i) => y1 + i),
    label: '述法覆盖率',
    value: percent(numerator, orgs.length),
    numerator,
    denominator: orgs.length,
    orgs,
    missing: orgs.filter((o) => !o.reported).map(({ orgId, name, kind }) => ({ orgId, name, kind })),
    others: [...byOrg].filter(([id]) => !required.has(id)).map(([id, cases]) => ({ orgId: id, name: names.get(id) ?? String(id), cases })),
    basis: OBLIGATIONS.law_report.basis,
  };
}

/** Plain text (the CLI). */
export function lawReportCoverageText(r: LawReportCoverage): string {
  const out = [`${r.orgName} ${r.from}至${r.to} 述法覆盖率：${r.value === null ? '—（无应述法单位）' : `${r.value}%`}（${r.numerator}/${r.denominator}）`, ''];
  out.push('应述法单位\t是否述法\t案号');
  for (const o of r.orgs) out.push(`${o.name}${o.source === 'set' ? '（本区设定）' : ''}\t${o.reported ? '已述法' : '未述法'}\t${o.cases.join('、')}`);
  if (r.others.length) out.push('', '不在应述法名单内的述法：', ...r.others.map((o) => `${o.name}\t${o.cases.join('、')}`));
  return out.join('\n');
}
