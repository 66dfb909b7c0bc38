/**
 * A measurement, not a test: keypress → "Đã lưu" badge for single cell saves, in real Chromium
 * against the built web app, in a 10-entrant round and in the 1,045-model sample round. Each save
 * is timed inside the page (keydown of Enter → the badge turning from "Đang lưu…" to "Đã lưu"),
 * one save at a time, and p50/p95 are printed. Beside it, a bare strict Dexie-free IndexedDB put
 * in the same page, as the floor.
 *
 *   npx tsx tests/e2e/measure/cell-save.measure.ts [--out out-c] [--round small|award|both]
 *     [--samples 40] [--state /tmp/gk-measure] [--profile cpu.json]
 *
 * --out is the build folder (relative to the repo, or absolute); --state keeps the loaded award
 * sample (browser profile + data folder) per build, so it is loaded once (it takes minutes).
 * Processes are stopped by their own handles, never by name.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const out = arg('out', 'out-c');
process.env['GK_OUT'] = isAbsolute(out) ? relative(root, out) : out;
const { startWebApp } = await import('../support/web-app');
const { AppPage } = await import('../pages/app-page');

const SAMPLES = Number(arg('samples', '40'));
const which = arg('round', 'both');
const stateRoot = arg('state', join(tmpdir(), 'gk-measure'));
const profileOut = arg('profile', '');
const buildTag = resolve(root, out).replace(/[^A-Za-z0-9]+/g, '_');

async function launch(profile: string): Promise<BrowserContext> {
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1400, height: 900 },
    locale: 'vi-VN',
  });
  // tsx names functions with a helper that does not exist in the page: give the page one.
  await ctx.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  return ctx;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};

/** Install the in-page timer: keydown Enter → badge "Đang lưu…" seen → badge "Đã lưu". */
async function installTimer(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as {
      __gk: { t0: number; sawSaving: boolean; armed: boolean; times: number[] };
    };
    w.__gk = { t0: 0, sawSaving: false, armed: false, times: [] };
    document.addEventListener(
      'keydown',
      (e) => {
        if (e.key !== 'Enter') return;
        w.__gk.t0 = performance.now();
        w.__gk.sawSaving = false;
        w.__gk.armed = true;
      },
      true,
    );
    const check = () => {
      const g = w.__gk;
      if (!g.armed) return;
      const text = document.querySelector('[data-testid="save-status"]')?.textContent ?? '';
      if (text.startsWith('Đang lưu')) g.sawSaving = true;
      else if (g.sawSaving && text === 'Đã lưu') {
        g.times.push(performance.now() - g.t0);
        g.armed = false;
      }
    };
    new MutationObserver(check).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
}

/** A bare IndexedDB put with strict durability in the same page: the floor. */
async function barePut(page: Page, n: number): Promise<number[]> {
  return page.evaluate(async (count) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('gk-floor', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('s');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      await new Promise<void>((res, rej) => {
        const t = db.transaction('s', 'readwrite', { durability: 'strict' });
        t.objectStore('s').put(
          { roundId: 'r', judgeId: 'j', entrantId: `e${i}`, criterionId: 'c', steps: i % 20 },
          i,
        );
        t.oncomplete = () => res();
        t.onerror = () => rej(t.error);
      });
      times.push(performance.now() - t0);
    }
    db.close();
    return times;
  }, n);
}

/** Type `SAMPLES` values one at a time into the first rows' cells, each timed to the saved badge. */
async function measureSaves(page: Page): Promise<number[]> {
  await installTimer(page);
  const cells = page.locator('[role="gridcell"][aria-colindex="3"]');
  for (let i = 0; i < SAMPLES; i++) {
    await cells.nth(i % 5).click();
    await page.keyboard.type(String(1 + ((i + Math.floor(i / 5)) % 5))); // never the cell's current value
    await page.keyboard.press('Enter');
    await page
      .waitForFunction(
        (k) => (window as unknown as { __gk: { times: number[] } }).__gk.times.length > k,
        i,
        { timeout: 120_000, polling: 'raf' },
      )
      .catch(async (err) => {
        console.log(
          await page.evaluate(() => JSON.stringify((window as unknown as { __gk: unknown }).__gk)),
        );
        throw err;
      });
  }
  return page.evaluate(() => (window as unknown as { __gk: { times: number[] } }).__gk.times);
}

