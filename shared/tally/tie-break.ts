/**
 * The round's ordered tie-break chain as named metrics over precomputed result fields (a part's
 * aggregate, judges' first places, the head judge's total, the tie-break question, a seeded lot),
 * their Vietnamese labels, and re-ranking a set of results (a whole round, a cluster, a khối).
 *
 * Not here: computing those fields (tally.ts) or the ranking algorithm itself (rank.ts).
 */
import type { TieBreakRule } from '../model/types';
import { lotValue } from './prng';
import { rankBy, type Metric } from './rank';
import type { EntrantResult } from './tally-types';

export const RESULT_METRIC_NAME = 'Kết quả';

/** The main metric: the standardised total under z-scores, else the exact total. */
export const resultMetric: Metric<EntrantResult> = {
  name: RESULT_METRIC_NAME,
  value: (r) => (r.status !== 'ranked' ? null : (r.standardisedCp ?? r.result)),
};

export function tieBreakLabel(rule: TieBreakRule, partName?: string): string {
  switch (rule.kind) {
    case 'part':
      return `Điểm phần ${partName ?? 'thi đã chọn'}`;
    case 'firstPlaces':
      return 'Số giám khảo xếp thứ nhất';
    case 'headJudgeTotal':
      return 'Điểm của Trưởng Ban Giám khảo';
    case 'tieBreakQuestion':
      return 'Điểm câu hỏi phụ';
    case 'lot':
      return `Bốc thăm (mã bốc thăm ${rule.seed})`;
    default: {
      const never: never = rule;
      throw new Error(`unhandled tie-break ${JSON.stringify(never)}`);
    }
  }
}

const partName = (results: readonly EntrantResult[], id: string): string | undefined => {
  for (const r of results) {
    const p = r.parts.find((x) => x.criterionId === id);
    if (p) return p.name;
  }
  return undefined;
};

export function tieBreakMetrics(
  rules: readonly TieBreakRule[],
  results: readonly EntrantResult[],
): Metric<EntrantResult>[] {
  return rules.map((rule): Metric<EntrantResult> => {
    const name = tieBreakLabel(
      rule,
      rule.kind === 'part' ? partName(results, rule.criterionId) : undefined,
    );
    switch (rule.kind) {
      case 'part':
        return {
          name,
          value: (r) => r.parts.find((p) => p.criterionId === rule.criterionId)?.value ?? null,
        };
      case 'firstPlaces':
        return { name, value: (r) => r.firstPlaces };
      case 'headJudgeTotal':
        return { name, value: (r) => r.headJudgeCp };
      case 'tieBreakQuestion':
        return { name, value: (r) => r.tieBreakCp };
      case 'lot':
        return { name, value: (r) => lotValue(rule.seed, r.entrant.id) };
      default: {
        const never: never = rule;
        throw new Error(`unhandled tie-break ${JSON.stringify(never)}`);
      }
    }
  });
}

/** Printed under the scoreboard: "Khi bằng điểm, xét lần lượt: 1) …; 2) …". */
export function describeTieBreaks(
  rules: readonly TieBreakRule[],
  results: readonly EntrantResult[],
): string {
  if (rules.length === 0) return 'Các đội/mô hình bằng điểm được xếp đồng hạng.';
  const items = tieBreakMetrics(rules, results).map((m, i) => `${i + 1}) ${m.name}`);
  return `Khi bằng điểm, xét lần lượt: ${items.join('; ')}; nếu vẫn bằng thì xếp đồng hạng.`;
}

/** Listing order of still-tied entrants: the entrant's order (STT), then code, then id. */
export const listKey = (r: EntrantResult): string =>
  `${String(r.entrant.order + 1e9).padStart(16, '0')}\u0000${r.entrant.code}\u0000${r.entrant.id}`;

/**
 * Rank a set of results afresh (e.g. one cluster or khối of a round-wide tally): ranked results
 * first in rank order, then unranked ones in listing order with rank null.
 */
export function rankResults(
  results: readonly EntrantResult[],
  rules: readonly TieBreakRule[],
  extra: readonly Metric<EntrantResult>[] = [],
): EntrantResult[] {
  const rankable = results.filter((r) => r.status === 'ranked');
  const ranked = rankBy(
    rankable,
    [resultMetric, ...tieBreakMetrics(rules, results), ...extra],
    listKey,
  );
  const rest = results
    .filter((r) => r.status !== 'ranked')
    .sort((a, b) => (listKey(a) < listKey(b) ? -1 : 1))
    .map((r) => ({ ...r, rank: null, tied: false, decidedBy: null }));
  return [
    ...ranked.map((k) => ({ ...k.item, rank: k.rank, tied: k.tied, decidedBy: k.decidedBy })),
    ...rest,
  ];
}
