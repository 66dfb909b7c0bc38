/**
 * `npm run bench`: the built app (web mode) driven in Debian's Chromium through the UI, each figure
 * beside its floor measured in the same run — in the same browser profile and origin for IndexedDB,
 * on the same disk for the journal, with the same libraries for the files — and the issue's goal.
 *
 *   1. Build into GK_OUT (default out-bench) unless GK_BENCH_NO_BUILD=1.
 *   2. Session "1,045": its own server, data folder and Chromium profile. Floors (Dexie in the page,
 *      94,050 rows), a 10-entrant round made through the UI and its cell saves, "Mở dữ liệu mẫu" →
 *      "Bình xét 1.045 mô hình", open round → scoreboard, both exports, a judge's sheet, cell saves.
 *      Then raw exceljs / pdfkit writing the same cells / pages as the downloaded files.
 *   3. One session per larger size (GK_BENCH_SIZES, default 1045,5000,10000): floors at that size,
 *      the round seeded through the server's bridge and restored through the UI (see app/seed.ts),
 *      open round → scoreboard, a judge's sheet, cell saves.
 *   4. Node micro-benchmarks that explain a figure (tally per size, journal append).
 *   5. Print both tables; write bench/results.json and the README block between the bench markers
 *      (GK_BENCH_WRITE=0 to print only).
 *
 * Knobs: GK_BENCH_SAVES (saves per round, default 30), GK_BENCH_SAVE_BUDGET_S (stop sampling after
 * this once 5 saves are in, default 60), GK_BENCH_TIMEOUT_S (per step, default 900),
 * GK_BENCH_BUDGET_MIN (no larger size is started after this many minutes, and their steps time out
 * by then, default 15). Every process started here is stopped by its own handle, also on Ctrl-C.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  cellSaves,
  exportFile,
  loadSample,
  openScoreboard,
  openSheet,
  restoreFromDisk,
  smallRound,
  type ExportFigure,
  type Figure,
  type SaveFigures,
} from './app/scenarios';
import { seedAwardRound, type Seeded } from './app/seed';
import { closeAll, startSession, type Session } from './app/session';
import {
  DexieFloors,
  type Populated,
  type PutFloor,
  type ReadFloor,
} from './floors/browser-floors';
import {
  bareAppend,
  bareWorker,
  bulkAppend,
  cellsOf,
  pdfPages,
  rawPdf,
  rawXlsx,
} from './floors/node-floors';
import { journalAppend, tallyAt, type TallyFigure } from './micro/explain';
import { fmt, mainTable, microTable, replaceReadmeBlock, type Row } from './report';

const root = resolve(import.meta.dirname, '..');
process.env['GK_OUT'] ??= 'out-bench';
const env = (k: string, d: number) => (process.env[k] ? Number(process.env[k]) : d);
const SIZES = (process.env['GK_BENCH_SIZES'] ?? '1045,5000,10000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => n > 0);
const SAVES = env('GK_BENCH_SAVES', 30);
const SAVE_BUDGET = env('GK_BENCH_SAVE_BUDGET_S', 60) * 1000;
const STEP = env('GK_BENCH_TIMEOUT_S', 900) * 1000;
const started = Date.now();
const deadline = started + env('GK_BENCH_BUDGET_MIN', 15) * 60_000;
const JUDGES = 9;
const CRITERIA = 10;

const log = (m: string) =>
  process.stderr.write(
    `[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${m}\n`,
  );
const errMsg = (e: unknown) =>
  (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 160);

/** The IndexedDB floors of a session: filled once, then each measured right before its figure. */
interface Floors {
  populated?: Populated;
  round?: ReadFloor;
  sheet?: ReadFloor;
  put?: PutFloor;
}

