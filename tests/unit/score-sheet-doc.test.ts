import { describe, expect, it } from 'vitest';
import { scoreSheetDocSchema, type ScoreSheet } from '@shared/documents/models';
import { buildScoreSheetDoc, type ScoreSheetInput } from '@shared/documents/score-sheet-doc';
import type {
  Cluster,
  ClusterId,
  Criterion,
  CriterionId,
  Entrant,
  EntrantId,
  Issuer,
  Judge,
  JudgeId,
  RoundId,
  Score,
} from '@shared/model/types';

const ROUND = 'r1' as RoundId;
const PARTY: Issuer = {
  family: 'party',
  superior: 'THÀNH ỦY HÀ NỘI',
  name: 'BAN DÂN VẬN',
  place: 'Hà Nội',
  signerMark: 'T/M BAN TỔ CHỨC',
  signerTitle: 'TRƯỞNG BAN',
  signerName: '',
};
const CHAIN = 'ab'.repeat(32);

const crit = (
  id: string,
  parentId: string | null,
  name: string,
  order: number,
  points: number,
  stepCp = 50,
  over: Partial<Criterion> = {},
): Criterion => ({
  id: id as CriterionId,
  roundId: ROUND,
  parentId: parentId as CriterionId | null,
  name,
  order,
  maxCp: points * 100,
  stepCp,
  weight: 1,
  ...over,
});
/** Three parts as a city contest runs them: Chào hỏi (judged), Kiến thức (objective), Tiểu phẩm (judged). */
const CONTEST_CRITERIA: Criterion[] = [
  crit('p1', null, 'Chào hỏi', 0, 20),
  crit('p1a', 'p1', 'Nội dung', 0, 10),
  crit('p1b', 'p1', 'Hình thức', 1, 10, 25),
  crit('p2', null, 'Kiến thức', 1, 30),
  crit('p2a', 'p2', 'Câu hỏi', 0, 30, 100, { objective: true }),
  crit('p3', null, 'Tiểu phẩm', 2, 50),
  crit('p3a', 'p3', 'Kịch bản', 0, 25),
  crit('p3b', 'p3', 'Diễn xuất', 1, 25),
];
const judge = (i: number, over: Partial<Judge> = {}): Judge => ({
  id: `j${i}` as JudgeId,
  contestId: 'c' as never,
  name: `Giám khảo Số ${i}`,
  title: '',
  unit: `Ban ${i}`,
  role: i === 1 ? 'head' : 'member',
  clusterIds: [],
  fields: [],
  order: i,
  ...over,
});
const cluster = (i: number): Cluster => ({
  id: `k${i}` as ClusterId,
  roundId: ROUND,
  name: `Cụm thi số ${i}`,
  order: i,
});
const entrant = (i: number, over: Partial<Entrant> = {}): Entrant => ({
  id: `e${i}` as EntrantId,
  roundId: ROUND,
  code: `D${i}`,
  kind: 'team',
  name: `Đội ${i}`,
  unit: `Phường ${i}`,
  clusterId: `k${(i % 2) + 1}` as ClusterId,
  order: i,
  ...over,
});
const score = (j: number, e: number, c: string, steps: number | null): Score => ({
  roundId: ROUND,
  judgeId: `j${j}` as JudgeId,
  entrantId: `e${e}` as EntrantId,
  criterionId: c as CriterionId,
  steps,
});

function input(over: Partial<ScoreSheetInput> = {}): ScoreSheetInput {
  return {
    contest: { name: 'Hội thi “Dân vận khéo” năm 2026', issuer: PARTY },
    roundName: 'Vòng sơ khảo',
    criteria: CONTEST_CRITERIA,
    judges: [judge(1), judge(2)],
    clusters: [cluster(1), cluster(2)],
    entrants: [1, 2, 3, 4, 5].map((i) => entrant(i)),
    chainHead: CHAIN,
    ...over,
  };
}
const who = (s: ScoreSheet) => `${s.scopeLine} | ${s.judgeLine}`;

