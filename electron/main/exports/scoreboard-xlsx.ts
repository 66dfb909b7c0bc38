/**
 * Writes a ScoreboardDoc (shared/documents/models.ts) to .xlsx bytes with exceljs: one worksheet per
 * sheet, A4 landscape with the official margins, the Party or State heading, title, table (numbers
 * stored as numbers with a fixed-decimals format), notes, signature blocks and the journal chain
 * head in the page footer and as the last line; provisional results get a red mark above the table
 * with what is missing. Layout only: what the cells say is decided by
 * shared/documents/scoreboard-doc.ts. Every text cell passes the formula-injection guard.
 */
import ExcelJS from 'exceljs';
import type {
  Cell as DocCell,
  Column,
  IssuerDoc,
  ScoreboardDoc,
  Sheet,
} from '../../../shared/documents/models';
import { sanitizeSheetName } from '../../../shared/documents/doc-text';
import { headerFooterText, safeText, xmlSafe } from './excel-safe';

type Style = Partial<ExcelJS.Style>;
const FONT = 'Times New Roman';
const MM = 1 / 25.4; // exceljs margins are inches
const thin: Partial<ExcelJS.Border> = { style: 'thin' };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

const font = (size: number, extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({
  name: FONT,
  size,
  ...extra,
});
/** Decomposed tones (NFD, from some imports) show as loose marks in some viewers: store NFC, then guard. */
const text = (s: string): string => xmlSafe(safeText(s.normalize('NFC')));
const centered: Partial<ExcelJS.Alignment> = {
  horizontal: 'center',
  vertical: 'middle',
  wrapText: true,
};

/** One style object per column, shared by its cells: exceljs dedupes styles on write, so sharing keeps 10k-row sheets fast. */
function columnStyle(col: Column): Style {
  const numFmt =
    col.kind === 'integer'
      ? '0'
      : col.kind === 'number'
        ? col.decimals
          ? `0.${'0'.repeat(col.decimals)}`
          : '0'
        : undefined;
  return {
    font: font(12),
    border: BORDER,
    alignment:
      col.kind === 'text'
        ? { horizontal: 'left', vertical: 'middle', wrapText: true }
        : { horizontal: 'center', vertical: 'middle' },
    ...(numFmt ? { numFmt } : {}),
  };
}

/** Merged cells never auto-fit, so their height is estimated from the text length and width. */
function fitHeight(row: ExcelJS.Row, text: string, widthChars: number, size: number): void {
  const perLine = Math.max(1, Math.floor((widthChars * 11) / size) - 1);
  const lines = text
    .split('\n')
    .reduce((n, l) => n + Math.max(1, Math.ceil(l.length / perLine)), 0);
  // Only ever raise: two halves of a heading row share the row and the taller one wins.
  row.height = Math.max(row.height ?? 0, size * 1.4, lines * size * 1.3 + 4);
}

interface Span {
  readonly from: number;
  readonly to: number;
  readonly width: number;
}

/** Split the columns into `k` side-by-side blocks of roughly equal printed width. */
function blocks(widths: readonly number[], k: number): Span[] {
  const n = widths.length;
  if (k <= 1 || n < k) return [{ from: 1, to: n, width: widths.reduce((a, b) => a + b, 0) }];
  const total = widths.reduce((a, b) => a + b, 0);
  const out: Span[] = [];
  let from = 1;
  let acc = 0;
  for (let c = 1; c <= n && out.length < k - 1; c++) {
    acc += widths[c - 1];
    const remainingBlocks = k - out.length - 1;
    if (acc >= (total * (out.length + 1)) / k || n - c === remainingBlocks) {
      out.push({ from, to: c, width: widths.slice(from - 1, c).reduce((a, b) => a + b, 0) });
      from = c + 1;
    }
  }
  out.push({ from, to: n, width: widths.slice(from - 1).reduce((a, b) => a + b, 0) });
  return out;
}

class SheetWriter {
  private r = 0;
  constructor(
    private readonly ws: ExcelJS.Worksheet,
    private readonly widths: readonly number[],
  ) {}

  get row(): number {
    return this.r;
  }

  skip(n = 1): void {
    this.r += n;
  }

  /** Writes text into a merged span of the current row (without advancing), tall enough for it. */
  put(span: Span, value: string, style: Style): void {
    const row = this.ws.getRow(this.r);
    const cell = row.getCell(span.from);
    cell.value = text(value);
    cell.style = style;
    if (span.to > span.from) this.ws.mergeCells(this.r, span.from, this.r, span.to);
    fitHeight(row, value, span.width, style.font?.size ?? 12);
  }

  /** A full-width line of wrapped text, on its own row. */
  line(value: string, style: Style): void {
    this.r++;
    this.put(blocks(this.widths, 1)[0], value, style);
  }
}

/** The heading: left the organs, right the national or Party line, then the place and date. */
function writeHeading(
  w: SheetWriter,
  issuer: IssuerDoc,
  dateText: string,
  widths: readonly number[],
): void {
  const [left, right] = blocks(widths, 2);
  const party = issuer.family === 'party';
  const lines: [string, Style, string, Style][] = party
    ? [
        [
          issuer.superior,
          { font: font(14), alignment: centered },
          'ĐẢNG CỘNG SẢN VIỆT NAM',
          { font: font(15, { bold: true, underline: true }), alignment: centered },
        ],
        [issuer.name, { font: font(14, { bold: true }), alignment: centered }, '', {}],
        [
          '*',
          { font: font(14), alignment: centered },
          dateText,
          { font: font(13, { italic: true }), alignment: centered },
        ],
      ]
    : [
        [
          issuer.superior,
          { font: font(13), alignment: centered },
          'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
          { font: font(13, { bold: true }), alignment: centered },
        ],
        [
          issuer.name,
          { font: font(13, { bold: true, underline: true }), alignment: centered },
          'Độc lập - Tự do - Hạnh phúc',
          { font: font(14, { bold: true, underline: true }), alignment: centered },
        ],
        ['', {}, dateText, { font: font(13, { italic: true }), alignment: centered }],
      ];
  for (const [lt, ls, rt, rs] of lines) {
    w.skip();
    if (right) {
      if (lt) w.put(left, lt.toLocaleUpperCase('vi'), ls);
      if (rt) w.put(right, rt, rs);
    } else {
      // A one-column sheet has no room side by side: stack the two halves.
      if (lt) w.put(left, lt.toLocaleUpperCase('vi'), ls);
      if (rt) {
        w.skip();
        w.put(left, rt, rs);
      }
    }
  }
}

function writeTable(ws: ExcelJS.Worksheet, w: SheetWriter, sheet: Sheet): number {
  w.skip();
  const headerRow = w.row;
  const header = ws.getRow(headerRow);
  const headStyle: Style = { font: font(12, { bold: true }), border: BORDER, alignment: centered };
  sheet.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text(c.header);
    cell.style = headStyle;
  });
  const styles = sheet.columns.map(columnStyle);
  for (const values of sheet.rows) {
    w.skip();
    const row = ws.getRow(w.row);
    for (let c = 0; c < sheet.columns.length; c++) {
      const cell = row.getCell(c + 1);
      const v: DocCell = values[c] ?? null;
      if (v !== null) cell.value = typeof v === 'string' ? text(v) : v;
      cell.style = styles[c];
    }
  }
  return headerRow;
}

