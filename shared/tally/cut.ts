/**
 * Cutting a ranked list after N places without cutting a tie arbitrarily: a block of equal ranks
 * that straddles the line is returned apart, for the board to decide. Used by advancement, the
 * award funnel and best-K selection.
 *
 * Not here: ranking (rank.ts, tie-break.ts) or recording decisions (the callers).
 */

export interface Cut<T> {
  /** Entirely above the line. */
  readonly inside: readonly T[];
  /** A tied block straddling the line: more entrants than the slots left. */
  readonly tiedAtCut: readonly T[];
  readonly outside: readonly T[];
  /** Places left for the tied block (0 when no tie at the line). */
  readonly slotsLeft: number;
}

/**
 * `items` in rank order with 1-based competition ranks relative to this list (1, 2, 2, 4).
 * Place p (1-based) of a block of rank r and size k covers r … r + k − 1.
 */
export function cutAt<T>(items: readonly T[], rankOf: (t: T) => number, slots: number): Cut<T> {
  const size = new Map<number, number>();
  for (const t of items) size.set(rankOf(t), (size.get(rankOf(t)) ?? 0) + 1);
  const inside: T[] = [];
  const tiedAtCut: T[] = [];
  const outside: T[] = [];
  for (const t of items) {
    const r = rankOf(t);
    const last = r + size.get(r)! - 1;
    if (last <= slots) inside.push(t);
    else if (r <= slots) tiedAtCut.push(t);
    else outside.push(t);
  }
  return { inside, tiedAtCut, outside, slotsLeft: tiedAtCut.length ? slots - inside.length : 0 };
}
