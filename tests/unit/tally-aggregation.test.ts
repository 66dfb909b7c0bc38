import { describe, expect, it } from 'vitest';
import { buildExclusion } from '@shared/awards/exclusion';
import type {
  AggregationPolicy,
  Criterion,
  EntrantId,
  MissingScoreRule,
} from '@shared/model/types';
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
import { formatPoints } from '@shared/scoring/format';
import {
  objectiveMap,
  sameResult,
  tally,
  type EntrantResult,
  type TallyInput,
} from '@shared/tally/tally';

type Sheet = Record<string, Record<string, readonly (number | null)[] | null>>;
const run = (
  sheet: Sheet,
  opts: {
    policy?: AggregationPolicy;
    judges?: number;
    criteria?: Criterion[];
    missing?: MissingScoreRule;
    extra?: Partial<TallyInput>;
  } = {},
) => {
  const criteria = opts.criteria ?? oneLeaf();
  return tally({
    round: aRound({ policy: opts.policy ?? { kind: 'mean' }, missingScores: opts.missing }),
    criteria,
    entrants: entrants(Object.keys(sheet)),
    judges: judges(opts.judges ?? 3),
    scores: scoreTable(criteria, sheet),
    ...opts.extra,
  });
};
const get = (results: readonly EntrantResult[], id: string) =>
  results.find((r) => r.entrant.id === id)!;
const T5 = { j1: [7000], j2: [8000], j3: [8500], j4: [9000], j5: [9900] };

describe('aggregation across judges', () => {
  it.each([
    // [rule, policy, judges, totals, expected numerator, denominator]
    [
      'mean of the judges who scored',
      { kind: 'mean' },
      3,
      { j1: [8000], j2: [8500], j3: [9000] },
      8500,
      1,
    ],
    [
      'mean stays exact: 25600/3 is not rounded',
      { kind: 'mean' },
      3,
      { j1: [8500], j2: [8500], j3: [8600] },
      25600,
      3,
    ],
    [
      'judge abstains: mean over present judges',
      { kind: 'mean' },
      3,
      { j1: [8000], j2: [9000], j3: [null] },
      8500,
      1,
    ],
    [
      'trimmed mean drops the highest and lowest of 5',
      { kind: 'trimmedMean', drop: 1, minPanel: 5 },
      5,
      T5,
      25500,
      3,
    ],
    [
      '4-judge panel with trimming configured falls back to mean below minPanel',
      { kind: 'trimmedMean', drop: 1, minPanel: 5 },
      4,
      { j1: [7000], j2: [8000], j3: [9000], j4: [9900] },
      33900,
      4,
    ],
    [
      'trimmed mean drops only one of two equal highest',
      { kind: 'trimmedMean', drop: 1, minPanel: 5 },
      5,
      { j1: [8000], j2: [8000], j3: [9000], j4: [9000], j5: [9000] },
      26000,
      3,
    ],
    [
      'median of an odd panel is the middle total',
      { kind: 'median' },
      3,
      { j1: [7000], j2: [8250], j3: [9900] },
      8250,
      1,
    ],
    [
      'median of an even panel averages the two middle totals',
      { kind: 'median' },
      4,
      { j1: [7000], j2: [8000], j3: [9000], j4: [9900] },
      8500,
      1,
    ],
  ] as const)('%s', (_rule, policy, n, row, num, den) => {
    const t = run({ A: row }, { policy, judges: n });
    expect(sameResult(get(t.results, 'A').result, frac(num, den))).toBe(true);
  });

  it('25600/3 centipoints is displayed 85,33 (rounding only at display)', () => {
    expect(
      formatPoints(get(run({ A: { j1: [8500], j2: [8500], j3: [8600] } }).results, 'A').result!),
    ).toBe('85,33');
  });

  it('trimmed judges are marked and not counted', () => {
    const a = get(
      run({ A: T5 }, { policy: { kind: 'trimmedMean', drop: 1, minPanel: 5 }, judges: 5 }).results,
      'A',
    );
    expect(a.judgeTotals.filter((t) => t.trimmed).map((t) => t.judgeId)).toEqual(['j1', 'j5']);
    expect(a.counted).toBe(3);
  });

  it('fallback below minPanel is said, and nobody is struck through', () => {
    const a = get(
      run(
        { A: { j1: [7000], j2: [8000], j3: [9000], j4: [9900] } },
        { policy: { kind: 'trimmedMean', drop: 1, minPanel: 5 }, judges: 4 },
      ).results,
      'A',
    );
    expect(a.trimFellBack).toBe(true);
    expect(a.judgeTotals.some((t) => t.trimmed)).toBe(false);
    expect(a.issues.map((i) => i.code)).toContain('trimFallback');
  });
});

