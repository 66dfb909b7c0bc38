/**
 * What a sample-data generator returns: plain records as the app stores them, ready to import or to
 * tally. Ids come from the caller's `newId`, time from `now`, chance from `seed` — same inputs,
 * same data.
 */
import type { Cluster, Contest, Criterion, Entrant, Judge, Round, Score } from '../model/types';
import type { ObjectiveScore, Penalty } from '../tally/tally-types';

export interface SampleContext {
  readonly seed: number;
  readonly newId: () => string;
  /** ISO date-time used for createdAt and the contest year. */
  readonly now: string;
}

export interface SampleData {
  readonly contest: Contest;
  readonly rounds: readonly Round[];
  readonly clusters: readonly Cluster[];
  readonly criteria: readonly Criterion[];
  readonly judges: readonly Judge[];
  readonly entrants: readonly Entrant[];
  readonly scores: readonly Score[];
  readonly objective: readonly ObjectiveScore[];
  readonly penalties: readonly Penalty[];
}
