/**
 * Provisional until complete, as a secretary sees it: with one judge's sheet not yet submitted the
 * results screen says "Kết quả tạm thời" and names the sheet, the exported scoreboard says so and
 * names it too, certificates need an explicit confirmation and carry the mark; after that judge
 * submits, the results are final and the exports carry no mark. Files read with openpyxl and
 * pdftotext.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppPage } from './pages/app-page';
import { startWebApp, type WebApp } from './support/web-app';

let app: WebApp;
test.beforeEach(async () => {
  app = await startWebApp();
});
test.afterEach(async () => {
  await app.stop();
});

const SHEET = [
  ['9', '8,5', '18', '9', '18', '9', '13', '4,5'],
  ['8', '8', '16', '8', '17', '8', '12', '4'],
];
const MISSING = 'GK2 Trần Văn Đức — Cụm 1: chưa nộp phiếu (2/2 đội đã chấm đủ)';
const dir = mkdtempSync(join(tmpdir(), 'gk-e2e-provisional-'));

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(dir, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return path;
}

const xlsxText = (path: string) =>
  execFileSync('/usr/bin/python3', [
    '-c',
    `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print("\\n".join(str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row if c is not None))
`,
    path,
  ]).toString();

test('one sheet missing: results and the exported scoreboard say provisional and name it; after it is submitted they are final', async ({
  page,
}) => {
  const ui = new AppPage(page);
  await ui.open(app.url);
  await ui.createContest('Hội thi “Dân vận khéo”', 'Hội thi “Dân vận khéo” phường Hoàn Kiếm 2026');
  await ui.tab('Đội thi / Mô hình');
  await ui.addEntrant('Đội Tổ dân phố số 1', 'Chi bộ Tổ dân phố số 1', 'Cụm 1');
  await ui.addEntrant('Đội Tổ dân phố số 2', 'Chi bộ Tổ dân phố số 2', 'Cụm 1');
  await ui.tab('Giám khảo');
  await ui.addJudge(
    'Nguyễn Thị Hằng',
    'Phó Trưởng Ban Dân vận',
    'Ban Dân vận Quận ủy',
    'Trưởng ban',
  );
  await ui.addJudge('Trần Văn Đức', 'Chuyên viên', 'Phòng Nội vụ');

  await ui.tab('Chấm điểm');
  for (const judge of ['GK1 — Nguyễn Thị Hằng', 'GK2 — Trần Văn Đức']) {
    await ui.pickJudge(judge);
    await ui.typeSheet(SHEET);
    await ui.waitSaved();
    await expect(page.getByTestId('progress')).toHaveText('2/2 đã chấm đủ');
  }
  await ui.pickJudge('GK1 — Nguyễn Thị Hằng');
  await page.getByRole('button', { name: 'Nộp phiếu' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Nộp phiếu' }).click();
  await expect(page.getByTestId('sheet-state')).toBeVisible();

  await ui.tab('Kết quả');
  const provisional = page.getByTestId('provisional');
  await expect(provisional).toContainText('Kết quả tạm thời');
  await expect(provisional.getByTestId('provisional-missing')).toHaveText(MISSING);
  await expect(page.getByTestId('scoreboard').locator('tbody tr')).toHaveCount(2);

  const board = await download(page, () =>
    page.getByRole('button', { name: 'Xuất bảng điểm Excel' }).click(),
  );
  const cells = xlsxText(board);
  expect(cells).toContain('BẢNG TỔNG HỢP ĐIỂM (KẾT QUẢ TẠM THỜI)');
  expect(cells).toContain(`• ${MISSING}`);
  expect(cells).toContain('Đội Tổ dân phố số 1');

  // Certificates of provisional results: an explicit confirmation, then the mark on the page.
  await page.getByRole('button', { name: 'In giấy khen PDF' }).click();
  const confirm = page.getByTestId('provisional-confirm');
  await expect(confirm).toContainText(MISSING);
  await page.getByRole('button', { name: 'Hủy' }).click();
  await expect(confirm).toBeHidden();
  await page.getByRole('button', { name: 'In giấy khen PDF' }).click();
  const pdf = await download(page, () =>
    page.getByRole('button', { name: 'Vẫn in, ghi “Kết quả tạm thời”' }).click(),
  );
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().normalize('NFC');
  expect(text).toContain('KẾT QUẢ TẠM THỜI');
  expect(text).toContain('Đội Tổ dân phố số 1');

  // Creating the final's list from provisional results needs a confirmation too; cancelled here.
  await page.getByRole('button', { name: 'Tạo danh sách Vòng chung khảo' }).click();
  await expect(page.getByTestId('provisional-confirm')).toContainText(MISSING);
  await expect(
    page.getByRole('button', { name: 'Vẫn tạo danh sách theo kết quả tạm thời' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Hủy' }).click();
  await expect(page.getByTestId('provisional-confirm')).toBeHidden();

  // The missing judge submits: the results are final, and so is the scoreboard.
  await ui.tab('Chấm điểm');
  await ui.pickJudge('GK2 — Trần Văn Đức');
  await page.getByRole('button', { name: 'Nộp phiếu' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Nộp phiếu' }).click();
  await expect(page.getByTestId('sheet-state')).toBeVisible();
  await ui.tab('Kết quả');
  await expect(page.getByTestId('results-final')).toContainText('Kết quả chính thức');
  await expect(page.getByTestId('provisional')).toHaveCount(0);
  const finalBoard = await download(page, () =>
    page.getByRole('button', { name: 'Xuất bảng điểm Excel' }).click(),
  );
  const finalCells = xlsxText(finalBoard);
  expect(finalCells).toContain('BẢNG TỔNG HỢP ĐIỂM');
  expect(finalCells).not.toMatch(/TẠM THỜI/);
  const finalPdf = await download(page, () =>
    page.getByRole('button', { name: 'In giấy khen PDF' }).click(),
  );
  expect(execFileSync('pdftotext', [finalPdf, '-']).toString().normalize('NFC')).not.toMatch(
    /TẠM THỜI/,
  );
  // Final results: the final's list is created at once, without a confirmation.
  await page.getByRole('button', { name: 'Tạo danh sách Vòng chung khảo' }).click();
  await expect(page.getByTestId('advancement')).toContainText(
    'Đã tạo 1 đội thi cho Vòng chung khảo.',
  );
});

test('an absence recorded with a reason: the results stop waiting for that sheet', async ({
  page,
}) => {
  const ui = new AppPage(page);
  await ui.open(app.url);
  await ui.createContest('Hội thi “Dân vận khéo”', 'Hội thi “Dân vận khéo” phường Cửa Nam 2026');
  await ui.tab('Đội thi / Mô hình');
  await ui.addEntrant('Đội Tổ dân phố số 3', 'Chi bộ Tổ dân phố số 3', 'Cụm 1');
  await ui.tab('Giám khảo');
  await ui.addJudge(
    'Nguyễn Thị Hằng',
    'Phó Trưởng Ban Dân vận',
    'Ban Dân vận Quận ủy',
    'Trưởng ban',
  );
  await ui.addJudge('Trần Văn Đức', 'Chuyên viên', 'Phòng Nội vụ');
  await ui.tab('Chấm điểm');
  await ui.pickJudge('GK1 — Nguyễn Thị Hằng');
  await ui.typeSheet([SHEET[0]]);
  await ui.waitSaved();
  await page.getByRole('button', { name: 'Nộp phiếu' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Nộp phiếu' }).click();
  await expect(page.getByTestId('sheet-state')).toBeVisible();

  await ui.tab('Kết quả');
  await expect(page.getByTestId('provisional-missing')).toHaveText(
    'GK2 Trần Văn Đức — Cụm 1: chưa nộp phiếu (0/1 đội đã chấm đủ)',
  );
  await ui.choose('Giám khảo không nộp phiếu', 'Trần Văn Đức');
  await page.getByLabel('Lý do (Trưởng ban ghi nhận, được lưu lại)').fill('Ốm, vắng cả buổi thi');
  await page.getByRole('button', { name: 'Ghi nhận vắng' }).click();
  await expect(page.getByTestId('results-final')).toContainText('Kết quả chính thức');
  await expect(page.getByTestId('absences')).toContainText(
    'Trần Văn Đức: không nộp phiếu — Ốm, vắng cả buổi thi (Trưởng ban ghi nhận)',
  );
});

test('a board of 150 models renders the rows in view only, and every row is reachable by scrolling', async ({
  page,
}) => {
  const ui = new AppPage(page);
  await ui.open(app.url);
  await ui.createContest('Bình xét mô hình “Dân vận khéo”', 'Bình xét thử bảng lớn');
  const csv = join(dir, 'models-150.csv');
  writeFileSync(
    csv,
    [
      'Mã,Tên mô hình,Đơn vị,Lĩnh vực,Địa bàn',
      ...Array.from(
        { length: 150 },
        (_, i) => `MH${i + 1},Mô hình số ${i + 1},Xã số ${i + 1},Kinh tế,chung`,
      ),
    ].join('\n'),
  );
  await ui.tab('Đội thi / Mô hình');
  await ui.importFile(csv);
  await expect(page.getByTestId('import-errors')).toHaveText('0 lỗi');
  await page.getByRole('button', { name: 'Ghi vào danh sách' }).click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await page.keyboard.press('Escape');
  await ui.tab('Giám khảo');
  await ui.addJudge('Ngô Thị Mai', 'Chuyên viên', 'Sở Nông nghiệp');
  await ui.tab('Kết quả');
  const board = page.getByTestId('scoreboard');
  await expect(board).toHaveAttribute('aria-rowcount', '151');
  await expect(page.getByTestId('provisional-missing')).toHaveText(
    'GK1 Ngô Thị Mai: chưa nộp phiếu (0/150 mô hình đã chấm đủ)',
  );
  const inDom = await board.locator('tbody tr[data-entrant]').count();
  expect(inDom).toBeGreaterThan(5);
  expect(inDom).toBeLessThan(80);
  await page.getByTestId('scoreboard-scroll').evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await expect(board.locator('tr[data-index="149"] td').first()).toHaveText('150');
});
