/**
 * Who may not score whom, as one function for the tally: conflicts of interest (the judge's unit is
 * the entrant's unit, compared case- and diacritic-insensitively), clusters (Judge.clusterIds),
 * field panels (Judge.fields: a tổ thẩm định scores only its own field's models) and rounds
 * (Judge.roundIds). Each check can be switched off. Conflict wins over the others so the scoreboard
 * shows "XĐ" where it applies.
 *
 * Not here: recording a judge's declared conflicts beyond the unit (pass your own `extra`).
 */
import type { Entrant, Judge } from '../model/types';
import type { Absence } from '../tally/judge-rows';
import { foldVietnamese } from '../text/vietnamese';

export interface ExclusionOptions {
  readonly conflicts?: boolean;
  readonly clusters?: boolean;
  readonly fields?: boolean;
  readonly rounds?: boolean;
  /** Further declared conflicts, e.g. a judge related to a model's lead person. */
  readonly extra?: (judge: Judge, entrant: Entrant) => boolean;
}

export function sameUnit(a: string, b: string): boolean {
  const x = foldVietnamese(a);
  return x !== '' && x === foldVietnamese(b);
}

export function buildExclusion(
  opts: ExclusionOptions = {},
): (judge: Judge, entrant: Entrant) => Absence {
  const { conflicts = true, clusters = true, fields = true, rounds = true, extra } = opts;
  const folded = new Map<string, string>();
  const fold = (s: string) => folded.get(s) ?? folded.set(s, foldVietnamese(s)).get(s)!;
  return (judge, entrant) => {
    if (
      conflicts &&
      ((fold(judge.unit) !== '' && fold(judge.unit) === fold(entrant.unit)) ||
        extra?.(judge, entrant))
    )
      return 'conflict';
    if (
      rounds &&
      judge.roundIds &&
      judge.roundIds.length > 0 &&
      !judge.roundIds.includes(entrant.roundId)
    )
      return 'notAssigned';
    if (
      clusters &&
      judge.clusterIds.length > 0 &&
      (entrant.clusterId === null || !judge.clusterIds.includes(entrant.clusterId))
    )
      return 'notAssigned';
    if (fields && judge.fields.length > 0) {
      const field = fold(entrant.field ?? '');
      if (!judge.fields.some((f) => fold(f) === field)) return 'notAssigned';
    }
    return 'none';
  };
}
