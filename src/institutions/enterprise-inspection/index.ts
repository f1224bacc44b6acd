import { z } from 'zod';
import { sql } from 'kysely';
import { defineCaseType, f } from '../../kernel/cases/define.ts';
import type { Database } from '../../kernel/db/connect.ts';
import { invalidCertificates } from '../enforcement/certificate.ts';
import { applicableItems, type RegisterItem } from '../../kernel/registers.ts';

/**
 * 涉企行政检查, one case per inspection of one enterprise, under 国办发〔2024〕54号 (《国务院办公厅
 * 关于严格规范涉企行政检查的意见》) and the 司法部's 问题解答 on it, with the 行政处罚法's rules for
 * officers who inspect. 检查审批 → 亮证、告知 and the 检查记录 → 检查结果 told to the enterprise.
 * The 意见's text itself was not in the mirrors: what is enforced here is what the 国务院新闻办
 * briefing and the 问题解答 say it requires (docs/domain.md lists the sources). It fixes no period
 * for telling the result, so there is no clock.
 */
export const KINDS = { routine: '日常检查', individual: '个案检查', special: '专项检查' };
export const MODES = { onsite: '现场检查（入企）', offsite: '非现场检查' };
export const RESULTS = { compliant: '未发现问题', guidance: '提醒指导', rectify: '发现问题，责令改正', case: '发现违法行为，转立案查处' };

const TYPE = 'enterprise_inspection';
const CAP_BASIS = '国办发〔2024〕54号「合理确定行政检查方式」及司法部问题解答：公布同一企业年度检查频次上限，上级部署的专项检查除外';

/** Inspections this org has already carried out at this enterprise in the calendar year, leaving out the exempt ones. */
export async function inspectionsThisYear(db: Database, orgId: number, creditCode: string, on: string): Promise<number> {
  const year = on.slice(0, 4);
  const { rows } = await sql<{ n: number }>`
    select count(distinct c.id)::int as n
    from cases c join case_events e on e.case_id = c.id and e.kind = 'record'
    where c.type = ${TYPE} and c.org_id = ${orgId} and c.fields->>'creditCode' = ${creditCode}
      and coalesce((c.fields->>'superiorSpecial')::boolean, false) = false
      and e.occurred_on between ${`${year}-01-01`} and ${`${year}-12-31`}`.execute(db);
  return rows[0]?.n ?? 0;
}

/** The 线索 a finding becomes: a 行政处罚 case found by inspection, received on the day of the finding. */
export const findingClue = (fields: Record<string, any>, note?: string) => ({
  kind: 'penalty',
  source: 'inspection',
  matter: `${fields.item}：${fields.target}${note ? `（${note}）` : ''}`.slice(0, 300),
  major: false,
});

/**
 * The 年度涉企行政检查计划 item a case names (register `inspection_plans`, this org's or an org
 * above it), or a refusal when it is not in the plan of the inspection's year.
 */
export async function planItem(db: Database, orgId: number, code: string, on: string): Promise<RegisterItem | string> {
  const year = Number(on.slice(0, 4));
  const items = (await applicableItems(db, orgId, 'inspection_plans')).filter((i) => i.code === code.trim());
  const item = items.find((i) => Number(i.year) === year);
  if (item) return item;
  if (items.length) return `检查计划事项${code}属于${items.map((i) => i.year).join('、')}年度计划，不在${year}年度公布的检查计划中（${PLAN_BASIS}）`;
  return `检查计划事项${code}不在本单位或上级公布的年度涉企行政检查计划中（${PLAN_BASIS}）`;
}

const PLAN_BASIS = '国办发〔2024〕54号：按公布的检查事项和频次上限实施检查';

const approved = (events: { kind: string }[]) => events.some((e) => e.kind === 'approve' || e.kind === 'approve_after');

