/**
 * Editing a round's structure — the round's rules, its clusters and its criteria tree — with the
 * guards that keep stored scores meaningful (see shared/model/criteria-edit.ts); the round's lock
 * and the board's decisions. Every change is a journal event written with the tables in one
 * transaction (setup-writer.ts); a save that changes nothing writes nothing.
 */
import {
  criterionDeleteProblems,
  criterionEditProblems,
  subtreeIds,
  withPartMaxima,
} from '@shared/model/criteria-edit';
import { decisionEvent, type DecisionKey } from '@shared/journal/setup-event';
import type { JournalEvent } from '@shared/journal/event';
import type {
  Cluster,
  ClusterId,
  Criterion,
  Decided,
  Round,
  RoundDecisions,
  RoundId,
} from '@shared/model/types';
import type { GiamKhaoDb } from '../database';
import { assertWritable } from './guard';
import type { ChangeMeta, SetupChange, SetupWriter } from './setup-writer';

export class SetupRuleError extends Error {}

export function structureRepo(
  db: GiamKhaoDb,
  readOnlyReason: string | null,
  writer: SetupWriter,
  now: () => Date,
) {
  const contestOf = async (roundId: RoundId) => {
    const c = (await db.rounds.get(roundId))?.contestId;
    if (!c) throw new SetupRuleError('Không tìm thấy vòng.');
    return c;
  };
  const lockedRefusal = async (roundId: RoundId, meta: ChangeMeta) => {
    if ((await db.rounds.get(roundId))?.locked && !meta.reason?.trim())
      throw new SetupRuleError(
        'Vòng đã khóa kết quả: mọi thay đổi phải là điều chỉnh có ghi lý do.',
      );
  };
  /** The changed criteria with every part's maximum following its children (a moved maximum is a change of that part). */
  const withMaxima = (all: readonly Criterion[]): SetupChange[] =>
    withPartMaxima(all).map((c) => ({ entity: 'criterion', id: c.id, after: c }));

  return {
    async saveRound(round: Round, meta: ChangeMeta = {}): Promise<void> {
      assertWritable(readOnlyReason);
      await writer.commit(
        round.contestId,
        [{ entity: 'round', id: round.id, after: round }],
        meta,
        () => lockedRefusal(round.id, meta),
      );
    },

    async saveCluster(cluster: Cluster, meta: ChangeMeta = {}): Promise<void> {
      assertWritable(readOnlyReason);
      if (!cluster.name.trim()) throw new SetupRuleError('Tên cụm thi không được để trống.');
      await writer.commit(
        await contestOf(cluster.roundId),
        [{ entity: 'cluster', id: cluster.id, after: cluster }],
        meta,
        () => lockedRefusal(cluster.roundId, meta),
      );
    },

    async deleteCluster(id: ClusterId, meta: ChangeMeta = {}): Promise<void> {
      assertWritable(readOnlyReason);
      const c = await db.clusters.get(id);
      if (!c) return;
      await writer.commit(
        await contestOf(c.roundId),
        [{ entity: 'cluster', id, after: null }],
        meta,
        async () => {
          await lockedRefusal(c.roundId, meta);
          const n = await db.entrants
            .where('roundId')
            .equals(c.roundId)
            .filter((e) => e.clusterId === id)
            .count();
          if (n > 0)
            throw new SetupRuleError(
              `Cụm “${c.name}” còn ${n} đội thi: chuyển họ sang cụm khác trước khi xóa.`,
            );
        },
      );
    },

    async saveCriterion(next: Criterion, meta: ChangeMeta = {}): Promise<void> {
      assertWritable(readOnlyReason);
      const all = await db.criteria.where('roundId').equals(next.roundId).toArray();
      const merged = [...all.filter((c) => c.id !== next.id), next];
      await writer.commit(await contestOf(next.roundId), withMaxima(merged), meta, async () => {
        await lockedRefusal(next.roundId, meta);
        const scores = await db.scores.where('roundId').equals(next.roundId).toArray();
        const problems = criterionEditProblems(await db.criteria.get(next.id), next, scores);
        if (problems.length) throw new SetupRuleError(problems.join(' '));
      });
    },

    /** Imported criteria: every change checked against stored scores, then all written or none. */
    async upsertCriteria(
      roundId: RoundId,
      list: readonly Criterion[],
      meta: ChangeMeta = {},
    ): Promise<void> {
      assertWritable(readOnlyReason);
      for (const c of list)
        if (c.roundId !== roundId) throw new Error('criterion of another round');
      const all = await db.criteria.where('roundId').equals(roundId).toArray();
      const merged = [...all.filter((c) => !list.some((x) => x.id === c.id)), ...list];
      await writer.commit(await contestOf(roundId), withMaxima(merged), meta, async () => {
        await lockedRefusal(roundId, meta);
        const scores = await db.scores.where('roundId').equals(roundId).toArray();
        const problems: string[] = [];
        for (const c of list) {
          const isPart = list.some((k) => k.parentId === c.id);
          if (!isPart)
            problems.push(...criterionEditProblems(await db.criteria.get(c.id), c, scores));
        }
        if (problems.length) throw new SetupRuleError(problems.join(' '));
      });
    },

    async deleteCriterion(target: Criterion, meta: ChangeMeta = {}): Promise<void> {
      assertWritable(readOnlyReason);
      const all = await db.criteria.where('roundId').equals(target.roundId).toArray();
      const gone = new Set(subtreeIds(target, all));
      const left = all.filter((c) => !gone.has(c.id));
      await writer.commit(
        await contestOf(target.roundId),
        [
          ...[...gone].map((id): SetupChange => ({ entity: 'criterion', id, after: null })),
          ...withMaxima(left),
        ],
        meta,
        async () => {
          await lockedRefusal(target.roundId, meta);
          const scores = await db.scores.where('roundId').equals(target.roundId).toArray();
          const problems = criterionDeleteProblems(target, all, scores);
          if (problems.length) throw new SetupRuleError(problems.join(' '));
        },
      );
    },

    /** The head judge locks the round: one 'lock' event, and the round's derived `locked` with it. */
    async lockRound(round: Round, by: JournalEvent['by'], reason: string): Promise<JournalEvent> {
      assertWritable(readOnlyReason);
      return writer.recordRoundEvent(
        round,
        {
          v: 1,
          contestId: round.contestId,
          roundId: round.id,
          judgeId: null,
          entrantId: null,
          criterionId: null,
          kind: 'lock',
          steps: null,
          pass: null,
          by,
          at: now().toISOString(),
          reason,
        },
        (r) => ({ ...r, locked: true }),
      );
    },

    /** One board decision on the round's results, with who and why: never overwrites an earlier one. */
    async recordDecision<K extends DecisionKey>(
      round: Round,
      key: K,
      item: Omit<NonNullable<RoundDecisions[K]>[number], keyof Decided>,
      reason: string,
      by: JournalEvent['by'],
    ): Promise<JournalEvent> {
      assertWritable(readOnlyReason);
      if (!reason.trim()) throw new SetupRuleError('Quyết định phải ghi lý do.');
      const at = now().toISOString();
      const e = decisionEvent(round.id, key, item as Record<string, unknown>, {
        contestId: round.contestId,
        by,
        at,
        reason,
      });
      return writer.recordRoundEvent(round, e, (r) => {
        const list = [
          ...((r.decisions?.[key] ?? []) as readonly object[]),
          { ...item, reason: reason.trim(), by: by.name || 'Ban giám khảo', at },
        ];
        return { ...r, decisions: { ...r.decisions, [key]: list } };
      });
    },
  };
}

export type StructureRepo = ReturnType<typeof structureRepo>;