/** Pick the n-th judge and time, in the page, from the option's click to the sheet's rows being listed. */
async function timeJudgeSwitch(page: Page, n: number): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __sw: { t0: number; empty: boolean; ms: number | null } };
    w.__sw = { t0: 0, empty: false, ms: null };
    document.addEventListener(
      'click',
      (e) => {
        if (!w.__sw.t0 && (e.target as Element).closest('[role="option"]'))
          w.__sw.t0 = performance.now();
      },
      { capture: true },
    );
    const obs = new MutationObserver(() => {
      const text = document.querySelector('[data-testid="progress"]')?.textContent ?? '';
      if (/\/0 /.test(text)) w.__sw.empty = true;
      else if (
        w.__sw.t0 &&
        w.__sw.empty &&
        /\/\d{3,}/.test(text) &&
        document.querySelector('[data-cell]')
      ) {
        w.__sw.ms = performance.now() - w.__sw.t0;
        obs.disconnect();
      }
    });
    obs.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('combobox', { name: 'Giám khảo', exact: true }).click();
  await page.getByRole('option').nth(n).click();
  await page.waitForFunction(
    () => (window as unknown as { __sw: { ms: number | null } }).__sw.ms !== null,
    null,
    { timeout: 600_000, polling: 'raf' },
  );
  return page.evaluate(() => (window as unknown as { __sw: { ms: number } }).__sw.ms);
}

/** The floor for opening a sheet: one raw indexed read of one judge's scores, in the same page. */
async function floorSheetRead(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('giamkhao');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const index = () =>
      db.transaction('scores', 'readonly').objectStore('scores').index('[roundId+judgeId]');
    const pairs = await new Promise<IDBValidKey[]>((res) => {
      const out: IDBValidKey[] = [];
      const c = index().openKeyCursor(null, 'nextunique');
      c.onsuccess = () => {
        if (!c.result || out.length >= 3) return res(out);
        out.push(c.result.key);
        c.result.continue();
      };
    });
    const times: number[] = [];
    for (const key of pairs) {
      const t0 = performance.now();
      await new Promise((res) => {
        const g = index().getAll(IDBKeyRange.only(key));
        g.onsuccess = () => res(g.result.length);
      });
      times.push(performance.now() - t0);
    }
    db.close();
    return times;
  });
}

async function withCpuProfile<T>(page: Page, run: () => Promise<T>, file = profileOut): Promise<T> {
  if (!profileOut) return run();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    console.log(`cpu profile written to ${file}`);
  }
}

async function smallRound() {
  const app = await startWebApp();
  const profile = mkdtempSync(join(tmpdir(), 'gk-measure-small-'));
  const ctx = await launch(profile);
  try {
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    const ui = new AppPage(page);
    await ui.open(app.url);
    await ui.createContest('Hội thi “Dân vận khéo”', 'Hội thi đo thời gian lưu');
    await ui.tab('Đội thi / Mô hình');
    for (let i = 1; i <= 10; i++) await ui.addEntrant(`Đội số ${i}`, `Phường số ${i}`, 'Cụm 1');
    await ui.tab('Giám khảo');
    await ui.addJudge('Nguyễn Thị Hằng', 'Phó Trưởng ban', 'Ban Dân vận');
    await ui.tab('Chấm điểm');
    await ui.pickJudge('GK1 — Nguyễn Thị Hằng');
    await page.locator('[data-cell]').first().waitFor({ state: 'attached' });
    const saves = await withCpuProfile(page, () => measureSaves(page));
    report('10 entrants × 8 criteria, 1 judge (80 cells)', saves, await barePut(page, SAMPLES));
  } finally {
    await ctx.close();
    await app.stop();
    rmSync(profile, { recursive: true, force: true });
    rmSync(app.dataDir, { recursive: true, force: true });
  }
}

