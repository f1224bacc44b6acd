import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import type { Kernel } from '../kernel/kernel.ts';
import type { Actor } from '../kernel/auth/actor.ts';
import { canSeeOrg } from '../kernel/auth/actor.ts';
import { getOrg } from '../kernel/orgs.ts';
import { addDays, diffDays } from '../kernel/calendar/dates.ts';
import { badRequest, notFound } from '../kernel/errors.ts';
import { computeIndicators, type IndicatorValue } from '../kernel/indicators/compute.ts';
import { isRate } from '../kernel/indicators/define.ts';
import { overdueSql } from '../kernel/cases/clocks.ts';

/**
 * Statistics for charts. Every series is an indicator computed by the indicator kernel for an
 * org and a period, so each bar or point drills down to the records behind it with the same
 * definition; only "overdue now" is a state, and it drills down to the filtered case list.
 */
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
const mm = (m: number) => String(m).padStart(2, '0');

export async function scopeOrg(k: Kernel, actor: Actor, orgId?: number) {
  const org = await getOrg(k.db, orgId ?? actor.scopeOrgId);
  if (!canSeeOrg(actor, org.path)) throw notFound('单位');
  return org;
}

/** The indicator each month of a year, and of the year before (同比). */
export async function monthlyTrend(k: Kernel, actor: Actor, q: { orgId?: number; year: number; key: string }) {
  const org = await scopeOrg(k, actor, q.orgId);
  const months = [];
  for (let m = 1; m <= 12; m++) {
    const from = `${q.year}-${mm(m)}-01`;
    if (from > k.today()) break;
    const to = lastDay(q.year, m);
    const [cur] = await computeIndicators(k, { orgId: org.id, from, to }, [q.key]);
    const [prev] = await computeIndicators(k, { orgId: org.id, from: `${q.year - 1}-${mm(m)}-01`, to: lastDay(q.year - 1, m) }, [q.key]);
    months.push({ month: m, from, to, value: cur.value, numerator: cur.numerator, denominator: cur.denominator, lastYear: prev.value });
  }
  const [def] = await computeIndicators(k, { orgId: org.id, from: `${q.year}-01-01`, to: `${q.year}-01-01` }, [q.key]);
  return { key: def.key, name: def.name, unit: def.unit, orgId: org.id, orgName: org.name, year: q.year, months };
}

/** The units directly under the scope (or the scope itself when it has none). */
async function childUnits(k: Kernel, parentId: number) {
  const rows = await k.db.selectFrom('orgs').select(['id', 'name', 'short_name', 'kind', 'path']).where('parent_id', '=', parentId).where('kind', '<>', 'committee').orderBy('sort').orderBy('id').execute();
  return rows.length ? rows : [await k.db.selectFrom('orgs').select(['id', 'name', 'short_name', 'kind', 'path']).where('id', '=', parentId).executeTakeFirstOrThrow()];
}

/** Units ranked by a rate (按期率, 满意率), those with no cases last. */
export async function ranking(k: Kernel, actor: Actor, q: { orgId?: number; from: string; to: string; key: string }) {
  const { def, key } = k.types.indicator(q.key);
  if (!isRate(def)) throw badRequest('排名须选择比率类指标（如按期率、满意率）');
  const org = await scopeOrg(k, actor, q.orgId);
  const rows = [];
  for (const u of await childUnits(k, org.id)) {
    const [v] = await computeIndicators(k, { orgId: u.id, from: q.from, to: q.to }, [key]);
    rows.push({ orgId: u.id, orgName: u.name, shortName: u.short_name, value: v.value, numerator: v.numerator ?? 0, denominator: v.denominator ?? 0 });
  }
  rows.sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || b.denominator - a.denominator);
  const [named] = await computeIndicators(k, { orgId: org.id, from: q.from, to: q.from }, [key]);
  return { key, name: named.name, from: q.from, to: q.to, rows };
}

