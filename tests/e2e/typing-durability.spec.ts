/**
 * Issue 15, "a typed value is safe before the next keystroke is handled": a secretary types 100
 * cells at 60 ms per cell (keyboard only, Tab between cells) and the browser goes away right after
 * the last Tab — the tab closed and the browser ended, or the browser process group killed. The
 * same profile is then reopened: IndexedDB holds every value but the keystrokes in flight (the
 * last few, in order, no more than the app itself reported as not yet stored), and once the app has
 * reconciled, the journal file holds every value IndexedDB holds.
 * Closing the page while values are not yet in the journal asks first (beforeunload).
 *
 * The browser is started here (not by Playwright) so the test owns its process id: it is stopped
 * and killed by that id, never by name. Prints: cells typed, pace, in IndexedDB, in journal, lost.
 */
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppPage } from './pages/app-page';
import { removeDir, startWebApp, type WebApp } from './support/web-app';

const CELLS = 100;
const PER_CELL_MS = 60;
/** Keystrokes IndexedDB may trail the typing by (about 0,6 s at this pace) on a busy machine. */
const MAX_BEHIND = 10;
const CONTEST = 'Hội thi thử gõ nhanh';
const JUDGE = 'GK1 — Nguyễn Thị Hằng';

/** A Chromium of our own on `profile`, reached over CDP. */
interface OwnBrowser {
  readonly process: ChildProcess;
  readonly browser: Browser;
  readonly page: Page;
  /** Graceful end (SIGTERM to the browser process), waiting for it to exit. */
  stop(): Promise<void>;
  /** SIGKILL of the browser's whole process group: a crash or a power cut for the browser. */
  kill(): Promise<void>;
}

/** Every browser a test started, so one that fails midway still leaves none running (afterEach). */
const started: ChildProcess[] = [];

async function launchOwn(profile: string): Promise<OwnBrowser> {
  const child = spawn(
    process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    [
      '--headless=new',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // As Playwright starts its browsers (and as a window in front is): not throttled as a background page.
      '--disable-background-timer-throttling',
      '--disable-backgrounding-occluded-windows',
      '--disable-renderer-backgrounding',
      '--disable-ipc-flooding-protection',
      '--disable-hang-monitor',
      '--disable-dev-shm-usage',
      // No crash handler: it would outlive a killed browser in a process group of its own.
      '--disable-breakpad',
      '--disable-crash-reporter',
      '--window-size=1400,900',
      'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  started.push(child);
  const ws = await new Promise<string>((res, rej) => {
    let log = '';
    const timer = setTimeout(() => rej(new Error(`chromium did not start:\n${log}`)), 30_000);
    child.stderr!.on('data', (d: Buffer) => {
      log += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        res(m[1]);
      }
    });
    child.once('exit', (code) => rej(new Error(`chromium exited ${code}:\n${log}`)));
  });
  const browser = await chromium.connectOverCDP(ws);
  const context = browser.contexts()[0];
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize({ width: 1400, height: 900 });
  const group = child.pid!;
  return {
    process: child,
    browser,
    page,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) process.kill(group, 'SIGTERM');
      await exited;
      try {
        process.kill(-group, 'SIGKILL'); // helpers of that browser still running, by its group id
      } catch {
        // none left
      }
    },
    async kill() {
      try {
        process.kill(-group, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
    },
  };
}

/** The value typed into cell i: whole points 1…5 fit every criterion of the template. */
const valueOf = (i: number) => String(1 + ((i * 7 + 3) % 5));

async function contestWithRows(ui: AppPage, url: string, rows: number) {
  await ui.open(url);
  await ui.createContest('Hội thi “Dân vận khéo”', CONTEST);
  await ui.tab('Đội thi / Mô hình');
  for (let i = 1; i <= rows; i++) await ui.addEntrant(`Đội số ${i}`, `Phường số ${i}`, 'Cụm 1');
  await ui.tab('Giám khảo');
  await ui.addJudge('Nguyễn Thị Hằng', 'Phó Trưởng ban', 'Ban Dân vận');
  await ui.tab('Chấm điểm');
  await ui.pickJudge(JUDGE);
  await expect(ui.page.locator('[data-cell]')).toHaveCount(rows * 8);
}

/** Every score cell's key (entrantId|criterionId), in the order Tab walks them. */
async function cellOrder(page: Page): Promise<string[]> {
  const cells = await page.locator('[role="gridcell"]:has([data-cell])').evaluateAll((els) =>
    els.map((el) => ({
      key: el.querySelector('[data-cell]')!.getAttribute('data-cell')!,
      row: Number(el.closest('[role="row"]')!.getAttribute('aria-rowindex')),
      col: Number(el.getAttribute('aria-colindex')),
    })),
  );
  return cells.sort((a, b) => a.row - b.row || a.col - b.col).map((c) => c.key);
}

/** Type `values` into consecutive cells at `perCellMs`, from the first score cell. Returns ms per cell achieved. */
async function typeFast(page: Page, values: readonly string[], perCellMs: number): Promise<number> {
  await page.locator('[role="gridcell"][aria-colindex="3"]').first().click();
  const t0 = Date.now();
  for (let i = 0; i < values.length; i++) {
    await page.keyboard.type(values[i]);
    await page.keyboard.press('Tab');
    // The typist's pace (the scenario itself), not a wait for the app.
    const due = t0 + (i + 1) * perCellMs;
    if (i < values.length - 1 && Date.now() < due) await page.waitForTimeout(due - Date.now());
  }
  return (Date.now() - t0) / values.length;
}

/** What this profile's IndexedDB holds for the judge: cell key → steps, and each criterion's step. */
async function readIndexedDb(page: Page): Promise<{
  scores: Record<string, number | null>;
  stepCp: Record<string, number>;
  contestId: string;
}> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('giamkhao');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const t = db.transaction(['scores', 'criteria', 'contests'], 'readonly');
          const all = <T>(name: string) =>
            new Promise<T[]>((res, rej) => {
              const r = t.objectStore(name).getAll();
              r.onsuccess = () => res(r.result as T[]);
              r.onerror = () => rej(r.error);
            });
          Promise.all([
            all<{ entrantId: string; criterionId: string; steps: number | null }>('scores'),
            all<{ id: string; stepCp: number }>('criteria'),
            all<{ id: string }>('contests'),
          ]).then(([scores, criteria, contests]) => {
            db.close();
            resolve({
              scores: Object.fromEntries(
                scores.map((s) => [`${s.entrantId}|${s.criterionId}`, s.steps]),
              ),
              stepCp: Object.fromEntries(criteria.map((c) => [c.id, c.stepCp])),
              contestId: contests[0]?.id ?? '',
            });
          }, reject);
        };
      }),
  );
}

