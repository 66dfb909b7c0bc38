/**
 * Writes a ScoreSheetDoc (shared/documents/models.ts) to PDF bytes with pdfkit: A4 landscape, each
 * sheet starting on a new page, laid out as an official phiếu chấm điểm (issuer heading with the
 * place and date under the Party line or motto; title, contest, round and cluster, judge; a ruled
 * table STT · entrant and unit · criteria under their parts with maxima · total; notes on the left
 * and the judge's signature block on the right). A cluster of 5–7 teams with one-line names fits
 * on one page.
 * A sheet longer than a page repeats the table header under a "(tiếp theo)" line naming the judge
 * and cluster, so a loose page is still attributable; the signature never stands alone on a page.
 * Not here: what goes in the cells (shared/documents/score-sheet-doc.ts), the shared page geometry,
 * fonts and heading (pdf-base.ts).
 */
import type { ScoreSheet, ScoreSheetDoc, ScoreSheetRow } from '../../../shared/documents/models';
import {
  BLACK,
  checkFonts,
  CONTENT_W,
  drawCentered,
  drawHeading,
  MARGIN,
  nfc,
  nfcIssuer,
  openPdf,
  PAGE_H,
  PAGE_W,
  pt,
  type Pen,
} from './pdf-base';

const LINE = 0.6;
const PAD = 2.25;
/** Handwriting needs room: a blank row is at least 8,5 mm high. */
const MIN_ROW_H = pt(8.5);
const STT_W = 30;
const TOTAL_W = 50;
const NAME_MIN_W = 150;
const NAME_MAX_W = 300;
const LEAF_PREF_W = 70;
const HEADER_MAX_H = 120;
const SIGN_SPACE = pt(16);
const TABLE_BOTTOM = PAGE_H - MARGIN.bottom;
const NUM_SIZE = 12;

interface Geometry {
  readonly nameW: number;
  readonly leafW: number;
  /** Header and score font sizes: smaller when many criteria make the columns narrow. */
  readonly headerSize: number;
  readonly numSize: number;
  /** x of each column's left edge: STT, entrant, leaves…, total; then the right edge. */
  readonly xs: readonly number[];
}

/**
 * Column widths: the score columns share what the name column leaves, and the name column takes
 * 150–300 pt, so 3 criteria get wide handwriting boxes and 12 still fit at about 40 pt each.
 */
function geometry(n: number): Geometry {
  const free = CONTENT_W - STT_W - TOTAL_W;
  const nameW = Math.min(NAME_MAX_W, Math.max(NAME_MIN_W, free - n * LEAF_PREF_W));
  const leafW = (free - nameW) / n;
  const xs = [MARGIN.left, MARGIN.left + STT_W];
  for (let i = 0; i <= n; i++) xs.push(MARGIN.left + STT_W + nameW + i * leafW);
  xs.push(MARGIN.left + CONTENT_W);
  return {
    nameW,
    leafW,
    headerSize: leafW < 48 ? 8.5 : 9.5,
    numSize: leafW < 30 ? 9 : leafW < 40 ? 10.5 : NUM_SIZE,
    xs,
  };
}

interface Header {
  /** Height of the parts row (0 when no criterion sits under a part) and of the whole header. */
  readonly groupH: number;
  readonly height: number;
  readonly size: number;
  /** Runs of consecutive columns under one part: [first, last] index and its label ('' = none). */
  readonly spans: readonly { readonly from: number; readonly to: number; readonly label: string }[];
}

