/**
 * "Nothing changes a result silently", seen from the UI: the two copies heal each other, damaged
 * files on disk are named on the home screen, and removing a judge who has scored is asked for,
 * needs a reason, and shows in the audit.
 */
import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppPage, journalRefs } from './pages/app-page';
import { scoredContest } from './support/contests';
import { startWebApp, type WebApp } from './support/web-app';

let app: WebApp;
test.beforeEach(async () => {
  app = await startWebApp();
});
test.afterEach(async () => {
  await app.stop();
});

const scored = (page: Page, name: string) =>
  scoredContest(new AppPage(page), app.url, name, app.dataDir);

const journalFile = () => {
  const dir = join(app.dataDir, 'journals');
  return join(dir, readdirSync(dir)[0]);
};

/** Type one more value into the first cell of the second row and wait until it is saved. */
async function saveOneMore(page: Page, ui: AppPage, value: string) {
  await page.locator('[role="gridcell"][aria-colindex="3"]').nth(1).click();
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
  await ui.waitSaved(app.dataDir);
}

test('finding: after the journal lost confirmed lines, every later save stayed "chỉ lưu trên máy này" — now the next save refills the file and is saved', async ({
  page,
}) => {
  const ui = await scored(page, 'Hội thi thử cắt sổ điểm');
  const before = journalRefs(app.dataDir);
  // The last five lines vanish (a copy tool, a restored backup of the folder) while the app runs.
  const lines = readFileSync(journalFile(), 'utf8').split('\n').filter(Boolean);
  writeFileSync(
    journalFile(),
    lines
      .slice(0, -5)
      .map((l) => `${l}\n`)
      .join(''),
  );
  await saveOneMore(page, ui, '7');
  for (const ref of before) expect(journalRefs(app.dataDir).has(ref)).toBe(true);
  await ui.tab('Nhật ký');
  await page.getByRole('button', { name: 'Kiểm tra toàn vẹn' }).click();
  await expect(page.getByTestId('integrity')).toContainText('Sổ điểm nguyên vẹn');
});

test('finding: a deleted journal verified as "nguyên vẹn: 0 sự kiện" — now it is named as missing, refilled, and saves go on', async ({
  page,
}) => {
  const ui = await scored(page, 'Hội thi thử xóa sổ điểm');
  const before = journalRefs(app.dataDir);
  rmSync(journalFile());
  await ui.tab('Nhật ký');
  await page.getByRole('button', { name: 'Kiểm tra toàn vẹn' }).click();
  await expect(page.getByTestId('integrity')).toContainText('thiếu');
  await expect(page.getByTestId('integrity')).not.toContainText('nguyên vẹn');
  await ui.tab('Chấm điểm');
  await ui.pickJudge('GK1 — Trịnh Thị Thanh');
  await saveOneMore(page, ui, '6');
  for (const ref of before) expect(journalRefs(app.dataDir).has(ref)).toBe(true);
  await ui.tab('Nhật ký');
  await page.getByRole('button', { name: 'Kiểm tra toàn vẹn' }).click();
  await expect(page.getByTestId('integrity')).toContainText('Sổ điểm nguyên vẹn');
});

test('finding: a damaged setup file with the browser database gone showed "Chưa có cuộc thi nào" — now it is named and the contest comes back from the journal', async ({
  page,
}) => {
  const ui = await scored(page, 'Hội thi thử hỏng cấu hình');
  const before = await page
    .locator('[data-cell]')
    .evaluateAll((els) => els.map((e) => e.textContent));
  const dir = join(app.dataDir, 'contests');
  const file = readdirSync(dir).find((f) => f.endsWith('.json'))!;
  writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').slice(0, 200)); // cut mid-write
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const r = indexedDB.deleteDatabase('giamkhao');
        r.onsuccess = r.onerror = r.onblocked = () => resolve();
      }),
  );
  await page.reload();
  const problems = page.getByTestId('disk-problems');
  await expect(problems).toContainText(`contests/${file}`);
  await expect(problems).toContainText('bị hỏng');
  await expect(problems).toContainText('Hội thi thử hỏng cấu hình');
  await problems
    .getByRole('button', { name: 'Khôi phục Hội thi thử hỏng cấu hình từ sổ điểm' })
    .click();
  await expect(page.getByTestId('recovered')).toContainText('16');
  await ui.tab('Chấm điểm');
  await ui.pickJudge('GK1 — Trịnh Thị Thanh');
  await expect(page.getByTestId('progress')).toHaveText('2/2 đã chấm đủ');
  expect(
    await page.locator('[data-cell]').evaluateAll((els) => els.map((e) => e.textContent)),
  ).toEqual(before);
  // The setup copy on disk is rebuilt from the journal with the next change.
  await ui.tab('Đội thi / Mô hình');
  await ui.addEntrant('Đội Phường Yên Hòa', 'Phường Yên Hòa', 'Cụm 1');
  await expect
    .poll(() => {
      try {
        return JSON.parse(readFileSync(join(dir, file), 'utf8')).bundle.entrants.length as number;
      } catch {
        return -1;
      }
    })
    .toBe(3);
});

test('finding: "Xóa" on a judge who had scored deleted at once — now it asks, needs a reason, and the audit shows it', async ({
  page,
}) => {
  const ui = await scored(page, 'Hội thi thử xóa giám khảo');
  await ui.tab('Giám khảo');
  await page.getByRole('button', { name: 'Xóa giám khảo Trịnh Thị Thanh' }).click();
  const dialog = page.getByRole('dialog', { name: 'Xóa giám khảo Trịnh Thị Thanh?' });
  await expect(dialog).toContainText('đã chấm 16 điểm');
  const confirm = dialog.getByRole('button', { name: 'Xóa giám khảo' });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('button', { name: 'Hủy' }).click();
  await expect(page.getByTestId('judges-table')).toContainText('Trịnh Thị Thanh');
  await page.getByRole('button', { name: 'Xóa giám khảo Trịnh Thị Thanh' }).click();
  await dialog
    .getByLabel('Lý do xóa (bắt buộc)')
    .fill('Giám khảo có quan hệ gia đình với đội Xã Minh Phú');
  await confirm.click();
  await expect(page.getByTestId('judges-table')).toHaveCount(0);
  await ui.tab('Nhật ký');
  await expect(page.getByTestId('audit-table')).toContainText(
    'Giám khảo có quan hệ gia đình với đội Xã Minh Phú',
  );
  await expect(page.getByTestId('audit-table')).toContainText('Thiết lập: giám khảo');
});
