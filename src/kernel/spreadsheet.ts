import type ExcelJS from 'exceljs';
import { badRequest } from './errors.ts';

// A cell that starts like a formula is run by Excel or WPS when the file is opened or the cell is edited (CSV/formula injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that a spreadsheet would take as a formula gets a leading apostrophe, so it stays text. */
export function neutraliseFormula<T>(v: T): T | string {
  return typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : v;
}

/** Undoes `neutraliseFormula` on import, so an exported list can be edited and imported again unchanged. */
export function restoreNeutralised(s: string): string {
  return s.length > 1 && s[0] === "'" && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s;
}

/** The workbook as .xlsx bytes, with every text cell that looks like a formula neutralised: the one way exports are written. */
export async function safeXlsxBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') cell.value = neutraliseFormula(cell.value);
      }),
    ),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One CSV field, quoted when needed and neutralised like the Excel exports. */
export function csvField(v: unknown): string {
  const s = neutraliseFormula(v === null || v === undefined ? '' : String(v)) as string;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The text of an imported cell. A formula counts by its cached result (what the clerk saw in Excel);
 * a formula without one is refused rather than stored as something else.
 */
export function importedCellText(v: unknown, where: () => string): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, any>;
    if ('formula' in o || 'sharedFormula' in o) {
      const r = o.result;
      if (r === undefined || r === null || (typeof r === 'object' && !(r instanceof Date))) {
        throw badRequest(`${where()}是公式且没有可用的计算结果，请在 Excel 中复制后“粘贴为数值”再导入`);
      }
      return importedCellText(r, where);
    }
    if (Array.isArray(o.richText)) return o.richText.map((t: any) => String(t?.text ?? '')).join('').trim();
    if ('text' in o) return importedCellText(o.text, where);
    if ('error' in o) throw badRequest(`${where()}是错误值（${String(o.error)}），请改正后再导入`);
    throw badRequest(`${where()}的内容无法识别，请改为文字或数字`);
  }
  return restoreNeutralised(String(v).trim());
}
