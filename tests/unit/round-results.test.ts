/**
 * A round's results (shared/results/round-results.ts): groups, panels, prizes or funnel stages,
 * and the secretary's extras taken from the projection. Named after the rules they prove.
 */
import { describe, expect, it } from 'vitest';
import type {
  ClusterId,
  CriterionId,
  EntrantId,
  JudgeId,
  RoundId,
  Score,
} from '@shared/model/types';
import type { Projection } from '@shared/journal/projection';
import { extrasFrom, panelOf, roundGroups, roundResults } from '@shared/results/round-results';
import { tally } from '@shared/tally/tally';
import { buildExclusion } from '@shared/awards/exclusion';
import { aCluster, aCriterion, aJudge, aRound, aScore, anEntrant } from '../support/builders';

const k1 = aCluster({ id: 'k1' as ClusterId, name: 'Cụm 1', order: 1 });
const k2 = aCluster({ id: 'k2' as ClusterId, name: 'Cụm 2', order: 0 });
const q1 = aCriterion();
const teams = [
  anEntrant({
    id: 'e1' as EntrantId,
    code: 'D1',
    name: 'Đội A',
    unit: 'Đơn vị A',
    clusterId: k1.id,
    order: 0,
  }),
  anEntrant({
    id: 'e2' as EntrantId,
    code: 'D2',
    name: 'Đội B',
    unit: 'Đơn vị B',
    clusterId: k1.id,
    order: 1,
  }),
  anEntrant({
    id: 'e3' as EntrantId,
    code: 'D3',
    name: 'Đội C',
    unit: 'Đơn vị C',
    clusterId: k2.id,
    order: 2,
  }),
];
const j1 = aJudge({ id: 'j1' as JudgeId, unit: 'GK 1', clusterIds: [k1.id], order: 0 });
const j2 = aJudge({ id: 'j2' as JudgeId, unit: 'GK 2', clusterIds: [k2.id], order: 1 });
const j3 = aJudge({ id: 'j3' as JudgeId, unit: 'GK 3', clusterIds: [], order: 2 });
const judges = [j1, j2, j3];
const scores: Score[] = [
  aScore({ judgeId: j1.id, entrantId: 'e1' as EntrantId, steps: 18 }),
  aScore({ judgeId: j3.id, entrantId: 'e1' as EntrantId, steps: 16 }),
  aScore({ judgeId: j1.id, entrantId: 'e2' as EntrantId, steps: 14 }),
  aScore({ judgeId: j3.id, entrantId: 'e2' as EntrantId, steps: 12 }),
  aScore({ judgeId: j2.id, entrantId: 'e3' as EntrantId, steps: 20 }),
  aScore({ judgeId: j3.id, entrantId: 'e3' as EntrantId, steps: 10 }),
  aScore({ roundId: 'r9' as RoundId, judgeId: j2.id, entrantId: 'e9' as EntrantId, steps: 1 }), // another round
];
const prelim = aRound({
  stage: 'preliminary',
  name: 'Vòng sơ khảo',
  prizesPerCluster: true,
  prizes: [{ name: 'Giải Nhất', count: 1 }],
});

