import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  AggregationPolicy,
  CriterionId,
  JudgeId,
  Score,
  TieBreakRule,
} from '@shared/model/types';
import {
  aRound,
  entrants as makeEntrants,
  judges as makeJudges,
  R1,
  tree,
} from '@shared/sample/builders';
import { compare } from '@shared/scoring/fraction';
import { tally, type Tally, type TallyInput } from '@shared/tally/tally';

const criteria = tree([
  ['ch', 'Chào hỏi', [['a', 1000, 50]]],
  ['tp', 'Tiểu phẩm', [['b', 2000, 50]]],
]);
const policies: AggregationPolicy[] = [
  { kind: 'mean' },
  { kind: 'trimmedMean', drop: 1, minPanel: 4 },
  { kind: 'median' },
  { kind: 'zScore' },
];
const chains: TieBreakRule[][] = [
  [],
  [{ kind: 'part', criterionId: 'tp' as CriterionId }],
  [{ kind: 'firstPlaces' }, { kind: 'headJudgeTotal' }],
  [{ kind: 'lot', seed: 7 }],
];

/** A random round: 1–8 entrants, 1–6 judges, steps 0…20 / 0…40, some scores missing or cleared. */
const roundArb = fc
  .record({
    nE: fc.integer({ min: 1, max: 8 }),
    nJ: fc.integer({ min: 1, max: 6 }),
    policy: fc.constantFrom(...policies),
    chain: fc.constantFrom(...chains),
    cells: fc.array(
      fc.tuple(
        fc.option(fc.integer({ min: 0, max: 20 }), { freq: 8 }),
        fc.option(fc.integer({ min: 0, max: 40 }), { freq: 8 }),
      ),
      { minLength: 48, maxLength: 48 },
    ),
  })
  .map(({ nE, nJ, policy, chain, cells }): TallyInput => {
    const es = makeEntrants(Array.from({ length: nE }, (_, i) => `e${i}`));
    const js = makeJudges(nJ);
    const scores: Score[] = [];
    es.forEach((e, i) =>
      js.forEach((j, k) => {
        const [a, b] = cells[i * 6 + k];
        scores.push({
          roundId: R1,
          judgeId: j.id,
          entrantId: e.id,
          criterionId: 'a' as CriterionId,
          steps: a,
        });
        scores.push({
          roundId: R1,
          judgeId: j.id,
          entrantId: e.id,
          criterionId: 'b' as CriterionId,
          steps: b,
        });
      }),
    );
    return {
      round: aRound({ policy, tieBreak: chain }),
      criteria,
      entrants: es,
      judges: js,
      scores,
    };
  });

/** Everything a scoreboard shows, in a comparable form. */
const view = (t: Tally) =>
  t.results.map((r) => ({
    id: r.entrant.id,
    rank: r.rank,
    tied: r.tied,
    decidedBy: r.decidedBy,
    status: r.status,
    result: r.result && [r.result.n, r.result.d],
    value: r.resultValue,
    judges: r.judgeTotals.map((x) => [x.judgeId, x.totalCp, x.trimmed, x.absence]),
  }));

describe('tally properties', () => {
  it('order independence: shuffling entrants, judges and scores gives identical results', () => {
    fc.assert(
      fc.property(
        roundArb,
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        (input, stream) => {
          const keys = stream.take(1000)[Symbol.iterator]();
          const shuffle = <T>(xs: readonly T[]) =>
            xs
              .map((x) => [keys.next().value as number, x] as const)
              .sort((p, q) => p[0] - q[0])
              .map(([, x]) => x);
          const shuffled = {
            ...input,
            entrants: shuffle(input.entrants),
            judges: shuffle(input.judges),
            scores: shuffle(input.scores),
          };
          expect(view(tally(shuffled))).toEqual(view(tally(input)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('permuting judges: handing the same sheets to other judges changes no result or rank', () => {
    fc.assert(
      fc.property(roundArb, fc.integer({ min: 1, max: 5 }), (input, shift) => {
        // Chains reading one judge (head judge) are not symmetric in judges by design.
        const round = aRound({
          policy: input.round.policy,
          tieBreak: (input.round.tieBreak ?? []).filter((r) => r.kind !== 'headJudgeTotal'),
        });
        const ids = input.judges.map((j) => j.id);
        const to = (id: JudgeId) => ids[(ids.indexOf(id) + shift) % ids.length];
        const moved = {
          ...input,
          round,
          scores: input.scores.map((s) => ({ ...s, judgeId: to(s.judgeId) })),
        };
        const strip = (t: Tally) =>
          t.results.map((r) => ({
            id: r.entrant.id,
            rank: r.rank,
            result: r.result && [r.result.n, r.result.d],
            value: r.resultValue,
          }));
        const a = strip(tally({ ...input, round }));
        const b = strip(tally(moved));
        expect(b.map((x) => [x.id, x.rank, x.result])).toEqual(
          a.map((x) => [x.id, x.rank, x.result]),
        );
        b.forEach((x, i) =>
          x.value === null
            ? expect(a[i].value).toBeNull()
            : expect(x.value).toBeCloseTo(a[i].value!, 9),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('ranks are 1-based competition ranks: 1 + the number of strictly better results', () => {
    fc.assert(
      fc.property(roundArb, (input) => {
        const t = tally({ ...input, round: aRound({ policy: { kind: 'mean' } }) });
        const ranked = t.results.filter((r) => r.rank !== null);
        for (const r of ranked) {
          const better = ranked.filter((o) => compare(o.result!, r.result!) > 0).length;
          expect(r.rank).toBe(1 + better);
          expect(r.tied).toBe(ranked.some((o) => o !== r && compare(o.result!, r.result!) === 0));
        }
        expect(
          ranked.every((r) => r.result !== null) &&
            t.results.filter((r) => r.rank === null).every((r) => r.status === 'unranked'),
        ).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('with tie-breaks, ranks still start at 1 and never skip more than the tied block', () => {
    fc.assert(
      fc.property(roundArb, (input) => {
        const ranks = tally(input).results.flatMap((r) => (r.rank === null ? [] : [r.rank]));
        ranks.forEach((rank, p) => expect(rank === p + 1 || rank === ranks[p - 1]).toBe(true));
      }),
      { numRuns: 300 },
    );
  });
});

it('scores of another round are ignored, even for the same entrant, judge and criterion', () => {
  fc.assert(
    fc.property(roundArb, (i) => {
      const other = i.scores.map((s) => ({ ...s, roundId: 'r2' as never, steps: 0 }));
      expect(view(tally({ ...i, scores: [...i.scores, ...other] }))).toEqual(view(tally(i)));
    }),
    { numRuns: 50 },
  );
});
