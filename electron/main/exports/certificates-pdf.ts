/**
 * Writes a CertificateDoc (shared/documents/models.ts) to PDF bytes with pdfkit: A4 landscape, one
 * page per certificate, laid out as an official giấy khen (Party or State heading, red issuer title
 * and form name, recipient, achievement; decision and register number bottom left; place, date,
 * signer and signing space bottom right; the journal chain head as a small footer; a red "Kết quả
 * tạm thời" mark in the top margin when the round is provisional). Text is real,
 * selectable text in the bundled Tinos fonts only (never pdfkit's built-in Helvetica). Not here:
 * the "text only" mode for pre-printed blanks, background frames and seal images; the page geometry,
 * fonts and heading shared with the other PDFs (pdf-base.ts).
 */
import type { Certificate, CertificateDoc } from '../../../shared/documents/models';
import { defaultIssuerTitle } from '../../../shared/documents/certificate-doc';
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
  pt,
  type Face,
  type Pen,
} from './pdf-base';

const RED = '#c00000';
const SIGN_SPACE = pt(35); // room for signature and seal

interface Block {
  readonly text: string;
  readonly face: Face;
  readonly size: number;
  readonly color: string;
  /** Space after, in points at full scale. */
  readonly gap: number;
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
  const heightOf = (b: Block) =>
    p.use(b.face, b.size).heightOfString(b.text || ' ', { width: rightW, lineGap: 1 });
  const nameH = heightOf(name);
  const bottom = PAGE_H - MARGIN.bottom;
  // The signing space is kept even when the name is blank: it is filled in by hand.
  const top = bottom - nameH - SIGN_SPACE - lines.reduce((s, b) => s + heightOf(b) + b.gap, 0);
  let y = top;
  for (const b of lines) y = drawCentered(p, b, rightX, y, rightW) + b.gap;
  if (name.text) drawCentered(p, name, rightX, bottom - nameH, rightW);

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
    p.use('I', 7, '#555555').text(d.footer, MARGIN.left, PAGE_H - pt(10), {
      width: CONTENT_W,
      align: 'left',
      lineBreak: false,
    });
  }
  return top;
}

/** A smaller size (down to `min`) so a long name takes at most `lines` lines instead of crowding the page. */
function fitLines(p: Pen, b: Block, width: number, lines: number, min: number): Block {
  let size = b.size;
  const doc = p.use(b.face, size);
  const tooTall = (s: number) =>
    doc.fontSize(s).heightOfString(b.text, { width, lineGap: 1 }) >
    lines * doc.heightOfString('X', { width, lineGap: 1 }) + 0.5;
  while (size > min && tooTall(size)) size -= 1;
  return size === b.size ? b : { ...b, size };
}

/** Middle, centred between heading and bottom; shrinks long recipients or achievements to fit. */
function drawMiddle(p: Pen, d: CertificateDoc, c: Certificate, from: number, to: number): void {
  const width = CONTENT_W - pt(20);
  const x = MARGIN.left + pt(10);
  const all: Block[] = [
    {
      text: d.issuerTitle || defaultIssuerTitle(d.issuer),
      face: 'B',
      size: 16,
      color: RED,
      gap: 4,
    },
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
    heights = blocks.map(
      (b) =>
        p.use(b.face, b.size * scale).heightOfString(b.text, { width, lineGap: 1 }) + b.gap * scale,
    );
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
    drawCentered(p, { ...b, size: b.size * scale }, x, y, width, left);
    y += heights[i];
  });
}

/** Provisional results: the label in red in the top margin and the reason under it, on every page. */
function drawProvisional(p: Pen, mark: NonNullable<CertificateDoc['provisional']>): void {
  let y = pt(5);
  y = drawCentered(
    p,
    { text: mark.label, face: 'B', size: 13, color: RED },
    MARGIN.left,
    y,
    CONTENT_W,
  );
  for (const l of mark.lines)
    y = drawCentered(p, { text: l, face: 'I', size: 9, color: RED }, MARGIN.left, y, CONTENT_W);
}

function normalised(doc: CertificateDoc): CertificateDoc {
  return {
    ...doc,
    issuer: nfcIssuer(doc.issuer),
    issuerTitle: doc.issuerTitle === undefined ? undefined : nfc(doc.issuerTitle),
    formName: nfc(doc.formName),
    decisionText: nfc(doc.decisionText),
    dateText: nfc(doc.dateText),
    footer: nfc(doc.footer),
    certificates: doc.certificates.map((c) => ({
      recipient: nfc(c.recipient),
      unit: nfc(c.unit),
      achievement: nfc(c.achievement),
      registerNo: nfc(c.registerNo),
    })),
    provisional: doc.provisional && {
      label: nfc(doc.provisional.label),
      lines: doc.provisional.lines.map(nfc),
    },
  };
}

export async function writeCertificatesPdf(
  input: CertificateDoc,
  fontsDir: string,
): Promise<Uint8Array> {
  await checkFonts(fontsDir);
  const d = normalised(input);
  const { pdf, pen, finish } = openPdf(
    fontsDir,
    `${d.formName} — ${d.issuerTitle || defaultIssuerTitle(d.issuer)}`,
  );
  for (const c of d.certificates) {
    pdf.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
    if (d.provisional) drawProvisional(pen, d.provisional);
    const headingEnd = drawHeading(pen, d.issuer);
    const bottomTop = drawBottom(pen, d, c);
    drawMiddle(pen, d, c, headingEnd + pt(6), bottomTop - pt(4));
  }
  return finish();
}
