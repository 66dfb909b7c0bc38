/**
 * Floors measured in Node, on this machine's disk, in the same run as the app figures:
 *  - bare append + fsync of one journal-sized line (an open file, write, fsync), p50/p95;
 *  - bulk append of as many lines and bytes as the app's journal holds after the sample load
 *    (10,000-line chunks, one fsync each), i.e. the journal half of the sample load's floor;
 *  - raw exceljs writing the same cells as the scoreboard file the app downloaded (read back from
 *    that file; no styles, merges, widths or notes);
 *  - raw pdfkit writing as many pages as the certificates file the app downloaded, with the same
 *    font (Tinos) and about the same text per page;
 *  - a bare worker thread's start, loading exceljs (resp. pdfkit) and answering once: the fixed part
 *    any in-worker export pays.
 * None of these uses the app's code.
 */
import { Worker } from 'node:worker_threads';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { median, percentile } from '../harness';

const FONTS = join(import.meta.dirname, '..', '..', 'resources', 'fonts');

export async function bareAppend(
  samples = 200,
  lineBytes = 505,
): Promise<{ p50: number; p95: number }> {
  const dir = await mkdtemp(join(process.env['BENCH_DIR'] ?? tmpdir(), 'gk-bench-append-'));
  try {
    const fh = await open(join(dir, 'floor.jsonl'), 'a');
    const line = `${'{"v":1,"floor":"'.padEnd(lineBytes - 3, 'x')}"}\n`;
    const lat: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t0 = performance.now();
      await fh.write(line);
      await fh.sync();
      lat.push(performance.now() - t0);
    }
    await fh.close();
    return { p50: percentile(lat, 50), p95: percentile(lat, 95) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `lines` lines making `bytes` bytes, appended in 10,000-line chunks, each fsynced. */
export async function bulkAppend(lines: number, bytes: number): Promise<number> {
  const dir = await mkdtemp(join(process.env['BENCH_DIR'] ?? tmpdir(), 'gk-bench-bulk-'));
  try {
    const per = Math.max(2, Math.round(bytes / Math.max(1, lines)));
    const line = `${'{"v":1,"floor":"'.padEnd(per - 3, 'x')}"}\n`;
    const fh = await open(join(dir, 'floor.jsonl'), 'a');
    const t0 = performance.now();
    for (let i = 0; i < lines; i += 10_000) {
      await fh.write(line.repeat(Math.min(10_000, lines - i)));
      await fh.sync();
    }
    const ms = performance.now() - t0;
    await fh.close();
    return ms;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The cell values of every sheet of an .xlsx file (what "the same cells" means below). */
export async function cellsOf(file: string): Promise<{ name: string; rows: unknown[][] }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(file)) as unknown as ExcelJS.Buffer);
  return wb.worksheets.map((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const values = (row.values as unknown[])
        .slice(1)
        .map((v) =>
          v && typeof v === 'object' && 'result' in v
            ? (v as { result: unknown }).result
            : v && typeof v === 'object' && 'richText' in v
              ? (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('')
              : v,
        );
      rows.push(values);
    });
    return { name: ws.name, rows };
  });
}

/** Raw exceljs writing those cells into a new workbook: median ms of `runs`. */
export async function rawXlsx(
  sheets: { name: string; rows: unknown[][] }[],
  runs = 3,
): Promise<number> {
  const once = async () => {
    const wb = new ExcelJS.Workbook();
    for (const s of sheets) {
      const ws = wb.addWorksheet(s.name);
      for (const r of s.rows) ws.addRow(r);
    }
    return (await wb.xlsx.writeBuffer()).byteLength;
  };
  await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await once();
    times.push(performance.now() - t0);
  }
  return median(times);
}

const CERT_LINES = [
  'TỈNH ỦY THANH SƠN',
  'BAN DÂN VẬN',
  '*',
  'ĐẢNG CỘNG SẢN VIỆT NAM',
  'Thanh Sơn, ngày 15 tháng 10 năm 2026',
  'BAN THƯỜNG VỤ TỈNH ỦY',
  'tặng',
  'GIẤY KHEN',
  'Mô hình “Dân vận khéo” trong xây dựng nông thôn mới kiểu mẫu',
  'Ủy ban nhân dân xã Quảng Phú, huyện Quảng Xương',
  'Đã có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo” giai đoạn 2022–2026',
  'Quyết định số 112-QĐ/BDVTU ngày 12/10/2026',
  'Số vào sổ: 0001/GK',
  'T/M BAN THƯỜNG VỤ',
  'TRƯỞNG BAN',
  'Nguyễn Thị Hằng',
  'Mã kiểm tra sổ điểm: 3f9a…c21e',
];

/** Raw pdfkit: `pages` A4 landscape pages of certificate-like text in Tinos, at fixed points. */
export async function rawPdf(pages: number, runs = 3): Promise<number> {
  const once = () =>
    new Promise<number>((resolve) => {
      const pdf = new PDFDocument({
        size: 'A4',
        layout: 'landscape',
        margin: 0,
        autoFirstPage: false,
        font: join(FONTS, 'Tinos-Regular.ttf'),
      });
      let size = 0;
      pdf.on('data', (c: Buffer) => (size += c.length));
      pdf.on('end', () => resolve(size));
      for (let p = 0; p < pages; p++) {
        pdf.addPage();
        CERT_LINES.forEach((t, k) =>
          pdf
            .fontSize(14)
            .text(
              k === 12 ? `Số vào sổ: ${String(p + 1).padStart(4, '0')}/GK` : t,
              60,
              40 + k * 30,
              { lineBreak: false },
            ),
        );
      }
      pdf.end();
    });
  await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await once();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** A fresh worker thread that loads `lib` and answers: median ms from new Worker to the answer. */
export async function bareWorker(lib: 'exceljs' | 'pdfkit', runs = 3): Promise<number> {
  const code = `const { parentPort } = require('node:worker_threads'); require(${JSON.stringify(lib)}); parentPort.postMessage('ready');`;
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const w = new Worker(code, { eval: true });
    await new Promise<void>((resolve, reject) => {
      w.once('message', () => resolve());
      w.once('error', reject);
    });
    const ms = performance.now() - t0;
    await w.terminate();
    if (i > 0) times.push(ms); // the first start also warms the disk cache
  }
  return median(times);
}

/** Pages of a PDF file (its page objects). */
export async function pdfPages(file: string): Promise<number> {
  return ((await readFile(file)).toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
}
