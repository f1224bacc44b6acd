import { sql } from 'kysely';
import type { Kernel } from '../kernel/kernel.ts';
import type { Actor } from '../kernel/auth/actor.ts';
import { assertAdmin, canSeeOrg, seesPersonalData } from '../kernel/auth/actor.ts';
import { handles } from '../kernel/auth/permissions.ts';
import { appendAudit } from '../kernel/audit/audit.ts';
import { yearOf } from '../kernel/calendar/dates.ts';
import { stateLabel, type CaseTypeDef } from '../kernel/cases/define.ts';
import { badRequest, forbidden, notFound } from '../kernel/errors.ts';
import { maskName, maskText } from '../kernel/privacy.ts';
import { documentDocx } from '../reports/docx.ts';

/**
 * 文书 from templates. A template belongs to a step (受理通知书 to 受理) or to any case (送达回证,
 * 审批表). Its text has placeholders in {{…}}: the fixed ones below, and every field of the
 * case's intake form or of the step's form by its Chinese title ({{被申请人}}, {{需补正的事项}}).
 * Issuing one numbers it (文号 like 区司法局复受〔2025〕3号, one sequence per unit, kind and year),
 * stores the filled text with the case and writes the audit trail. An admin's edit of a template
 * is a new version that applies from then on; issued 文书 keep their text.
 */
export const FIXED_PLACEHOLDERS: Record<string, string> = {
  案号: '案件的案号',
  单位: '办理单位全称',
  当事人: '第一位当事人（申请人）姓名或名称',
  事项: '案件事项',
  案件类型: '案件类型名称',
  当前环节: '案件当前所处环节',
  收到日期: '收到申请（登记）日期',
  办理日期: '该环节的办理日期',
  期限届满: '正在计算的最近届满日',
};

export interface TemplateDef {
  key: string;
  name: string;
  type: string | null;
  /** Steps whose record the 文书 documents; null: any case. */
  steps: string[] | null;
  /** 文号 kind, after the unit's short name. */
  prefix: string;
  /** Addressed to the party (主送), or not addressed. */
  addressed: boolean;
  body: string;
}

const APPEAL = '如不服本决定，可以自收到本决定书之日起十五日内，依法向人民法院提起行政诉讼。';

