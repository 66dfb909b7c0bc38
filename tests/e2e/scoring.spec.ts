/**
 * Scoring as the issue describes it: a judge signs in with a PIN and sees only their own sheet;
 * submitting makes it read-only until the head judge reopens it with a recorded reason; a paper
 * sheet typed twice lists every mismatch and counts only once verified; the audit log shows each
 * change with who, old → new and the reason.
 */
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { startWebApp, type WebApp } from './support/web-app';

let app: WebApp;
test.beforeEach(async () => {
  app = await startWebApp();
});
test.afterEach(async () => {
  await app.stop();
});

const ROW = ['9', '8,5', '18', '9', '18', '9', '13', '4,5']; // 89 points

async function setUp(page: Page, ui: AppPage, name: string) {
  await ui.open(app.url);
  await ui.createContest('Hội thi “Dân vận khéo”', name);
  await ui.tab('Đội thi / Mô hình');
  await ui.addEntrant('Đội Phường Cửa Nam', 'Phường Cửa Nam', 'Cụm 1');
  await ui.addEntrant('Đội Xã Đông Anh', 'Xã Đông Anh', 'Cụm 1');
  await ui.tab('Giám khảo');
  await ui.addJudge('Phạm Thị Thu Hà', 'Phó Trưởng ban', 'Ban Dân vận');
  await ui.addJudge('Đỗ Văn Toàn', 'Chuyên viên', 'Sở Văn hóa');
}

