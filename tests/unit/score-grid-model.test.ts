/**
 * The score sheet's rows: stable objects, so a save re-renders one row; totals cached per row; the
 * outlier prompt computed from the round's scores in one pass, as the old per-judge rebuild did.
 */
import { describe, expect, it } from 'vitest';
import type { Criterion, CriterionId, EntrantId, JudgeId, Score } from '@shared/model/types';
import {
  completeRows,
  rowTotalCp,
  sheetEntrants,
  sheetOutliers,
  sheetRows,
  valuesOf,
  type SheetRow,
  type SheetStates,
} from '../../renderer/src/features/scoring/score-grid-model';
import { aCriterion, aJudge, anEntrant, aScore } from '../support/builders';

const criteria: Criterion[] = [
  aCriterion({ id: 'p1' as CriterionId, name: 'Phần 1', maxCp: 2000 }),
  aCriterion({
    id: 'q1' as CriterionId,
    parentId: 'p1' as CriterionId,
    maxCp: 1000,
    stepCp: 50,
    order: 0,
  }),
  aCriterion({
    id: 'q2' as CriterionId,
    parentId: 'p1' as CriterionId,
    maxCp: 1000,
    stepCp: 50,
    order: 1,
    weight: 2,
  }),
];
const entrants = Array.from({ length: 5 }, (_, i) =>
  anEntrant({ id: `e${i}` as EntrantId, name: `Đội ${i}`, unit: `Phường ${i}`, order: i }),
);
const judge = aJudge({ unit: 'Phường 3' });
const score = (e: number, c: 'q1' | 'q2', steps: number, j = 'j1'): Score =>
  aScore({
    entrantId: `e${e}` as EntrantId,
    criterionId: c as CriterionId,
    judgeId: j as JudgeId,
    steps,
  });

describe('score sheet rows', () => {
  it('after one cell changes, every other row is the very same object', () => {
    const cache = new Map<string, SheetRow>();
    const states: SheetStates = new Map();
    const before = valuesOf([score(0, 'q1', 10), score(1, 'q1', 12)]);
    const a = sheetRows(entrants, judge, before, states, cache);
    const after = new Map(before).set('e1', { ...before.get('e1'), q2: 4 });
    const b = sheetRows(entrants, judge, after, states, cache);
    expect(b.map((r, i) => r === a[i])).toEqual([true, false, true, true, true]);
    expect(b[1].values).toEqual({ q1: 12, q2: 4 });
    // a save state change is a row change too, of that row only
    const c = sheetRows(
      entrants,
      judge,
      after,
      new Map([['e4', { q1: 'saving' as const }]]),
      cache,
    );
    expect(c.map((r, i) => r === b[i])).toEqual([true, true, true, true, false]);
    expect(c[4].state).toEqual({ q1: 'saving' });
    expect(c[3].conflict).toBe(true); // same unit as the judge
  });

  it('totals are weighted, and an unchanged row is not added up again', () => {
    const rows = sheetRows(
      entrants,
      judge,
      valuesOf([score(0, 'q1', 10), score(0, 'q2', 4)]),
      new Map(),
      new Map(),
    );
    const t = rowTotalCp(rows[0], criteria);
    expect(t).toEqual({ totalCp: 10 * 50 + 4 * 50 * 2, scored: 2, expected: 2 });
    expect(rowTotalCp(rows[0], criteria)).toBe(t);
    expect(completeRows(rows, criteria)).toBe(1);
  });

  it('leaves out entrants outside the judge’s clusters', () => {
    const inCluster = entrants.map((e, i) => ({ ...e, clusterId: (i < 2 ? 'k1' : 'k2') as never }));
    expect(
      sheetEntrants(inCluster, aJudge({ clusterIds: ['k1' as never] })).map((e) => e.id),
    ).toEqual(['e0', 'e1']);
  });

  it('outliers: a total far from the other judges’ complete totals for the same entrant', () => {
    const mine = valuesOf([0, 1, 2].flatMap((e) => [score(e, 'q1', 16), score(e, 'q2', 8)]));
    mine.set('e1', { q1: 2, q2: 1 }); // a typo-sized total
    const rows = sheetRows(entrants.slice(0, 3), judge, mine, new Map(), new Map());
    const others = [
      aJudge({ id: 'j2' as JudgeId, unit: 'X' }),
      aJudge({ id: 'j3' as JudgeId, unit: 'Y' }),
    ];
    const round = [0, 1, 2].flatMap((e) =>
      ['j2', 'j3'].flatMap((j) => [score(e, 'q1', 16, j), score(e, 'q2', 8, j)]),
    );
    round.push(score(2, 'q1', 1, 'j9')); // a judge not on the panel: ignored
    const found = sheetOutliers(rows, judge, [judge, ...others], criteria, round, 3000);
    expect(found.map((o) => o.entrantId)).toEqual(['e1']);
    expect(found[0].message).toContain('các giám khảo khác');
  });
});
