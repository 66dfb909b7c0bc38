import { describe, expect, it } from 'vitest';
import type { CriterionId, EntrantId, TieBreakRule } from '@shared/model/types';
import {
  aJudge,
  aRound,
  entrants,
  judges,
  oneLeaf,
  scoreTable,
  tree,
} from '@shared/sample/builders';
import { frac } from '@shared/scoring/fraction';
import { rankBy } from '@shared/tally/rank';
import { tally } from '@shared/tally/tally';

type Sheet = Record<string, Record<string, (number | null)[]>>;
const ranks = (
  sheet: Sheet,
  opts: {
    tieBreak?: TieBreakRule[];
    judges?: number;
    criteria?: ReturnType<typeof oneLeaf>;
    tieBreakScores?: Record<string, number>;
    order?: string[];
  } = {},
) => {
  const criteria = opts.criteria ?? oneLeaf();
  const ids = opts.order ?? Object.keys(sheet);
  const t = tally({
    round: aRound({ tieBreak: opts.tieBreak ?? [] }),
    criteria,
    entrants: entrants(ids),
    judges: judges(opts.judges ?? 1),
    scores: scoreTable(criteria, sheet),
    tieBreakScores: opts.tieBreakScores
      ? new Map(Object.entries(opts.tieBreakScores).map(([k, v]) => [k as EntrantId, v]))
      : undefined,
  });
  return t.results.map((r) => ({
    id: r.entrant.id as string,
    rank: r.rank,
    tied: r.tied,
    decidedBy: r.decidedBy,
  }));
};

describe('equal results share a rank (competition ranking)', () => {
  it.each([
    [
      'three-way tie shares rank 2 (1,2,2,2,5)',
      { A: [9000], B: [8000], C: [8000], D: [8000], E: [7000] },
      [1, 2, 2, 2, 5],
    ],
    [
      'two-way tie shares rank 2 (1,2,2,4)',
      { A: [9000], B: [8000], C: [8000], D: [7000] },
      [1, 2, 2, 4],
    ],
    ['tie at the top shares rank 1 (1,1,3)', { A: [9000], B: [9000], C: [7000] }, [1, 1, 3]],
    ['no ties: 1,2,3', { A: [7000], B: [9000], C: [8000] }, [1, 2, 3]],
  ] as const)('%s', (_rule, totals, expected) => {
    const sheet = Object.fromEntries(Object.entries(totals).map(([id, v]) => [id, { j1: [...v] }]));
    expect(ranks(sheet).map((r) => r.rank)).toEqual(expected);
  });

  it('tied entrants are flagged and nothing claims to have decided', () => {
    const r = ranks({ A: { j1: [9000] }, B: { j1: [8000] }, C: { j1: [8000] } });
    expect(r.map((x) => [x.id, x.tied, x.decidedBy])).toEqual([
      ['A', false, null],
      ['B', true, null],
      ['C', true, null],
    ]);
  });
});

