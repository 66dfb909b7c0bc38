/**
 * Sensitivity report: the round re-tallied under every aggregation policy, saying whether the
 * podium (top 3), a prize boundary or the advancement cut would change from what the round's own
 * policy gives. It informs the board; it never changes the official result.
 *
 * Not here: the tally (tally.ts) or prizes (shared/prizes) — both are reused as they are.
 */
import type { AggregationPolicy, EntrantId } from '../model/types';
import { awardPrizes, type PrizeRound } from '../prizes/prizes';
import { cutAt } from './cut';
import { tally } from './tally';
import type { Tally, TallyInput } from './tally-types';

export interface SensitivityOptions {
  /** Policies to compare (default: mean, trimmed mean 1/5, median, z-score, and the round's own). */
  readonly policies?: readonly AggregationPolicy[];
  /** Ladder to compare prize boundaries with. */
  readonly prizes?: PrizeRound;
  /** Advancement cut: the best N go through. */
  readonly cut?: number;
  readonly podiumSize?: number;
}

export interface PolicyOutcome {
  readonly policy: AggregationPolicy;
  readonly label: string;
  readonly tally: Tally;
  /** Entrants ranked within the podium, as [entrantId, rank]. */
  readonly podium: readonly (readonly [EntrantId, number])[];
  readonly tierOf: ReadonlyMap<EntrantId, string | null>;
  readonly advancing: readonly EntrantId[];
  /** Tied at the cut line: waiting for a decision under this policy. */
  readonly pendingAtCut: readonly EntrantId[];
  readonly podiumChanged: boolean;
  readonly prizeChanges: readonly {
    readonly entrantId: EntrantId;
    readonly from: string | null;
    readonly to: string | null;
  }[];
  readonly cutChanged: boolean;
}

export interface SensitivityReport {
  readonly base: PolicyOutcome;
  readonly alternatives: readonly PolicyOutcome[];
  /** No alternative changes the podium, a prize or the cut. */
  readonly robust: boolean;
  readonly summary: readonly string[];
}

export function policyLabel(p: AggregationPolicy): string {
  switch (p.kind) {
    case 'mean':
      return 'Trung bình cộng';
    case 'trimmedMean':
      return `Bỏ ${p.drop} cao nhất, ${p.drop} thấp nhất (từ ${p.minPanel} GK)`;
    case 'median':
      return 'Trung vị';
    case 'zScore':
      return 'Chuẩn hóa điểm z';
    default: {
      const never: never = p;
      throw new Error(`unhandled policy ${JSON.stringify(never)}`);
    }
  }
}

const DEFAULT_POLICIES: readonly AggregationPolicy[] = [
  { kind: 'mean' },
  { kind: 'trimmedMean', drop: 1, minPanel: 5 },
  { kind: 'median' },
  { kind: 'zScore' },
];

export function sensitivity(input: TallyInput, opts: SensitivityOptions = {}): SensitivityReport {
  const podiumSize = opts.podiumSize ?? 3;
  const baseKey = JSON.stringify(input.round.policy);
  const others = (opts.policies ?? DEFAULT_POLICIES).filter(
    (p, i, all) =>
      JSON.stringify(p) !== baseKey &&
      all.findIndex((q) => JSON.stringify(q) === JSON.stringify(p)) === i,
  );

  const outcome = (policy: AggregationPolicy, base: PolicyOutcome | null): PolicyOutcome => {
    const t = tally({ ...input, round: { ...input.round, policy } });
    const podium = t.results
      .filter((r) => r.rank !== null && r.rank <= podiumSize)
      .map((r) => [r.entrant.id, r.rank!] as const);
    const prizes = opts.prizes ? awardPrizes({ round: opts.prizes, results: t.results }) : null;
    // A pending tie is its own outcome: "chờ quyết định" differs from both tiers it spans.
    const tierOf = new Map(
      prizes
        ? prizes.rows.map(
            (r) =>
              [
                r.entrantId,
                r.status === 'pendingTie' ? `? ${r.candidates.join('/')}` : r.tier,
              ] as const,
          )
        : [],
    );
    const ranked = t.results.filter((r) => r.rank !== null);
    const cut = opts.cut !== undefined ? cutAt(ranked, (r) => r.rank!, opts.cut) : null;
    const advancing = cut ? cut.inside.map((r) => r.entrant.id) : [];
    const pendingAtCut = cut ? cut.tiedAtCut.map((r) => r.entrant.id) : [];
    const key = (xs: readonly unknown[]) =>
      JSON.stringify([...xs].map((x) => JSON.stringify(x)).sort());
    const prizeChanges = base
      ? [...new Set([...base.tierOf.keys(), ...tierOf.keys()])].sort().flatMap((id) => {
          const from = base.tierOf.get(id) ?? null;
          const to = tierOf.get(id) ?? null;
          return from === to ? [] : [{ entrantId: id, from, to }];
        })
      : [];
    return {
      policy,
      label: policyLabel(policy),
      tally: t,
      podium,
      tierOf,
      advancing,
      pendingAtCut,
      podiumChanged: base !== null && key(base.podium) !== key(podium),
      prizeChanges,
      cutChanged:
        base !== null &&
        cut !== null &&
        (key(base.advancing) !== key(advancing) || key(base.pendingAtCut) !== key(pendingAtCut)),
    };
  };

  const base = outcome(input.round.policy, null);
  const alternatives = others.map((p) => outcome(p, base));
  const summary = alternatives.map((a) => {
    const changes = [
      a.podiumChanged ? 'thay đổi nhóm 3 hạng đầu' : '',
      a.prizeChanges.length ? `thay đổi giải của ${a.prizeChanges.length} đội/mô hình` : '',
      a.cutChanged ? 'thay đổi danh sách vào vòng sau' : '',
    ].filter(Boolean);
    return `${a.label}: ${changes.length ? changes.join(', ') : 'không thay đổi kết quả'}.`;
  });
  return {
    base,
    alternatives,
    robust: alternatives.every(
      (a) => !a.podiumChanged && a.prizeChanges.length === 0 && !a.cutChanged,
    ),
    summary,
  };
}
