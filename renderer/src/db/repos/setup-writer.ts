/**
 * Every setup change goes through here: in one strict transaction the change is recorded as a
 * journal event ('setup', 'decision' or 'lock') and the record tables — a projection of those
 * events kept for fast reads — are updated to match. A change that alters nothing writes nothing.
 * Afterwards `onChanged` sends the events to the journal file on the main side.
 */
import type { JournalEvent, UnsealedEvent } from '@shared/journal/event';
import {
  setupChanged,
  setupEvent,
  type AnySetupRecord,
  type EventMeta,
  type SetupEntity,
} from '@shared/journal/setup-event';
import type { ContestId, Round } from '@shared/model/types';
import type { Table } from 'dexie';
import type { GiamKhaoDb } from '../database';
import type { JournalRepo } from './journal-repo';

export interface SetupChange {
  readonly entity: SetupEntity;
  readonly id: string;
  /** The record after the change; null removes it. */
  readonly after: AnySetupRecord | null;
}

export interface ChangeMeta {
  readonly by?: JournalEvent['by'];
  /** Required by the rules for removals of scored records and for changes after a lock. */
  readonly reason?: string | null;
}

export const SECRETARY: JournalEvent['by'] = { role: 'secretary', name: '' };

export function setupWriter(
  db: GiamKhaoDb,
  journal: JournalRepo,
  now: () => Date,
  onChanged: (contestId: ContestId) => void,
) {
  const tableOf = (entity: SetupEntity): Table<AnySetupRecord, string> =>
    ({
      contest: db.contests,
      round: db.rounds,
      cluster: db.clusters,
      criterion: db.criteria,
      judge: db.judges,
      entrant: db.entrants,
    })[entity] as unknown as Table<AnySetupRecord, string>;
  const setupTables = [db.contests, db.rounds, db.clusters, db.criteria, db.judges, db.entrants];

  return {
    setupTables,
    tableOf,

    /**
     * Apply `changes` and record one event per record that really changed. `check` runs inside the
     * transaction first (it may throw a user-facing refusal, and nothing is written).
     * Returns the events written (none when nothing changed).
     */
    async commit(
      contestId: ContestId,
      changes: readonly SetupChange[],
      meta: ChangeMeta = {},
      check?: () => Promise<void>,
      extra: readonly Table[] = [],
    ): Promise<JournalEvent[]> {
      const sealed = await journal.recordWith(contestId, [...setupTables, ...extra], async () => {
        if (check) await check();
        const base: EventMeta = {
          contestId,
          by: meta.by ?? SECRETARY,
          at: now().toISOString(),
          reason: meta.reason ?? null,
        };
        const events: UnsealedEvent[] = [];
        // One bulk read per table (an import touches thousands of rows); later changes of the same row see earlier ones.
        const current = new Map<string, AnySetupRecord | undefined>();
        for (const entity of new Set(changes.map((c) => c.entity))) {
          const ids = [...new Set(changes.filter((c) => c.entity === entity).map((c) => c.id))];
          (await tableOf(entity).bulkGet(ids)).forEach((r, i) =>
            current.set(`${entity}|${ids[i]}`, r),
          );
        }
        const final = new Map<string, SetupChange>(); // each row's state after every change
        for (const c of changes) {
          const key = `${c.entity}|${c.id}`;
          const before = current.get(key);
          // A round's lock and decisions are projections of their own events: never set by a record.
          const after =
            c.entity === 'round' && c.after
              ? ({
                  ...(c.after as Round),
                  locked: (before as Round | undefined)?.locked ?? false,
                  decisions: (before as Round | undefined)?.decisions,
                } as Round)
              : c.after;
          if (!setupChanged(c.entity, before, after)) continue;
          current.set(key, after ?? undefined);
          final.set(key, { ...c, after });
          events.push(setupEvent(c.entity, before, after, base));
        }
        for (const entity of new Set([...final.values()].map((c) => c.entity))) {
          const mine = [...final.values()].filter((c) => c.entity === entity);
          await tableOf(entity).bulkPut(mine.flatMap((c) => (c.after ? [c.after] : [])));
          await tableOf(entity).bulkDelete(mine.filter((c) => !c.after).map((c) => c.id));
        }
        return events;
      });
      if (sealed.length) onChanged(contestId);
      return sealed;
    },

    /** Record events that are not record puts (a lock, a decision) and update the round's derived fields. */
    async recordRoundEvent(
      round: Round,
      event: UnsealedEvent,
      derive: (r: Round) => Round,
    ): Promise<JournalEvent> {
      const [sealed] = await journal.recordWith(round.contestId, [db.rounds], async () => {
        const current = await db.rounds.get(round.id);
        if (!current) throw new Error(`Không tìm thấy vòng “${round.name}”.`);
        await db.rounds.put(derive(current));
        return [event];
      });
      onChanged(round.contestId);
      return sealed;
    },
  };
}

export type SetupWriter = ReturnType<typeof setupWriter>;
