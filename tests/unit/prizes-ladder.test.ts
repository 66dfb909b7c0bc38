import { describe, expect, it } from 'vitest';
import type { Cluster, ClusterId, CriterionId, EntrantId, PrizeTier } from '@shared/model/types';
import { aRound, entrants, judges, oneLeaf, R1, scoreTable, tree } from '@shared/sample/builders';
import {
  awardPrizes,
  describePrizes,
  type PrizeInput,
  type PrizeRound,
} from '@shared/prizes/prizes';
import { sidePrizes } from '@shared/prizes/side';
import { tally } from '@shared/tally/tally';

/** One judge, so a total is the result; rows are [id, totalCp, extra entrant fields]. */
function results(
  rows: readonly (readonly [string, number, { group?: string; cluster?: string }?])[],
) {
  const criteria = oneLeaf();
  const es = entrants(
    rows.map(([id]) => id),
    (id) => {
      const extra = rows.find((r) => r[0] === id)![2] ?? {};
      return { group: extra.group, clusterId: (extra.cluster ?? null) as ClusterId | null };
    },
  );
  return tally({
    round: aRound(),
    criteria,
    entrants: es,
    judges: judges(1),
    scores: scoreTable(criteria, Object.fromEntries(rows.map(([id, cp]) => [id, { j1: [cp] }]))),
  }).results;
}
const LADDER: PrizeTier[] = [
  { name: 'Giải Nhất', count: 1 },
  { name: 'Giải Nhì', count: 2 },
  { name: 'Giải Ba', count: 3 },
];
const round = (over: Partial<PrizeRound> = {}): PrizeRound => ({
  prizes: LADDER,
  prizesPerCluster: false,
  ...over,
});
const tiers = (input: Omit<PrizeInput, 'results'> & { rows: Parameters<typeof results>[0] }) => {
  const out = awardPrizes({ ...input, results: results(input.rows) });
  return {
    out,
    tier: Object.fromEntries(out.rows.map((r) => [r.entrantId, r.tier])) as Record<
      string,
      string | null
    >,
  };
};

