import { z } from 'zod';
import { defineCaseType, f, partySchema } from '../../kernel/cases/define.ts';

/**
 * 值班律师: 法律援助机构 stations duty lawyers at 人民法院、人民检察院、看守所 (法律援助法第三十条;
 * 法律援助值班律师工作办法, 司规〔2020〕6号), who give suspects and defendants without a defender
 * 法律咨询、程序选择建议、申请变更强制措施、对案件处理提出意见 and the like; the 办案机关 tell them
 * of the right to see one (第三十七条). No procedure and no period: one record per duty day and
 * station, with how many people were helped and with what, like 法律咨询. The people helped may be
 * listed as parties (masked like every party); the figure is the 人次.
 */
const stations = {
  court: '人民法院',
  procuratorate: '人民检察院',
  detention: '看守所',
  other: '其他场所',
};

/** 法律援助法第三十条 names the first four; 值班律师工作办法第六条 adds helping to apply for 法律援助. */
export const DUTY_SERVICES = {
  consultations: '法律咨询',
  procedureAdvice: '程序选择建议',
  coercionChange: '申请变更强制措施',
  caseOpinions: '对案件处理提出意见',
  aidApplications: '帮助申请法律援助（转交申请）',
} as const;

const count = (title: string) => z.number().int().min(0).max(10000).optional().meta({ title });

export const dutyLawyer = defineCaseType({
  key: 'duty_lawyer',
  name: '值班律师',
  basis: '《中华人民共和国法律援助法》第三十条、第三十七条',
  number: ({ org, year, seq }) => `${org}值〔${year}〕${seq}号`,
  states: { recorded: { label: '已记录', final: true } },
  initial: 'recorded',
  intake: z
    .object({
      receivedOn: f.date('值班日期'),
      station: f.choice('派驻场所', stations),
      stationName: f.text('法律援助工作站', 100),
      lawyer: f.text('值班律师', 50),
      lawFirm: f.optionalText('执业机构', 100),
      persons: z.number().int().min(1).max(10000).meta({ title: '提供法律帮助人次' }),
      consultations: count(`其中：${DUTY_SERVICES.consultations}（人次）`),
      procedureAdvice: count(`其中：${DUTY_SERVICES.procedureAdvice}（人次）`),
      coercionChange: count(`其中：${DUTY_SERVICES.coercionChange}（人次）`),
      caseOpinions: count(`其中：${DUTY_SERVICES.caseOpinions}（人次）`),
      aidApplications: count(`其中：${DUTY_SERVICES.aidApplications}（人次）`),
      note: f.optionalText('其他法律帮助及说明', 500),
      parties: z.array(partySchema).max(200).optional().meta({ title: '受帮助的犯罪嫌疑人、被告人（可不填）' }),
    })
    .superRefine((x, ctx) => {
      // A part cannot exceed its whole: each service was given to at most the people helped that day.
      for (const key of Object.keys(DUTY_SERVICES) as (keyof typeof DUTY_SERVICES)[]) {
        if ((x[key] ?? 0) > x.persons) ctx.addIssue({ code: 'custom', path: [key], message: `${DUTY_SERVICES[key]}人次不能多于提供法律帮助人次（${x.persons}）` });
      }
      if (!Object.keys(DUTY_SERVICES).some((key) => (x[key as keyof typeof DUTY_SERVICES] ?? 0) > 0) && !x.note) {
        ctx.addIssue({ code: 'custom', path: ['consultations'], message: '请至少填写一项法律帮助的人次，或在说明中写明提供的法律帮助' });
      }
      if (x.parties && x.parties.length > x.persons) ctx.addIssue({ code: 'custom', path: ['parties'], message: `列出的受帮助人不能多于提供法律帮助人次（${x.persons}）` });
    }),
  title: (x) => `${x.stationName}值班（${x.lawyer}）`.slice(0, 80),
  actions: [],
  clocks: [],
  outcomes: {},
  report: { area: 'disputes', sentences: ['法律援助值班律师提供法律帮助{{值班律师.法律帮助人次}}人次。'] },
  indicators: [
    { key: 'shifts', label: '值班', unit: '次', description: '期间内记录的值班律师值班次数（每个工作站每个值班日一条）', count: { events: ['receive'] } },
    { key: 'persons', label: '法律帮助人次', unit: '人次', description: '期间内值班律师提供法律帮助的人次之和（法律援助法第三十条）', count: { events: ['receive'], sum: 'persons' } },
    ...(Object.entries(DUTY_SERVICES) as [keyof typeof DUTY_SERVICES, string][]).map(([key, label]) => ({
      key,
      label,
      unit: '人次',
      description: `期间内值班律师提供${label}的人次之和`,
      count: { events: ['receive'], sum: key },
    })),
  ],
});