interface SizeResult {
  models: number;
  how: string;
  floors: Floors;
  seed?: Seeded;
  load?: Figure;
  journal?: { lines: number; bytes: number };
  bulkAppendMs?: number;
  open?: Figure;
  sheet?: Figure;
  saves?: SaveFigures;
  xlsx?: ExportFigure & { rawMs?: number; workerMs?: number };
  pdf?: ExportFigure & { pages?: number; rawMs?: number };
  errors: Record<string, string>;
}

interface Results {
  startedAt: string;
  chromium: string;
  node: string;
  machine: string;
  config: Record<string, unknown>;
  append?: { p50: number; p95: number };
  small?: { entrants: number; put?: PutFloor; saves?: SaveFigures; error?: string };
  sizes: SizeResult[];
  tally: TallyFigure[];
  journalAppend?: { p50: number; p95: number; stored: number };
  runtimeS?: number;
}

/** Run a step, keeping its error instead of stopping the bench. */
async function step<T>(r: SizeResult, name: string, fn: () => Promise<T>): Promise<T | undefined> {
  log(`${r.models}: ${name}…`);
  try {
    const v = await fn();
    return v;
  } catch (e) {
    r.errors[name] = errMsg(e);
    log(`${r.models}: ${name} failed: ${r.errors[name]}`);
    return undefined;
  }
}

const remaining = () => Math.max(60_000, deadline - Date.now() + 60_000);

/** The largest journal file of the session's data folder (the sample's). */
function journalOf(session: Session): { bytes: number; file: string } | undefined {
  const dir = join(session.app.dataDir, 'journals');
  const files = readdirSync(dir)
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).size - statSync(a).size);
  return files[0] ? { bytes: statSync(files[0]).size, file: files[0] } : undefined;
}

async function countLines(file: string): Promise<number> {
  const b = await readFile(file);
  let n = 0;
  for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) n++;
  return n;
}

async function sampleSession(res: Results): Promise<SizeResult> {
  const r: SizeResult = {
    models: 1045,
    how: '“Mở dữ liệu mẫu” → “Bình xét 1.045 mô hình” (the UI)',
    floors: {},
    errors: {},
  };
  const s = await startSession();
  const f = new DexieFloors(s, { models: 1045, judges: JUDGES, criteria: CRITERIA, events: true });
  try {
    r.floors.populated = await step(r, 'floors: fill (Dexie in Chromium, 94,050 rows)', () =>
      f.populate(),
    );
    res.small = { entrants: 10 };
    try {
      log('10-entrant round through the UI…');
      await smallRound(s, 10, STEP);
      res.small.put = await f.puts(100);
      res.small.saves = await cellSaves(s, {
        count: SAVES,
        min: 5,
        budgetMs: SAVE_BUDGET,
        timeoutMs: STEP,
        scoredOnly: false,
      });
    } catch (e) {
      res.small.error = errMsg(e);
      log(`10-entrant round failed: ${res.small.error}`);
    }
    r.load = await step(r, 'sample load', () => loadSample(s, STEP));
    if (!r.load) return r;
    const j = journalOf(s);
    if (j) {
      r.journal = { lines: await countLines(j.file), bytes: j.bytes };
      r.bulkAppendMs = await bulkAppend(r.journal.lines, r.journal.bytes);
    }
    r.floors.round = await step(r, 'floor: read the whole round', () => f.readRound(3));
    r.open = await step(r, 'open round → scoreboard', () => openScoreboard(s, 1045, STEP));
    if (r.open) {
      r.xlsx = await step(r, 'export scoreboard', () =>
        exportFile(s, 'Xuất bảng điểm Excel', STEP),
      );
      if (r.xlsx) {
        const x = r.xlsx;
        await step(r, 'raw exceljs, same cells', async () => {
          x.rawMs = await rawXlsx(await cellsOf(x.file));
          x.workerMs = await bareWorker('exceljs');
        });
      }
      r.pdf = await step(r, 'certificates', () => exportFile(s, 'In giấy khen PDF', STEP));
      if (r.pdf) {
        const p = r.pdf;
        await step(r, 'raw pdfkit, same pages', async () => {
          p.pages = await pdfPages(p.file);
          p.rawMs = await rawPdf(p.pages);
        });
      }
    }
    r.floors.sheet = await step(r, 'floor: read one judge’s sheet', () => f.readSheet(5));
    r.sheet = await step(r, 'judge sheet', () => openSheet(s, STEP));
    r.floors.put = await step(r, 'floor: bare puts', () => f.puts(200));
    if (r.sheet)
      r.saves = await step(r, 'cell saves', () =>
        cellSaves(s, {
          count: SAVES,
          min: 5,
          budgetMs: SAVE_BUDGET,
          timeoutMs: STEP,
          scoredOnly: true,
        }),
      );
    return r;
  } finally {
    await f.drop();
    await s.close();
  }
}