export const BUILT_IN: TemplateDef[] = [
  {
    key: 'reconsideration.accept',
    name: '行政复议受理通知书',
    type: 'reconsideration',
    steps: ['accept', 'accept_simple'],
    prefix: '复受',
    addressed: true,
    body: '你（单位）不服{{被申请人}}{{被申请复议的行政行为}}，于{{收到日期}}向本机关提出行政复议申请（{{案号}}）。经审查，该申请符合《中华人民共和国行政复议法》规定的受理条件，本机关决定自{{办理日期}}起受理。\n审理期间，你（单位）可以依法查阅、复制被申请人提出的书面答复、作出行政行为的证据、依据和其他有关材料。',
  },
  {
    key: 'reconsideration.correction',
    name: '行政复议申请补正通知书',
    type: 'reconsideration',
    steps: ['request_correction'],
    prefix: '复补',
    addressed: true,
    body: '你（单位）于{{收到日期}}提出的行政复议申请（{{案号}}）材料不齐全或者表述不清楚。依照《中华人民共和国行政复议法》第三十一条，请自收到本通知之日起十日内补正下列事项：\n{{需补正的事项}}\n有正当理由不能按期补正的，可以申请延长补正期限；无正当理由逾期不补正的，视为放弃行政复议申请。',
  },
  {
    key: 'reconsideration.reject',
    name: '不予受理行政复议申请决定书',
    type: 'reconsideration',
    steps: ['reject'],
    prefix: '复不受',
    addressed: true,
    body: '你（单位）不服{{被申请人}}{{被申请复议的行政行为}}，于{{收到日期}}向本机关提出行政复议申请（{{案号}}）。经审查，{{不予受理理由}}。本机关决定不予受理。{{告知的有管辖权机关}}\n' + APPEAL,
  },
  {
    key: 'reconsideration.extension',
    name: '行政复议延期审理通知书',
    type: 'reconsideration',
    steps: ['approve_extension'],
    prefix: '复延',
    addressed: true,
    body: '本机关受理的{{案号}}行政复议案件，因案情复杂，不能在规定期限内作出行政复议决定。依照《中华人民共和国行政复议法》第六十二条，经行政复议机构负责人批准，审理期限延长{{批准延长天数}}日，现予告知。',
  },
  {
    key: 'reconsideration.suspend',
    name: '行政复议中止审理通知书',
    type: 'reconsideration',
    steps: ['suspend'],
    prefix: '复中',
    addressed: true,
    body: '本机关受理的{{案号}}行政复议案件，因{{中止情形}}，依照《中华人民共和国行政复议法》第三十九条，自{{办理日期}}起中止审理。中止审理的原因消除后，本机关将及时恢复审理并书面告知。',
  },
  {
    key: 'reconsideration.decision',
    name: '行政复议决定书',
    type: 'reconsideration',
    steps: ['decide'],
    prefix: '复决',
    addressed: false,
    body: '申请人：{{当事人}}\n被申请人：{{被申请人}}\n申请人不服被申请人{{被申请复议的行政行为}}，于{{收到日期}}向本机关申请行政复议，本机关依法受理并审理终结。\n{{决定要旨}}\n本机关决定：{{决定类型}}。\n' + APPEAL,
  },
  {
    key: 'disclosure.answer',
    name: '政府信息公开申请答复书',
    type: 'disclosure',
    steps: ['answer'],
    prefix: '依申请公开答',
    addressed: true,
    body: '你（单位）于{{收到日期}}提出的政府信息公开申请（{{案号}}）收悉。你（单位）申请获取的信息为：{{申请公开的政府信息}}。\n经审查，答复如下：{{答复类型}}。{{理由及法律依据}}\n信息提供方式：{{提供方式}}。\n如对本答复不服，可以依法申请行政复议或者提起行政诉讼。',
  },
  {
    key: 'enforcement.notice',
    name: '行政处罚事先告知书',
    type: 'enforcement',
    steps: ['notify'],
    prefix: '罚告',
    addressed: true,
    body: '本机关对你（单位）{{事项}}一案（{{案号}}）依法进行了调查。拟作出的行政处罚决定的内容、事实、理由和依据如下：\n{{拟作决定的内容、事实、理由、依据}}\n依照《中华人民共和国行政处罚法》第四十四条、第四十五条，你（单位）享有陈述、申辩的权利；符合第六十三条规定情形的，享有要求听证的权利。请于收到本告知书之日起五日内提出，逾期视为放弃。',
  },
  {
    key: 'enforcement.decision',
    name: '行政处罚决定书',
    type: 'enforcement',
    steps: ['decide'],
    prefix: '罚决',
    addressed: false,
    body: '当事人：{{当事人}}\n案由：{{事项}}（{{案号}}）\n本机关依法调查，作出如下决定：{{决定}}。罚没金额（元）：{{罚没金额（元）}}。\n依照《中华人民共和国行政处罚法》第六十七条，罚款应当自收到本决定书之日起十五日内缴纳。\n如不服本决定，可以依法申请行政复议或者提起行政诉讼。',
  },
  {
    key: 'any.receipt',
    name: '送达回证',
    type: null,
    steps: null,
    prefix: '送',
    addressed: false,
    body: '受送达人：{{当事人}}\n送达文书：{{事项}}（{{案号}}）\n送达地点：\n送达方式：\n受送达人签名或盖章：　　　　　　年　月　日\n送达人签名：　　　　　　年　月　日\n备注：',
  },
  {
    key: 'any.approval',
    name: '案件审批表',
    type: null,
    steps: null,
    prefix: '批',
    addressed: false,
    body: '案号：{{案号}}\n案件类型：{{案件类型}}\n承办单位：{{单位}}\n当事人：{{当事人}}\n事项：{{事项}}\n当前环节：{{当前环节}}（最近届满日：{{期限届满}}）\n承办人意见：\n审核人意见：\n负责人意见：',
  },
];

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