describe('which sheets are printed', () => {
  it.each<[string, Partial<ScoreSheetInput>, string[]]>([
    [
      '2 judges × 2 clusters, cluster by cluster',
      {},
      [
        'Vòng sơ khảo – Cụm thi số 1 | Giám khảo: Giám khảo Số 1',
        'Vòng sơ khảo – Cụm thi số 1 | Giám khảo: Giám khảo Số 2',
        'Vòng sơ khảo – Cụm thi số 2 | Giám khảo: Giám khảo Số 1',
        'Vòng sơ khảo – Cụm thi số 2 | Giám khảo: Giám khảo Số 2',
      ],
    ],
    [
      'no judges: one anonymous sheet per cluster',
      { judges: [] },
      [
        'Vòng sơ khảo – Cụm thi số 1 | Giám khảo: ……………………………………………',
        'Vòng sơ khảo – Cụm thi số 2 | Giám khảo: ……………………………………………',
      ],
    ],
    [
      'judges in their order, not the list order',
      {
        judges: [judge(2, { order: 0 }), judge(1, { order: 5 })],
        clusters: [cluster(1)],
        entrants: [entrant(2), entrant(4)],
      },
      [
        'Vòng sơ khảo – Cụm thi số 1 | Giám khảo: Giám khảo Số 2',
        'Vòng sơ khảo – Cụm thi số 1 | Giám khảo: Giám khảo Số 1',
      ],
    ],
    [
      'a judge assigned to one cluster gets only its sheet',
      { judges: [judge(1, { clusterIds: ['k2' as ClusterId] })] },
      ['Vòng sơ khảo – Cụm thi số 2 | Giám khảo: Giám khảo Số 1'],
    ],
    [
      'no clusters (a final): one sheet per judge with every entrant',
      { clusters: [], roundName: 'Vòng chung khảo' },
      [
        'Vòng chung khảo | Giám khảo: Giám khảo Số 1',
        'Vòng chung khảo | Giám khảo: Giám khảo Số 2',
      ],
    ],
    [
      'a cluster without entrants gets no sheet',
      { clusters: [cluster(1), cluster(2), cluster(3)], judges: [judge(1)] },
      [
        'Vòng sơ khảo – Cụm thi số 1 | Giám khảo: Giám khảo Số 1',
        'Vòng sơ khảo – Cụm thi số 2 | Giám khảo: Giám khảo Số 1',
      ],
    ],
    [
      'entrants of no listed cluster are not dropped',
      { clusters: [cluster(1)], judges: [judge(1)] },
      [
        'Vòng sơ khảo – Cụm thi số 1 | Giám khảo: Giám khảo Số 1',
        'Vòng sơ khảo | Giám khảo: Giám khảo Số 1',
      ],
    ],
  ])('%s', (_name, over, expected) => {
    const doc = buildScoreSheetDoc(input(over));
    expect(doc.sheets.map(who)).toEqual(expected);
    expect(scoreSheetDocSchema.safeParse(doc).success).toBe(true);
  });

  it('a field panel judge lists only their field’s models', () => {
    const entrants = [
      entrant(1, { field: 'Kinh tế', clusterId: null }),
      entrant(2, { field: 'Văn hóa – xã hội', clusterId: null }),
      entrant(3, { field: 'kinh te', clusterId: null }),
    ];
    const doc = buildScoreSheetDoc(
      input({ clusters: [], entrants, judges: [judge(1, { fields: ['Kinh tế'] })] }),
    );
    expect(doc.sheets).toHaveLength(1);
    expect(doc.sheets[0].rows.map((r) => r.name)).toEqual(['Đội 1', 'Đội 3']);
  });

  it('no entrants at all gives no sheet, which the IPC schema refuses', () => {
    const doc = buildScoreSheetDoc(input({ entrants: [] }));
    expect(doc.sheets).toEqual([]);
    expect(scoreSheetDocSchema.safeParse(doc).success).toBe(false);
  });
});