/** The journal file's latest value per cell (by this contest's events, latest seq per device). */
function readJournal(dataDir: string, contestId: string): Record<string, number | null> {
  const file = join(dataDir, 'journals', `${contestId}.jsonl`);
  if (!existsSync(file)) return {};
  const latest = new Map<string, { seq: number; steps: number | null }>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const e = JSON.parse(line) as {
      kind: string;
      entrantId: string | null;
      criterionId: string | null;
      seq: number;
      steps: number | null;
      pass: number | null;
    };
    if (
      !e.entrantId ||
      !e.criterionId ||
      e.pass !== null ||
      !['enter', 'edit', 'clear'].includes(e.kind)
    )
      continue;
    const k = `${e.entrantId}|${e.criterionId}`;
    const cur = latest.get(k);
    if (!cur || cur.seq < e.seq) latest.set(k, { seq: e.seq, steps: e.steps });
  }
  return Object.fromEntries([...latest].map(([k, v]) => [k, v.steps]));
}

const stepsOf = (text: string, criterionId: string, stepCp: Record<string, number>) =>
  Math.round(Number(text.replace(',', '.')) * 100) / stepCp[criterionId];

let app: WebApp;
let profile: string;
test.beforeEach(async () => {
  app = await startWebApp();
  profile = mkdtempSync(join(tmpdir(), 'gk-typing-profile-'));
});
test.afterEach(async () => {
  for (const child of started.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const gone = new Promise((res) => child.once('exit', res));
    try {
      process.kill(-child.pid!, 'SIGKILL'); // by the group id of a browser this test started
    } catch {
      // already gone
    }
    await gone;
  }
  await app.stop();
  rmSync(profile, { recursive: true, force: true, maxRetries: 10 }); // a killed browser's helpers may still be leaving
  removeDir(app.dataDir);
});

