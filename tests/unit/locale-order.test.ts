/**
 * Orders that reach a printout (prize scopes, advancement ties by cluster) must be the Vietnamese
 * order on every laptop, whatever language the machine is set to. The machine's language is
 * simulated by giving `localeCompare` without a locale a different default.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClusterId } from '@shared/model/types';
import { awardPrizes } from '@shared/prizes/prizes';
import { aRound, entrants, judges, oneLeaf, scoreTable } from '@shared/sample/builders';
import { advancement } from '@shared/tally/advancement';
import { tally } from '@shared/tally/tally';
import { compareVietnamese } from '@shared/text/vietnamese';

const original = String.prototype.localeCompare;
const codeUnits = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
const MACHINES: readonly [string, (a: string, b: string) => number][] = [
  ['English', (a, b) => new Intl.Collator('en').compare(a, b)],
  ['Swedish', (a, b) => new Intl.Collator('sv').compare(a, b)],
  ['a language sorting backwards', codeUnits],
];
function onMachine<T>(compare: (a: string, b: string) => number, run: () => T): T {
  vi.spyOn(String.prototype, 'localeCompare').mockImplementation(function (
    this: string,
    that: string,
    locales?: Intl.LocalesArgument,
    options?: Intl.CollatorOptions,
  ) {
    return locales === undefined
      ? compare(String(this), that)
      : original.call(String(this), that, locales, options);
  });
  try {
    return run();
  } finally {
    vi.restoreAllMocks();
  }
}
afterEach(() => vi.restoreAllMocks());

/** One judge; each entrant's total is its result. */
function results(
  rows: readonly (readonly [
    id: string,
    totalCp: number,
    extra: { group?: string; clusterId?: string },
  ])[],
) {
  const criteria = oneLeaf();
  const es = entrants(
    rows.map(([id]) => id),
    (id) => {
      const extra = rows.find((r) => r[0] === id)![2];
      return { group: extra.group, clusterId: (extra.clusterId ?? null) as ClusterId | null };
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

const VIETNAMESE_ORDER = [
  'Doanh nghiệp',
  'Đoàn thể',
  'Oa',
  'Ô',
  'Ông',
  'Ơn',
  'Quận, huyện',
  'Sở, ngành',
];

describe('orders do not depend on the machine’s language', () => {
  it('compareVietnamese sorts in Vietnamese order (d before đ, o ô ơ) and is a total order', () => {
    expect([...VIETNAMESE_ORDER].reverse().sort(compareVietnamese)).toEqual(VIETNAMESE_ORDER);
    // Equal for the collator (case only), still never 0 for different texts: a sort cannot fall back to input order.
    expect(compareVietnamese('Khối A', 'khối a')).not.toBe(0);
    expect(compareVietnamese('Khối A', 'Khối A')).toBe(0);
  });

  it.each(MACHINES)(
    'prize scopes per khối are listed in Vietnamese order on a machine set to %s',
    (_machine, compare) => {
      const rows = [...VIETNAMESE_ORDER]
        .reverse()
        .map((g, i) => [`e${i}`, 9000 - 100 * i, { group: g }] as const);
      const scopes = onMachine(
        compare,
        () =>
          awardPrizes({
            round: {
              prizes: [{ name: 'Giải Nhất', count: 1 }],
              prizesPerCluster: false,
              prizesPerGroup: true,
            },
            results: results(rows),
          }).scopes,
      );
      expect(scopes.map((s) => s.group)).toEqual(VIETNAMESE_ORDER);
    },
  );

  it.each(MACHINES)(
    'cut ties of clusters without an order are listed in Vietnamese order on a machine set to %s',
    (_machine, compare) => {
      const clusterIds = ['Đoàn thể', 'Doanh nghiệp', 'Ô', 'Oa'];
      const rows = clusterIds.flatMap(
        (k, i) =>
          [
            [`${i}a`, 9000, { clusterId: k }],
            [`${i}b`, 9000, { clusterId: k }],
          ] as const,
      );
      const ties = onMachine(
        compare,
        () => advancement(results(rows), { perCluster: 1, overall: 0 }).cutTies,
      );
      expect(ties.map((t) => t.clusterId)).toEqual(['Doanh nghiệp', 'Đoàn thể', 'Oa', 'Ô']);
    },
  );
});
