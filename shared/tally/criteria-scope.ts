/**
 * Which criteria count for which entrant, precomputed once per tally: the judged and objective
 * leaves of each rubric (Criterion.appliesTo vs Entrant.rubric), each leaf's weighted step, the
 * tracked nodes (parts, tie-break parts) each leaf adds to, and the maxima. Plans are built per
 * rubric, not per entrant, so the hot loop does arithmetic on arrays only.
 *
 * Not here: reading scores (judge-rows.ts) or aggregation (aggregate.ts).
 */
import { byOrder, effectiveWeight } from '../model/criteria-tree';
import type { Criterion, CriterionId, Entrant } from '../model/types';

export interface TrackedNode {
  readonly id: CriterionId;
  readonly name: string;
  /** Top-level node (phần thi, tiêu chuẩn), as opposed to a node tracked for a tie-break rule. */
  readonly topLevel: boolean;
}

export interface LeafPlan {
  /** Indices into CriteriaScope.judgedLeaves. */
  readonly judged: readonly number[];
  /** stepCp × effective weight per judged leaf: steps × this = weighted centipoints. */
  readonly stepWeight: readonly number[];
  /** Tracked-node indices each judged leaf adds to. */
  readonly judgedNodes: readonly (readonly number[])[];
  readonly objective: readonly Criterion[];
  readonly objectiveStepWeight: readonly number[];
  readonly objectiveNodes: readonly (readonly number[])[];
  /** Weighted maximum of the whole rubric and of each tracked node (0 = node does not apply). */
  readonly maxCp: number;
  readonly nodeMaxCp: readonly number[];
  /** A tracked node has judged leaves for this rubric (otherwise its judged share is zero, not missing). */
  readonly nodeJudged: readonly boolean[];
}

export interface CriteriaScope {
  readonly judgedLeaves: readonly Criterion[];
  readonly leafIndex: ReadonlyMap<CriterionId, number>;
  readonly nodes: readonly TrackedNode[];
  readonly planFor: (entrant: Pick<Entrant, 'rubric'>) => LeafPlan;
}

export function criteriaScope(
  criteria: readonly Criterion[],
  extraNodes: readonly CriterionId[] = [],
): CriteriaScope {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const children = new Map<CriterionId | null, Criterion[]>();
  for (const c of criteria)
    (children.get(c.parentId) ?? children.set(c.parentId, []).get(c.parentId)!).push(c);
  for (const list of children.values()) list.sort(byOrder);

  const allLeaves: Criterion[] = [];
  const walk = (parentId: CriterionId | null) => {
    for (const c of children.get(parentId) ?? []) {
      if (children.has(c.id)) walk(c.id);
      else allLeaves.push(c);
    }
  };
  walk(null);
  const judgedLeaves = allLeaves.filter((c) => !c.objective);
  const leafIndex = new Map(judgedLeaves.map((c, i) => [c.id, i]));

  const top = children.get(null) ?? [];
  const nodes: TrackedNode[] = top.map((c) => ({ id: c.id, name: c.name, topLevel: true }));
  for (const id of extraNodes) {
    const c = byId.get(id);
    if (c && !nodes.some((n) => n.id === id)) nodes.push({ id, name: c.name, topLevel: false });
  }
  const nodeIndex = new Map(nodes.map((n, i) => [n.id, i]));

  const pathOf = (c: Criterion): Criterion[] => {
    const path: Criterion[] = [];
    for (let x: Criterion | undefined = c; x; x = x.parentId ? byId.get(x.parentId) : undefined)
      path.push(x);
    return path;
  };
  const info = new Map(
    allLeaves.map((c) => {
      const path = pathOf(c);
      const tracked = path
        .map((p) => nodeIndex.get(p.id))
        .filter((i): i is number => i !== undefined);
      return [
        c.id,
        {
          path,
          tracked,
          stepWeight: c.stepCp * effectiveWeight(criteria, c.id),
          maxWeighted: c.maxCp * effectiveWeight(criteria, c.id),
        },
      ] as const;
    }),
  );
  const applies = (c: Criterion, rubric: string | undefined) =>
    info
      .get(c.id)!
      .path.every((p) => !p.appliesTo || (rubric !== undefined && p.appliesTo.includes(rubric)));

  const cache = new Map<string | undefined, LeafPlan>();
  const build = (rubric: string | undefined): LeafPlan => {
    const judged = judgedLeaves.filter((c) => applies(c, rubric));
    const objective = allLeaves.filter((c) => c.objective && applies(c, rubric));
    const nodeMaxCp = nodes.map(() => 0);
    const nodeJudged = nodes.map(() => false);
    for (const c of [...judged, ...objective])
      for (const k of info.get(c.id)!.tracked) nodeMaxCp[k] += info.get(c.id)!.maxWeighted;
    for (const c of judged) for (const k of info.get(c.id)!.tracked) nodeJudged[k] = true;
    return {
      judged: judged.map((c) => leafIndex.get(c.id)!),
      stepWeight: judged.map((c) => info.get(c.id)!.stepWeight),
      judgedNodes: judged.map((c) => info.get(c.id)!.tracked),
      objective,
      objectiveStepWeight: objective.map((c) => info.get(c.id)!.stepWeight),
      objectiveNodes: objective.map((c) => info.get(c.id)!.tracked),
      maxCp: [...judged, ...objective].reduce((s, c) => s + info.get(c.id)!.maxWeighted, 0),
      nodeMaxCp,
      nodeJudged,
    };
  };
  return {
    judgedLeaves,
    leafIndex,
    nodes,
    planFor: (e) => cache.get(e.rubric) ?? cache.set(e.rubric, build(e.rubric)).get(e.rubric)!,
  };
}