function writeSignatures(w: SheetWriter, doc: ScoreboardDoc, widths: readonly number[]): void {
  const spans = blocks(widths, doc.signatures.length);
  const bold: Style = { font: font(13, { bold: true }), alignment: centered };
  const hint: Style = { font: font(12, { italic: true }), alignment: centered };
  // Side by side; a sheet with fewer columns than signers takes them in several bands.
  for (let first = 0; first < doc.signatures.length; first += spans.length) {
    const band = doc.signatures.slice(first, first + spans.length);
    w.skip(2);
    band.forEach((s, i) => w.put(spans[i], s.title, bold));
    w.skip();
    band.forEach((_s, i) => w.put(spans[i], '(Ký, ghi rõ họ tên)', hint));
    // Room to sign: five rows, about 30 mm at the default row height.
    w.skip(5);
    band.forEach((s, i) => s.name && w.put(spans[i], s.name, bold));
  }
}

function writeSheet(wb: ExcelJS.Workbook, doc: ScoreboardDoc, sheet: Sheet, name: string): void {
  const widths = sheet.columns.map((c) => c.width ?? (c.kind === 'text' ? 24 : 10));
  const footer = pageFooterText(doc.footer);
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: {
        top: 20 * MM,
        bottom: 20 * MM,
        left: 30 * MM,
        right: 15 * MM,
        header: 8 * MM,
        footer: 8 * MM,
      },
    },
    headerFooter: { oddFooter: `&L&"${FONT},Italic"&8${footer}&R&"${FONT},Regular"&9Trang &P/&N` },
    properties: { defaultRowHeight: 18 },
  });
  ws.columns = widths.map((width) => ({ width }));
  const w = new SheetWriter(ws, widths);
  writeHeading(w, doc.issuer, doc.dateText, widths);
  w.skip();
  w.line(sheet.title, { font: font(14, { bold: true }), alignment: centered });
  w.line(doc.contestName, { font: font(13, { bold: true }), alignment: centered });
  if (sheet.subtitle)
    w.line(sheet.subtitle, { font: font(12, { italic: true }), alignment: centered });
  if (doc.provisional) writeProvisional(w, doc.provisional);
  const headerRow = writeTable(ws, w, sheet);
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  ws.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
  if (sheet.notes.length) {
    w.skip();
    const noteStyle: Style = {
      font: font(11),
      alignment: { horizontal: 'left', vertical: 'top', wrapText: true },
    };
    w.line('Ghi chú:', { font: font(11, { bold: true, italic: true }) });
    // Numbered, not dashed: a leading "-" would trip the formula guard and print an apostrophe.
    sheet.notes.forEach((n, i) => w.line(`${i + 1}. ${n}`, noteStyle));
  }
  writeSignatures(w, doc, widths);
  w.skip();
  if (doc.footer)
    w.line(doc.footer, {
      font: font(8, { italic: true }),
      alignment: { horizontal: 'left', vertical: 'top', wrapText: true },
    });
}

