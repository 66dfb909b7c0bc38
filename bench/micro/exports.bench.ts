/**
 * Export figures: the scoreboard .xlsx for a province-sized award round (1,045 models × 9 judges,
 * domain.md's realistic size) and 1,000 certificate pages, each beside the raw library writing the
 * same content with no layout work, so the ratio shows what styling and layout cost; the score
 * sheets of a city contest (35 teams, 6 clusters, 7 judges); and each of these rendered the way the
 * app does it, in a worker thread (render-in-worker.ts), beside the same writer in-process, so the
 * worker's cost (start-up, loading pdfkit/exceljs, parsing fonts, copying the document) is visible.
 * From source the worker boots through tsx, which adds transpiling; the bundled app does not.
 * The round is generated here with a seeded PRNG so the figures are repeatable.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { writeCertificatesPdf } from '../../electron/main/exports/certificates-pdf';
import { renderInWorker } from '../../electron/main/exports/render-in-worker';
import { writeScoreSheetsPdf } from '../../electron/main/exports/score-sheets-pdf';
import { writeScoreboardXlsx } from '../../electron/main/exports/scoreboard-xlsx';
import { buildCertificateDoc } from '../../shared/documents/certificate-doc';
import type { CertificateDoc, ScoreboardDoc, ScoreSheetDoc } from '../../shared/documents/models';
import { buildScoreboardDoc } from '../../shared/documents/scoreboard-doc';
import { buildScoreSheetDoc } from '../../shared/documents/score-sheet-doc';
import type {
  ClusterId,
  Criterion,
  CriterionId,
  Entrant,
  EntrantId,
  Issuer,
  Judge,
  JudgeId,
  RoundId,
  Score,
} from '../../shared/model/types';
import { tally } from '../../shared/tally/tally';
import { timeMedian, type BenchRow } from '../harness';
import { mulberry32 } from '../../shared/tally/prng';

const FONTS = join(import.meta.dirname, '..', '..', 'resources', 'fonts');
const ISSUER: Issuer = {
  family: 'party',
  superior: 'TỈNH ỦY THANH HÓA',
  name: 'BAN DÂN VẬN',
  place: 'Thanh Hóa',
  signerMark: 'T/M BAN THƯỜNG VỤ',
  signerTitle: 'TRƯỞNG BAN',
  signerName: 'Nguyễn Thị Hằng',
};
const FIELDS = [
  'Kinh tế',
  'Văn hóa – xã hội',
  'Quốc phòng – an ninh',
  'Xây dựng hệ thống chính trị',
];

/** 1,045 models, 9 judges, 10 criteria of 10 points (step 0,5); about 1 % of judges excluded. */
function provinceRound(): { doc: ScoreboardDoc; entrants: Entrant[] } {
  const rnd = mulberry32(2020);
  const round = 'r-2016-2020' as RoundId;
  const criteria: Criterion[] = Array.from({ length: 10 }, (_, i) => ({
    id: `k${i}` as CriterionId,
    roundId: round,
    parentId: null,
    name: `Tiêu chí ${i + 1}`,
    order: i,
    maxCp: 1000,
    stepCp: 50,
    weight: 1,
  }));
  const judges: Judge[] = Array.from({ length: 9 }, (_, i) => ({
    id: `j${i}` as JudgeId,
    contestId: 'c' as never,
    name: `Giám khảo số ${i + 1}`,
    title: '',
    unit: `Ban ${i}`,
    role: i === 0 ? 'head' : 'member',
    clusterIds: [],
    fields: [],
    order: i,
  }));
  const entrants: Entrant[] = Array.from({ length: 1045 }, (_, i) => ({
    id: `m${i}` as EntrantId,
    roundId: round,
    code: `MH${String(i + 1).padStart(4, '0')}`,
    kind: 'model',
    name: `Mô hình “Dân vận khéo” số ${i + 1} – ${FIELDS[i % 4]}`,
    unit: `Ủy ban nhân dân xã ${['Quảng Phú', 'Hoằng Hóa', 'Đông Sơn', 'Nga Sơn', 'Thọ Xuân'][i % 5]} ${Math.floor(i / 5) + 1}`,
    clusterId: null,
    field: FIELDS[i % 4],
    order: i,
  }));
  const excluded = new Set(
    entrants.filter(() => rnd() < 0.01).map((e) => `${e.id}|j${Math.floor(rnd() * 9)}`),
  );
  const scores: Score[] = [];
  for (const e of entrants) {
    const quality = 10 + rnd() * 8; // steps out of 20
    for (const j of judges)
      for (const c of criteria) {
        scores.push({
          roundId: round,
          judgeId: j.id,
          entrantId: e.id,
          criterionId: c.id,
          steps: Math.max(0, Math.min(20, Math.round(quality + (rnd() - 0.5) * 6))),
        });
      }
  }
  const t = tally({
    round: { policy: { kind: 'mean' } },
    criteria,
    entrants,
    judges,
    scores,
    excluded: (j, e) => (excluded.has(`${e.id}|${j.id}`) ? 'conflict' : 'none'),
  });
  const prizes = new Map(
    t.results.slice(0, 55).map((r, i) => [r.entrant.id, i < 18 ? 'Xuất sắc' : 'Tiêu biểu']),
  );
  const doc = buildScoreboardDoc({
    contest: { name: 'Bình xét mô hình “Dân vận khéo” giai đoạn 2016–2020', issuer: ISSUER },
    roundName: 'Bình xét cấp tỉnh',
    dateText: 'Thanh Hóa, ngày 15 tháng 10 năm 2020',
    groups: [{ title: 'Toàn tỉnh', tally: t }],
    judges,
    prizeOf: (id) => prizes.get(id),
    chainHead: 'a'.repeat(64),
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
    contest: { name: 'Bình xét mô hình "Dân vận khéo"', year: 2020, issuer: ISSUER },
    entrants: entrants.slice(0, 1000),
    prizeOf: (id) => (Number(id.slice(1)) < 18 ? 'Xuất sắc' : 'Khuyến khích'),
    date: '2020-10-15',
    decision: { number: '112-QĐ/BDVTU', date: '2020-10-12' },
    chainHead: 'a'.repeat(64),
    formName: 'Giấy khen',
  });
}