async function seededSession(models: number): Promise<SizeResult> {
  const r: SizeResult = {
    models,
    how: 'app/seed.ts: generated by shared/sample, sent through the server’s bridge as journal events, restored through the UI (“Khôi phục”)',
    floors: {},
    errors: {},
  };
  if (Date.now() > deadline) {
    r.errors['all'] = `time budget (GK_BENCH_BUDGET_MIN) spent before this size`;
    return r;
  }
  const s = await startSession();
  const f = new DexieFloors(s, { models, judges: JUDGES, criteria: CRITERIA, events: false });
  try {
    const rows = models * JUDGES * CRITERIA;
    r.floors.populated = await step(
      r,
      `floors: fill (Dexie in Chromium, ${rows.toLocaleString('en')} rows)`,
      () => f.populate(),
    );
    r.seed = await step(r, 'seed through the bridge', () => seedAwardRound(s.app.port, models));
    if (!r.seed) {
      log(`server: ${s.serverTail()}`);
      return r;
    }
    const seed = r.seed;
    const restored = await step(r, 'restore through the UI', () =>
      restoreFromDisk(s, seed.contestName, remaining()),
    );
    if (!restored) return r;
    r.load = restored;
    r.floors.round = await step(r, 'floor: read the whole round', () => f.readRound(2));
    r.open = await step(r, 'open round → scoreboard', () => openScoreboard(s, models, remaining()));
    r.floors.sheet = await step(r, 'floor: read one judge’s sheet', () => f.readSheet(3));
    r.sheet = await step(r, 'judge sheet', () => openSheet(s, remaining()));
    r.floors.put = await step(r, 'floor: bare puts', () => f.puts(100));
    if (r.sheet)
      r.saves = await step(r, 'cell saves', () =>
        cellSaves(s, {
          count: SAVES,
          min: 5,
          budgetMs: SAVE_BUDGET,
          timeoutMs: remaining(),
          scoredOnly: true,
        }),
      );
    return r;
  } finally {
    await f.drop();
    await s.close();
  }
}

