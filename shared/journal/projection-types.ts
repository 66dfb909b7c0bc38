/**
 * The shapes the projection returns (see projection.ts for the rules that fill them): registers
 * and their targets, conflicts, sheet states, double-key cells, secretary-entered values, remarks.
 */
import type { Score } from '../model/types';
import type { JournalEvent } from './event';
import type { Fork } from './merge';

export type Scope = 'score' | 'pass1' | 'pass2' | 'sheet' | 'penalty' | 'objective' | 'tieBreak';
export type SheetStatus = 'submitted' | 'reopened';
export type RegisterValue = number | null | SheetStatus;

/** What a register is about. Fields a scope does not use are null. */
export interface Target {
  readonly scope: Scope;
  readonly roundId: string;
  readonly judgeId: string | null;
  readonly entrantId: string | null;
  readonly criterionId: string | null;
  /** Double-key pass of a sheet; null for direct entry. */
  readonly pass: 1 | 2 | null;
}

export interface Candidate {
  readonly ref: string;
  readonly value: RegisterValue;
  readonly by: JournalEvent['by'];
  readonly at: string;
}

export interface Conflict extends Target {
  /** Stable for the same register and candidates. */
  readonly id: string;
  readonly candidates: readonly Candidate[];
  /** What the deciding event must carry in `settles`. */
  readonly settles: readonly string[];
  readonly message: string;
}

export type IssueCode =
  'missingField' | 'negativeSteps' | 'reasonRequired' | 'editAfterLock' | 'badSettles';

export interface Issue {
  readonly ref: string;
  readonly kind: JournalEvent['kind'];
  readonly code: IssueCode;
  readonly message: string;
}

export interface SheetState {
  readonly roundId: string;
  readonly judgeId: string;
  /** null = the judge's whole sheet for the round. */
  readonly entrantId: string | null;
  readonly pass: 1 | 2 | null;
  readonly state: SheetStatus;
}

export type PassState =
  | { readonly kind: 'none' }
  | { readonly kind: 'value'; readonly steps: number | null }
  | { readonly kind: 'conflict' };

export interface DoubleKeyCell {
  readonly roundId: string;
  readonly judgeId: string;
  readonly entrantId: string;
  readonly criterionId: string;
  readonly pass1: PassState;
  readonly pass2: PassState;
  readonly state: 'waiting' | 'match' | 'mismatch' | 'conflict';
  /** A verifyConfirm / verifyReject has seen every current pass entry. */
  readonly decided: boolean;
}

export interface Penalty {
  readonly roundId: string;
  readonly entrantId: string;
  /** Part penalised, or null for the entrant overall. */
  readonly criterionId: string | null;
  /** Centipoints deducted; null = withdrawn. */
  readonly cp: number | null;
  /** The deciding event's reason (every penalty must say why). */
  readonly reason: string;
}

export interface ObjectiveScore {
  readonly roundId: string;
  readonly entrantId: string;
  readonly criterionId: string;
  readonly steps: number | null;
}

export interface TieBreakScore {
  readonly roundId: string;
  readonly entrantId: string;
  readonly judgeId: string | null;
  readonly steps: number | null;
}

/** A judge's remark on an entrant: each device's latest one (several when devices differ). */
export interface JudgeComment {
  readonly roundId: string;
  readonly judgeId: string;
  readonly entrantId: string;
  readonly text: string;
  readonly ref: string;
  readonly at: string;
}

export interface LockedRound {
  readonly roundId: string;
  /** The lock with the smallest (deviceId, seq): any fixed choice would do, this one is stable. */
  readonly ref: string;
  readonly by: JournalEvent['by'];
  readonly at: string;
}

export interface Projection {
  /** Distinct events considered (forked ones included in the count). */
  readonly events: number;
  /** Official cell values; cleared cells have steps null. Conflicted cells are absent (see conflicts). */
  readonly scores: readonly Score[];
  readonly sheets: readonly SheetState[];
  readonly doubleKey: readonly DoubleKeyCell[];
  readonly mismatches: readonly DoubleKeyCell[];
  readonly penalties: readonly Penalty[];
  readonly objectives: readonly ObjectiveScore[];
  readonly tieBreaks: readonly TieBreakScore[];
  readonly lockedRounds: readonly LockedRound[];
  readonly comments: readonly JudgeComment[];
  readonly conflicts: readonly Conflict[];
  readonly issues: readonly Issue[];
  readonly forks: readonly Fork[];
}
