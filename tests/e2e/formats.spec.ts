/**
 * Contest formats as boards run them, set up and tallied through the UI: a final with a prize
 * ladder per khối and a side prize for the best part; an award round with field panels (each judge
 * sees only their fields' models) and a pass mark that depends on the area with a floor per
 * standard, ending in the recognised → exemplary → commended funnel.
 */
import { expect, test, type Page } from '@playwright/test';
import { join, resolve } from 'node:path';
import { AppPage } from './pages/app-page';
import { startWebApp, type WebApp } from './support/web-app';

const fixtures = resolve(import.meta.dirname, '../fixtures/e2e');
let app: WebApp;
test.beforeEach(async () => {
  app = await startWebApp();
});
test.afterEach(async () => {
  await app.stop();
});

async function importFile(page: Page, file: string) {
  await new AppPage(page).importFile(join(fixtures, file));
  await expect(page.getByTestId('import-errors')).toHaveText('0 lỗi');
  await page.getByRole('button', { name: 'Ghi vào danh sách' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await page.keyboard.press('Escape');
}

// Criteria: Chào hỏi 10,10 · Kiến thức 20,10 · Tiểu phẩm 20,10,15,5
const FINAL: Record<string, string[]> = {
  'Đội Quận Ba Đình': ['9', '9', '18', '9', '18', '9', '13', '4'], // 89, Tiểu phẩm 44
  'Đội Huyện Sóc Sơn': ['8', '8', '15', '8', '19', '10', '15', '5'], // 88, Tiểu phẩm 49 (best part)
  'Đội Quận Tây Hồ': ['7', '7', '14', '7', '15', '7', '11', '3'], // 71
  'Đội Sở Y tế': ['8', '8', '16', '8', '16', '8', '12', '4'], // 80
  'Đội Công an Thành phố': ['9', '8', '17', '9', '17', '8', '12', '4'], // 84
};

test('final with a prize ladder per khối and a best-part side prize', async ({ page }) => {
  const ui = new AppPage(page);
  await ui.open(app.url);
  await ui.createContest('Hội thi “Dân vận khéo”', 'Hội thi thử giải theo khối');
  await page.getByText('Vòng chung khảo', { exact: true }).click();
  await ui.tab('Thiết lập');
  const rules = page.getByTestId('prize-rules');
  await rules.getByLabel('Cơ cấu giải riêng cho từng khối').check();
  await rules
    .getByLabel(/Giải theo khối/)
    .fill('[Quận, huyện]\nGiải Nhất: 1\nGiải Nhì: 1\n[Sở, ngành]\nGiải Nhất: 1');
  await rules.getByRole('combobox', { name: 'Giải phụ: phần thi hay nhất' }).click({ force: true }); // Mantine's pill box sits over the input
  await page.getByRole('option', { name: 'Tiểu phẩm' }).click();
  await rules.getByRole('button', { name: 'Lưu quy định giải' }).click();
  await expect(rules.getByRole('status')).toHaveText('Đã lưu.');

  await ui.tab('Đội thi / Mô hình');
  await importFile(page, 'final-teams.csv');
  await ui.tab('Giám khảo');
  await ui.addJudge('Hoàng Thị Lan', 'Phó Trưởng ban', 'Ban Tuyên giáo');
  await ui.addJudge('Bùi Quang Vinh', 'Chuyên viên', 'Hội Nông dân');
  await ui.tab('Chấm điểm');
  for (const j of ['GK1 — Hoàng Thị Lan', 'GK2 — Bùi Quang Vinh']) {
    await ui.pickJudge(j);
    await ui.typeSheet(Object.values(FINAL));
    await ui.waitSaved();
    await expect(page.getByTestId('progress')).toHaveText('5/5 đã chấm đủ');
  }
  await ui.tab('Kết quả');
  const prizeOf = (team: string) => page.locator(`tr[data-entrant="${team}"]`).getByTestId('prize');
  await expect(prizeOf('Đội Quận Ba Đình')).toHaveText('Giải Nhất');
  await expect(prizeOf('Đội Huyện Sóc Sơn')).toHaveText('Giải Nhì');
  await expect(prizeOf('Đội Quận Tây Hồ')).toHaveText('');
  await expect(prizeOf('Đội Công an Thành phố')).toHaveText('Giải Nhất'); // its own khối's ladder
  await expect(prizeOf('Đội Sở Y tế')).toHaveText('');
  await expect(page.getByTestId('side-prizes')).toContainText(
    'Phần thi Tiểu phẩm hay nhất: Đội Huyện Sóc Sơn',
  );
  await expect(page.locator('tr[data-entrant="Đội Sở Y tế"]')).toContainText('Sở, ngành');
  await page.screenshot({ path: test.info().outputPath('group-ladder.png'), fullPage: true });
});

// Award rubric: five standards × two criteria of 10 points.
const MODELS: Record<string, string[]> = {
  'Tổ hòa giải ở cơ sở gắn với dân': ['9', '9', '9', '9', '9', '9', '9', '9', '9', '8'], // 89, đô thị needs 90 → not recognised
  'Vận động hiến đất làm đường': ['7', '6', '7', '6', '7', '6', '7', '6', '7', '6'], // 65, miền núi needs 60 → recognised
  'Camera an ninh tự quản': ['10', '10', '10', '10', '10', '10', '10', '10', '8', '7'], // 95 → recognised, best
  'Chợ nông sản sạch': ['10', '10', '10', '10', '10', '10', '10', '10', '1', '1'], // 82 but standard 5 has 2 of 20 → floor fails
};

test('award round with field panels and an area-dependent pass mark with a floor', async ({
  page,
}) => {
  const ui = new AppPage(page);
  await ui.open(app.url);
  await ui.createContest('Bình xét mô hình “Dân vận khéo”', 'Bình xét thử tổ thẩm định');
  await ui.tab('Thiết lập');
  const rules = page.getByTestId('prize-rules');
  await rules.getByLabel('Ngưỡng chung (điểm)').fill('80');
  await rules.getByLabel(/Ngưỡng riêng/).fill('đô thị: 90\nmiền núi, hải đảo: 60');
  await rules.getByLabel('Số mô hình tiêu biểu').fill('1');
  await rules.getByLabel('Số mô hình khen thưởng').fill('1');
  await rules.getByRole('button', { name: 'Lưu quy định giải' }).click();
  await expect(rules.getByRole('status')).toHaveText('Đã lưu.');

  await ui.tab('Đội thi / Mô hình');
  await importFile(page, 'award-models.csv');
  await ui.tab('Giám khảo');
  await ui.addJudge('Ngô Thị Mai', 'Chuyên viên', 'Sở Nông nghiệp');
  await ui.addJudge('Lý Văn Hải', 'Chuyên viên', 'Công an tỉnh');
  const fieldsOf = (name: string) =>
    page.getByRole('combobox', { name: `Lĩnh vực chấm của ${name}` });
  await fieldsOf('Ngô Thị Mai').click();
  await page.getByRole('option', { name: 'Kinh tế' }).click();
  await page.keyboard.press('Escape');
  await fieldsOf('Lý Văn Hải').click();
  await page.getByRole('option', { name: 'Văn hóa – xã hội' }).click();
  await page.getByRole('option', { name: 'Quốc phòng – an ninh' }).click();
  await page.keyboard.press('Escape');

  await ui.tab('Chấm điểm');
  await ui.pickJudge('GK1 — Ngô Thị Mai');
  const rows = page.locator('.rdg-row');
  await expect(rows).toHaveCount(2); // only the Kinh tế models
  await expect(page.getByRole('grid')).toContainText('Vận động hiến đất làm đường');
  await expect(page.getByRole('grid')).not.toContainText('Camera an ninh tự quản');
  await ui.typeSheet([MODELS['Vận động hiến đất làm đường'], MODELS['Chợ nông sản sạch']]);
  await ui.waitSaved();
  await ui.pickJudge('GK2 — Lý Văn Hải');
  await expect(rows).toHaveCount(2);
  await ui.typeSheet([MODELS['Tổ hòa giải ở cơ sở gắn với dân'], MODELS['Camera an ninh tự quản']]);
  await ui.waitSaved();

  await ui.tab('Kết quả');
  const outcome = (m: string) => page.locator(`tr[data-entrant="${m}"]`).getByTestId('prize');
  await expect(outcome('Camera an ninh tự quản')).toHaveText('Khen thưởng');
  await expect(outcome('Vận động hiến đất làm đường')).toHaveText('Công nhận');
  await expect(outcome('Tổ hòa giải ở cơ sở gắn với dân')).toHaveText('');
  await expect(outcome('Chợ nông sản sạch')).toHaveText('');
  // Best K across the two panels, standardised per judge by default
  await page.getByRole('button', { name: 'Phân tích độ nhạy và giám khảo' }).click();
  await page.getByTestId('best-k').getByLabel('Số mô hình (K)').fill('2');
  await expect(page.getByTestId('best-k').locator('.mantine-Badge-root')).toHaveCount(2);
  await expect(page.getByTestId('funnel-summary')).toContainText('2');
  // Each model's result comes from its own field panel only.
  await page.getByRole('button', { name: 'Chợ nông sản sạch' }).click();
  await expect(page.getByTestId('explain')).toContainText('Không được phân công chấm');
});
