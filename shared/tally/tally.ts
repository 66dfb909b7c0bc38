/**
 * The official tally of one round: each judge's weighted total per entrant, the panel's aggregate
 * under the round's policy, and the rank. Exact: totals are integer centipoints, aggregates are
 * fractions (z-scores, which are irrational, carry a float and say so). Missing scores are never
 * zero: a judge who did not score an entrant completely is left out of that entrant's aggregate,
 * and the reason is kept.
 */
import { effectiveWeight, leaves } from '../model/criteria-tree';
import type { AggregationPolicy, Criterion, Entrant, EntrantId, Judge, JudgeId, Round, Score } from '../model/types';
import { scoreKey } from '../model/types';
import { compare, divInt, frac, sum, toNumber, type Fraction } from '../scoring/fraction';
import { rankBy, type Metric } from './rank';

export type Absence = 'conflict' | 'notAssigned' | 'incomplete' | 'none';

export interface JudgeTotal {
  readonly judgeId: JudgeId;
  /** Weighted total in centipoints, or null when this judge does not count for the entrant. */
  readonly totalCp: number | null;
  /** Leaves scored out of leaves expected. */
  readonly scored: number;
  readonly expected: number;
  readonly absence: Absence;
  /** Dropped by a trimmed mean (highest or lowest). */
  readonly trimmed: boolean;
}

export interface EntrantResult {
  readonly entrant: Entrant;
  readonly judgeTotals: readonly JudgeTotal[];
  /** Aggregate in centipoints (exact), null when no judge counts. */
  readonly result: Fraction | null;
  /** Same as result, as a number (z-score policies only have this). */
  readonly resultValue: number | null;
  readonly counted: number;
  readonly rank: number | null;
  readonly tied: boolean;
  readonly decidedBy: string | null;
}

export interface TallyInput {
  readonly round: Pick<Round, 'policy'>;
  readonly criteria: readonly Criterion[];
  readonly entrants: readonly Entrant[];
  readonly judges: readonly Judge[];
  readonly scores: readonly Score[];
  /** Judge may not score this entrant (conflict of interest, field panel, cluster). */
  readonly excluded?: (judge: Judge, entrant: Entrant) => Absence;
}

export interface Tally {
  readonly results: readonly EntrantResult[];
  readonly maxCp: number;
  readonly ruleText: string;
}

export function describePolicy(policy: AggregationPolicy): string {
  switch (policy.kind) {
    case 'mean':
      return 'Điểm trung bình cộng của các giám khảo đã chấm, làm tròn 2 chữ số thập phân (từ 5 trở lên làm tròn lên).';
    case 'trimmedMean':
      return `Bỏ ${policy.drop} điểm cao nhất và ${policy.drop} điểm thấp nhất (khi có từ ${policy.minPanel} giám khảo), lấy trung bình các điểm còn lại; làm tròn 2 chữ số thập phân.`;
    case 'median':
      return 'Lấy điểm trung vị của các giám khảo đã chấm; làm tròn 2 chữ số thập phân.';
    case 'zScore':
      return 'Chuẩn hóa điểm theo từng giám khảo (điểm z), rồi lấy trung bình; dùng để so sánh giữa các tổ chấm khác nhau.';
    default:
      return assertNever(policy);
  }
}

