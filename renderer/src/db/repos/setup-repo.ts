/**
 * Contests as a whole (create, load, restore) and the people in them: judges and entrants. Round
 * structure (rules, clusters, criteria) is edited through structure-repo.ts. Every change is a
 * journal event written with the tables in one transaction (setup-writer.ts).
 */
import type { JournalEvent } from '@shared/journal/event';
import type { SetupEntity } from '@shared/journal/setup-event';
import { inSetupOrder } from '@shared/journal/setup-projection';
import type { ContestBundle } from '@shared/model/bundle';
import type { ContestId, Entrant, EntrantId, Judge, JudgeId, RoundId } from '@shared/model/types';
import type { TemplateOutput } from '@shared/templates/templates';
import type { GiamKhaoDb } from '../database';
import { assertWritable } from './guard';
import { SetupRuleError } from './structure-repo';
import type { ChangeMeta, SetupChange, SetupWriter } from './setup-writer';

/** Every record of a bundle as puts, contest first (so a replay sees the contest before its parts). */
export function bundleChanges(
  b: Pick<ContestBundle, 'contest'> & Partial<Omit<ContestBundle, 'contest'>>,
): SetupChange[] {
  const put = (entity: SetupEntity) => (r: { id: string }) =>
    ({ entity, id: r.id, after: r }) as SetupChange;
  return [
    put('contest')(b.contest),
    ...(b.rounds ?? []).map(put('round')),
    ...(b.clusters ?? []).map(put('cluster')),
    ...(b.criteria ?? []).map(put('criterion')),
    ...(b.judges ?? []).map(put('judge')),
    ...(b.entrants ?? []).map(put('entrant')),
  ];
}