function rows(res: Results): { main: Row[]; micro: Row[] } {
  const main: Row[] = [];
  const micro: Row[] = [];
  const append = res.append;
  const base = res.sizes.find((x) => x.models === 1045);
  const x = (v: number) => (v >= 100 ? Math.round(v).toLocaleString('en') : v.toFixed(1));
  const ratioGoal = (max: number) => (v: number, f: number) =>
    v <= max * f ? true : `${x(v / f)}× > ${max}×`;
  const longs: number[] = [];
  const lt = (f: { longTask: number | null } | undefined) => {
    if (f?.longTask != null) longs.push(f.longTask);
    return f ? f.longTask : undefined;
  };
  const saveRow = (
    label: string,
    saves: SaveFigures | undefined,
    put: PutFloor | undefined,
    missing: string | undefined,
    sameAs?: number,
  ) => {
    const floor = put && append ? put.p95 + append.p95 : null;
    main.push({
      figure: `${label} — cell save p95 in Chromium, keypress → “Đã lưu”${saves ? ` (p50 ${fmt(saves.p50, 'ms')}, n=${saves.samples.length}${saves.stopped ? `; then ${saves.stopped}` : ''})` : ''}`,
      value: saves?.p95 ?? null,
      unit: 'ms',
      floor,
      floorName: 'bare Dexie put p95 + bare append+fsync p95',
      goal: sameAs === undefined ? '≤ 3× floor' : '≤ 3× floor, within ±20 % of 1,045’s',
      longTask: lt(saves),
      missing,
      met: () => {
        const v = saves!.p95;
        const why: string[] = [];
        if (floor && v > 3 * floor) why.push(`${x(v / floor)}× > 3× floor`);
        if (sameAs !== undefined && Math.abs(v / sameAs - 1) > 0.2)
          why.push(`${v >= sameAs ? '+' : ''}${Math.round((v / sameAs - 1) * 100)} % vs 1,045`);
        if (!floor) why.push('no floor');
        return why.length ? why.join('; ') : true;
      },
    });
  };

  // 1,045: the sample, loaded through the UI.
  if (base) {
    const f = base.floors;
    const e = base.errors;
    saveRow(
      '1,045 models (94,050 scores)',
      base.saves,
      f.put,
      e['cell saves'] ?? e['judge sheet'] ?? e['sample load'],
    );
    const bulk = f.populated?.bulkEventsMs;
    const loadFloor =
      bulk !== undefined && base.bulkAppendMs !== undefined ? bulk + base.bulkAppendMs : null;
    main.push({
      figure: `sample load, click → contest shown${base.journal ? ` (${base.journal.lines.toLocaleString('en')} journal lines, ${fmt(base.journal.bytes / 1e6, 'MB')})` : ''}`,
      value: base.load?.ms ?? null,
      unit: 'ms',
      floor: loadFloor,
      floorName: 'bulk put of 94,050 event rows + bulk append of the same journal bytes',
      goal: '≤ 1.5× floor',
      longTask: lt(base.load),
      missing: e['sample load'],
      met: () => (loadFloor ? ratioGoal(1.5)(base.load!.ms, loadFloor) : 'no floor'),
    });
    main.push({
      figure: '1,045 models — open round → scoreboard visible (“Mở” → 1,045 ranked rows)',
      value: base.open?.ms ?? null,
      unit: 'ms',
      floor: f.round?.ms ?? null,
      floorName: `read the whole round, ${(f.round?.rows ?? 94050).toLocaleString('en')} rows by index, best of 3`,
      goal: '≤ 1.2× floor',
      longTask: lt(base.open),
      missing: e['open round → scoreboard'] ?? e['sample load'],
      met: () => (f.round ? ratioGoal(1.2)(base.open!.ms, f.round.ms) : 'no floor'),
    });
    main.push({
      figure: '1,045 models — judge sheet visible (pick GK1 → scored cells)',
      value: base.sheet?.ms ?? null,
      unit: 'ms',
      floor: f.sheet?.ms ?? null,
      floorName: `read one judge’s sheet, ${(f.sheet?.rows ?? 10450).toLocaleString('en')} rows by compound index, best of 5`,
      goal: '≤ 1.5× floor',
      longTask: lt(base.sheet),
      missing: e['judge sheet'] ?? e['sample load'],
      met: () => (f.sheet ? ratioGoal(1.5)(base.sheet!.ms, f.sheet.ms) : 'no floor'),
    });
    const xl = base.xlsx;
    const xf = xl?.rawMs !== undefined && xl.workerMs !== undefined ? xl.rawMs + xl.workerMs : null;
    main.push({
      figure: `1,045 models — export click → scoreboard .xlsx downloaded${xl ? ` (${fmt(xl.bytes / 1024, 'KB')})` : ''}`,
      value: xl?.ms ?? null,
      unit: 'ms',
      floor: xf,
      floorName:
        xl?.rawMs !== undefined
          ? `raw exceljs, same cells ${fmt(xl.rawMs, 'ms')} + bare worker start with exceljs ${fmt(xl.workerMs!, 'ms')}`
          : 'raw exceljs + worker start',
      goal: '≤ 1.3× raw exceljs + worker start',
      longTask: lt(xl),
      missing: e['export scoreboard'] ?? e['open round → scoreboard'] ?? e['sample load'],
      met: () =>
        xl!.rawMs !== undefined
          ? xl!.ms <= 1.3 * xl!.rawMs + xl!.workerMs!
            ? true
            : `${x(xl!.ms / (1.3 * xl!.rawMs + xl!.workerMs!))}× the allowance`
          : 'no floor',
    });
    const p = base.pdf;
    main.push({
      figure: `1,045 models — certificates click → PDF downloaded${p?.pages ? ` (${p.pages} pages)` : ''}`,
      value: p?.ms ?? null,
      unit: 'ms',
      floor: p?.rawMs ?? null,
      floorName: 'raw pdfkit, same page count and font',
      goal: '≤ 1.5× floor',
      longTask: lt(p),
      missing: e['certificates'] ?? e['open round → scoreboard'] ?? e['sample load'],
      met: () => (p!.rawMs ? ratioGoal(1.5)(p!.ms, p!.rawMs) : 'no floor'),
    });
    main.push({
      figure: `certificates size per 1,000 pages${p?.pages ? ` (file ${fmt(p.bytes / 1e6, 'MB')} for ${p.pages})` : ''}`,
      value: p?.pages ? ((p.bytes / p.pages) * 1000) / 1e6 : null,
      unit: 'MB',
      goal: '< 3 MB',
      missing: e['certificates'] ?? e['sample load'],
      met: () => ((p!.bytes / p!.pages!) * 1000 < 3e6 ? true : 'over 3 MB'),
    });
  }
  // The 10-entrant round, and the larger rounds: the same save, the same goal, ±20 % of 1,045's.
  const ref = base?.saves?.p95;
  saveRow(
    '10 entrants (a round made through the UI)',
    res.small?.saves,
    res.small?.put,
    res.small?.error ?? (res.small ? undefined : 'not run'),
    ref,
  );
  for (const r of res.sizes.filter((x) => x.models !== 1045)) {
    const e = r.errors;
    const why = e['all'] ?? e['seed through the bridge'] ?? e['restore through the UI'];
    const n = r.models.toLocaleString('en');
    main.push({
      figure: `${n} models — open round → scoreboard visible (${n} ranked rows)`,
      value: r.open?.ms ?? null,
      unit: 'ms',
      floor: r.floors.round?.ms ?? null,
      floorName: `read the whole round, ${(r.models * JUDGES * CRITERIA).toLocaleString('en')} rows by index, best of 2`,
      goal: '≤ 1.2× floor',
      longTask: lt(r.open),
      missing: why ?? e['open round → scoreboard'],
      met: () => (r.floors.round ? ratioGoal(1.2)(r.open!.ms, r.floors.round.ms) : 'no floor'),
    });
    main.push({
      figure: `${n} models — judge sheet visible`,
      value: r.sheet?.ms ?? null,
      unit: 'ms',
      floor: r.floors.sheet?.ms ?? null,
      floorName: `read one judge’s sheet, ${(r.models * CRITERIA).toLocaleString('en')} rows, best of 3`,
      goal: '≤ 1.5× floor',
      longTask: lt(r.sheet),
      missing: why ?? e['judge sheet'],
      met: () => (r.floors.sheet ? ratioGoal(1.5)(r.sheet!.ms, r.floors.sheet.ms) : 'no floor'),
    });
    saveRow(
      `${n} models (${(r.models * JUDGES * CRITERIA).toLocaleString('en')} scores)`,
      r.saves,
      r.floors.put,
      why ?? e['cell saves'] ?? e['judge sheet'],
      ref,
    );
  }
  for (const t of res.tally) {
    main.push({
      figure: `tally ${t.models.toLocaleString('en')} models × 9 × 10 (${t.scores.toLocaleString('en')} scores; Node, the app’s shared/tally)`,
      value: t.tallyMs,
      unit: 'ms',
      floor: t.loopMs,
      floorName: 'plain typed-array loop over the same scores',
      goal: t.models >= 10_000 ? '≤ 2.5× floor' : '',
      met: t.models >= 10_000 ? () => ratioGoal(2.5)(t.tallyMs, t.loopMs) : undefined,
    });
  }
  const worst = longs.length ? Math.max(...longs) : null;
  main.push({
    figure: 'longest main-thread task during any of the above',
    value: worst,
    unit: 'ms',
    goal: '< 100 ms',
    missing: 'no long-task timing',
    met: () => (worst! < 100 ? true : `${Math.round(worst!)} ms`),
  });

  // What explains the figures.
  if (append)
    micro.push({
      figure: 'bare append + fsync of one 505-byte line, p50 (journal floor)',
      value: append.p50,
      unit: 'ms',
    });
  if (res.journalAppend) {
    micro.push({
      figure: `journal store: one-event append p95 (electron/main/journal, fsync each, ${res.journalAppend.stored.toLocaleString('en')} stored)`,
      value: res.journalAppend.p95,
      unit: 'ms',
      floor: append?.p95,
      floorName: 'bare append+fsync p95',
    });
  }
  if (res.small?.put)
    micro.push({
      figure: `Dexie in Chromium: bare put p50 with ${res.small.put.stored.toLocaleString('en')} rows stored (strict), before the 10-entrant saves`,
      value: res.small.put.p50,
      unit: 'ms',
    });
  for (const r of res.sizes) {
    const f = r.floors;
    if (f.put)
      micro.push({
        figure: `Dexie in Chromium: bare put p50 with ${f.put.stored.toLocaleString('en')} rows stored (strict)`,
        value: f.put.p50,
        unit: 'ms',
      });
    if (f.populated) {
      micro.push({
        figure: `Dexie in Chromium: bulk put of ${f.populated.rows.toLocaleString('en')} score rows (strict, 100,000 per transaction)`,
        value: f.populated.bulkScoresMs,
        unit: 'ms',
      });
      if (f.populated.bulkEventsMs !== undefined)
        micro.push({
          figure: `Dexie in Chromium: bulk put of ${f.populated.rows.toLocaleString('en')} event rows, one strict transaction`,
          value: f.populated.bulkEventsMs,
          unit: 'ms',
        });
    }
    if (r.bulkAppendMs !== undefined && r.journal)
      micro.push({
        figure: `bulk append of the sample’s journal (${r.journal.lines.toLocaleString('en')} lines, 10,000-line fsynced chunks)`,
        value: r.bulkAppendMs,
        unit: 'ms',
      });
    if (r.seed) {
      micro.push({
        figure: `${r.models.toLocaleString('en')} models: seeding in Node (generate, seal ${r.seed.events.toLocaleString('en')} events, send through the bridge)`,
        value: r.seed.ms,
        unit: 'ms',
      });
      micro.push({
        figure: `${r.models.toLocaleString('en')} models: “Khôi phục” → “Đã khôi phục từ sổ điểm” (the app rebuilding from the journal)`,
        value: r.load?.ms ?? null,
        unit: 'ms',
        missing: r.errors['restore through the UI'],
      });
    }
  }
  return { main, micro };
}