describe('prize ladder', () => {
  it('ladder in order by count: 1 Nhất, 2 Nhì, 3 Ba, the rest nothing', () => {
    const { tier } = tiers({
      round: round(),
      rows: [
        ['A', 9000],
        ['B', 8900],
        ['C', 8800],
        ['D', 8700],
        ['E', 8600],
        ['F', 8500],
        ['G', 8400],
      ],
    });
    expect(tier).toEqual({
      A: 'Giải Nhất',
      B: 'Giải Nhì',
      C: 'Giải Nhì',
      D: 'Giải Ba',
      E: 'Giải Ba',
      F: 'Giải Ba',
      G: null,
    });
  });

  it('shared tier grows the count (đồng giải Nhì: 3 teams for 2 places)', () => {
    const { out, tier } = tiers({
      round: round(),
      rows: [
        ['A', 9000],
        ['B', 8500],
        ['C', 8500],
        ['D', 8500],
        ['E', 8000],
        ['F', 7900],
        ['G', 7800],
        ['H', 7700],
      ],
    });
    expect(tier).toEqual({
      A: 'Giải Nhất',
      B: 'Giải Nhì',
      C: 'Giải Nhì',
      D: 'Giải Nhì',
      E: 'Giải Ba',
      F: 'Giải Ba',
      G: 'Giải Ba',
      H: null,
    });
    expect(out.scopes[0].tiers[1]).toMatchObject({
      name: 'Giải Nhì',
      nominalCount: 2,
      awarded: 3,
      grown: true,
    });
    expect(out.rows.find((r) => r.entrantId === 'B')).toMatchObject({
      status: 'shared',
      notes: [expect.stringContaining('Đồng giải')],
    });
  });

  it('tie for first shares the top tier; the next tier keeps its count', () => {
    const { tier } = tiers({
      round: round(),
      rows: [
        ['A', 9000],
        ['B', 9000],
        ['C', 8000],
        ['D', 7900],
        ['E', 7800],
      ],
    });
    expect(tier).toEqual({
      A: 'Giải Nhất',
      B: 'Giải Nhất',
      C: 'Giải Nhì',
      D: 'Giải Nhì',
      E: 'Giải Ba',
    });
  });

  it('tie at a boundary is flagged for decision when ties are not shared', () => {
    const { out, tier } = tiers({
      round: round({ shareTies: false }),
      rows: [
        ['A', 9000],
        ['B', 8500],
        ['C', 8500],
        ['D', 8500],
        ['E', 8000],
        ['F', 7900],
        ['G', 7800],
      ],
    });
    // Places: Nhất 1; Nhì 2–3; Ba 4–6. B, C, D hold places 2–4: Nhì or Ba, for the board.
    expect(tier).toEqual({
      A: 'Giải Nhất',
      B: null,
      C: null,
      D: null,
      E: 'Giải Ba',
      F: 'Giải Ba',
      G: null,
    });
    expect(out.openTies).toEqual([
      expect.objectContaining({ entrantIds: ['B', 'C', 'D'], candidates: ['Giải Nhì', 'Giải Ba'] }),
    ]);
    expect(out.rows.find((r) => r.entrantId === 'B')!.status).toBe('pendingTie');
  });

  it('an override with a reason settles a boundary tie', () => {
    const reason = 'BGK thống nhất theo điểm phần Tiểu phẩm';
    const overrides = [
      { entrantId: 'B' as EntrantId, tier: 'Giải Nhì', reason },
      { entrantId: 'C' as EntrantId, tier: 'Giải Nhì', reason },
      { entrantId: 'D' as EntrantId, tier: 'Giải Ba', reason },
    ];
    const { out, tier } = tiers({
      round: round({ shareTies: false }),
      rows: [
        ['A', 9000],
        ['B', 8500],
        ['C', 8500],
        ['D', 8500],
      ],
      overrides,
    });
    expect(tier).toEqual({ A: 'Giải Nhất', B: 'Giải Nhì', C: 'Giải Nhì', D: 'Giải Ba' });
    expect(out.openTies).toEqual([]);
    expect(out.rows.find((r) => r.entrantId === 'D')).toMatchObject({
      override: { from: null, reason },
      notes: expect.arrayContaining([`Điều chỉnh: không có giải → Giải Ba. Lý do: ${reason}`]),
    });
  });

  it.each([
    [
      'override without a reason is refused',
      { entrantId: 'A' as EntrantId, tier: null, reason: '' },
      'reasonMissing',
    ],
    [
      'override to a tier not in the ladder is refused',
      { entrantId: 'A' as EntrantId, tier: 'Giải Đặc biệt', reason: 'x' },
      'unknownTier',
    ],
  ])('%s', (_rule, override, code) => {
    const { out, tier } = tiers({ round: round(), rows: [['A', 9000]], overrides: [override] });
    expect(out.issues.map((i) => i.code)).toEqual([code]);
    expect(tier.A).toBe('Giải Nhất');
  });

  it('prize cap 50 %: 6 teams, at most 3 prizes', () => {
    const { out, tier } = tiers({
      round: round({ prizeCapPercent: 50 }),
      rows: [
        ['A', 9000],
        ['B', 8900],
        ['C', 8800],
        ['D', 8700],
        ['E', 8600],
        ['F', 8500],
      ],
    });
    expect(tier).toEqual({
      A: 'Giải Nhất',
      B: 'Giải Nhì',
      C: 'Giải Nhì',
      D: null,
      E: null,
      F: null,
    });
    expect(out.scopes[0]).toMatchObject({
      capCount: 3,
      tiers: [
        expect.anything(),
        expect.anything(),
        expect.objectContaining({ name: 'Giải Ba', awarded: 0, capped: true }),
      ],
    });
    expect(out.rows.find((r) => r.entrantId === 'D')!.status).toBe('overCap');
  });

  it('a shared block that would break the cap is flagged, not grown', () => {
    const { out, tier } = tiers({
      round: round({ prizeCapPercent: 50 }),
      rows: [
        ['A', 9000],
        ['B', 8900],
        ['C', 8000],
        ['D', 8000],
        ['E', 7000],
        ['F', 6000],
      ],
    });
    expect(tier).toMatchObject({ A: 'Giải Nhất', B: 'Giải Nhì', C: null, D: null });
    expect(out.openTies[0]).toMatchObject({
      entrantIds: ['C', 'D'],
      candidates: ['Giải Nhì', null],
    });
  });

  it('count change after the tally (cân đối cơ cấu giải) with its reason', () => {
    const { out, tier } = tiers({
      round: round(),
      rows: [
        ['A', 9000],
        ['B', 8900],
        ['C', 8800],
        ['D', 8700],
      ],
      countChanges: [{ tier: 'Giải Nhì', count: 3, reason: 'Cân đối cơ cấu giải' }],
    });
    expect(tier).toEqual({ A: 'Giải Nhất', B: 'Giải Nhì', C: 'Giải Nhì', D: 'Giải Nhì' });
    expect(out.scopes[0].adjustments).toEqual(['Giải Nhì: 2 → 3 (Cân đối cơ cấu giải)']);
  });

  it('a count change without a reason is refused', () => {
    const { out, tier } = tiers({
      round: round(),
      rows: [
        ['A', 9000],
        ['B', 8900],
        ['C', 8800],
        ['D', 8700],
      ],
      countChanges: [{ tier: 'Giải Nhì', count: 3, reason: '' }],
    });
    expect(out.issues.map((i) => i.code)).toEqual(['reasonMissing']);
    expect(tier.D).toBe('Giải Ba');
  });

  it('threshold tier: from 80 points, compared exactly', () => {
    const criteria = oneLeaf();
    const rs = tally({
      round: aRound(),
      criteria,
      entrants: entrants(['A', 'B']),
      judges: judges(3),
      scores: scoreTable(criteria, {
        A: { j1: [8000], j2: [8000], j3: [7975] },
        B: { j1: [8000], j2: [8000], j3: [8000] },
      }),
    }).results;
    const out = awardPrizes({
      round: { prizes: [{ name: 'Công nhận', thresholdCp: 8000 }], prizesPerCluster: false },
      results: rs,
    });
    expect(Object.fromEntries(out.rows.map((r) => [r.entrantId, r.tier]))).toEqual({
      A: null,
      B: 'Công nhận',
    }); // A: 79,9166…
  });

  it('everyone gets a prize: a tier without a count takes the rest', () => {
    const { tier } = tiers({
      round: round({ prizes: [{ name: 'Giải Nhất', count: 1 }, { name: 'Giải Khuyến khích' }] }),
      rows: [
        ['A', 9000],
        ['B', 8000],
        ['C', 7000],
      ],
    });
    expect(tier).toEqual({ A: 'Giải Nhất', B: 'Giải Khuyến khích', C: 'Giải Khuyến khích' });
  });

  it('ladder per group (khối): each group has its own ladder', () => {
    const rows = [
      ['A', 9000, { group: 'Quận, huyện' }],
      ['B', 8800, { group: 'Sở, ngành' }],
      ['C', 8500, { group: 'Quận, huyện' }],
      ['D', 8000, { group: 'Sở, ngành' }],
      ['E', 7000, { group: 'Quận, huyện' }],
    ] as const;
    const { out, tier } = tiers({
      round: round({
        prizes: [
          { name: 'Giải Nhất', count: 1 },
          { name: 'Giải Nhì', count: 1 },
        ],
        prizesPerGroup: true,
        groupPrizes: [{ group: 'Sở, ngành', prizes: [{ name: 'Giải Nhất', count: 1 }] }],
      }),
      rows,
    });
    expect(tier).toEqual({ A: 'Giải Nhất', C: 'Giải Nhì', E: null, B: 'Giải Nhất', D: null });
    expect(out.scopes.map((s) => s.title)).toEqual(['Khối Quận, huyện', 'Khối Sở, ngành']);
  });

  it('per-cluster prizes in preliminaries: each cluster has its own Nhất', () => {
    const clusters: Cluster[] = [
      { id: 'k1' as ClusterId, roundId: R1, name: 'Cụm 1', order: 0 },
      { id: 'k2' as ClusterId, roundId: R1, name: 'Cụm 2', order: 1 },
    ];
    const rows = [
      ['A', 9000, { cluster: 'k1' }],
      ['B', 8000, { cluster: 'k1' }],
      ['C', 7000, { cluster: 'k2' }],
      ['D', 6000, { cluster: 'k2' }],
    ] as const;
    const { out, tier } = tiers({
      round: round({ prizes: [{ name: 'Giải Nhất', count: 1 }], prizesPerCluster: true }),
      rows,
      clusters,
    });
    expect(tier).toEqual({ A: 'Giải Nhất', B: null, C: 'Giải Nhất', D: null });
    expect(out.scopes.map((s) => [s.key, s.title])).toEqual([
      ['cluster:k1', 'Cụm 1'],
      ['cluster:k2', 'Cụm 2'],
    ]);
  });

  it('unranked entrants get no prize and say why', () => {
    const criteria = oneLeaf();
    const rs = tally({
      round: aRound(),
      criteria,
      entrants: entrants(['A', 'B']),
      judges: judges(1),
      scores: scoreTable(criteria, { A: { j1: [9000] } }),
    }).results;
    const out = awardPrizes({ round: round(), results: rs });
    expect(out.rows.find((r) => r.entrantId === 'B')).toMatchObject({
      tier: null,
      status: 'unranked',
      notes: ['Chưa đủ điểm: chưa xét giải.'],
    });
  });

  it('the printed rule states the ladder, sharing and the cap', () => {
    expect(describePrizes(round({ prizeCapPercent: 50 }))).toEqual([
      'Cơ cấu giải: 1 Giải Nhất; 2 Giải Nhì; 3 Giải Ba.',
      'Các đội/mô hình bằng điểm ở ranh giới giải được đồng giải (số giải tăng tương ứng).',
      'Tổng số giải không vượt quá 50% số đội/mô hình tham gia.',
    ]);
  });
});

