/**
 * Combining the judges' totals for one entrant under an aggregation policy, exactly: mean, trimmed
 * mean (with its minimum panel size) and median give fractions of centipoints; per-judge
 * standardisation (z-scores) gives floats and is computed across entrants (zStats).
 *
 * Not here: who counts (judge-rows.ts) or objective parts and penalties (tally.ts).
 */
import type { AggregationPolicy, JudgeId } from '../model/types';
import { frac, type Fraction } from '../scoring/fraction';

export interface Aggregated {
  readonly value: Fraction | null;
  /** Positions (into the values given) dropped by a trimmed mean. */
  readonly dropped: readonly number[];
  /** Trimmed mean configured but the panel was too small: plain mean used instead. */
  readonly fellBack: boolean;
}

export const meanOf = (values: readonly number[]): Fraction => {
  let total = 0;
  for (const v of values) total += v;
  return frac(total, values.length);
};

const NONE: readonly number[] = [];
const plain = (value: Fraction | null, fellBack = false): Aggregated => ({
  value,
  dropped: NONE,
  fellBack,
});

/**
 * `values` are the counted judges' totals in canonical judge order; equal values are dropped by that
 * order, so which judge is struck through never depends on how the input was listed.
 * A z-score policy aggregates parts and reference values by the mean.
 */
export function aggregateValues(policy: AggregationPolicy, values: readonly number[]): Aggregated {
  if (values.length === 0) return plain(null);
  switch (policy.kind) {
    case 'mean':
    case 'zScore':
      return plain(meanOf(values));
    case 'trimmedMean': {
      const drop = Math.max(0, Math.floor(policy.drop));
      if (drop === 0) return plain(meanOf(values));
      if (values.length < policy.minPanel || values.length <= 2 * drop)
        return plain(meanOf(values), true);
      const order = values
        .map((v, i) => [v, i] as const)
        .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      const dropped = [...order.slice(0, drop), ...order.slice(order.length - drop)].map(
        ([, i]) => i,
      );
      const kept = values.filter((_, i) => !dropped.includes(i));
      return { value: meanOf(kept), dropped: dropped.sort((a, b) => a - b), fellBack: false };
    }
    case 'median': {
      const s = [...values].sort((a, b) => a - b);
      const mid = s.length >> 1;
      return plain(s.length % 2 ? frac(s[mid]) : frac(s[mid - 1] + s[mid], 2));
    }
    default: {
      const never: never = policy;
      throw new Error(`unhandled policy ${JSON.stringify(never)}`);
    }
  }
}

export interface JudgeStats {
  readonly mean: number;
  readonly sd: number;
  readonly n: number;
}

export interface ZStats {
  readonly perJudge: ReadonlyMap<JudgeId, JudgeStats>;
  /** Mean and standard deviation of all counted totals: z-scores are mapped back onto points with these. */
  readonly pooled: JudgeStats;
}

/** Summed in sorted order, so the same totals give the same float whatever order they came in. */
const stats = (unsorted: readonly number[]): JudgeStats => {
  const xs = [...unsorted].sort((a, b) => a - b);
  const n = xs.length;
  const mean = n ? xs.reduce((a, b) => a + b, 0) / n : 0;
  const sd = n ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / n) : 0;
  return { mean, sd, n };
};

/** Per-judge mean and (population) standard deviation over the entrants each judge counts for. */
export function zStats(
  rows: Iterable<readonly { judgeId: JudgeId; totalCp: number | null }[]>,
): ZStats {
  const perJudge = new Map<JudgeId, number[]>();
  const all: number[] = [];
  for (const totals of rows) {
    for (const t of totals) {
      if (t.totalCp === null) continue;
      (perJudge.get(t.judgeId) ?? perJudge.set(t.judgeId, []).get(t.judgeId)!).push(t.totalCp);
      all.push(t.totalCp);
    }
  }
  return { perJudge: new Map([...perJudge].map(([j, xs]) => [j, stats(xs)])), pooled: stats(all) };
}

/**
 * Mean of the counted judges' z-scores mapped onto points (pooled mean + pooled sd × mean z), rounded
 * to 10⁻⁶ centipoint so float noise from summation never separates what is mathematically equal.
 */
export function standardise(z: ZStats, zs: readonly number[]): { zMean: number; cp: number } {
  const zMean = [...zs].sort((a, b) => a - b).reduce((s, x) => s + x, 0) / zs.length;
  return { zMean, cp: Math.round((z.pooled.mean + z.pooled.sd * zMean) * 1e6) / 1e6 };
}

/** A judge's total as a z-score; a judge who gave everyone the same total (sd 0) contributes 0. */
export function zOf(z: ZStats, judgeId: JudgeId, totalCp: number): number {
  const s = z.perJudge.get(judgeId);
  return !s || s.sd === 0 ? 0 : (totalCp - s.mean) / s.sd;
}
