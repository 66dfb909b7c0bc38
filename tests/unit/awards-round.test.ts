import { describe, expect, it } from 'vitest';
import type { ClusterId, EntrantId, PassMarkRule, RoundId } from '@shared/model/types';
import { bestAcrossPanels } from '@shared/awards/best-k';
import { buildExclusion } from '@shared/awards/exclusion';
import { awardFunnel } from '@shared/awards/funnel';
import { checkPass } from '@shared/awards/pass-mark';
import { criteriaForEntrant, maxCpForEntrant, rubricsOf } from '@shared/awards/rubric';
import {
  aJudge,
  anEntrant,
  aRound,
  entrants,
  judges,
  oneLeaf,
  scoreTable,
  tree,
} from '@shared/sample/builders';
import { formatPoints } from '@shared/scoring/format';
import { tally, type TallyInput } from '@shared/tally/tally';

describe('who may score whom', () => {
  const excluded = buildExclusion();
  it.each([
    [
      'conflict of interest: same unit, ignoring case and diacritics',
      aJudge('j', { unit: 'Hội Nông dân tỉnh' }),
      anEntrant('e', { unit: 'HỘI NÔNG DÂN TỈNH ' }),
      'conflict',
    ],
    [
      'conflict of interest: same unit typed without diacritics',
      aJudge('j', { unit: 'Hội Nông dân tỉnh' }),
      anEntrant('e', { unit: 'hoi nong dan tinh' }),
      'conflict',
    ],
    [
      'an empty unit is never a conflict',
      aJudge('j', { unit: '' }),
      anEntrant('e', { unit: '' }),
      'none',
    ],
    [
      "field panel exclusion: a judge scores only models of the panel's field",
      aJudge('j', { fields: ['Kinh tế'] }),
      anEntrant('e', { field: 'Văn hóa – xã hội' }),
      'notAssigned',
    ],
    [
      'field panel: the field matches case- and diacritic-insensitively',
      aJudge('j', { fields: ['Kinh tế'] }),
      anEntrant('e', { field: 'kinh te' }),
      'none',
    ],
    [
      'cluster panel: a judge of another cluster is not assigned',
      aJudge('j', { clusterIds: ['k1' as ClusterId] }),
      anEntrant('e', { clusterId: 'k2' as ClusterId }),
      'notAssigned',
    ],
    [
      'round panel: a final-round judge does not score the preliminary',
      aJudge('j', { roundIds: ['final' as RoundId] }),
      anEntrant('e'),
      'notAssigned',
    ],
    [
      'a judge with no fields, clusters or rounds scores everyone',
      aJudge('j'),
      anEntrant('e', { field: 'Kinh tế', clusterId: 'k1' as ClusterId }),
      'none',
    ],
  ])('%s', (_rule, judge, entrant, expected) => {
    expect(excluded(judge, entrant)).toBe(expected);
  });

  it('a switched-off check does not exclude', () => {
    expect(
      buildExclusion({ fields: false })(
        aJudge('j', { fields: ['Kinh tế'] }),
        anEntrant('e', { field: 'Văn hóa – xã hội' }),
      ),
    ).toBe('none');
  });
});

