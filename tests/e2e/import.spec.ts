/**
 * Importing lists through the UI with real fixture files: a messy official workbook (title rows,
 * two-row merged header, numbering row, section rows) imports with a preview first; importing it
 * again changes nothing (stable codes); hostile files get a clear Vietnamese message and leave the
 * data untouched.
 */
import { expect, test, type Page } from '@playwright/test';
import { join, resolve } from 'node:path';
import { AppPage } from './pages/app-page';
import { startWebApp, type WebApp } from './support/web-app';

const fixtures = resolve(import.meta.dirname, '../fixtures/import');
let app: WebApp;
test.beforeEach(async () => {
  app = await startWebApp();
});
test.afterEach(async () => {
  await app.stop();
});

const importFile = (page: Page, file: string) => new AppPage(page).importFile(join(fixtures, file));

test('entrants from a messy workbook: preview, write once, re-import updates nothing', async ({
  page,
}) => {
  const ui = new AppPage(page);
  await ui.open(app.url);
  await ui.createContest('Hội thi “Dân vận khéo”', 'Hội thi thử nhập tệp'); // its clusters Cụm 1–6 match the file
  await ui.tab('Đội thi / Mô hình');
  await importFile(page, 'good.xlsx');
  await expect(page.getByTestId('import-plan')).toContainText('Sẽ thêm');
  await expect(page.getByTestId('import-errors')).toHaveText('0 lỗi');
  await page.getByRole('button', { name: 'Ghi vào danh sách' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('entrants-table')).toContainText(
    'Dân vận khéo trong xây dựng nông thôn mới',
  );
  const rows = page.getByTestId('entrants-table').locator('tbody tr');
  const count = await rows.count();
  expect(count).toBeGreaterThan(3);

  await importFile(page, 'good.xlsx');
  await expect(page.getByTestId('import-plan')).toContainText('Sẽ thêm 0, cập nhật 0');
  await page.keyboard.press('Escape');
  await expect(rows).toHaveCount(count);
});

test('a file that is not a spreadsheet is refused with a message naming it; nothing changes', async ({
  page,
}) => {
  const ui = new AppPage(page);
  await ui.open(app.url);
  await ui.createContest('Bình xét mô hình “Dân vận khéo”', 'Bình xét thử tệp hỏng');
  await ui.tab('Đội thi / Mô hình');
  for (const bad of ['not-a-spreadsheet.pdf', 'zip-bomb.xlsx', 'empty.csv']) {
    await importFile(page, bad);
    await expect(page.getByTestId('import-error')).toBeVisible();
    await expect(page.getByTestId('import-error')).not.toBeEmpty();
    await page.keyboard.press('Escape');
  }
  await importFile(page, 'not-a-spreadsheet.pdf');
  await expect(page.getByTestId('import-error')).toContainText('not-a-spreadsheet.pdf');
  await page.keyboard.press('Escape');
  await expect(page.getByText('Chưa có đội thi / mô hình nào trong vòng này.')).toBeVisible();
});