export function assertNever(x: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(x)}`);
}

/** Weighted totals per (judge, entrant). */
export function judgeTotals(input: TallyInput): Map<EntrantId, JudgeTotal[]> {
  const scored = leaves(input.criteria).filter((c) => !c.objective);
  const weights = new Map(scored.map((c) => [c.id, effectiveWeight(input.criteria, c.id)]));
  const byKey = new Map<string, Score>();
  for (const s of input.scores) byKey.set(scoreKey(s), s);
  const out = new Map<EntrantId, JudgeTotal[]>();
  for (const e of input.entrants) {
    const row: JudgeTotal[] = [];
    for (const j of input.judges) {
      const excluded = input.excluded?.(j, e) ?? 'none';
      let total = 0;
      let count = 0;
      for (const c of scored) {
        const s = byKey.get(scoreKey({ roundId: e.roundId, judgeId: j.id, entrantId: e.id, criterionId: c.id }));
        if (s && s.steps !== null) {
          total += s.steps * c.stepCp * weights.get(c.id)!;
          count++;
        }
      }
      const complete = count === scored.length && scored.length > 0;
      const absence: Absence = excluded !== 'none' ? excluded : complete ? 'none' : 'incomplete';
      row.push({ judgeId: j.id, totalCp: absence === 'none' ? total : null, scored: count, expected: scored.length, absence, trimmed: false });
    }
    out.set(e.id, row);
  }
  return out;
}

function aggregate(policy: AggregationPolicy, totals: JudgeTotal[]): { result: Fraction | null; totals: JudgeTotal[] } {
  const present = totals.filter((t) => t.totalCp !== null);
  if (present.length === 0) return { result: null, totals };
  const values = present.map((t) => t.totalCp!);
  switch (policy.kind) {
    case 'mean':
    case 'zScore': // z-scores are computed across entrants below; the exact mean is kept as reference
      return { result: divInt(sum(values.map((v) => frac(v))), values.length), totals };
    case 'trimmedMean': {
      if (present.length < policy.minPanel || present.length <= 2 * policy.drop) {
        return { result: divInt(sum(values.map((v) => frac(v))), values.length), totals };
      }
      const order = [...present].sort((a, b) => a.totalCp! - b.totalCp! || (a.judgeId < b.judgeId ? -1 : 1));
      const dropped = new Set([...order.slice(0, policy.drop), ...order.slice(order.length - policy.drop)].map((t) => t.judgeId));
      const kept = present.filter((t) => !dropped.has(t.judgeId)).map((t) => t.totalCp!);
      return {
        result: divInt(sum(kept.map((v) => frac(v))), kept.length),
        totals: totals.map((t) => (dropped.has(t.judgeId) ? { ...t, trimmed: true } : t)),
      };
    }
    case 'median': {
      const s = [...values].sort((a, b) => a - b);
      const mid = s.length >> 1;
      return { result: s.length % 2 ? frac(s[mid]) : frac(s[mid - 1] + s[mid], 2), totals };
    }
    default:
      return assertNever(policy);
  }
}

/** Per-judge standardisation: each judge's totals become (x − mean_j) / sd_j, then averaged. */
function zScores(rows: Map<EntrantId, JudgeTotal[]>): Map<EntrantId, number | null> {
  const perJudge = new Map<JudgeId, number[]>();
  for (const totals of rows.values()) for (const t of totals) if (t.totalCp !== null) {
    (perJudge.get(t.judgeId) ?? perJudge.set(t.judgeId, []).get(t.judgeId)!).push(t.totalCp);
  }
  const stats = new Map<JudgeId, { mean: number; sd: number }>();
  for (const [j, xs] of perJudge) {
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    stats.set(j, { mean, sd });
  }
  const out = new Map<EntrantId, number | null>();
  for (const [e, totals] of rows) {
    const zs = totals.filter((t) => t.totalCp !== null).map((t) => {
      const s = stats.get(t.judgeId)!;
      return s.sd === 0 ? 0 : (t.totalCp! - s.mean) / s.sd;
    });
    out.set(e, zs.length ? zs.reduce((a, b) => a + b, 0) / zs.length : null);
  }
  return out;
}

export function tally(input: TallyInput, extraMetrics: readonly Metric<EntrantResult>[] = []): Tally {
  const rows = judgeTotals(input);
  const z = input.round.policy.kind === 'zScore' ? zScores(rows) : null;
  const unranked: EntrantResult[] = input.entrants.map((entrant) => {
    const { result, totals } = aggregate(input.round.policy, rows.get(entrant.id)!);
    const resultValue = z ? z.get(entrant.id)! : result ? toNumber(result) : null;
    return {
      entrant,
      judgeTotals: totals,
      result,
      resultValue,
      counted: totals.filter((t) => t.totalCp !== null && !t.trimmed).length,
      rank: null,
      tied: false,
      decidedBy: null,
    };
  });
  const withResult = unranked.filter((r) => r.resultValue !== null);
  const main: Metric<EntrantResult> = {
    name: 'Kết quả',
    // Exact comparison for rational results: scale to a common integer key is not needed because
    // rankBy compares with subtraction; equal fractions give exactly equal floats only if we map
    // equal fractions to the same number, which n/d in lowest terms guarantees.
    value: (r) => (r.result && !z ? r.result.n / r.result.d : r.resultValue),
  };
  const ranked = rankBy(withResult, [main, ...extraMetrics], (r) => r.entrant.code || r.entrant.id);
  const rankOf = new Map(ranked.map((r) => [r.item.entrant.id, r]));
  const results = unranked
    .map((r) => {
      const k = rankOf.get(r.entrant.id);
      return k ? { ...r, rank: k.rank, tied: k.tied, decidedBy: k.decidedBy } : r;
    })
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.entrant.order - b.entrant.order);
  const maxCp = leaves(input.criteria).reduce((s, c) => s + c.maxCp * effectiveWeight(input.criteria, c.id), 0);
  return { results, maxCp, ruleText: describePolicy(input.round.policy) };
}

/** Exact equality of two results, for tests and the recount comparison. */
export const sameResult = (a: Fraction | null, b: Fraction | null): boolean =>
  a === null || b === null ? a === b : compare(a, b) === 0;
