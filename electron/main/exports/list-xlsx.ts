/**
 * Lists (entrants, judges, criteria) back to .xlsx with the very columns the importer reads, so an
 * export → edit in Excel → import round trip is lossless. Plain table, header row in bold, frozen;
 * text guarded against formula injection (the importer strips the apostrophe again).
 */
import ExcelJS from 'exceljs';
import type { ListDoc } from '../../../shared/documents/models';
import { safeText, xmlSafe } from './excel-safe';

export async function writeListXlsx(doc: ListDoc): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Giám khảo';
  for (const sheet of doc.sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(sheet.headers.map((h) => xmlSafe(h)));
    ws.getRow(1).font = { name: 'Times New Roman', bold: true };
    for (const row of sheet.rows)
      ws.addRow(row.map((v) => (typeof v === 'string' ? xmlSafe(safeText(v)) : v)));
    ws.columns.forEach((col, i) => {
      const longest = Math.max(
        sheet.headers[i]?.length ?? 0,
        ...sheet.rows.slice(0, 500).map((r) => String(r[i] ?? '').length),
      );
      col.width = Math.min(60, Math.max(8, longest + 2));
      col.font = { name: 'Times New Roman' };
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
