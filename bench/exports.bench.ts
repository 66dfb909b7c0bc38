/**
 * Export figures: the scoreboard .xlsx for a province-sized award round (1,045 models × 9 judges,
 * domain.md's realistic size) and 1,000 certificate pages, each beside the raw library writing the
 * same content with no layout work, so the ratio shows what styling and layout cost. The round is
 * generated here with a seeded PRNG so the figures are repeatable.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { writeCertificatesPdf } from '../electron/main/exports/certificates-pdf';
import { writeScoreboardXlsx } from '../electron/main/exports/scoreboard-xlsx';
import { buildCertificateDoc } from '../shared/documents/certificate-doc';
import type { CertificateDoc, ScoreboardDoc } from '../shared/documents/models';
import { buildScoreboardDoc } from '../shared/documents/scoreboard-doc';
import type { Criterion, CriterionId, Entrant, EntrantId, Issuer, Judge, JudgeId, RoundId, Score } from '../shared/model/types';
import { tally } from '../shared/tally/tally';
import { timeMedian, type BenchRow } from './harness';

const FONTS = join(import.meta.dirname, '..', 'resources', 'fonts');
const ISSUER: Issuer = { family: 'party', superior: 'TỈNH ỦY THANH HÓA', name: 'BAN DÂN VẬN', place: 'Thanh Hóa', signerMark: 'T/M BAN THƯỜNG VỤ', signerTitle: 'TRƯỞNG BAN', signerName: 'Nguyễn Thị Hằng' };
const FIELDS = ['Kinh tế', 'Văn hóa – xã hội', 'Quốc phòng – an ninh', 'Xây dựng hệ thống chính trị'];

/** mulberry32: a tiny seeded PRNG, so every run scores the same round. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 1,045 models, 9 judges, 10 criteria of 10 points (step 0,5); about 1 % of judges excluded. */
function provinceRound(): { doc: ScoreboardDoc; entrants: Entrant[] } {
  const rnd = mulberry32(2020);
  const round = 'r-2016-2020' as RoundId;
  const criteria: Criterion[] = Array.from({ length: 10 }, (_, i) => ({
    id: `k${i}` as CriterionId, roundId: round, parentId: null, name: `Tiêu chí ${i + 1}`, order: i, maxCp: 1000, stepCp: 50, weight: 1,
  }));
  const judges: Judge[] = Array.from({ length: 9 }, (_, i) => ({
    id: `j${i}` as JudgeId, contestId: 'c' as never, name: `Giám khảo số ${i + 1}`, title: '', unit: `Ban ${i}`, role: i === 0 ? 'head' : 'member', clusterIds: [], fields: [], order: i,
  }));
  const entrants: Entrant[] = Array.from({ length: 1045 }, (_, i) => ({
    id: `m${i}` as EntrantId, roundId: round, code: `MH${String(i + 1).padStart(4, '0')}`, kind: 'model', name: `Mô hình “Dân vận khéo” số ${i + 1} – ${FIELDS[i % 4]}`,
    unit: `Ủy ban nhân dân xã ${['Quảng Phú', 'Hoằng Hóa', 'Đông Sơn', 'Nga Sơn', 'Thọ Xuân'][i % 5]} ${Math.floor(i / 5) + 1}`, clusterId: null, field: FIELDS[i % 4], order: i,
  }));
  const excluded = new Set(entrants.filter(() => rnd() < 0.01).map((e) => `${e.id}|j${Math.floor(rnd() * 9)}`));
  const scores: Score[] = [];
  for (const e of entrants) {
    const quality = 10 + rnd() * 8; // steps out of 20
    for (const j of judges) for (const c of criteria) {
      scores.push({ roundId: round, judgeId: j.id, entrantId: e.id, criterionId: c.id, steps: Math.max(0, Math.min(20, Math.round(quality + (rnd() - 0.5) * 6))) });
    }
  }
  const t = tally({ round: { policy: { kind: 'mean' } }, criteria, entrants, judges, scores, excluded: (j, e) => (excluded.has(`${e.id}|${j.id}`) ? 'conflict' : 'none') });
  const prizes = new Map(t.results.slice(0, 55).map((r, i) => [r.entrant.id, i < 18 ? 'Xuất sắc' : 'Tiêu biểu']));
  const doc = buildScoreboardDoc({
    contest: { name: 'Bình xét mô hình “Dân vận khéo” giai đoạn 2016–2020', issuer: ISSUER }, roundName: 'Bình xét cấp tỉnh', dateText: 'Thanh Hóa, ngày 15 tháng 10 năm 2020',
    groups: [{ title: 'Toàn tỉnh', tally: t }], judges, prizeOf: (id) => prizes.get(id), chainHead: 'a'.repeat(64),
  });
  return { doc, entrants };
}

