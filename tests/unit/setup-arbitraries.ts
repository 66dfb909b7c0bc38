/**
 * fast-check generators for valid setup records: prize ladders (counts, thresholds, both, and a
 * last "còn lại" tier), tie-break chains with a lot, khối ladders, side prizes, pass marks, funnel,
 * advancement and policies. "Valid" is what the setup forms can show and read back: names trimmed,
 * non-empty, on one line, unique where records are looked up by name.
 */
import fc from 'fast-check';
import type {
  AggregationPolicy,
  ContestId,
  CriterionId,
  GroupLadder,
  PassMarkRule,
  PrizeTier,
  Round,
  RoundId,
  SidePrizeSpec,
  TieBreakRule,
} from '@shared/model/types';
import { foldVietnamese } from '@shared/text/vietnamese';

/** fast-check's records with optional keys have no prototype; stored records are plain objects. */
const plain = <T extends object>(r: T): T => ({ ...r });

const LETTERS = [
  ...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạấầẩẫậếềểễệốồổỗộớờởỡợíìỉĩịúùủũụứừửữựýỳỷỹỵ0123456789',
];
const PUNCTUATION = [
  ' ',
  ' ',
  ' ',
  ',',
  '.',
  '-',
  '(',
  ')',
  '/',
  '&',
  '“',
  '”',
  '≥',
  '[',
  ']',
  ':',
  ';',
];

/** A one-line, trimmed, non-empty name built from Vietnamese letters and the punctuation boards use. */
export const aName = (exclude = ''): fc.Arbitrary<string> =>
  fc
    .string({
      unit: fc.constantFrom(...LETTERS, ...PUNCTUATION.filter((c) => !exclude.includes(c))),
      minLength: 1,
      maxLength: 14,
    })
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s !== '');

const uniqueNames = (
  min: number,
  max: number,
  exclude = '',
  key: (s: string) => string = (s) => s,
) => fc.uniqueArray(aName(exclude), { minLength: min, maxLength: max, selector: key });

const cp = fc.integer({ min: 0, max: 99_999_999 });

/** A ladder: each tier by count, by threshold, or both; the last may go to everyone left. */
export const aLadder: fc.Arbitrary<PrizeTier[]> = fc
  .tuple(uniqueNames(0, 6), fc.boolean())
  .chain(([names, lastToRest]) =>
    fc.tuple(
      ...names.map((name, i) =>
        i === names.length - 1 && lastToRest
          ? fc.constant<PrizeTier>({ name })
          : fc.oneof(
              fc.nat(60).map((count): PrizeTier => ({ name, count })),
              cp.map((thresholdCp): PrizeTier => ({ name, thresholdCp })),
              fc
                .tuple(fc.nat(60), cp)
                .map(([count, thresholdCp]): PrizeTier => ({ name, count, thresholdCp })),
            ),
      ),
    ),
  )
  .map((tiers) => [...tiers]);

export const PART_IDS = ['p-chao-hoi', 'p-tieu-pham', 'p-hieu-biet'] as CriterionId[];

export const aTieBreakChain: fc.Arbitrary<TieBreakRule[]> = fc
  .tuple(
    fc.shuffledSubarray<TieBreakRule>([
      ...PART_IDS.map((criterionId) => ({ kind: 'part' as const, criterionId })),
      { kind: 'firstPlaces' },
      { kind: 'headJudgeTotal' },
      { kind: 'tieBreakQuestion' },
      { kind: 'lot', seed: 0 },
    ]),
    fc.nat(999_999),
  )
  .map(([rules, seed]) => rules.map((r) => (r.kind === 'lot' ? { kind: 'lot', seed } : r)));

const aGroupLadders: fc.Arbitrary<GroupLadder[]> = uniqueNames(0, 3).chain((groups) =>
  fc
    .tuple(...groups.map((group) => aLadder.map((prizes): GroupLadder => ({ group, prizes }))))
    .map((x) => [...x]),
);

const optionalCount = fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined });
const withCount = <T extends object>(spec: T, count: number | undefined): T =>
  count === undefined ? spec : { ...spec, count };