function block(res: Results, t: { main: Row[]; micro: Row[] }): string {
  const sizes = res.sizes.map((s) => s.models.toLocaleString('en')).join(', ');
  return [
    `Generated by \`npm run bench\` on ${res.startedAt.slice(0, 10)} (${res.machine}; ${res.chromium}; Node ${res.node}; sizes ${sizes}; ${Math.round((res.runtimeS ?? 0) / 60)} min).`,
    'The built app in web mode, driven through its UI in Chromium with an on-disk profile. Every time is the page’s own clock, from',
    'the user’s pointerdown or Enter keydown to the DOM commit that shows the result (the cell’s value in state “saved” with the badge',
    '“Đã lưu”; every ranked row; the sheet’s scored cells; the download link clicked). Floors are measured in the same run: IndexedDB',
    'floors with the Dexie the app ships (strict durability) in the same Chromium profile and origin, in a database of their own, each',
    'read or put floor right before the figure it stands beside; journal floors on the same disk in Node; file floors with raw exceljs /',
    'pdfkit writing the same cells / page count as the files the app produced. 1,045 models: the app’s own sample (“Mở dữ liệu mẫu”);',
    'larger rounds: made with the same sample generator, handed to the server through its bridge as journal events and restored',
    'through the UI (“Khôi phục”), see bench/app/seed.ts. Long tasks: PerformanceObserver “longtask” (over 50 ms) during each figure.',
    'Raw figures: bench/results.json. The machine is shared: figures move with its load, ratios less so.',
    '',
    mainTable(t.main),
    '',
    microTable(t.micro),
  ].join('\n');
}

