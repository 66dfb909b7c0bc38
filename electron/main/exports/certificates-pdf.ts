/**
 * Writes a CertificateDoc (shared/documents/models.ts) to PDF bytes with pdfkit: A4 landscape, one
 * page per certificate, laid out as an official giấy khen (Party or State heading, red issuer title
 * and form name, recipient, achievement; decision and register number bottom left; place, date,
 * signer and signing space bottom right; the journal chain head as a small footer). Text is real,
 * selectable text in the bundled Tinos fonts only (never pdfkit's built-in Helvetica). Not here:
 * the "text only" mode for pre-printed blanks, background frames and seal images.
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { Certificate, CertificateDoc, IssuerDoc } from '../../../shared/documents/models';
import { defaultIssuerTitle } from '../../../shared/documents/certificate-doc';

const pt = (mm: number) => (mm * 72) / 25.4;
const PAGE_W = 841.89; // A4 landscape, points
const PAGE_H = 595.28;
const MARGIN = { top: pt(20), bottom: pt(20), left: pt(30), right: pt(20) }; // domain.md: 20–25, 20–25, 30–35, 15–20 mm
const CONTENT_W = PAGE_W - MARGIN.left - MARGIN.right;
const RED = '#c00000';
const BLACK = '#000000';
const SIGN_SPACE = pt(35); // room for signature and seal

const FACES = { R: 'Tinos-Regular.ttf', B: 'Tinos-Bold.ttf', I: 'Tinos-Italic.ttf', BI: 'Tinos-BoldItalic.ttf' } as const;
type Face = keyof typeof FACES;

interface Block {
  readonly text: string;
  readonly face: Face;
  readonly size: number;
  readonly color: string;
  /** Space after, in points at full scale. */
  readonly gap: number;
}

/**
 * Fonts are selected by their file path, the key pdfkit caches them under: selecting a face by a
 * registered alias of the constructor's default font misses pdfkit's cache and re-parses the file
 * on every call (4 s per 1,000 pages instead of well under one).
 */
class Pen {
  constructor(
    readonly pdf: PDFKit.PDFDocument,
    private readonly faces: Readonly<Record<Face, string>>,
  ) {}

  use(face: Face, size: number, color = BLACK): PDFKit.PDFDocument {
    return this.pdf.font(this.faces[face]).fontSize(size).fillColor(color);
  }
}

/** Fails with the missing file's name instead of pdfkit's bare ENOENT deep inside fontkit. */
async function checkFonts(fontsDir: string): Promise<void> {
  for (const file of Object.values(FACES)) {
    try {
      await access(join(fontsDir, file));
    } catch {
      throw new Error(`Thiếu phông chữ ${file} trong ${fontsDir}`);
    }
  }
}

function drawText(p: Pen, b: Pick<Block, 'text' | 'face' | 'size' | 'color'>, x: number, y: number, width: number, height?: number): number {
  const doc = p.use(b.face, b.size, b.color);
  doc.text(b.text, x, y, { width, align: 'center', lineGap: 1, ...(height ? { height, ellipsis: true } : {}) });
  return doc.y;
}

/** A solid rule centred under a line of text, `ratio` of the text's width (1 = the whole line). */
function rule(p: Pen, text: string, face: Face, size: number, cx: number, y: number, ratio = 1): void {
  const w = Math.min(p.use(face, size).widthOfString(text), CONTENT_W / 2) * ratio;
  p.pdf.moveTo(cx - w / 2, y).lineTo(cx + w / 2, y).lineWidth(0.8).strokeColor(BLACK).stroke();
}