export function setupRepo(db: GiamKhaoDb, readOnlyReason: string | null, writer: SetupWriter) {
  const contestOfRound = async (roundId: RoundId) => (await db.rounds.get(roundId))?.contestId;
  /** Values a judge has given in any round (the scores table has no judge-only index; removals are rare). */
  const judgeScoreCount = (id: JudgeId) =>
    db.scores.filter((s) => s.judgeId === id && s.steps !== null).count();

  return {
    listContests: () => db.contests.toArray(),
    getContest: (id: ContestId) => db.contests.get(id),

    async createContest(
      t: TemplateOutput & { judges?: readonly Judge[]; entrants?: readonly Entrant[] },
      meta: ChangeMeta = {},
    ): Promise<ContestId> {
      assertWritable(readOnlyReason);
      const changes = bundleChanges({
        ...t,
        rounds: t.rounds.map((r) => ({ ...r, locked: false })),
      });
      const keys = new Set(changes.map((c) => `${c.entity}|${c.id}`));
      if (keys.size !== changes.length)
        throw new SetupRuleError(
          `Dữ liệu của cuộc thi “${t.contest.name}” có hai bản ghi cùng mã: không tạo được.`,
        );
      await writer.commit(t.contest.id, changes, meta, async () => {
        if (await db.contests.get(t.contest.id))
          throw new SetupRuleError(`Cuộc thi “${t.contest.name}” đã có trên máy này.`);
      });
      return t.contest.id;
    },

    async loadBundle(contestId: ContestId): Promise<ContestBundle | undefined> {
      return db.transaction('r', writer.setupTables, async () => {
        const contest = await db.contests.get(contestId);
        if (!contest) return undefined;
        const rounds = inSetupOrder(await db.rounds.where('contestId').equals(contestId).toArray());
        const roundIds = rounds.map((r) => r.id);
        const [clusters, criteria, entrants, judges] = await Promise.all([
          db.clusters.where('roundId').anyOf(roundIds).toArray(),
          db.criteria.where('roundId').anyOf(roundIds).toArray(),
          db.entrants.where('roundId').anyOf(roundIds).toArray(),
          db.judges.where('contestId').equals(contestId).toArray(),
        ]);
        return {
          contest,
          rounds,
          clusters: inSetupOrder(clusters),
          criteria: inSetupOrder(criteria),
          entrants: inSetupOrder(entrants),
          judges: inSetupOrder(judges),
        };
      });
    },

    async saveJudge(judge: Judge, meta: ChangeMeta = {}): Promise<void> {
      assertWritable(readOnlyReason);
      await writer.commit(judge.contestId, [{ entity: 'judge', id: judge.id, after: judge }], meta);
    },

    /** How many values a judge has given (any round): removing a judge who scored needs a reason. */
    judgeScoreCount,

    /**
     * Remove a judge. One who has scored is removed only with a reason (every mean of their panel
     * changes): the removal is a journal event the audit shows, and their scores stay in the journal.
     */
    async deleteJudge(id: JudgeId, meta: ChangeMeta = {}): Promise<void> {
      assertWritable(readOnlyReason);
      const judge = await db.judges.get(id);
      if (!judge) return;
      await writer.commit(
        judge.contestId,
        [{ entity: 'judge', id, after: null }],
        meta,
        async () => {
          const scored = await judgeScoreCount(id);
          if (scored > 0 && !meta.reason?.trim())
            throw new SetupRuleError(
              `Giám khảo “${judge.name}” đã chấm ${scored} điểm: muốn xóa phải ghi lý do (mọi điểm trung bình của hội đồng sẽ thay đổi).`,
            );
        },
      );
    },

    async saveEntrant(entrant: Entrant, meta: ChangeMeta = {}): Promise<void> {
      assertWritable(readOnlyReason);
      const contestId = await contestOfRound(entrant.roundId);
      if (!contestId) throw new SetupRuleError('Không tìm thấy vòng của đội thi / mô hình.');
      await writer.commit(
        contestId,
        [{ entity: 'entrant', id: entrant.id, after: entrant }],
        meta,
        async () => {
          const clash = await db.entrants
            .where('[roundId+code]')
            .equals([entrant.roundId, entrant.code])
            .first();
          if (clash && clash.id !== entrant.id)
            throw new SetupRuleError(`Mã “${entrant.code}” đã dùng cho “${clash.name}”.`);
        },
      );
    },

    async deleteEntrant(id: EntrantId, meta: ChangeMeta = {}): Promise<void> {
      assertWritable(readOnlyReason);
      const e = await db.entrants.get(id);
      if (!e) return;
      const contestId = await contestOfRound(e.roundId);
      if (!contestId) return;
      await writer.commit(contestId, [{ entity: 'entrant', id, after: null }], meta, async () => {
        // Scores stay meaningful only with their entrant: one that has been scored is never removed.
        const scored = await db.scores
          .where('[roundId+entrantId]')
          .equals([e.roundId, id])
          .filter((s) => s.steps !== null)
          .count();
        if (scored > 0)
          throw new SetupRuleError(`“${e.name}” đã có ${scored} điểm chấm: không xóa được.`);
      });
    },

    /** Insert and update many entrants at once (imports): all or nothing, one event per changed row. */
    async upsertEntrants(
      roundId: RoundId,
      rows: readonly Entrant[],
      meta: ChangeMeta = {},
    ): Promise<JournalEvent[]> {
      assertWritable(readOnlyReason);
      for (const e of rows) if (e.roundId !== roundId) throw new Error('entrant of another round');
      const contestId = await contestOfRound(roundId);
      if (!contestId) throw new SetupRuleError('Không tìm thấy vòng.');
      return writer.commit(
        contestId,
        rows.map((e) => ({ entity: 'entrant', id: e.id, after: e })),
        meta,
      );
    },

    /** Insert and update many judges at once (imports): all or nothing. */
    async upsertJudges(
      contestId: ContestId,
      rows: readonly Judge[],
      meta: ChangeMeta = {},
    ): Promise<JournalEvent[]> {
      assertWritable(readOnlyReason);
      for (const j of rows)
        if (j.contestId !== contestId) throw new Error('judge of another contest');
      return writer.commit(
        contestId,
        rows.map((j) => ({ entity: 'judge', id: j.id, after: j })),
        meta,
      );
    },

    /**
     * A contest known only from an older setup file (its journal has no setup events yet): put it
     * back and record every record once as a setup event, so the journal holds it from now on.
     */
    async restoreBundle(b: ContestBundle): Promise<void> {
      assertWritable(readOnlyReason);
      await writer.commit(b.contest.id, bundleChanges(b), {
        by: { role: 'system', name: '' },
        reason: 'Ghi cấu hình từ bản lưu trên đĩa vào sổ điểm',
      });
    },

    /**
     * Replace this contest's records by the journal's projection (after a restore or a merge): the
     * tables are derived data, so this records no event. One transaction.
     */
    async applyProjection(b: ContestBundle): Promise<void> {
      assertWritable(readOnlyReason);
      await db.transaction('rw', writer.setupTables, async () => {
        const oldRounds = await db.rounds.where('contestId').equals(b.contest.id).primaryKeys();
        const roundIds = [...new Set([...oldRounds, ...b.rounds.map((r) => r.id)])];
        await db.clusters.where('roundId').anyOf(roundIds).delete();
        await db.criteria.where('roundId').anyOf(roundIds).delete();
        await db.entrants.where('roundId').anyOf(roundIds).delete();
        await db.judges.where('contestId').equals(b.contest.id).delete();
        await db.rounds.where('contestId').equals(b.contest.id).delete();
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