/** Provisional results: the label in red above the table, then each missing sheet on its own line. */
function writeProvisional(w: SheetWriter, mark: NonNullable<ScoreboardDoc['provisional']>): void {
  w.line(mark.label, {
    font: font(13, { bold: true, color: { argb: 'FFC00000' } }),
    alignment: centered,
  });
  const style: Style = {
    font: font(11, { italic: true, color: { argb: 'FFC00000' } }),
    alignment: { horizontal: 'left', vertical: 'top', wrapText: true },
  };
  for (const l of mark.lines) w.line(`• ${l}`, style);
}

/**
 * The page footer's text part. Excel refuses a header/footer over 255 characters including its
 * codes (about 70 here), and "&" doubles when escaped, so the raw text is cut until it fits.
 */
function pageFooterText(footer: string): string {
  let raw = xmlSafe(footer.normalize('NFC'));
  while (headerFooterText(raw).length > 180) raw = raw.slice(0, -1);
  return headerFooterText(raw);
}

export async function writeScoreboardXlsx(doc: ScoreboardDoc): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Giám khảo';
  wb.title = doc.contestName;
  const taken = new Set<string>();
  for (const sheet of doc.sheets) {
    // Docs arrive over IPC, so names are re-checked here even though the builder sanitises them.
    const name = sanitizeSheetName(sheet.name, taken);
    taken.add(name.toLowerCase());
    writeSheet(wb, doc, sheet, name);
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