/** Party or State heading, two columns; returns the y below it. */
function drawHeading(p: Pen, issuer: IssuerDoc): number {
  const leftW = CONTENT_W * 0.44;
  const rightX = MARGIN.left + CONTENT_W * 0.48;
  const rightW = CONTENT_W * 0.52;
  const leftCx = MARGIN.left + leftW / 2;
  const rightCx = rightX + rightW / 2;
  const up = (s: string) => s.toLocaleUpperCase('vi');
  let ly = MARGIN.top;
  let ry = MARGIN.top;
  if (issuer.family === 'party') {
    if (issuer.superior) ly = drawText(p, { text: up(issuer.superior), face: 'R', size: 14, color: BLACK }, MARGIN.left, ly, leftW);
    ly = drawText(p, { text: up(issuer.name), face: 'B', size: 14, color: BLACK }, MARGIN.left, ly, leftW);
    ly = drawText(p, { text: '*', face: 'R', size: 14, color: BLACK }, MARGIN.left, ly, leftW);
    const party = 'ĐẢNG CỘNG SẢN VIỆT NAM';
    ry = drawText(p, { text: party, face: 'B', size: 15, color: BLACK }, rightX, ry, rightW);
    rule(p, party, 'B', 15, rightCx, ry + 1);
    ry += 4;
  } else {
    if (issuer.superior) ly = drawText(p, { text: up(issuer.superior), face: 'R', size: 13, color: BLACK }, MARGIN.left, ly, leftW);
    ly = drawText(p, { text: up(issuer.name), face: 'B', size: 13, color: BLACK }, MARGIN.left, ly, leftW);
    // State organs carry a short rule under their name (a third to a half of the line).
    rule(p, up(issuer.name), 'B', 13, leftCx, ly + 1, 0.4);
    ly += 4;
    ry = drawText(p, { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', face: 'B', size: 13, color: BLACK }, rightX, ry, rightW);
    const motto = 'Độc lập - Tự do - Hạnh phúc';
    ry = drawText(p, { text: motto, face: 'B', size: 14, color: BLACK }, rightX, ry, rightW);
    rule(p, motto, 'B', 14, rightCx, ry + 1);
    ry += 4;
  }
  return Math.max(ly, ry);
}

/** Bottom blocks; returns the y where they start, so the middle never runs into them. */
function drawBottom(p: Pen, d: CertificateDoc, c: Certificate): number {
  const rightX = MARGIN.left + CONTENT_W * 0.5;
  const rightW = CONTENT_W * 0.5;
  const all: Block[] = [
    { text: d.dateText, face: 'I', size: 14, color: BLACK, gap: 2 },
    { text: d.issuer.signerMark, face: 'B', size: 13, color: BLACK, gap: 0 },
    { text: d.issuer.signerTitle, face: 'B', size: 13, color: BLACK, gap: 0 },
  ];
  const lines = all.filter((b) => b.text);
  const name: Block = { text: d.issuer.signerName, face: 'B', size: 14, color: BLACK, gap: 0 };
  const heightOf = (b: Block) => p.use(b.face, b.size).heightOfString(b.text || ' ', { width: rightW, lineGap: 1 });
  const nameH = heightOf(name);
  const bottom = PAGE_H - MARGIN.bottom;
  // The signing space is kept even when the name is blank: it is filled in by hand.
  const top = bottom - nameH - SIGN_SPACE - lines.reduce((s, b) => s + heightOf(b) + b.gap, 0);
  let y = top;
  for (const b of lines) y = drawText(p, b, rightX, y, rightW) + b.gap;
  if (name.text) drawText(p, name, rightX, bottom - nameH, rightW);

  // Left: the decision and the register number, ending on the signer's name line.
  const leftW = CONTENT_W * 0.42;
  const left = [d.decisionText, `Số vào sổ: ${c.registerNo}`].filter(Boolean);
  const doc = p.use('R', 12);
  const leftH = left.reduce((s, t) => s + doc.heightOfString(t, { width: leftW, lineGap: 1 }), 0);
  let ly = bottom - leftH;
  for (const t of left) {
    doc.text(t, MARGIN.left, ly, { width: leftW, align: 'left', lineGap: 1 });
    ly = doc.y;
  }

  if (d.footer) {
    p.use('I', 7, '#555555').text(d.footer, MARGIN.left, PAGE_H - pt(10), { width: CONTENT_W, align: 'left', lineBreak: false });
  }
  return top;
}

/** A smaller size (down to `min`) so a long name takes at most `lines` lines instead of crowding the page. */
function fitLines(p: Pen, b: Block, width: number, lines: number, min: number): Block {
  let size = b.size;
  const doc = p.use(b.face, size);
  const tooTall = (s: number) => doc.fontSize(s).heightOfString(b.text, { width, lineGap: 1 }) > lines * doc.heightOfString('X', { width, lineGap: 1 }) + 0.5;
  while (size > min && tooTall(size)) size -= 1;
  return size === b.size ? b : { ...b, size };
}

/** Middle, centred between heading and bottom; shrinks long recipients or achievements to fit. */
function drawMiddle(p: Pen, d: CertificateDoc, c: Certificate, from: number, to: number): void {
  const width = CONTENT_W - pt(20);
  const x = MARGIN.left + pt(10);
  const all: Block[] = [
    { text: d.issuerTitle || defaultIssuerTitle(d.issuer), face: 'B', size: 16, color: RED, gap: 4 },
    { text: 'Tặng', face: 'BI', size: 17, color: BLACK, gap: 2 },
    { text: d.formName, face: 'B', size: 40, color: RED, gap: 10 },
    fitLines(p, { text: c.recipient, face: 'B', size: 26, color: BLACK, gap: 4 }, width, 2, 18),
    fitLines(p, { text: c.unit, face: 'I', size: 17, color: BLACK, gap: 8 }, width, 2, 14),
    { text: c.achievement, face: 'R', size: 17, color: BLACK, gap: 0 },
  ];
  const blocks = all.filter((b) => b.text);
  const room = to - from;
  let scale = 1;
  let heights: number[] = [];
  for (;;) {
    heights = blocks.map((b) => p.use(b.face, b.size * scale).heightOfString(b.text, { width, lineGap: 1 }) + b.gap * scale);
    const total = heights.reduce((a, b) => a + b, 0);
    if (total <= room || scale <= 0.5) break;
    scale = Math.max(0.5, scale * Math.min(0.95, room / total));
  }
  const total = heights.reduce((a, b) => a + b, 0);
  let y = from + Math.max(0, (room - total) / 2);
  blocks.forEach((b, i) => {
    // `height` stops pdfkit from spilling past the bottom blocks (or onto a new page) at any size.
    const left = to - y;
    if (left < b.size * scale) return;
    drawText(p, { ...b, size: b.size * scale }, x, y, width, left);
    y += heights[i];
  });
}

/** NFC, so each letter maps to one precomposed Tinos glyph; controls (a stray NUL or tab) become spaces. */
const nfc = (s: string) => s.normalize('NFC').replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/ {2,}/g, ' ');

function normalised(doc: CertificateDoc): CertificateDoc {
  const issuer = Object.fromEntries(Object.entries(doc.issuer).map(([k, v]) => [k, typeof v === 'string' ? nfc(v) : v])) as IssuerDoc;
  return {
    ...doc,
    issuer,
    issuerTitle: doc.issuerTitle === undefined ? undefined : nfc(doc.issuerTitle),
    formName: nfc(doc.formName),
    decisionText: nfc(doc.decisionText),
    dateText: nfc(doc.dateText),
    footer: nfc(doc.footer),
    certificates: doc.certificates.map((c) => ({ recipient: nfc(c.recipient), unit: nfc(c.unit), achievement: nfc(c.achievement), registerNo: nfc(c.registerNo) })),
  };
}

export async function writeCertificatesPdf(input: CertificateDoc, fontsDir: string): Promise<Uint8Array> {
  await checkFonts(fontsDir);
  const d = normalised(input);
  const pdf = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    autoFirstPage: false,
    compress: true,
    // The default font is loaded at construction; pointing it at Tinos keeps Helvetica out of the file.
    font: join(fontsDir, FACES.R),
    lang: 'vi-VN',
    displayTitle: true,
    info: { Title: `${d.formName} — ${d.issuerTitle || defaultIssuerTitle(d.issuer)}`, Creator: 'Giám khảo', Producer: 'Giám khảo' },
  });
  // Each face is parsed once per document and embedded once, subset to the glyphs used.
  const pen = new Pen(pdf, { R: join(fontsDir, FACES.R), B: join(fontsDir, FACES.B), I: join(fontsDir, FACES.I), BI: join(fontsDir, FACES.BI) });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
  });
  for (const c of d.certificates) {
    pdf.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
    const headingEnd = drawHeading(pen, d.issuer);
    const bottomTop = drawBottom(pen, d, c);
    drawMiddle(pen, d, c, headingEnd + pt(6), bottomTop - pt(4));
  }
  pdf.end();
  return done;
}
