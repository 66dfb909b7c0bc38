/** Page object for the app: the steps a secretary takes, in the words of the UI. */
import { expect, type Page } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** "<contestId>|<deviceId>#<seq>" of every complete line of every journal file in a data folder. */
export function journalRefs(dataDir: string): Set<string> {
  const dir = join(dataDir, 'journals');
  const out = new Set<string>();
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (!line.endsWith('}')) continue;
      const e = JSON.parse(line) as { contestId: string; deviceId: string; seq: number };
      out.add(`${e.contestId}|${e.deviceId}#${e.seq}`);
    }
  }
  return out;
}

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

  async createContest(
    template: 'Hội thi “Dân vận khéo”' | 'Bình xét mô hình “Dân vận khéo”',
    name: string,
    year = 2026,
  ) {
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

  async tab(
    name:
      | 'Thiết lập'
      | 'Đội thi / Mô hình'
      | 'Giám khảo'
      | 'Chấm điểm'
      | 'Điểm thư ký'
      | 'Kết quả'
      | 'Nhật ký',
  ) {
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
  async mode(
    label: 'Nhập trực tiếp' | 'Phiếu giấy — lần 1' | 'Phiếu giấy — lần 2' | 'Đối chiếu nhập kép',
  ) {
    await this.page.getByText(label, { exact: true }).click();
  }

  /** Open the import wizard of the current list and pick `file` (an absolute path). */
  async importFile(file: string) {
    await this.page.getByRole('button', { name: 'Nhập từ Excel/CSV' }).click();
    const [chooser] = await Promise.all([
      this.page.waitForEvent('filechooser'),
      this.page.getByRole('button', { name: 'Chọn tệp .xlsx hoặc .csv…' }).click(),
    ]);
    await chooser.setFiles(file);
  }

  /** Submit the open judge's sheet (the confirmation dialog's button too). */
  async submitSheet() {
    await this.page.getByRole('button', { name: 'Nộp phiếu' }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Nộp phiếu' }).click();
    await expect(this.page.getByRole('dialog')).toHaveCount(0);
  }

  /**
   * Saved means saved: the badge says so, this browser's outbox is empty, and — given the server's
   * data folder — every event in this browser's database is a line of a journal file on disk.
   */
  async waitSaved(dataDir?: string) {
    await expect(this.page.getByTestId('save-status')).toHaveText('Đã lưu');
    await expect
      .poll(() => this.localEvents('outbox').then((r) => r.length), { message: 'outbox empty' })
      .toBe(0);
    if (!dataDir) return;
    await expect
      .poll(
        async () => {
          const onDisk = journalRefs(dataDir);
          return (await this.localEvents('events')).filter((r) => !onDisk.has(r)).length;
        },
        { message: 'every local event in the journal file' },
      )
      .toBe(0);
  }

  /** "<contestId>|<deviceId>#<seq>" of every row of an IndexedDB table keyed [contestId, deviceId, seq]. */
  localEvents(table: 'events' | 'outbox'): Promise<string[]> {
    return this.page.evaluate(
      (name) =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('giamkhao');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const req = db.transaction(name, 'readonly').objectStore(name).getAllKeys();
            req.onsuccess = () => {
              resolve(
                (req.result as [string, string, number][]).map(([c, d, s]) => `${c}|${d}#${s}`),
              );
              db.close();
            };
            req.onerror = () => reject(req.error);
          };
        }),
      table,
    );
  }
}