/** The templates in force: the newest saved version of each, or the built-in text. */
export async function templates(k: Kernel) {
  const rows = await k.db
    .selectFrom('document_templates as t')
    .selectAll()
    .where('t.version', '=', sql<number>`(select max(version) from document_templates x where x.key = t.key)`)
    .execute();
  const saved = new Map(rows.map((r) => [r.key, r]));
  return BUILT_IN.map((t) => {
    const s = saved.get(t.key);
    return { ...t, typeName: t.type ? k.types.get(t.type).name : '全部案件', body: s?.body ?? t.body, version: s?.version ?? 0, builtInBody: t.body };
  });
}

export async function saveTemplate(k: Kernel, actor: Actor, key: string, body: string) {
  assertAdmin(actor);
  const def = BUILT_IN.find((t) => t.key === key);
  if (!def) throw notFound(`文书模板「${key}」`);
  const unknown = [...body.matchAll(PLACEHOLDER)].map((m) => m[1]).filter((p) => !(p in FIXED_PLACEHOLDERS) && !fieldTitles(def.type ? [k.types.get(def.type)] : k.types.all()).has(p));
  if (unknown.length) throw badRequest(`模板中有无法填写的占位符：${[...new Set(unknown)].map((u) => `{{${u}}}`).join('、')}`);
  return k.db.transaction().execute(async (trx) => {
    const { v } = (await trx.selectFrom('document_templates').select(sql<number>`coalesce(max(version), 0)`.as('v')).where('key', '=', key).executeTakeFirst())!;
    await trx.insertInto('document_templates').values({ key, version: v + 1, body, created_by: actor.id }).execute();
    await appendAudit(trx, { actorId: actor.id, action: 'document.template', entity: 'document_template', entityId: key, after: { version: v + 1, body } });
    return v + 1;
  });
}

function fieldTitles(types: CaseTypeDef[]): Set<string> {
  const titles = new Set<string>();
  const add = (schema: any) => {
    for (const f of Object.values(schema?.shape ?? {}) as any[]) {
      const title = f?.meta?.()?.title ?? f?.unwrap?.()?.meta?.()?.title;
      if (title) titles.add(title);
    }
  };
  for (const t of types) {
    add(t.intake);
    for (const a of t.actions) add(a.fields);
  }
  return titles;
}

/** Field values by their Chinese titles, option keys shown as their labels. */
function byTitle(schema: any, values: Record<string, any>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, f] of Object.entries(schema?.shape ?? {}) as [string, any][]) {
    const meta = f?.meta?.() ?? f?.unwrap?.()?.meta?.() ?? {};
    const v = values[key];
    if (!meta.title || v === undefined || v === null || typeof v === 'object') continue;
    out[meta.title] = typeof v === 'boolean' ? (v ? '是' : '否') : (meta.options?.[v] ?? String(v));
  }
  return out;
}

async function loadCaseFor(k: Kernel, actor: Actor, caseId: number) {
  const c = await k.db.selectFrom('cases as c').innerJoin('orgs as o', 'o.id', 'c.org_id').selectAll('c').select(['o.name as org_name', 'o.short_name', 'o.path as org_path']).where('c.id', '=', caseId).executeTakeFirst();
  if (!c || !canSeeOrg(actor, c.org_path)) throw notFound('案件');
  return c;
}

/** The templates this case can issue now: those of steps it has taken, and the general ones. */
export async function availableTemplates(k: Kernel, actor: Actor, caseId: number) {
  const c = await loadCaseFor(k, actor, caseId);
  const kinds = new Set((await k.db.selectFrom('case_events').select('kind').where('case_id', '=', c.id).execute()).map((e) => e.kind));
  return (await templates(k)).filter((t) => (t.type === null || t.type === c.type) && (t.steps === null || t.steps.some((s) => kinds.has(s)))).map(({ key, name, version }) => ({ key, name, version }));
}