/** Best-part and chosen side prizes, interleaved in any order, with their own names and counts. */
const aSidePrizes: fc.Arbitrary<SidePrizeSpec[]> = fc
  .tuple(fc.shuffledSubarray(PART_IDS), uniqueNames(0, 3, ';'))
  .chain(([partIds, chosen]) =>
    fc.tuple(
      fc.tuple(
        ...partIds.map((criterionId) =>
          fc
            .tuple(aName(), optionalCount)
            .map(([name, count]): SidePrizeSpec =>
              withCount({ kind: 'bestPart', name, criterionId }, count),
            ),
        ),
      ),
      fc.tuple(
        ...chosen.map((name) =>
          optionalCount.map((count): SidePrizeSpec => withCount({ kind: 'chosen', name }, count)),
        ),
      ),
    ),
  )
  .chain(([best, chosen]) =>
    fc.shuffledSubarray([...best, ...chosen], { minLength: best.length + chosen.length }),
  );

const aPassMark: fc.Arbitrary<PassMarkRule> = fc
  .record(
    {
      attribute: fc.constantFrom<PassMarkRule['attribute']>(
        'area',
        'level',
        'rubric',
        'field',
        'group',
      ),
      marks: uniqueNames(0, 4, '', foldVietnamese)
        .chain((values) => fc.tuple(...values.map((value) => cp.map((c) => ({ value, cp: c })))))
        .map((x) => [...x]),
      defaultCp: cp,
      standardFloorPercent: fc.integer({ min: 0, max: 100 }),
    },
    { requiredKeys: ['attribute', 'marks', 'defaultCp'] },
  )
  .map(plain);

const aPolicy: fc.Arbitrary<AggregationPolicy> = fc.oneof(
  fc.constant<AggregationPolicy>({ kind: 'mean' }),
  fc
    .record({
      kind: fc.constant('trimmedMean' as const),
      drop: fc.integer({ min: 1, max: 3 }),
      minPanel: fc.integer({ min: 3, max: 20 }),
    })
    .filter((p) => p.minPanel > 2 * p.drop),
  fc.constant<AggregationPolicy>({ kind: 'median' }),
  fc.constant<AggregationPolicy>({ kind: 'zScore' }),
);

/** Any valid round; optional fields are absent (not undefined) when not drawn. */
export const aValidRound: fc.Arbitrary<Round> = fc
  .record(
    {
      id: fc.constant('r-final' as RoundId),
      contestId: fc.constant('c-2024' as ContestId),
      name: aName(),
      stage: fc.constantFrom<Round['stage']>('preliminary', 'final', 'award'),
      order: fc.nat(5),
      policy: aPolicy,
      tieBreak: aTieBreakChain,
      prizes: aLadder,
      prizesPerCluster: fc.boolean(),
      advancement: fc
        .record(
          { perCluster: fc.nat(50), overall: fc.nat(200), wildcards: fc.nat(5) },
          { requiredKeys: ['perCluster', 'overall'] },
        )
        .map(plain),
      locked: fc.boolean(),
      date: fc.constantFrom('2024-10-15', '2025-03-26'),
      venue: fc.oneof(fc.constant(''), aName()),
      missingScores: fc.constantFrom<NonNullable<Round['missingScores']>>(
        'meanOfPresent',
        'requireAll',
      ),
      shareTies: fc.boolean(),
      prizeCapPercent: fc.integer({ min: 1, max: 100 }),
      prizesPerGroup: fc.boolean(),
      groupPrizes: aGroupLadders,
      sidePrizes: aSidePrizes,
      discrepancyGapCp: fc.integer({ min: 0, max: 10_000_000 }),
      passMark: aPassMark,
      funnel: fc.record({ exemplary: fc.nat(300), commended: fc.nat(300) }),
      decisions: fc.constant({
        countChanges: [
          {
            tier: 'Giải Ba',
            count: 2,
            reason: 'Cân đối cơ cấu giải',
            by: 'Thư ký',
            at: '2024-10-15T10:00:00.000Z',
          },
        ],
      }),
    },
    {
      requiredKeys: [
        'id',
        'contestId',
        'name',
        'stage',
        'order',
        'policy',
        'tieBreak',
        'prizes',
        'prizesPerCluster',
        'locked',
      ],
    },
  )
  .map(plain);
