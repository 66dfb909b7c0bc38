/**
 * Standard competition ranking (1, 2, 2, 4) by an ordered list of named metrics. The first metric is
 * the result; later ones are tie-breaks. Each ranked item says whether it is still tied and which
 * metric separated it from its neighbours, so the scoreboard can say why.
 */

export interface Metric<T> {
  /** Shown to users, e.g. "Điểm phần Tiểu phẩm". */
  readonly name: string;
  /** Higher is better; null sorts last and never separates. */
  readonly value: (item: T) => number | null;
}

export interface Ranked<T> {
  readonly item: T;
  readonly rank: number;
  /** Another item shares this rank. */
  readonly tied: boolean;
  /** Name of the tie-break metric that placed this item apart from an equal-result neighbour. */
  readonly decidedBy: string | null;
}

function cmp(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

export function rankBy<T>(items: readonly T[], metrics: readonly Metric<T>[], tiebreakKey: (t: T) => string): Ranked<T>[] {
  if (metrics.length === 0) throw new Error('rankBy needs at least one metric');
  const values = new Map(items.map((i) => [i, metrics.map((m) => m.value(i))] as const));
  // tiebreakKey only makes the listing order of still-tied items stable; it never changes a rank.
  const sorted = [...items].sort((a, b) => {
    const va = values.get(a)!;
    const vb = values.get(b)!;
    for (let k = 0; k < metrics.length; k++) {
      const c = cmp(va[k], vb[k]);
      if (c !== 0) return c;
    }
    return tiebreakKey(a) < tiebreakKey(b) ? -1 : tiebreakKey(a) > tiebreakKey(b) ? 1 : 0;
  });
  const sameAll = (a: T, b: T) => values.get(a)!.every((v, k) => cmp(v, values.get(b)![k]) === 0);
  const separatingMetric = (a: T, b: T): string | null => {
    const va = values.get(a)!;
    const vb = values.get(b)!;
    if (cmp(va[0], vb[0]) !== 0) return null;
    for (let k = 1; k < metrics.length; k++) if (cmp(va[k], vb[k]) !== 0) return metrics[k].name;
    return null;
  };
  const out: Ranked<T>[] = [];
  sorted.forEach((item, i) => {
    const prev = sorted[i - 1];
    const next = sorted[i + 1];
    const rank = prev !== undefined && sameAll(prev, item) ? out[i - 1].rank : i + 1;
    const tied = (prev !== undefined && sameAll(prev, item)) || (next !== undefined && sameAll(item, next));
    const decidedBy = (prev !== undefined ? separatingMetric(prev, item) : null) ?? (next !== undefined ? separatingMetric(item, next) : null);
    out.push({ item, rank, tied, decidedBy });
  });
  return out;
}
