import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  liveRenderWorkers,
  renderInWorker,
  renderInWorkerWithStats,
  type RenderOptions,
} from '../../electron/main/exports/render-in-worker';
import { UserFacingError, type HandlerContext } from '../../electron/main/handlers/context';
import { dispatch } from '../../electron/main/handlers/dispatch';
import { buildCertificateDoc } from '@shared/documents/certificate-doc';
import type { ScoreboardDoc } from '@shared/documents/models';
import { buildScoreSheetDoc } from '@shared/documents/score-sheet-doc';
import type {
  Criterion,
  CriterionId,
  Entrant,
  EntrantId,
  Issuer,
  Judge,
  JudgeId,
  RoundId,
} from '@shared/model/types';

const RESOURCES = resolve(__dirname, '../../resources');
const FONTS = join(RESOURCES, 'fonts');
const ROUND = 'r1' as RoundId;
const PARTY: Issuer = {
  family: 'party',
  superior: 'THÀNH ỦY HÀ NỘI',
  name: 'BAN DÂN VẬN',
  place: 'Hà Nội',
  signerMark: 'T/M BAN TỔ CHỨC',
  signerTitle: 'TRƯỞNG BAN',
  signerName: 'Nguyễn Thị Hằng',
};
const CHAIN = 'c0ffee'.repeat(10) + 'c0ff';

const criteria: Criterion[] = [
  {
    id: 'p' as CriterionId,
    roundId: ROUND,
    parentId: null,
    name: 'Tiểu phẩm',
    order: 0,
    maxCp: 2000,
    stepCp: 50,
    weight: 1,
  },
  {
    id: 'a' as CriterionId,
    roundId: ROUND,
    parentId: 'p' as CriterionId,
    name: 'Nội dung',
    order: 0,
    maxCp: 1000,
    stepCp: 50,
    weight: 1,
  },
  {
    id: 'b' as CriterionId,
    roundId: ROUND,
    parentId: 'p' as CriterionId,
    name: 'Diễn xuất',
    order: 1,
    maxCp: 1000,
    stepCp: 50,
    weight: 1,
  },
];
const judges: Judge[] = [
  {
    id: 'j1' as JudgeId,
    contestId: 'c' as never,
    name: 'Trần Văn Đức',
    title: '',
    unit: '',
    role: 'head',
    clusterIds: [],
    fields: [],
    order: 0,
  },
];
const entrants = (n: number): Entrant[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `e${i}` as EntrantId,
    roundId: ROUND,
    code: `D${i}`,
    kind: 'team',
    name: `Đội phường Cửa Nam số ${i + 1}`,
    unit: 'Đảng ủy phường',
    clusterId: null,
    order: i,
  }));
const sheetsDoc = () =>
  buildScoreSheetDoc({
    contest: { name: 'Hội thi “Dân vận khéo” năm 2026', issuer: PARTY },
    roundName: 'Vòng chung khảo',
    criteria,
    judges,
    clusters: [],
    entrants: entrants(6),
    date: '2026-10-15',
    chainHead: CHAIN,
  });
const certificates = (n: number) =>
  buildCertificateDoc({
    contest: { name: 'Hội thi "Dân vận khéo"', year: 2026, issuer: PARTY },
    entrants: entrants(n),
    prizeOf: () => 'Khuyến khích',
    date: '2026-10-15',
    chainHead: CHAIN,
  });
const scoreboard = (rows: number): ScoreboardDoc => ({
  issuer: PARTY,
  contestName: 'Hội thi',
  dateText: 'Hà Nội, ngày 15 tháng 10 năm 2026',
  signatures: [],
  footer: CHAIN,
  sheets: [
    {
      name: 'Bảng điểm',
      title: 'BẢNG TỔNG HỢP ĐIỂM',
      subtitle: '',
      notes: [],
      columns: [
        { header: 'STT', kind: 'integer' },
        { header: 'Đội thi', kind: 'text' },
        ...Array.from({ length: 9 }, (_, k) => ({
          header: `GK${k + 1}`,
          kind: 'number' as const,
          decimals: 2,
        })),
      ],
      rows: Array.from({ length: rows }, (_, i) => [
        i + 1,
        `Mô hình “Dân vận khéo” số ${i + 1} của xã Quảng Phú`,
        ...Array.from({ length: 9 }, (_, k) => 80 + ((i + k) % 20) / 4),
      ]),
    },
  ],
});

const dir = mkdtempSync(join(tmpdir(), 'gk-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' });
/** A stand-in worker from source text: what a pathological render looks like from the outside. */
const standIn = (source: string): RenderOptions['workerEntry'] => ({
  entry: source,
  options: { eval: true },
});

let pathological = 0;
async function failure(p: Promise<unknown>): Promise<UserFacingError> {
  pathological++;
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserFacingError);
  return err as UserFacingError;
}
const vietnamese = (m: string) => expect(m).toMatch(/Dữ liệu đã lưu không bị ảnh hưởng\./);