export const enterpriseInspection = defineCaseType({
  key: TYPE,
  name: '涉企行政检查',
  basis: '《国务院办公厅关于严格规范涉企行政检查的意见》（国办发〔2024〕54号）；《中华人民共和国行政处罚法》第四十二条、第五十五条',
  number: ({ org, year, seq }) => `${org}检〔${year}〕${seq}号`,
  states: {
    planned: { label: '待负责人批准' },
    approved: { label: '已批准待实施' },
    recorded: { label: '已检查待出具结果' },
    concluded: { label: '已告知检查结果', final: true },
    cancelled: { label: '已取消', final: true },
  },
  initial: 'planned',
  intake: z.object({
    receivedOn: f.date('提请检查日期'),
    kind: f.choice('检查类型', KINDS),
    superiorSpecial: f.flag('上级部署的专项检查（不计入年度频次上限）').optional(),
    item: f.text('检查事项（已公布的行政检查事项）', 200),
    target: f.text('被检查企业', 200),
    creditCode: f.text('统一社会信用代码', 18),
    mode: f.choice('检查方式', MODES),
    planItem: f.optionalText('年度检查计划事项编码（填写后按计划公布的频次上限检查）', 40),
    annualCap: z.number().int().min(1).max(365).optional().meta({ title: '本领域公布的同一企业年度检查频次上限（次，未引用检查计划时填写）' }),
    joint: f.flag('多部门联合检查（“综合查一次”）').optional(),
    partners: f.optionalText('联合检查部门', 300),
    emergency: f.flag('情况紧急，须先行检查（事后补办批准）').optional(),
  }),
  title: (x) => `${x.item}：${x.target}`.slice(0, 80),
  actions: [
    {
      key: 'approve',
      label: '负责人批准检查',
      basis: '司法部《国办发〔2024〕54号有关问题解答》：实施行政检查应当报行政执法主体负责人批准',
      from: ['planned'],
      to: 'approved',
      fields: z.object({ approver: f.text('批准的负责人', 50) }),
    },
    {
      key: 'record',
      label: '实施检查（亮证、告知、记录）',
      basis: '行政处罚法第四十二条、第五十五条：执法人员不得少于两人，检查时主动出示执法证件；国办发〔2024〕54号「明确行政检查主体」：未取得执法证件的人员不得实施检查',
      from: ['planned', 'approved'],
      to: 'recorded',
      fields: z.object({
        officer1: f.text('检查人员一（执法证号）', 30),
        officer2: f.text('检查人员二（执法证号）', 30),
        certificatesShown: f.flag('已主动出示执法证件'),
        told: f.flag('已告知检查事项、依据和企业的权利（含申请回避）'),
        scanned: f.flag('已扫码入企（检查行为赋码留痕）').optional(),
        findings: f.longText('检查情况'),
      }),
      check: ({ state, fields, data }) => {
        if (state === 'planned' && !fields.emergency) return '实施行政检查须经行政执法主体负责人批准；情况紧急的可先行检查、事后补办（司法部关于国办发〔2024〕54号的问题解答）';
        if (data.officer1 === data.officer2) return '执法人员不得少于两人，请填写两名不同检查人员的执法证号（行政处罚法第四十二条）';
        if (!data.certificatesShown) return '执法人员进行检查时应当主动出示执法证件（行政处罚法第五十五条）';
        if (!data.told) return '检查时应当告知企业检查事项、依据及其权利（国办发〔2024〕54号、司法部行政检查文书格式文本）';
        return undefined;
      },
      verify: async ({ db, orgId, data, fields, on }) => {
        const bad = await invalidCertificates(db, orgId, [data.officer1, data.officer2], on);
        if (bad.length) return `执法证号${bad.join('、')}不是有效的执法证件，持证人员以外的人不得实施行政检查（国办发〔2024〕54号「明确行政检查主体」）`;
        // A case naming its plan item takes the cap the plan published; the typed one is for cases without.
        let cap = Number(fields.annualCap);
        if (fields.planItem) {
          const item = await planItem(db, orgId, fields.planItem, on);
          if (typeof item === 'string') return item;
          cap = Number(item.annualCap);
        }
        if (!cap || fields.superiorSpecial) return undefined;
        const done = await inspectionsThisYear(db, orgId, fields.creditCode, on);
        return done >= cap ? `本单位今年已对该企业检查${done}次，达到公布的年度检查频次上限${cap}次（${CAP_BASIS}）` : undefined;
      },
    },
    {
      key: 'approve_after',
      label: '补办负责人批准（紧急检查）',
      basis: '司法部关于国办发〔2024〕54号的问题解答：情况紧急先行检查的，事后补办批准手续',
      from: ['recorded'],
      fields: z.object({ approver: f.text('批准的负责人', 50) }),
      when: ({ events }) => !approved(events),
    },
    {
      key: 'conclude',
      label: '出具检查结果并告知企业',
      basis: '国办发〔2024〕54号「严格行政检查标准、程序」：检查结果告知企业',
      from: ['recorded'],
      to: 'concluded',
      outcome: { field: 'result' },
      fields: z.object({ result: f.choice('检查结果', RESULTS), told: f.flag('已将检查结果书面告知企业'), note: f.optionalText('处理情况') }),
      check: ({ events, data }) => {
        if (!approved(events)) return '紧急先行检查的，须补办负责人批准后才能出具检查结果（司法部关于国办发〔2024〕54号的问题解答）';
        return data.told ? undefined : '检查结果应当告知企业（国办发〔2024〕54号）';
      },
      // A violation found opens the 行政执法 case (线索) in the same unit, linked to this inspection.
      spawn: ({ fields, data, orgId }) => (data.result === 'case' ? { type: 'enforcement', orgId, fields: findingClue(fields, data.note) } : null),
    },
    { key: 'cancel', label: '取消检查', from: ['planned', 'approved'], to: 'cancelled', fields: z.object({ reason: f.longText('取消理由（如可合并、联合或改为非现场检查）') }) },
  ],
  clocks: [],
  outcomes: RESULTS,
  report: {
    area: 'enforcement',
    // A rate follows its own numerator and denominator, as the report checker reads them.
    sentences: ['开展涉企行政检查{{涉企行政检查.涉企检查}}户次，其中多部门联合检查{{涉企行政检查.联合检查}}户次，联合检查占比{{涉企行政检查.联合检查占比}}；入企检查{{涉企行政检查.入企检查}}户次，非现场检查{{涉企行政检查.非现场检查}}户次。'],
  },
  indicators: [
    { key: 'inspected', label: '涉企检查', unit: '户次', description: '期间内实施的涉企行政检查（以检查记录计）', count: { events: ['record'] } },
    { key: 'onsite', label: '入企检查', unit: '户次', description: '期间内实施的现场（入企）检查', count: { events: ['record'], caseEquals: { mode: 'onsite' } } },
    { key: 'offsite', label: '非现场检查', unit: '户次', description: '期间内以非现场方式实施的检查', count: { events: ['record'], caseEquals: { mode: 'offsite' } } },
    { key: 'special', label: '专项检查', unit: '户次', description: '期间内实施的专项检查', count: { events: ['record'], caseEquals: { kind: 'special' } } },
    { key: 'joint', label: '联合检查', unit: '户次', description: '期间内多部门联合实施的检查（涉企检查的一部分）', count: { events: ['record'], caseEquals: { joint: true } } },
    { key: 'joint_share', label: '联合检查占比', unit: '%', description: '联合检查 ÷ 涉企检查', rate: { numerator: 'joint', denominator: 'inspected' } },
    { key: 'scanned', label: '扫码入企', unit: '户次', description: '期间内扫码入企、赋码留痕的检查', count: { events: ['record'], dataEquals: { scanned: true } } },
    { key: 'scan_rate', label: '扫码入企率', unit: '%', description: '扫码入企 ÷ 入企检查', rate: { numerator: 'scanned', denominator: 'onsite' } },
    { key: 'problems', label: '发现问题', unit: '户次', description: '期间内检查发现问题、责令改正或转立案的', count: { events: ['conclude'], outcomes: ['rectify', 'case'] } },
    { key: 'cancelled', label: '取消检查', unit: '户次', description: '期间内经审视取消的检查（合并、联合或改为非现场等）', count: { events: ['cancel'] } },
  ],
});
