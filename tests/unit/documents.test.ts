import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildCertificateDoc,
  contestTitle,
  defaultIssuerTitle,
  vietnameseDateText,
} from '@shared/documents/certificate-doc';
import { certificateDocSchema, scoreboardDocSchema, type Sheet } from '@shared/documents/models';
import { sanitizeSheetName } from '@shared/documents/doc-text';
import { buildScoreboardDoc, type ScoreboardInput } from '@shared/documents/scoreboard-doc';
import type {
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
import { formatPoints } from '@shared/scoring/format';
import { frac, sub, type Fraction } from '@shared/scoring/fraction';
import {
  tally,
  type Absence,
  type EntrantResult,
  type JudgeTotal,
  type Penalty,
  type Tally,
} from '@shared/tally/tally';

const PARTY: Issuer = {
  family: 'party',
  superior: 'THÀNH ỦY HÀ NỘI',
  name: 'BAN DÂN VẬN',
  place: 'Hà Nội',
  signerMark: 'T/M BAN TỔ CHỨC',
  signerTitle: 'TRƯỞNG BAN',
  signerName: 'Nguyễn Thị Hằng',
};
const STATE: Issuer = {
  family: 'state',
  superior: 'UBND THÀNH PHỐ HÀ NỘI',
  name: 'ỦY BAN NHÂN DÂN QUẬN HOÀN KIẾM',
  place: 'Hà Nội',
  signerMark: 'KT. CHỦ TỊCH',
  signerTitle: 'PHÓ CHỦ TỊCH',
  signerName: 'Trần Văn Đức',
};
const ROUND = 'r1' as RoundId;

const aJudge = (i: number, over: Partial<Judge> = {}): Judge => ({
  id: `j${i}` as JudgeId,
  contestId: 'c' as never,
  name: `Giám khảo ${i}`,
  title: '',
  unit: '',
  role: i === 1 ? 'head' : 'member',
  clusterIds: [],
  fields: [],
  order: i,
  ...over,
});
const anEntrant = (i: number, over: Partial<Entrant> = {}): Entrant => ({
  id: `e${i}` as EntrantId,
  roundId: ROUND,
  code: `D${String(i).padStart(3, '0')}`,
  kind: 'team',
  name: `Đội ${i}`,
  unit: `Phường ${i}`,
  clusterId: null,
  order: i,
  ...over,
});

/** A judge's total in points, or an absence. */
type Given = number | Exclude<Absence, 'none'>;
interface Row {
  readonly entrant: Entrant;
  readonly totals: readonly Given[];
  readonly result: Fraction | null;
  readonly rank: number | null;
  readonly tied?: boolean;
  readonly decidedBy?: string;
  readonly trimmed?: readonly number[];
  readonly penalties?: readonly Penalty[];
  readonly issues?: EntrantResult['issues'];
}
const judges3 = [aJudge(1), aJudge(2), aJudge(3)];
/** A result as the tally returns it; fields the scoreboard does not read keep neutral defaults. */
function aResult(r: Row): EntrantResult {
  const judgeTotals: JudgeTotal[] = r.totals.map((g, k) => ({
    judgeId: judges3[k].id,
    totalCp: typeof g === 'number' ? Math.round(g * 100) : null,
    scored: typeof g === 'number' ? 8 : 3,
    expected: 8,
    absence: typeof g === 'number' ? 'none' : g,
    trimmed: r.trimmed?.includes(k) ?? false,
  }));
  const penaltyCp = (r.penalties ?? []).reduce((s, p) => s + p.cp, 0);
  const result = r.result && penaltyCp ? sub(r.result, frac(penaltyCp)) : r.result;
  return {
    entrant: r.entrant,
    judgeTotals,
    result,
    resultValue: result ? result.n / result.d : null,
    counted: judgeTotals.filter((t) => t.totalCp !== null && !t.trimmed).length,
    rank: r.rank,
    tied: r.tied ?? false,
    decidedBy: r.decidedBy ?? null,
    status: r.rank === null ? 'unranked' : 'ranked',
    issues: r.issues ?? [],
    maxCp: 10000,
    judgedCp: r.result,
    objectiveCp: 0,
    objectiveMissing: [],
    penaltyCp,
    penalties: r.penalties ?? [],
    zMean: null,
    standardisedCp: null,
    trimFellBack: false,
    parts: [],
    firstPlaces: 0,
    headJudgeCp: null,
    tieBreakCp: null,
  };
}
function aTally(rows: readonly Row[]): Tally {
  return {
    results: rows.map(aResult),
    maxCp: 10000,
    ruleText: 'Điểm trung bình cộng của các giám khảo đã chấm.',
    policy: { kind: 'mean' },
    missingScores: 'meanOfPresent',
    tieBreak: [],
    notes: ['Các đội/mô hình bằng điểm được xếp đồng hạng.'],
    parts: [],
    judgeIds: judges3.map((j) => j.id),
    issues: [],
  };
}
function aScoreboard(rows: readonly Row[], over: Partial<ScoreboardInput> = {}) {
  const prizes = new Map<string, string>([
    ['e1', 'Nhất'],
    ['e2', 'Nhì'],
  ]);
  return buildScoreboardDoc({
    contest: { name: 'Hội thi “Dân vận khéo” năm 2026', issuer: PARTY },
    roundName: 'Vòng chung khảo',
    dateText: 'Hà Nội, ngày 15 tháng 10 năm 2026',
    groups: [{ title: 'Vòng chung khảo', tally: aTally(rows) }],
    judges: judges3,
    prizeOf: (id) => prizes.get(id),
    chainHead: 'ab12cd',
    ...over,
  });
}
const col = (sheet: Sheet, header: string) => {
  const k = sheet.columns.findIndex((c) => c.header === header);
  expect(k, `column ${header}`).toBeGreaterThanOrEqual(0);
  return sheet.rows.map((r) => r[k]);
};

describe('scoreboard: columns and numbers', () => {
  const doc = aScoreboard([
    { entrant: anEntrant(1), totals: [90, 85.5, 88], result: frac(26350, 3), rank: 1 },
    { entrant: anEntrant(2), totals: [80, 'conflict', 82.25], result: frac(16225, 2), rank: 2 },
  ]);
  const sheet = doc.sheets[0];

  it('has STT · entrant · unit · GK1…GKn · total · mean · rank · prize, in that order', () => {
    expect(sheet.columns.map((c) => c.header)).toEqual([
      'STT',
      'Đội thi',
      'Đơn vị',
      'GK1',
      'GK2',
      'GK3',
      'Tổng',
      'Trung bình',
      'Xếp hạng',
      'Giải',
    ]);
    expect(sheet.columns.filter((c) => c.kind === 'number').every((c) => c.decimals === 2)).toBe(
      true,
    );
  });

  it('stores judge totals, total and mean as numbers, and a blank (not 0) for an excluded judge', () => {
    expect(col(sheet, 'GK1')).toEqual([90, 80]);
    expect(col(sheet, 'GK2')).toEqual([85.5, null]);
    expect(col(sheet, 'Tổng')).toEqual([263.5, 162.25]);
    expect(col(sheet, 'Trung bình')).toEqual([87.83, 81.13]);
    expect(col(sheet, 'Giải')).toEqual(['Nhất', 'Nhì']);
  });

  it('explains the blank cell with the judge, the entrant and the reason, and the rule and judges', () => {
    const blank = sheet.notes.find((n) => n.startsWith('Ô điểm để trống'));
    expect(blank).toContain('xung đột lợi ích');
    expect(blank).toContain('GK2 ở STT 2');
    expect(sheet.notes[0]).toContain('trung bình cộng');
    expect(sheet.notes.some((n) => n.includes('GK1 – Giám khảo 1 (Trưởng ban)'))).toBe(true);
  });

  it('signs Thư ký left and the head judge right, and prints the chain head', () => {
    expect(doc.signatures.map((s) => s.title)).toEqual(['THƯ KÝ', 'TRƯỞNG BAN GIÁM KHẢO']);
    expect(doc.signatures[1].name).toBe('Giám khảo 1');
    expect(doc.footer).toContain('ab12cd');
    expect(() => scoreboardDocSchema.parse(doc)).not.toThrow();
  });
});

describe('scoreboard: the mean is rounded half-up from the exact fraction, not from a float', () => {
  it.each([
    ['8,125 → 8,13', frac(1625, 2), 8.13],
    ['1,005 → 1,01 (the float 1.005 would give 1,00)', frac(201, 2), 1.01],
    ['8,12333… → 8,12', frac(2437, 3), 8.12],
    ['8,135 → 8,14', frac(1627, 2), 8.14],
    ['99,995 → 100,00', frac(19999, 2), 100],
  ])('%s', (_name, result, printed) => {
    const doc = aScoreboard([{ entrant: anEntrant(1), totals: [1, 1, 1], result, rank: 1 }]);
    expect(col(doc.sheets[0], 'Trung bình')).toEqual([printed]);
    expect(printed.toFixed(2).replace('.', ',')).toBe(formatPoints(result, 2));
  });
});

describe('scoreboard: ties', () => {
  it('equal results share a rank and a note names them', () => {
    const doc = aScoreboard([
      { entrant: anEntrant(1), totals: [90, 90, 90], result: frac(9000), rank: 1 },
      { entrant: anEntrant(2), totals: [85, 85, 85], result: frac(8500), rank: 2, tied: true },
      { entrant: anEntrant(3), totals: [86, 84, 85], result: frac(8500), rank: 2, tied: true },
      { entrant: anEntrant(4), totals: [80, 80, 80], result: frac(8000), rank: 4 },
    ]);
    const sheet = doc.sheets[0];
    expect(col(sheet, 'Xếp hạng')).toEqual([1, 2, 2, 4]);
    const note = sheet.notes.find((n) => n.startsWith('Đồng hạng'));
    expect(note).toBe('Đồng hạng 2 (cùng 85,00 điểm): STT 2 – Đội 2; STT 3 – Đội 3.');
  });

  it('a tie broken by the tie-break chain says which rule decided', () => {
    const doc = aScoreboard([
      {
        entrant: anEntrant(1),
        totals: [85, 85, 85],
        result: frac(8500),
        rank: 1,
        decidedBy: 'Điểm phần Tiểu phẩm',
      },
      {
        entrant: anEntrant(2),
        totals: [85, 85, 85],
        result: frac(8500),
        rank: 2,
        decidedBy: 'Điểm phần Tiểu phẩm',
      },
    ]);
    const note = doc.sheets[0].notes.find((n) => n.startsWith('Bằng kết quả'));
    expect(note).toContain('STT 1 – Đội 1 (hạng 1)');
    expect(note).toContain('STT 2 – Đội 2 (hạng 2)');
    expect(note).toContain('phân định theo: Điểm phần Tiểu phẩm');
    expect(doc.sheets[0].notes.some((n) => n.startsWith('Đồng hạng'))).toBe(false);
  });

  it('hundreds of shared ranks are listed compactly, every one of them, within the schema', () => {
    const rows: Row[] = Array.from({ length: 400 }, (_, i) => ({
      entrant: anEntrant(i + 1),
      totals: [50, 50, 50],
      result: frac(10000 - Math.floor(i / 2)),
      rank: 2 * Math.floor(i / 2) + 1,
      tied: true,
    }));
    const doc = aScoreboard(rows);
    const notes = doc.sheets[0].notes.filter((n) => n.startsWith('Đồng hạng'));
    const listed = notes.join(' ');
    for (let g = 0; g < 200; g++)
      expect(listed).toContain(`hạng ${2 * g + 1} – STT ${2 * g + 1}–${2 * g + 2}`);
    expect(notes.every((n) => n.length <= 2000)).toBe(true);
    expect(() => scoreboardDocSchema.parse(doc)).not.toThrow();
  });

  it('past 50 notes the last one counts what was left out', () => {
    const rows: Row[] = Array.from({ length: 200 }, (_, i) => ({
      entrant: anEntrant(i + 1),
      totals: [50, 50, 50],
      result: frac(10000 - Math.floor(i / 2)),
      rank: i + 1,
      decidedBy: 'Điểm của Trưởng ban',
    }));
    const doc = aScoreboard(rows);
    expect(doc.sheets[0].notes.length).toBe(50);
    expect(doc.sheets[0].notes[49]).toMatch(/^… và \d+ ghi chú khác/);
    expect(() => scoreboardDocSchema.parse(doc)).not.toThrow();
  });
});

describe('scoreboard: sheets, clusters and hostile names', () => {
  it.each([
    ['Cụm 1: Hoàn Kiếm/Ba Đình', 'Cụm 1 Hoàn Kiếm Ba Đình'],
    ['[Khối]*?\\ quận', 'Khối quận'],
    ["'Cụm 2'", 'Cụm 2'],
    ['', 'Bảng điểm'],
    ['History', 'Bảng điểm'],
    ['Cụm thi đua số 6 các phường phía Bắc sông Hồng', 'Cụm thi đua số 6 các phường'],
    ['Cụmthiđuasố6cácphườngphíaBắcsôngHồng', 'Cụmthiđuasố6cácphườngphíaBắcsôngHồng'.slice(0, 31)],
  ])('“%s” → “%s”', (name, expected) => {
    const got = sanitizeSheetName(name, new Set());
    expect(got).toBe(expected);
    expect(got.length).toBeLessThanOrEqual(31);
    expect(got).not.toMatch(/[[\]:*?/\\]/);
  });

  it('names stay unique ignoring case, within 31 characters', () => {
    const long = 'Cụm thi đua số 6 các phường phía Bắc';
    const doc = aScoreboard([], {
      groups: ['Cụm 1', 'cụm 1', long, long].map((title) => ({ title, tally: aTally([]) })),
    });
    const names = doc.sheets.map((s) => s.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(4);
    expect(names.every((n) => n.length <= 31)).toBe(true);
    expect(names[3]).toMatch(/ \(2\)$/);
  });

  it('adds a cluster column only when a sheet mixes clusters', () => {
    const c1 = 'k1' as ClusterId;
    const c2 = 'k2' as ClusterId;
    const names = new Map([
      [c1, 'Cụm 1'],
      [c2, 'Cụm 2'],
    ]);
    const mixed = aScoreboard(
      [
        { entrant: anEntrant(1, { clusterId: c1 }), totals: [1, 1, 1], result: frac(100), rank: 1 },
        { entrant: anEntrant(2, { clusterId: c2 }), totals: [1, 1, 1], result: frac(90), rank: 2 },
      ],
      { clusterNameOf: (id) => names.get(id) },
    );
    expect(col(mixed.sheets[0], 'Cụm thi')).toEqual(['Cụm 1', 'Cụm 2']);
    const single = aScoreboard(
      [{ entrant: anEntrant(1, { clusterId: c1 }), totals: [1, 1, 1], result: frac(100), rank: 1 }],
      { clusterNameOf: (id) => names.get(id) },
    );
    expect(single.sheets[0].columns.some((c) => c.header === 'Cụm thi')).toBe(false);
  });

  it('keeps formula-leading names as text, unchanged (the writer guards them), and NFC', () => {
    const nfd = 'Đội Phường Hoàn Kiếm'.normalize('NFD');
    const doc = aScoreboard([
      {
        entrant: anEntrant(1, { name: '=HYPERLINK("http://x","bấm")', unit: '+84 912' }),
        totals: [1, 1, 1],
        result: frac(100),
        rank: 1,
      },
      {
        entrant: anEntrant(2, { name: nfd, unit: '-0,5' }),
        totals: [1, 1, 1],
        result: frac(90),
        rank: 2,
      },
    ]);
    expect(col(doc.sheets[0], 'Đội thi')).toEqual([
      '=HYPERLINK("http://x","bấm")',
      'Đội Phường Hoàn Kiếm'.normalize('NFC'),
    ]);
    expect(col(doc.sheets[0], 'Đơn vị')).toEqual(['+84 912', '-0,5']);
  });

  it('prints the prize bands and which judge scores were trimmed', () => {
    const doc = aScoreboard(
      [
        {
          entrant: anEntrant(1),
          totals: [99, 80, 70],
          result: frac(8000),
          rank: 1,
          trimmed: [0, 2],
        },
      ],
      {
        prizes: [
          { name: 'Nhất', count: 1 },
          { name: 'giải Nhì', count: 2 },
          { name: 'Khuyến khích', thresholdCp: 7000 },
        ],
      },
    );
    const notes = doc.sheets[0].notes;
    expect(notes).toContain(
      'Cơ cấu giải: 1 giải Nhất; 2 giải Nhì; giải Khuyến khích (từ 70,00 điểm).',
    );
    expect(notes.find((n) => n.startsWith('Điểm cao nhất'))).toContain('STT 1: GK1, GK3');
    expect(col(doc.sheets[0], 'Tổng')).toEqual([80]);
  });
});

describe('scoreboard: penalties and unranked entrants', () => {
  it('a penalty is a negative number in its own column, the result column adds up, and the reason is printed', () => {
    const doc = aScoreboard([
      { entrant: anEntrant(1), totals: [90, 90, 90], result: frac(9000), rank: 1 },
      {
        entrant: anEntrant(2),
        totals: [92, 92, 92],
        result: frac(9200),
        rank: 2,
        penalties: [{ entrantId: 'e2' as EntrantId, cp: 50, reason: 'quá giờ' }],
      },
    ]);
    const sheet = doc.sheets[0];
    expect(sheet.columns.map((c) => c.header).slice(-5)).toEqual([
      'Trung bình',
      'Điểm trừ',
      'Kết quả',
      'Xếp hạng',
      'Giải',
    ]);
    expect(col(sheet, 'Điểm trừ')).toEqual([null, -0.5]);
    expect(col(sheet, 'Trung bình')).toEqual([90, 92]);
    expect(col(sheet, 'Kết quả')).toEqual([90, 91.5]);
    expect(sheet.notes).toContain('Điểm trừ: STT 2: trừ 0,5 điểm (quá giờ).');
  });

  it('no penalties and no objective parts: no extra columns', () => {
    const doc = aScoreboard([
      { entrant: anEntrant(1), totals: [90, 90, 90], result: frac(9000), rank: 1 },
    ]);
    expect(
      doc.sheets[0].columns.some((c) => c.header === 'Điểm trừ' || c.header === 'Kết quả'),
    ).toBe(false);
  });

  it('an unranked entrant has blank rank and result, and the note says why', () => {
    const doc = aScoreboard([
      { entrant: anEntrant(1), totals: [90, 90, 90], result: frac(9000), rank: 1 },
      {
        entrant: anEntrant(2),
        totals: ['incomplete', 'incomplete', 'incomplete'],
        result: null,
        rank: null,
        issues: [
          {
            code: 'noJudges',
            blocking: true,
            message: 'Chưa có giám khảo nào chấm đủ: chưa có kết quả.',
          },
        ],
      },
    ]);
    const sheet = doc.sheets[0];
    expect(col(sheet, 'Xếp hạng')).toEqual([1, null]);
    expect(col(sheet, 'Trung bình')).toEqual([90, null]);
    expect(col(sheet, 'Tổng')).toEqual([270, null]);
    expect(sheet.notes).toContain(
      'STT 2 – Đội 2: chưa xếp hạng. Chưa có giám khảo nào chấm đủ: chưa có kết quả.',
    );
    expect(sheet.notes.find((n) => n.includes('chưa chấm đủ các tiêu chí'))).toContain(
      'GK1 ở STT 2; GK2 ở STT 2; GK3 ở STT 2',
    );
  });
});

describe('scoreboard from a real tally', () => {
  it('matches the tally: means over judges who scored, shared ranks', () => {
    const crit: Criterion[] = [
      {
        id: 'k1' as CriterionId,
        roundId: ROUND,
        parentId: null,
        name: 'Nội dung',
        order: 1,
        maxCp: 1000,
        stepCp: 25,
        weight: 1,
      },
    ];
    const judges = [aJudge(1), aJudge(2), aJudge(3, { unit: 'Phường 2' })];
    const entrants = [anEntrant(1), anEntrant(2), anEntrant(3)];
    const steps: Record<string, number[]> = { e1: [33, 32, 32], e2: [30, 31, 0], e3: [31, 30, 31] };
    const scores: Score[] = entrants.flatMap((e) =>
      judges.map((j, k) => ({
        roundId: ROUND,
        judgeId: j.id,
        entrantId: e.id,
        criterionId: crit[0].id,
        steps: steps[e.id][k],
      })),
    );
    const t = tally({
      round: { policy: { kind: 'mean' } },
      criteria: crit,
      entrants,
      judges,
      scores,
      excluded: (j, e) => (j.unit === e.unit ? 'conflict' : 'none'),
    });
    const doc = aScoreboard([], { groups: [{ title: 'Chung khảo', tally: t }], judges });
    const sheet = doc.sheets[0];
    expect(col(sheet, 'Đội thi')).toEqual(t.results.map((r) => r.entrant.name));
    expect(col(sheet, 'Trung bình')).toEqual(
      t.results.map((r) => Number(formatPoints(r.result!, 2).replace(',', '.'))),
    );
    expect(col(sheet, 'Xếp hạng')).toEqual(t.results.map((r) => r.rank));
    const e2 = sheet.rows.find((r) => r[1] === 'Đội 2')!;
    expect(e2[5]).toBeNull(); // GK3 is from Phường 2
  });
});

describe('scoreboard: any tally gives a doc the IPC schema accepts', () => {
  it('property: hostile names, absences, extreme sizes', () => {
    const given = fc.oneof(
      fc.integer({ min: -500, max: 10000 }).map((cp) => cp / 100),
      fc.constantFrom<Given>('conflict', 'incomplete', 'notAssigned'),
    );
    const row = fc.record({
      name: fc.string({ maxLength: 2500 }),
      unit: fc.string({ maxLength: 50 }),
      totals: fc.array(given, { minLength: 3, maxLength: 3 }),
      n: fc.integer({ min: -100000, max: 1000000 }),
      d: fc.integer({ min: 1, max: 9 }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.string({ maxLength: 60 }), (rs, title) => {
        const rows: Row[] = rs.map((r, i) => ({
          entrant: anEntrant(i + 1, { name: r.name, unit: r.unit }),
          totals: r.totals,
          result: frac(r.n, r.d),
          rank: i + 1,
        }));
        const doc = aScoreboard(rows, { groups: [{ title, tally: aTally(rows) }] });
        expect(() => scoreboardDocSchema.parse(doc)).not.toThrow();
        for (const r of doc.sheets[0].rows)
          for (const v of r) if (typeof v === 'number') expect(Math.round(v * 100) / 100).toBe(v);
      }),
      { numRuns: 150 },
    );
  });
});

describe('certificates', () => {
  const entrants = [
    anEntrant(1, { name: 'Đội Phường Hoàn Kiếm', unit: 'Đảng ủy Phường Hoàn Kiếm' }),
    anEntrant(2),
    anEntrant(3),
    anEntrant(4),
  ];
  const prizes = new Map<string, string>([
    ['e1', 'Nhất'],
    ['e3', 'Giải Ba'],
    ['e4', 'Khuyến khích'],
  ]);
  const base = {
    contest: { name: 'Hội thi "Dân vận khéo"', year: 2026, issuer: PARTY },
    entrants,
    prizeOf: (id: EntrantId) => prizes.get(id),
    date: '2026-10-15',
    chainHead: 'ff00',
  };

  it('one certificate per prize winner, in order, with sequential register numbers', () => {
    const doc = buildCertificateDoc(base);
    expect(doc.certificates.map((c) => c.recipient)).toEqual([
      'Đội Phường Hoàn Kiếm',
      'Đội 3',
      'Đội 4',
    ]);
    expect(doc.certificates.map((c) => c.registerNo)).toEqual(['01/GK', '02/GK', '03/GK']);
    expect(doc.certificates[0].achievement).toBe(
      'Đã đạt giải Nhất Hội thi “Dân vận khéo” năm 2026',
    );
    expect(doc.certificates[1].achievement).toBe('Đã đạt giải Ba Hội thi “Dân vận khéo” năm 2026');
    expect(doc.dateText).toBe('Hà Nội, ngày 15 tháng 10 năm 2026');
    expect(doc.formName).toBe('GIẤY KHEN');
    expect(doc.footer).toContain('ff00');
    expect(() => certificateDocSchema.parse(doc)).not.toThrow();
  });

  it('register numbers continue the book with one width per batch', () => {
    const doc = buildCertificateDoc({ ...base, registerStart: 99, registerSuffix: 'GK-BDV' });
    expect(doc.certificates.map((c) => c.registerNo)).toEqual([
      '099/GK-BDV',
      '100/GK-BDV',
      '101/GK-BDV',
    ]);
  });

  it('names the scope and the decision when given', () => {
    const doc = buildCertificateDoc({
      ...base,
      scopeOf: () => 'vòng sơ khảo Cụm 1',
      decision: { number: '48-QĐ/BDVTU', date: '2026-10-05' },
    });
    expect(doc.certificates[0].achievement).toBe(
      'Đã đạt giải Nhất vòng sơ khảo Cụm 1 Hội thi “Dân vận khéo” năm 2026',
    );
    expect(doc.decisionText).toBe('Quyết định số 48-QĐ/BDVTU ngày 05/10/2026');
  });

  it.each([
    ['Hội thi "Dân vận khéo"', 'Hội thi “Dân vận khéo” năm 2026'],
    ['Hội thi “Dân vận khéo” năm 2026', 'Hội thi “Dân vận khéo” năm 2026'],
    ['Hội thi Dân vận khéo', 'Hội thi “Dân vận khéo” năm 2026'],
    ['Hội thi Dân vận khéo thành phố Hà Nội 2026', 'Hội thi “Dân vận khéo” thành phố Hà Nội 2026'],
  ])('contest title “%s” → “%s”', (name, expected) => {
    expect(contestTitle(name, 2026)).toBe(expected);
  });

  it.each([
    ['2026-10-15', 'Hà Nội, ngày 15 tháng 10 năm 2026'],
    ['2026-03-05', 'Hà Nội, ngày 05 tháng 3 năm 2026'],
    ['2026-02-09', 'Hà Nội, ngày 09 tháng 02 năm 2026'],
    ['2028-02-29', 'Hà Nội, ngày 29 tháng 02 năm 2028'],
  ])('date %s → “%s”', (iso, expected) => {
    expect(vietnameseDateText('Hà Nội', iso)).toBe(expected);
  });

  it.each(['2026-02-29', '2026-13-01', '15/10/2026', '2026-10-32'])(
    'a malformed date %s is a bug and throws',
    (iso) => {
      expect(() => vietnameseDateText('Hà Nội', iso)).toThrow(RangeError);
    },
  );

  it.each([
    [PARTY, 'BAN DÂN VẬN THÀNH ỦY HÀ NỘI'],
    [STATE, 'CHỦ TỊCH ỦY BAN NHÂN DÂN QUẬN HOÀN KIẾM'],
    [{ ...STATE, signerMark: 'TM. ỦY BAN NHÂN DÂN' }, 'ỦY BAN NHÂN DÂN QUẬN HOÀN KIẾM'],
    [
      { ...STATE, signerMark: '', signerTitle: 'Giám đốc', name: 'Sở Nội vụ' },
      'GIÁM ĐỐC SỞ NỘI VỤ',
    ],
  ])('issuer title for %j', (issuer, expected) => {
    expect(defaultIssuerTitle(issuer)).toBe(expected);
  });

  it('stores NFC even from decomposed (NFD) input', () => {
    const nfd = 'Nguyễn Thị Hằng – Tổ dân phố số 7'.normalize('NFD');
    const doc = buildCertificateDoc({
      ...base,
      entrants: [anEntrant(1, { name: nfd, unit: nfd })],
    });
    expect(doc.certificates[0].recipient).toBe(nfd.normalize('NFC'));
    expect(doc.certificates[0].unit).toBe(nfd.normalize('NFC'));
  });

  it('nobody with a prize gives no certificates (the caller must say so; the schema refuses it)', () => {
    const doc = buildCertificateDoc({ ...base, prizeOf: () => undefined });
    expect(doc.certificates).toEqual([]);
    expect(certificateDocSchema.safeParse(doc).success).toBe(false);
  });
});