function measureHeader(p: Pen, s: ScoreSheet, g: Geometry): Header {
  const spans: { from: number; to: number; label: string }[] = [];
  s.columns.forEach((c, i) => {
    const last = spans[spans.length - 1];
    if (last && c.group && last.label === c.group) last.to = i;
    else spans.push({ from: i, to: i, label: c.group });
  });
  const measure = (size: number) => {
    const doc = p.use('B', size);
    const h = (t: string, w: number) =>
      doc.heightOfString(t, { width: w - 2 * PAD, lineGap: 0 }) + 2 * PAD;
    const groupH = Math.max(
      0,
      ...spans.filter((r) => r.label).map((r) => h(r.label, (r.to - r.from + 1) * g.leafW)),
    );
    const leafH = Math.max(
      ...s.columns.map((c) => h(c.header, g.leafW)),
      h(s.totalHeader, TOTAL_W),
      h(s.entrantHeader, g.nameW),
    );
    // A criterion without a part spans both rows, so it may use the parts row's height too.
    const loneH = Math.max(
      0,
      ...s.columns.filter((c) => !c.group).map((c) => h(c.header, g.leafW) - groupH),
    );
    return { groupH, height: Math.max(groupH + Math.max(leafH, loneH), 2 * MIN_ROW_H * 0.75) };
  };
  let size = g.headerSize;
  let m = measure(size);
  while (m.height > HEADER_MAX_H && size > 7) m = measure((size -= 0.5));
  return { ...m, height: Math.min(m.height, HEADER_MAX_H), size, spans };
}

/** Text in a cell box, centred both ways, clipped to the box. */
function cellText(
  p: Pen,
  text: string,
  face: 'R' | 'B' | 'I',
  size: number,
  x: number,
  y: number,
  w: number,
  h: number,
  align: 'center' | 'left' = 'center',
): void {
  if (!text) return;
  const doc = p.use(face, size);
  const th = Math.min(doc.heightOfString(text, { width: w - 2 * PAD, lineGap: 0 }), h - 2);
  doc.text(text, x + PAD, y + Math.max(1, (h - th) / 2), {
    width: w - 2 * PAD,
    height: h - 2,
    align,
    lineGap: 0,
    ellipsis: true,
  });
}

function box(p: Pen, x: number, y: number, w: number, h: number): void {
  p.pdf.rect(x, y, w, h).lineWidth(LINE).strokeColor(BLACK).stroke();
}

function drawHeader(p: Pen, s: ScoreSheet, g: Geometry, hd: Header, y: number): number {
  const { xs } = g;
  const n = s.columns.length;
  const leafX = (i: number) => xs[2 + i];
  box(p, xs[0], y, STT_W, hd.height);
  cellText(p, 'STT', 'B', hd.size, xs[0], y, STT_W, hd.height);
  box(p, xs[1], y, g.nameW, hd.height);
  cellText(p, s.entrantHeader, 'B', hd.size + 1, xs[1], y, g.nameW, hd.height);
  for (const span of hd.spans) {
    const x = leafX(span.from);
    const w = (span.to - span.from + 1) * g.leafW;
    if (span.label) {
      box(p, x, y, w, hd.groupH);
      cellText(p, span.label, 'B', hd.size, x, y, w, hd.groupH);
      for (let i = span.from; i <= span.to; i++) {
        box(p, leafX(i), y + hd.groupH, g.leafW, hd.height - hd.groupH);
        cellText(
          p,
          s.columns[i].header,
          'B',
          hd.size,
          leafX(i),
          y + hd.groupH,
          g.leafW,
          hd.height - hd.groupH,
        );
      }
    } else {
      box(p, x, y, g.leafW, hd.height);
      cellText(p, s.columns[span.from].header, 'B', hd.size, x, y, g.leafW, hd.height);
    }
  }
  box(p, leafX(n), y, TOTAL_W, hd.height);
  cellText(p, s.totalHeader, 'B', hd.size, leafX(n), y, TOTAL_W, hd.height);
  return y + hd.height;
}

const NAME_SIZE = 10.5;
const UNIT_SIZE = 9;

