/**
 * The save path for every score change: (1) record the event in IndexedDB with strict durability,
 * (2) hand it to the main side, which appends it to the contest's journal file and fsyncs. Only
 * when both hold is the change "saved". If the main side can't be reached, the event waits in the
 * outbox and the cell says "saved on this device only" until a later flush is acknowledged.
 */
import type { Bridge } from '@shared/bridge/contract';
import type { JournalEvent, UnsealedEvent } from '@shared/journal/event';
import type { ContestId } from '@shared/model/types';
import type { JournalRepo } from '../db/repos/journal-repo';

export type SaveState = 'saved' | 'localOnly';

export interface SaveOutcome {
  readonly state: SaveState;
  readonly event: JournalEvent;
  readonly message?: string;
}

const BATCH = 10_000;

export function createScoreSaver(journal: JournalRepo, bridge: Bridge) {
  // One flush at a time per contest, so events reach the journal file in device order.
  const queues = new Map<string, Promise<unknown>>();
  const serial = <T>(contestId: string, job: () => Promise<T>): Promise<T> => {
    const run = (queues.get(contestId) ?? Promise.resolve()).then(job, job);
    queues.set(contestId, run.catch(() => undefined));
    return run;
  };

  /** Append `events` in batches small enough for the bridge (10,000 at most), acking each. */
  async function send(contestId: ContestId, events: readonly JournalEvent[]): Promise<{ ok: boolean; message?: string }> {
    for (let i = 0; i < events.length; i += BATCH) {
      const batch = events.slice(i, i + BATCH);
      const r = await bridge['journal:append'](contestId, batch);
      if (!r.ok) return { ok: false, message: r.error.message };
      await journal.markAcked(batch);
    }
    return { ok: true };
  }

  /** Send every unacknowledged event of the contest; true when the outbox is empty afterwards. */
  async function flush(contestId: ContestId): Promise<{ ok: boolean; message?: string }> {
    return serial(contestId, async () => send(contestId, await journal.outbox(contestId)));
  }

  async function save(e: UnsealedEvent): Promise<SaveOutcome> {
    const event = await journal.record(e);
    const contestId = e.contestId as ContestId;
    const r = await flush(contestId);
    return r.ok ? { state: 'saved', event } : { state: 'localOnly', event, message: r.message };
  }

  /** Many events at once (sample data): one local transaction, then the usual flush. */
  async function saveMany(list: readonly UnsealedEvent[]): Promise<{ state: SaveState; message?: string }> {
    if (list.length === 0) return { state: 'saved' };
    const contestId = list[0].contestId as ContestId;
    const sealed = await journal.recordMany(list);
    // The new events are known: send them as they are rather than reading them back from the outbox
    // (anything older still waiting goes first, so the journal keeps each device's order).
    const r = await serial(contestId, async () => {
      const older = (await journal.countOutbox(contestId)) > sealed.length ? await flushOlder(contestId, sealed) : { ok: true };
      return older.ok ? send(contestId, sealed) : older;
    });
    return r.ok ? { state: 'saved' } : { state: 'localOnly', message: r.message };
  }

  async function flushOlder(contestId: ContestId, skip: readonly JournalEvent[]) {
    const mine = new Set(skip.map((e) => `${e.deviceId}#${e.seq}`));
    return send(contestId, (await journal.outbox(contestId)).filter((e) => !mine.has(`${e.deviceId}#${e.seq}`)));
  }

  return { save, saveMany, flush };
}

export type ScoreSaver = ReturnType<typeof createScoreSaver>;
