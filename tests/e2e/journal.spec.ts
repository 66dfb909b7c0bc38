/**
 * The score journal seen from the UI: after the browser's database is deleted, the contest and
 * every confirmed score come back from the files on disk; a byte changed in the journal file is
 * named by "Kiểm tra toàn vẹn" at its line.
 */
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppPage } from './pages/app-page';
import { scoredContest, SHEET } from './support/contests';
import { startWebApp, type WebApp } from './support/web-app';

let app: WebApp;
test.beforeEach(async () => {
  app = await startWebApp();
});
test.afterEach(async () => {
  await app.stop();
});

/** A contest with one team and one judge whose first cells hold `values`, saved. */
async function oneTeamScored(
  ui: AppPage,
  name: string,
  values: readonly string[],
): Promise<AppPage> {
  await ui.open(app.url);
  await ui.createContest('Hội thi “Dân vận khéo”', name);
  await ui.tab('Đội thi / Mô hình');
  await ui.addEntrant('Đội Phường Láng Hạ', 'Phường Láng Hạ', 'Cụm 1');
  await ui.tab('Giám khảo');
  await ui.addJudge('Trịnh Thị Thanh', 'Chuyên viên', 'Ban Dân vận');
  await ui.tab('Chấm điểm');
  await ui.pickJudge('GK1 — Trịnh Thị Thanh');
  await ui.typeSheet([values]);
  await ui.waitSaved();
  return ui;
}

test('deleting the browser database loses nothing: setup and scores come back from disk', async ({
  page,
}) => {
  const ui = await scoredContest(
    new AppPage(page),
    app.url,
    'Hội thi thử mất dữ liệu',
    app.dataDir,
  );
  const before = await page
    .locator('[data-cell]')
    .evaluateAll((els) => els.map((e) => e.textContent));

  // Wipe IndexedDB (as Chromium does after a corrupt backing store), then reload.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const r = indexedDB.deleteDatabase('giamkhao');
        r.onsuccess = () => resolve();
        r.onerror = () => reject(r.error);
        r.onblocked = () => resolve();
      }),
  );
  await page.reload();
  await expect(page.getByText('Chưa có cuộc thi nào')).toBeVisible();
  await page.getByRole('button', { name: 'Khôi phục Hội thi thử mất dữ liệu' }).click();
  await expect(page.getByTestId('recovered')).toContainText('16');
  await ui.tab('Chấm điểm');
  await ui.pickJudge('GK1 — Trịnh Thị Thanh');
  await expect(page.getByTestId('progress')).toHaveText('2/2 đã chấm đủ');
  const after = await page
    .locator('[data-cell]')
    .evaluateAll((els) => els.map((e) => e.textContent));
  expect(after).toEqual(before);
  expect(after.filter((v) => v).length).toBe(16);
  await ui.tab('Nhật ký');
  await page.getByRole('button', { name: 'So sánh dữ liệu máy này với sổ điểm' }).click();
  await expect(page.getByTestId('db-vs-journal')).toHaveText(
    'Điểm trên máy này khớp hoàn toàn với sổ điểm trên đĩa.',
  );
});

test('a byte changed in the journal file is named at its line', async ({ page }) => {
  const ui = await oneTeamScored(new AppPage(page), 'Hội thi thử sửa sổ điểm', SHEET[0]);
  await ui.tab('Nhật ký');
  await page.getByRole('button', { name: 'Kiểm tra toàn vẹn' }).click();
  await expect(page.getByTestId('integrity')).toContainText('Sổ điểm nguyên vẹn:');

  // Someone edits the third score in the file: "steps":36 → "steps":38
  const dir = join(app.dataDir, 'journals');
  const file = join(dir, readdirSync(dir)[0]);
  const lines = readFileSync(file, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.includes('"kind":"enter"') && l.includes('"steps":36'));
  expect(at).toBeGreaterThan(0);
  lines[at] = lines[at].replace('"steps":36', '"steps":38');
  writeFileSync(file, lines.join('\n'));
  await app.stop();
  app = await startWebApp({ dataDir: app.dataDir, port: app.port });
  await page.getByRole('button', { name: 'Kiểm tra toàn vẹn' }).click();
  await expect(page.getByTestId('integrity')).toContainText(`dòng ${at + 1}`);
  await expect(page.getByTestId('integrity')).toContainText('bị sửa');
});

test('two devices give different values for one cell: listed as a conflict, decided by a person', async ({
  page,
  browser,
}) => {
  const ui = await oneTeamScored(new AppPage(page), 'Hội thi thử hai máy', ['9']);

  // A second laptop on the same journal: it restores the contest from disk and types another value.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  const ui2 = new AppPage(page2);
  await ui2.open(app.url);
  await page2.getByRole('button', { name: 'Khôi phục Hội thi thử hai máy' }).click();
  await ui2.tab('Chấm điểm');
  await ui2.pickJudge('GK1 — Trịnh Thị Thanh');
  await expect(page2.locator('[data-cell]').first()).toHaveText('9');
  await ui2.typeSheet([['8']]);
  await ui2.waitSaved();
  await other.close();

  // Neither value wins by time or device: the cell is a conflict until someone decides.
  await ui.tab('Nhật ký');
  await page.getByRole('button', { name: 'So sánh dữ liệu máy này với sổ điểm' }).click();
  const conflicts = page.getByTestId('conflicts');
  await expect(conflicts).toContainText('1 ô có giá trị khác nhau');
  await expect(conflicts.getByRole('button', { name: /^Giữ 9/ })).toBeDisabled(); // a reason first
  await conflicts
    .getByLabel('Lý do quyết định (bắt buộc)')
    .fill('Đối chiếu phiếu giấy có chữ ký của giám khảo: 9 điểm');
  await conflicts.getByRole('button', { name: /^Giữ 9/ }).click();
  await expect(page.getByTestId('conflicts')).toHaveCount(0);
  await expect(page.getByTestId('db-vs-journal')).toHaveText(
    'Điểm trên máy này khớp hoàn toàn với sổ điểm trên đĩa.',
  );
  await expect(page.getByTestId('audit-table')).toContainText(
    'Đối chiếu phiếu giấy có chữ ký của giám khảo',
  );
});
