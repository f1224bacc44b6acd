import type { Kernel } from '../kernel/kernel.ts';
import type { Actor } from '../kernel/auth/actor.ts';
import { canSeeOrg } from '../kernel/auth/actor.ts';
import { assertCan } from '../kernel/auth/permissions.ts';
import { appendAudit } from '../kernel/audit/audit.ts';
import { conflict, notFound } from '../kernel/errors.ts';
import { getOrg, type Org } from '../kernel/orgs.ts';
import { areaHeading } from '../kernel/cases/outlines.ts';
import { draftAchievements } from './draft.ts';
import { renderTexts, type BoundFigure } from './tokens.ts';
import type { Snapshot } from './workflow.ts';
import { maskReport } from '../kernel/privacy.ts';
import { knownPersonNames } from '../kernel/cases/engine.ts';

/**
 * The 法治政府建设年度报告 of one org for one year, in the standard structure (法治政府建设与责任
 * 落实督察工作规定). Text keeps its figure tokens; figures are rendered from records when read.
 */
export type SectionKind = 'achievements' | 'shortcomings' | 'first_responsibility' | 'next_year' | 'other';
export interface ReportSection {
  kind: SectionKind;
  heading: string;
  body: string;
}

export const SECTION_HEADINGS = (year: number): Record<SectionKind, string> => ({
  achievements: `${year}年推进法治政府建设的主要举措和成效`,
  shortcomings: `${year}年推进法治政府建设存在的不足和原因`,
  first_responsibility: `${year}年党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况`,
  next_year: `${year + 1}年推进法治政府建设的主要安排`,
  other: '其他需要报告的情况',
});
export const REQUIRED_ORDER: SectionKind[] = ['achievements', 'shortcomings', 'first_responsibility', 'next_year'];
const CN = '一二三四五六七八九十';

export const scopeOf = (orgId: number, year: number) => ({ orgId, from: `${year}-01-01`, to: `${year}-12-31` });

/** A first draft: achievements and 第一责任人 from the records; 不足 and 安排 left for the writer. */
export async function draftSections(k: Kernel, org: Org, year: number): Promise<ReportSection[]> {
  const areas = await draftAchievements(k, org.id, year);
  const h = SECTION_HEADINGS(year);
  // The leadership area goes to part 3 (第一责任人), whatever heading the year's 纲要 gives it.
  const leadership = areas.find((a) => a.covers.includes('leadership'));
  const rest = areas.filter((a) => a !== leadership);
  return [
    { kind: 'achievements', heading: h.achievements, body: rest.map((a, i) => `（${CN[i]}）${a.heading}。${a.sentences.join('')}`).join('\n') },
    { kind: 'shortcomings', heading: h.shortcomings, body: '' },
    {
      kind: 'first_responsibility',
      heading: h.first_responsibility,
      body: `${org.name}主要负责人认真履行推进法治建设第一责任人职责，${areaHeading(year, 'leadership').replace(/，.*/, '')}。${leadership?.sentences.join('') ?? ''}`,
    },
    { kind: 'next_year', heading: h.next_year, body: '' },
  ];
}

export async function openReport(k: Kernel, actor: Actor | null, orgId: number, year: number) {
  const org = await getOrg(k.db, orgId);
  if (actor && !canSeeOrg(actor, org.path)) throw notFound('单位');
  const existing = await k.db.selectFrom('reports').selectAll().where('org_id', '=', orgId).where('year', '=', year).executeTakeFirst();
  if (existing) return existing;
  if (actor) assertCan(actor, 'reports.edit', org.path);
  const sections = await draftSections(k, org, year);
  return k.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('reports')
      .values({ org_id: orgId, year, state: 'draft', title: `${org.name}${year}年法治政府建设年度报告`, sections: JSON.stringify(sections), snapshot: null, submitted_on: null, published_on: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actorId: actor?.id ?? null, action: 'report.create', entity: 'report', entityId: row.id, after: { orgId, year } });
    return row;
  });
}

export async function updateReport(k: Kernel, actor: Actor, id: number, input: { version: number; title: string; sections: ReportSection[] }) {
  const r = await k.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('报告');
  assertCan(actor, 'reports.edit', (await getOrg(k.db, r.org_id)).path);
  if (r.state !== 'draft') throw conflict(`报告${r.state === 'published' ? '已公开，不能再修改' : '已送审或报送，须退回后才能修改'}`);
  await k.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('reports')
      .set({ title: input.title, sections: JSON.stringify(input.sections), version: r.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (!done.numUpdatedRows) throw conflict('报告已被他人修改，请刷新后再编辑');
    await appendAudit(trx, { actorId: actor.id, action: 'report.edit', entity: 'report', entityId: id, before: { version: r.version }, after: { version: r.version + 1, sections: input.sections } });
  });
}

/** The report with every token rendered from records, numbered as a 公文 numbers its parts. */
export async function renderReport(k: Kernel, report: { org_id: number; year: number; title: string; sections: ReportSection[] }) {
  const scope = scopeOf(report.org_id, report.year);
  const figures: BoundFigure[] = [];
  const unknown: string[] = [];
  const sections = [];
  const texts = await renderTexts(k, report.sections.map((s) => s.body), scope);
  for (const [i, s] of report.sections.entries()) {
    const r = texts[i];
    figures.push(...r.figures.filter((f) => !figures.some((g) => g.token === f.token)));
    unknown.push(...r.unknown);
    sections.push({ ...s, number: `${CN[i]}、`, rendered: r.text });
  }
  return { title: report.title, sections, figures, unknown };
}

type StoredReport = { org_id: number; year: number; title: string; state: string; sections: ReportSection[]; snapshot: unknown; submitted_on: string | null };

/**
 * What a reader sees: once submitted, the frozen text and figures of the snapshot; before that,
 * the text rendered from records now. Signed by the org, dated the day of submission (or today).
 */
export async function reportContent(k: Kernel, report: StoredReport) {
  const frozen = (report.state === 'submitted' || report.state === 'published') && report.snapshot ? (report.snapshot as Snapshot) : null;
  if (frozen) return { title: frozen.title, sections: frozen.sections, figures: frozen.figures, unknown: [] as string[], signature: frozen.signature, date: frozen.date, frozen: true };
  const org = await getOrg(k.db, report.org_id);
  return { ...(await renderReport(k, report)), signature: org.name, date: report.submitted_on ?? k.today(), frozen: false };
}

/**
 * What a reader without the need sees (the portal, a leader, another org): the title, headings
 * and text with the personal data of everyone the records know of masked.
 */
export async function maskedReportContent(k: Kernel, content: Awaited<ReturnType<typeof reportContent>>) {
  return maskReport(content, await knownPersonNames(k, '/'));
}

/** The report as a GB/T 9704 .docx; `masked` for readers without the need. */
export async function reportAsDocx(k: Kernel, report: StoredReport, masked = false): Promise<Buffer> {
  const { reportDocx } = await import('./docx.ts');
  const raw = await reportContent(k, report);
  const c = masked ? await maskedReportContent(k, raw) : raw;
  // The signature is the org's name, after which a long title breaks.
  return reportDocx({ ...c, orgName: c.signature });
}
