/**
 * Contests as a whole (create, load, restore) and the people in them: judges and entrants. Round
 * structure (rules, clusters, criteria) is edited through structure-repo.ts.
 * Every write is one transaction; after it, `onChanged` lets the caller mirror the contest to disk.
 */
import type { ContestBundle } from '@shared/model/bundle';
import type { ContestId, Entrant, EntrantId, Judge, JudgeId, RoundId } from '@shared/model/types';
import type { TemplateOutput } from '@shared/templates/templates';
import type { GiamKhaoDb } from '../database';
import { assertWritable } from './guard';


export function setupRepo(db: GiamKhaoDb, readOnlyReason: string | null, onChanged: (contestId: ContestId) => void = () => undefined) {
  const setupTables = [db.contests, db.rounds, db.clusters, db.criteria, db.judges, db.entrants];
  const contestOfRound = async (roundId: RoundId) => (await db.rounds.get(roundId))?.contestId;
  const changedRound = async (roundId: RoundId) => {
    const c = await contestOfRound(roundId);
    if (c) onChanged(c);
  };
  return {
    listContests: () => db.contests.toArray(),
    getContest: (id: ContestId) => db.contests.get(id),

    async createContest(t: TemplateOutput & { judges?: readonly Judge[]; entrants?: readonly Entrant[] }): Promise<ContestId> {
      assertWritable(readOnlyReason);
      await db.transaction('rw', setupTables, async () => {
        if (await db.contests.get(t.contest.id)) throw new Error(`Cuộc thi “${t.contest.name}” đã có trên máy này.`);
        await db.contests.add(t.contest);
        await db.rounds.bulkAdd([...t.rounds]);
        await db.clusters.bulkAdd([...t.clusters]);
        await db.criteria.bulkAdd([...t.criteria]);
        if (t.judges?.length) await db.judges.bulkAdd([...t.judges]);
        if (t.entrants?.length) await db.entrants.bulkAdd([...t.entrants]);
      });
      onChanged(t.contest.id);
      return t.contest.id;
    },

    async loadBundle(contestId: ContestId): Promise<ContestBundle | undefined> {
      return db.transaction('r', setupTables, async () => {
        const contest = await db.contests.get(contestId);
        if (!contest) return undefined;
        const rounds = (await db.rounds.where('contestId').equals(contestId).toArray()).sort((a, b) => a.order - b.order);
        const roundIds = rounds.map((r) => r.id);
        const [clusters, criteria, entrants, judges] = await Promise.all([
          db.clusters.where('roundId').anyOf(roundIds).toArray(),
          db.criteria.where('roundId').anyOf(roundIds).toArray(),
          db.entrants.where('roundId').anyOf(roundIds).toArray(),
          db.judges.where('contestId').equals(contestId).toArray(),
        ]);
        return { contest, rounds, clusters, criteria, entrants, judges };
      });
    },

    async saveJudge(judge: Judge): Promise<void> {
      assertWritable(readOnlyReason);
      await db.judges.put(judge);
      onChanged(judge.contestId);
    },

    async deleteJudge(id: JudgeId): Promise<void> {
      assertWritable(readOnlyReason);
      const judge = await db.judges.get(id);
      await db.judges.delete(id);
      if (judge) onChanged(judge.contestId);
    },

    async saveEntrant(entrant: Entrant): Promise<void> {
      assertWritable(readOnlyReason);
      await db.transaction('rw', db.entrants, async () => {
        const clash = await db.entrants.where('[roundId+code]').equals([entrant.roundId, entrant.code]).first();
        if (clash && clash.id !== entrant.id) throw new Error(`Mã “${entrant.code}” đã dùng cho “${clash.name}”.`);
        await db.entrants.put(entrant);
      });
      await changedRound(entrant.roundId);
    },

    async deleteEntrant(id: EntrantId): Promise<void> {
      assertWritable(readOnlyReason);
      const e = await db.entrants.get(id);
      // Scores stay meaningful only with their entrant: one that has been scored is never deleted.
      const scored = e ? await db.scores.where('[roundId+entrantId]').equals([e.roundId, id]).filter((s) => s.steps !== null).count() : 0;
      if (scored > 0) throw new Error(`“${e!.name}” đã có ${scored} điểm chấm: không xóa được.`);
      await db.entrants.delete(id);
      if (e) await changedRound(e.roundId);
    },

    /** Insert and update many entrants at once (imports): all or nothing. */
    async upsertEntrants(roundId: RoundId, rows: readonly Entrant[]): Promise<void> {
      assertWritable(readOnlyReason);
      await db.transaction('rw', db.entrants, async () => {
        for (const e of rows) if (e.roundId !== roundId) throw new Error('entrant of another round');
        await db.entrants.bulkPut([...rows]);
      });
      await changedRound(roundId);
    },

    /** Insert and update many judges at once (imports): all or nothing. */
    async upsertJudges(contestId: ContestId, rows: readonly Judge[]): Promise<void> {
      assertWritable(readOnlyReason);
      await db.transaction('rw', db.judges, async () => {
        for (const j of rows) if (j.contestId !== contestId) throw new Error('judge of another contest');
        await db.judges.bulkPut([...rows]);
      });
      onChanged(contestId);
    },

    /** Put back a contest from its copy on disk (after IndexedDB lost it): all or nothing. */
    async restoreBundle(b: ContestBundle): Promise<void> {
      assertWritable(readOnlyReason);
      await db.transaction('rw', setupTables, async () => {
        await db.contests.put(b.contest);
        await db.rounds.bulkPut([...b.rounds]);
        await db.clusters.bulkPut([...b.clusters]);
        await db.criteria.bulkPut([...b.criteria]);
        await db.judges.bulkPut([...b.judges]);
        await db.entrants.bulkPut([...b.entrants]);
      });
    },
  };
}

export type SetupRepo = ReturnType<typeof setupRepo>;
