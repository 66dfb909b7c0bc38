import { describe, expect, it } from 'vitest';
import type { Cluster, ClusterId, EntrantId, RoundId } from '@shared/model/types';
import { aRound, entrants, judges, oneLeaf, R1, scoreTable } from '@shared/sample/builders';
import {
  advancement,
  createFinalEntrants,
  type AdvancementDecision,
  type AdvancementRule,
} from '@shared/tally/advancement';
import { tally } from '@shared/tally/tally';

/** One judge; totals in centipoints per entrant; cluster from the first letter of the id's row. */
function results(
  rows: readonly (readonly [id: string, cluster: string | null, totalCp: number | null])[],
) {
  const criteria = oneLeaf();
  const es = entrants(
    rows.map(([id]) => id),
    (id) => ({ clusterId: rows.find((r) => r[0] === id)![1] as ClusterId | null }),
  );
  const sheet = Object.fromEntries(rows.map(([id, , cp]) => [id, { j1: cp === null ? [] : [cp] }]));
  return tally({
    round: aRound(),
    criteria,
    entrants: es,
    judges: judges(1),
    scores: scoreTable(criteria, sheet),
  }).results;
}
const clusters: Cluster[] = [
  { id: 'k1' as ClusterId, roundId: R1, name: 'Cụm 1', order: 0 },
  { id: 'k2' as ClusterId, roundId: R1, name: 'Cụm 2', order: 1 },
];
const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id);
const adv = (
  rows: Parameters<typeof results>[0],
  rule: AdvancementRule,
  decisions: AdvancementDecision[] = [],
) => advancement(results(rows), rule, { clusters, decisions });

describe('advancement from a preliminary', () => {
  it.each([
    [
      'best 1 of each cluster goes to the final',
      [
        ['A', 'k1', 9000],
        ['B', 'k1', 8000],
        ['C', 'k2', 7000],
        ['D', 'k2', 6000],
      ],
      { perCluster: 1, overall: 0 },
      ['A', 'C'],
    ],
    [
      'best 2 of each cluster (a district with 4 clusters: N = 2)',
      [
        ['A', 'k1', 9000],
        ['B', 'k1', 8000],
        ['E', 'k1', 5000],
        ['C', 'k2', 7000],
        ['D', 'k2', 6000],
      ],
      { perCluster: 2, overall: 0 },
      ['A', 'B', 'C', 'D'],
    ],
    [
      'wildcard: the best of the rest across clusters',
      [
        ['A', 'k1', 9000],
        ['B', 'k1', 8500],
        ['C', 'k2', 8000],
        ['D', 'k2', 7000],
      ],
      { perCluster: 1, overall: 0, wildcards: 1 },
      ['A', 'C', 'B'],
    ],
    [
      'overall K fills the final up to K after the cluster winners',
      [
        ['A', 'k1', 9000],
        ['B', 'k1', 8500],
        ['C', 'k2', 8000],
        ['D', 'k2', 7000],
      ],
      { perCluster: 1, overall: 3 },
      ['A', 'C', 'B'],
    ],
    [
      'best K overall without clusters',
      [
        ['A', null, 7000],
        ['B', null, 9000],
        ['C', null, 8000],
      ],
      { perCluster: 0, overall: 2 },
      ['B', 'C'],
    ],
    [
      'an unranked entrant never advances on its own',
      [
        ['A', 'k1', null],
        ['B', 'k1', 6000],
      ],
      { perCluster: 1, overall: 0 },
      ['B'],
    ],
  ] as const)('%s', (_rule, rows, rule, expected) => {
    expect(ids(adv(rows, rule).qualified)).toEqual(expected);
  });

  it('tie at the cut line is flagged, not cut', () => {
    const out = adv(
      [
        ['A', 'k1', 9000],
        ['B', 'k1', 9000],
        ['C', 'k1', 8000],
        ['D', 'k2', 7000],
      ],
      { perCluster: 1, overall: 0 },
    );
    expect(ids(out.qualified)).toEqual(['D']);
    expect(out.cutTies).toEqual([
      expect.objectContaining({
        scope: 'cluster',
        clusterId: 'k1',
        entrantIds: ['A', 'B'],
        slots: 1,
      }),
    ]);
    expect(out.rows.filter((r) => r.status === 'tiedAtCut').map((r) => r.entrant.id)).toEqual([
      'A',
      'B',
    ]);
    expect(out.cutTies[0].message).toContain('Cụm 1');
  });

  it('tie at the overall line is flagged: 2 entrants for 1 place', () => {
    const out = adv(
      [
        ['A', null, 9000],
        ['B', null, 8000],
        ['C', null, 8000],
      ],
      { perCluster: 0, overall: 2 },
    );
    expect(ids(out.qualified)).toEqual(['A']);
    expect(out.cutTies).toEqual([
      expect.objectContaining({ scope: 'overall', entrantIds: ['B', 'C'], slots: 1 }),
    ]);
  });

  it("the board's decision settles a cut tie and is shown with its reason", () => {
    const decisions = [
      { entrantId: 'B' as EntrantId, advance: true, reason: 'Câu hỏi phụ tại hội trường' },
      { entrantId: 'A' as EntrantId, advance: false, reason: 'Câu hỏi phụ tại hội trường' },
    ];
    const out = adv(
      [
        ['A', 'k1', 9000],
        ['B', 'k1', 9000],
        ['D', 'k2', 7000],
      ],
      { perCluster: 1, overall: 0 },
      decisions,
    );
    expect(ids(out.qualified)).toEqual(['D', 'B']);
    expect(out.cutTies).toEqual([]);
    expect(out.rows.find((r) => r.entrant.id === 'B')).toMatchObject({
      status: 'decidedIn',
      note: expect.stringContaining('Câu hỏi phụ'),
    });
  });

  it('a decision without a reason is refused and the tie stays open', () => {
    const out = adv(
      [
        ['A', 'k1', 9000],
        ['B', 'k1', 9000],
      ],
      { perCluster: 1, overall: 0 },
      [{ entrantId: 'A' as EntrantId, advance: true, reason: '' }],
    );
    expect(out.issues.map((i) => i.code)).toEqual(['reasonMissing']);
    expect(out.cutTies).toHaveLength(1);
    expect(out.qualified).toEqual([]);
  });

  it('advancing more tied entrants than places is allowed but noted', () => {
    const both = ['A', 'B'].map((id) => ({
      entrantId: id as EntrantId,
      advance: true,
      reason: 'Cùng vào chung khảo',
    }));
    const out = adv(
      [
        ['A', 'k1', 9000],
        ['B', 'k1', 9000],
      ],
      { perCluster: 1, overall: 0 },
      both,
    );
    expect(ids(out.qualified)).toEqual(['A', 'B']);
    expect(out.issues.map((i) => i.code)).toEqual(['tieOversubscribed']);
  });
});

describe("creating the final round's entrants", () => {
  it('new ids from newId, linked to their source, no cluster, in order', () => {
    const out = adv(
      [
        ['A', 'k1', 9000],
        ['C', 'k2', 7000],
      ],
      { perCluster: 1, overall: 0 },
    );
    let n = 0;
    const finals = createFinalEntrants(out.qualified, 'final' as RoundId, () => `f${++n}`);
    expect(
      finals.map((e) => [e.id, e.roundId, e.clusterId, e.sourceEntrantId, e.order, e.name]),
    ).toEqual([
      ['f1', 'final', null, 'A', 0, 'Đội A'],
      ['f2', 'final', null, 'C', 1, 'Đội C'],
    ]);
  });
});
