/**
 * What a secretary does, timed: the steps go through the UI only (labels and test ids as in
 * tests/e2e/pages/app-page.ts), and every figure ends at what the screen shows (probe.browser.js).
 * Nothing here sleeps: each wait is for the DOM, or for an idle moment of the page before the next
 * keystroke (a person types at human speed, not within the previous save's aftermath).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Session } from './session';
import { BenchTimeout, idle, pageDownloads, timed, timedConfirming, type Timing } from './timing';

export interface Figure {
  readonly ms: number;
  readonly longTask: number | null;
}

export interface SaveFigures {
  readonly samples: readonly number[];
  /** Why sampling stopped before `count` saves, when a save did not show in time. */
  readonly stopped?: string;
  readonly p50: number;
  readonly p95: number;
  readonly longTask: number | null;
}

export interface ExportFigure extends Figure {
  readonly file: string;
  readonly bytes: number;
  /** The app asked for a confirmation first (provisional results); the figure starts at its button. */
  readonly confirmed: boolean;
}

const fig = (t: Timing): Figure => ({ ms: t.ms, longTask: t.longTask });
const maxOf = (xs: readonly (number | null)[]): number | null =>
  xs.some((x) => x === null) ? null : Math.max(0, ...(xs as number[]));

export async function home(session: Session): Promise<void> {
  await session.page.goto(session.app.url);
  await session.page.getByText('Giám khảo').first().waitFor();
}

/**
 * A 10-entrant award round made from the template through the UI, one judge, nothing scored. The
 * same steps and labels as tests/e2e/pages/app-page.ts, with the bench's generous timeouts.
 */
export async function smallRound(
  session: Session,
  entrants: number,
  timeoutMs: number,
): Promise<void> {
  const { page } = session;
  const t = { timeout: timeoutMs };
  const choose = async (label: string, option: string | RegExp) => {
    await page.getByRole('combobox', { name: label, exact: true }).click(t);
    await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click(t);
  };
  const name = `Vòng thử ${entrants} mô hình`;
  await home(session);
  await choose('Mẫu', 'Bình xét mô hình “Dân vận khéo”');
  await page.getByLabel('Tên cuộc thi').fill(name, t);
  await page.getByRole('button', { name: 'Tạo', exact: true }).click(t);
  await page.getByRole('heading', { name }).waitFor(t);
  await page.getByRole('tab', { name: 'Đội thi / Mô hình' }).click(t);
  for (let i = 1; i <= entrants; i++) {
    await page.getByLabel('Tên đội / mô hình').fill(`Mô hình thử số ${i}`, t);
    await page.getByLabel('Đơn vị', { exact: true }).fill(`Ủy ban nhân dân xã Thử ${i}`, t);
    await page.getByRole('button', { name: 'Thêm', exact: true }).click(t);
    await page
      .getByTestId('entrants-table')
      .getByText(`Mô hình thử số ${i}`, { exact: true })
      .waitFor(t);
  }
  await page.getByRole('tab', { name: 'Giám khảo' }).click(t);
  await page.getByLabel('Họ và tên').fill('Nguyễn Văn Bình', t);
  await page.getByLabel('Chức vụ').fill('Chuyên viên', t);
  await page.getByLabel('Đơn vị công tác').fill('Ban Dân vận Tỉnh ủy', t);
  await page.getByRole('button', { name: 'Thêm giám khảo' }).click(t);
  await page.getByTestId('judges-table').getByText('Nguyễn Văn Bình').waitFor(t);
  await page.getByRole('tab', { name: 'Chấm điểm' }).click(t);
  await choose('Giám khảo', /^GK1 — /);
  await page
    .locator('[role="grid"] [data-cell]')
    .first()
    .waitFor({ state: 'attached', ...t });
}

/** "Mở dữ liệu mẫu" → "Bình xét 1.045 mô hình": click → the contest's heading. */
export async function loadSample(session: Session, timeoutMs: number): Promise<Figure> {
  await home(session);
  const button = session.page.getByRole('button', { name: /^Bình xét 1\.045 mô hình/ });
  return fig(
    await timed(
      session.page,
      { kind: 'heading', pattern: 'Bình xét mô hình' },
      'pointer',
      () => button.click(),
      timeoutMs,
    ),
  );
}

