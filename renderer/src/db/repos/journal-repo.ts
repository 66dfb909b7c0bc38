/**
 * The local journal: this device's identity and sequence, the events it made or received, and the
 * score projection kept beside them. Recording an event and updating the projection is one strict
 * transaction, so the two can never disagree after a crash.
 */
import { GENESIS, seal, type JournalEvent, type UnsealedEvent } from '@shared/journal/event';
import type { ContestId, RoundId, Score } from '@shared/model/types';
import type { GiamKhaoDb, StoredEvent } from '../database';
import { assertWritable } from './guard';

export interface DeviceState {
  readonly id: string;
  readonly seq: number;
  readonly lastHash: string;
}

const DIRECT_KINDS = new Set(['enter', 'edit', 'clear']);

/**
 * The official cell value an event of this device sets, following the projection's rule
 * (shared/journal/projection.ts): direct entry, amendments and double-key verifications set it;
 * a pass entry alone does not. Applied at once so the grid needs no re-projection per keystroke.
 */
export function scoreFromEvent(e: JournalEvent): Score | null {
  if (!e.judgeId || !e.entrantId || !e.criterionId) return null;
  const official = (DIRECT_KINDS.has(e.kind) && e.pass === null) || e.kind === 'amend' || e.kind === 'verifyConfirm' || e.kind === 'verifyReject';
  if (!official) return null;
  const steps = e.kind === 'verifyReject' ? null : e.steps;
  return { roundId: e.roundId as RoundId, judgeId: e.judgeId as Score['judgeId'], entrantId: e.entrantId as Score['entrantId'], criterionId: e.criterionId as Score['criterionId'], steps };
}

const strip = (e: StoredEvent): JournalEvent => e;
const outboxRow = (e: JournalEvent) => ({ deviceId: e.deviceId, seq: e.seq, contestId: e.contestId });
const EXTRA_KINDS = new Set(['penalty', 'objective', 'tieBreak']);
const extras = (list: readonly JournalEvent[]) => list.filter((e) => EXTRA_KINDS.has(e.kind));

export function journalRepo(db: GiamKhaoDb, readOnlyReason: string | null, newDeviceId: () => string) {
  async function device(): Promise<DeviceState> {
    const row = await db.meta.get('device');
    if (row) return row.value as DeviceState;
    const fresh: DeviceState = { id: newDeviceId(), seq: 0, lastHash: GENESIS };
    await db.meta.put({ key: 'device', value: fresh });
    return fresh;
  }

  return {
    device,

    /** Seal the event as this device's next, store it, and update the projection: one transaction. */
    async record(e: UnsealedEvent): Promise<JournalEvent> {
      assertWritable(readOnlyReason);
      return db.transaction('rw', [db.meta, db.events, db.outbox, db.extraEvents, db.scores], async () => {
        const dev = await device();
        const sealed = seal(e, dev.id, dev.seq + 1, dev.lastHash);
        await db.events.add(sealed);
        await db.outbox.add(outboxRow(sealed));
        if (EXTRA_KINDS.has(sealed.kind)) await db.extraEvents.add(sealed);
        const score = scoreFromEvent(sealed);
        if (score) await db.scores.put(score);
        await db.meta.put({ key: 'device', value: { id: dev.id, seq: sealed.seq, lastHash: sealed.hash } satisfies DeviceState });
        return sealed;
      });
    },

    /** Seal and store many events at once (sample data, imports of paper results): one transaction. */
    async recordMany(list: readonly UnsealedEvent[]): Promise<JournalEvent[]> {
      assertWritable(readOnlyReason);
      return db.transaction('rw', [db.meta, db.events, db.outbox, db.extraEvents, db.scores], async () => {
        const dev = await device();
        let seq = dev.seq;
        let prev = dev.lastHash;
        const sealed = list.map((e) => {
          const s = seal(e, dev.id, ++seq, prev);
          prev = s.hash;
          return s;
        });
        await db.events.bulkAdd(sealed);
        await db.outbox.bulkAdd(sealed.map(outboxRow));
        await db.extraEvents.bulkAdd(extras(sealed));
        await db.scores.bulkPut(sealed.map(scoreFromEvent).filter((x): x is Score => x !== null));
        await db.meta.put({ key: 'device', value: { id: dev.id, seq, lastHash: prev } satisfies DeviceState });
        return sealed;
      });
    },

    async markAcked(events: readonly JournalEvent[]): Promise<void> {
      await db.outbox.bulkDelete(events.map((e) => [e.deviceId, e.seq] as [string, number]));
    },

    /** Events not yet confirmed on disk by the main side, in device order. */
    async outbox(contestId: ContestId): Promise<JournalEvent[]> {
      const keys = (await db.outbox.where('contestId').equals(contestId).toArray()).map((r) => [r.deviceId, r.seq] as [string, number]);
      const rows = (await db.events.bulkGet(keys)).filter((r): r is StoredEvent => !!r);
      return rows.sort((a, b) => (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : a.seq - b.seq)).map(strip);
    },

    async countOutbox(contestId: ContestId): Promise<number> {
      return db.outbox.where('contestId').equals(contestId).count();
    },

    async events(contestId: ContestId): Promise<JournalEvent[]> {
      return (await db.events.where('contestId').equals(contestId).toArray()).map(strip);
    },

    /** One judge's events in a round (for sheet state, double-key passes and the audit view). */
    async eventsOf(roundId: string, judgeId: string): Promise<JournalEvent[]> {
      return (await db.events.where('[roundId+judgeId]').equals([roundId, judgeId]).toArray()).map(strip);
    },

    /** The secretary's events of a round (objective parts, penalties, tie-break answers). */
    async extraEvents(roundId: string): Promise<JournalEvent[]> {
      return db.extraEvents.where('roundId').equals(roundId).toArray();
    },

    async scores(roundId: RoundId): Promise<Score[]> {
      return db.scores.where('roundId').equals(roundId).toArray();
    },

    /**
     * Rebuild from the journal file: store every event we lack (as already on disk) and replace the
     * contest's projected scores with `scores`. One transaction.
     */
    async restore(contestId: ContestId, roundIds: readonly RoundId[], events: readonly JournalEvent[], scores: readonly Score[]): Promise<number> {
      assertWritable(readOnlyReason);
      return db.transaction('rw', [db.events, db.extraEvents, db.scores], async () => {
        const have = new Set((await db.events.where('contestId').equals(contestId).primaryKeys()).map(([d, s]) => `${d}|${s}`));
        const missing = events.filter((e) => !have.has(`${e.deviceId}|${e.seq}`));
        await db.events.bulkPut(missing);
        await db.extraEvents.bulkPut(extras(missing));
        await db.scores.where('roundId').anyOf([...roundIds]).delete();
        await db.scores.bulkPut([...scores]);
        return missing.length;
      });
    },
  };
}

export type JournalRepo = ReturnType<typeof journalRepo>;
