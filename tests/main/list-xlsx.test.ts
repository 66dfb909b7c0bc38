/**
 * Lists exported with the importer's columns come back identical through the real reader
 * (readSpreadsheet: zip check, worker, exceljs) and the importer's mapping and preview.
 */
import { describe, expect, it } from 'vitest';
import { writeListXlsx } from '../../electron/main/exports/list-xlsx';
import { readSpreadsheet } from '../../electron/main/import/read-spreadsheet';
import { entrantsToSheet, existingEntrants, planUpsert, previewFile } from '@shared/import';
import type { ClusterId, RoundId } from '@shared/model/types';
import { anEntrant } from '../support/builders';

const clusters = [{ id: 'k1' as ClusterId, roundId: 'r1' as RoundId, name: 'Cụm 1', order: 0 }];
const entrants = [
  anEntrant({
    id: 'e1' as never,
    code: 'D001',
    name: 'Đội Phường Hoàn Kiếm',
    unit: 'Đảng ủy phường Hoàn Kiếm',
    clusterId: 'k1' as ClusterId,
    field: 'Kinh tế',
    members: ['Nguyễn Thị Hằng', 'Lê Văn Ánh'],
  }),
  anEntrant({
    id: 'e2' as never,
    code: 'D002',
    name: '=HYPERLINK("x")',
    unit: '-Xã Ứng Hòa',
    clusterId: 'k1' as ClusterId,
    group: 'Quận, huyện',
  }),
];

describe('list export → import round trip', () => {
  it('reads back every field, including formula-looking text, with nothing to create or update', async () => {
    const sheet = entrantsToSheet(entrants, clusters);
    const bytes = await writeListXlsx({
      sheets: [
        { name: sheet.name, headers: [...sheet.headers], rows: sheet.rows.map((r) => [...r]) },
      ],
    });
    const wb = await readSpreadsheet('Danh sách.xlsx', bytes);
    const preview = previewFile(wb, 'entrants', {
      clusters,
      existingCodes: ['D001', 'D002'],
      defaultKind: 'team',
    });
    expect(preview.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(preview.rows.map((r) => r.record.name)).toEqual([
      'Đội Phường Hoàn Kiếm',
      '=HYPERLINK("x")',
    ]);
    const plan = planUpsert(preview, existingEntrants(entrants, clusters));
    expect(plan.create).toHaveLength(0);
    expect(plan.update).toHaveLength(0);
    expect(plan.unchanged).toHaveLength(2);
  });
});
