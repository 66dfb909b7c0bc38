/**
 * Column mapping: Vietnamese headers in every spelling people type map to the right field; the
 * header row is found below titles and across merged two-row headers; the right sheet is chosen.
 */
import { describe, expect, it } from 'vitest';
import { guessMapping, findHeader, guessSheetMapping } from '../../shared/import/mapping';
import { foldVietnamese, viCollator, derivedCode } from '../../shared/import/text';
import type { ImportTarget } from '../../shared/import/fields';
import { aSheet, aWorkbook } from './import-builders';

describe('foldVietnamese', () => {
  it.each([
    ['Tên mô hình', 'ten mo hinh'],
    ['TÊN ĐỘI', 'ten doi'],
    ['  Đơn   vị  công tác ', 'don vi cong tac'],
    ['Lĩnh vực', 'linh vuc'],
    ['Trưởng ban', 'truong ban'],
    // NFD input (macOS, Windows-1258 files) folds the same as NFC.
    ['Điểm tối đa'.normalize('NFD'), 'diem toi da'],
    ['Phường Ứng Hòa', 'phuong ung hoa'],
  ])('%s → %s', (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });

  it('sorts in Vietnamese order with viCollator', () => {
    expect(
      ['Đội E', 'Đội Đ', 'Đội D', 'Đội Ă', 'Đội A', 'Đội 10', 'Đội 9'].sort(viCollator.compare),
    ).toEqual(['Đội 9', 'Đội 10', 'Đội A', 'Đội Ă', 'Đội D', 'Đội Đ', 'Đội E']);
  });

  it('derives the same code whatever the case, tones typed or spacing', () => {
    expect(derivedCode('Mô hình “Dân vận khéo”', 'Phường Láng Hạ')).toBe(
      derivedCode('  MÔ HÌNH "DÂN VẬN KHÉO" ', 'phuong  lang ha'),
    );
    expect(derivedCode('A', 'B')).not.toBe(derivedCode('A', 'C'));
    expect(derivedCode('A', 'B')).toMatch(/^#[0-9a-z]{11}$/);
  });
});

const cases: readonly {
  rule: string;
  target: ImportTarget;
  headers: string[];
  expected: (string | null)[];
}[] = [
  {
    rule: 'plain Vietnamese headers',
    target: 'entrants',
    headers: ['STT', 'Mã', 'Tên mô hình', 'Đơn vị'],
    expected: [null, 'code', 'name', 'unit'],
  },
  {
    rule: 'headers typed without tones',
    target: 'entrants',
    headers: ['stt', 'Ten mo hinh', 'Don vi', 'Linh vuc', 'Cum'],
    expected: [null, 'name', 'unit', 'field', 'cluster'],
  },
  {
    rule: 'capitals and team wording',
    target: 'entrants',
    headers: ['TÊN ĐỘI', 'ĐƠN VỊ CÔNG TÁC', 'CỤM THI', 'KHỐI'],
    expected: ['name', 'unit', 'cluster', 'group'],
  },
  {
    rule: 'extra spaces and punctuation',
    target: 'entrants',
    headers: ['  Tên   mô hình (*) ', 'Đơn vị:', 'Cụm thi đua.', 'Mã số'],
    expected: ['name', 'unit', 'cluster', 'code'],
  },
  {
    rule: 'a longer, more specific header wins',
    target: 'entrants',
    headers: ['Tên', 'Tên đơn vị'],
    expected: ['name', 'unit'],
  },
  {
    rule: 'long official headers',
    target: 'entrants',
    headers: [
      'Tên mô hình, điển hình “Dân vận khéo”',
      'Đơn vị thực hiện mô hình',
      'Họ và tên người phụ trách',
      'Tóm tắt nội dung, kết quả',
    ],
    expected: ['name', 'unit', 'lead', 'summary'],
  },
  {
    rule: 'entrant extras',
    target: 'entrants',
    headers: ['Loại', 'Cấp', 'Thành viên', 'Ghi chú'],
    expected: ['kind', 'level', 'members', null],
  },
  {
    rule: 'a field is used once',
    target: 'entrants',
    headers: ['Tên', 'Tên'],
    expected: ['name', null],
  },
  {
    rule: 'unknown headers are ignored',
    target: 'entrants',
    headers: ['Foo', '', 'Tên đội'],
    expected: [null, null, 'name'],
  },
  {
    rule: 'judges',
    target: 'judges',
    headers: ['TT', 'Họ và tên', 'Chức vụ', 'Đơn vị công tác', 'Vai trò', 'Cụm chấm', 'Lĩnh vực'],
    expected: [null, 'name', 'title', 'unit', 'role', 'clusters', 'fields'],
  },
  {
    rule: 'judges without tones',
    target: 'judges',
    headers: ['Ho ten', 'Chuc danh', 'Co quan', 'Nhiem vu'],
    expected: ['name', 'title', 'unit', 'role'],
  },
  {
    rule: 'criteria',
    target: 'criteria',
    headers: ['Phần thi', 'Tiêu chí', 'Điểm tối đa', 'Bước điểm', 'Trọng số', 'Thứ tự', 'Mô tả'],
    expected: ['part', 'name', 'max', 'step', 'weight', 'order', 'description'],
  },
  {
    rule: 'criteria in other words',
    target: 'criteria',
    headers: ['Tiêu chuẩn', 'Nội dung', 'Thang điểm', 'Hệ số', 'Ghi chú'],
    expected: ['part', 'name', 'max', 'weight', 'description'],
  },
  {
    rule: 'criteria with units in the header',
    target: 'criteria',
    headers: ['Nội dung tiêu chí', 'Điểm tối đa (điểm)', 'Bước'],
    expected: ['name', 'max', 'step'],
  },
];

describe('guessMapping', () => {
  it.each(cases)('$rule', ({ target, headers, expected }) => {
    expect(guessMapping(headers, target).columns).toEqual(expected);
  });
});

describe('findHeader', () => {
  it('finds the header below title rows', () => {
    const sheet = aSheet(
      [
        ['DANH SÁCH MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2024'],
        ['(Kèm theo Kế hoạch số 48-KH/BDVTU)'],
        [],
        ['STT', 'Tên mô hình', 'Đơn vị'],
        [1, 'Mô hình A', 'Xã A'],
      ],
      { merges: ['A1:C1', 'A2:C2'] },
    );
    const m = findHeader(aWorkbook(sheet), 'Danh sách', 'entrants');
    expect(m).toMatchObject({ headerRow: 4, firstDataRow: 5, columns: [null, 'name', 'unit'] });
  });

  it('reads a two-row header with merged cells, taking the sub-headers under a group header', () => {
    const sheet = aSheet(
      [
        ['DANH SÁCH'],
        ['STT', 'Tên mô hình', 'Thông tin đơn vị', null, 'Cụm thi'],
        [null, null, 'Đơn vị thực hiện', 'Cấp', null],
        [1, 'Mô hình A', 'Xã A', 'xã', 'Cụm 1'],
      ],
      { merges: ['A1:E1', 'A2:A3', 'B2:B3', 'C2:D2', 'E2:E3'] },
    );
    const m = findHeader(aWorkbook(sheet), 'Danh sách', 'entrants');
    expect(m).toMatchObject({
      headerRow: 3,
      firstDataRow: 4,
      columns: [null, 'name', 'unit', 'level', 'cluster'],
    });
    expect(m?.headers).toEqual(['STT', 'Tên mô hình', 'Đơn vị thực hiện', 'Cấp', 'Cụm thi']);
  });

  it('returns null when no row has the required column', () => {
    const sheet = aSheet([['Hướng dẫn nhập'], ['Điền mỗi dòng một mô hình.']]);
    expect(findHeader(aWorkbook(sheet), 'Danh sách', 'entrants')).toBeNull();
  });
});

describe('guessSheetMapping', () => {
  it('skips an instructions sheet and picks the sheet that holds the list', () => {
    const wb = aWorkbook([
      aSheet([['Hướng dẫn'], ['Ghi tên mô hình ở cột B.']], { name: 'Hướng dẫn' }),
      aSheet(
        [
          ['STT', 'Tên mô hình', 'Đơn vị'],
          [1, 'A', 'B'],
        ],
        { name: 'Danh sách' },
      ),
    ]);
    expect(guessSheetMapping(wb, 'entrants')).toMatchObject({
      sheetName: 'Danh sách',
      headerRow: 1,
    });
  });

  it('picks the judges sheet for judges and the criteria sheet for criteria', () => {
    const wb = aWorkbook([
      aSheet([['Họ và tên', 'Chức vụ', 'Vai trò']], { name: 'BGK' }),
      aSheet([['Phần thi', 'Tiêu chí', 'Điểm tối đa']], { name: 'Thang điểm' }),
    ]);
    expect(guessSheetMapping(wb, 'judges')?.sheetName).toBe('BGK');
    expect(guessSheetMapping(wb, 'criteria')?.sheetName).toBe('Thang điểm');
  });
});