describe('collective and individual rubrics in one round', () => {
  // Collectives: standard T1 (a 60, b 40). Individuals: standard C1 (c 50, d 50).
  const criteria = tree([
    [
      'T1',
      'Tiêu chuẩn tập thể',
      [
        ['a', 6000, 50],
        ['b', 4000, 50],
      ],
      { appliesTo: ['tap-the'] },
    ],
    [
      'C1',
      'Tiêu chuẩn cá nhân',
      [
        ['c', 5000, 50],
        ['d', 5000, 50],
      ],
      { appliesTo: ['ca-nhan'] },
    ],
  ]);

  it('each entrant is scored on its own rubric only', () => {
    expect(rubricsOf(criteria)).toEqual(['tap-the', 'ca-nhan']);
    expect(criteriaForEntrant(criteria, { rubric: 'ca-nhan' }).map((c) => c.id)).toEqual([
      'c',
      'd',
    ]);
    expect(maxCpForEntrant(criteria, { rubric: 'tap-the' })).toBe(10000);
  });

  it('a judge who scored only the individual criteria of an individual counts in full', () => {
    const es = [
      anEntrant('T', { rubric: 'tap-the', order: 0 }),
      anEntrant('I', { rubric: 'ca-nhan', order: 1 }),
    ];
    const scores = [
      ...scoreTable(criteria, { T: { j1: [5000, 3000] } }), // a, b
      ...scoreTable(criteria, { I: { j1: [null, null, 4500, 4000] } }), // c, d
    ];
    const t = tally({ round: aRound(), criteria, entrants: es, judges: judges(1), scores });
    expect(
      t.results.map((r) => [
        r.entrant.id,
        r.result && formatPoints(r.result),
        r.maxCp,
        r.judgeTotals[0].expected,
      ]),
    ).toEqual([
      ['I', '85,00', 10000, 2],
      ['T', '80,00', 10000, 2],
    ]);
  });
});

describe('recognition: pass mark by attribute and a floor per standard', () => {
  // Two standards of 50 points; floor 50 % = 25 points each.
  const criteria = tree([
    ['S1', 'Tiêu chuẩn 1', [['s1', 5000, 50]]],
    ['S2', 'Tiêu chuẩn 2', [['s2', 5000, 50]]],
  ]);
  const rule: PassMarkRule = {
    attribute: 'area',
    marks: [
      { value: 'đô thị', cp: 9000 },
      { value: 'miền núi, hải đảo', cp: 6000 },
    ],
    defaultCp: 8000,
    standardFloorPercent: 50,
  };
  const rows = [
    ['U', 'đô thị', [4500, 4300]], // 88 < 90
    ['M', 'miền núi, hải đảo', [4000, 2200]], // 62 ≥ 60 but standard 2: 22 < 25
    ['G', 'chung', [4500, 4000]], // 85 ≥ 80 (default)
    ['N', 'Miền núi, Hải đảo', [3500, 3000]], // 65 ≥ 60, attribute matched ignoring case
    ['X', undefined, [4000, 4000]], // 80 ≥ 80: no attribute → default mark
  ] as const;
  const results = tally({
    round: aRound(),
    criteria,
    entrants: rows.map(([id, area], i) => anEntrant(id, { area, order: i, kind: 'model' })),
    judges: judges(1),
    scores: scoreTable(
      criteria,
      Object.fromEntries(rows.map(([id, , cps]) => [id, { j1: [...cps] }])),
    ),
  }).results;
  const check = (id: string) =>
    checkPass(
      results.find((r) => r.entrant.id === id)!,
      rule,
    );

  it.each([
    ['urban model needs 90: 88 fails', 'U', 'fail', 9000, ['belowPassMark']],
    [
      'attribute-dependent pass mark with a floor failing one standard',
      'M',
      'fail',
      6000,
      ['standardBelowFloor'],
    ],
    ['general model passes at 80', 'G', 'pass', 8000, []],
    ['mountain model passes at 60, attribute case-insensitive', 'N', 'pass', 6000, []],
    ['exactly the pass mark passes', 'X', 'pass', 8000, []],
  ] as const)('%s', (_rule, id, status, mark, kinds) => {
    const c = check(id);
    expect([c.status, c.passMarkCp, c.failures.map((f) => f.kind)]).toEqual([status, mark, kinds]);
  });

  it('the failing standard is named in the message', () => {
    expect(check('M').message).toBe(
      'Chưa đạt: Tiêu chuẩn 2: 22,00/50 điểm, chưa đạt 50% số điểm của tiêu chuẩn.',
    );
  });
});