/** Cases with a clock overdue today, by case type (drills down to the case list filtered so). */
export async function overdueByType(k: Kernel, actor: Actor, q: { orgId?: number }) {
  const org = await scopeOrg(k, actor, q.orgId);
  const rows = await k.db
    .selectFrom('cases as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .select(['c.type', sql<number>`count(*)::int`.as('n')])
    .where('o.path', 'like', `${org.path}%`)
    // The same test as the case list's overdue filter it drills down to (hour clocks by the minute).
    .where(sql<boolean>`exists (select 1 from case_clocks cc where cc.case_id = c.id and cc.status = 'running' and ${overdueSql(k.today(), k.now())})`)
    .groupBy('c.type')
    .execute();
  return {
    orgId: org.id,
    orgName: org.name,
    types: rows.map((r) => ({ type: r.type, typeName: k.types.get(r.type).name, count: r.n })).sort((a, b) => b.count - a.count),
  };
}

/** The same period a year earlier (同比) and the period of the same length just before (环比). */
export function comparisonPeriods(from: string, to: string) {
  const shiftYear = (d: string) => {
    const y = Number(d.slice(0, 4)) - 1;
    const md = d.slice(5);
    return md === '02-29' ? `${y}-02-28` : `${y}-${md}`;
  };
  const len = diffDays(from, to);
  const prevTo = addDays(from, -1);
  return { yoy: { from: shiftYear(from), to: shiftYear(to) }, mom: { from: addDays(prevTo, -len), to: prevTo } };
}

const change = (cur: number | null, prev: number | null, unit: string) => {
  if (cur === null || prev === null) return null;
  if (unit === '%') return Math.round((cur - prev) * 10) / 10;
  return prev === 0 ? null : Math.round(((cur - prev) / prev) * 1000) / 10;
};

/** Indicators for a period beside 同比 and 环比; a rate's change is in percentage points. */
export async function compare(k: Kernel, actor: Actor, q: { orgId?: number; from: string; to: string; keys?: string[] }) {
  if (q.from > q.to) throw badRequest('起始日期不能晚于截止日期');
  const org = await scopeOrg(k, actor, q.orgId);
  const p = comparisonPeriods(q.from, q.to);
  const [cur, yoy, mom] = await Promise.all([
    computeIndicators(k, { orgId: org.id, from: q.from, to: q.to }, q.keys),
    computeIndicators(k, { orgId: org.id, ...p.yoy }, q.keys),
    computeIndicators(k, { orgId: org.id, ...p.mom }, q.keys),
  ]);
  const at = (xs: IndicatorValue[], key: string) => xs.find((x) => x.key === key)?.value ?? null;
  return {
    orgId: org.id,
    orgName: org.name,
    period: { from: q.from, to: q.to },
    yoyPeriod: p.yoy,
    momPeriod: p.mom,
    rows: cur.map((c) => {
      const y = at(yoy, c.key);
      const m = at(mom, c.key);
      return { key: c.key, name: c.name, unit: c.unit, value: c.value, yoy: y, mom: m, yoyChange: change(c.value, y, c.unit), momChange: change(c.value, m, c.unit) };
    }),
  };
}

/** Units × indicators for one period. */
export async function matrix(k: Kernel, actor: Actor, q: { orgId?: number; from: string; to: string; keys: string[] }) {
  if (q.from > q.to) throw badRequest('起始日期不能晚于截止日期');
  if (!q.keys.length) throw badRequest('请至少选择一项指标');
  const org = await scopeOrg(k, actor, q.orgId);
  const units = await childUnits(k, org.id);
  const rows = [];
  let columns: { key: string; name: string; unit: string }[] = [];
  for (const u of units) {
    const values = await computeIndicators(k, { orgId: u.id, from: q.from, to: q.to }, q.keys);
    columns = values.map((v) => ({ key: v.key, name: v.name, unit: v.unit }));
    rows.push({ orgId: u.id, orgName: u.name, values: Object.fromEntries(values.map((v) => [v.key, v.value])) });
  }
  return { orgId: org.id, orgName: org.name, from: q.from, to: q.to, columns, rows };
}

export async function matrixXlsx(data: Awaited<ReturnType<typeof matrix>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('指标对比');
  ws.addRow([`${data.orgName}所属单位指标对比（${data.from} 至 ${data.to}）`]);
  ws.addRow(['单位', ...data.columns.map((c) => `${c.name}（${c.unit}）`)]).font = { bold: true };
  for (const r of data.rows) ws.addRow([r.orgName, ...data.columns.map((c) => r.values[c.key] ?? '—')]);
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 2 }];
  ws.getColumn(1).width = 32;
  for (let i = 2; i <= data.columns.length + 1; i++) ws.getColumn(i).width = 16;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