function rowHeight(p: Pen, r: ScoreSheetRow, g: Geometry): number {
  const w = g.nameW - 2 * PAD;
  const name = p.use('R', NAME_SIZE).heightOfString(r.name || ' ', { width: w, lineGap: 0 });
  const unit = r.unit
    ? p.use('I', UNIT_SIZE).heightOfString(r.unit, { width: w, lineGap: 0 }) + 1
    : 0;
  return Math.max(MIN_ROW_H, name + unit + 2 * PAD);
}

function drawRow(p: Pen, r: ScoreSheetRow, g: Geometry, y: number, h: number): void {
  const { xs } = g;
  const n = r.cells.length;
  box(p, xs[0], y, STT_W, h);
  cellText(p, String(r.stt), 'R', NAME_SIZE, xs[0], y, STT_W, h);
  box(p, xs[1], y, g.nameW, h);
  // Name then unit, top-aligned together and centred as a block.
  const w = g.nameW - 2 * PAD;
  const nameH = p.use('R', NAME_SIZE).heightOfString(r.name || ' ', { width: w, lineGap: 0 });
  const unitH = r.unit
    ? p.use('I', UNIT_SIZE).heightOfString(r.unit, { width: w, lineGap: 0 }) + 1
    : 0;
  let ty = y + Math.max(PAD, (h - nameH - unitH) / 2);
  p.use('R', NAME_SIZE).text(r.name, xs[1] + PAD, ty, {
    width: w,
    height: Math.max(NAME_SIZE, y + h - ty - unitH),
    lineGap: 0,
    ellipsis: true,
  });
  ty += nameH + 1;
  if (r.unit && ty + UNIT_SIZE <= y + h)
    p.use('I', UNIT_SIZE).text(r.unit, xs[1] + PAD, ty, {
      width: w,
      height: y + h - ty,
      lineGap: 0,
      ellipsis: true,
    });
  if (r.remark) {
    // The judge does not score this entrant: one struck-through span instead of boxes to fill.
    const x0 = xs[2];
    const x1 = xs[2 + n] + TOTAL_W;
    p.pdf
      .rect(x0, y, x1 - x0, h)
      .fillColor('#ededed')
      .fill();
    box(p, x0, y, x1 - x0, h);
    cellText(p, r.remark, 'I', 10.5, x0, y, x1 - x0, h);
    return;
  }
  r.cells.forEach((c, i) => {
    box(p, xs[2 + i], y, g.leafW, h);
    cellText(p, c, 'R', g.numSize, xs[2 + i], y, g.leafW, h);
  });
  box(p, xs[2 + n], y, TOTAL_W, h);
  cellText(p, r.total, 'B', NUM_SIZE, xs[2 + n], y, TOTAL_W, h);
}

/** Title block of a sheet's first page; returns the y where the table starts. */
function drawTitle(p: Pen, d: ScoreSheetDoc, s: ScoreSheet): number {
  let y = drawHeading(p, d.issuer, MARGIN.top, d.dateText) + pt(2);
  y = drawCentered(p, { text: s.title, face: 'B', size: 15 }, MARGIN.left, y, CONTENT_W);
  if (d.contestName)
    y = drawCentered(p, { text: d.contestName, face: 'B', size: 13 }, MARGIN.left, y, CONTENT_W);
  if (s.scopeLine)
    y = drawCentered(p, { text: s.scopeLine, face: 'R', size: 13 }, MARGIN.left, y, CONTENT_W);
  if (s.rubricLine)
    y = drawCentered(p, { text: s.rubricLine, face: 'I', size: 12 }, MARGIN.left, y, CONTENT_W);
  y += 4;
  // "Giám khảo: " in regular, the name in bold, as a form's filled-in field reads.
  const m = /^([^:]*:\s*)(.*)$/.exec(s.judgeLine);
  const doc = p.use('R', 13);
  if (m) {
    doc.text(m[1], MARGIN.left, y, { continued: true, lineGap: 1 });
    p.use('B', 13).text(m[2], { lineGap: 1 });
  } else doc.text(s.judgeLine, MARGIN.left, y, { width: CONTENT_W, lineGap: 1 });
  return p.pdf.y + 4;
}

