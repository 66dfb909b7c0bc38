/**
 * The records Giám khảo keeps: contest → rounds → clusters, criteria trees, judges, entrants, scores.
 * Plain readonly data shared by the renderer (Dexie), the main side (journal, exports) and the domain
 * logic. Points are never floats here: every amount is an integer number of centipoints (1/100 point),
 * and a score is an integer count of its criterion's step (see shared/scoring/score-value.ts).
 */

export type ContestId = string & { readonly __brand: 'ContestId' };
export type RoundId = string & { readonly __brand: 'RoundId' };
export type ClusterId = string & { readonly __brand: 'ClusterId' };
export type CriterionId = string & { readonly __brand: 'CriterionId' };
export type JudgeId = string & { readonly __brand: 'JudgeId' };
export type EntrantId = string & { readonly __brand: 'EntrantId' };

/** Contest: teams on stage. Award: a round of bình xét mô hình. */
export type ContestKind = 'contest' | 'award';
/** Who issues the papers: Party bodies (Ban Dân vận…) or state bodies (UBND, Sở). */
export type IssuerFamily = 'party' | 'state';

export interface Issuer {
  readonly family: IssuerFamily;
  /** Superior organ, e.g. "THÀNH ỦY HÀ NỘI". */
  readonly superior: string;
  /** Issuing organ, e.g. "BAN DÂN VẬN". */
  readonly name: string;
  /** Place used in "Hà Nội, ngày … tháng … năm …". */
  readonly place: string;
  readonly signerMark: string;
  readonly signerTitle: string;
  readonly signerName: string;
}

export interface Contest {
  readonly id: ContestId;
  readonly name: string;
  readonly kind: ContestKind;
  readonly year: number;
  readonly issuer: Issuer;
  /** Lĩnh vực offered in this contest (award rounds). */
  readonly fields: readonly string[];
  readonly createdAt: string;
}

/** How judges' results for one entrant are combined. */
export type AggregationPolicy =
  | { readonly kind: 'mean' }
  | { readonly kind: 'trimmedMean'; readonly drop: number; readonly minPanel: number }
  | { readonly kind: 'median' }
  | { readonly kind: 'zScore' };

/** Ordered tie-break rules; the first that separates two entrants decides. */
export type TieBreakRule =
  | { readonly kind: 'part'; readonly criterionId: CriterionId }
  | { readonly kind: 'firstPlaces' }
  | { readonly kind: 'headJudgeTotal' }
  | { readonly kind: 'tieBreakQuestion' }
  | { readonly kind: 'lot'; readonly seed: number };

export interface PrizeTier {
  readonly name: string;
  /** How many entrants get this tier (ties may grow it, see shared tiers). */
  readonly count?: number;
  /** Minimum result in centipoints for a threshold tier. */
  readonly thresholdCp?: number;
}

export type RoundStage = 'preliminary' | 'final' | 'award';

export interface Round {
  readonly id: RoundId;
  readonly contestId: ContestId;
  readonly name: string;
  readonly stage: RoundStage;
  readonly order: number;
  readonly policy: AggregationPolicy;
  readonly tieBreak: readonly TieBreakRule[];
  readonly prizes: readonly PrizeTier[];
  /** Prizes given per cluster (preliminaries) instead of across the round. */
  readonly prizesPerCluster: boolean;
  readonly advancement?: { readonly perCluster: number; readonly overall: number };
  readonly locked: boolean;
  readonly date?: string;
  readonly venue?: string;
}

export interface Cluster {
  readonly id: ClusterId;
  readonly roundId: RoundId;
  readonly name: string;
  readonly order: number;
}

/**
 * A node of the criteria tree. Parts (phần thi, tiêu chuẩn) group criteria; only leaves are scored.
 * A leaf's maximum and step are centipoints, so 8,5 of 10 with step 0,5 is 17 steps of 50 cp.
 */
export interface Criterion {
  readonly id: CriterionId;
  readonly roundId: RoundId;
  readonly parentId: CriterionId | null;
  readonly name: string;
  readonly description?: string;
  readonly order: number;
  readonly maxCp: number;
  readonly stepCp: number;
  /** Integer multiplier applied to this node's points (default 1). */
  readonly weight: number;
  /** Objective part: one official score entered by the secretary, not by each judge. */
  readonly objective?: boolean;
}

export type JudgeRole = 'head' | 'member';

export interface Judge {
  readonly id: JudgeId;
  readonly contestId: ContestId;
  readonly name: string;
  readonly title: string;
  readonly unit: string;
  readonly role: JudgeRole;
  /** Clusters this judge scores; empty = every cluster. */
  readonly clusterIds: readonly ClusterId[];
  /** Fields this judge scores in award rounds; empty = every field. */
  readonly fields: readonly string[];
  readonly order: number;
}

export type EntrantKind = 'model' | 'team';

export interface Entrant {
  readonly id: EntrantId;
  readonly roundId: RoundId;
  /** Stable code (mã) so re-imports update instead of duplicating. */
  readonly code: string;
  readonly kind: EntrantKind;
  readonly name: string;
  readonly unit: string;
  readonly clusterId: ClusterId | null;
  readonly field?: string;
  readonly level?: string;
  readonly lead?: string;
  readonly summary?: string;
  readonly members?: readonly string[];
  /** Khối with its own prize ladder. */
  readonly group?: string;
  /** Entrant in the previous round this one advanced from. */
  readonly sourceEntrantId?: EntrantId;
  readonly order: number;
}

/** One judge's score for one leaf criterion of one entrant, as projected from the journal. */
export interface Score {
  readonly roundId: RoundId;
  readonly judgeId: JudgeId;
  readonly entrantId: EntrantId;
  readonly criterionId: CriterionId;
  /** Integer count of the criterion's step; null = explicitly cleared. */
  readonly steps: number | null;
}

export const scoreKey = (s: Pick<Score, 'roundId' | 'judgeId' | 'entrantId' | 'criterionId'>): string =>
  `${s.roundId}|${s.judgeId}|${s.entrantId}|${s.criterionId}`;
