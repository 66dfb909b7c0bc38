/**
 * A round's results as the results screen, the exports and the advancement see them: the round's
 * entrants tallied per group (each cluster in a preliminary with per-cluster prizes, otherwise the
 * whole round), with prizes assigned by the round's ladder (or, in award rounds with a pass mark,
 * the funnel stage). Penalties, objective scores and tie-break answers come from the journal
 * projection; who may score whom from the exclusion rules (conflicts, clusters, fields).
 *
 * Not here: whether the results are final or provisional (completeness.ts), the display.
 */
import { buildExclusion } from '../awards/exclusion';
import { awardFunnel, type FunnelOutcome } from '../awards/funnel';
import type { Projection } from '../journal/projection';
import type {
  Cluster,
  Criterion,
  CriterionId,
  Entrant,
  EntrantId,
  Judge,
  Round,
  Score,
} from '../model/types';
import { awardPrizes, type PrizeOutcome } from '../prizes/prizes';
import { sidePrizes, type SidePrizeOutcome } from '../prizes/side';
import { tally, type Tally, type TallyInput } from '../tally/tally';

export interface ResultGroup {
  readonly title: string;
  readonly roundId: string;
  readonly cluster: Cluster | null;
  readonly tally: Tally;
  readonly input: TallyInput;
  /** Prize tier name per entrant id. */
  readonly prizes: ReadonlyMap<string, string>;
}

/** The judges assigned to a group: its round (Judge.roundIds) and its cluster (Judge.clusterIds), in order. */
export function panelOf(
  group: Pick<ResultGroup, 'cluster'> & { readonly roundId: string },
  judges: readonly Judge[],
): Judge[] {
  return judges.filter(
    (j) =>
      (!j.roundIds?.length || j.roundIds.includes(group.roundId as never)) &&
      (!group.cluster || j.clusterIds.length === 0 || j.clusterIds.includes(group.cluster.id)),
  );
}

const STAGE = {
  recognised: 'Công nhận',
  exemplary: 'Tiêu biểu',
  commended: 'Khen thưởng',
} as const;

export interface RoundResults {
  readonly groups: readonly ResultGroup[];
  readonly prizes: PrizeOutcome;
  readonly sidePrizes: readonly SidePrizeOutcome[];
  /** Award rounds with a pass mark: recognised → exemplary → commended. */
  readonly funnel: FunnelOutcome | null;
}

/** Secretary-entered extras from the projection, in the tally's terms. */
export function extrasFrom(
  p: Projection | undefined,
  roundId: string,
): Pick<TallyInput, 'penalties' | 'objective' | 'tieBreakScores'> {
  if (!p) return {};
  const objective = new Map<EntrantId, Map<CriterionId, number>>();
  for (const o of p.objectives) {
    if (o.roundId !== roundId || o.steps === null) continue;
    const m =
      objective.get(o.entrantId as EntrantId) ??
      objective.set(o.entrantId as EntrantId, new Map()).get(o.entrantId as EntrantId)!;
    m.set(o.criterionId as CriterionId, o.steps);
  }
  const tieBreakScores = new Map<EntrantId, number>();
  for (const t of p.tieBreaks)
    if (t.roundId === roundId && t.steps !== null)
      tieBreakScores.set(
        t.entrantId as EntrantId,
        (tieBreakScores.get(t.entrantId as EntrantId) ?? 0) + t.steps,
      );
  const penalties = p.penalties
    .filter((x) => x.roundId === roundId && x.cp !== null)
    .map((x) => ({ entrantId: x.entrantId as EntrantId, cp: x.cp!, reason: x.reason }));
  return { penalties, objective, tieBreakScores };
}

export type Extras = Pick<TallyInput, 'penalties' | 'objective' | 'tieBreakScores'>;

/** One group before tallying: its title, cluster and tally input. */
export interface GroupPlan {
  readonly title: string;
  readonly cluster: Cluster | null;
  readonly input: TallyInput;
}

/** Whether the round's prizes are given per cluster (one group per cluster with entrants). */
const perClusterOf = (round: Round, roundClusters: readonly Cluster[]) =>
  round.prizesPerCluster && roundClusters.length > 0;

/**
 * The round's groups and each one's tally input, without tallying. `scoresOf` gives a group's
 * scores, read only when the input's scores are (so a caller can decode them lazily); the whole
 * round's scores will do for any group, a tally reads its own entrants' only.
 */
