import ExcelJS from 'exceljs';
import type { Kernel } from '../kernel.ts';
import type { Actor } from '../auth/actor.ts';
import { maskParty } from '../privacy.ts';
import { badRequest } from '../errors.ts';
import { safeXlsxBuffer } from '../spreadsheet.ts';
import { listCases, maskTitlesFor, type CaseListQuery } from './engine.ts';
import { readParties } from './parties.ts';

export const MAX_EXPORT_ROWS = 50_000;

/**
 * The filtered case list as an .xlsx workbook. Parties and titles are always masked in exports:
 * a file leaves the system and its controls behind.
 */
export async function exportCasesXlsx(k: Kernel, actor: Actor, q: CaseListQuery): Promise<Buffer> {
  const list = await listCases(k, actor, { ...q, page: 1, pageSize: MAX_EXPORT_ROWS }, MAX_EXPORT_ROWS);
  if (list.totalCapped) throw badRequest(`符合条件的案件超过单次导出上限${MAX_EXPORT_ROWS}件，请缩小筛选范围`);
  const ids = list.items.map((i) => i.id);
  const parties = await readParties(k.db, ids);
  const byCase = new Map<number, string[]>();
  for (const p of parties) {
    const m = maskParty({ role: p.role, name: p.name, idNumber: p.id_number, phone: p.phone, address: p.address, kind: p.kind });
    byCase.set(p.case_id, [...(byCase.get(p.case_id) ?? []), [m.name, m.phone].filter(Boolean).join(' ')]);
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'fazhi';
  const ws = wb.addWorksheet('案件清单');
  ws.columns = [
    { header: '案号', key: 'number', width: 28 },
    { header: '类型', key: 'typeName', width: 12 },
    { header: '事项', key: 'title', width: 40 },
    { header: '办理单位', key: 'orgName', width: 24 },
    { header: '收到日期', key: 'receivedOn', width: 12 },
    { header: '状态', key: 'stateLabel', width: 12 },
    { header: '结果', key: 'outcomeLabel', width: 16 },
    { header: '办结日期', key: 'closedOn', width: 12 },
    { header: '最近届满日', key: 'nextDue', width: 12 },
    { header: '是否超期', key: 'overdue', width: 10 },
    { header: '当事人（脱敏）', key: 'parties', width: 30 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  // Titles masked for everyone too: the case's own people are named in them.
  for (const i of await maskTitlesFor(k, null, list.items, (x) => x.id)) {
    const row = ws.addRow({ ...i, overdue: i.overdue ? '超期' : '', parties: (byCase.get(i.id) ?? []).join('；') });
    if (i.overdue) row.getCell('overdue').font = { color: { argb: 'FFCF1322' }, bold: true };
  }
  return safeXlsxBuffer(wb);
}