describe('missing scores are explicit, never zero', () => {
  const twoLeaves = tree([
    [
      'p',
      'Phần thi',
      [
        ['a', 1000, 50],
        ['b', 1000, 50],
      ],
    ],
  ]);

  it('a partial sheet leaves that judge out, with a note', () => {
    const a = get(
      run({ A: { j1: [800, 900], j2: [700, 800], j3: [1000] } }, { criteria: twoLeaves }).results,
      'A',
    );
    expect(sameResult(a.result, frac(1600))).toBe(true); // (1700 + 1500) / 2
    expect(a.judgeTotals.find((t) => t.judgeId === 'j3')).toMatchObject({
      absence: 'incomplete',
      totalCp: null,
      scored: 1,
      expected: 2,
    });
    expect(a.issues).toEqual([
      expect.objectContaining({ code: 'judgeLeftOut', blocking: false, judgeId: 'j3' }),
    ]);
  });

  it('requireAll leaves an incomplete entrant unranked', () => {
    const t = run(
      {
        A: { j1: [800, 900], j2: [700, 800], j3: [1000] },
        B: { j1: [500, 500], j2: [500, 500], j3: [500, 500] },
      },
      { criteria: twoLeaves, missing: 'requireAll' },
    );
    expect(get(t.results, 'A')).toMatchObject({ status: 'unranked', rank: null, result: null });
    expect(get(t.results, 'A').issues[0]).toMatchObject({
      code: 'judgeIncomplete',
      blocking: true,
    });
    expect(get(t.results, 'B').rank).toBe(1);
  });

  it('an entrant nobody scored has no result and no rank', () => {
    const t = run({ A: { j1: [8000] }, B: {} });
    expect(get(t.results, 'B')).toMatchObject({ result: null, rank: null, status: 'unranked' });
    expect(t.results.map((r) => r.entrant.id)).toEqual(['A', 'B']);
  });

  it('conflict of interest excludes the judge: mean of the others', () => {
    const criteria = oneLeaf();
    const t = tally({
      round: aRound(),
      criteria,
      entrants: entrants(['A'], () => ({ unit: 'Hội Nông dân xã Tân Lập' })),
      judges: [
        aJudge('j1', { order: 0 }),
        aJudge('j2', { order: 1, unit: 'HỘI NÔNG DÂN XÃ TÂN LẬP' }),
        aJudge('j3', { order: 2 }),
      ],
      scores: scoreTable(criteria, { A: { j1: [8000], j2: [9900], j3: [9000] } }),
      excluded: buildExclusion(),
    });
    const a = get(t.results, 'A');
    expect(sameResult(a.result, frac(8500))).toBe(true);
    expect(a.judgeTotals.find((x) => x.judgeId === 'j2')).toMatchObject({
      absence: 'conflict',
      totalCp: null,
    });
  });
});

