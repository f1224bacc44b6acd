import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { Kernel } from '../kernel.ts';
import type { Actor } from '../auth/actor.ts';
import { AppError, badRequest } from '../errors.ts';
import { createCase, performAction } from './engine.ts';
import { findOrg, getOrg } from '../orgs.ts';
import { assertCan, casePermission, IMPORT } from '../auth/permissions.ts';
import type { Database } from '../db/connect.ts';
import { importedCellText, restoreNeutralised, safeXlsxBuffer } from '../spreadsheet.ts';
import { assertZipWithinLimits, isOle, isZip } from '../zip-guard.ts';
import { bulkBatch, OrgDirectory, type BulkCase } from './bulk.ts';
import { writeBatch, type ImportProgress } from './import-stream.ts';
import type { CaseTypeDef } from './define.ts';

/**
 * Bulk import of cases from a spreadsheet (a month of 12345 work orders, say). Columns are the
 * intake form's titles plus the first party's; a case type may add columns that become later
 * steps (签收, 办结, 回访). All rows go in one transaction: one bad row and nothing is imported,
 * and every bad row is reported.
 */
export interface ImportStep {
  action: string;
  on: string;
  data?: Record<string, unknown>;
}

export interface ImportSpec {
  /**
   * Extra columns (header → key) read into `extra` for `steps`. A `withTime` date column keeps a
   * time of day when the cell has one ('2025-11-04 09:30', or an Excel date-time cell): its value
   * is then 'YYYY-MM-DD HH:mm' (split it with `dateAndTime`), for clocks counted in hours.
   */
  columns: { header: string; key: string; withTime?: boolean }[];
  steps: (extra: Record<string, string>, fields: Record<string, any>) => ImportStep[];
}

export const MAX_IMPORT_ROWS = 20_000;
const hasParties = (def: CaseTypeDef) => 'parties' in def.intake.shape;
const PARTY_COLUMNS = [
  { header: '当事人姓名/名称', key: 'name' },
  { header: '证件号码', key: 'idNumber' },
  { header: '联系电话', key: 'phone' },
  { header: '住址', key: 'address' },
];

interface FieldColumn {
  header: string;
  key: string;
  options?: Record<string, string>;
  date: boolean;
  number: boolean;
  required: boolean;
  /** An org (f.org): typed as its name or short name. */
  org: boolean;
  /** A yes/no (f.flag): typed 是 or 否. */
  flag: boolean;
}

/** A field's metadata (title, options, widget), looking through .optional(). */
const metaOf = (s: any): Record<string, any> => s.meta?.() ?? s.unwrap?.().meta?.() ?? {};

/** Read once per case type: an import asks for them on every row. */
const columnsByType = new WeakMap<CaseTypeDef, FieldColumn[]>();

function intakeColumns(def: CaseTypeDef): FieldColumn[] {
  let cols = columnsByType.get(def);
  if (!cols) columnsByType.set(def, (cols = readIntakeColumns(def)));
  return cols;
}

function readIntakeColumns(def: CaseTypeDef): FieldColumn[] {
  const shape = def.intake.shape as Record<string, z.ZodType>;
  return Object.entries(shape)
    .filter(([k]) => k !== 'parties')
    .map(([key, s]) => {
      const meta = metaOf(s);
      return { header: meta.title ?? key, key, options: meta.options, date: meta.format === 'date', number: /number|int/.test((s as any).def?.type ?? ''), required: !s.safeParse(undefined).success, org: meta.widget === 'org', flag: /boolean/.test((s as any).def?.type ?? (s as any).unwrap?.().def?.type ?? '') };
    });
}

/** Excel dates arrive as Date objects; clerks type 2025/3/1 or 2025-03-01. */
export function cellDate(v: unknown): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?/.exec(String(v ?? '').trim());
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : String(v ?? '').trim();
}

/** A date cell that may carry a time: 'YYYY-MM-DD HH:mm' when it does, else as cellDate. An Excel cell at 00:00 is read as a date alone. */
function cellDateTime(v: unknown): string {
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.slice(11, 16) === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*T?\s*(\d{1,2})[:：时](\d{2})分?(?::\d{2})?$/.exec(String(v ?? '').trim());
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')} ${m[4].padStart(2, '0')}:${m[5]}` : cellDate(v);
}

