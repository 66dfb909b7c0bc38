/** Contests the e2e tests start from, built through the UI as a secretary would. */
import type { AppPage } from '../pages/app-page';

/** A paper sheet of the Hội thi template: two teams × the eight criteria. */
export const SHEET = [
  ['9', '8,5', '18', '9', '18', '9', '13', '4,5'],
  ['8', '8', '16', '8', '17', '8', '12', '4,25'],
];

/** A Hội thi with two teams in Cụm 1 and one judge whose sheet holds SHEET, saved. */
export async function scoredContest(
  ui: AppPage,
  url: string,
  name: string,
  dataDir?: string,
): Promise<AppPage> {
  await ui.open(url);
  await ui.createContest('Hội thi “Dân vận khéo”', name);
  await ui.tab('Đội thi / Mô hình');
  await ui.addEntrant('Đội Phường Láng Hạ', 'Phường Láng Hạ', 'Cụm 1');
  await ui.addEntrant('Đội Xã Minh Phú', 'Xã Minh Phú', 'Cụm 1');
  await ui.tab('Giám khảo');
  await ui.addJudge('Trịnh Thị Thanh', 'Chuyên viên', 'Ban Dân vận');
  await ui.tab('Chấm điểm');
  await ui.pickJudge('GK1 — Trịnh Thị Thanh');
  await ui.typeSheet(SHEET);
  await ui.waitSaved(dataDir);
  return ui;
}
