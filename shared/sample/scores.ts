/**
 * Plausible judges' scores for sample data: each entrant has a latent quality (a share of the
 * maximum), each judge a leniency, each leaf some noise; scores are snapped to the leaf's step and
 * kept within 0…max. Excluded judges (conflict, other cluster or field) get no score at all.
 *
 * Not here: realism beyond that (no halo effects, no fatigue); not for anything but sample data.
 */
import type { Criterion, Entrant, Judge, Score } from '../model/types';
import type { Absence } from '../tally/judge-rows';
import type { Rng } from '../tally/prng';

export function stepsFor(share: number, c: Pick<Criterion, 'maxCp' | 'stepCp'>): number {
  const clamped = Math.min(1, Math.max(0, share));
  return Math.round((clamped * c.maxCp) / c.stepCp);
}

export function sampleScores(
  r: Rng,
  entrants: readonly Entrant[],
  judges: readonly Judge[],
  leavesFor: (e: Entrant) => readonly Criterion[],
  quality: (e: Entrant, leaf: Criterion) => number,
  excluded: (j: Judge, e: Entrant) => Absence,
): Score[] {
  const leniency = new Map(judges.map((j) => [j.id, r.normal(0, 0.03)]));
  const scores: Score[] = [];
  for (const e of entrants) {
    const ls = leavesFor(e);
    for (const j of judges) {
      if (excluded(j, e) !== 'none') continue;
      for (const c of ls) {
        const share = quality(e, c) + leniency.get(j.id)! + r.normal(0, 0.04);
        scores.push({
          roundId: e.roundId,
          judgeId: j.id,
          entrantId: e.id,
          criterionId: c.id,
          steps: stepsFor(share, c),
        });
      }
    }
  }
  return scores;
}

export function personName(
  r: Rng,
  surnames: readonly string[],
  middle: readonly string[],
  given: readonly string[],
): string {
  return `${r.pick(surnames)} ${r.pick(middle)} ${r.pick(given)}`;
}

/** Fisher–Yates with the seeded source. */
export function shuffled<T>(r: Rng, xs: readonly T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const k = r.int(0, i);
    [a[i], a[k]] = [a[k], a[i]];
  }
  return a;
}