/** Continuation pages: one line saying whose sheet this is; returns the y where the table starts. */
function drawContinuation(p: Pen, s: ScoreSheet): number {
  const text =
    [s.title, s.judgeLine, s.scopeLine, s.rubricLine].filter(Boolean).join(' – ') + ' (tiếp theo)';
  p.use('I', 11).text(text, MARGIN.left, MARGIN.top, { width: CONTENT_W, lineGap: 1 });
  return p.pdf.y + 6;
}

/** Notes on the left, the judge's signature on the right, side by side under the table. */
const NOTES_W = CONTENT_W * 0.58;
const SIGN_W = CONTENT_W * 0.38;
const NOTE_SIZE = 10.5;
const LABEL = 'Ghi chú:';
const TAIL_GAP = 3;
const BULLET_W = 8;

interface Tail {
  readonly labelW: number;
  readonly height: number;
}

function measureTail(p: Pen, s: ScoreSheet): Tail {
  const labelW = p.use('BI', NOTE_SIZE).widthOfString(`${LABEL} `);
  const noteW = NOTES_W - labelW;
  const notesH = s.notes.reduce(
    (h, n) => h + p.use('I', NOTE_SIZE).heightOfString(n, { width: noteW - BULLET_W, lineGap: 1 }),
    0,
  );
  const signH =
    p.use('B', 13).heightOfString(s.signature.title, { width: SIGN_W, lineGap: 1 }) +
    p.use('I', 11).heightOfString(s.signature.hint, { width: SIGN_W, lineGap: 1 }) +
    SIGN_SPACE +
    p.use('B', 13).heightOfString(s.signature.name || ' ', { width: SIGN_W, lineGap: 1 });
  return { labelW, height: TAIL_GAP + Math.max(notesH, signH) };
}

function drawTail(p: Pen, s: ScoreSheet, tail: Tail, top: number): void {
  let y = top + TAIL_GAP;
  if (s.notes.length) p.use('BI', NOTE_SIZE).text(LABEL, MARGIN.left, y, { lineBreak: false });
  for (const n of s.notes) {
    // A hanging dash, so a wrapped note's lines align with its text, not under the dash.
    p.use('I', NOTE_SIZE).text('-', MARGIN.left + tail.labelW, y, { lineBreak: false });
    p.use('I', NOTE_SIZE).text(n, MARGIN.left + tail.labelW + BULLET_W, y, {
      width: NOTES_W - tail.labelW - BULLET_W,
      lineGap: 1,
    });
    y = p.pdf.y;
  }
  const x = MARGIN.left + CONTENT_W - SIGN_W;
  y = top + TAIL_GAP;
  y = drawCentered(p, { text: s.signature.title, face: 'B', size: 13 }, x, y, SIGN_W);
  y = drawCentered(p, { text: s.signature.hint, face: 'I', size: 11 }, x, y, SIGN_W);
  // The signing space is kept even without a name: an anonymous sheet's judge writes it in.
  if (s.signature.name)
    drawCentered(p, { text: s.signature.name, face: 'B', size: 13 }, x, y + SIGN_SPACE, SIGN_W);
}

function drawFooter(p: Pen, d: ScoreSheetDoc, page: number, pages: number): void {
  const y = PAGE_H - pt(12);
  const right = `Trang ${page}/${pages}`;
  const doc = p.use('I', 8, '#444444');
  const rightW = doc.widthOfString(right) + 2;
  if (d.footer)
    doc.text(d.footer, MARGIN.left, y, {
      width: CONTENT_W - rightW - 10,
      lineBreak: false,
      ellipsis: true,
    });
  p.use('I', 8, '#444444').text(right, PAGE_W - MARGIN.right - rightW, y, {
    width: rightW,
    align: 'right',
    lineBreak: false,
  });
  p.use('R', 10, BLACK);
}