describe('table layout, as on the scoring screen', () => {
  it.each<[string, Criterion[], { group: string; header: string }[], string]>([
    [
      'parts with maxima; the objective part has no column',
      CONTEST_CRITERIA,
      [
        { group: 'Chào hỏi (20)', header: 'Nội dung (10)' },
        { group: 'Chào hỏi (20)', header: 'Hình thức (10)' },
        { group: 'Tiểu phẩm (50)', header: 'Kịch bản (25)' },
        { group: 'Tiểu phẩm (50)', header: 'Diễn xuất (25)' },
      ],
      'Tổng (70)',
    ],
    [
      'top-level criteria have no part row',
      [crit('a', null, 'Nội dung', 0, 7.5), crit('b', null, 'Ấn tượng', 1, 2.5)],
      [
        { group: '', header: 'Nội dung (7,5)' },
        { group: '', header: 'Ấn tượng (2,5)' },
      ],
      'Tổng (10)',
    ],
    [
      'a weighted criterion counts in the part and total maxima',
      [
        crit('p', null, 'Phần thi', 0, 20),
        crit('a', 'p', 'A', 0, 10, 50, { weight: 2 }),
        crit('b', 'p', 'B', 1, 5),
      ],
      [
        { group: 'Phần thi (25)', header: 'A (10)' },
        { group: 'Phần thi (25)', header: 'B (5)' },
      ],
      'Tổng (25)',
    ],
    [
      'order follows Criterion.order, not the array',
      [crit('b', null, 'Sau', 1, 10), crit('a', null, 'Trước', 0, 10)],
      [
        { group: '', header: 'Trước (10)' },
        { group: '', header: 'Sau (10)' },
      ],
      'Tổng (20)',
    ],
  ])('%s', (_name, criteria, columns, totalHeader) => {
    const [sheet] = buildScoreSheetDoc(input({ criteria, judges: [judge(1)] })).sheets;
    expect(sheet.columns).toEqual(columns);
    expect(sheet.totalHeader).toBe(totalHeader);
    expect(sheet.title).toBe('PHIẾU CHẤM ĐIỂM');
    expect(sheet.signature).toEqual({
      title: 'GIÁM KHẢO',
      hint: '(Ký, ghi rõ họ tên)',
      name: 'Giám khảo Số 1',
    });
  });

  it.each<[string, Entrant['kind'][], string]>([
    ['teams', ['team', 'team'], 'Đội thi'],
    ['models', ['model'], 'Mô hình'],
    ['both', ['team', 'model'], 'Đội thi / Mô hình'],
  ])('entrant column header for %s', (_name, kinds, header) => {
    const entrants = kinds.map((kind, i) => entrant(i + 1, { kind, clusterId: null }));
    expect(buildScoreSheetDoc(input({ entrants, clusters: [] })).sheets[0].entrantHeader).toBe(
      header,
    );
  });

  it('rows in entrant order with STT from 1 per sheet, name and unit cleaned to NFC', () => {
    const entrants = [
      entrant(3, { order: 0, name: 'Đội  Phường\tCửa Nam'.normalize('NFD') }),
      entrant(1, { order: 1 }),
    ].map((e) => ({ ...e, clusterId: null }));
    const [sheet] = buildScoreSheetDoc(input({ entrants, clusters: [] })).sheets;
    expect(sheet.rows.map((r) => [r.stt, r.name, r.unit])).toEqual([
      [1, 'Đội Phường Cửa Nam', 'Phường 3'],
      [2, 'Đội 1', 'Phường 1'],
    ]);
    expect(
      sheet.rows.every(
        (r) =>
          r.cells.length === 4 &&
          r.cells.every((c) => c === '') &&
          r.total === '' &&
          r.remark === '',
      ),
    ).toBe(true);
  });
});

