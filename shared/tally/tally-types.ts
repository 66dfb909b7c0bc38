/**
 * The shapes a tally reads and returns. Re-exported by tally.ts, which is where callers import them
 * from. Amounts are integer centipoints; aggregates are exact fractions of centipoints.
 */
import type {
  AggregationPolicy,
  Criterion,
  CriterionId,
  Entrant,
  EntrantId,
  Judge,
  JudgeId,
  MissingScoreRule,
  Round,
  Score,
  TieBreakRule,
} from '../model/types';
import type { Fraction } from '../scoring/fraction';
import type { Absence, JudgeTotal } from './judge-rows';

/** A deduction entered once by the secretary (e.g. −0,5 for going over time), with its reason. */
export interface Penalty {
  readonly entrantId: EntrantId;
  /** Amount subtracted, in centipoints (positive: 50 = −0,5 point). */
  readonly cp: number;
  readonly reason: string;
}

/** The secretary's official score of one objective leaf, as a stored record. */
export interface ObjectiveScore {
  readonly entrantId: EntrantId;
  readonly criterionId: CriterionId;
  /** Integer count of the criterion's step. */
  readonly steps: number;
}

export interface TallyInput {
  readonly round: Pick<Round, 'policy'> & Partial<Pick<Round, 'tieBreak' | 'missingScores'>>;
  readonly criteria: readonly Criterion[];
  readonly entrants: readonly Entrant[];
  readonly judges: readonly Judge[];
  readonly scores: readonly Score[];
  /** Judge may not score this entrant (conflict of interest, field panel, cluster). */
  readonly excluded?: (judge: Judge, entrant: Entrant) => Absence;
  /** Objective parts: the secretary's official score per entrant, in steps of each objective leaf. */
  readonly objective?: ReadonlyMap<EntrantId, ReadonlyMap<CriterionId, number>>;
  readonly penalties?: readonly Penalty[];
  /** Câu hỏi phụ: extra score in centipoints, entered for tied entrants only. */
  readonly tieBreakScores?: ReadonlyMap<EntrantId, number>;
  /** Nodes to aggregate beside the top-level parts (e.g. for a side prize on a sub-part). */
  readonly trackNodes?: readonly CriterionId[];
}

/** One part's (or tracked node's) aggregate for an entrant. */
export interface PartScore {
  readonly criterionId: CriterionId;
  readonly name: string;
  /** A top-level part or standard (as opposed to a node tracked for a tie-break or side prize). */
  readonly topLevel: boolean;
  /** Weighted maximum for this entrant's rubric; 0 when the part does not apply to it. */
  readonly maxCp: number;
  /** Aggregate of the judges' part totals plus the part's objective score; null if not computable. */
  readonly value: Fraction | null;
  readonly objectiveCp: number;
  /** Judges dropped by a trimmed mean for this part (parts are trimmed on their own values). */
  readonly dropped: readonly JudgeId[];
}

export type ResultIssueCode =
  'noJudges' | 'judgeIncomplete' | 'judgeLeftOut' | 'objectiveMissing' | 'trimFallback';

export interface ResultIssue {
  readonly code: ResultIssueCode;
  /** Blocking issues leave the entrant unranked; the others are notes for the scoreboard. */
  readonly blocking: boolean;
  readonly message: string;
  readonly judgeId?: JudgeId;
  readonly criterionId?: CriterionId;
}

export interface EntrantResult {
  readonly entrant: Entrant;
  readonly judgeTotals: readonly JudgeTotal[];
  /**
   * Total in centipoints (exact): judged aggregate + objective − penalties; null when unranked. Under
   * a z-score policy this is the unstandardised reference total, and ranking uses standardisedCp.
   */
  readonly result: Fraction | null;
  /** The value ranked on, as a number: standardisedCp under z-scores, else result. */
  readonly resultValue: number | null;
  /** Judges who count and were not trimmed. */
  readonly counted: number;
  readonly rank: number | null;
  readonly tied: boolean;
  readonly decidedBy: string | null;

  readonly status: 'ranked' | 'unranked';
  readonly issues: readonly ResultIssue[];
  /** Weighted maximum for this entrant's rubric. */
  readonly maxCp: number;
  /** Aggregate of the judged parts, before objective parts and penalties. */
  readonly judgedCp: Fraction | null;
  readonly objectiveCp: number;
  readonly objectiveMissing: readonly CriterionId[];
  readonly penaltyCp: number;
  readonly penalties: readonly Penalty[];
  /** z-score policy: mean z of the counted judges, and that mapped onto points plus objective − penalties. */
  readonly zMean: number | null;
  readonly standardisedCp: number | null;
  /** Trimmed mean configured but too few judges counted: plain mean used. */
  readonly trimFellBack: boolean;
  readonly parts: readonly PartScore[];
  /** Judges whose highest total (possibly shared) went to this entrant. */
  readonly firstPlaces: number;
  readonly headJudgeCp: number | null;
  readonly tieBreakCp: number | null;
}

export type TallyIssueCode = 'penaltyInvalid' | 'objectiveInvalid' | 'tieBreakPartUnknown';

export interface TallyIssue {
  readonly code: TallyIssueCode;
  readonly message: string;
  readonly entrantId?: EntrantId;
  readonly criterionId?: CriterionId;
}

export interface Tally {
  readonly results: readonly EntrantResult[];
  /** Highest weighted maximum over the entrants' rubrics (all equal in a single-rubric round). */
  readonly maxCp: number;
  /** The aggregation rule as printed under the scoreboard. */
  readonly ruleText: string;
  readonly policy: AggregationPolicy;
  readonly missingScores: MissingScoreRule;
  readonly tieBreak: readonly TieBreakRule[];
  /** Further printed rule lines: missing scores, tie-break chain, penalties. */
  readonly notes: readonly string[];
  /** Tracked parts in display order. */
  readonly parts: readonly {
    readonly id: CriterionId;
    readonly name: string;
    readonly topLevel: boolean;
  }[];
  /** Judges in the canonical order used for judgeTotals. */
  readonly judgeIds: readonly JudgeId[];
  readonly issues: readonly TallyIssue[];
}
