/**
 * "Mở dữ liệu mẫu" from a fresh install: one click gives a city contest whose every screen works
 * (scores, results with prizes, the explain view, the analysis), and the 1,045-model award round.
 */
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { startWebApp, type WebApp } from './support/web-app';

let app: WebApp;
test.beforeEach(async () => {
  app = await startWebApp();
});
test.afterEach(async () => {
  await app.stop();
});

test('city contest sample: scoreboards, prizes, explain and sensitivity', async ({ page }) => {
  const ui = new AppPage(page);
  await ui.open(app.url);
  await page.getByRole('button', { name: 'Hội thi cấp thành phố (6 cụm, chung khảo)' }).click();
  await expect(
    page.getByRole('heading', { name: /Hội thi “Dân vận khéo” Thành phố/ }),
  ).toBeVisible();
  await ui.tab('Kết quả');
  const boards = page.getByTestId('scoreboard');
  await expect(boards).toHaveCount(6);
  for (let i = 0; i < 6; i++)
    await expect(
      boards.nth(i).getByTestId('prize').filter({ hasText: 'Giải Nhất' }),
    ).not.toHaveCount(0);
  await boards.first().locator('tbody tr').first().getByRole('button').click();
  await expect(page.getByTestId('explain')).toContainText('Từ điểm của giám khảo đến xếp hạng');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Phân tích độ nhạy và giám khảo' }).click();
  await expect(page.getByTestId('sensitivity').first()).toBeVisible();
  await expect(page.getByTestId('consistency').first().locator('tbody tr')).toHaveCount(5);
  const head = page.getByTestId('scoreboard').first().locator('thead');
  await expect(head.locator('th', { hasText: /^GK\d$/ })).toHaveCount(5); // the cluster's own panel only
  for (const h of ['TB giám khảo', 'Khách quan', 'Kết quả']) await expect(head).toContainText(h);
  await page.screenshot({ path: test.info().outputPath('city-results.png'), fullPage: false });
});

test('award round sample: 1,045 models open and tally', async ({ page }) => {
  test.setTimeout(240_000);
  const ui = new AppPage(page);
  await ui.open(app.url);
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Bình xét 1.045 mô hình cấp tỉnh' }).click();
  await expect(page.getByRole('heading', { name: /Bình xét mô hình/ })).toBeVisible({
    timeout: 180_000,
  });
  await ui.tab('Đội thi / Mô hình');
  await expect(page.getByText('1045 đội thi / mô hình')).toBeVisible({ timeout: 60_000 });
  await ui.tab('Kết quả');
  // The board is virtualised: all 1,045 rows are in the table's row count, a screenful in the page.
  await expect(page.getByTestId('scoreboard')).toHaveAttribute('aria-rowcount', '1046', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('provisional')).toHaveCount(0);
  console.log(`award sample: loaded and tallied in ${Date.now() - t0} ms`);
});