describe('pre-filled scores', () => {
  const entrants = [1, 2, 3].map((i) => entrant(i, { clusterId: null }));
  const base = { clusters: [], entrants, judges: [judge(1), judge(2)] };
  it.each<[string, Score[], string[][], string[]]>([
    [
      'complete rows get a total; comma decimals from steps × step',
      [
        score(1, 1, 'p1a', 17),
        score(1, 1, 'p1b', 31),
        score(1, 1, 'p3a', 40),
        score(1, 1, 'p3b', 45),
      ],
      [
        ['8,5', '7,75', '20', '22,5'],
        ['', '', '', ''],
        ['', '', '', ''],
      ],
      ['58,75', '', ''],
    ],
    [
      'an incomplete row prints its scores but no total',
      [score(1, 2, 'p1a', 20), score(1, 2, 'p3a', 1)],
      [
        ['', '', '', ''],
        ['10', '', '0,5', ''],
        ['', '', '', ''],
      ],
      ['', '', ''],
    ],
    [
      'a cleared score prints blank; zero prints 0',
      [score(1, 3, 'p1a', null), score(1, 3, 'p1b', 0)],
      [
        ['', '', '', ''],
        ['', '', '', ''],
        ['', '0', '', ''],
      ],
      ['', '', ''],
    ],
    [
      'another judge’s scores stay off this sheet',
      [score(2, 1, 'p1a', 20)],
      [
        ['', '', '', ''],
        ['', '', '', ''],
        ['', '', '', ''],
      ],
      ['', '', ''],
    ],
  ])('%s', (_name, scores, cells, totals) => {
    const doc = buildScoreSheetDoc(input({ ...base, scores }));
    const mine = doc.sheets[0];
    expect(mine.rows.map((r) => r.cells)).toEqual(cells);
    expect(mine.rows.map((r) => r.total)).toEqual(totals);
    expect(mine.notes.some((n) => n.startsWith('Điểm in sẵn'))).toBe(true);
  });

  it('a weighted criterion counts twice in the total, as on screen', () => {
    const criteria = [crit('a', null, 'A', 0, 10, 50, { weight: 2 }), crit('b', null, 'B', 1, 10)];
    const [sheet] = buildScoreSheetDoc(
      input({ ...base, criteria, scores: [score(1, 1, 'a', 17), score(1, 1, 'b', 10)] }),
    ).sheets;
    expect(sheet.rows[0]).toMatchObject({ cells: ['8,5', '5'], total: '22' });
    expect(sheet.notes).toContain('Khi cộng tổng: “A” nhân hệ số 2.');
  });

  it('a conflict of interest is a marked row without scores, even if some were entered', () => {
    const entrantsX = [
      entrant(1, { clusterId: null, unit: 'Ban 1' }),
      entrant(2, { clusterId: null }),
    ];
    const doc = buildScoreSheetDoc(
      input({ ...base, entrants: entrantsX, scores: [score(1, 1, 'p1a', 17)] }),
    );
    expect(doc.sheets[0].rows[0]).toMatchObject({
      remark: 'Không chấm (cùng đơn vị)',
      cells: ['', '', '', ''],
      total: '',
    });
    expect(doc.sheets[0].notes).toContain(
      'Không chấm đội thi, mô hình cùng đơn vị công tác với giám khảo.',
    );
    expect(doc.sheets[1].rows[0].remark).toBe('');
  });

  it('blank sheets carry no pre-fill note, and an anonymous sheet never shows scores', () => {
    const blank = buildScoreSheetDoc(input(base));
    expect(blank.sheets[0].notes.some((n) => n.startsWith('Điểm in sẵn'))).toBe(false);
    const anon = buildScoreSheetDoc(
      input({ ...base, judges: [], scores: [score(1, 1, 'p1a', 17)] }),
    );
    expect(anon.sheets[0].rows[0].cells).toEqual(['', '', '', '']);
    expect(anon.sheets[0].signature.name).toBe('');
  });
});