/** Baseline: the same strings in the same (regular) font, one page each, at fixed points, no wrapping or measuring. */
async function rawPdf(doc: CertificateDoc): Promise<number> {
  const pdf = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    autoFirstPage: false,
    font: join(FONTS, 'Tinos-Regular.ttf'),
  });
  const chunks: Buffer[] = [];
  const done = new Promise<number>((resolve) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(chunks.reduce((s, c) => s + c.length, 0)));
  });
  const i = doc.issuer;
  for (const c of doc.certificates) {
    pdf.addPage();
    const lines = [
      i.superior,
      i.name,
      '*',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      doc.issuerTitle ?? '',
      'Tặng',
      doc.formName,
      c.recipient,
      c.unit,
      c.achievement,
      doc.decisionText,
      `Số vào sổ: ${c.registerNo}`,
      doc.dateText,
      i.signerMark,
      i.signerTitle,
      i.signerName,
      doc.footer,
    ];
    lines.forEach((t, k) => pdf.fontSize(14).text(t, 60, 40 + k * 30, { lineBreak: false }));
  }
  pdf.end();
  return done;
}

/** Hà Nội-sized preliminary: 35 teams in 6 clusters, 7 judges, 3 parts (Kiến thức objective); pre-filled. */
function cityScoreSheets(): ScoreSheetDoc {
  const round = 'r-city' as RoundId;
  const c = (
    id: string,
    parentId: string | null,
    name: string,
    order: number,
    points: number,
    objective = false,
  ): Criterion => ({
    id: id as CriterionId,
    roundId: round,
    parentId: parentId as CriterionId | null,
    name,
    order,
    maxCp: points * 100,
    stepCp: 50,
    weight: 1,
    ...(objective ? { objective } : {}),
  });
  const criteria = [
    c('p1', null, 'Chào hỏi', 0, 20),
    c('p1a', 'p1', 'Nội dung', 0, 10),
    c('p1b', 'p1', 'Hình thức, phong cách', 1, 10),
    c('p2', null, 'Kiến thức', 1, 30),
    c('p2a', 'p2', 'Trả lời câu hỏi', 0, 30, true),
    c('p3', null, 'Tiểu phẩm', 2, 50),
    c('p3a', 'p3', 'Nội dung kịch bản', 0, 20),
    c('p3b', 'p3', 'Diễn xuất', 1, 15),
    c('p3c', 'p3', 'Phù hợp thực tiễn địa phương', 2, 15),
  ];
  const clusters = Array.from({ length: 6 }, (_, i) => ({
    id: `k${i}` as ClusterId,
    name: `Cụm thi số ${i + 1}`,
    order: i,
  }));
  const judges: Judge[] = Array.from({ length: 7 }, (_, i) => ({
    id: `j${i}` as JudgeId,
    contestId: 'c' as never,
    name: `Giám khảo số ${i + 1}`,
    title: '',
    unit: `Ban ${i}`,
    role: i === 0 ? 'head' : 'member',
    clusterIds: [],
    fields: [],
    order: i,
  }));
  const entrants: Entrant[] = Array.from({ length: 35 }, (_, i) => ({
    id: `t${i}` as EntrantId,
    roundId: round,
    code: `D${i + 1}`,
    kind: 'team',
    name: `Đội thi quận ${['Ba Đình', 'Hoàn Kiếm', 'Tây Hồ', 'Long Biên', 'Cầu Giấy', 'Đống Đa', 'Hai Bà Trưng'][i % 7]} ${i + 1}`,
    unit: `Ban Dân vận Quận ủy ${['Ba Đình', 'Hoàn Kiếm', 'Tây Hồ', 'Long Biên', 'Cầu Giấy', 'Đống Đa', 'Hai Bà Trưng'][i % 7]}`,
    clusterId: clusters[i % 6].id,
    order: i,
  }));
  const rnd = mulberry32(2024);
  const scores: Score[] = judges.flatMap((j) =>
    entrants.flatMap((e) =>
      criteria
        .filter((k) => k.parentId && !k.objective)
        .map((k) => ({
          roundId: round,
          judgeId: j.id,
          entrantId: e.id,
          criterionId: k.id,
          steps: Math.round((k.maxCp / k.stepCp) * (0.6 + rnd() * 0.4)),
        })),
    ),
  );
  return buildScoreSheetDoc({
    contest: { name: 'Hội thi “Dân vận khéo” thành phố Hà Nội năm 2024', issuer: ISSUER },
    roundName: 'Vòng sơ khảo',
    criteria,
    judges,
    clusters,
    entrants,
    scores,
    date: '2024-10-15',
    chainHead: 'a'.repeat(64),
  });
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

  // The app's path: the same writers in a fresh worker thread per document.
  const xlsxWorker = await timeMedian(() => renderInWorker('scoreboardXlsx', doc, FONTS), 3);
  const pdfWorker = await timeMedian(() => renderInWorker('certificatesPdf', certs, FONTS), 3);
  const sheets = cityScoreSheets();
  let sheetPages = 0;
  const sheetsPdf = await timeMedian(async () => {
    const bytes = await writeScoreSheetsPdf(sheets, FONTS);
    sheetPages = (
      Buffer.from(bytes)
        .toString('latin1')
        .match(/\/Type \/Page\b/g) ?? []
    ).length;
  }, 3);
  const sheetsWorker = await timeMedian(() => renderInWorker('scoreSheetsPdf', sheets, FONTS), 3);
  const tiny = thousandCertificates(entrants.slice(0, 1));
  const tinyIn = await timeMedian(() => writeCertificatesPdf(tiny, FONTS), 5);
  const tinyWorker = await timeMedian(() => renderInWorker('certificatesPdf', tiny, FONTS), 5);

  return [
    {
      name: 'tally + scoreboard doc, 1,045 models × 9 judges × 10 criteria (once)',
      value: buildMs,
      unit: 'ms',
    },
    {
      name: 'scoreboard .xlsx, 1,045 × 9 (styled, heading, notes)',
      value: xlsx,
      unit: 'ms',
      baselineName: 'raw exceljs, same cells, no styling',
      baseline: xlsxRaw,
      goal: '< 3,000 ms',
    },
    { name: 'scoreboard .xlsx size', value: xlsxBytes / 1024, unit: 'KB' },
    {
      name: 'certificates PDF, 1,000 pages',
      value: pdf,
      unit: 'ms',
      baselineName: 'raw pdfkit, same strings and font',
      baseline: pdfRaw,
      goal: '< 5,000 ms',
    },
    {
      name: 'certificates PDF size per page',
      value: pdfBytes / 1024 / certs.certificates.length,
      unit: 'KB',
    },
    {
      name: `score sheets PDF, 35 teams × 7 judges in 6 clusters (${sheets.sheets.length} sheets, ${sheetPages} pages, pre-filled)`,
      value: sheetsPdf,
      unit: 'ms',
      goal: '< 2,000 ms',
    },
    {
      name: 'scoreboard .xlsx, 1,045 × 9, in a worker (as the app does)',
      value: xlsxWorker,
      unit: 'ms',
      baselineName: 'same writer in-process',
      baseline: xlsx,
    },
    {
      name: 'certificates PDF, 1,000 pages, in a worker (as the app does)',
      value: pdfWorker,
      unit: 'ms',
      baselineName: 'same writer in-process',
      baseline: pdf,
    },
    {
      name: 'score sheets PDF, city contest, in a worker (as the app does)',
      value: sheetsWorker,
      unit: 'ms',
      baselineName: 'same writer in-process',
      baseline: sheetsPdf,
    },
    {
      name: 'worker fixed cost: 1-page certificate in a worker',
      value: tinyWorker,
      unit: 'ms',
      baselineName: 'same page in-process (warm)',
      baseline: tinyIn,
    },
  ];
}
