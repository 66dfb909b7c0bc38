/**
 * What the results screen shows: the round's entrants tallied per group (each cluster in a
 * preliminary with per-cluster prizes, otherwise the whole round), with prizes assigned.
 */
import type { Cluster, Criterion, Entrant, Judge, Round, Score } from '@shared/model/types';
import { tally, type Tally } from '@shared/tally/tally';
import { isConflict } from '../scoring/score-grid-model';

export interface ResultGroup {
  readonly title: string;
  readonly cluster: Cluster | null;
  readonly tally: Tally;
}

export function resultGroups(round: Round, clusters: readonly Cluster[], criteria: readonly Criterion[], entrants: readonly Entrant[], judges: readonly Judge[], scores: readonly Score[]): ResultGroup[] {
  const inRound = entrants.filter((e) => e.roundId === round.id);
  const crit = criteria.filter((c) => c.roundId === round.id);
  const run = (es: readonly Entrant[], cluster: Cluster | null) => {
    const panel = judges.filter((j) => !cluster || j.clusterIds.length === 0 || j.clusterIds.includes(cluster.id));
    return tally({ round, criteria: crit, entrants: es, judges: panel, scores, excluded: (j, e) => (isConflict(j, e) ? 'conflict' : 'none') });
  };
  const roundClusters = clusters.filter((c) => c.roundId === round.id).sort((a, b) => a.order - b.order);
  if (round.prizesPerCluster && roundClusters.length > 0) {
    return roundClusters.map((c) => ({ title: c.name, cluster: c, tally: run(inRound.filter((e) => e.clusterId === c.id), c) }));
  }
  return [{ title: round.name, cluster: null, tally: run(inRound, null) }];
}
