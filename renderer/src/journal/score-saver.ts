/**
 * The save path for every score change: (1) record the event in IndexedDB with strict durability,
 * (2) hand it to the main side, which appends it to the contest's journal file and fsyncs. Only
 * when both hold is the change "saved". If the main side can't be reached, the event waits in the
 * outbox and the cell says "saved on this device only" until a later flush is acknowledged.
 *
 * Fast typing: an accepted value starts its IndexedDB transaction at once when none is being
 * recorded; values that come while one is, go together into the next transaction, in order, the
 * moment it commits (see `record`). So a value is on disk before the next keystroke whenever the
 * disk keeps up, the backlog never grows past one transaction when it does not, and no value
 * waits behind the journal. The
 * journal sends are coalesced per contest: one append in flight, and everything recorded meanwhile
 * joins the next one, so the journal never paces the typing. IndexedDB work other than recording
 * (reading the outbox, acknowledging, a sheet's re-read) waits until every started record is
 * stored (`whenRecorded`): when values come faster than the disk takes them, records go first.
 *
 * Healing: when the journal refuses an append because it lacks earlier events of this device
 * (`journalGap`: its tail was cut or the file deleted), `options.heal` is called once and the
 * append retried. `heal` must not call `flush` (it would wait for itself).
 *
 * Not here: what an event means (shared/journal), the outbox table (db/repos/journal-repo.ts).
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

export interface FlushOutcome {
  readonly ok: boolean;
  readonly message?: string;
}

/** Where one contest's changes stand, for the "Đang lưu… / Đã lưu / Chỉ lưu trên máy này" badge. */
export interface SaveStatus {
  /** Saves not yet answered: being recorded, or recorded and waiting for the journal. */
  readonly pending: number;
  /** Of those, not yet in IndexedDB (lost if the window dies now). */
  readonly unrecorded: number;
  /** Changes known to be in the outbox, i.e. not yet in the journal file. */
  readonly waiting: number;
  /** The last journal send failed: `waiting` changes are on this device only. */
  readonly failed: boolean;
  readonly message: string | null;
  /** Counts successful sends; changes when waiting changes became saved. */
  readonly sends: number;
}

export interface ScoreSaverOptions {
  /** Re-append what the journal file lost (recover.ts), before retrying a refused append. */
  readonly heal?: (contestId: ContestId) => Promise<void>;
}

const BATCH = 10_000;
const IDLE: SaveStatus = {
  pending: 0,
  unrecorded: 0,
  waiting: 0,
  failed: false,
  message: null,
  sends: 0,
};
const refOf = (e: Pick<JournalEvent, 'deviceId' | 'seq'>) => `${e.deviceId}#${e.seq}`;

interface Lane {
  /** Jobs run one at a time, so events reach the journal file in device order. */
  chain: Promise<unknown>;
  /** Waiting for every started record to be in IndexedDB (see whenRecorded). */
  quiet: (() => void)[];
  /** Changes accepted and not yet handed to IndexedDB (one transaction is being recorded). */
  readonly toRecord: {
    readonly e: UnsealedEvent;
    readonly resolve: (e: JournalEvent) => void;
    readonly reject: (err: unknown) => void;
  }[];
  recording: boolean;
  /** A flush queued behind the running job and not started yet: later requests join it. */
  queued: Promise<FlushOutcome> | null;
  pending: number;
  unrecorded: number;
  readonly waiting: Set<string>;
  failed: boolean;
  message: string | null;
  sends: number;
  status: SaveStatus;
}

