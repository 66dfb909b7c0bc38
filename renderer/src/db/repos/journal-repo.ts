/**
 * The local journal: this device's identity, its chain in each contest, the events it made or
 * received, and the score projection kept beside them. Recording an event and updating the
 * projection is one strict transaction, so the two can never disagree after a crash.
 *
 * Each contest has its own journal file, so the device numbers its events per contest: seq 1, 2, 3…
 * and `prev` links within that contest only. (One chain across contests would leave gaps in every
 * file, which the journal store rightly refuses.)
 */
import { GENESIS, seal, type JournalEvent, type UnsealedEvent } from '@shared/journal/event';
import type { ContestId, RoundId, Score } from '@shared/model/types';
import type { EventKey, GiamKhaoDb, StoredEvent } from '../database';
import { assertWritable } from './guard';

export interface DeviceState {
  readonly id: string;
  readonly seq: number;
  readonly lastHash: string;
}

/** This device's place in one contest's chain. */
interface ChainState {
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
const outboxRow = (e: JournalEvent) => ({ contestId: e.contestId, deviceId: e.deviceId, seq: e.seq });
const keyOf = (e: Pick<JournalEvent, 'contestId' | 'deviceId' | 'seq'>): EventKey => [e.contestId, e.deviceId, e.seq];
const EXTRA_KINDS = new Set(['penalty', 'objective', 'tieBreak']);
const extras = (list: readonly JournalEvent[]) => list.filter((e) => EXTRA_KINDS.has(e.kind));

export function journalRepo(db: GiamKhaoDb, readOnlyReason: string | null, newDeviceId: () => string) {
  /** This browser profile's device id, made once. */
  async function deviceId(): Promise<string> {
    const row = await db.meta.get('device');
    if (row) return (row.value as { id: string }).id;
    const id = newDeviceId();
    await db.meta.put({ key: 'device', value: { id } });
    return id;
  }

  /** The device's position in a contest's chain (call inside a transaction that includes meta). */
  async function device(contestId: string): Promise<DeviceState> {
    const id = await deviceId();
    const chain = (await db.meta.get(`chain:${contestId}`))?.value as ChainState | undefined;
    return { id, seq: chain?.seq ?? 0, lastHash: chain?.lastHash ?? GENESIS };
  }

  const advance = (contestId: string, last: JournalEvent) =>
    db.meta.put({ key: `chain:${contestId}`, value: { seq: last.seq, lastHash: last.hash } satisfies ChainState });

  return {
    device,

    /** Seal the event as this device's next, store it, and update the projection: one transaction. */
    async record(e: UnsealedEvent): Promise<JournalEvent> {
      assertWritable(readOnlyReason);
      return db.transaction('rw', [db.meta, db.events, db.outbox, db.extraEvents, db.scores], async () => {
        const dev = await device(e.contestId);
        const sealed = seal(e, dev.id, dev.seq + 1, dev.lastHash);
        await db.events.add(sealed);
        await db.outbox.add(outboxRow(sealed));
        if (EXTRA_KINDS.has(sealed.kind)) await db.extraEvents.add(sealed);
        const score = scoreFromEvent(sealed);
        if (score) await db.scores.put(score);
        await advance(e.contestId, sealed);
        return sealed;
      });
    },

    /** Seal and store many events at once (sample data, imports of paper results): one transaction. */
    async recordMany(list: readonly UnsealedEvent[]): Promise<JournalEvent[]> {
      assertWritable(readOnlyReason);
      const contestId = list[0]?.contestId;
      if (list.some((e) => e.contestId !== contestId)) throw new Error('recordMany: one contest at a time');
      return db.transaction('rw', [db.meta, db.events, db.outbox, db.extraEvents, db.scores], async () => {
        if (!contestId) return [];
        const dev = await device(contestId);
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
        if (sealed.length) await advance(contestId, sealed[sealed.length - 1]);
        return sealed;
      });
    },

    async markAcked(events: readonly JournalEvent[]): Promise<void> {
      await db.outbox.bulkDelete(events.map(keyOf));
    },

    /** Events not yet confirmed on disk by the main side, in device order. */
    async outbox(contestId: ContestId): Promise<JournalEvent[]> {
      const keys = (await db.outbox.where('contestId').equals(contestId).toArray()).map(keyOf);
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
        const have = new Set((await db.events.where('contestId').equals(contestId).primaryKeys()).map(([, d, s]) => `${d}|${s}`));
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
