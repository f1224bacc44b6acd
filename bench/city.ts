import { createOrg, type Org } from '../src/kernel/orgs.ts';
import { actorById, createUser } from '../src/kernel/auth/sessions.ts';
import type { Kernel } from '../src/kernel/kernel.ts';
import type { Actor } from '../src/kernel/auth/actor.ts';
import { addDays } from '../src/kernel/calendar/dates.ts';
import { Random } from '../src/demo/random.ts';
import { setDuties } from '../src/kernel/auth/permissions.ts';
import { centreDuties } from '../src/demo/duties.ts';

/**
 * A city's 12345 year in the shape of a hotline system's export: the categories and channels
 * real centres report, 300+ receiving units of very different load, summer and post-holiday
 * peaks, most orders closed with a 回访, some still open.
 */
export const CATEGORIES: Record<string, number> = {
  城市管理: 16, 住房物业: 14, 交通出行: 9, 市场监管: 9, 环境保护: 7, 劳动社保: 7, 教育: 6, 医疗卫生: 5, 公安: 5, 供水供电供气: 6, 农业农村: 3, 民政: 3, 文化旅游: 2, 其他: 8,
};
export const CHANNELS = { phone: 70, web: 8, wechat: 12, app: 8, letter: 2 };
const KINDS = { consult: 38, help: 22, complaint: 28, report: 5, suggestion: 5, praise: 2 };
const URGENCY = { urgent: 4, normal: 80, complex: 16 };
// Month weights: a summer peak (heat, water, power) and the January/February holiday dip.
const MONTH_WEIGHT = [7, 6, 8, 8, 9, 10, 11, 11, 9, 8, 7, 6];

export interface City {
  government: Org;
  centre: Org;
  units: Org[];
  admin: Actor;
}

export async function makeCity(k: Kernel, unitCount = 320): Promise<City> {
  const government = await createOrg(k.db, { parentId: null, name: '示例市人民政府', shortName: '示例市', kind: 'government' });
  const centre = await createOrg(k.db, { parentId: government.id, name: '示例市12345政务服务便民热线中心', shortName: '市12345热线', kind: 'office' });
  const units: Org[] = [];
  for (let i = 1; i <= unitCount; i++) {
    const kind = i % 4 === 0 ? 'township' : 'department';
    units.push(await createOrg(k.db, { parentId: government.id, name: `示例市第${i}承办单位`, shortName: `承办${i}`, kind, sort: i }));
  }
  const adminId = await createUser(k.db, { orgId: centre.id, scopeOrgId: government.id, username: 'admin', displayName: '热线管理员', role: 'admin', password: 'Bench@12345' });
  // The 12345 centre's duties: register, dispatch, import and call back orders city-wide.
  await setDuties(k.db, null, adminId, centreDuties(government), Object.fromEntries(k.types.all().map((t) => [t.key, t.actions.map((a) => a.key)])));
  const admin = (await actorById(k.db, adminId))!;
  return { government, centre, units, admin };
}

export const HEADER = ['热线工单编号', '受理日期', '来源渠道', '诉求类型', '问题分类', '诉求内容', '紧急程度', '当事人姓名/名称', '联系电话', '承办单位', '派单日期', '签收日期', '办结日期', '办理结果', '回访日期', '是否解决', '满意度'];

/** Order n of the year (deterministic): a spreadsheet row, header → cell text. */
export function hotlineRow(n: number, year: number, units: string[], asOf: string): Record<string, string> {
  const r = new Random(n * 2654435761 + year);
  const month = r.weighted(Object.fromEntries(MONTH_WEIGHT.map((w, i) => [String(i), w])));
  const received = `${year}-${String(Number(month) + 1).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
  const category = r.weighted(CATEGORIES);
  // A few units take most orders (城管, 住建, 市场监管); a long tail takes a handful each.
  const unit = units[Math.min(units.length - 1, Math.floor(units.length * r.next() ** 2.2))];
  const row: Record<string, string> = {
    热线工单编号: `SL${year}${String(n).padStart(8, '0')}`,
    受理日期: received,
    来源渠道: { phone: '电话', web: '网站', wechat: '微信', app: '移动端', letter: '信件' }[r.weighted(CHANNELS)],
    诉求类型: { consult: '咨询', help: '求助', complaint: '投诉', report: '举报', suggestion: '建议', praise: '表扬' }[r.weighted(KINDS)],
    问题分类: category,
    诉求内容: `${category}问题，市民反映情况并请求处理（工单${n}）`,
    紧急程度: { urgent: '紧急', normal: '一般', complex: '复杂' }[r.weighted(URGENCY)],
    '当事人姓名/名称': r.chance(0.85) ? `${r.pick(['王', '李', '张', '刘', '陈', '杨', '赵', '黄'])}某` : '',
    联系电话: r.chance(0.8) ? `13${r.int(100000000, 999999999)}` : '',
  };
  const at = (d: string) => (d <= asOf ? d : '');
  const dispatched = at(addDays(received, r.int(0, 1)));
  if (!dispatched) return row;
  row['承办单位'] = unit;
  row['派单日期'] = dispatched;
  const signed = at(addDays(dispatched, r.chance(0.92) ? 0 : r.int(1, 4)));
  if (!signed) return row;
  row['签收日期'] = signed;
  const completed = at(addDays(signed, r.int(0, r.chance(0.9) ? 6 : 25)));
  if (!completed) return row;
  row['办结日期'] = completed;
  row['办理结果'] = '已按规定办理并答复市民';
  const visited = at(addDays(completed, r.int(0, 3)));
  if (!visited || r.chance(0.05)) return row;
  row['回访日期'] = visited;
  row['是否解决'] = r.chance(0.82) ? '是' : '否';
  row['满意度'] = r.weighted({ 满意: 78, 基本满意: 14, 不满意: 8 });
  return row;
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
export const csvLine = (row: Record<string, string>) => HEADER.map((h) => csvCell(row[h] ?? '')).join(',') + '\n';