describe('round results', () => {
  it('per-cluster prizes: one group per cluster with entrants, in cluster order, each with its own panel and ladder', () => {
    const r = roundResults(
      prelim,
      [k1, k2, aCluster({ id: 'k3' as ClusterId, name: 'Cụm trống', order: 2 })],
      [q1],
      teams,
      judges,
      scores,
    );
    expect(r.groups.map((g) => g.title)).toEqual(['Cụm 2', 'Cụm 1']);
    expect(r.groups.map((g) => g.input.judges.map((j) => j.id))).toEqual([
      ['j2', 'j3'],
      ['j1', 'j3'],
    ]);
    expect([...r.groups[0].prizes]).toEqual([
      ['e3', 'Giải Nhất'],
      ['e1', 'Giải Nhất'],
    ]);
  });

  it('a cluster’s tally equals a tally of the whole round’s scores over that cluster (scores split per cluster change nothing)', () => {
    const r = roundResults(prelim, [k1, k2], [q1], teams, judges, scores);
    for (const g of r.groups) {
      const whole = tally({ ...g.input, scores });
      expect(g.tally.results.map((x) => [x.entrant.id, x.result, x.rank])).toEqual(
        whole.results.map((x) => [x.entrant.id, x.result, x.rank]),
      );
    }
  });

  it('a round without per-cluster prizes is one group named after the round, scored by every panel', () => {
    const r = roundResults(
      aRound({ name: 'Vòng chung khảo', prizes: [{ name: 'Giải Nhất', count: 1 }] }),
      [],
      [q1],
      teams,
      judges,
      scores,
    );
    expect(r.groups.map((g) => [g.title, g.cluster])).toEqual([['Vòng chung khảo', null]]);
    expect(r.groups[0].tally.results.map((x) => x.entrant.id)).toEqual(['e1', 'e3', 'e2']);
    expect(r.groups[0].prizes.get('e1')).toBe('Giải Nhất');
  });

  it('award rounds with a pass mark: the outcome is the funnel stage, not a prize tier', () => {
    const award = aRound({
      stage: 'award',
      passMark: { attribute: 'area', marks: [], defaultCp: 700, standardFloorPercent: 0 },
      funnel: { exemplary: 0, commended: 0 },
    });
    const r = roundResults(
      award,
      [],
      [q1],
      teams.map((e) => ({ ...e, clusterId: null, kind: 'model' as const })),
      [j3],
      scores,
    );
    expect(r.funnel).not.toBeNull();
    expect(r.groups[0].prizes.get('e1')).toBe('Công nhận'); // 8,00 ≥ 7,00
    expect(r.groups[0].prizes.has('e2')).toBe(false); // 6,00 < 7,00
  });

  it('a group’s tally input reads its scores only when asked for (they may be decoded lazily)', () => {
    let reads = 0;
    const plans = roundGroups(prelim, [k1, k2], [q1], teams, judges, () => {
      reads++;
      return scores;
    });
    expect(plans.map((p) => p.title)).toEqual(['Cụm 2', 'Cụm 1']);
    expect(reads).toBe(0);
    const r = roundResults(prelim, [k1, k2], [q1], teams, judges, scores);
    expect(plans.map((p) => tally(p.input).results.map((x) => x.result))).toEqual(
      r.groups.map((g) => g.tally.results.map((x) => x.result)),
    );
    expect(reads).toBe(2);
  });

  it('panels: round membership and cluster decide who is on a group’s panel', () => {
    const other = aJudge({ id: 'j4' as JudgeId, roundIds: ['r9' as RoundId], order: 3 });
    expect(panelOf({ cluster: k1, roundId: 'r1' }, [...judges, other]).map((j) => j.id)).toEqual([
      'j1',
      'j3',
    ]);
    expect(panelOf({ cluster: null, roundId: 'r1' }, [...judges, other]).map((j) => j.id)).toEqual([
      'j1',
      'j2',
      'j3',
    ]);
    expect(panelOf({ cluster: null, roundId: 'r9' }, [...judges, other]).map((j) => j.id)).toEqual([
      'j1',
      'j2',
      'j3',
      'j4',
    ]);
  });

  it('extras: this round’s penalties, objective scores and tie-break answers; withdrawn ones left out', () => {
    const p = {
      penalties: [
        { roundId: 'r1', entrantId: 'e1', criterionId: null, cp: 50, reason: 'quá giờ' },
        { roundId: 'r1', entrantId: 'e2', criterionId: null, cp: null, reason: '' },
        { roundId: 'r9', entrantId: 'e9', criterionId: null, cp: 10, reason: 'x' },
      ],
      objectives: [
        { roundId: 'r1', entrantId: 'e1', criterionId: 'o1', steps: 7 },
        { roundId: 'r1', entrantId: 'e2', criterionId: 'o1', steps: null },
      ],
      tieBreaks: [
        { roundId: 'r1', entrantId: 'e1', judgeId: 'j1', steps: 3 },
        { roundId: 'r1', entrantId: 'e1', judgeId: 'j2', steps: 4 },
      ],
    } as unknown as Projection;
    const x = extrasFrom(p, 'r1');
    expect(x.penalties).toEqual([{ entrantId: 'e1', cp: 50, reason: 'quá giờ' }]);
    expect([...x.objective!].map(([e, m]) => [e, [...m]])).toEqual([
      ['e1', [['o1' as CriterionId, 7]]],
    ]);
    expect([...x.tieBreakScores!]).toEqual([['e1', 7]]);
    expect(extrasFrom(undefined, 'r1')).toEqual({});
  });

  it('who may score whom comes from the exclusion rules (a judge of the entrant’s own unit is a conflict)', () => {
    const own = aJudge({ id: 'j5' as JudgeId, unit: 'Đơn vị A', clusterIds: [], order: 4 });
    const r = roundResults(
      aRound(),
      [],
      [q1],
      teams,
      [own],
      [aScore({ judgeId: own.id, entrantId: 'e1' as EntrantId })],
    );
    const e1 = r.groups[0].tally.results.find((x) => x.entrant.id === 'e1')!;
    expect(e1.judgeTotals[0].absence).toBe(buildExclusion()(own, teams[0]));
    expect(e1.judgeTotals[0].absence).toBe('conflict');
  });
});