describe('outcome funnel: recognised → exemplary → commended', () => {
  const rule: PassMarkRule = { attribute: 'area', marks: [], defaultCp: 8000 };
  const run = (
    totals: Record<string, number>,
    counts: { exemplary: number; commended: number },
    decisions = [] as Parameters<typeof awardFunnel>[0]['decisions'],
  ) => {
    const criteria = oneLeaf();
    const results = tally({
      round: aRound(),
      criteria,
      entrants: entrants(Object.keys(totals)),
      judges: judges(1),
      scores: scoreTable(
        criteria,
        Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, { j1: [v] }])),
      ),
    }).results;
    return awardFunnel({ results, rule, counts, decisions });
  };

  it('counts chosen by the board cut each step', () => {
    const f = run(
      { A: 9500, B: 9000, C: 8800, D: 8500, E: 8000, F: 7900 },
      { exemplary: 3, commended: 1 },
    );
    expect([f.recognised, f.exemplary, f.commended]).toEqual([
      ['A', 'B', 'C', 'D', 'E'],
      ['A', 'B', 'C'],
      ['A'],
    ]);
    expect(f.summary).toBe('Công nhận 5 → tiêu biểu 3 → khen thưởng 1');
    expect(f.rows.find((r) => r.entrantId === 'F')!.stage).toBe('none');
  });

  it('a tie at the exemplary cut waits for a decision', () => {
    const f = run({ A: 9500, B: 9000, C: 9000, D: 8500 }, { exemplary: 2, commended: 1 });
    expect(f.exemplary).toEqual(['A']);
    expect(f.openTies).toEqual([
      expect.objectContaining({ stage: 'exemplary', entrantIds: ['B', 'C'], slots: 1 }),
    ]);
    expect(f.rows.find((r) => r.entrantId === 'B')!.pending).toBe('exemplary');
  });

  it('a decision settles the tie; a decision for a model that was not recognised is refused', () => {
    const f = run({ A: 9500, B: 9000, C: 9000, F: 7000 }, { exemplary: 2, commended: 1 }, [
      {
        entrantId: 'C' as EntrantId,
        stage: 'exemplary',
        include: true,
        reason: 'Hiệu quả nhân rộng rõ hơn',
      },
      {
        entrantId: 'B' as EntrantId,
        stage: 'exemplary',
        include: false,
        reason: 'Hiệu quả nhân rộng rõ hơn',
      },
      {
        entrantId: 'F' as EntrantId,
        stage: 'exemplary',
        include: true,
        reason: 'Đề nghị của huyện',
      },
    ]);
    expect(f.exemplary).toEqual(['A', 'C']);
    expect(f.openTies).toEqual([]);
    expect(f.issues.map((i) => [i.code, i.entrantId])).toEqual([['notEligible', 'F']]);
  });
});

describe('best K across field panels', () => {
  // Harsh panel (Kinh tế): A 60, B 70. Lenient panel (Văn hóa – xã hội): C 80, D 90.
  const criteria = oneLeaf();
  const input: TallyInput = {
    round: aRound(),
    criteria,
    entrants: entrants(['A', 'B', 'C', 'D'], (id) => ({
      field: id < 'C' ? 'Kinh tế' : 'Văn hóa – xã hội',
    })),
    judges: [
      aJudge('p1', { fields: ['Kinh tế'] }),
      aJudge('p2', { order: 1, fields: ['Kinh tế'] }),
      aJudge('q1', { order: 2, fields: ['Văn hóa – xã hội'] }),
      aJudge('q2', { order: 3, fields: ['Văn hóa – xã hội'] }),
    ],
    scores: scoreTable(criteria, {
      A: { p1: [6000], p2: [6000] },
      B: { p1: [7000], p2: [7000] },
      C: { q1: [8000], q2: [8000] },
      D: { q1: [9000], q2: [9000] },
    }),
    excluded: buildExclusion(),
  };

  it.each([
    ['without standardisation the lenient panel takes both places', false, ['D', 'C']],
    ["with standardisation each panel's best is chosen", true, ['B', 'D']],
  ] as const)('%s', (_rule, standardise, expected) => {
    const best = bestAcrossPanels(input, 2, { standardise });
    expect([...best.selected].sort()).toEqual([...expected].sort());
    expect(best.tiedAtCut).toEqual([]);
  });
});
