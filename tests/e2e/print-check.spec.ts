/**
 * "Kiểm tra bản in", as a secretary uses it: export the Excel scoreboard, read its printed code
 * back from the file (openpyxl, as the foundation flow reads exports), paste it into the audit tab
 * → "Khớp"; change one score → the check lists that change with old → new; then a forger with the
 * file rewrites a score and re-seals the whole chain with the app's own seal() — "Kiểm tra toàn vẹn"
 * stays green, but the printed state is no longer found.
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppPage } from './pages/app-page';
import { startWebApp, type WebApp } from './support/web-app';
import { forgeText } from '../support/forge-journal';

let app: WebApp;
test.beforeEach(async () => {
  app = await startWebApp();
});
test.afterEach(async () => {
  await app.stop();
});

const TEAMS = [
  ['Đội Phường Láng Hạ', 'Phường Láng Hạ'],
  ['Đội Xã Minh Phú', 'Xã Minh Phú'],
] as const;
const SHEET = [
  ['9', '8,5', '18', '9', '18', '9', '13', '4,5'],
  ['8', '8', '16', '8', '17', '8', '12', '4,25'],
];

/** Every cell of every sheet of the workbook, as text, read with openpyxl. */
function xlsxCells(path: string): string[] {
  const json = execFileSync('/usr/bin/python3', [
    '-c',
    `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps([str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row if c is not None], ensure_ascii=False))
`,
    path,
  ]).toString();
  return JSON.parse(json) as string[];
}

test('export → code khớp; one more change → listed; journal forged and re-sealed → printed state not found', async ({
  page,
}) => {
  const ui = new AppPage(page);
  await ui.open(app.url);
  await ui.createContest('Hội thi “Dân vận khéo”', 'Hội thi thử kiểm tra bản in');
  await ui.tab('Đội thi / Mô hình');
  for (const [name, unit] of TEAMS) await ui.addEntrant(name, unit, 'Cụm 1');
  await ui.tab('Giám khảo');
  await ui.addJudge('Trịnh Thị Thanh', 'Chuyên viên', 'Ban Dân vận');
  await ui.tab('Chấm điểm');
  await ui.pickJudge('GK1 — Trịnh Thị Thanh');
  await ui.typeSheet(SHEET);
  await ui.waitSaved();

  // Export the scoreboard and read the printed line back from the file.
  await ui.tab('Kết quả');
  const dir = mkdtempSync(join(tmpdir(), 'gk-print-'));
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Xuất bảng điểm Excel' }).click(),
  ]);
  const xlsxPath = join(dir, xlsx.suggestedFilename());
  await xlsx.saveAs(xlsxPath);
  const printedLine = xlsxCells(xlsxPath).find((c) => c.includes('Mã kiểm tra nhật ký chấm điểm:'));
  expect(printedLine).toMatch(/Mã kiểm tra nhật ký chấm điểm: [0-9A-F]{12}$/);
  const code = printedLine!.slice(-12);

  const checkPrint = async (typed: string) => {
    await ui.tab('Nhật ký');
    await page.getByLabel('Mã trên bản in').fill(typed);
    await page.getByRole('button', { name: 'Kiểm tra bản in' }).click();
    return page.getByTestId('print-check');
  };

  // The line as printed, pasted whole → khớp, nothing since.
  let verdict = await checkPrint(printedLine!);
  await expect(verdict).toHaveAttribute('data-verdict', 'matches');
  await expect(verdict).toContainText('Khớp: dữ liệu hôm nay vẫn cho đúng văn bản đã in');
  await expect(verdict).toContainText('Từ đó đến nay không có sự kiện nào mới.');

  // A typo is said to be one.
  verdict = await checkPrint(code.slice(0, 10));
  await expect(verdict).toContainText('Mã gõ nhầm: có 10 ký tự');

  // One more change after printing: Láng Hạ's first criterion 9 → 7.
  await ui.tab('Chấm điểm');
  await ui.pickJudge('GK1 — Trịnh Thị Thanh');
  await page.locator('[role="gridcell"][aria-colindex="3"]').first().click();
  await page.keyboard.type('7');
  await page.keyboard.press('Enter');
  await ui.waitSaved();
  verdict = await checkPrint(code.toLowerCase().replace(/(....)(....)(....)/, '$1-$2 $3'));
  await expect(verdict).toHaveAttribute('data-verdict', 'changed');
  await expect(verdict).toContainText(
    'Không còn khớp: sau khi in có 1 thay đổi có thể làm khác kết quả',
  );
  const rows = page.getByTestId('print-check-events').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Sửa điểm');
  await expect(rows.first()).toContainText('Đội Phường Láng Hạ');
  await expect(rows.first()).toContainText('Trịnh Thị Thanh');
  await expect(rows.first()).toContainText('9 → 7');
  await page
    .getByTestId('print-check-card')
    .screenshot({ path: test.info().outputPath('print-check-changed.png') });

  // The forger: Minh Phú's first score 8 (16 steps of 0,5) becomes 10, every later hash recomputed.
  const journals = join(app.dataDir, 'journals');
  const file = join(journals, readdirSync(journals)[0]);
  const before = readFileSync(file, 'utf8');
  const lines = before.split('\n').filter((l) => l !== '');
  const line = lines.findIndex((l) => l.includes('"kind":"enter"') && l.includes('"steps":16'));
  expect(line).toBeGreaterThanOrEqual(0);
  writeFileSync(file, forgeText(before, line, { steps: 20 }));
  await page.reload();
  await ui.openContest('Hội thi thử kiểm tra bản in');

  // The local check is fooled…
  await ui.tab('Nhật ký');
  await page.getByRole('button', { name: 'Kiểm tra toàn vẹn' }).click();
  await expect(page.getByTestId('integrity')).toContainText(
    `Sổ điểm nguyên vẹn: ${lines.length} sự kiện`,
  );
  // …the printout is not.
  verdict = await checkPrint(code);
  await expect(verdict).toHaveAttribute('data-verdict', 'notFound');
  await expect(verdict).toContainText(
    `Không tìm thấy trong dữ liệu trạng thái đã dùng để in mã ${code}`,
  );
  await expect(verdict).toContainText('Cảnh báo: sổ điểm có thể đã bị viết lại sau khi in.');
  await page
    .getByTestId('print-check-card')
    .screenshot({ path: test.info().outputPath('print-check-not-found.png') });
});
