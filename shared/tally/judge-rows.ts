/**
 * The hot loop of a tally: each judge's weighted total (and tracked-node totals) per entrant, from
 * the raw score list. Scores are indexed once into a flat Int32Array by (entrant, judge, leaf)
 * positions found through Maps keyed by id, so no string key is built per score.
 *
 * Not here: who is excluded (the caller's `excluded`), aggregation, ranking.
 */
import type { Entrant, Judge, Score } from '../model/types';
import type { CriteriaScope } from './criteria-scope';

export type Absence = 'conflict' | 'notAssigned' | 'incomplete' | 'none';

export interface JudgeTotal {
  readonly judgeId: Judge['id'];
  /** Weighted total in centipoints, or null when this judge does not count for the entrant. */
  readonly totalCp: number | null;
  /** Leaves scored out of leaves expected. */
  readonly scored: number;
  readonly expected: number;
  readonly absence: Absence;
  /** Dropped by a trimmed mean (highest or lowest). */
  readonly trimmed: boolean;
}

export interface EntrantRows {
  /** One per judge, in the tally's canonical judge order. */
  readonly totals: JudgeTotal[];
  /**
   * Weighted totals of the scope's tracked nodes, flat: judge j's node k is at j × nodes + k. Read it
   * only for judges whose totalCp is not null. Flat so a tally allocates one array per entrant.
   */
  readonly nodeCp: Float64Array;
}

const MISSING = -1;

/** Scores indexed by position; a cleared score (steps null) is the same as none. */
export function indexScores(
  entrants: readonly Entrant[],
  judges: readonly Judge[],
  scores: readonly Score[],
  scope: CriteriaScope,
): Int32Array {
  const nJ = judges.length;
  const nL = scope.judgedLeaves.length;
  const entrantIdx = new Map(entrants.map((e, i) => [e.id as string, i]));
  const judgeIdx = new Map(judges.map((j, i) => [j.id as string, i]));
  const steps = new Int32Array(entrants.length * nJ * nL).fill(MISSING);
  for (const s of scores) {
    const e = entrantIdx.get(s.entrantId);
    if (e === undefined || s.roundId !== entrants[e].roundId) continue;
    const j = judgeIdx.get(s.judgeId);
    const l = scope.leafIndex.get(s.criterionId);
    if (j === undefined || l === undefined) continue;
    steps[(e * nJ + j) * nL + l] = s.steps === null || s.steps < 0 ? MISSING : s.steps;
  }
  return steps;
}

export function computeRows(
  entrants: readonly Entrant[],
  judges: readonly Judge[],
  scores: readonly Score[],
  scope: CriteriaScope,
  excluded: ((judge: Judge, entrant: Entrant) => Absence) | undefined,
): EntrantRows[] {
  const steps = indexScores(entrants, judges, scores, scope);
  const nJ = judges.length;
  const nL = scope.judgedLeaves.length;
  const nNodes = scope.nodes.length;
  return entrants.map((entrant, e) => {
    const plan = scope.planFor(entrant);
    const expected = plan.judged.length;
    const totals: JudgeTotal[] = [];
    const nodeCp = new Float64Array(nJ * nNodes);
    for (let j = 0; j < nJ; j++) {
      const judge = judges[j];
      // No judged leaf for this rubric: judges have nothing to do here, which is not a gap.
      const exclusion = expected === 0 ? 'notAssigned' : (excluded?.(judge, entrant) ?? 'none');
      const base = (e * nJ + j) * nL;
      let total = 0;
      let count = 0;
      const nodeBase = j * nNodes;
      for (let k = 0; k < expected; k++) {
        const v = steps[base + plan.judged[k]];
        if (v === MISSING) continue;
        const cp = v * plan.stepWeight[k];
        total += cp;
        count++;
        for (const n of plan.judgedNodes[k]) nodeCp[nodeBase + n] += cp;
      }
      const absence: Absence =
        exclusion !== 'none' ? exclusion : count === expected ? 'none' : 'incomplete';
      totals.push({
        judgeId: judge.id,
        totalCp: absence === 'none' ? total : null,
        scored: count,
        expected,
        absence,
        trimmed: false,
      });
    }
    return { totals, nodeCp };
  });
}
