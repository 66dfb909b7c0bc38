/**
 * Turning plain score records (sample data, a restored backup of an older format) into journal
 * events, so that such data enters the app the same way a typed score does and the journal stays
 * the one source of every score.
 */
import type { Score } from '../model/types';
import type { UnsealedEvent } from './event';

export interface RecordsToEvents {
  readonly contestId: string;
  readonly scores: readonly Score[];
  readonly objective?: readonly {
    readonly roundId?: string;
    readonly entrantId: string;
    readonly criterionId: string;
    readonly steps: number;
  }[];
  readonly penalties?: readonly {
    readonly entrantId: string;
    readonly cp: number;
    readonly reason: string;
  }[];
  /** Round of the objective/penalty records (they carry none). */
  readonly roundOf: (entrantId: string) => string;
  readonly by: UnsealedEvent['by'];
  readonly at: string;
}

export function eventsFromRecords(r: RecordsToEvents): UnsealedEvent[] {
  const base = { v: 1 as const, contestId: r.contestId, pass: null, by: r.by, at: r.at };
  return [
    ...r.scores
      .filter((s) => s.steps !== null)
      .map((s): UnsealedEvent => ({
        ...base,
        roundId: s.roundId,
        judgeId: s.judgeId,
        entrantId: s.entrantId,
        criterionId: s.criterionId,
        kind: 'enter',
        steps: s.steps,
        reason: null,
      })),
    ...(r.objective ?? []).map((o): UnsealedEvent => ({
      ...base,
      roundId: o.roundId ?? r.roundOf(o.entrantId),
      judgeId: null,
      entrantId: o.entrantId,
      criterionId: o.criterionId,
      kind: 'objective',
      steps: o.steps,
      reason: null,
    })),
    ...(r.penalties ?? []).map((p): UnsealedEvent => ({
      ...base,
      roundId: r.roundOf(p.entrantId),
      judgeId: null,
      entrantId: p.entrantId,
      criterionId: null,
      kind: 'penalty',
      steps: p.cp,
      reason: p.reason,
    })),
  ];
}