describe('notes, date and footer', () => {
  it.each<[string, Criterion[], string]>([
    [
      'one step',
      [crit('a', null, 'A', 0, 10), crit('b', null, 'B', 1, 10)],
      'Chấm điểm lẻ đến 0,5 điểm theo từng tiêu chí; không vượt quá điểm tối đa ghi trong ngoặc.',
    ],
    [
      'mixed steps name the exceptions',
      CONTEST_CRITERIA,
      'Chấm điểm lẻ đến 0,5 điểm theo từng tiêu chí; riêng “Hình thức” điểm lẻ đến 0,25 điểm; không vượt quá điểm tối đa ghi trong ngoặc.',
    ],
    [
      'whole points',
      [crit('a', null, 'A', 0, 10, 100)],
      'Chấm điểm nguyên theo từng tiêu chí; không vượt quá điểm tối đa ghi trong ngoặc.',
    ],
    [
      'coarser steps',
      [
        crit('a', null, 'A', 0, 10, 200),
        crit('b', null, 'B', 1, 10, 200),
        crit('c', null, 'C', 2, 10, 100),
      ],
      'Chấm theo bước 2 điểm theo từng tiêu chí; riêng “C” điểm nguyên; không vượt quá điểm tối đa ghi trong ngoặc.',
    ],
  ])('step note: %s', (_name, criteria, note) => {
    expect(buildScoreSheetDoc(input({ criteria })).sheets[0].notes[0]).toBe(note);
  });

  it('names the objective part the judges do not score', () => {
    expect(buildScoreSheetDoc(input()).sheets[0].notes).toContain(
      'Phần “Kiến thức” do Thư ký ghi điểm theo đáp án, không chấm trên phiếu này.',
    );
  });

  it.each<[string | undefined, string]>([
    ['2026-10-05', 'Hà Nội, ngày 05 tháng 10 năm 2026'],
    [undefined, 'Hà Nội, ngày …… tháng …… năm ……'],
  ])('date %s', (date, text) => {
    const doc = buildScoreSheetDoc(input({ date }));
    expect(doc.dateText).toBe(text);
    expect(doc.footer).toBe(`Mã kiểm tra nhật ký chấm điểm: ${CHAIN}`);
    expect(doc.issuer).toEqual(PARTY);
  });
});

describe('rubrics', () => {
  // Award round: collectives and individuals scored on their own standards.
  const criteria = [
    crit('t', null, 'Tiêu chuẩn tập thể', 0, 20, 50, { appliesTo: ['tap-the'] }),
    crit('t1', 't', 'Hiệu quả', 0, 10),
    crit('t2', 't', 'Nhân rộng', 1, 10),
    crit('c', null, 'Tiêu chuẩn cá nhân', 1, 20, 50, { appliesTo: ['ca-nhan'] }),
    crit('c1', 'c', 'Gương mẫu', 0, 20),
  ];
  it('one sheet per rubric, each with only its criteria', () => {
    const entrants = [
      entrant(1, { rubric: 'tap-the', kind: 'model' }),
      entrant(2, { rubric: 'ca-nhan', kind: 'model' }),
      entrant(3, { rubric: 'tap-the', kind: 'model' }),
    ].map((e) => ({ ...e, clusterId: null }));
    const doc = buildScoreSheetDoc(input({ criteria, entrants, clusters: [], judges: [judge(1)] }));
    expect(
      doc.sheets.map((s) => [
        s.rubricLine,
        s.columns.map((c) => c.header),
        s.rows.map((r) => r.name),
        s.totalHeader,
      ]),
    ).toEqual([
      [
        'Áp dụng cho: mô hình tập thể',
        ['Hiệu quả (10)', 'Nhân rộng (10)'],
        ['Đội 1', 'Đội 3'],
        'Tổng (20)',
      ],
      ['Áp dụng cho: mô hình cá nhân', ['Gương mẫu (20)'], ['Đội 2'], 'Tổng (20)'],
    ]);
  });
  it('a single rubric needs no rubric line', () => {
    const entrants = [entrant(1, { rubric: 'tap-the', clusterId: null })];
    expect(
      buildScoreSheetDoc(input({ criteria, entrants, clusters: [] })).sheets[0].rubricLine,
    ).toBe('');
  });
});
