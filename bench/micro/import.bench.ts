/**
 * Import of a province's list: 1,045 entrants in the messy layout offices send (title rows,
 * merged two-row header, clusters merged down), read + mapped + previewed end to end, against raw
 * exceljs `workbook.xlsx.load` of the same file. End to end includes the zip checks and starting a
 * fresh worker thread; it is measured twice: with the reader bundled the way the app ships it (a
 * plain .js worker), and from source, where the worker compiles itself through tsx first.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { timeMedian, type BenchRow } from '../harness';
import { readSpreadsheetWithStats } from '../../electron/main/import/read-spreadsheet';
import { previewFile } from '../../shared/import/preview';
import type { RawWorkbook } from '../../shared/import/types';
import type { ClusterId } from '../../shared/model/types';
import { messyEntrantsXlsx, syntheticEntrants } from '../../tests/fixtures/import/fixture-data';

const ROWS = 1045;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

type Reader = typeof readSpreadsheetWithStats;

/** The reader and its worker bundled to .js with esbuild, as electron-vite lays them out (worker beside the entry). */
async function bundledReader(): Promise<{ read: Reader; dispose: () => void }> {
  const { build } = await import('esbuild');
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const out = mkdtempSync(join(root, '.tmp', 'bench-import-'));
  const entryPoints = ['read-spreadsheet', 'import-worker'].map((n) =>
    join(root, 'electron/main/import', `${n}.ts`),
  );
  await build({
    entryPoints,
    outdir: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  const mod = (await import(join(out, 'read-spreadsheet.js'))) as {
    readSpreadsheetWithStats: Reader;
  };
  return {
    read: mod.readSpreadsheetWithStats,
    dispose: () => rmSync(out, { recursive: true, force: true }),
  };
}
const clusters = [1, 2, 3, 4, 5, 6].map((n) => ({ id: `cl-${n}` as ClusterId, name: `Cụm ${n}` }));

const COLD = 'raw exceljs xlsx.load in a fresh worker';

/** The baseline with the same cold start as ours: a new thread that loads exceljs and the file, nothing else. */
function rawLoadInFreshWorker(bytes: Uint8Array): Promise<void> {
  const code = `const { parentPort, workerData } = require('worker_threads'); const ExcelJS = require('exceljs');
    new ExcelJS.Workbook().xlsx.load(Buffer.from(workerData)).then(() => parentPort.postMessage('done'));`;
  return new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: bytes, execArgv: [] });
    w.once('message', () => void w.terminate().then(() => resolve()));
    w.once('error', reject);
  });
}

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'giamkhao-bench-import-'));
  try {
    const path = join(dir, `danh-sach-${ROWS}.xlsx`);
    writeFileSync(path, await messyEntrantsXlsx(syntheticEntrants(ROWS)));
    const bytes = new Uint8Array(readFileSync(path));

    let workerMs = 0;
    let heapPeakMb = 0;
    let last: RawWorkbook | null = null;
    const endToEnd = (read: Reader) =>
      timeMedian(async () => {
        const { workbook, stats } = await read('danh-sach.xlsx', bytes);
        const preview = previewFile(workbook, 'entrants', { clusters, existingCodes: [] });
        if (preview.rows.length !== ROWS || preview.problems.length)
          throw new Error(
            `bench import: ${preview.rows.length} rows, ${preview.problems.length} problems`,
          );
        workerMs = stats.ms;
        heapPeakMb = Math.max(heapPeakMb, stats.heapPeakMb);
        last = workbook;
      });
    const fromSource = await endToEnd(readSpreadsheetWithStats);
    const bundle = await bundledReader();
    let bundled: number;
    try {
      bundled = await endToEnd(bundle.read);
    } finally {
      bundle.dispose();
    }
    const raw = await timeMedian(async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    });
    const rawCold = await timeMedian(() => rawLoadInFreshWorker(bytes));
    const workbook = last as RawWorkbook | null;
    const pure = workbook
      ? await timeMedian(
          () => previewFile(workbook, 'entrants', { clusters, existingCodes: [] }),
          9,
        )
      : NaN;

    return [
      {
        name: `import ${ROWS} entrants: read + map + preview (bundled, as shipped)`,
        value: bundled,
        unit: 'ms',
        baselineName: COLD,
        baseline: rawCold,
        goal: '< 2 s',
      },
      {
        name: `import ${ROWS} entrants: same, worker run from source via tsx`,
        value: fromSource,
        unit: 'ms',
        baselineName: COLD,
        baseline: rawCold,
        goal: '< 2 s',
      },
      {
        name: `  of which exceljs parse in the worker`,
        value: workerMs,
        unit: 'ms',
        baselineName: 'raw exceljs xlsx.load, warm, in-process',
        baseline: raw,
      },
      { name: `  of which map + preview (pure)`, value: pure, unit: 'ms' },
      {
        name: `  worker heap peak`,
        value: heapPeakMb,
        unit: 'MB',
        goal: '< 512 MB (worker limit)',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