/**
 * Splits a sheet's rows over pages: as many as fit, then the notes and signature after the last row.
 * When they do not fit there, the last row moves over with them, so a signature is never on a page
 * of its own that could be attached to another sheet.
 */
function paginate(
  heights: readonly number[],
  firstRoom: number,
  nextRoom: number,
  tailH: number,
): number[][] {
  const pages: number[][] = [[]];
  let room = firstRoom;
  heights.forEach((h, i) => {
    const page = pages[pages.length - 1];
    if (page.length > 0 && h > room) {
      pages.push([i]);
      room = nextRoom - h;
    } else {
      page.push(i);
      room -= h;
    }
  });
  if (room < tailH) {
    const last = pages[pages.length - 1];
    if (last.length > 1) pages.push([last.pop()!]);
    else pages.push([]);
  }
  return pages;
}

function drawSheet(p: Pen, d: ScoreSheetDoc, s: ScoreSheet): void {
  // Measuring sets colours, which pdfkit writes to the current page: the page comes first.
  p.pdf.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
  const g = geometry(s.columns.length);
  const hd = measureHeader(p, s, g);
  const tail = measureTail(p, s);
  // Rows never taller than a continuation page can hold: a 300-character name is cut, not split.
  const contTop = MARGIN.top + 24;
  const cap = TABLE_BOTTOM - contTop - hd.height - 4;
  const heights = s.rows.map((r) => Math.min(cap, rowHeight(p, r, g)));

  const firstTop = drawTitle(p, d, s);
  const pages = paginate(
    heights,
    TABLE_BOTTOM - firstTop - hd.height,
    TABLE_BOTTOM - contTop - hd.height,
    tail.height,
  );
  pages.forEach((rows, k) => {
    let y =
      k === 0
        ? firstTop
        : (p.pdf.addPage({ size: 'A4', layout: 'landscape', margin: 0 }), drawContinuation(p, s));
    if (rows.length) y = drawHeader(p, s, g, hd, y);
    for (const i of rows) {
      drawRow(p, s.rows[i], g, y, heights[i]);
      y += heights[i];
    }
    if (k === pages.length - 1) drawTail(p, s, tail, y);
    drawFooter(p, d, k + 1, pages.length);
  });
}

function normalised(doc: ScoreSheetDoc): ScoreSheetDoc {
  return {
    issuer: nfcIssuer(doc.issuer),
    contestName: nfc(doc.contestName),
    dateText: nfc(doc.dateText),
    footer: nfc(doc.footer),
    sheets: doc.sheets.map((s) => ({
      title: nfc(s.title),
      scopeLine: nfc(s.scopeLine),
      rubricLine: nfc(s.rubricLine),
      judgeLine: nfc(s.judgeLine),
      entrantHeader: nfc(s.entrantHeader),
      columns: s.columns.map((c) => ({ group: nfc(c.group), header: nfc(c.header) })),
      totalHeader: nfc(s.totalHeader),
      rows: s.rows.map((r) => ({
        ...r,
        name: nfc(r.name),
        unit: nfc(r.unit),
        cells: r.cells.map(nfc),
        total: nfc(r.total),
        remark: nfc(r.remark),
      })),
      notes: s.notes.map(nfc),
      signature: {
        title: nfc(s.signature.title),
        hint: nfc(s.signature.hint),
        name: nfc(s.signature.name),
      },
    })),
  };
}

export async function writeScoreSheetsPdf(
  input: ScoreSheetDoc,
  fontsDir: string,
): Promise<Uint8Array> {
  await checkFonts(fontsDir);
  const d = normalised(input);
  const { pen, finish } = openPdf(fontsDir, `Phiếu chấm điểm — ${d.contestName}`);
  for (const s of d.sheets) drawSheet(pen, d, s);
  return finish();
}
