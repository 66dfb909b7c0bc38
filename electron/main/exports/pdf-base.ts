/**
 * What every PDF writer here shares: A4 landscape geometry with the official margins, the bundled
 * Tinos faces (selected by file path so pdfkit caches them), a document that collects its bytes,
 * NFC text cleaning, and the issuer's heading (Party or State) in two columns.
 * Not here: any one document's layout (certificates-pdf.ts, score-sheets-pdf.ts).
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { IssuerDoc } from '../../../shared/documents/models';
import { UserFacingError } from '../handlers/context';

export const pt = (mm: number) => (mm * 72) / 25.4;
export const PAGE_W = 841.89; // A4 landscape, points
export const PAGE_H = 595.28;
export const MARGIN = { top: pt(20), bottom: pt(20), left: pt(30), right: pt(20) }; // domain.md: 20–25, 20–25, 30–35, 15–20 mm
export const CONTENT_W = PAGE_W - MARGIN.left - MARGIN.right;
export const BLACK = '#000000';

export const FACES = {
  R: 'Tinos-Regular.ttf',
  B: 'Tinos-Bold.ttf',
  I: 'Tinos-Italic.ttf',
  BI: 'Tinos-BoldItalic.ttf',
} as const;
export type Face = keyof typeof FACES;

/**
 * Fonts are selected by their file path, the key pdfkit caches them under: selecting a face by a
 * registered alias of the constructor's default font misses pdfkit's cache and re-parses the file
 * on every call (4 s per 1,000 pages instead of well under one).
 */
export class Pen {
  constructor(
    readonly pdf: PDFKit.PDFDocument,
    private readonly faces: Readonly<Record<Face, string>>,
  ) {}

  use(face: Face, size: number, color = BLACK): PDFKit.PDFDocument {
    return this.pdf.font(this.faces[face]).fontSize(size).fillColor(color);
  }
}

/**
 * Fails with the missing file's name instead of pdfkit's bare ENOENT deep inside fontkit. Expected
 * (a damaged install), so the user is told what to do rather than shown an internal error.
 */
export async function checkFonts(fontsDir: string): Promise<void> {
  for (const file of Object.values(FACES)) {
    try {
      await access(join(fontsDir, file));
    } catch {
      throw new UserFacingError(
        'missingFont',
        `Thiếu phông chữ ${file} trong ${fontsDir}. Hãy cài đặt lại ứng dụng Giám khảo.`,
      );
    }
  }
}

/** NFC, so each letter maps to one precomposed Tinos glyph; controls (a stray NUL or tab) become spaces. */
export const nfc = (s: string) =>
  s
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/ {2,}/g, ' ');

export function nfcIssuer(issuer: IssuerDoc): IssuerDoc {
  return Object.fromEntries(
    Object.entries(issuer).map(([k, v]) => [k, typeof v === 'string' ? nfc(v) : v]),
  ) as IssuerDoc;
}

export interface OpenPdf {
  readonly pdf: PDFKit.PDFDocument;
  readonly pen: Pen;
  /** Call after the last page: ends the document and resolves with its bytes. */
  readonly finish: () => Promise<Uint8Array>;
}

/** A4 landscape document in Tinos only; pages are added by the caller. */
export function openPdf(fontsDir: string, title: string): OpenPdf {
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
    info: { Title: title, Creator: 'Giám khảo', Producer: 'Giám khảo' },
  });
  // Each face is parsed once per document and embedded once, subset to the glyphs used.
  const pen = new Pen(pdf, {
    R: join(fontsDir, FACES.R),
    B: join(fontsDir, FACES.B),
    I: join(fontsDir, FACES.I),
    BI: join(fontsDir, FACES.BI),
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
  });
  return {
    pdf,
    pen,
    finish: () => {
      pdf.end();
      return done;
    },
  };
}

export interface TextSpec {
  readonly text: string;
  readonly face: Face;
  readonly size: number;
  readonly color?: string;
}

/** Centred text in a box; returns the y below it. `height` clips with an ellipsis instead of spilling onto a new page. */
export function drawCentered(
  p: Pen,
  b: TextSpec,
  x: number,
  y: number,
  width: number,
  height?: number,
): number {
  const doc = p.use(b.face, b.size, b.color);
  doc.text(b.text, x, y, {
    width,
    align: 'center',
    lineGap: 1,
    ...(height ? { height, ellipsis: true } : {}),
  });
  return doc.y;
}

/** A solid rule centred under a line of text, `ratio` of the text's width (1 = the whole line). */
export function ruleUnder(
  p: Pen,
  text: string,
  face: Face,
  size: number,
  cx: number,
  y: number,
  ratio = 1,
): void {
  const w = Math.min(p.use(face, size).widthOfString(text), CONTENT_W / 2) * ratio;
  p.pdf
    .moveTo(cx - w / 2, y)
    .lineTo(cx + w / 2, y)
    .lineWidth(0.8)
    .strokeColor(BLACK)
    .stroke();
}

/**
 * Party or State heading, two columns from `top`; returns the y below it. `placeDate` goes in the
 * right column under the Party line or the motto, where official documents put it.
 */
export function drawHeading(p: Pen, issuer: IssuerDoc, top = MARGIN.top, placeDate = ''): number {
  const leftW = CONTENT_W * 0.44;
  const rightX = MARGIN.left + CONTENT_W * 0.48;
  const rightW = CONTENT_W * 0.52;
  const leftCx = MARGIN.left + leftW / 2;
  const rightCx = rightX + rightW / 2;
  const up = (s: string) => s.toLocaleUpperCase('vi');
  let ly = top;
  let ry = top;
  if (issuer.family === 'party') {
    if (issuer.superior)
      ly = drawCentered(
        p,
        { text: up(issuer.superior), face: 'R', size: 14 },
        MARGIN.left,
        ly,
        leftW,
      );
    ly = drawCentered(p, { text: up(issuer.name), face: 'B', size: 14 }, MARGIN.left, ly, leftW);
    ly = drawCentered(p, { text: '*', face: 'R', size: 14 }, MARGIN.left, ly, leftW);
    const party = 'ĐẢNG CỘNG SẢN VIỆT NAM';
    ry = drawCentered(p, { text: party, face: 'B', size: 15 }, rightX, ry, rightW);
    ruleUnder(p, party, 'B', 15, rightCx, ry + 1);
    ry += 4;
  } else {
    if (issuer.superior)
      ly = drawCentered(
        p,
        { text: up(issuer.superior), face: 'R', size: 13 },
        MARGIN.left,
        ly,
        leftW,
      );
    ly = drawCentered(p, { text: up(issuer.name), face: 'B', size: 13 }, MARGIN.left, ly, leftW);
    // State organs carry a short rule under their name (a third to a half of the line).
    ruleUnder(p, up(issuer.name), 'B', 13, leftCx, ly + 1, 0.4);
    ly += 4;
    ry = drawCentered(
      p,
      { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', face: 'B', size: 13 },
      rightX,
      ry,
      rightW,
    );
    const motto = 'Độc lập - Tự do - Hạnh phúc';
    ry = drawCentered(p, { text: motto, face: 'B', size: 14 }, rightX, ry, rightW);
    ruleUnder(p, motto, 'B', 14, rightCx, ry + 1);
    ry += 4;
  }
  if (placeDate)
    ry = drawCentered(p, { text: placeDate, face: 'I', size: 13 }, rightX, ry + 3, rightW);
  return Math.max(ly, ry);
}
