/**
 * The setup forms' mapping between a round and what the form shows (shared/setup/): saving a form
 * without edits must give back the very same round, and what the form does not own is carried.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Criterion, Round, RoundId } from '@shared/model/types';
import { generateCityContest } from '@shared/sample/city-contest';
import {
  applyPrizeRulesForm,
  prizeRulesForm,
  type PrizeRulesFormValues,
} from '@shared/setup/prize-rules-form';
import { applyRoundRulesForm, roundRulesForm } from '@shared/setup/round-rules-form';
import { aValidRound, PART_IDS } from './setup-arbitraries';

const counter = () => {
  let n = 0;
  return () => `id${++n}`;
};
const city = generateCityContest({ seed: 2024, newId: counter(), now: '2024-10-01T08:00:00.000Z' });
const final = city.rounds.find((r) => r.stage === 'final')!;
const finalCriteria = city.criteria.filter((c) => c.roundId === final.id);
const parts: Criterion[] = PART_IDS.map((id, order) => ({
  id,
  roundId: 'r-final' as RoundId,
  parentId: null,
  name: `Phần ${order + 1}`,
  order,
  maxCp: 1000,
  stepCp: 50,
  weight: 1,
}));

const NEW_SEED = 123_456;
function savedPrizeRules(
  round: Round,
  edit: (f: PrizeRulesFormValues) => PrizeRulesFormValues = (f) => f,
  criteria = parts,
): Round {
  const out = applyPrizeRulesForm(round, edit(prizeRulesForm(round)), {
    newSeed: NEW_SEED,
    criteria,
  });
  if (!out.ok) throw new Error(out.problems.map((p) => p.message).join('\n'));
  return out.round;
}
function savedRoundRules(round: Round): Round {
  const out = applyRoundRulesForm(round, roundRulesForm(round));
  if (!out.ok) throw new Error(out.problems.map((p) => p.message).join('\n'));
  return out.round;
}

describe('findings: a setup form saved without edits changed results', () => {
  it("saving the final round's prize rules without editing anything keeps both Khuyến khích prizes (stored as “everyone left”)", () => {
    expect(final.prizes.at(-1)).toEqual({ name: 'Giải Khuyến khích' });
    expect(roundRulesForm(final).ladder).toContain('Giải Khuyến khích: còn lại');
    expect(savedRoundRules(final).prizes).toStrictEqual(final.prizes);
  });

  it('the prize-rules form keeps the lot seed when an unrelated rule is saved; only a newly added lot draws a seed', () => {
    const lot = final.tieBreak.find((r) => r.kind === 'lot');
    expect(lot).toBeDefined();
    const saved = savedPrizeRules(final, (f) => ({ ...f, shareTies: !f.shareTies }), finalCriteria);
    expect(saved.tieBreak).toStrictEqual(final.tieBreak);

    const withoutLot: Round = { ...final, tieBreak: [{ kind: 'firstPlaces' }] };
    const added = savedPrizeRules(
      withoutLot,
      (f) => ({ ...f, chain: [...f.chain, 'lot'] }),
      finalCriteria,
    );
    expect(added.tieBreak).toStrictEqual([
      { kind: 'firstPlaces' },
      { kind: 'lot', seed: NEW_SEED },
    ]);
  });

  it('the sample final saved through both forms without edits is the same round (side-prize names, seeds, ladder)', () => {
    expect(savedRoundRules(savedPrizeRules(final, undefined, finalCriteria))).toStrictEqual(final);
  });
});

describe('save without edits changes nothing', () => {
  it('the prize-rules form, for any valid round', () => {
    fc.assert(
      fc.property(aValidRound, (round) => {
        expect(savedPrizeRules(round)).toStrictEqual(round);
      }),
      { numRuns: 400 },
    );
  });

  it('the round-rules form, for any valid round', () => {
    fc.assert(
      fc.property(aValidRound, (round) => {
        expect(savedRoundRules(round)).toStrictEqual(round);
      }),
      { numRuns: 400 },
    );
  });
});

describe('what a form saves is what it shows next time', () => {
  it('the prize-rules form: any values it can show, saved over any round, are shown back unchanged', () => {
    fc.assert(
      fc.property(aValidRound, aValidRound, (stored, shown) => {
        const values = prizeRulesForm(shown);
        expect(prizeRulesForm(savedPrizeRules(stored, () => values))).toStrictEqual(values);
      }),
      { numRuns: 300 },
    );
  });

  it('the round-rules form: any values it can show, saved over any round, are shown back unchanged', () => {
    fc.assert(
      fc.property(aValidRound, aValidRound, (stored, shown) => {
        const values = roundRulesForm(shown);
        const out = applyRoundRulesForm(stored, values);
        expect(out.ok && roundRulesForm(out.round)).toStrictEqual(values);
      }),
      { numRuns: 300 },
    );
  });

  it('fields the forms do not own are carried unchanged', () => {
    fc.assert(
      fc.property(aValidRound, aValidRound, (stored, shown) => {
        const a = savedPrizeRules(stored, () => prizeRulesForm(shown));
        const b = applyRoundRulesForm(stored, roundRulesForm(shown));
        for (const key of [
          'id',
          'contestId',
          'stage',
          'order',
          'locked',
          'date',
          'decisions',
        ] as const) {
          expect(a[key]).toStrictEqual(stored[key]);
          expect(b.ok && b.round[key]).toStrictEqual(stored[key]);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('prize-rules form rules', () => {
  const base: Round = {
    ...final,
    sidePrizes: [
      { kind: 'chosen', name: 'Giải phong cách', count: 2 },
      {
        kind: 'bestPart',
        name: 'Phần thi Tiểu phẩm ấn tượng nhất',
        criterionId: PART_IDS[1],
        count: 1,
      },
      { kind: 'chosen', name: 'Giải cổ vũ' },
    ],
  };
  it.each([
    [
      'a best-part prize ticked again keeps its own name and count',
      (f: PrizeRulesFormValues) => f,
      base.sidePrizes,
    ],
    [
      'a new best-part prize is named after its part',
      (f: PrizeRulesFormValues) => ({ ...f, bestParts: [...f.bestParts, PART_IDS[0]] }),
      [
        ...base.sidePrizes!,
        { kind: 'bestPart', criterionId: PART_IDS[0], name: 'Phần thi Phần 1 hay nhất' },
      ],
    ],
    [
      'a removed prize is dropped, the others keep their place',
      (f: PrizeRulesFormValues) => ({ ...f, chosen: 'Giải cổ vũ' }),
      [base.sidePrizes![1], base.sidePrizes![2]],
    ],
    [
      'a renamed chosen prize keeps its place and count',
      (f: PrizeRulesFormValues) => ({ ...f, chosen: 'Giải phong cách biểu diễn; Giải cổ vũ' }),
      [
        { kind: 'chosen', name: 'Giải phong cách biểu diễn', count: 2 },
        base.sidePrizes![1],
        base.sidePrizes![2],
      ],
    ],
    [
      'reordered chosen prizes follow the form',
      (f: PrizeRulesFormValues) => ({ ...f, chosen: 'Giải cổ vũ; Giải phong cách' }),
      [base.sidePrizes![2], base.sidePrizes![1], base.sidePrizes![0]],
    ],
  ] as const)('%s', (_rule, edit, expected) => {
    expect(savedPrizeRules(base, edit).sidePrizes).toStrictEqual(expected);
  });

  it('lists every problem of the form at once, each with its field', () => {
    const out = applyPrizeRulesForm(
      final,
      {
        ...prizeRulesForm(final),
        capPercent: 0,
        gapPoints: 1.005,
        groups: 'Giải Nhất: 1\n[Khối A]\nGiải Nhì hai',
        chosen: 'A; A',
        pass: 'đô thị',
        passDefault: 80,
        floorPercent: 120,
        funnel: { exemplary: -1, commended: 0 },
        chain: ['firstPlaces', 'bogus'],
      },
      { newSeed: NEW_SEED, criteria: finalCriteria },
    );
    expect(out.ok).toBe(false);
    expect(!out.ok && [...new Set(out.problems.map((p) => p.field))].sort()).toEqual(
      [
        'capPercent',
        'chain',
        'chosen',
        'floorPercent',
        'funnel',
        'gapPoints',
        'groups',
        'pass',
      ].sort(),
    );
    expect(!out.ok && out.problems.filter((p) => p.field === 'groups')).toHaveLength(2);
  });

  it('pass marks typed without a general pass mark are refused, not dropped', () => {
    const out = applyPrizeRulesForm(
      final,
      { ...prizeRulesForm(final), pass: 'đô thị: 90', passDefault: '' },
      { newSeed: NEW_SEED, criteria: finalCriteria },
    );
    expect(out).toMatchObject({ ok: false, problems: [{ field: 'passDefault' }] });
  });
});

describe('round-rules form rules', () => {
  const trimmed: Round = {
    ...final,
    policy: { kind: 'trimmedMean', drop: 2, minPanel: 7 },
    advancement: { perCluster: 1, overall: 0, wildcards: 2 },
  };
  const saved = (round: Round, edit: Partial<ReturnType<typeof roundRulesForm>>) => {
    const out = applyRoundRulesForm(round, { ...roundRulesForm(round), ...edit });
    if (!out.ok) throw new Error(out.problems.map((p) => p.message).join('\n'));
    return out.round;
  };
  it.each([
    [
      'a changed panel size keeps how many scores a trimmed mean drops',
      trimmed,
      { minPanel: 9 },
      { policy: { kind: 'trimmedMean', drop: 2, minPanel: 9 } },
    ],
    [
      'choosing a trimmed mean drops the highest and lowest score',
      final,
      { policy: 'trimmedMean', minPanel: 5 },
      { policy: { kind: 'trimmedMean', drop: 1, minPanel: 5 } },
    ],
    [
      'changed advancement counts keep the wildcards',
      trimmed,
      { perCluster: 2 },
      { advancement: { perCluster: 2, overall: 0, wildcards: 2 } },
    ],
    [
      'a venue typed with spaces is stored trimmed',
      final,
      { venue: '  Cung Văn hóa  ' },
      { venue: 'Cung Văn hóa' },
    ],
  ] as const)('%s', (_rule, round, edit, expected) => {
    expect(saved(round, edit)).toMatchObject(expected);
  });

  it('no advancement and no venue are stored as absent, not as zero or empty', () => {
    const out = saved(
      { ...final, advancement: { perCluster: 1, overall: 0 } },
      { perCluster: 0, venue: '' },
    );
    expect('advancement' in out || 'venue' in out).toBe(false);
  });

  it('lists every problem of the form at once, each with its field', () => {
    const out = applyRoundRulesForm(final, {
      ...roundRulesForm(final),
      name: '  ',
      policy: 'trimmedMean',
      minPanel: 2,
      perCluster: -1,
      overall: 1.5,
      ladder: 'Giải Nhất: 1\nx\ny',
    });
    expect(!out.ok && out.problems.map((p) => p.field)).toEqual([
      'name',
      'minPanel',
      'perCluster',
      'overall',
      'ladder',
      'ladder',
    ]);
  });
});