export function createScoreSaver(
  journal: JournalRepo,
  bridge: Bridge,
  options: ScoreSaverOptions = {},
) {
  const lanes = new Map<string, Lane>();
  const listeners = new Set<() => void>();

  const laneOf = (contestId: string): Lane => {
    let l = lanes.get(contestId);
    if (!l)
      lanes.set(
        contestId,
        (l = {
          chain: Promise.resolve(),
          quiet: [],
          toRecord: [],
          recording: false,
          queued: null,
          pending: 0,
          unrecorded: 0,
          waiting: new Set(),
          failed: false,
          message: null,
          sends: 0,
          status: IDLE,
        }),
      );
    return l;
  };
  /** Publish a lane's status (a new object only when something changed) and tell the listeners. */
  const changed = (l: Lane) => {
    const s = l.status;
    if (
      s.pending === l.pending &&
      s.unrecorded === l.unrecorded &&
      s.waiting === l.waiting.size &&
      s.failed === l.failed &&
      s.message === l.message &&
      s.sends === l.sends
    )
      return;
    l.status = {
      pending: l.pending,
      unrecorded: l.unrecorded,
      waiting: l.waiting.size,
      failed: l.failed,
      message: l.message,
      sends: l.sends,
    };
    for (const f of listeners) f();
  };

  const recordedListeners = new Set<(e: JournalEvent) => void>();

  /**
   * Resolves once every record started for the contest is in IndexedDB. Reads and acknowledgements
   * wait for it, so while values are typed faster than they are stored, the records go first and
   * the journal (and any re-read) catches up in the next pause, in one batch.
   */
  function whenRecorded(contestId: string): Promise<void> {
    const l = laneOf(contestId);
    return l.unrecorded === 0 ? Promise.resolve() : new Promise((resolve) => l.quiet.push(resolve));
  }

  const serial = <T>(contestId: string, job: () => Promise<T>): Promise<T> => {
    const l = laneOf(contestId);
    const run = l.chain.then(job, job);
    l.chain = run.catch(() => undefined);
    return run;
  };

  /** Append `events` in batches small enough for the bridge, acking each; heal a gap once. */
  async function send(
    contestId: ContestId,
    events: readonly JournalEvent[],
  ): Promise<FlushOutcome> {
    const l = laneOf(contestId);
    let healed = false;
    for (let i = 0; i < events.length; i += BATCH) {
      const batch = events.slice(i, i + BATCH);
      let r = await bridge['journal:append'](contestId, batch);
      if (!r.ok && r.error.code === 'journalGap' && options.heal && !healed) {
        healed = true;
        try {
          await options.heal(contestId);
        } catch (err) {
          return { ok: false, message: `${r.error.message} ${(err as Error).message}` };
        }
        r = await bridge['journal:append'](contestId, batch);
      }
      if (!r.ok) return { ok: false, message: r.error.message };
      await whenRecorded(contestId);
      await journal.markAcked(batch);
      for (const e of batch) l.waiting.delete(refOf(e));
    }
    return { ok: true };
  }

  /** Run a send job in the contest's lane and record its outcome in the status. */
  function sendJob(
    contestId: ContestId,
    events: () => Promise<readonly JournalEvent[]>,
  ): Promise<FlushOutcome> {
    const l = laneOf(contestId);
    return serial(contestId, async () => {
      let r: FlushOutcome;
      try {
        const list = await events();
        for (const e of list) l.waiting.add(refOf(e));
        r = list.length ? await send(contestId, list) : { ok: true };
      } catch (err) {
        r = { ok: false, message: (err as Error).message };
      }
      l.failed = !r.ok;
      l.message = r.ok ? null : (r.message ?? null);
      if (r.ok) l.sends++;
      changed(l);
      return r;
    });
  }

  /**
   * Send every unacknowledged event of the contest. Coalesced: while one send runs, every request
   * joins the single next one, which reads the outbox when it starts (so it carries every event
   * recorded before the request).
   */
  function flush(contestId: ContestId): Promise<FlushOutcome> {
    const l = laneOf(contestId);
    if (l.queued) return l.queued;
    const next = sendJob(contestId, async () => {
      await whenRecorded(contestId);
      if (l.queued === next) l.queued = null;
      return journal.outbox(contestId);
    });
    l.queued = next;
    return next;
  }

  /**
   * Put the lane's waiting changes into IndexedDB: at once when nothing is being recorded (the usual
   * case: one value, one transaction), else all that came meanwhile in the next transaction, in
   * order, as soon as the current one commits. A transaction that is queued behind another does
   * not advance (and dies with the window just the same), so while the disk is slower than the
   * typing, one transaction per value would fall further behind with every key; grouped, the
   * backlog stays one transaction long.
   */
  function record(l: Lane): void {
    if (l.recording || l.toRecord.length === 0) return;
    l.recording = true;
    const batch = l.toRecord.splice(0);
    const stored =
      batch.length === 1
        ? journal.record(batch[0].e).then((x) => [x])
        : journal.recordMany(batch.map((b) => b.e));
    void stored
      .then(
        (sealed) => batch.forEach((b, i) => b.resolve(sealed[i])),
        (err: unknown) => batch.forEach((b) => b.reject(err)),
      )
      .finally(() => {
        l.recording = false;
        record(l);
      });
  }

  /**
   * Record one change and send it. The IndexedDB transaction is created before this returns;
   * the promise answers once the journal has acknowledged it (or refused: 'localOnly').
   */
  function save(e: UnsealedEvent): Promise<SaveOutcome> {
    const contestId = e.contestId as ContestId;
    const l = laneOf(contestId);
    l.pending++;
    l.unrecorded++;
    changed(l);
    const recorded = new Promise<JournalEvent>((resolve, reject) =>
      l.toRecord.push({ e, resolve, reject }),
    );
    record(l);
    return (async () => {
      let event: JournalEvent;
      try {
        event = await recorded;
      } catch (err) {
        l.pending--;
        l.unrecorded--;
        changed(l);
        if (l.unrecorded === 0) for (const wake of l.quiet.splice(0)) wake();
        throw err;
      }
      l.unrecorded--;
      l.waiting.add(refOf(event));
      changed(l);
      for (const f of recordedListeners) f(event);
      if (l.unrecorded === 0) for (const wake of l.quiet.splice(0)) wake();
      const r = await flush(contestId);
      l.pending--;
      changed(l);
      return r.ok ? { state: 'saved', event } : { state: 'localOnly', event, message: r.message };
    })();
  }

  /** Many events at once (sample data): one local transaction, then the usual flush. */
  async function saveMany(
    list: readonly UnsealedEvent[],
  ): Promise<{ state: SaveState; message?: string }> {
    if (list.length === 0) return { state: 'saved' };
    const contestId = list[0].contestId as ContestId;
    const l = laneOf(contestId);
    l.pending++;
    changed(l);
    try {
      const sealed = await journal.recordMany(list);
      // The new events are known: send them as they are rather than reading them back from the outbox
      // (anything older still waiting goes first, so the journal keeps each device's order).
      const r = await sendJob(contestId, async () => {
        if ((await journal.countOutbox(contestId)) <= sealed.length) return sealed;
        const mine = new Set(sealed.map(refOf));
        return [...(await journal.outbox(contestId)).filter((e) => !mine.has(refOf(e))), ...sealed];
      });
      return r.ok ? { state: 'saved' } : { state: 'localOnly', message: r.message };
    } finally {
      l.pending--;
      changed(l);
    }
  }

  return {
    save,
    saveMany,
    flush,
    /** The contest's save status; the same object until something changes (for useSyncExternalStore). */
    status: (contestId: string): SaveStatus => lanes.get(contestId)?.status ?? IDLE,
    /** Be told whenever any contest's status changes. Returns the unsubscribe function. */
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    whenRecorded,
    /** Be told of each event a save has just put in IndexedDB (before it is sent). Returns the unsubscribe function. */
    onRecorded(listener: (e: JournalEvent) => void): () => void {
      recordedListeners.add(listener);
      return () => recordedListeners.delete(listener);
    },
    /** Contests with changes not yet acknowledged by the journal (closing now would risk them). */
    unsent: (): ContestId[] =>
      [...lanes]
        .filter(([, l]) => l.pending > 0 || l.waiting.size > 0)
        .map(([id]) => id as ContestId),
  };
}

export type ScoreSaver = ReturnType<typeof createScoreSaver>;