/** A contest on disk but not in this browser: "Khôi phục" → the app says it rebuilt from the journal. */
export async function restoreFromDisk(
  session: Session,
  contestName: string,
  timeoutMs: number,
): Promise<Figure> {
  await home(session);
  const button = session.page.getByRole('button', { name: `Khôi phục ${contestName}` });
  return fig(
    await timed(
      session.page,
      { kind: 'testid', id: 'recovered' },
      'pointer',
      () => button.click(),
      timeoutMs,
    ),
  );
}

/**
 * Open the round's results from the contest list, as after starting the app: a fresh page, "Mở
 * <contest>", the "Kết quả" tab as soon as it shows; from the click on "Mở" to the scoreboard with
 * every ranked row.
 */
export async function openScoreboard(
  session: Session,
  rows: number,
  timeoutMs: number,
): Promise<Figure> {
  const { page } = session;
  await home(session);
  const open = page.getByRole('button', { name: /^Mở Bình xét mô hình/ });
  await open.waitFor();
  await idle(page);
  return fig(
    await timed(
      page,
      { kind: 'scoreboard', rows },
      'pointer',
      async () => {
        await open.click();
        await page.getByRole('tab', { name: 'Kết quả' }).click({ timeout: timeoutMs });
      },
      timeoutMs,
    ),
  );
}

/** On the results tab: an export button → the file handed to the browser (its download link clicked). */
export async function exportFile(
  session: Session,
  button: 'Xuất bảng điểm Excel' | 'In giấy khen PDF',
  timeoutMs: number,
): Promise<ExportFigure> {
  const { page } = session;
  const before = (await pageDownloads(page)).length;
  const download = page.waitForEvent('download', { timeout: timeoutMs });
  download.catch(() => undefined);
  // Printing provisional results asks for a confirmation: answered with its button that is not "Hủy".
  const dialog = page.getByRole('dialog');
  const t = await timedConfirming(
    page,
    { kind: 'exported', after: before },
    () => page.getByRole('button', { name: button }).click({ timeout: timeoutMs }),
    dialog,
    () =>
      dialog
        .getByRole('button')
        .filter({ hasText: /\S/ })
        .filter({ hasNotText: /^(Hủy|Đóng)$/ })
        .last()
        .click({ timeout: timeoutMs }),
    timeoutMs,
  );
  const links = await pageDownloads(page);
  if (links.length <= before) {
    const said = await page
      .getByTestId('export-outcome')
      .textContent()
      .catch(() => null);
    throw new Error(`${button}: no file — ${said ?? 'no message'}`);
  }
  const d = await download;
  const file = join(session.downloads, d.suggestedFilename());
  await d.saveAs(file);
  const { size } = statSync(file);
  const ms = links[before][0] - t.t0;
  // Wait for the button to be usable again (the export's loading state) before the next action.
  await page
    .locator('button:not([data-loading]):not([disabled])', { hasText: button })
    .waitFor({ timeout: timeoutMs });
  return { ms, longTask: t.longTask, file, bytes: size, confirmed: t.confirmed };
}

/** "Chấm điểm", pick GK1: from the choice of the judge to their sheet showing its scored cells. */
export async function openSheet(session: Session, timeoutMs: number): Promise<Figure> {
  const { page } = session;
  await page.getByRole('tab', { name: 'Chấm điểm' }).click({ timeout: timeoutMs });
  const picker = page.getByRole('combobox', { name: 'Giám khảo', exact: true });
  await picker.waitFor({ timeout: timeoutMs });
  await idle(page);
  await picker.click({ timeout: timeoutMs });
  const option = page.getByRole('option', { name: /^GK1 — / });
  await option.waitFor({ timeout: timeoutMs });
  return fig(
    await timed(
      page,
      { kind: 'sheet' },
      'pointer',
      () => option.click({ timeout: timeoutMs }),
      timeoutMs,
    ),
  );
}

interface Cell {
  readonly key: string;
  readonly row: number;
  readonly col: number;
}

