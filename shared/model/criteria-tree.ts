/**
 * Reading the criteria tree: which nodes are scored (leaves), each leaf's effective weight (its own
 * times its ancestors'), and the maximum total a judge can give.
 */
import type { Criterion, CriterionId } from './types';

export function byOrder<T extends { readonly order: number }>(a: T, b: T): number {
  return a.order - b.order;
}

export function childrenOf(
  criteria: readonly Criterion[],
  parentId: CriterionId | null,
): Criterion[] {
  return criteria.filter((c) => c.parentId === parentId).sort(byOrder);
}

/** Leaves in display order (depth-first by `order`). */
export function leaves(criteria: readonly Criterion[]): Criterion[] {
  const out: Criterion[] = [];
  const walk = (parentId: CriterionId | null) => {
    for (const c of childrenOf(criteria, parentId)) {
      if (criteria.some((k) => k.parentId === c.id)) walk(c.id);
      else out.push(c);
    }
  };
  walk(null);
  return out;
}

/** Effective integer weight of a node: product of weights along its path. */
export function effectiveWeight(criteria: readonly Criterion[], id: CriterionId): number {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  let w = 1;
  for (let c = byId.get(id); c; c = c.parentId ? byId.get(c.parentId) : undefined) w *= c.weight;
  return w;
}

/** Top-level node (part) a criterion belongs to. */
export function partOf(criteria: readonly Criterion[], id: CriterionId): Criterion | undefined {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  let c = byId.get(id);
  while (c && c.parentId) c = byId.get(c.parentId);
  return c;
}

/** Highest possible weighted total in centipoints. */
export function maxTotalCp(criteria: readonly Criterion[]): number {
  return leaves(criteria).reduce((s, c) => s + c.maxCp * effectiveWeight(criteria, c.id), 0);
}