export function roundGroups(
  round: Round,
  clusters: readonly Cluster[],
  criteria: readonly Criterion[],
  entrants: readonly Entrant[],
  judges: readonly Judge[],
  scoresOf: (cluster: Cluster | null) => readonly Score[],
  extras: Extras = {},
): GroupPlan[] {
  const inRound = entrants.filter((e) => e.roundId === round.id);
  const crit = criteria.filter((c) => c.roundId === round.id);
  const excluded = buildExclusion();
  const plan = (title: string, es: readonly Entrant[], cluster: Cluster | null): GroupPlan => {
    const panel = panelOf({ cluster, roundId: round.id }, judges);
    const input: TallyInput = {
      round,
      criteria: crit,
      entrants: es,
      judges: panel,
      get scores() {
        return scoresOf(cluster);
      },
      excluded,
      ...extras,
    };
    return { title, cluster, input };
  };
  const roundClusters = clusters
    .filter((c) => c.roundId === round.id)
    .sort((a, b) => a.order - b.order);
  return perClusterOf(round, roundClusters)
    ? roundClusters
        .filter((c) => inRound.some((e) => e.clusterId === c.id))
        .map((c) =>
          plan(
            c.name,
            inRound.filter((e) => e.clusterId === c.id),
            c,
          ),
        )
    : [plan(round.name, inRound, null)];
}

/** The round's scores split by their entrant's cluster, in one pass, for per-cluster tallies. */
export function scoresByCluster(
  entrants: readonly Entrant[],
  scores: readonly Score[],
): (cluster: Cluster | null) => readonly Score[] {
  const clusterOf = new Map(entrants.map((e) => [e.id as string, e.clusterId]));
  const split = new Map<string | null, Score[]>();
  for (const s of scores) {
    if (!clusterOf.has(s.entrantId)) continue;
    const c = clusterOf.get(s.entrantId) ?? null;
    (split.get(c) ?? split.set(c, []).get(c)!).push(s);
  }
  return (cluster) => split.get(cluster?.id ?? null) ?? [];
}

export function roundResults(
  round: Round,
  clusters: readonly Cluster[],
  criteria: readonly Criterion[],
  entrants: readonly Entrant[],
  judges: readonly Judge[],
  scores: readonly Score[],
  extras: Extras = {},
): RoundResults {
  const roundClusters = clusters.filter((c) => c.roundId === round.id);
  // Each cluster's tally reads its own entrants' scores only (one pass over the round's scores).
  const scoresOf = perClusterOf(round, roundClusters)
    ? scoresByCluster(
        entrants.filter((e) => e.roundId === round.id),
        scores,
      )
    : () => scores;
  const plans = roundGroups(round, clusters, criteria, entrants, judges, scoresOf, extras);
  return resultsOf(
    round,
    clusters,
    plans.map((p) => ({ ...p, tally: tally(p.input) })),
  );
}

/** Prizes (or funnel stages) and side prizes over tallied groups. */
export function resultsOf(
  round: Round,
  clusters: readonly Cluster[],
  parts: readonly (GroupPlan & { readonly tally: Tally })[],
): RoundResults {
  const roundClusters = clusters
    .filter((c) => c.roundId === round.id)
    .sort((a, b) => a.order - b.order);
  const all = parts.flatMap((p) => p.tally.results);
  const d = round.decisions ?? {};
  const prizes = awardPrizes({
    round,
    results: all,
    clusters: roundClusters,
    overrides: d.prizeOverrides,
    countChanges: d.countChanges,
  });
  const side = sidePrizes(all, round.sidePrizes ?? [], d.chosenSidePrizes ?? []).prizes;
  const funnel = round.passMark
    ? awardFunnel({
        results: all,
        rule: round.passMark,
        counts: round.funnel ?? { exemplary: 0, commended: 0 },
        tieBreak: round.tieBreak,
      })
    : null;
  // Award rounds with a pass mark: the outcome column is the funnel stage, not a prize ladder.
  const tierOf = new Map<string, string>();
  if (funnel)
    for (const row of funnel.rows) {
      if (row.stage !== 'none') tierOf.set(row.entrantId, STAGE[row.stage]);
    }
  else for (const [id, tier] of prizes.tierOf) if (tier) tierOf.set(id, tier);
  return {
    groups: parts.map((p) => ({
      title: p.title,
      cluster: p.cluster,
      tally: p.tally,
      input: p.input,
      roundId: round.id,
      prizes: tierOf,
    })),
    prizes,
    sidePrizes: side,
    funnel,
  };
}
