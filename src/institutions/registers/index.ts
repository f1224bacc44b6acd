import { z } from 'zod';
import { f } from '../../kernel/cases/define.ts';
import type { Database } from '../../kernel/db/connect.ts';
import { applicableItems, RegisterKinds, type RegisterKind } from '../../kernel/registers.ts';

/**
 * The lists a government and its departments keep and publish (DOMAIN.md, Registers). Every item
 * has a 编码 and a 名称; the rest is what each list's rules ask for.
 */
const code = f.text('编码', 40);
const basis = f.text('设定依据', 500);

const POWER_TYPES = { licence: '行政许可', penalty: '行政处罚', coercion: '行政强制', levy: '行政征收', payment: '行政给付', inspection: '行政检查', confirmation: '行政确认', reward: '行政奖励', ruling: '行政裁决', other: '其他行政权力' };

const COUNSEL_CATEGORIES = { adviser: '法律顾问', public_lawyer: '公职律师' };

export const registerKinds: RegisterKind[] = [
  {
    key: 'powers',
    name: '权责清单',
    basis: '中共中央办公厅、国务院办公厅《关于推行地方各级政府工作部门权力清单制度的指导意见》',
    item: z.object({ code, name: f.text('事项名称', 200), type: f.choice('权力类型', POWER_TYPES), basis, duty: f.optionalText('责任事项', 1000) }),
  },
  {
    key: 'enforcement_items',
    name: '行政执法事项清单',
    basis: '国办发〔2018〕118号：行政执法事前公开',
    item: z.object({ code, name: f.text('执法事项', 200), type: f.choice('执法类别', POWER_TYPES), basis }),
  },
  {
    key: 'licence_reform',
    name: '证照分离改革事项清单',
    basis: '国发〔2021〕7号：证照分离改革全覆盖',
    item: z.object({
      code,
      name: f.text('许可事项', 200),
      mode: f.choice('改革方式', { cancelled: '直接取消审批', filing: '审批改为备案', pledge: '实行告知承诺', optimised: '优化审批服务' }),
      basis,
    }),
  },
  {
    key: 'exemptions',
    name: '轻微违法行为免罚清单',
    basis: '《中华人民共和国行政处罚法》第三十三条',
    item: z.object({
      code,
      name: f.text('违法行为', 200),
      kind: f.choice('类型', { first_violation: '首违不罚', minor: '轻微免罚' }),
      condition: f.text('适用条件', 500),
      basis,
    }),
  },
  {
    key: 'major_decisions',
    name: '重大行政决策事项目录',
    basis: '《重大行政决策程序暂行条例》第三条、第四条',
    item: z.object({ code, name: f.text('决策事项', 200), undertaker: f.text('承办单位', 100), planned: f.text('计划完成时间', 30), note: f.optionalText('备注', 500) }),
  },
  {
    key: 'publicity_duties',
    name: '普法责任清单',
    basis: '“谁执法谁普法”普法责任制',
    item: z.object({ code, name: f.text('普法内容', 200), laws: f.text('重点宣传的法律法规', 500), audience: f.text('普法对象', 100), measures: f.text('主要措施', 500) }),
  },
  {
    // 11.4: the year's plan, so a case names its 计划事项 and the published cap is read, not retyped.
    key: 'inspection_plans',
    name: '年度涉企行政检查计划',
    basis: '国办发〔2024〕54号：公布行政检查事项和同一企业年度检查频次上限（计划的写法为本平台做法）',
    item: z.object({
      code,
      name: f.text('检查事项', 200),
      year: z.coerce.number().int().min(2000).max(2100).meta({ title: '年度' }),
      scope: f.text('检查对象范围', 500),
      annualCap: z.coerce.number().int().min(1).max(365).meta({ title: '同一企业年度检查频次上限（次）' }),
    }),
  },
  {
    // 名册 of the government's and departments' counsel: staff, not parties, so names are plain; no phone field on purpose.
    key: 'counsel_roster',
    name: '法律顾问和公职律师名册',
    basis: '中共中央办公厅、国务院办公厅《关于推行法律顾问制度和公职律师公司律师制度的意见》（名册的写法为本平台做法）',
    item: z
      .object({
        code,
        name: f.text('姓名', 50),
        category: f.choice('类别', COUNSEL_CATEGORIES),
        certificate: f.text('执业证号或工作证号', 40),
        unit: f.text('所在单位', 100),
        servedOrg: f.optionalText('服务单位（法律顾问受聘的机关）', 100),
        termStart: f.date('聘任期限起'),
        termEnd: f.date('聘任期限止'),
      })
      .refine((i) => i.termEnd >= i.termStart, { message: '聘任期限止不能早于聘任期限起', path: ['termEnd'] }),
  },
  {
    key: 'certification_pledges',
    name: '证明事项告知承诺制清单',
    basis: '国办发〔2020〕42号：全面推行证明事项和涉企经营许可事项告知承诺制',
    item: z.object({
      code,
      name: f.text('证明事项', 200),
      matter: f.text('适用的办理事项', 200),
      basis,
      pledge: f.text('承诺内容', 500),
      verification: f.text('事中事后核查方式', 500),
      breach: f.text('虚假承诺的法律责任', 500),
    }),
  },
  {
    key: 'filing_items',
    name: '行政备案事项目录',
    basis: '行政备案事项清单管理（备案依据须为法律、法规、规章或国务院决定）',
    item: z.object({ code, name: f.text('备案事项', 200), department: f.text('实施部门', 100), basis, materials: f.optionalText('备案材料', 1000), timeLimit: f.optionalText('办理时限', 60) }),
  },
  {
    // One register, not one per department: the 共性清单 and each department's 个性清单 are items told apart by 清单类型.
    key: 'required_laws',
    name: '应知应会法律清单',
    basis: '领导干部和国家工作人员学法用法制度：应知应会党内法规和国家法律清单',
    item: z.object({
      code,
      name: f.text('法律法规名称', 200),
      scope: f.choice('清单类型', { common: '共性清单', specific: '部门个性清单' }),
      audience: f.text('适用对象', 200),
      note: f.optionalText('学习要求', 500),
    }),
  },
];

export const createRegisterKinds = () => new RegisterKinds(registerKinds);

/** Whether a cited 免罚 item (by 编码 or name) is in the current 免罚清单 of the org or an org above it. */
export async function exemptionItemKnown(db: Database, orgId: number, cited: string): Promise<boolean> {
  const text = cited.trim();
  return (await applicableItems(db, orgId, 'exemptions')).some((i) => text === i.code || text === i.name || text.includes(i.code));
}
