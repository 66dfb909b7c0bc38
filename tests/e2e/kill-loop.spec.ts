/**
 * Reliability recipe 2, the kill loop: type scores through the UI, note every value the app shows
 * as saved, and kill the web server (SIGKILL) — and now and then the browser — at random moments,
 * mid-save included. At the end a browser with an empty database rebuilds from the journal file,
 * and every confirmed score must be there (or superseded by a later value typed into that cell).
 * Prints: kills, confirmed scores lost.
 */
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from '../../shared/tally/prng';
import { AppPage } from './pages/app-page';
import { startWebApp, type WebApp } from './support/web-app';

const KILLS = Number(process.env['GK_KILLS'] ?? 200);

async function launch(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
  });
}

async function openSheet(page: Page, url: string, contest: string) {
  const ui = new AppPage(page);
  await ui.open(url);
  await ui.openContest(contest);
  await ui.tab('Chấm điểm');
  await ui.pickJudge('GK1 — Nguyễn Thị Hằng');
  await expect(page.locator('[data-cell]').first()).toBeAttached();
}

test('kill loop: no confirmed score is lost', async () => {
  test.setTimeout(Math.max(600_000, KILLS * 6_000));
  const random = mulberry32(20261123);
  const profile = mkdtempSync(join(tmpdir(), 'gk-kill-profile-'));
  let app: WebApp = await startWebApp();
  const { port, dataDir } = app;
  let ctx = await launch(profile);
  let page = ctx.pages()[0] ?? (await ctx.newPage());
  const contest = 'Hội thi kiểm tra mất điện';
  const ui = new AppPage(page);
  await ui.open(app.url);
  await ui.createContest('Hội thi “Dân vận khéo”', contest);
  await ui.tab('Đội thi / Mô hình');
  for (let i = 1; i <= 4; i++) await ui.addEntrant(`Đội số ${i} — Phường Điện Biên`, `Đơn vị ${i}`, 'Cụm 1');
  await ui.tab('Giám khảo');
  await ui.addJudge('Nguyễn Thị Hằng', 'Phó Trưởng ban', 'Ban Dân vận');
  await ui.tab('Chấm điểm');
  await ui.pickJudge('GK1 — Nguyễn Thị Hằng');

  const cells = await page.locator('[data-cell]').evaluateAll((els) => els.map((e) => e.getAttribute('data-cell')!));
  const typed = new Map<string, number[]>(); // every value typed per cell, in order
  const confirmed = new Map<string, number>(); // index into typed[] of the last value shown as saved
  let kills = 0;
  let browserKills = 0;
  let attempts = 0;

  while (kills < KILLS) {
    attempts++;
    const cell = cells[Math.floor(random() * cells.length)];
    const v = Math.floor(random() * 5) + 1; // 1…5 fits every criterion of the template (smallest max is 5)
    const history = typed.get(cell) ?? [];
    const killNow = random() < 0.5;
    try {
      await page.locator(`[role="gridcell"]:has([data-cell="${cell}"])`).click({ timeout: 5_000 });
      await page.keyboard.type(String(v));
      history.push(v);
      typed.set(cell, history);
      await page.keyboard.press('Enter');
      if (killNow && random() < 0.5) {
        // Power cut mid-save: whatever was not yet shown as saved may be lost, nothing else.
        await app.kill();
      } else {
        const loc = page.locator(`[data-cell="${cell}"]`);
        await expect(loc).toHaveAttribute('data-state', /^(saved|localOnly)$/, { timeout: 5_000 });
        if ((await loc.getAttribute('data-state')) === 'saved' && (await loc.textContent()) === String(v)) confirmed.set(cell, history.length - 1);
      }
    } catch {
      // A kill can interrupt any step; the check at the end is what counts.
    }
    if (killNow) {
      if (app.process.exitCode === null) await app.kill();
      kills++;
      if (kills % 10 === 0) {
        // Now and then the browser dies too: SIGKILL of every Chromium process on this profile.
        spawnSync('pkill', ['-9', '-f', profile]);
        await ctx.close().catch(() => undefined);
        browserKills++;
        app = await startWebApp({ dataDir, port });
        ctx = await launch(profile);
        page = ctx.pages()[0] ?? (await ctx.newPage());
        await openSheet(page, app.url, contest);
      } else {
        app = await startWebApp({ dataDir, port });
        // The page stays open: its outbox is flushed by the next save.
      }
    }
  }
  // Let the last outbox drain (the next save or the reopen flushes it), then close.
  await ctx.close();

  // A fresh browser profile: an empty IndexedDB. The setup comes back from its copy on disk and
  // every score from the journal; then the grid must show each confirmed value (or a later one).
  const clean = mkdtempSync(join(tmpdir(), 'gk-kill-clean-'));
  ctx = await launch(clean);
  page = ctx.pages()[0] ?? (await ctx.newPage());
  await new AppPage(page).open(app.url);
  await page.getByRole('button', { name: `Khôi phục ${contest}` }).click();
  await expect(page.getByTestId('recovered')).toBeVisible();
  await new AppPage(page).tab('Chấm điểm');
  await new AppPage(page).pickJudge('GK1 — Nguyễn Thị Hằng');
  await expect(page.locator('[data-cell]').first()).toBeAttached();
  const shown = new Map(await page.locator('[data-cell]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-cell')!, e.textContent ?? ''] as [string, string])));
  let lost = 0;
  for (const [cell, idx] of confirmed) {
    const acceptable = typed.get(cell)!.slice(idx).map(String);
    if (!acceptable.includes(shown.get(cell) ?? '')) lost++;
  }
  console.log(`kill loop: kills: ${kills} (browser: ${browserKills}), cells typed: ${attempts}, confirmed cells: ${confirmed.size}, confirmed scores lost: ${lost}`);
  await ctx.close();
  await app.stop();
  rmSync(profile, { recursive: true, force: true });
  rmSync(clean, { recursive: true, force: true });
  expect(confirmed.size).toBeGreaterThan(0);
  expect(lost).toBe(0);
});