/** Baseline: the same cell values through exceljs with no styling, merges, heading or notes. */
async function rawXlsx(doc: ScoreboardDoc): Promise<number> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of doc.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    ws.addRow(sheet.columns.map((c) => c.header));
    for (const row of sheet.rows) ws.addRow(row);
  }
  return (await wb.xlsx.writeBuffer()).byteLength;
}

function thousandCertificates(entrants: readonly Entrant[]): CertificateDoc {
  return buildCertificateDoc({
    contest: { name: 'Bình xét mô hình "Dân vận khéo"', year: 2020, issuer: ISSUER }, entrants: entrants.slice(0, 1000), prizeOf: (id) => (Number(id.slice(1)) < 18 ? 'Xuất sắc' : 'Khuyến khích'),
    date: '2020-10-15', decision: { number: '112-QĐ/BDVTU', date: '2020-10-12' }, chainHead: 'a'.repeat(64), formName: 'Giấy khen',
  });
}

/** Baseline: the same strings in the same (regular) font, one page each, at fixed points, no wrapping or measuring. */
async function rawPdf(doc: CertificateDoc): Promise<number> {
  const pdf = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 0, autoFirstPage: false, font: join(FONTS, 'Tinos-Regular.ttf') });
  const chunks: Buffer[] = [];
  const done = new Promise<number>((resolve) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(chunks.reduce((s, c) => s + c.length, 0)));
  });
  const i = doc.issuer;
  for (const c of doc.certificates) {
    pdf.addPage();
    const lines = [i.superior, i.name, '*', 'ĐẢNG CỘNG SẢN VIỆT NAM', doc.issuerTitle ?? '', 'Tặng', doc.formName, c.recipient, c.unit, c.achievement, doc.decisionText, `Số vào sổ: ${c.registerNo}`, doc.dateText, i.signerMark, i.signerTitle, i.signerName, doc.footer];
    lines.forEach((t, k) => pdf.fontSize(14).text(t, 60, 40 + k * 30, { lineBreak: false }));
  }
  pdf.end();
  return done;
}

export async function run(): Promise<BenchRow[]> {
  const t0 = performance.now();
  const { doc, entrants } = provinceRound();
  const buildMs = performance.now() - t0;
  let xlsxBytes = 0;
  const xlsx = await timeMedian(async () => {
    xlsxBytes = (await writeScoreboardXlsx(doc)).byteLength;
  }, 3);
  const xlsxRaw = await timeMedian(() => rawXlsx(doc), 3);

  const certs = thousandCertificates(entrants);
  let pdfBytes = 0;
  const pdf = await timeMedian(async () => {
    pdfBytes = (await writeCertificatesPdf(certs, FONTS)).byteLength;
  }, 3);
  const pdfRaw = await timeMedian(() => rawPdf(certs), 3);

  return [
    { name: 'tally + scoreboard doc, 1,045 models × 9 judges × 10 criteria (once)', value: buildMs, unit: 'ms' },
    { name: 'scoreboard .xlsx, 1,045 × 9 (styled, heading, notes)', value: xlsx, unit: 'ms', baselineName: 'raw exceljs, same cells, no styling', baseline: xlsxRaw, goal: '< 3,000 ms' },
    { name: 'scoreboard .xlsx size', value: xlsxBytes / 1024, unit: 'KB' },
    { name: 'certificates PDF, 1,000 pages', value: pdf, unit: 'ms', baselineName: 'raw pdfkit, same strings and font', baseline: pdfRaw, goal: '< 5,000 ms' },
    { name: 'certificates PDF size per page', value: pdfBytes / 1024 / certs.certificates.length, unit: 'KB' },
  ];
}
