/**
 * Contests and everything set up before scoring: rounds, clusters, criteria, judges, entrants.
 * Every write is one transaction.
 */
import type { Cluster, Contest, ContestId, Criterion, Entrant, EntrantId, Judge, JudgeId, Round, RoundId } from '@shared/model/types';
import type { TemplateOutput } from '@shared/templates/templates';
import type { GiamKhaoDb } from '../database';
import { assertWritable } from './guard';

export interface ContestBundle {
  readonly contest: Contest;
  readonly rounds: readonly Round[];
  readonly clusters: readonly Cluster[];
  readonly criteria: readonly Criterion[];
  readonly judges: readonly Judge[];
  readonly entrants: readonly Entrant[];
}

export function setupRepo(db: GiamKhaoDb, readOnlyReason: string | null) {
  const setupTables = [db.contests, db.rounds, db.clusters, db.criteria, db.judges, db.entrants];
  return {
    listContests: () => db.contests.toArray(),
    getContest: (id: ContestId) => db.contests.get(id),

    async createContest(t: TemplateOutput & { judges?: readonly Judge[]; entrants?: readonly Entrant[] }): Promise<ContestId> {
      assertWritable(readOnlyReason);
      await db.transaction('rw', setupTables, async () => {
        await db.contests.add(t.contest);
        await db.rounds.bulkAdd([...t.rounds]);
        await db.clusters.bulkAdd([...t.clusters]);
        await db.criteria.bulkAdd([...t.criteria]);
        if (t.judges?.length) await db.judges.bulkAdd([...t.judges]);
        if (t.entrants?.length) await db.entrants.bulkAdd([...t.entrants]);
      });
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

    async saveRound(round: Round): Promise<void> {
      assertWritable(readOnlyReason);
      await db.rounds.put(round);
    },

    async saveJudge(judge: Judge): Promise<void> {
      assertWritable(readOnlyReason);
      await db.judges.put(judge);
    },

    async deleteJudge(id: JudgeId): Promise<void> {
      assertWritable(readOnlyReason);
      await db.judges.delete(id);
    },

    async saveEntrant(entrant: Entrant): Promise<void> {
      assertWritable(readOnlyReason);
      await db.transaction('rw', db.entrants, async () => {
        const clash = await db.entrants.where('[roundId+code]').equals([entrant.roundId, entrant.code]).first();
        if (clash && clash.id !== entrant.id) throw new Error(`Mã “${entrant.code}” đã dùng cho “${clash.name}”.`);
        await db.entrants.put(entrant);
      });
    },

    async deleteEntrant(id: EntrantId): Promise<void> {
      assertWritable(readOnlyReason);
      await db.entrants.delete(id);
    },

    /** Insert and update many entrants at once (imports): all or nothing. */
    async upsertEntrants(roundId: RoundId, rows: readonly Entrant[]): Promise<void> {
      assertWritable(readOnlyReason);
      await db.transaction('rw', db.entrants, async () => {
        for (const e of rows) if (e.roundId !== roundId) throw new Error('entrant of another round');
        await db.entrants.bulkPut([...rows]);
      });
    },
  };
}

export type SetupRepo = ReturnType<typeof setupRepo>;
