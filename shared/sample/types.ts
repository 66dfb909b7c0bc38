/**
 * What a sample-data generator returns: plain records as the app stores them, ready to import or to
 * tally. Ids come from the caller's `newId`, time from `now`, chance from `seed` — same inputs,
 * same data.
 */
import type { ContestBundle } from '../model/bundle';
import type { Score } from '../model/types';
import type { ObjectiveScore, Penalty } from '../tally/tally-types';

export interface SampleContext {
  readonly seed: number;
  readonly newId: () => string;
  /** ISO date-time used for createdAt and the contest year. */
  readonly now: string;
}

/** A whole contest's setup, plus the scores and secretary entries a real round would have. */
export interface SampleData extends ContestBundle {
  readonly scores: readonly Score[];
  readonly objective: readonly ObjectiveScore[];
  readonly penalties: readonly Penalty[];
}