describe('the tie-break chain decides, in order, and says which rule did', () => {
  const parts = tree([
    ['ch', 'Chào hỏi', [['ch1', 1000, 50]]],
    ['tp', 'Tiểu phẩm', [['tp1', 1000, 50]]],
  ]);
  const tp = { kind: 'part', criterionId: 'tp' as CriterionId } as const;

  it('part score decides the order', () => {
    const r = ranks(
      { A: { j1: [900, 600] }, B: { j1: [600, 900] } },
      { criteria: parts, tieBreak: [tp] },
    );
    expect(r).toEqual([
      { id: 'B', rank: 1, tied: false, decidedBy: 'Điểm phần Tiểu phẩm' },
      { id: 'A', rank: 2, tied: false, decidedBy: 'Điểm phần Tiểu phẩm' },
    ]);
  });

  it('more first places from judges decides', () => {
    // j1's best is A; j2's and j3's best is B. Both total 240.
    const r = ranks(
      {
        A: { j1: [9000], j2: [7500], j3: [7500] },
        B: { j1: [8000], j2: [8000], j3: [8000] },
        C: { j1: [7000], j2: [7000], j3: [7000] },
      },
      { judges: 3, tieBreak: [{ kind: 'firstPlaces' }] },
    );
    expect(r.map((x) => [x.id, x.rank, x.decidedBy])).toEqual([
      ['B', 1, 'Số giám khảo xếp thứ nhất'],
      ['A', 2, 'Số giám khảo xếp thứ nhất'],
      ['C', 3, null],
    ]);
  });

  it("head judge's total decides", () => {
    const r = ranks(
      { A: { j1: [8000], j2: [9000] }, B: { j1: [9000], j2: [8000] } },
      { judges: 2, tieBreak: [{ kind: 'headJudgeTotal' }] },
    );
    expect(r.map((x) => [x.id, x.rank, x.decidedBy])).toEqual([
      ['B', 1, 'Điểm của Trưởng Ban Giám khảo'],
      ['A', 2, 'Điểm của Trưởng Ban Giám khảo'],
    ]);
  });

  it('chain falls through: an equal first rule passes to the second', () => {
    const r = ranks(
      { A: { j1: [600, 900], j2: [800, 900] }, B: { j1: [800, 900], j2: [600, 900] } },
      { criteria: parts, judges: 2, tieBreak: [tp, { kind: 'headJudgeTotal' }] },
    );
    expect(r.map((x) => [x.id, x.rank, x.decidedBy])).toEqual([
      ['B', 1, 'Điểm của Trưởng Ban Giám khảo'],
      ['A', 2, 'Điểm của Trưởng Ban Giám khảo'],
    ]);
  });

  it('tie-break question decides the order', () => {
    const r = ranks(
      { A: { j1: [8500] }, B: { j1: [8500] }, C: { j1: [8000] } },
      { tieBreak: [{ kind: 'tieBreakQuestion' }], tieBreakScores: { A: 500, B: 800 } },
    );
    expect(r.map((x) => [x.id, x.rank, x.decidedBy])).toEqual([
      ['B', 1, 'Điểm câu hỏi phụ'],
      ['A', 2, 'Điểm câu hỏi phụ'],
      ['C', 3, null],
    ]);
  });

  it('a tie-break question entered for only one of the tied decides nothing', () => {
    const r = ranks(
      { A: { j1: [8500] }, B: { j1: [8500] } },
      { tieBreak: [{ kind: 'tieBreakQuestion' }], tieBreakScores: { A: 500 } },
    );
    expect(r.map((x) => [x.rank, x.tied, x.decidedBy])).toEqual([
      [1, true, null],
      [1, true, null],
    ]);
  });

  it('head judge left out for one tied entrant (conflict): that rule is skipped, the tie stays', () => {
    const criteria = oneLeaf();
    const t = tally({
      round: aRound({ tieBreak: [{ kind: 'headJudgeTotal' }] }),
      criteria,
      entrants: entrants(['A', 'B']),
      judges: [aJudge('j1', { role: 'head', order: 0 }), aJudge('j2', { order: 1 })],
      scores: scoreTable(criteria, { A: { j2: [8500] }, B: { j1: [8500], j2: [8500] } }),
      excluded: (j, e) => (j.id === 'j1' && e.id === 'A' ? 'conflict' : 'none'),
    });
    expect(t.results.map((r) => [r.rank, r.tied])).toEqual([
      [1, true],
      [1, true],
    ]);
  });

  it('seeded lot separates a tie, names its seed, and does not depend on listing order', () => {
    const sheet = { A: { j1: [8500] }, B: { j1: [8500] } };
    const winners = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) {
      const one = ranks(sheet, { tieBreak: [{ kind: 'lot', seed }] });
      const other = ranks(sheet, { tieBreak: [{ kind: 'lot', seed }], order: ['B', 'A'] });
      expect(one.map((x) => x.rank)).toEqual([1, 2]);
      expect(one[0].decidedBy).toBe(`Bốc thăm (mã bốc thăm ${seed})`);
      expect(other.map((x) => x.id)).toEqual(one.map((x) => x.id));
      winners.add(one[0].id);
    }
    // A fair lot: across seeds both entrants win sometimes.
    expect([...winners].sort()).toEqual(['A', 'B']);
  });
});

describe('rankBy', () => {
  it('compares fractions exactly (1/3 of a point beats 0,3333)', () => {
    const r = rankBy(
      [
        { id: 'x', v: frac(1, 3) },
        { id: 'y', v: frac(3333, 10000) },
      ],
      [{ name: 'Kết quả', value: (i) => i.v }],
      (i) => i.id,
    );
    expect(r.map((k) => [k.item.id, k.rank])).toEqual([
      ['x', 1],
      ['y', 2],
    ]);
  });

  it('a null main value sorts last', () => {
    const r = rankBy(
      [
        { id: 'x', v: null },
        { id: 'y', v: 5 },
      ],
      [{ name: 'Kết quả', value: (i) => i.v }],
      (i) => i.id,
    );
    expect(r.map((k) => k.item.id)).toEqual(['y', 'x']);
  });
});