async function main(): Promise<void> {
  const chromium =
    spawnSync(process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', ['--version'], {
      encoding: 'utf8',
    })
      .stdout.trim()
      .split(' built')[0] || 'Chromium';
  const res: Results = {
    startedAt: new Date(started).toISOString(),
    chromium,
    node: process.versions.node,
    machine: `${(await import('node:os')).cpus().length} cores`,
    config: {
      sizes: SIZES,
      saves: SAVES,
      saveBudgetS: SAVE_BUDGET / 1000,
      stepTimeoutS: STEP / 1000,
      budgetMin: (deadline - started) / 60_000,
      out: process.env['GK_OUT'],
    },
    sizes: [],
    tally: [],
  };
  if (process.env['GK_BENCH_NO_BUILD'] !== '1') {
    log(`building into ${process.env['GK_OUT']}…`);
    const b = spawnSync('npx', ['electron-vite', 'build'], {
      cwd: root,
      env: process.env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (b.status !== 0) throw new Error(`build failed (${b.status})`);
  }
  log('bare append + fsync…');
  res.append = await bareAppend();
  if (SIZES.includes(1045)) res.sizes.push(await sampleSession(res));
  for (const m of SIZES.filter((x) => x !== 1045)) res.sizes.push(await seededSession(m));
  for (const m of SIZES) {
    log(`tally ${m} (Node)…`);
    res.tally.push(await tallyAt(m));
  }
  log('journal store append (Node)…');
  res.journalAppend = await journalAppend();
  res.runtimeS = (Date.now() - started) / 1000;
  const t = rows(res);
  const out = block(res, t);
  console.log(out);
  if (process.env['GK_BENCH_WRITE'] !== '0') {
    writeFileSync(
      join(root, 'bench', 'results.json'),
      await formatted(join(root, 'bench', 'results.json'), `${JSON.stringify(res, null, 2)}\n`),
    );
    if (!replaceReadmeBlock(join(root, 'README.md'), out))
      log('README.md: bench markers not found, left alone');
    else log('README.md bench block and bench/results.json written');
  }
  log(`done in ${Math.round(res.runtimeS)} s`);
}

/** The JSON as the project's Prettier would write it (so `npm run format:check` stays clean). */
async function formatted(file: string, text: string): Promise<string> {
  try {
    const prettier = await import('prettier');
    return await prettier.format(text, { ...(await prettier.resolveConfig(file)), filepath: file });
  } catch {
    return text;
  }
}

let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    log(`${sig}: stopping the servers and browsers started here…`);
    void closeAll().finally(() => process.exit(130));
  });
}

try {
  await main();
} catch (e) {
  log(`failed: ${errMsg(e)}`);
  await closeAll();
  process.exitCode = 1;
}
