/**
 * Best K models across field panels. Panels differ in severity, so with `standardise` the round is
 * re-tallied with per-judge z-scores (each judge's totals standardised over the models that judge
 * scored, then mapped back onto points); without it the plain totals are compared. A tie at the
 * K-th place is returned for decision.
 *
 * Not here: the funnel's pass marks (funnel.ts) — pass its `ranking` from here.
 */
import type { EntrantId } from '../model/types';
import { cutAt } from '../tally/cut';
import { tally } from '../tally/tally';
import type { Tally, TallyInput } from '../tally/tally-types';

export interface BestK {
  readonly tally: Tally;
  readonly selected: readonly EntrantId[];
  readonly tiedAtCut: readonly EntrantId[];
  readonly slotsLeft: number;
  readonly standardised: boolean;
}

export function bestAcrossPanels(
  input: TallyInput,
  k: number,
  opts: { readonly standardise: boolean },
): BestK {
  const t = opts.standardise
    ? tally({ ...input, round: { ...input.round, policy: { kind: 'zScore' } } })
    : tally(input);
  const ranked = t.results.filter((r) => r.rank !== null);
  const cut = cutAt(ranked, (r) => r.rank!, k);
  return {
    tally: t,
    selected: cut.inside.map((r) => r.entrant.id),
    tiedAtCut: cut.tiedAtCut.map((r) => r.entrant.id),
    slotsLeft: cut.slotsLeft,
    standardised: opts.standardise,
  };
}
