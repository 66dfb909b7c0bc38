/**
 * Standard competition ranking (1, 2, 2, 4) by an ordered list of named metrics. The first metric is
 * the result; later ones are tie-breaks, applied only inside a block of items still equal on every
 * earlier metric. Each ranked item says whether it is still tied and which metric separated it from
 * its neighbours, so the scoreboard can say why.
 *
 * Not here: what the metrics mean (see tie-break.ts) or who is rankable (see tally.ts).
 */
import { compare, type Fraction } from '../scoring/fraction';

/** Exact fractions compare exactly; plain numbers (z-scores, counts) compare as numbers. */
export type MetricValue = number | Fraction | null;

export interface Metric<T> {
  /** Shown to users, e.g. "Điểm phần Tiểu phẩm". */
  readonly name: string;
  /**
   * Higher is better. A null main value sorts last. A tie-break metric with a null for any item of
   * a tied block is skipped for that block: a tie-break question entered for only some of the tied
   * entrants, or a head judge who could not score one of them, must not decide by omission.
   */
  readonly value: (item: T) => MetricValue;
}

export interface Ranked<T> {
  readonly item: T;
  readonly rank: number;
  /** Another item shares this rank. */
  readonly tied: boolean;
  /** Name of the tie-break metric that placed this item apart from an equal-result neighbour. */
  readonly decidedBy: string | null;
}

/** Descending order, null last; 0 when equal. */
export function compareValues(a: MetricValue, b: MetricValue): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' || typeof b === 'number') {
    const x = typeof a === 'number' ? a : a.n / a.d;
    const y = typeof b === 'number' ? b : b.n / b.d;
    return x === y ? 0 : x < y ? 1 : -1;
  }
  return Math.sign(compare(b, a));
}

export function rankBy<T>(
  items: readonly T[],
  metrics: readonly Metric<T>[],
  tiebreakKey: (t: T) => string,
): Ranked<T>[] {
  if (metrics.length === 0) throw new Error('rankBy needs at least one metric');
  const n = items.length;
  const values = items.map((i) => metrics.map((m) => m.value(i)));
  const keys = items.map(tiebreakKey);
  // keys only make the listing order of still-tied items stable; they never change a rank.
  const byKey = (a: number, b: number) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b);
  // sepAfter[p] = index of the metric separating positions p and p+1 of the final order; -1 = tied.
  const order: number[] = [];
  const sepAfter: number[] = [];

  const refine = (block: number[], k: number): void => {
    if (block.length === 1 || k >= metrics.length) {
      block.sort(byKey);
      for (const i of block) {
        order.push(i);
        sepAfter.push(-1);
      }
      return;
    }
    if (k > 0 && block.some((i) => values[i][k] === null)) return refine(block, k + 1);
    block.sort((a, b) => compareValues(values[a][k], values[b][k]) || byKey(a, b));
    let start = 0;
    for (let p = 1; p <= block.length; p++) {
      if (p === block.length || compareValues(values[block[start]][k], values[block[p]][k]) !== 0) {
        refine(block.slice(start, p), k + 1);
        if (p < block.length) sepAfter[sepAfter.length - 1] = k;
        start = p;
      }
    }
  };
  refine(
    Array.from({ length: n }, (_, i) => i),
    0,
  );

  const out: Ranked<T>[] = [];
  let blockRank = 1;
  for (let p = 0; p < n; p++) {
    if (p > 0 && sepAfter[p - 1] !== -1) blockRank = p + 1;
    const tied = (p > 0 && sepAfter[p - 1] === -1) || (p < n - 1 && sepAfter[p] === -1);
    const above = p > 0 ? sepAfter[p - 1] : -1;
    const below = p < n - 1 ? sepAfter[p] : -1;
    const k = above > 0 ? above : below > 0 ? below : 0;
    out.push({
      item: items[order[p]],
      rank: blockRank,
      tied,
      decidedBy: k > 0 ? metrics[k].name : null,
    });
  }
  return out;
}
