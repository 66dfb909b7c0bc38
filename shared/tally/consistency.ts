/**
 * Judge consistency, descriptive only: each judge's mean and spread against the panel's aggregate
 * for the same entrants, the rank correlation with the panel, and Kendall's W (coefficient of
 * concordance, tie-corrected) across the judges over the entrants all of them scored. Floats are
 * fine here: nothing is ranked or awarded from these figures.
 *
 * Not here: any change to results; the per-judge standardisation used for ranking (aggregate.ts).
 */
import type { EntrantId, JudgeId } from '../model/types';
import { toNumber } from '../scoring/fraction';
import type { Tally } from './tally-types';

export interface JudgeConsistency {
  readonly judgeId: JudgeId;
  readonly scored: number;
  readonly meanCp: number;
  readonly sdCp: number;
  /** Mean of the panel's aggregate over the same entrants. */
  readonly panelMeanCp: number;
  /** meanCp − panelMeanCp: positive = more generous than the panel. */
  readonly biasCp: number;
  /** Spearman correlation of this judge's totals with the panel's aggregate (null below 3 entrants). */
  readonly rankCorrelation: number | null;
}

export interface Consistency {
  readonly judges: readonly JudgeConsistency[];
  readonly kendallW: number | null;
  readonly kendallJudges: number;
  readonly kendallEntrants: number;
  readonly note: string;
}

/** Average ranks (1 = highest), ties sharing the mean of their places; returns ranks and tie sizes. */
export function averageRanks(xs: readonly number[]): { ranks: number[]; tieSizes: number[] } {
  const idx = xs.map((_, i) => i).sort((a, b) => xs[b] - xs[a]);
  const ranks = new Array<number>(xs.length);
  const tieSizes: number[] = [];
  for (let p = 0; p < idx.length;) {
    let q = p;
    while (q + 1 < idx.length && xs[idx[q + 1]] === xs[idx[p]]) q++;
    for (let k = p; k <= q; k++) ranks[idx[k]] = (p + q) / 2 + 1;
    tieSizes.push(q - p + 1);
    p = q + 1;
  }
  return { ranks, tieSizes };
}

function pearson(a: readonly number[], b: readonly number[]): number | null {
  const n = a.length;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let sab = 0,
    saa = 0,
    sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return saa === 0 || sbb === 0 ? null : sab / Math.sqrt(saa * sbb);
}

/** Kendall's W for a complete judges × entrants table of totals (rows = judges). */
export function kendallW(table: readonly (readonly number[])[]): number | null {
  const m = table.length;
  const n = m ? table[0].length : 0;
  if (m < 2 || n < 2) return null;
  const sums = new Array<number>(n).fill(0);
  let tieTerm = 0;
  for (const row of table) {
    const { ranks, tieSizes } = averageRanks(row);
    ranks.forEach((r, i) => (sums[i] += r));
    tieTerm += tieSizes.reduce((s, t) => s + t ** 3 - t, 0);
  }
  const meanR = (m * (n + 1)) / 2;
  const S = sums.reduce((s, r) => s + (r - meanR) ** 2, 0);
  const denom = m * m * (n ** 3 - n) - m * tieTerm;
  return denom === 0 ? null : (12 * S) / denom;
}

export function judgeConsistency(t: Tally, judgeIds: readonly JudgeId[] = t.judgeIds): Consistency {
  const panel = new Map<EntrantId, number>();
  for (const r of t.results) if (r.judgedCp) panel.set(r.entrant.id, toNumber(r.judgedCp));
  const judges = judgeIds.map((judgeId): JudgeConsistency => {
    const own: number[] = [];
    const pan: number[] = [];
    for (const r of t.results) {
      const v = r.judgeTotals.find((x) => x.judgeId === judgeId)?.totalCp;
      const p = panel.get(r.entrant.id);
      if (v == null || p === undefined) continue;
      own.push(v);
      pan.push(p);
    }
    const n = own.length;
    const meanCp = n ? own.reduce((s, x) => s + x, 0) / n : 0;
    const panelMeanCp = n ? pan.reduce((s, x) => s + x, 0) / n : 0;
    const sdCp = n ? Math.sqrt(own.reduce((s, x) => s + (x - meanCp) ** 2, 0) / n) : 0;
    const rankCorrelation =
      n >= 3 ? pearson(averageRanks(own).ranks, averageRanks(pan).ranks) : null;
    return {
      judgeId,
      scored: n,
      meanCp,
      sdCp,
      panelMeanCp,
      biasCp: meanCp - panelMeanCp,
      rankCorrelation,
    };
  });
  const active = judges.filter((j) => j.scored > 0).map((j) => j.judgeId);
  const common = t.results.filter((r) =>
    active.every((id) => r.judgeTotals.find((x) => x.judgeId === id)?.totalCp != null),
  );
  const table = active.map((id) =>
    common.map((r) => r.judgeTotals.find((x) => x.judgeId === id)!.totalCp!),
  );
  const w = kendallW(table);
  const note =
    w === null
      ? 'Không tính được hệ số Kendall W: cần ít nhất 2 giám khảo cùng chấm ít nhất 2 đội/mô hình.'
      : `Hệ số đồng thuận Kendall W = ${w.toFixed(2).replace('.', ',')} (${active.length} giám khảo, ${common.length} đội/mô hình cùng chấm; 1 = hoàn toàn thống nhất, 0 = không thống nhất).`;
  return {
    judges,
    kendallW: w,
    kendallJudges: active.length,
    kendallEntrants: common.length,
    note,
  };
}