describe('side prizes', () => {
  const criteria = tree([
    ['ch', 'Chào hỏi', [['ch1', 1000, 50]]],
    ['tp', 'Tiểu phẩm', [['tp1', 1000, 50]]],
  ]);
  const rs = (sheet: Record<string, number[]>) =>
    tally({
      round: aRound(),
      criteria,
      entrants: entrants(Object.keys(sheet)),
      judges: judges(1),
      scores: scoreTable(
        criteria,
        Object.fromEntries(Object.entries(sheet).map(([k, v]) => [k, { j1: v }])),
      ),
    }).results;
  const best = {
    kind: 'bestPart',
    name: 'Phần thi Tiểu phẩm hay nhất',
    criterionId: 'tp' as CriterionId,
  } as const;

  it('side prize from a part: the best part score wins, not the best total', () => {
    const { prizes } = sidePrizes(rs({ A: [1000, 800], B: [500, 950], C: [900, 900] }), [best]);
    expect(prizes[0]).toMatchObject({ winners: ['B'], shared: false, status: 'awarded' });
  });

  it('tied best parts share the side prize', () => {
    const { prizes } = sidePrizes(rs({ A: [1000, 900], B: [500, 900], C: [900, 800] }), [best]);
    expect(prizes[0]).toMatchObject({
      winners: ['A', 'B'],
      shared: true,
      note: expect.stringContaining('Đồng giải'),
    });
  });

  it.each([
    ['a chosen side prize waits for the panel', [], 'pending', []],
    [
      'a chosen side prize needs a reason',
      [{ name: 'Giải phong cách', entrantIds: ['A' as EntrantId], reason: '' }],
      'pending',
      ['reasonMissing'],
    ],
    [
      'a chosen side prize is given with its reason',
      [
        {
          name: 'Giải phong cách',
          entrantIds: ['A' as EntrantId],
          reason: 'Trang phục dân tộc đẹp',
        },
      ],
      'awarded',
      [],
    ],
  ] as const)('%s', (_rule, chosen, status, codes) => {
    const out = sidePrizes(
      rs({ A: [900, 900] }),
      [{ kind: 'chosen', name: 'Giải phong cách' }],
      chosen,
    );
    expect(out.prizes[0].status).toBe(status);
    expect(out.issues.map((i) => i.code)).toEqual(codes);
  });
});