describe('rendering in the worker', () => {
  it('writes score sheets, certificates and the scoreboard through the bundled-or-source worker', async () => {
    const sheets = await renderInWorkerWithStats('scoreSheetsPdf', sheetsDoc(), FONTS);
    const certs = await renderInWorker('certificatesPdf', certificates(3), FONTS);
    const xlsx = await renderInWorker('scoreboardXlsx', scoreboard(50), FONTS);
    expect(Buffer.from(sheets.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(Buffer.from(certs.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(Buffer.from(xlsx.subarray(0, 2)).toString()).toBe('PK');
    const path = join(dir, 'sheets.pdf');
    writeFileSync(path, sheets.bytes);
    expect(run('qpdf', ['--check', path]).status).toBe(0);
    const text = run('pdftotext', ['-layout', path, '-']).stdout;
    for (const t of [
      'PHIẾU CHẤM ĐIỂM',
      'Giám khảo: Trần Văn Đức',
      'GIÁM KHẢO',
      'Đội phường Cửa Nam số 6',
    ])
      expect(text).toContain(t);
    expect(sheets.stats.heapPeakMb).toBeGreaterThan(0);
    console.log(
      `render worker: score sheets ${sheets.stats.ms} ms in worker, heap peak ${sheets.stats.heapPeakMb} MB`,
    );
    expect(liveRenderWorkers()).toBe(0);
  });

  it('answers the export channels through dispatch (handler → worker)', async () => {
    const ctx: HandlerContext = {
      mode: 'web',
      version: 'test',
      dataDir: dir,
      resourcesDir: RESOURCES,
    };
    const r = await dispatch(ctx, 'export:scoreSheetsPdf', [sheetsDoc()]);
    expect(r.ok).toBe(true);
    if (r.ok) expect(Buffer.from((r.value as Uint8Array).subarray(0, 5)).toString()).toBe('%PDF-');
    const bad = await dispatch(ctx, 'export:scoreSheetsPdf', [{ ...sheetsDoc(), sheets: [] }]);
    expect(bad.ok).toBe(false);
  });

  it('passes an expected failure (a missing font) through as its Vietnamese message', async () => {
    const err = await failure(renderInWorker('scoreSheetsPdf', sheetsDoc(), dir));
    expect(err.code).toBe('missingFont');
    expect(err.message).toMatch(/Thiếu phông chữ Tinos-Regular\.ttf/);
  });
});

describe('a pathological render ends the worker, never the app', () => {
  it.each([
    [
      'spins forever (a layout loop)',
      'require("node:worker_threads").parentPort.once("message", () => { for (;;) {} });',
    ],
    [
      'never answers',
      'require("node:worker_threads").parentPort.once("message", () => setInterval(() => {}, 1000));',
    ],
  ])('a worker that %s is terminated at the time limit', async (_name, source) => {
    const t0 = performance.now();
    const err = await failure(
      renderInWorker('certificatesPdf', certificates(1), FONTS, {
        workerEntry: standIn(source),
        limits: { timeoutMs: 400 },
      }),
    );
    const ms = performance.now() - t0;
    expect(err.code).toBe('renderTimeout');
    expect(err.message).toMatch(/^Tạo tệp giấy khen \(PDF\) mất quá 1 giây nên đã dừng\./);
    vietnamese(err.message);
    expect(ms).toBeGreaterThanOrEqual(390);
    expect(ms).toBeLessThan(5000);
    // Settled only after the thread is gone.
    expect(liveRenderWorkers()).toBe(0);
  });

  it('the real worker on a document too big for its time limit is terminated', async () => {
    const t0 = performance.now();
    const err = await failure(
      renderInWorker('certificatesPdf', certificates(20_000), FONTS, {
        limits: { timeoutMs: 2500 },
      }),
    );
    expect(err.code).toBe('renderTimeout');
    expect(err.message).toContain('tệp giấy khen (PDF)');
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(liveRenderWorkers()).toBe(0);
  });

  it.each([
    [
      'throws outside any try/catch (as pdfkit on a corrupt image)',
      'require("node:worker_threads").parentPort.once("message", () => setTimeout(() => { throw new Error("boom"); }, 5));',
      'renderCrashed',
    ],
    [
      'exits without answering',
      'require("node:worker_threads").parentPort.once("message", () => process.exit(3));',
      'renderCrashed',
    ],
    [
      'runs out of heap',
      'require("node:worker_threads").parentPort.once("message", () => { const a = []; for (;;) a.push(new Array(100000).fill(a.length)); });',
      'renderTooLarge',
    ],
  ])('a worker that %s gives a Vietnamese error', async (_name, source, code) => {
    const err = await failure(
      renderInWorker('scoreSheetsPdf', sheetsDoc(), FONTS, {
        workerEntry: standIn(source),
        limits: { maxOldGenerationSizeMb: 32, timeoutMs: 60_000 },
      }),
    );
    expect(err.code).toBe(code);
    vietnamese(err.message);
    expect(err.message).toMatch(/tệp phiếu chấm điểm \(PDF\)/i);
    expect(liveRenderWorkers()).toBe(0);
  });

  it('the real worker under a small heap limit refuses a huge scoreboard', async () => {
    const err = await failure(
      renderInWorker('scoreboardXlsx', scoreboard(200_000), FONTS, {
        limits: { maxOldGenerationSizeMb: 64 },
      }),
    );
    expect(err.code).toBe('renderTooLarge');
    expect(err.message).toMatch(
      /^Bảng tổng hợp điểm \(\.xlsx\) quá lớn để tạo an toàn \(cần hơn 64 MB bộ nhớ\)/,
    );
  });

  it('the main process is still here and renders normally afterwards', async () => {
    expect(process.exitCode ?? 0).toBe(0);
    const bytes = await renderInWorker('scoreSheetsPdf', sheetsDoc(), FONTS);
    expect(bytes.byteLength).toBeGreaterThan(10_000);
    expect(liveRenderWorkers()).toBe(0);
    // reliability.md figure: cases, app crashes or hangs (0).
    console.log(
      `render worker: failing renders ${pathological}, app crashes or hangs 0, workers left running ${liveRenderWorkers()}`,
    );
  });
});
