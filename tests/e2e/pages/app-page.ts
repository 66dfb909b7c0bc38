/** Page object for the app: the steps a secretary takes, in the words of the UI. */
import { expect, type Page } from '@playwright/test';

export class AppPage {
  constructor(readonly page: Page) {}

  async open(url: string) {
    await this.page.goto(url);
    await expect(this.page.getByText('Giám khảo').first()).toBeVisible();
  }

  /** Mantine Select: open the combobox by its label, pick the option. */
  async choose(label: string, option: string) {
    await this.page.getByRole('combobox', { name: label, exact: true }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async createContest(template: 'Hội thi “Dân vận khéo”' | 'Bình xét mô hình “Dân vận khéo”', name: string, year = 2026) {
    await this.choose('Mẫu', template);
    await this.page.getByLabel('Tên cuộc thi').fill(name);
    await this.page.getByLabel('Năm').fill(String(year));
    await this.page.getByRole('button', { name: 'Tạo', exact: true }).click();
    await expect(this.page.getByRole('heading', { name })).toBeVisible();
  }

  async openContest(name: string) {
    await this.page.getByRole('button', { name: `Mở ${name}` }).click();
    await expect(this.page.getByRole('heading', { name })).toBeVisible();
  }

  async tab(name: 'Thiết lập' | 'Đội thi / Mô hình' | 'Giám khảo' | 'Chấm điểm' | 'Điểm thư ký' | 'Kết quả' | 'Nhật ký') {
    await this.page.getByRole('tab', { name }).click();
  }

  async addEntrant(name: string, unit: string, cluster?: string) {
    await this.page.getByLabel('Tên đội / mô hình').fill(name);
    await this.page.getByLabel('Đơn vị', { exact: true }).fill(unit);
    if (cluster) await this.choose('Cụm thi', cluster);
    await this.page.getByRole('button', { name: 'Thêm', exact: true }).click();
    await expect(this.page.getByTestId('entrants-table').getByText(name)).toBeVisible();
  }

  async addJudge(name: string, title: string, unit: string, role?: 'Trưởng ban') {
    await this.page.getByLabel('Họ và tên').fill(name);
    await this.page.getByLabel('Chức vụ').fill(title);
    await this.page.getByLabel('Đơn vị công tác').fill(unit);
    if (role) await this.choose('Vai trò', role);
    await this.page.getByRole('button', { name: 'Thêm giám khảo' }).click();
    await expect(this.page.getByTestId('judges-table').getByText(name)).toBeVisible();
  }

  async pickJudge(label: string) {
    await this.choose('Giám khảo', label);
  }

  /** Focus the first score cell of the grid, then type every value with Tab between them. */
  async typeSheet(values: readonly (readonly string[])[]) {
    const first = this.page.locator('[role="gridcell"][aria-colindex="3"]').first();
    await first.click();
    for (const row of values) {
      for (const v of row) {
        await this.page.keyboard.type(v);
        await this.page.keyboard.press('Tab');
      }
    }
  }

  /** The entry mode above the grid (a segmented control). */
  async mode(label: 'Nhập trực tiếp' | 'Phiếu giấy — lần 1' | 'Phiếu giấy — lần 2' | 'Đối chiếu nhập kép') {
    await this.page.getByText(label, { exact: true }).click();
  }

  /** Open the import wizard of the current list and pick `file` (an absolute path). */
  async importFile(file: string) {
    await this.page.getByRole('button', { name: 'Nhập từ Excel/CSV' }).click();
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), this.page.getByRole('button', { name: 'Chọn tệp .xlsx hoặc .csv…' }).click()]);
    await chooser.setFiles(file);
  }

  async waitSaved() {
    await expect(this.page.getByTestId('save-status')).toHaveText('Đã lưu');
  }
}