/** Editable score cells of the open sheet that are on screen, the sheet scrolled to the top of the window (rows and columns are virtualised). */
async function visibleCells(page: Page, scoredOnly: boolean): Promise<Cell[]> {
  return page.evaluate((scored) => {
    const grid = document.querySelector('[role="grid"]');
    if (!grid) return [];
    grid.scrollIntoView({ block: 'start' }); // notices above the sheet may push it below the fold
    const g = grid.getBoundingClientRect();
    const out: { key: string; row: number; col: number }[] = [];
    grid.querySelectorAll('[data-cell]').forEach((el) => {
      const cell = el.closest('[role="gridcell"]');
      const row = el.closest('[role="row"]');
      if (!cell || !row || cell.getAttribute('aria-readonly') === 'true') return;
      if (scored && el.getAttribute('data-state') !== 'saved') return;
      const r = cell.getBoundingClientRect();
      if (
        r.top < g.top + 60 ||
        r.bottom > Math.min(g.bottom, innerHeight) - 4 ||
        r.left < g.left + 320 ||
        r.right > Math.min(g.right, innerWidth) - 4
      )
        return;
      out.push({
        key: el.getAttribute('data-cell')!,
        row: Number(row.getAttribute('aria-rowindex')),
        col: Number(cell.getAttribute('aria-colindex')),
      });
    });
    return out.sort((a, b) => a.col - b.col || a.row - b.row);
  }, scoredOnly);
}

/**
 * A submitted sheet is read-only (the sample's sheets come submitted): the head judge reopens it
 * with a reason, as a secretary would before correcting a score (not timed).
 */
async function reopenIfSubmitted(page: Page, timeoutMs: number): Promise<void> {
  const t = { timeout: timeoutMs };
  if ((await page.getByTestId('sheet-state').count()) === 0) return;
  await page.getByRole('button', { name: 'Mở lại phiếu (Trưởng ban)' }).click(t);
  await page
    .getByLabel('Lý do (bắt buộc, được ghi vào nhật ký)')
    .fill('Đo thời gian lưu điểm (bench)', t);
  await page.getByRole('dialog').getByRole('button', { name: 'Mở lại', exact: true }).click(t);
  await page.getByTestId('sheet-state').waitFor({ state: 'detached', ...t });
  await page
    .locator(
      '[role="grid"] [role="gridcell"]:not([aria-readonly="true"]) [data-cell][data-state="saved"]',
    )
    .first()
    .waitFor({ state: 'attached', ...t });
}

const shown = (page: Page, key: string) =>
  page.evaluate((k) => {
    const el = [...document.querySelectorAll('[data-cell]')].find(
      (x) => x.getAttribute('data-cell') === k,
    );
    const t = (el?.textContent ?? '').trim();
    return t === '' ? null : Number(t.replace(',', '.'));
  }, key);

/**
 * Cell saves on the open sheet: click a cell, type a value, and time from the Enter keydown to the
 * cell showing that value as saved with the badge saying "Đã lưu". Values move by one point from
 * what the cell shows (1 or 2 in an empty cell), so they stay valid for any step and maximum.
 * Stops after `count` saves, or once `budgetMs` is spent with at least `min` saves; a save that
 * does not show within `timeoutMs` ends the sampling (an error when it was the first).
 */
export async function cellSaves(
  session: Session,
  opts: { count: number; min: number; budgetMs: number; timeoutMs: number; scoredOnly: boolean },
): Promise<SaveFigures> {
  const { page } = session;
  await reopenIfSubmitted(page, opts.timeoutMs);
  const cells = await visibleCells(page, opts.scoredOnly);
  if (cells.length === 0) throw new Error('no editable cell on screen');
  const samples: number[] = [];
  const longs: (number | null)[] = [];
  const deadline = Date.now() + opts.budgetMs;
  let stopped: string | undefined;
  for (let i = 0; i < opts.count; i++) {
    const c = cells[i % cells.length];
    const now = await shown(page, c.key);
    const next = now === null ? 1 + (i % 2) : now >= 1 ? now - 1 : now + 1;
    await page
      .locator(`[role="row"][aria-rowindex="${c.row}"] [role="gridcell"][aria-colindex="${c.col}"]`)
      .click({ timeout: opts.timeoutMs });
    await page.keyboard.type(String(next).replace('.', ','));
    let t: Timing;
    try {
      t = await timed(
        page,
        { kind: 'saved', cell: c.key, value: next },
        'Enter',
        () => page.keyboard.press('Enter'),
        opts.timeoutMs,
      );
    } catch (e) {
      if (!(e instanceof BenchTimeout) || samples.length === 0) throw e;
      stopped = `save ${samples.length + 1} ${e.message}`;
      break;
    }
    samples.push(t.ms);
    longs.push(t.longTask);
    await idle(page);
    if (samples.length >= opts.min && Date.now() > deadline) break;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const pct = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor((q / 100) * sorted.length))];
  return { samples, stopped, p50: pct(50), p95: pct(95), longTask: maxOf(longs) };
}