for (const ending of ['closed', 'killed'] as const) {
  test(`100 cells typed at 60 ms each, browser ${ending} right after the last Tab: every value is in IndexedDB and then in the journal`, async () => {
    test.setTimeout(240_000);
    let own = await launchOwn(profile);
    const ui = new AppPage(own.page);
    await contestWithRows(ui, app.url, Math.ceil(CELLS / 8));
    const keys = (await cellOrder(own.page)).slice(0, CELLS);
    const values = keys.map((_, i) => valueOf(i));
    const pace = await typeFast(own.page, values, PER_CELL_MS);
    // What the app itself says is not yet on this device's disk at this moment (the keystrokes in
    // flight); a build that does not say so is held to one.
    const inFlight = Number(
      (await own.page
        .getByTestId('save-status')
        .getAttribute('data-unrecorded', { timeout: 1000 })
        .catch(() => null)) ?? 1,
    );
    if (ending === 'closed') {
      await own.page.close();
      await own.stop();
    } else {
      await own.kill();
    }

    // The same profile again: first what the browser database holds, before the app touches it.
    own = await launchOwn(profile);
    await new AppPage(own.page).open(app.url);
    const db = await readIndexedDb(own.page);
    const expected = Object.fromEntries(
      keys.map((k, i) => [k, stepsOf(values[i], k.split('|')[1], db.stepCp)]),
    );
    const missingInDb = keys.filter((k) => db.scores[k] !== expected[k]);
    const journalBefore = readJournal(app.dataDir, db.contestId);
    const onlyInDb = keys.filter(
      (k) => db.scores[k] === expected[k] && journalBefore[k] !== expected[k],
    ).length;

    // Opening the contest reconciles: whatever the journal lacks is sent.
    await new AppPage(own.page).openContest(CONTEST);
    const inDb = keys.filter((k) => db.scores[k] === expected[k]);
    await expect
      .poll(
        () => {
          const j = readJournal(app.dataDir, db.contestId);
          return inDb.filter((k) => j[k] !== expected[k]).length;
        },
        { timeout: 30_000 },
      )
      .toBe(0);
    const journal = readJournal(app.dataDir, db.contestId);
    const inJournal = keys.filter((k) => journal[k] === expected[k]).length;
    if (missingInDb.length)
      console.log(
        `typing (${ending}): not as typed: ${missingInDb.map((k) => `#${keys.indexOf(k)} typed ${expected[k]} stored ${db.scores[k] ?? '—'}`).join(', ')}`,
      );
    console.log(
      `typing (${ending}): cells typed ${CELLS} at ${pace.toFixed(0)} ms per cell; not yet stored at close (as the app said) ${inFlight}; in IndexedDB ${inDb.length}/${CELLS}; only in IndexedDB at close ${onlyInDb}; in journal after reconcile ${inJournal}/${CELLS}; lost ${missingInDb.length}`,
    );
    await own.stop();

    // The loss bound is the keystrokes in flight: only the last ones, in order (never a value lost
    // while a later one was kept), no more than the app said were not yet stored, and IndexedDB
    // never fell more than a few keystrokes behind the typing.
    const lostFrom = keys.findIndex((k) => missingInDb.includes(k));
    if (lostFrom >= 0) expect(missingInDb).toEqual(keys.slice(lostFrom));
    expect(missingInDb.length).toBeLessThanOrEqual(Math.max(1, inFlight));
    expect(inFlight).toBeLessThanOrEqual(MAX_BEHIND);
    expect(inJournal).toBe(inDb.length);
  });
}

test('closing the page with values not yet in the journal asks first; the values reach the journal afterwards', async () => {
  test.setTimeout(180_000);
  let own = await launchOwn(profile);
  const ui = new AppPage(own.page);
  await contestWithRows(ui, app.url, 1);
  const keys = await cellOrder(own.page);

  // Nothing to lose: the page closes without asking.
  await ui.typeSheet([['4']]);
  await ui.waitSaved();
  let asked = 0;
  own.page.on('dialog', (d) => {
    asked++;
    void d.dismiss(); // "stay on this page"
  });
  // The journal becomes unreachable (server down): the next values are on this device only.
  await app.kill();
  await own.page.locator('[role="gridcell"][aria-colindex="4"]').first().click();
  await own.page.keyboard.type('3');
  await own.page.keyboard.press('Tab');
  await own.page.keyboard.type('2');
  await own.page.keyboard.press('Tab');
  await expect(own.page.getByTestId('save-status')).toContainText('Chỉ lưu trên máy này');
  await own.page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toBe(1);
  expect(own.page.isClosed()).toBe(false); // the secretary chose to stay

  // The journal is back; the app sends what waited, and then closing needs no question.
  app = await startWebApp({ dataDir: app.dataDir, port: app.port });
  await own.page.getByRole('button', { name: 'Ghi lại ngay' }).click();
  await ui.waitSaved();
  await own.page.close({ runBeforeUnload: true });
  await expect.poll(() => own.page.isClosed()).toBe(true);
  expect(asked).toBe(1);
  await own.stop();

  own = await launchOwn(profile);
  await new AppPage(own.page).open(app.url);
  const db = await readIndexedDb(own.page);
  const journal = readJournal(app.dataDir, db.contestId);
  expect(keys.slice(0, 3).map((k) => journal[k])).toEqual(
    keys.slice(0, 3).map((k, i) => stepsOf(['4', '3', '2'][i], k.split('|')[1], db.stepCp)),
  );
  expect(readdirSync(join(app.dataDir, 'journals'))).toHaveLength(1);
  await own.stop();
});
