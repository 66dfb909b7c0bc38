/**
 * "Duplicate as next year's": the same structure (rounds, clusters, criteria, prize ladders) and
 * panel, with new ids, the new year in the name, no entrants and no scores, rounds unlocked.
 */
import type { ContestBundle } from '../model/bundle';
import type { ClusterId, ContestId, CriterionId, Judge, JudgeId, RoundId } from '../model/types';
import type { TemplateOutput } from './templates';

export function duplicateForYear(
  b: ContestBundle,
  year: number,
  newId: () => string,
  now: string,
): TemplateOutput & { judges: Judge[] } {
  const contestId = newId() as ContestId;
  const roundIds = new Map(b.rounds.map((r) => [r.id, newId() as RoundId]));
  const clusterIds = new Map(b.clusters.map((c) => [c.id, newId() as ClusterId]));
  const criterionIds = new Map(b.criteria.map((c) => [c.id, newId() as CriterionId]));
  const oldYear = String(b.contest.year);
  const name = b.contest.name.includes(oldYear)
    ? b.contest.name.split(oldYear).join(String(year))
    : `${b.contest.name} (${year})`;
  return {
    contest: { ...b.contest, id: contestId, name, year, createdAt: now },
    rounds: b.rounds.map((r) => ({
      ...r,
      id: roundIds.get(r.id)!,
      contestId,
      locked: false,
      tieBreak: r.tieBreak.map((t) =>
        t.kind === 'part'
          ? { ...t, criterionId: criterionIds.get(t.criterionId) ?? t.criterionId }
          : t,
      ),
    })),
    clusters: b.clusters.map((c) => ({
      ...c,
      id: clusterIds.get(c.id)!,
      roundId: roundIds.get(c.roundId)!,
    })),
    criteria: b.criteria.map((c) => ({
      ...c,
      id: criterionIds.get(c.id)!,
      roundId: roundIds.get(c.roundId)!,
      parentId: c.parentId ? criterionIds.get(c.parentId)! : null,
    })),
    judges: b.judges.map((j) => ({
      ...j,
      id: newId() as JudgeId,
      contestId,
      clusterIds: j.clusterIds.map((k) => clusterIds.get(k) ?? k),
    })),
  };
}
