/**
 * Editing a round's structure — the round's rules, its clusters and its criteria tree — with the
 * guards that keep stored scores meaningful (see shared/model/criteria-edit.ts). One transaction
 * per change; `onChanged` mirrors the contest to disk afterwards.
 */
import { criterionDeleteProblems, criterionEditProblems, subtreeIds, withPartMaxima } from '@shared/model/criteria-edit';
import type { Cluster, ClusterId, ContestId, Criterion, Round, RoundId } from '@shared/model/types';
import type { GiamKhaoDb } from '../database';
import { assertWritable } from './guard';

export class SetupRuleError extends Error {}

export function structureRepo(db: GiamKhaoDb, readOnlyReason: string | null, onChanged: (contestId: ContestId) => void = () => undefined) {
  const contestOf = async (roundId: RoundId) => (await db.rounds.get(roundId))?.contestId;
  async function done(roundId: RoundId) {
    const c = await contestOf(roundId);
    if (c) onChanged(c);
  }
  async function refreshPartMaxima(roundId: RoundId) {
    const all = await db.criteria.where('roundId').equals(roundId).toArray();
    await db.criteria.bulkPut(withPartMaxima(all));
  }

  return {
    async saveRound(round: Round): Promise<void> {
      assertWritable(readOnlyReason);
      const before = await db.rounds.get(round.id);
      if (before?.locked && round.locked) throw new SetupRuleError('Vòng đã khóa kết quả: không sửa được quy định.');
      await db.rounds.put(round);
      onChanged(round.contestId);
    },

    async saveCluster(cluster: Cluster): Promise<void> {
      assertWritable(readOnlyReason);
      if (!cluster.name.trim()) throw new SetupRuleError('Tên cụm thi không được để trống.');
      await db.clusters.put(cluster);
      await done(cluster.roundId);
    },

    async deleteCluster(id: ClusterId): Promise<void> {
      assertWritable(readOnlyReason);
      const c = await db.clusters.get(id);
      if (!c) return;
      await db.transaction('rw', [db.clusters, db.entrants], async () => {
        const n = await db.entrants.where('roundId').equals(c.roundId).filter((e) => e.clusterId === id).count();
        if (n > 0) throw new SetupRuleError(`Cụm “${c.name}” còn ${n} đội thi: chuyển họ sang cụm khác trước khi xóa.`);
        await db.clusters.delete(id);
      });
      await done(c.roundId);
    },

    async saveCriterion(next: Criterion): Promise<void> {
      assertWritable(readOnlyReason);
      await db.transaction('rw', [db.criteria, db.scores], async () => {
        const before = await db.criteria.get(next.id);
        const scores = await db.scores.where('roundId').equals(next.roundId).toArray();
        const problems = criterionEditProblems(before, next, scores);
        if (problems.length) throw new SetupRuleError(problems.join(' '));
        await db.criteria.put(next);
        await refreshPartMaxima(next.roundId);
      });
      await done(next.roundId);
    },

    /** Imported criteria: every change checked against stored scores, then all written or none. */
    async upsertCriteria(roundId: RoundId, list: readonly Criterion[]): Promise<void> {
      assertWritable(readOnlyReason);
      await db.transaction('rw', [db.criteria, db.scores], async () => {
        const scores = await db.scores.where('roundId').equals(roundId).toArray();
        const problems: string[] = [];
        for (const c of list) {
          if (c.roundId !== roundId) throw new Error('criterion of another round');
          const isPart = list.some((k) => k.parentId === c.id);
          if (!isPart) problems.push(...criterionEditProblems(await db.criteria.get(c.id), c, scores));
        }
        if (problems.length) throw new SetupRuleError(problems.join(' '));
        await db.criteria.bulkPut([...list]);
        await refreshPartMaxima(roundId);
      });
      await done(roundId);
    },

    async deleteCriterion(target: Criterion): Promise<void> {
      assertWritable(readOnlyReason);
      await db.transaction('rw', [db.criteria, db.scores], async () => {
        const all = await db.criteria.where('roundId').equals(target.roundId).toArray();
        const scores = await db.scores.where('roundId').equals(target.roundId).toArray();
        const problems = criterionDeleteProblems(target, all, scores);
        if (problems.length) throw new SetupRuleError(problems.join(' '));
        await db.criteria.bulkDelete(subtreeIds(target, all) as Criterion['id'][]);
        await refreshPartMaxima(target.roundId);
      });
      await done(target.roundId);
    },
  };
}

export type StructureRepo = ReturnType<typeof structureRepo>;
