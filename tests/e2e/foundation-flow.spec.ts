/**
 * The foundation flow, as a secretary does it: create a contest from the Hội thi template, add
 * teams and judges, type three judges' sheets by keyboard, read the live scoreboard, export the
 * Excel scoreboard and the PDF certificates, and check both files with readers we did not write.
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
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

const TEAMS = [
  ['Đội Phường Hoàn Kiếm', 'Đảng ủy phường Hoàn Kiếm'],
  ['Đội Xã Ứng Hòa', 'Đảng ủy xã Ứng Hòa'],
  ['Đội Phường Yên Hòa', 'Đảng ủy phường Yên Hòa'],
] as const;
const JUDGES = [
  ['Nguyễn Thị Hằng', 'Phó Trưởng Ban Dân vận', 'Ban Dân vận Thành ủy'],
  ['Trần Văn Đức', 'Chuyên viên', 'Sở Nội vụ'],
  ['Lê Thị Ánh Tuyết', 'Phó Chủ tịch', 'Hội Liên hiệp Phụ nữ'],
] as const;
// 8 leaf criteria (max 10,10 | 20,10 | 20,10,15,5). Per judge, per team.
const SHEETS: Record<number, string[][]> = {
  0: [
    ['9', '8,5', '18', '9', '18', '9', '13', '4,5'],
    ['8', '8', '16', '8', '17', '8', '12', '4'],
    ['7', '7,5', '15', '7', '15', '7', '11', '4'],
  ],
  1: [
    ['9,5', '9', '19', '9', '19', '9', '14', '5'],
    ['8', '8.5', '16', '8', '16', '8', '12', '4,25'],
    ['7', '7', '14', '7', '15', '7', '10', '3,5'],
  ],
  2: [
    ['9', '9', '18', '9', '18', '9', '13', '4,5'],
    ['8,5', '8', '17', '8', '16', '8', '13', '4'],
    ['7', '7', '15', '7', '15', '7', '11', '4'],
  ],
};
const total = (row: string[]) => row.reduce((s, v) => s + Number(v.replace(',', '.')), 0);

test('create → teams → judges → keyboard scoring → live scoreboard → Excel and PDF exports', async ({
  page,
}) => {
  const ui = new AppPage(page);
  await ui.open(app.url);
  await ui.createContest('Hội thi “Dân vận khéo”', 'Hội thi “Dân vận khéo” quận Ba Đình 2026');

  await ui.tab('Đội thi / Mô hình');
  for (const [name, unit] of TEAMS) await ui.addEntrant(name, unit, 'Cụm 1');
  await page.getByLabel('Tìm (không cần dấu)…').fill('ung hoa');
  await expect(page.getByTestId('entrants-table').getByRole('row')).toHaveCount(2); // header + Ứng Hòa
  await page.getByLabel('Tìm (không cần dấu)…').fill('');

  await ui.tab('Giám khảo');
  for (const [name, title, unit] of JUDGES) await ui.addJudge(name, title, unit);

  await ui.tab('Chấm điểm');
  for (let j = 0; j < JUDGES.length; j++) {
    await ui.pickJudge(`GK${j + 1} — ${JUDGES[j][0]}`);
    if (j === 0) {
      // Out-of-range and off-step values are refused with a reason, and nothing is saved.
      await page.locator('[role="gridcell"][aria-colindex="3"]').first().click();
      await page.keyboard.type('85');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('score-error')).toContainText('vượt quá điểm tối đa 10');
      await page.keyboard.press('Escape');
      await page.keyboard.type('8,3');
      await page.keyboard.press('Tab');
      await expect(page.getByTestId('score-error')).toContainText('bước 0,5');
      await page.keyboard.press('Escape');
    }
    await ui.typeSheet(SHEETS[j]);
    await ui.waitSaved();
    await expect(page.getByTestId('progress')).toHaveText('3/3 đã chấm đủ');
    await expect(page.locator(`[data-total]`).first()).toHaveText(
      String(total(SHEETS[j][0])).replace('.', ','),
    );
    await ui.submitSheet(); // every sheet submitted: the results are final, not provisional
  }

  await ui.tab('Kết quả');
  const cluster1 = page.getByTestId('scoreboard').first();
  const means = TEAMS.map((_, t) => [0, 1, 2].reduce((s, j) => s + total(SHEETS[j][t]), 0) / 3);
  const order = [...means.keys()].sort((a, b) => means[b] - means[a]);
  const rows = cluster1.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    await expect(rows.nth(i)).toHaveAttribute('data-entrant', TEAMS[order[i]][0]);
    const expected = (Math.round(means[order[i]] * 100 + 1e-9) / 100).toFixed(2).replace('.', ',');
    await expect(rows.nth(i).getByTestId('mean')).toHaveText(expected);
    await expect(rows.nth(i).getByTestId('rank')).toContainText(String(i + 1));
  }
  await page.screenshot({ path: test.info().outputPath('scoreboard.png'), fullPage: true });

  const dir = mkdtempSync(join(tmpdir(), 'gk-dl-'));
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Xuất bảng điểm Excel' }).click(),
  ]);
  const xlsxPath = join(dir, xlsx.suggestedFilename());
  await xlsx.saveAs(xlsxPath);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const cells = execFileSync('/usr/bin/python3', [
    '-c',
    `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps([[c for c in row] for ws in wb.worksheets for row in ws.iter_rows(values_only=True)], ensure_ascii=False, default=str))
`,
    xlsxPath,
  ]).toString();
  for (const [name] of TEAMS) expect(cells).toContain(name);
  expect(cells).toContain('Cụm 1');

  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'In giấy khen PDF' }).click(),
  ]);
  const pdfPath = join(dir, pdf.suggestedFilename());
  await pdf.saveAs(pdfPath);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString().normalize('NFC');
  expect(text).toContain(TEAMS[order[0]][0]);
  expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
  const fonts = execFileSync('pdffonts', [pdfPath]).toString();
  expect(fonts).toMatch(/Tinos/);
  expect(fonts).not.toMatch(/Helvetica/);

  // Printable score sheets, pre-filled: one per judge for the cluster, signature line included.
  await ui.tab('Chấm điểm');
  const [sheets] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'In phiếu đã chấm' }).click(),
  ]);
  const sheetsPath = join(dir, sheets.suggestedFilename());
  await sheets.saveAs(sheetsPath);
  const sheetText = execFileSync('pdftotext', ['-layout', sheetsPath, '-'])
    .toString()
    .normalize('NFC');
  expect(sheetText).toContain('PHIẾU CHẤM ĐIỂM');
  for (const [name] of JUDGES) expect(sheetText).toContain(name);
  expect(sheetText).toContain('8,5');
});
