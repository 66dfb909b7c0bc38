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

/**
 * What a missing score means. meanOfPresent (default): a judge who did not score an entrant
 * completely is left out of that entrant's aggregate. requireAll: the entrant stays unranked until
 * every judge assigned to it has scored. Never a silent zero either way.
 */
export type MissingScoreRule = 'meanOfPresent' | 'requireAll';

/** A separate prize ladder for one khối (Entrant.group). */
export interface GroupLadder {
  readonly group: string;
  readonly prizes: readonly PrizeTier[];
}

/** Side prize (giải phụ): the best score of a part, or chosen by the panel. */
export type SidePrizeSpec =
  | {
      readonly kind: 'bestPart';
      readonly name: string;
      readonly criterionId: CriterionId;
      readonly count?: number;
    }
  | { readonly kind: 'chosen'; readonly name: string; readonly count?: number };

/**
 * Award rounds: the pass mark depends on an attribute of the entrant (e.g. area type: đô thị ≥ 90,
 * chung ≥ 80, miền núi – hải đảo ≥ 60), and every top-level standard must reach a floor.
 */
export interface PassMarkRule {
  readonly attribute: 'area' | 'level' | 'rubric' | 'field' | 'group';
  /** Matched case- and diacritic-insensitively against the attribute. */
  readonly marks: readonly { readonly value: string; readonly cp: number }[];
  readonly defaultCp: number;
  /** Each top-level standard must reach this percentage of its points (default 50; 0 = no floor). */
  readonly standardFloorPercent?: number;
}

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
  /** perCluster best N of each cluster; overall best K in total; wildcards: best of the rest. */
  readonly advancement?: {
    readonly perCluster: number;
    readonly overall: number;
    readonly wildcards?: number;
  };
  readonly locked: boolean;
  readonly date?: string;
  readonly venue?: string;
  /** Missing scores rule (default meanOfPresent). */
  readonly missingScores?: MissingScoreRule;
  /** Tied entrants share a tier and the tier grows (đồng giải, default true); false flags the tie for a decision. */
  readonly shareTies?: boolean;
  /** Prizes given to at most this percentage of entrants (per ladder scope), e.g. 50. */
  readonly prizeCapPercent?: number;
  /** One ladder per khối (Entrant.group); groupPrizes overrides the ladder of a named group. */
  readonly prizesPerGroup?: boolean;
  readonly groupPrizes?: readonly GroupLadder[];
  readonly sidePrizes?: readonly SidePrizeSpec[];
  /** Discrepancy flag when two judges' totals differ by more than this (default 20 % of the maximum). */
  readonly discrepancyGapCp?: number;
  /** Award rounds: recognition rule and funnel counts chosen by the board. */
  readonly passMark?: PassMarkRule;
  readonly funnel?: { readonly exemplary: number; readonly commended: number };
  /** The board's recorded decisions on this round's results, each with its reason. */
  readonly decisions?: RoundDecisions;
}

/** A decision taken by a person about a result, kept with who took it, when and why. */
export interface Decided {
  readonly reason: string;
  readonly by: string;
  readonly at: string;
}

export interface RoundDecisions {
  /** Prize given or withdrawn by hand (tier null = no prize), e.g. to settle a tie at a boundary. */
  readonly prizeOverrides?: readonly (Decided & {
    readonly entrantId: EntrantId;
    readonly tier: string | null;
  })[];
  /** Cân đối cơ cấu giải: a tier's count changed after the tally. */
  readonly countChanges?: readonly (Decided & {
    readonly tier: string;
    readonly count: number;
    readonly scope?: string;
  })[];
  /** Head judge's answer to a discrepancy flag. */
  readonly discrepancies?: readonly (Decided & {
    readonly entrantId: EntrantId;
    readonly decision: 'confirmed' | 'rescore';
  })[];
  /** Who goes through when a tie sits on the advancement cut. */
  readonly advancement?: readonly (Decided & {
    readonly entrantId: EntrantId;
    readonly advance: boolean;
  })[];
  /** Side prizes chosen by the panel (e.g. giải phong cách). */
  readonly chosenSidePrizes?: readonly (Decided & {
    readonly name: string;
    readonly entrantIds: readonly EntrantId[];
  })[];
  /** Why a judge's sheet is missing (absent, withdrew…): the results no longer wait for it. */
  readonly absences?: readonly (Decided & { readonly judgeId: JudgeId })[];
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
  /**
   * Rubrics (Entrant.rubric) this node applies to, e.g. ['tap-the'] or ['ca-nhan']; absent = every
   * entrant. Inherited: a leaf applies when every node on its path applies.
   */
  readonly appliesTo?: readonly string[];
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
  /** Rounds this judge scores; absent or empty = every round of the contest. */
  readonly roundIds?: readonly RoundId[];
  /** SHA-256 (hex) of "giamkhao-pin:" + judge id + ":" + PIN, when the secretariat set a PIN. */
  readonly pinHash?: string;
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
  /** Rubric key matched by Criterion.appliesTo (e.g. 'tap-the' collective, 'ca-nhan' individual). */
  readonly rubric?: string;
  /** Area type used by an attribute-dependent pass mark (e.g. 'đô thị', 'miền núi, hải đảo'). */
  readonly area?: string;
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

export const scoreKey = (
  s: Pick<Score, 'roundId' | 'judgeId' | 'entrantId' | 'criterionId'>,
): string => `${s.roundId}|${s.judgeId}|${s.entrantId}|${s.criterionId}`;
