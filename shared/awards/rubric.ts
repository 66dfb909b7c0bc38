/**
 * Collective and individual rubrics in one round: a criteria node with `appliesTo` counts only for
 * entrants whose `rubric` is listed (inherited down the tree). These helpers answer which criteria
 * and which maximum apply to an entrant, for score sheets and validation; the tally uses the same
 * rule through criteria-scope.ts.
 *
 * Not here: the tally's precomputed plans (shared/tally/criteria-scope.ts).
 */
import { leaves } from '../model/criteria-tree';
import type { Criterion, Entrant } from '../model/types';
import { criteriaScope } from '../tally/criteria-scope';

/** Rubric keys named anywhere in the tree, in first-seen order. */
export function rubricsOf(criteria: readonly Criterion[]): string[] {
  return [...new Set(criteria.flatMap((c) => c.appliesTo ?? []))];
}

/** Leaves (judged and objective) that apply to the entrant, in display order. */
export function criteriaForEntrant(
  criteria: readonly Criterion[],
  entrant: Pick<Entrant, 'rubric'>,
): Criterion[] {
  const scope = criteriaScope(criteria);
  const plan = scope.planFor(entrant);
  const judged = new Set(plan.judged.map((i) => scope.judgedLeaves[i].id));
  const objective = new Set(plan.objective.map((c) => c.id));
  return leaves(criteria).filter((c) => judged.has(c.id) || objective.has(c.id));
}

export function maxCpForEntrant(
  criteria: readonly Criterion[],
  entrant: Pick<Entrant, 'rubric'>,
): number {
  return criteriaScope(criteria).planFor(entrant).maxCp;
}