export async function issueDocument(k: Kernel, actor: Actor, caseId: number, templateKey: string) {
  const c = await loadCaseFor(k, actor, caseId);
  // A 文书 is issued by whoever handles that case type in that org.
  if (!handles(actor, c.type, c.org_path)) throw forbidden(`您没有办理该${k.types.get(c.type).name}的职责，不能制发文书`);
  const t = (await templates(k)).find((x) => x.key === templateKey);
  if (!t || (t.type !== null && t.type !== c.type)) throw badRequest('该案件不能使用这个文书模板');
  const def = k.types.get(c.type);
  const events = await k.db.selectFrom('case_events').select(['kind', 'occurred_on', 'data']).where('case_id', '=', c.id).orderBy('occurred_on', 'desc').orderBy('id', 'desc').execute();
  const step = t.steps ? events.find((e) => t.steps!.includes(e.kind)) : events[0];
  if (!step) throw badRequest(`「${t.name}」须在办理「${t.steps!.map((s) => def.actions.find((a) => a.key === s)?.label ?? s).join('或')}」后制作`);
  const party = await k.db.selectFrom('case_parties').select('name').where('case_id', '=', c.id).orderBy('id').executeTakeFirst();
  const due = await k.db.selectFrom('case_clocks').select(sql<string | null>`min(due_on)`.as('due')).where('case_id', '=', c.id).where('status', '=', 'running').executeTakeFirst();
  const action = def.actions.find((a) => a.key === step.kind);
  const values: Record<string, string> = {
    ...byTitle(def.intake, (c.fields ?? {}) as Record<string, any>),
    ...byTitle(action?.fields, (step.data ?? {}) as Record<string, any>),
    案号: c.number,
    单位: c.org_name,
    当事人: party?.name ?? '',
    事项: c.title,
    案件类型: def.name,
    当前环节: stateLabel(def, c.state),
    收到日期: c.received_on,
    办理日期: step.occurred_on,
    期限届满: due?.due ?? '',
  };
  const body = t.body.replace(PLACEHOLDER, (_, name: string) => values[name] ?? '');
  const today = k.today();
  return k.db.transaction().execute(async (trx) => {
    const { last } = await trx
      .insertInto('document_sequences')
      .values({ org_id: c.org_id, prefix: t.prefix, year: yearOf(today), last: 1 })
      .onConflict((oc) => oc.columns(['org_id', 'prefix', 'year']).doUpdateSet({ last: sql`document_sequences.last + 1` }))
      .returning('last')
      .executeTakeFirstOrThrow();
    const number = `${c.short_name}${t.prefix}〔${yearOf(today)}〕${last}号`;
    const row = await trx
      .insertInto('documents')
      .values({ case_id: c.id, template: t.key, template_version: t.version, number, title: t.name, addressee: t.addressed ? party?.name ?? null : null, body, signature: c.org_name, issued_on: today, issued_by: actor.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actorId: actor.id, action: 'document.issue', entity: 'case', entityId: c.id, after: { documentId: row.id, number, template: t.key, version: t.version } });
    return row.id;
  });
}

/** A 文书 as the viewer may see it: masked for those who do not handle the case. */
export async function getDocument(k: Kernel, actor: Actor, id: number) {
  const d = await k.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!d) throw notFound('文书');
  const c = await loadCaseFor(k, actor, d.case_id);
  const open = seesPersonalData(actor, c.type, c.org_path);
  const party = await k.db.selectFrom('case_parties').select('name').where('case_id', '=', c.id).execute();
  // The parties' names appear in the text too: the one masker hides them with the rest.
  const hide = (text: string) => (open ? text : maskText(text, party.map((p) => p.name)));
  return { id: d.id, caseId: d.case_id, caseNumber: c.number, number: d.number, title: d.title, addressee: d.addressee ? (open ? d.addressee : maskName(d.addressee)) : null, paragraphs: hide(d.body).split('\n'), signature: d.signature, date: d.issued_on, templateVersion: d.template_version, masked: !open };
}

export async function caseDocuments(k: Kernel, actor: Actor, caseId: number) {
  await loadCaseFor(k, actor, caseId);
  return k.db.selectFrom('documents as d').leftJoin('users as u', 'u.id', 'd.issued_by').select(['d.id', 'd.number', 'd.title', 'd.issued_on as issuedOn', 'u.display_name as issuedBy']).where('d.case_id', '=', caseId).orderBy('d.id').execute();
}

export async function documentAsDocx(k: Kernel, actor: Actor, id: number) {
  const d = await getDocument(k, actor, id);
  return { title: `${d.title}（${d.number}）`, docx: await documentDocx(d) };
}
