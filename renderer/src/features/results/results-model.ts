/**
 * What the results screen shows: the round's entrants tallied per group (each cluster in a
 * preliminary with per-cluster prizes, otherwise the whole round), with prizes assigned by the
 * round's ladder. Penalties, objective scores and tie-break answers come from the journal
 * projection; who may score whom from the exclusion rules (conflicts, clusters, fields).
 */
import { buildExclusion } from '@shared/awards/exclusion';
import type { Projection } from '@shared/journal/projection';
import type { Cluster, Criterion, CriterionId, Entrant, EntrantId, Judge, Round, Score } from '@shared/model/types';
import { awardFunnel, type FunnelOutcome } from '@shared/awards/funnel';
import { awardPrizes, type PrizeOutcome } from '@shared/prizes/prizes';
import { sidePrizes, type SidePrizeOutcome } from '@shared/prizes/side';
import { tally, type Tally, type TallyInput } from '@shared/tally/tally';

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
export function panelOf(group: Pick<ResultGroup, 'cluster'> & { readonly roundId: string }, judges: readonly Judge[]): Judge[] {
  return judges.filter((j) => (!j.roundIds?.length || j.roundIds.includes(group.roundId as never)) && (!group.cluster || j.clusterIds.length === 0 || j.clusterIds.includes(group.cluster.id)));
}

const STAGE = { recognised: 'Công nhận', exemplary: 'Tiêu biểu', commended: 'Khen thưởng' } as const;

export interface RoundResults {
  readonly groups: readonly ResultGroup[];
  readonly prizes: PrizeOutcome;
  readonly sidePrizes: readonly SidePrizeOutcome[];
  /** Award rounds with a pass mark: recognised → exemplary → commended. */
  readonly funnel: FunnelOutcome | null;
}

/** Secretary-entered extras from the projection, in the tally's terms. */
export function extrasFrom(p: Projection | undefined, roundId: string): Pick<TallyInput, 'penalties' | 'objective' | 'tieBreakScores'> {
  if (!p) return {};
  const objective = new Map<EntrantId, Map<CriterionId, number>>();
  for (const o of p.objectives) {
    if (o.roundId !== roundId || o.steps === null) continue;
    const m = objective.get(o.entrantId as EntrantId) ?? objective.set(o.entrantId as EntrantId, new Map()).get(o.entrantId as EntrantId)!;
    m.set(o.criterionId as CriterionId, o.steps);
  }
  const tieBreakScores = new Map<EntrantId, number>();
  for (const t of p.tieBreaks) if (t.roundId === roundId && t.steps !== null) tieBreakScores.set(t.entrantId as EntrantId, (tieBreakScores.get(t.entrantId as EntrantId) ?? 0) + t.steps);
  const penalties = p.penalties
    .filter((x) => x.roundId === roundId && x.cp !== null)
    .map((x) => ({ entrantId: x.entrantId as EntrantId, cp: x.cp!, reason: x.reason }));
  return { penalties, objective, tieBreakScores };
}

export function roundResults(
  round: Round, clusters: readonly Cluster[], criteria: readonly Criterion[], entrants: readonly Entrant[], judges: readonly Judge[], scores: readonly Score[],
  extras: Pick<TallyInput, 'penalties' | 'objective' | 'tieBreakScores'> = {},
): RoundResults {
  const inRound = entrants.filter((e) => e.roundId === round.id);
  const crit = criteria.filter((c) => c.roundId === round.id);
  const excluded = buildExclusion();
  const run = (es: readonly Entrant[], cluster: Cluster | null): { tally: Tally; input: TallyInput } => {
    const panel = panelOf({ cluster, roundId: round.id }, judges);
    const input: TallyInput = { round, criteria: crit, entrants: es, judges: panel, scores, excluded, ...extras };
    return { tally: tally(input), input };
  };
  const roundClusters = clusters.filter((c) => c.roundId === round.id).sort((a, b) => a.order - b.order);
  const parts = round.prizesPerCluster && roundClusters.length > 0
    ? roundClusters.filter((c) => inRound.some((e) => e.clusterId === c.id)).map((c) => ({ title: c.name, cluster: c, ...run(inRound.filter((e) => e.clusterId === c.id), c) }))
    : [{ title: round.name, cluster: null, ...run(inRound, null) }];
  const all = parts.flatMap((p) => p.tally.results);
  const d = round.decisions ?? {};
  const prizes = awardPrizes({ round, results: all, clusters: roundClusters, overrides: d.prizeOverrides, countChanges: d.countChanges });
  const side = sidePrizes(all, round.sidePrizes ?? [], d.chosenSidePrizes ?? []).prizes;
  const funnel = round.passMark
    ? awardFunnel({ results: all, rule: round.passMark, counts: round.funnel ?? { exemplary: 0, commended: 0 }, tieBreak: round.tieBreak })
    : null;
  // Award rounds with a pass mark: the outcome column is the funnel stage, not a prize ladder.
  const tierOf = new Map<string, string>();
  if (funnel) for (const row of funnel.rows) { if (row.stage !== 'none') tierOf.set(row.entrantId, STAGE[row.stage]); }
  else for (const [id, tier] of prizes.tierOf) if (tier) tierOf.set(id, tier);
  return { groups: parts.map((p) => ({ ...p, roundId: round.id, prizes: tierOf })), prizes, sidePrizes: side, funnel };
}