describe('weights, objective parts and penalties', () => {
  it('criterion weight multiplies its points', () => {
    const criteria = tree([
      ['a', 'Phần A', [['a1', 1000, 50]], { weight: 2 }],
      ['b', 'Phần B', [['b1', 1000, 50]]],
    ]);
    const t = run({ A: { j1: [800, 500] } }, { criteria, judges: 1 });
    expect(sameResult(get(t.results, 'A').result, frac(2100))).toBe(true); // 800 × 2 + 500
    expect(t.maxCp).toBe(3000);
  });

  const quiz = tree([
    ['ch', 'Chào hỏi', [['ch1', 1000, 50]]],
    ['kt', 'Kiến thức', [['kt1', 2000, 200, { objective: true }]]],
  ]);
  const objective = objectiveMap([
    { entrantId: 'A' as EntrantId, criterionId: 'kt1' as Criterion['id'], steps: 7 },
  ]);

  it('objective part is added once, not averaged', () => {
    const a = get(
      run({ A: { j1: [800], j2: [900] } }, { criteria: quiz, judges: 2, extra: { objective } })
        .results,
      'A',
    );
    expect(sameResult(a.judgedCp, frac(850))).toBe(true);
    expect(a.objectiveCp).toBe(1400);
    expect(sameResult(a.result, frac(2250))).toBe(true);
    expect(a.parts.map((p) => [p.name, p.value && formatPoints(p.value)])).toEqual([
      ['Chào hỏi', '8,50'],
      ['Kiến thức', '14,00'],
    ]);
  });

  it('a missing objective score leaves the entrant unranked, never zero', () => {
    const a = get(run({ A: { j1: [800], j2: [900] } }, { criteria: quiz, judges: 2 }).results, 'A');
    expect(a).toMatchObject({ status: 'unranked', result: null, objectiveMissing: ['kt1'] });
    expect(a.issues.map((i) => i.code)).toEqual(['objectiveMissing']);
  });

  it('penalty subtracts and is shown', () => {
    const penalties = [{ entrantId: 'A' as EntrantId, cp: 50, reason: 'Vượt thời gian quy định' }];
    const t = run({ A: { j1: [8000], j2: [9000] } }, { judges: 2, extra: { penalties } });
    const a = get(t.results, 'A');
    expect(formatPoints(a.result!)).toBe('84,50');
    expect(a.penaltyCp).toBe(50);
    expect(a.penalties).toEqual(penalties);
    expect(t.notes.some((n) => n.includes('Điểm trừ'))).toBe(true);
  });

  it('a penalty without a reason is refused as an issue and not applied', () => {
    const t = run(
      { A: { j1: [8000] } },
      { judges: 1, extra: { penalties: [{ entrantId: 'A' as EntrantId, cp: 50, reason: ' ' }] } },
    );
    expect(formatPoints(get(t.results, 'A').result!)).toBe('80,00');
    expect(t.issues.map((i) => i.code)).toEqual(['penaltyInvalid']);
  });
});

describe('z-score with two panels', () => {
  // Harsh panel (p1, p2) scores A 60, B 70; lenient panel (q1, q2) scores C 80, D 90.
  const criteria = oneLeaf();
  const input = (policy: AggregationPolicy): TallyInput => ({
    round: aRound({ policy }),
    criteria,
    entrants: entrants(['A', 'B', 'C', 'D'], (id) => ({
      clusterId: (id < 'C' ? 'k1' : 'k2') as never,
    })),
    judges: [
      aJudge('p1', { order: 0, clusterIds: ['k1' as never] }),
      aJudge('p2', { order: 1, clusterIds: ['k1' as never] }),
      aJudge('q1', { order: 2, clusterIds: ['k2' as never] }),
      aJudge('q2', { order: 3, clusterIds: ['k2' as never] }),
    ],
    scores: scoreTable(criteria, {
      A: { p1: [6000], p2: [6000] },
      B: { p1: [7000], p2: [7000] },
      C: { q1: [8000], q2: [8000] },
      D: { q1: [9000], q2: [9000] },
    }),
    excluded: buildExclusion(),
  });

  it("the mean ranks the lenient panel's entrants first", () => {
    expect(tally(input({ kind: 'mean' })).results.map((r) => [r.entrant.id, r.rank])).toEqual([
      ['D', 1],
      ['C', 2],
      ['B', 3],
      ['A', 4],
    ]);
  });

  it("standardised per judge, each panel's best is level: B and D share rank 1", () => {
    const t = tally(input({ kind: 'zScore' }));
    const z = Object.fromEntries(t.results.map((r) => [r.entrant.id, r.zMean]));
    expect(z).toEqual({ A: -1, B: 1, C: -1, D: 1 }); // each judge: mean 65 or 85, sd 5
    expect(Object.fromEntries(t.results.map((r) => [r.entrant.id, r.rank]))).toEqual({
      A: 3,
      B: 1,
      C: 3,
      D: 1,
    });
    // Mapped onto points with the pooled mean 75 and sd √125 ≈ 11,18.
    expect(get(t.results, 'B').standardisedCp).toBeCloseTo(7500 + Math.sqrt(1_250_000), 6);
    expect(sameResult(get(t.results, 'B').result, frac(7000))).toBe(true);
  });
});
