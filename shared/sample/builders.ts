/**
 * Builders with defaults for small, hand-checkable records (aRound(), aJudge(), anEntrant(), a
 * criteria tree, a score table), for tests and examples. Ids are the names given, so a test reads
 * like its scoreboard. Not the sample-data generators (city-contest.ts, award-round.ts).
 */
import { leaves } from '../model/criteria-tree';
import type {
  ClusterId,
  ContestId,
  Criterion,
  CriterionId,
  Entrant,
  EntrantId,
  Judge,
  JudgeId,
  Round,
  RoundId,
  Score,
} from '../model/types';

export const R1 = 'r1' as RoundId;
export const C1 = 'c1' as ContestId;

export function aRound(over: Partial<Round> = {}): Round {
  return {
    id: R1,
    contestId: C1,
    name: 'Vòng chung khảo',
    stage: 'final',
    order: 0,
    policy: { kind: 'mean' },
    tieBreak: [],
    prizes: [],
    prizesPerCluster: false,
    locked: false,
    ...over,
  };
}

export function aJudge(id: string, over: Partial<Judge> = {}): Judge {
  return {
    id: id as JudgeId,
    contestId: C1,
    name: `Giám khảo ${id}`,
    title: '',
    unit: `Đơn vị của ${id}`,
    role: 'member',
    clusterIds: [],
    fields: [],
    order: 0,
    ...over,
  };
}

/** n judges j1…jn in that order; j1 is the head judge. */
export function judges(n: number): Judge[] {
  return Array.from({ length: n }, (_, i) =>
    aJudge(`j${i + 1}`, { order: i, role: i === 0 ? 'head' : 'member' }),
  );
}

export function anEntrant(id: string, over: Partial<Entrant> = {}): Entrant {
  return {
    id: id as EntrantId,
    roundId: R1,
    code: id,
    kind: 'team',
    name: `Đội ${id}`,
    unit: `Đơn vị ${id}`,
    clusterId: null,
    order: 0,
    ...over,
  };
}

/** Entrants named by the given ids, listed in that order. */
export function entrants(
  ids: readonly string[],
  over: (id: string, i: number) => Partial<Entrant> = () => ({}),
): Entrant[] {
  return ids.map((id, i) => anEntrant(id, { order: i, ...over(id, i) }));
}

export const cluster = (id: string) => id as ClusterId;

export function aNode(
  id: string,
  parentId: string | null,
  order: number,
  maxCp: number,
  over: Partial<Criterion> = {},
): Criterion {
  return {
    id: id as CriterionId,
    roundId: R1,
    parentId: parentId as CriterionId | null,
    name: id,
    order,
    maxCp,
    stepCp: 25,
    weight: 1,
    ...over,
  };
}

/** One part "Tổng" with one leaf "diem" of 100 points, step 0,25: a judge's total is the score. */
export function oneLeaf(maxCp = 10000): Criterion[] {
  return [aNode('tong', null, 0, maxCp, { name: 'Tổng' }), aNode('diem', 'tong', 0, maxCp)];
}

/**
 * Parts as [partId, partName, [leafId, maxCp, stepCp, extra?][]]; returns the tree.
 * Example: tree([['ch', 'Chào hỏi', [['ch1', 1000, 50]]]]).
 */
export function tree(
  parts: readonly (readonly [
    string,
    string,
    readonly (readonly [string, number, number, Partial<Criterion>?])[],
    Partial<Criterion>?,
  ])[],
): Criterion[] {
  return parts.flatMap(([id, name, kids, over], i) => [
    aNode(
      id,
      null,
      i,
      kids.reduce((s, k) => s + k[1], 0),
      { name, ...over },
    ),
    ...kids.map(([kid, max, step, kover], k) =>
      aNode(kid, id, k, max, { stepCp: step, name: kid, ...kover }),
    ),
  ]);
}

/**
 * Scores from a table entrant → judge → centipoints per judged leaf (in leaf order); null or a
 * shorter list leaves scores missing. Centipoints are converted to steps of each leaf.
 */
export function scoreTable(
  criteria: readonly Criterion[],
  table: Readonly<Record<string, Readonly<Record<string, readonly (number | null)[] | null>>>>,
  roundId: RoundId = R1,
): Score[] {
  const judged = leaves(criteria).filter((c) => !c.objective);
  const out: Score[] = [];
  for (const [entrantId, byJudge] of Object.entries(table)) {
    for (const [judgeId, cps] of Object.entries(byJudge)) {
      (cps ?? []).forEach((cp, k) => {
        if (cp === null || k >= judged.length) return;
        const c = judged[k];
        if (cp % c.stepCp !== 0) throw new Error(`${cp} is off the step of ${c.id}`);
        out.push({
          roundId,
          judgeId: judgeId as JudgeId,
          entrantId: entrantId as EntrantId,
          criterionId: c.id,
          steps: cp / c.stepCp,
        });
      });
    }
  }
  return out;
}
