/**
 * Acting on a projection: the event a person writes to decide a conflict, and the check that lists
 * every cell where this device's database and the journal disagree. Pure; re-exported by
 * projection.ts.
 */
import type { CriterionId, EntrantId, JudgeId, RoundId, Score } from '../model/types';
import { scoreKey } from '../model/types';
import type { JournalEvent, UnsealedEvent } from './event';
import { assertNever, valueText } from './projection';
import type { Conflict, Projection, RegisterValue, Target } from './projection-types';
import { compareText } from './ref';

/**
 * The event that decides a conflict: the chosen value, written as the register's own kind, with
 * `settles` = the conflict's candidates and the decider's reason. For a cell of a locked round pass
 * `locked` so it is written as an 'amend'. The caller seals it with its device's next seq.
 */
export function resolutionTemplate(
  conflict: Conflict,
  value: RegisterValue,
  meta: {
    readonly contestId: string;
    readonly by: JournalEvent['by'];
    readonly at: string;
    readonly reason: string;
    readonly locked?: boolean;
  },
): UnsealedEvent {
  const base = {
    v: 1 as const,
    contestId: meta.contestId,
    roundId: conflict.roundId,
    judgeId: conflict.judgeId,
    entrantId: conflict.entrantId,
    criterionId: conflict.criterionId,
    pass: null,
    by: meta.by,
    at: meta.at,
    reason: meta.reason,
    settles: [...conflict.settles],
  };
  const steps = typeof value === 'number' || value === null ? value : null;
  switch (conflict.scope) {
    case 'score':
      return { ...base, kind: meta.locked ? 'amend' : 'edit', steps };
    case 'pass1':
    case 'pass2':
      return { ...base, kind: 'edit', steps, pass: conflict.scope === 'pass1' ? 1 : 2 };
    case 'sheet':
      return {
        ...base,
        kind: value === 'reopened' ? 'reopen' : 'submit',
        steps: null,
        pass: conflict.pass,
      };
    case 'penalty':
    case 'objective':
    case 'tieBreak':
      return { ...base, kind: conflict.scope, steps };
    default:
      return assertNever(conflict.scope);
  }
}

export interface ScoreDifference {
  readonly roundId: string;
  readonly judgeId: string;
  readonly entrantId: string;
  readonly criterionId: string;
  /** undefined = no row. */
  readonly db: number | null | undefined;
  readonly journal: number | null | undefined;
  /** The journal holds a conflict for this cell: it has no value until someone decides. */
  readonly conflict: boolean;
  readonly message: string;
}

/** scoreKey of a conflict's cell (its ids are non-null for scope 'score'). */
const cellKeyOf = (t: Target): string =>
  scoreKey({
    roundId: t.roundId as RoundId,
    judgeId: t.judgeId as JudgeId,
    entrantId: t.entrantId as EntrantId,
    criterionId: t.criterionId as CriterionId,
  });

/** The check "database vs journal": every cell whose value differs, including rows only one side has. */
export function diffScores(
  db: readonly Score[],
  p: Pick<Projection, 'scores' | 'conflicts'>,
): ScoreDifference[] {
  const mine = new Map(db.map((s) => [scoreKey(s), s]));
  const theirs = new Map(p.scores.map((s) => [scoreKey(s), s]));
  const conflicted = new Set(p.conflicts.filter((c) => c.scope === 'score').map(cellKeyOf));
  const out: ScoreDifference[] = [];
  for (const k of [...new Set([...mine.keys(), ...theirs.keys()])].sort(compareText)) {
    const a = mine.get(k);
    const b = theirs.get(k);
    if (a && b && a.steps === b.steps) continue;
    const s = (a ?? b)!;
    const conflict = conflicted.has(k);
    const show = (x: Score | undefined) => (x ? valueText(x.steps) : 'không có');
    out.push({
      roundId: s.roundId,
      judgeId: s.judgeId,
      entrantId: s.entrantId,
      criterionId: s.criterionId,
      db: a?.steps,
      journal: b?.steps,
      conflict,
      message: `Giám khảo “${s.judgeId}”, thí sinh/mô hình “${s.entrantId}”, tiêu chí “${s.criterionId}”: cơ sở dữ liệu ghi ${show(a)}, sổ điểm ghi ${conflict ? 'đang có xung đột giữa các máy' : show(b)}.`,
    });
  }
  return out;
}