/** A step's date and, when the cell had one, its time (data.at), from what cellDateTime read. */
export function dateAndTime(v: string): { on: string; at?: string } {
  const [on, at] = v.split(' ');
  return at ? { on, at } : { on };
}

/** A cell read by `readRows`: text, or a Date from an Excel date cell. */
const cellText = (v: unknown): string => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim());

export async function importTemplate(def: CaseTypeDef): Promise<Buffer> {
  const spec = def.import;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${def.name}导入`);
  const cols = [...intakeColumns(def).map((c) => c.header + (c.required ? '*' : '')), ...(hasParties(def) ? PARTY_COLUMNS.map((c) => c.header) : []), ...(spec?.columns.map((c) => c.header) ?? [])];
  ws.addRow(cols).font = { bold: true };
  ws.columns.forEach((c) => (c.width = 18));
  const help = wb.addWorksheet('填写说明');
  help.addRow(['列', '说明']).font = { bold: true };
  for (const c of intakeColumns(def)) {
    help.addRow([c.header, `${c.required ? '必填。' : '选填。'}${c.date ? '日期，如 2025-03-01。' : ''}${c.org ? '本级政府所属单位的全称或简称。' : ''}${c.flag ? '填“是”或“否”。' : ''}${c.options ? `可填：${Object.values(c.options).join('、')}` : ''}`]);
  }
  if (hasParties(def)) help.addRow(['当事人', '第一位当事人（申请人）的信息；导出时将脱敏，导入后仅经办单位可见']);
  for (const c of spec?.columns ?? []) help.addRow([c.header, '选填，已办理的后续环节']);
  help.getColumn(2).width = 80;
  return safeXlsxBuffer(wb);
}

/**
 * Rows of the first sheet (or a CSV), as header → cell text. The type is read from the content, not the
 * name: a zip is an .xlsx (checked against zip bombs first), an old binary Office file is refused, text is CSV.
 */
export async function readRows(filename: string, bytes: Uint8Array, decode: (b: Uint8Array) => string): Promise<Record<string, unknown>[]> {
  if (isOle(bytes)) throw badRequest('这是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 后再导入');
  if (!isZip(bytes)) {
    if (bytes.subarray(0, 8192).includes(0)) throw badRequest(`文件「${filename}」不是 Excel（.xlsx）或 CSV 表格`);
    const rows = parseCsv(decode(bytes));
    const [head, ...body] = rows;
    if (!head) return [];
    const cell = (c: string) => restoreNeutralised(c);
    return body.filter((r) => r.some((c) => c.trim())).map((r) => Object.fromEntries(head.map((h, i) => [h.trim().replace(/\*$/, ''), cell(r[i] ?? '')])));
  }
  assertZipWithinLimits(bytes, `表格文件「${filename}」`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as any);
  } catch {
    throw badRequest('无法读取该 Excel 文件，请使用 .xlsx 格式（可先下载导入模板）');
  }
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const head = (ws.getRow(1).values as unknown[]).map((v, i) => importedCellText(v, () => `第1行第${i}列`).replace(/\*$/, ''));
  const out: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const vals = row.values as unknown[];
    const text = head.map((h, i) => (vals[i] instanceof Date ? vals[i] : importedCellText(vals[i], () => `第${n}行「${h || `第${i}列`}」`)));
    if (!text.some((v) => v instanceof Date || v)) return;
    out.push(Object.fromEntries(head.map((h, i) => [h, text[i]]).filter(([h]) => h)));
  });
  return out;
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

/** A spreadsheet names the 承办单位; the step's org fields want its id. */
function orgNamesToIds(orgs: OrgDirectory, def: CaseTypeDef, step: ImportStep) {
  const data = { ...(step.data ?? {}) };
  for (const key of orgFieldsOf(def, step.action)) {
    if (typeof data[key] === 'string') data[key] = orgs.find(data[key] as string).id;
  }
  return data;
}

/** The step form's fields that name an org, per case type and action (read once, asked on every row). */
const orgFields = new WeakMap<CaseTypeDef, Map<string, string[]>>();
function orgFieldsOf(def: CaseTypeDef, action: string): string[] {
  let byAction = orgFields.get(def);
  if (!byAction) orgFields.set(def, (byAction = new Map()));
  let keys = byAction.get(action);
  if (!keys) {
    const shape = (def.actions.find((a) => a.key === action)?.fields?.shape ?? {}) as Record<string, any>;
    byAction.set(action, (keys = Object.entries(shape).filter(([, s]) => metaOf(s).widget === 'org').map(([key]) => key)));
  }
  return keys;
}

/** One spreadsheet row as the case it describes: intake fields, first party, later steps. */
export function rowToCase(def: CaseTypeDef, orgs: OrgDirectory, actor: Actor, orgId: number, row: Record<string, unknown>, line: number): BulkCase {
  const spec = def.import;
  const fields: Record<string, unknown> = {};
  let problem: string | undefined;
  for (const c of intakeColumns(def)) {
    const raw = row[c.header];
    if (raw === undefined || raw === '') continue;
    const text = c.date ? cellDate(raw) : cellText(raw);
    if (c.org) {
      // Named like a step's 承办单位; one of this district's, as an intake on the form must be.
      try {
        const named = orgs.find(text);
        if (orgs.governmentOf(named).id !== orgs.governmentOf(orgs.get(orgId)).id) throw badRequest(`${c.header}「${text}」不是本级政府所属单位`);
        fields[c.key] = named.id;
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        problem ??= `${c.header}：${e.message}`;
      }
      continue;
    }
    if (c.flag && (text === '是' || text === '否')) {
      fields[c.key] = text === '是';
      continue;
    }
    // A choice may be typed as its Chinese label.
    fields[c.key] = c.options ? Object.entries(c.options).find(([, label]) => label === text)?.[0] ?? text : c.number ? Number(text) : text;
  }
  if (problem) return { type: def.key, orgId, actor, fields, line, problem, imported: true };
  const party = Object.fromEntries(PARTY_COLUMNS.map((p) => [p.key, cellText(row[p.header])]).filter(([, v]) => v));
  if (party.name) fields.parties = [{ role: 'applicant', ...party }];
  const extra = Object.fromEntries(
    (spec?.columns ?? []).map((c) => [c.key, c.header in row ? (c.withTime ? cellDateTime(row[c.header]) : /日期|时间/.test(c.header) ? cellDate(row[c.header]) : cellText(row[c.header])) : '']),
  );
  try {
    const steps = (spec?.steps(extra, fields) ?? []).map((step) => ({ action: step.action, on: step.on, data: orgNamesToIds(orgs, def, step), actor }));
    return { type: def.key, orgId, actor, fields, steps, line, imported: true };
  } catch (e) {
    // An unknown 承办单位 is reported on its line like any other bad cell.
    if (!(e instanceof AppError)) throw e;
    return { type: def.key, orgId, actor, fields, line, problem: e.message, imported: true };
  }
}

/**
 * Rows are first all worked through in memory (every bad row is reported by its line and nothing
 * is written), then written set-based, all or nothing (writeBatch: on PGlite staged, accepted,
 * then published in pieces). Answers once every row is published.
 */
export async function importCases(
  k: Kernel,
  actor: Actor,
  input: { type: string; orgId: number; rows: Record<string, unknown>[]; onProgress?: ImportProgress; staged?: boolean },
): Promise<{ imported: number }> {
  const def = k.types.get(input.type);
  assertCan(actor, casePermission(def.key, IMPORT), (await getOrg(k.db, input.orgId)).path, `导入${def.name}`);
  if (input.rows.length === 0) throw badRequest('表格中没有数据行');
  if (input.rows.length > MAX_IMPORT_ROWS) throw badRequest(`一次最多导入${MAX_IMPORT_ROWS}行，本表有${input.rows.length}行，请分批导入`);
  const batch = await bulkBatch(k);
  const orgs = await OrgDirectory.load(k.db);
  for (const [i, row] of input.rows.entries()) {
    await batch.add(rowToCase(def, orgs, actor, input.orgId, row, i + 2)); // row 1 is the header
    // Working rows through is CPU: let other requests in between (PGlite serves them on this thread).
    if (i % 200 === 199) await new Promise((r) => setImmediate(r));
  }
  failOnProblems(batch.problems);
  await writeBatch(k, batch, input.onProgress, { staged: input.staged });
  return { imported: input.rows.length };
}

export function failOnProblems(problems: string[]) {
  if (problems.length) throw badRequest(`导入失败，共${problems.length}行有误，未导入任何数据。${problems.slice(0, 20).join('；')}${problems.length > 20 ? '……' : ''}`, { problems });
}