test('judge session with PIN, submit, head judge reopens with a reason, audit trail', async ({
  page,
}) => {
  const ui = new AppPage(page);
  await setUp(page, ui, 'Hội thi thử chấm điểm');
  // Head judge and a PIN for the second judge
  await page
    .getByTestId('judges-table')
    .getByRole('row', { name: /Phạm Thị Thu Hà/ })
    .getByRole('button', { name: 'Đặt PIN' })
    .click();
  await page.getByLabel('PIN mới (4–8 chữ số)').fill('2468');
  await page.getByRole('button', { name: 'Lưu PIN' }).click();
  await expect(
    page
      .getByTestId('judges-table')
      .getByRole('row', { name: /Phạm Thị Thu Hà/ })
      .getByRole('button', { name: 'Đổi PIN' }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Giám khảo vào chấm' }).click();
  await ui.choose('Tôi là', 'Phạm Thị Thu Hà');
  await page.getByLabel('Mã PIN').fill('1111');
  await page.getByRole('button', { name: 'Mở phiếu của tôi' }).click();
  await expect(page.getByRole('alert')).toHaveText('Mã PIN không đúng.');
  await page.getByLabel('Mã PIN').fill('2468');
  await page.getByRole('button', { name: 'Mở phiếu của tôi' }).click();
  await expect(page.getByTestId('judge-session')).toContainText('Phạm Thị Thu Hà');
  await expect(page.getByRole('tab')).toHaveCount(0); // only the judge's own sheet
  await ui.typeSheet([ROW, ['8', '8', '16', '8', '17', '8', '12', '4']]);
  await ui.waitSaved();
  await expect(page.getByTestId('progress')).toHaveText('2/2 đã chấm đủ');
  // A remark for the first team, written from the keyboard (Enter on the remarks cell)
  await page.getByRole('grid').evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
  }); // columns are virtualised
  await page.locator('[role="gridcell"]:has([data-comment])').first().click();
  await page.keyboard.press('Enter');
  await page
    .getByLabel('Nhận xét của giám khảo')
    .fill('Tiểu phẩm sinh động, bám sát mô hình thực tế ở phường');
  await page.getByRole('button', { name: 'Lưu nhận xét' }).click();
  await expect(page.locator('[data-comment]').first()).toHaveText(
    'Tiểu phẩm sinh động, bám sát mô hình thực tế ở phường',
  );
  await page.getByRole('grid').evaluate((el) => {
    el.scrollLeft = 0;
  });
  await page.getByRole('button', { name: 'Nộp phiếu' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Nộp phiếu' }).click();
  await expect(page.getByTestId('sheet-state')).toHaveText('Đã nộp phiếu — chỉ xem');
  // Read-only: typing changes nothing
  await page.locator('[role="gridcell"][aria-colindex="3"]').first().click();
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-total]').first()).toHaveText('89');
  await page.getByRole('button', { name: 'Thoát' }).click();

  // Without a head judge nobody can reopen; with one, reopening needs a reason that is recorded.
  await ui.tab('Chấm điểm');
  await ui.pickJudge('GK1 — Phạm Thị Thu Hà');
  await expect(page.getByTestId('sheet-state')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mở lại phiếu (Trưởng ban)' })).toHaveCount(0);
  await ui.tab('Giám khảo');
  await ui.addJudge('Nguyễn Văn Trưởng', 'Trưởng ban', 'Thành ủy', 'Trưởng ban');
  await ui.tab('Chấm điểm');
  await ui.pickJudge('GK1 — Phạm Thị Thu Hà');
  await page.getByRole('button', { name: 'Mở lại phiếu (Trưởng ban)' }).click();
  const why = 'Giám khảo xin sửa điểm Diễn xuất do ghi nhầm';
  await page.getByLabel('Lý do (bắt buộc, được ghi vào nhật ký)').fill(why);
  await page.getByRole('dialog').getByRole('button', { name: 'Mở lại' }).click();
  await expect(page.getByTestId('sheet-state')).toHaveCount(0);
  await page.locator('[role="gridcell"][aria-colindex="9"]').first().click();
  await page.keyboard.type('14');
  await page.keyboard.press('Enter');
  await ui.waitSaved();
  await expect(page.locator('[data-total]').first()).toHaveText('90');
  await ui.tab('Nhật ký');
  const audit = page.getByTestId('audit-table');
  for (const text of [
    'Nộp phiếu',
    'Mở lại phiếu',
    why,
    'Sửa điểm',
    '13 → 14',
    'Giám khảo Phạm Thị Thu Hà',
    'Nhận xét',
    'Tiểu phẩm sinh động',
  ])
    await expect(audit).toContainText(text);
});

test('double-key entry of a paper sheet: mismatches listed, only verified values count', async ({
  page,
}) => {
  const ui = new AppPage(page);
  await setUp(page, ui, 'Hội thi thử nhập kép');
  await ui.tab('Chấm điểm');
  await ui.pickJudge('GK2 — Đỗ Văn Toàn');
  await ui.mode('Phiếu giấy — lần 1');
  await ui.typeSheet([ROW, ['8', '8', '16', '8', '17', '8', '12', '4']]);
  await ui.waitSaved();
  await ui.mode('Phiếu giấy — lần 2');
  await expect(page.locator('[data-total]').first()).toHaveText('');
  // Second typist mistypes two cells
  await ui.typeSheet(
    [
      ['9', '8,5', '18', '9', '18', '9', '13', '4,5'],
      ['8', '8', '16', '8', '71', '8', '12', '4'],
    ].map((r, i) => (i === 1 ? r.map((v) => (v === '71' ? '7' : v)) : r)),
  );
  await ui.waitSaved();
  // Nothing counts yet
  await ui.tab('Kết quả');
  await expect(page.getByTestId('scoreboard').first().getByTestId('mean').first()).toContainText(
    'chưa đủ điểm',
  );
  await ui.tab('Chấm điểm');
  await ui.pickJudge('GK2 — Đỗ Văn Toàn');
  await ui.mode('Đối chiếu nhập kép');
  await expect(page.getByTestId('mismatches').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('mismatches')).toContainText('Đội Xã Đông Anh');
  await page.getByRole('button', { name: /Xác nhận 15 ô khớp/ }).click();
  await page.getByRole('button', { name: 'Lấy lần 1 (17)' }).click();
  await expect(page.getByTestId('double-key')).toContainText('Phiếu đã được xác nhận đầy đủ.');
  await ui.tab('Kết quả');
  await expect(page.getByTestId('scoreboard').first().getByTestId('mean').first()).toHaveText(
    '89,00',
  );
  // The audit log names the verification with its reason
  await ui.tab('Nhật ký');
  await expect(page.getByTestId('audit-table')).toContainText('Xác nhận nhập kép');
  await expect(page.getByTestId('audit-table')).toContainText(
    'Đối chiếu phiếu giấy: giữ giá trị lần 1',
  );
  await expect(page.getByTestId('audit-table')).toContainText('Nhập điểm (lần 2)');
  await page.getByRole('button', { name: 'Kiểm tra toàn vẹn' }).click();
  await expect(page.getByTestId('integrity')).toContainText('Sổ điểm nguyên vẹn');
});
