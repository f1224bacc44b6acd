import { z } from 'zod';
import { sql } from 'kysely';
import { defineCaseType, f } from '../../kernel/cases/define.ts';
import type { Database } from '../../kernel/db/connect.ts';
import { governmentOf } from '../../kernel/orgs.ts';

/**
 * 行政执法证件: issued (核发) to a named 执法人员 of an 执法主体, reviewed every year (年审), and
 * revoked (注销) when the holder leaves enforcement work. Only holders of a valid certificate
 * may act in an enforcement case (行政处罚法 art. 42: at least two, with certificates).
 */
export const enforcementCertificate = defineCaseType({
  key: 'enforcement_certificate',
  name: '执法证件',
  basis: '《中华人民共和国行政处罚法》第四十二条；各省行政执法证件管理办法',
  number: ({ org, year, seq }) => `${org}执证〔${year}〕${seq}号`,
  states: {
    valid: { label: '有效' },
    suspended: { label: '暂扣（年审不合格）' },
    revoked: { label: '已注销', final: true },
  },
  initial: 'valid',
  intake: z.object({
    receivedOn: f.date('核发日期'),
    holder: f.text('持证人', 50),
    certNo: f.text('执法证号', 30).regex(/^[0-9A-Za-z-]{6,30}$/, { message: '执法证号应为6至30位字母、数字' }),
    field: f.text('执法领域', 50),
  }),
  title: (x) => `${x.holder}（${x.certNo}）`,
  actions: [
    {
      key: 'annual_review',
      label: '年审',
      from: ['valid', 'suspended'],
      to: 'valid',
      fields: z.object({ passed: f.flag('年审合格'), hours: z.number().int().min(0).max(500).meta({ title: '当年培训学时' }) }),
      check: ({ data }) => (data.passed ? undefined : '年审不合格的，请办理「暂扣」'),
    },
    { key: 'suspend', label: '暂扣（年审不合格）', from: ['valid'], to: 'suspended', fields: z.object({ reason: f.longText('原因') }) },
    { key: 'revoke', label: '注销', from: ['valid', 'suspended'], to: 'revoked', outcome: 'revoked', fields: z.object({ reason: f.choice('注销原因', { left: '调离执法岗位', retired: '退休', violation: '违法违纪', other: '其他' }) }) },
  ],
  clocks: [
    { key: 'review', label: '年审', basis: '执法证件每年审验一次', length: 12, unit: 'month', startOn: ['receive', 'annual_review'], stopOn: ['revoke'] },
  ],
  outcomes: { revoked: '已注销' },
  report: { area: 'enforcement', sentences: ['全年新核发行政执法证件{{执法证件.核发}}张，注销{{执法证件.注销}}张。'] },
  indicators: [
    { key: 'issued', label: '核发', unit: '张', description: '期间内核发的执法证件', count: { events: ['receive'] } },
    { key: 'reviewed', label: '年审', unit: '张', description: '期间内年审合格的执法证件', count: { events: ['annual_review'] } },
    { key: 'revoked', label: '注销', unit: '张', description: '期间内注销的执法证件', count: { events: ['revoke'] } },
  ],
});

export interface ValidCertificate {
  certNo: string;
  holder: string;
  orgId: number;
}

/**
 * The certificates valid on a day, held in these orgs or anywhere under an org path: neither
 * suspended nor revoked, and not past their 年审. Sorted by number.
 */
export async function validCertificates(db: Database, where: { orgIds: number[] } | { under: string }, on: string): Promise<ValidCertificate[]> {
  const holders = 'orgIds' in where ? sql`c.org_id in (${sql.join(where.orgIds)})` : sql`o.path like ${where.under + '%'}`;
  const { rows } = await sql<ValidCertificate>`
    select c.fields->>'certNo' as "certNo", c.fields->>'holder' as holder, c.org_id as "orgId"
    from cases c join orgs o on o.id = c.org_id
    left join case_clocks cc on cc.case_id = c.id and cc.clock = 'review'
    where c.type = 'enforcement_certificate' and c.state = 'valid' and ${holders}
      and (cc.due_on is null or cc.due_on >= ${on})
    order by 1`.execute(db);
  return rows;
}

/** Which of these certificate numbers are not valid on the day in the case's government. */
export async function invalidCertificates(db: Database, orgId: number, certNos: string[], on: string): Promise<string[]> {
  const valid = new Set((await validCertificates(db, { under: (await governmentOf(db, orgId)).path }, on)).map((c) => c.certNo));
  return certNos.filter((n) => !valid.has(n));
}