async function awardRound() {
  const saved = join(stateRoot, `award-${buildTag}`);
  const work = mkdtempSync(join(tmpdir(), 'gk-measure-award-'));
  const profile = join(work, 'profile');
  const dataDir = join(work, 'data');
  let loadMs: number | null = null;
  // IndexedDB belongs to the origin, port included: a kept state is reopened on its own port.
  let port: number | undefined;
  if (existsSync(join(saved, 'ready'))) {
    cpSync(join(saved, 'profile'), profile, { recursive: true });
    cpSync(join(saved, 'data'), dataDir, { recursive: true });
    const idb = readdirSync(join(profile, 'Default', 'IndexedDB'))
      .map((n) => /^http_127\.0\.0\.1_(\d+)\.indexeddb/.exec(n))
      .find((m) => m);
    port = idb ? Number(idb[1]) : undefined;
  } else {
    mkdirSync(dataDir, { recursive: true });
  }
  let app = await startWebApp({ dataDir, port });
  let ctx = await launch(profile);
  try {
    let page = ctx.pages()[0] ?? (await ctx.newPage());
    const ui = new AppPage(page);
    await ui.open(app.url);
    const heading = page.getByRole('heading', { name: /Bình xét mô hình/ });
    if (loadMs === null && !existsSync(join(saved, 'ready'))) {
      const t0 = Date.now();
      await page.getByRole('button', { name: 'Bình xét 1.045 mô hình cấp tỉnh' }).click();
      await heading.waitFor({ timeout: 1_800_000 });
      loadMs = Date.now() - t0;
      console.log(`award sample loaded in ${(loadMs / 1000).toFixed(1)} s`);
      // Keep the loaded state for the next run of this build (the browser closed first, so it is whole).
      await ctx.close();
      await app.stop();
      rmSync(saved, { recursive: true, force: true });
      mkdirSync(saved, { recursive: true });
      cpSync(profile, join(saved, 'profile'), { recursive: true });
      cpSync(dataDir, join(saved, 'data'), { recursive: true });
      writeFileSync(join(saved, 'ready'), '');
      app = await startWebApp({ dataDir, port: app.port });
      ctx = await launch(profile);
      page = ctx.pages()[0] ?? (await ctx.newPage());
      await new AppPage(page).open(app.url);
    }
    const ui2 = new AppPage(page);
    await page
      .getByRole('button', { name: /^Mở Bình xét mô hình/ })
      .first()
      .click({ timeout: 600_000 })
      .catch(async (err) => {
        await page.screenshot({ path: join(tmpdir(), 'gk-measure-home.png') });
        throw err;
      });
    await page.getByRole('heading', { name: /Bình xét mô hình/ }).waitFor({ timeout: 600_000 });
    const t0 = Date.now();
    await ui2.tab('Chấm điểm');
    await page.getByRole('combobox', { name: 'Giám khảo', exact: true }).click();
    await page.getByRole('option').first().click();
    await page.locator('[data-cell]').first().waitFor({ state: 'attached', timeout: 600_000 });
    console.log(
      `judge sheet (1,045 rows) visible in ${Date.now() - t0} ms from opening the scoring tab`,
    );
    const saves = await withCpuProfile(page, () => measureSaves(page));
    report(
      '1,045 models × 20 criteria × 9 judges (94,050 scores stored)',
      saves,
      await barePut(page, SAMPLES),
    );
    // Opening another judge's sheet once the contest has settled: option click → rows shown.
    const opens: number[] = [];
    for (const n of [1, 2, 3])
      opens.push(
        await (n === 3 && profileOut
          ? withCpuProfile(page, () => timeJudgeSwitch(page, n), `${profileOut}.switch`)
          : timeJudgeSwitch(page, n)),
      );
    console.log(
      `judge sheet switch (click → 1,045 rows listed), build ${out}: ${opens.map((x) => `${x.toFixed(0)} ms`).join(', ')}`,
    );
    console.log(
      `  floor: one judge's 10,450 scores read raw by the index: ${(await floorSheetRead(page)).map((x) => `${x.toFixed(0)} ms`).join(', ')}`,
    );
  } finally {
    await ctx.close().catch(() => undefined);
    await app.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

function report(what: string, saves: number[], bare: number[]) {
  const f = (x: number) => `${x.toFixed(0)} ms`;
  console.log(
    `cell save (keypress → "Đã lưu"), ${what}, build ${out}: p50 ${f(pct(saves, 50))}, p95 ${f(pct(saves, 95))} (n=${saves.length}); bare strict IndexedDB put p50 ${pct(bare, 50).toFixed(1)} ms, p95 ${pct(bare, 95).toFixed(1)} ms`,
  );
  console.log(`  each save, in order (ms): ${saves.map((x) => x.toFixed(0)).join(' ')}`);
}

if (which === 'small' || which === 'both') await smallRound();
if (which === 'award' || which === 'both') await awardRound();
