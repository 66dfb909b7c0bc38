/**
 * Preview rules, one scenario per rule: rows become typed records, and every problem is reported
 * at once with file, row, column letter and header. Then the upsert plan, and the export → import
 * round trip for random lists with Vietnamese text (fast-check).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RawCell } from '../../shared/import/types';
import type { ImportTarget } from '../../shared/import/fields';
import { previewFile, type PreviewContext } from '../../shared/import/preview';
import { planUpsert } from '../../shared/import/upsert';
import {
  criteriaToRecords,
  existingEntrants,
  existingJudges,
  entrantToRecord,
  judgeToRecord,
} from '../../shared/import/records';
import {
  criteriaToSheet,
  entrantsToSheet,
  judgesToSheet,
  type SheetModel,
} from '../../shared/import/export-sheet';
import type {
  ClusterId,
  Criterion,
  CriterionId,
  Entrant,
  EntrantId,
  Judge,
  JudgeId,
  RoundId,
  ContestId,
} from '../../shared/model/types';
import { aContext, aSheet, aWorkbook, SIX_CLUSTERS } from './import-builders';

type Expected = {
  row: number | null;
  column: string | null;
  code: string;
  severity?: 'error' | 'warning';
};
interface Scenario {
  rule: string;
  target: ImportTarget;
  rows: RawCell[][];
  merges?: string[];
  context?: Partial<PreviewContext>;
  problems: Expected[];
  records?: Record<string, unknown>[];
}

const E = ['Mã', 'Tên mô hình', 'Đơn vị', 'Cụm thi'];
const C = ['Phần thi', 'Tiêu chí', 'Điểm tối đa', 'Bước điểm', 'Trọng số'];

const scenarios: Scenario[] = [
  {
    rule: 'a valid row becomes a record with its cluster resolved',
    target: 'entrants',
    rows: [E, ['MH01', 'Dân vận khéo trong xây dựng nông thôn mới', 'Xã Tân Hòa', 'cụm 2']],
    problems: [],
    records: [
      {
        code: 'MH01',
        kind: 'model',
        name: 'Dân vận khéo trong xây dựng nông thôn mới',
        unit: 'Xã Tân Hòa',
        clusterName: 'Cụm 2',
        clusterId: 'cl-2',
      },
    ],
  },
  {
    rule: 'a name is required',
    target: 'entrants',
    rows: [E, ['MH01', '', 'Xã A', 'Cụm 1']],
    problems: [{ row: 2, column: 'B', code: 'required' }],
  },
  {
    rule: 'codes must be unique within the file',
    target: 'entrants',
    rows: [E, ['MH01', 'A', 'X', null], ['mh01', 'B', 'Y', null]],
    problems: [{ row: 3, column: 'A', code: 'duplicateCode' }],
    records: [{ code: 'MH01', name: 'A' }],
  },
  {
    rule: 'without a code column, name + unit make a stable code, and repeating them is a duplicate',
    target: 'entrants',
    rows: [
      ['Tên đội', 'Đơn vị'],
      ['Đội Hoàn Kiếm', 'Quận Hoàn Kiếm'],
      ['ĐỘI HOÀN KIẾM', 'quan hoan kiem'],
    ],
    problems: [{ row: 3, column: 'A', code: 'duplicateCode' }],
  },
  {
    rule: 'cluster names must exist in the contest',
    target: 'entrants',
    rows: [E, ['MH01', 'A', 'X', 'Cụm 9']],
    problems: [{ row: 2, column: 'D', code: 'unknownCluster' }],
  },
  {
    rule: 'a cluster merged down over its teams applies to each of them',
    target: 'entrants',
    rows: [
      E,
      ['D1', 'Đội 1', 'P1', 'Cụm 3'],
      ['D2', 'Đội 2', 'P2', null],
      ['D3', 'Đội 3', 'P3', null],
    ],
    merges: ['D2:D4'],
    problems: [],
    records: [{ clusterName: 'Cụm 3' }, { clusterName: 'Cụm 3' }, { clusterName: 'Cụm 3' }],
  },
  {
    rule: 'section title rows and the numbering row are skipped',
    target: 'entrants',
    rows: [
      E,
      ['(1)', '(2)', '(3)', '(4)'],
      ['CỤM THI SỐ 1'],
      ['D1', 'Đội 1', 'P1', 'Cụm 1'],
      [],
      ['D2', 'Đội 2', 'P2', 'Cụm 1'],
    ],
    merges: ['A3:D3'],
    problems: [],
    records: [{ code: 'D1' }, { code: 'D2' }],
  },
  {
    rule: 'members are split by semicolons or line breaks, kind by its Vietnamese word',
    target: 'entrants',
    rows: [
      ['Tên đội', 'Loại', 'Thành viên'],
      ['Đội A', 'Đội thi', 'Nguyễn Văn An; Trần Thị Bình\nLê Văn Cường'],
    ],
    problems: [],
    records: [{ kind: 'team', members: ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'] }],
  },
  {
    rule: 'an unknown kind is refused',
    target: 'entrants',
    rows: [
      ['Tên', 'Loại'],
      ['A', 'Hội thi'],
    ],
    problems: [{ row: 2, column: 'B', code: 'badValue' }],
  },
  {
    rule: 'Trưởng ban is the head judge; unknown roles warn and count as members',
    target: 'judges',
    rows: [
      ['Họ và tên', 'Vai trò', 'Cụm chấm'],
      ['Nguyễn Thị Hoa', 'Trưởng ban', ''],
      ['Lê Minh', 'Giám khảo', 'Cụm 1; Cụm 2'],
      ['Phạm Lan', 'Cố vấn', 'Cụm 3, Cụm 4'],
    ],
    problems: [{ row: 4, column: 'B', code: 'badValue', severity: 'warning' }],
    records: [
      { role: 'head', clusterIds: [] },
      { role: 'member', clusterIds: ['cl-1', 'cl-2'] },
      { role: 'member', clusterNames: ['Cụm 3', 'Cụm 4'] },
    ],
  },
  {
    rule: 'numbers accept a decimal comma and a decimal point',
    target: 'criteria',
    rows: [
      C,
      ['Chào hỏi', 'Nội dung', '8,5', '0,5', 1],
      ['Chào hỏi', 'Hình thức', '1.5', '0.25', '2'],
      ['Chào hỏi', 'Thời gian', 2, 0.5, null],
    ],
    problems: [],
    records: [
      { part: null, name: 'Chào hỏi', maxCp: null },
      { maxCp: 850, stepCp: 50, weight: 1, order: 1 },
      { maxCp: 150, stepCp: 25, weight: 2, order: 2 },
      { maxCp: 200, stepCp: 50, order: 3 },
    ],
  },
  {
    rule: 'text in a number column is refused',
    target: 'criteria',
    rows: [C, ['', 'Nội dung', 'tám', null, null]],
    problems: [{ row: 2, column: 'C', code: 'notNumber' }],
  },
  {
    rule: 'a date in a number column is refused (Excel turned 8.5 into 8 May)',
    target: 'criteria',
    rows: [C, ['', 'Nội dung', { date: '2024-05-08T00:00:00.000Z' }, null, null]],
    problems: [{ row: 2, column: 'C', code: 'dateInNumber' }],
  },
  {
    rule: 'a formula gives its cached value; without one it is refused',
    target: 'criteria',
    rows: [
      C,
      ['', 'A', { formula: 'B1*2', result: 10 }, null, null],
      ['', 'B', { formula: 'SUM(C2:C3)', result: null }, null, null],
    ],
    problems: [{ row: 3, column: 'C', code: 'formulaNoResult' }],
    records: [{ name: 'A', maxCp: 1000 }],
  },
  {
    rule: 'numbers out of range, off step or not whole are refused',
    target: 'criteria',
    rows: [
      C,
      ['', 'A', 0, null, null],
      ['', 'B', 10, 0.3, null],
      ['', 'C', 10, null, '1,5'],
      ['', 'D', 8.125, null, null],
      ['', 'E', 5000, null, null],
    ],
    problems: [
      { row: 2, column: 'C', code: 'outOfRange' },
      { row: 3, column: 'D', code: 'offStep' },
      { row: 4, column: 'E', code: 'notInteger' },
      { row: 5, column: 'C', code: 'tooPrecise' },
      { row: 6, column: 'C', code: 'outOfRange' },
    ],
  },
  {
    rule: 'a part row carries the part; parts named only by criteria are added; a wrong part total warns',
    target: 'criteria',
    rows: [
      C,
      ['Chào hỏi', '', 30, null, null],
      ['Chào hỏi', 'Nội dung', 20, null, null],
      ['Chào hỏi', 'Hình thức', 5, null, null],
      ['Tiểu phẩm', 'Kịch bản', 40, null, null],
    ],
    problems: [{ row: 2, column: 'C', code: 'partSumMismatch', severity: 'warning' }],
    records: [
      { part: null, name: 'Chào hỏi', maxCp: 3000, order: 1 },
      { part: 'Chào hỏi', name: 'Nội dung', order: 1 },
      { part: 'Chào hỏi', name: 'Hình thức', order: 2 },
      { part: null, name: 'Tiểu phẩm', maxCp: null, order: 2 },
      { part: 'Tiểu phẩm', name: 'Kịch bản', order: 1 },
    ],
  },
  {
    rule: 'a missing required column is one sheet-level problem',
    target: 'criteria',
    rows: [
      ['Tiêu chí', 'Mô tả'],
      ['A', 'x'],
    ],
    problems: [{ row: null, column: null, code: 'missingColumn' }],
  },
  {
    rule: 'a sheet with only a header has no rows',
    target: 'entrants',
    rows: [E],
    problems: [{ row: null, column: null, code: 'noRows' }],
  },
  {
    rule: 'a sheet without a recognisable header says so',
    target: 'entrants',
    rows: [['Xin chào'], ['Không có gì ở đây']],
    problems: [{ row: null, column: null, code: 'noHeader' }],
  },
  {
    rule: 'every problem of every row is reported at once',
    target: 'entrants',
    rows: [
      [...E, 'Loại'],
      ['MH01', '', 'X', 'Cụm 8', 'abc'],
      ['MH02', 'B', 'Y', 'Cụm 1', 'Mô hình'],
      ['MH02', 'C', 'Z', 'Cụm 7', null],
    ],
    problems: [
      { row: 2, column: 'B', code: 'required' },
      { row: 2, column: 'E', code: 'badValue' },
      { row: 2, column: 'D', code: 'unknownCluster' },
      { row: 4, column: 'D', code: 'unknownCluster' },
    ],
    records: [{ code: 'MH02', name: 'B' }],
  },
];

describe('buildPreview rules', () => {
  it.each(scenarios)('$rule', ({ target, rows, merges, context, problems, records }) => {
    const preview = previewFile(aWorkbook(aSheet(rows, { merges })), target, aContext(context));
    const got = preview.problems.map((p) => ({
      row: p.row,
      column: p.column,
      code: p.code,
      severity: p.severity,
    }));
    expect(got).toEqual(
      problems
        .map((p) => ({ severity: 'error', ...p }))
        .sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
    );
    if (records) {
      expect(preview.rows).toHaveLength(records.length);
      records.forEach((r, i) => expect(preview.rows[i].record).toMatchObject(r));
    }
  });

  it('names the file, sheet, row, column letter and header in each message', () => {
    const preview = previewFile(
      aWorkbook(aSheet([C, ['', 'Nội dung', 'tám', null, null]], { name: 'Thang điểm' }), {
        fileName: 'tieu-chi.xlsx',
      }),
      'criteria',
      aContext(),
    );
    expect(preview.problems[0].message).toBe(
      'Tệp “tieu-chi.xlsx”, trang “Thang điểm”, dòng 2, cột C (Điểm tối đa): “tám” không phải là số. Cần một số như 8,5 hoặc 8.5.',
    );
    const csv = previewFile(
      aWorkbook(aSheet([E, ['', '', 'X', '']]), { fileName: 'ds.csv', format: 'csv' }),
      'entrants',
      aContext(),
    );
    expect(csv.problems[0].message).toMatch(
      /^Tệp “ds\.csv”, dòng 2, cột B \(Tên mô hình\): thiếu tên/,
    );
  });

  it('marks rows whose code is already stored', () => {
    const preview = previewFile(
      aWorkbook(aSheet([E, ['MH01', 'A', 'X', null], ['MH02', 'B', 'Y', null]])),
      'entrants',
      aContext({ existingCodes: ['mh01'] }),
    );
    expect(preview.rows.map((r) => r.existing)).toEqual([true, false]);
  });
});

const ids = { round: 'r1' as RoundId, contest: 'c1' as ContestId };
const anEntrant = (over: Partial<Entrant> & Pick<Entrant, 'code' | 'name'>): Entrant => ({
  id: `e-${over.code}` as EntrantId,
  roundId: ids.round,
  kind: 'model',
  unit: '',
  clusterId: null,
  order: 1,
  ...over,
});

describe('planUpsert', () => {
  const stored = [
    anEntrant({ code: 'MH01', name: 'Mô hình A', unit: 'Xã A', clusterId: 'cl-1' as ClusterId }),
    anEntrant({ code: 'MH02', name: 'Mô hình B', unit: 'Xã B' }),
    anEntrant({ code: 'MH03', name: 'Mô hình C', unit: 'Xã C' }),
  ];
  const existing = existingEntrants(stored, SIX_CLUSTERS);

  it('splits rows into create, update (with field diffs), unchanged, and reports stored records the file omits', () => {
    const rows = [
      E,
      ['MH01', 'Mô hình A', 'Xã A', 'Cụm 1'],
      ['MH02', 'Mô hình B (sửa)', 'Xã B', 'Cụm 2'],
      ['MH04', 'Mô hình D', 'Xã D', null],
    ];
    const plan = planUpsert(previewFile(aWorkbook(aSheet(rows)), 'entrants', aContext()), existing);
    expect(plan.unchanged.map((u) => u.id)).toEqual(['e-MH01']);
    expect(plan.update).toHaveLength(1);
    expect(plan.update[0].changes).toEqual([
      { field: 'name', label: 'Tên', before: 'Mô hình B', after: 'Mô hình B (sửa)' },
      { field: 'clusterName', label: 'Cụm thi', before: '', after: 'Cụm 2' },
    ]);
    expect(plan.create.map((c) => c.record.code)).toEqual(['MH04']);
    expect(plan.absent.map((a) => a.id)).toEqual(['e-MH03']);
  });

  it('matches by name and unit when the file has no codes, keeping the typed code', () => {
    const rows = [
      ['Tên mô hình', 'Đơn vị', 'Lĩnh vực'],
      ['MÔ HÌNH A', 'xa a', 'Kinh tế'],
    ];
    const plan = planUpsert(previewFile(aWorkbook(aSheet(rows)), 'entrants', aContext()), existing);
    expect(plan.create).toHaveLength(0);
    expect(plan.update[0].record.code).toBe('MH01');
    expect(plan.update[0].changes.map((c) => c.field)).toEqual([
      'name',
      'unit',
      'clusterName',
      'field',
    ]);
  });

  it('judges, who have no stored code, match by name and unit', () => {
    const judges: Judge[] = [
      {
        id: 'j1' as JudgeId,
        contestId: ids.contest,
        name: 'Nguyễn Thị Hoa',
        title: 'Phó Trưởng ban',
        unit: 'Ban Dân vận',
        role: 'head',
        clusterIds: [],
        fields: [],
        order: 1,
      },
      {
        id: 'j2' as JudgeId,
        contestId: ids.contest,
        name: 'Lê Minh',
        title: '',
        unit: 'Sở Nội vụ',
        role: 'member',
        clusterIds: [],
        fields: [],
        order: 2,
      },
    ];
    const rows = [
      ['Mã GK', 'Họ và tên', 'Chức vụ', 'Đơn vị công tác', 'Vai trò'],
      ['GK1', 'nguyen thi hoa', 'Trưởng ban', 'Ban Dân vận', 'Trưởng ban'],
      ['GK9', 'Lê Minh', '', 'Sở Nội vụ', ''],
    ];
    const plan = planUpsert(
      previewFile(aWorkbook(aSheet(rows)), 'judges', aContext()),
      existingJudges(judges, SIX_CLUSTERS),
    );
    expect(plan.create).toEqual([]);
    expect(plan.unchanged.map((u) => u.id)).toEqual(['j2']);
    expect(plan.update.map((u) => [u.id, u.changes.map((c) => c.field)])).toEqual([
      ['j1', ['name', 'title']],
    ]);
  });

  it('re-importing an exported list changes nothing', () => {
    const sheet = entrantsToSheet(stored, SIX_CLUSTERS);
    const plan = planUpsert(
      previewFile(
        aWorkbook(aSheet([sheet.headers as RawCell[], ...(sheet.rows as RawCell[][])])),
        'entrants',
        aContext(),
      ),
      existing,
    );
    expect(plan).toMatchObject({ create: [], update: [], absent: [] });
    expect(plan.unchanged).toHaveLength(3);
  });
});

// ---------- export → import round trip ----------

const viText = (min: number, max: number) =>
  fc
    .array(
      fc.constantFrom(
        ...'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ AĐƠƯ0123456789“”-,.()/–'.split(
          '',
        ),
      ),
      { minLength: min, maxLength: max },
    )
    .map((cs) => cs.join('').replace(/\s+/g, ' ').trim());
const name = viText(1, 40).filter((s) => s !== '' && !/^[\d.,]+$/.test(s));
const optional = fc.option(name, { nil: undefined });

const sheetToWorkbook = (s: SheetModel) =>
  aWorkbook(aSheet([s.headers as RawCell[], ...(s.rows as RawCell[][])], { name: s.name }));
const noErrors = (problems: readonly { severity: string; message: string }[]) =>
  problems.filter((p) => p.severity === 'error').map((p) => p.message);

describe('export → import round trip (fast-check)', () => {
  it('entrants', () => {
    const entrant = fc.record({
      code: viText(1, 12).filter((s) => s !== '' && !s.startsWith('#')),
      kind: fc.constantFrom('model' as const, 'team' as const),
      name,
      unit: fc.oneof(fc.constant(''), name),
      clusterId: fc.option(fc.constantFrom(...SIX_CLUSTERS.map((c) => c.id)), { nil: null }),
      field: optional,
      level: optional,
      lead: optional,
      summary: optional,
      members: fc.option(fc.array(name, { minLength: 1, maxLength: 6 }), { nil: undefined }),
      group: optional,
    });
    // Codes equal up to case and punctuation are one code to the importer, so the list keeps them distinct.
    const list = fc.uniqueArray(entrant, {
      selector: (e) => foldCode(e.code),
      minLength: 1,
      maxLength: 25,
    });
    fc.assert(
      fc.property(list, (raw) => {
        const entrants = raw.map((e, i) => anEntrant({ ...e, order: i + 1 }));
        const preview = previewFile(
          sheetToWorkbook(entrantsToSheet(entrants, SIX_CLUSTERS)),
          'entrants',
          aContext(),
        );
        expect(noErrors(preview.problems)).toEqual([]);
        expect(preview.rows.map((r) => r.record)).toEqual(
          entrants.map((e) => entrantToRecord(e, SIX_CLUSTERS)),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('judges', () => {
    const judge = fc.record({
      name,
      title: fc.oneof(fc.constant(''), name),
      unit: fc.oneof(fc.constant(''), name),
      role: fc.constantFrom('head' as const, 'member' as const),
      clusterIds: fc.subarray(SIX_CLUSTERS.map((c) => c.id)),
      fields: fc.array(
        name.filter((s) => !s.includes(',')),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(judge, {
          selector: (j) => `${foldCode(j.name)}|${foldCode(j.unit)}`,
          minLength: 1,
          maxLength: 12,
        }),
        (raw) => {
          const judges: Judge[] = raw.map((j, i) => ({
            ...j,
            id: `j${i}` as JudgeId,
            contestId: ids.contest,
            order: i + 1,
          }));
          const preview = previewFile(
            sheetToWorkbook(judgesToSheet(judges, SIX_CLUSTERS)),
            'judges',
            aContext(),
          );
          expect(noErrors(preview.problems)).toEqual([]);
          expect(preview.rows.map((r) => r.record)).toEqual(
            judges.map((j) => judgeToRecord(j, SIX_CLUSTERS)),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('criteria', () => {
    const steps = [25, 50, 100];
    const node = fc.record({
      name,
      stepCp: fc.constantFrom(...steps),
      units: fc.integer({ min: 1, max: 80 }),
      weight: fc.integer({ min: 1, max: 5 }),
      objective: fc.boolean(),
      description: optional,
    });
    const tree = fc.uniqueArray(
      fc.record({
        part: node,
        children: fc.uniqueArray(node, { selector: (n) => foldCode(n.name), maxLength: 5 }),
      }),
      {
        selector: (p) => foldCode(p.part.name),
        minLength: 1,
        maxLength: 5,
      },
    );
    fc.assert(
      fc.property(tree, (parts) => {
        const criteria: Criterion[] = [];
        parts.forEach((p, i) => {
          const partId = `p${i}` as CriterionId;
          const asCriterion = (
            n: typeof p.part,
            id: CriterionId,
            parentId: CriterionId | null,
            order: number,
          ): Criterion => ({
            id,
            roundId: ids.round,
            parentId,
            name: n.name,
            description: n.description,
            order,
            maxCp: n.units * n.stepCp,
            stepCp: n.stepCp,
            weight: n.weight,
            objective: n.objective,
          });
          criteria.push(asCriterion(p.part, partId, null, i + 1));
          p.children.forEach((c, k) =>
            criteria.push(asCriterion(c, `p${i}c${k}` as CriterionId, partId, k + 1)),
          );
        });
        const preview = previewFile(
          sheetToWorkbook(criteriaToSheet(criteria)),
          'criteria',
          aContext(),
        );
        expect(noErrors(preview.problems)).toEqual([]);
        expect(preview.rows.map((r) => r.record)).toEqual(
          criteriaToRecords(criteria).map((e) => e.record),
        );
      }),
      { numRuns: 150 },
    );
  });
});

function foldCode(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
