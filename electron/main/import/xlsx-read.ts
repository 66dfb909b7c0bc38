/**
 * An .xlsx (already through zip-check.ts) → RawWorkbook with exceljs, inside the import worker:
 * values as strings/numbers/booleans, dates as {date: ISO}, formulas as {formula, result} with the
 * value Excel cached, rich text flattened, merged ranges listed, all text NFC. Parts of a sheet the
 * importer never needs (data validations, conditional formats, drawings…) are skipped while
 * parsing: whole-column validations expand cell by cell in exceljs and can stall it for minutes.
 * Not here: limits on the zip itself (zip-check.ts) or memory (the worker's resource limits).
 */
import type ExcelJS from 'exceljs';
// The package entry also loads exceljs' streaming reader and writer (archiver, unzipper…): about half
// a second of require() in every fresh worker, for code this reader never runs. The workbook class
// and the enums are all it needs.
import WorkbookClass from 'exceljs/lib/doc/workbook.js';
import enums from 'exceljs/lib/doc/enums.js';
import type { RawCell, RawSheet, RawWorkbook } from '../../../shared/import/types';
import { readError, type ReadLimits } from './limits';

const IGNORED_NODES = [
  'dataValidations',
  'conditionalFormatting',
  'hyperlinks',
  'drawing',
  'picture',
  'extLst',
  'rowBreaks',
  'headerFooter',
  'pageSetup',
  'printOptions',
  'sheetProtection',
];

const nfc = (s: string) => s.normalize('NFC');
const { ValueType } = enums;

function isoDate(d: Date): string | null {
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function richText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'richText' in v)
    return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
  return v === null || v === undefined ? '' : String(v);
}

/** A formula's cached value, as RawFormula allows; errors come back separately. */
function formulaResult(result: unknown): { result: string | number | null; error?: string } {
  if (result === null || result === undefined) return { result: null };
  if (typeof result === 'number') return { result: Number.isFinite(result) ? result : null };
  if (typeof result === 'string') return { result: nfc(result) };
  if (typeof result === 'boolean') return { result: result ? 'TRUE' : 'FALSE' };
  if (result instanceof Date) return { result: isoDate(result) };
  if (typeof result === 'object' && 'error' in result)
    return { result: null, error: String((result as { error: unknown }).error) };
  return { result: nfc(richText(result)) };
}

export function cellToRaw(cell: ExcelJS.Cell): RawCell {
  const v = cell.value;
  switch (cell.type) {
    case ValueType.Null:
    case ValueType.Merge:
      // Merged cells keep their value only in the top-left cell (RawSheet's contract).
      return null;
    case ValueType.Number:
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    case ValueType.String:
    case ValueType.SharedString:
      return nfc(String(v));
    case ValueType.Date: {
      const iso = v instanceof Date ? isoDate(v) : null;
      return iso === null ? null : { date: iso };
    }
    case ValueType.Boolean:
      return v === true;
    case ValueType.RichText:
      return nfc(richText(v));
    case ValueType.Hyperlink:
      return nfc(richText((v as ExcelJS.CellHyperlinkValue).text));
    case ValueType.Formula:
      return { formula: nfc(cell.formula ?? ''), ...formulaResult(cell.result) };
    case ValueType.Error:
      return String((v as ExcelJS.CellErrorValue).error);
    default:
      return v === null || v === undefined ? null : nfc(String(v));
  }
}

function sheetToRaw(ws: ExcelJS.Worksheet, name: string, limits: ReadLimits): RawSheet {
  const rows: RawCell[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > limits.maxRows)
      throw readError(
        'tooManyRows',
        name,
        `trang “${ws.name}” có dữ liệu ở dòng ${rowNumber}, quá giới hạn ${limits.maxRows} dòng`,
      );
    const cells: RawCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const raw = cellToRaw(cell);
      if (raw !== null) cells[col - 1] = raw;
    });
    if (cells.length === 0) return;
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  // exceljs keeps merges in a private map keyed by master cell; `ws.model` would rebuild every row to expose them.
  const merges = Object.values(
    (ws as unknown as { _merges: Record<string, { range: string }> })._merges ?? {},
  ).map((m) => m.range);
  return { name: nfc(ws.name), rows, merges };
}

export async function readXlsx(
  name: string,
  bytes: Uint8Array,
  limits: ReadLimits,
): Promise<RawWorkbook> {
  const wb = new WorkbookClass();
  try {
    const options = {
      ignoreNodes: IGNORED_NODES,
      maxRows: limits.maxRows,
      maxCols: limits.maxColumns,
    };
    await wb.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer,
      options,
    );
  } catch (err) {
    const message = (err as Error).message ?? '';
    if (/Max (row|column|c) count/i.test(message))
      throw readError(
        'tooManyRows',
        name,
        `quá giới hạn ${limits.maxRows} dòng hoặc ${limits.maxColumns} cột`,
      );
    throw readError('corrupt', name);
  }
  return {
    fileName: name,
    format: 'xlsx',
    sheets: wb.worksheets.map((ws) => sheetToRaw(ws, name, limits)),
  };
}
